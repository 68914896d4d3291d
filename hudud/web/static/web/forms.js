// Small form conveniences without inline handlers (the CSP forbids them).
(function () {
  "use strict";
  // A select or radio marked data-submit-on-change reloads the page with its value.
  document.querySelectorAll("[data-submit-on-change]").forEach(function (field) {
    field.addEventListener("change", function () { field.form.submit(); });
  });
  // A checkbox marked data-reveals="<id>" shows that element only while checked.
  document.querySelectorAll("[data-reveals]").forEach(function (box) {
    var target = document.getElementById(box.getAttribute("data-reveals"));
    if (!target) { return; }
    var sync = function () { target.hidden = !box.checked; };
    box.addEventListener("change", sync);
    sync();
  });
})();
