// The story editor: Quill (vendored, static/vendor/quill) over each textarea marked
// data-rich-text. The textarea stays the form's field (and the editor without JavaScript); on
// submit it receives Quill's semantic HTML, which the server sanitises (nh3) as before.
// The story's own photos (data-photos: [{url, caption}]) can be put into the text; nothing else.
(function () {
  "use strict";
  function setUp(area) {
    var holder = document.createElement("div");
    holder.className = "rich-editor";
    area.parentNode.insertBefore(holder, area);
    area.hidden = true;
    var quill = new window.Quill(holder, {
      theme: "snow",
      modules: {
        toolbar: [
          [{ header: 3 }, "bold", "italic", "underline"],
          [{ list: "ordered" }, { list: "bullet" }],
          ["blockquote", "link"],
          ["clean"],
        ],
      },
    });
    quill.setContents(quill.clipboard.convert({ html: area.value || "" }), "silent");
    var editor = holder.querySelector(".ql-editor");
    var label = document.querySelector('label[for="' + area.id + '"]');
    editor.setAttribute("role", "textbox");
    editor.setAttribute("aria-multiline", "true");
    editor.setAttribute("aria-label", label ? label.textContent.trim() : "Nội dung");
    holder.parentNode.querySelectorAll(".ql-toolbar button, .ql-toolbar .ql-picker-label")
      .forEach(function (button) {
        var name = (button.className.match(/ql-(\w+)/) || [])[1] || "";
        var value = button.getAttribute("value");
        var labels = {
          bold: "Chữ đậm", italic: "Chữ nghiêng", underline: "Gạch chân", blockquote: "Trích dẫn",
          link: "Liên kết", clean: "Xóa định dạng", header: "Tiêu đề mục",
          list: value === "bullet" ? "Danh sách dấu chấm" : "Danh sách đánh số",
        };
        if (labels[name]) button.setAttribute("aria-label", labels[name]);
      });

    var photos = [];
    try { photos = JSON.parse(area.dataset.photos || "[]"); } catch (e) { photos = []; }
    if (photos.length) {
      var bar = document.createElement("div");
      bar.className = "rich-editor-photos";
      bar.appendChild(document.createTextNode("Chèn ảnh của bài: "));
      photos.forEach(function (photo) {
        var button = document.createElement("button");
        button.type = "button";
        button.className = "btn btn-secondary btn-sm";
        button.textContent = photo.caption || "Ảnh";
        button.addEventListener("click", function () {
          var range = quill.getSelection(true);
          quill.insertEmbed(range ? range.index : quill.getLength(), "image", photo.url, "user");
        });
        bar.appendChild(button);
      });
      holder.parentNode.insertBefore(bar, holder.nextSibling);
    }

    area.form.addEventListener("submit", function () {
      var empty = quill.getText().trim() === "" && !editor.querySelector("img");
      area.value = empty ? "" : quill.getSemanticHTML().replace(/&nbsp;/g, " ");
    });
  }
  function start() {
    if (!window.Quill) return;
    document.querySelectorAll("textarea[data-rich-text]").forEach(setUp);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
