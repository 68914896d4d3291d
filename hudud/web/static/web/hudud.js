// Hudud workspace behaviour shared by every page. No inline scripts anywhere: the
// Content-Security-Policy allows only scripts served from 'self'.
(function () {
  "use strict";

  // Every htmx request carries the CSRF token (read from the page's meta tag).
  document.body.addEventListener("htmx:configRequest", function (event) {
    var meta = document.querySelector('meta[name="csrf-token"]');
    if (meta) {
      event.detail.headers["X-CSRFToken"] = meta.content;
    }
  });

  // A request that got no answer (the link dropped) or a server error: say so, in the
  // page's language, instead of leaving the officer looking at an unchanged screen.
  var status = document.getElementById("request-status");
  function showStatus(kind) {
    if (!status) { return; }
    status.textContent = status.getAttribute(kind);
    status.hidden = false;
  }
  document.body.addEventListener("htmx:sendError", function () { showStatus("data-send-error"); });
  document.body.addEventListener("htmx:responseError", function () { showStatus("data-server-error"); });
  document.body.addEventListener("htmx:afterRequest", function (event) {
    if (status && event.detail.successful) { status.hidden = true; }
  });

  // After a swap, focus the element the server marked for it (the next field to use).
  document.body.addEventListener("htmx:afterSettle", function (event) {
    var target = event.detail.elt.querySelector("[data-autofocus]") ||
      document.querySelector("[data-autofocus-after-swap]");
    if (target) {
      target.focus();
      if (target.select) { target.select(); }
    }
  });
})();
