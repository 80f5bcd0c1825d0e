// Behaviour of the pages without inline script (the Content-Security-Policy forbids it).
// data-confirm="…" on a form or on its submit button asks before sending;
// data-width="42" on an element sets its width in percent (bars, progress).
(function () {
  "use strict";

  document.addEventListener("submit", function (event) {
    var button = event.submitter;
    var message = (button && button.getAttribute("data-confirm")) ||
      event.target.getAttribute("data-confirm");
    if (message && !window.confirm(message)) {
      event.preventDefault();
      event.stopImmediatePropagation();
    }
  }, true);

  function applyWidths(root) {
    var nodes = root.querySelectorAll ? Array.prototype.slice.call(root.querySelectorAll("[data-width]")) : [];
    if (root.matches && root.matches("[data-width]")) { nodes.push(root); }
    for (var i = 0; i < nodes.length; i++) {
      var value = parseFloat(String(nodes[i].getAttribute("data-width")).replace(",", "."));
      if (!isNaN(value)) {
        nodes[i].style.width = Math.max(0, Math.min(100, value)) + "%";
      }
    }
  }

  document.addEventListener("DOMContentLoaded", function () { applyWidths(document); });
  // Fragments swapped in by HTMX (a progress bar that polls).
  document.addEventListener("htmx:load", function (event) { applyWidths(event.target); });
})();
