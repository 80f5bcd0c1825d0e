// Confirmation before a step that cannot be undone: a <form data-confirm="…"> asks the question
// on submit, a <button data-confirm="…"> when it is the button pressed. No inline handlers (CSP).
(function () {
  "use strict";
  document.addEventListener("submit", function (event) {
    var form = event.target;
    var button = event.submitter;
    var question = (button && button.getAttribute("data-confirm")) || form.getAttribute("data-confirm");
    if (question && !window.confirm(question)) {
      event.preventDefault();
    }
  });
})();
