// Contact form enhancements: show the priority justification only when it is needed (article
// suggestions are instant_answers.js). The form works fully without this script.
(function () {
  "use strict";
  var form = document.querySelector(".contact-form");
  if (!form) return;

  var priority = form.querySelector("[name=priority]");
  var justification = form.querySelector("[name=priority_justification]");
  if (priority && justification) {
    var wrapper = justification.closest(".field");
    var toggle = function () {
      var needed = priority.value === "high" || priority.value === "urgent";
      if (wrapper) wrapper.hidden = !needed && !justification.value;
    };
    priority.addEventListener("change", toggle);
    toggle();
  }
})();
