// The primary line, keyboard first. A document reader types the MRZ line by line, each line
// ending with Enter: Enter inserts a line break until the zone is complete, then checks it.
// On the card, Enter takes the suggested action; letters take the others (shown on each
// button); Esc comes back to the document field.
(function () {
  "use strict";

  var scan = document.querySelector("[data-scan]");
  if (!scan) { return; }
  var form = scan.form;

  function lines(text) {
    return text.split(/\r?\n/).map(function (l) { return l.trim(); })
      .filter(function (l) { return l.length > 0; });
  }

  // Whether Enter should check now: a full zone (TD3 2x44, TD2 2x36, TD1 3x30, or one line
  // holding them joined), or enough lines that waiting for more makes no sense.
  function readyToCheck(text) {
    var ls = lines(text);
    if (ls.length === 1) { return [88, 72, 90].indexOf(ls[0].length) >= 0; }
    if (ls.length === 2) { return ls[0].length !== 30; }
    return ls.length >= 3;
  }

  scan.addEventListener("keydown", function (event) {
    if (event.key !== "Enter" || event.shiftKey || event.isComposing) { return; }
    if (event.ctrlKey || event.metaKey || readyToCheck(scan.value)) {
      event.preventDefault();
      form.requestSubmit();
    }
  });

  function focusScan(button) {
    if (button && button.hasAttribute("data-clear-scan")) { scan.value = ""; }
    scan.focus();
    var line = button ? parseInt(button.getAttribute("data-line") || "0", 10) : 0;
    var position = button ? parseInt(button.getAttribute("data-position") || "0", 10) : 0;
    if (line > 0 && position > 0) {
      // Put the caret on the failing character, selected, so typing replaces it.
      var all = scan.value.split("\n");
      var offset = 0;
      for (var i = 0; i < line - 1 && i < all.length; i++) { offset += all[i].length + 1; }
      offset += position - 1;
      scan.setSelectionRange(offset, offset + 1);
    } else {
      scan.select();
    }
  }

  document.addEventListener("click", function (event) {
    var target = event.target.closest("[data-focus-scan], [data-toggle-refusal]");
    if (!target) { return; }
    if (target.hasAttribute("data-toggle-refusal")) {
      var panel = document.querySelector("[data-refusal-panel]");
      if (panel) {
        panel.hidden = !panel.hidden;
        var first = panel.querySelector("[data-suggested]") || panel.querySelector("button");
        if (!panel.hidden && first) { first.focus(); }
      }
      return;
    }
    focusScan(target);
  });

  document.addEventListener("keydown", function (event) {
    var card = document.getElementById("check-card");
    if (event.key === "Escape") {
      event.preventDefault();
      var clear = card ? card.querySelector("[data-clear-scan]") : null;
      focusScan(clear);
      return;
    }
    if (!card || event.ctrlKey || event.metaKey || event.altKey) { return; }
    if (event.target.matches("input, textarea, select")) { return; }
    var key = event.key.toLowerCase();
    var panel = card.querySelector("[data-refusal-panel]");
    var selector = (panel && !panel.hidden && /^[a-i]$/.test(key))
      ? '[data-refusal="' + key.toUpperCase() + '"]'
      : '[data-key="' + key + '"]';
    var button = card.querySelector(selector);
    if (button && !button.disabled) {
      event.preventDefault();
      button.click();
    }
  });

  // After a decision is recorded (or, in group mode, a member is listed): empty the
  // document field for the next traveller.
  document.body.addEventListener("htmx:afterSettle", function (event) {
    var swapped = event.detail.elt;
    if (swapped && swapped.querySelector && swapped.querySelector("[data-reset-scan]")) {
      scan.value = "";
      scan.focus();
    }
  });
})();
