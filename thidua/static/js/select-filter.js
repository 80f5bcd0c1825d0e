// A search box above every <select data-filter>: typing "ta van" keeps the options whose
// text contains it, without diacritics ("Xã Tả Van"). No inline script: the CSP allows it.
(function () {
  "use strict";
  function key(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d")
      .replace(/Đ/g, "d").toLowerCase().replace(/\s+/g, " ").trim();
  }
  function attach(select) {
    var box = document.createElement("input");
    box.type = "search";
    box.className = "select-filter";
    box.placeholder = select.getAttribute("data-filter") || "Tìm…";
    box.setAttribute("aria-label", box.placeholder);
    var options = Array.prototype.slice.call(select.options).map(function (o) {
      return [o, key(o.text)];
    });
    box.addEventListener("input", function () {
      var q = key(box.value);
      options.forEach(function (pair) {
        pair[0].hidden = q !== "" && pair[1].indexOf(q) === -1 && !pair[0].selected;
      });
    });
    select.parentNode.insertBefore(box, select);
  }
  function init() {
    document.querySelectorAll("select[data-filter]").forEach(attach);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
