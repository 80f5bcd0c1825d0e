// A table wider than the screen scrolls inside its .table-wrap box: such a box must be reachable
// by keyboard (WCAG 2.1.1; axe-core "scrollable-region-focusable"), so it gets a tab stop and a
// name. Boxes that do not scroll are left alone. Runs after load, on resize and after HTMX swaps.
(function () {
  "use strict";
  function label(box) {
    var section = box.closest("section, .card");
    var heading = section && section.querySelector("h1, h2, h3");
    return heading ? heading.textContent.trim() + " (bảng, cuộn ngang)" : "Bảng (cuộn ngang)";
  }
  function mark() {
    document.querySelectorAll(".table-wrap").forEach(function (box) {
      var scrolls = box.scrollWidth > box.clientWidth + 1;
      if (scrolls && !box.hasAttribute("tabindex")) {
        box.setAttribute("tabindex", "0");
        box.setAttribute("role", "region");
        box.dataset.scrollRegion = box.hasAttribute("aria-label") ? "named" : "1";
        if (box.dataset.scrollRegion === "1") box.setAttribute("aria-label", label(box));
      } else if (!scrolls && box.dataset.scrollRegion) {
        box.removeAttribute("tabindex");
        box.removeAttribute("role");
        if (box.dataset.scrollRegion === "1") box.removeAttribute("aria-label");
        delete box.dataset.scrollRegion;
      }
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mark);
  else mark();
  window.addEventListener("resize", mark);
  document.addEventListener("htmx:afterSettle", mark);
})();
