// Contact form enhancements: show the priority justification only when it is needed, marked
// required then (article suggestions are instant_answers.js). The form works fully without this script.
(function () {
  "use strict";
  var form = document.querySelector(".contact-form");
  if (!form) return;

  // The justification is asked for only with the priorities that need one (the server's rule,
  // in the field's data-needed-for): shown, marked and announced as required then.
  var priority = form.querySelector("[name=priority]");
  var justification = form.querySelector("[name=priority_justification]");
  if (priority && justification) {
    var wrapper = justification.closest(".field");
    var marker = wrapper ? wrapper.querySelector("[data-required-marker]") : null;
    var neededFor = (justification.dataset.neededFor || "").split(" ");
    var toggle = function () {
      var needed = neededFor.indexOf(priority.value) !== -1;
      if (wrapper) wrapper.hidden = !needed && !justification.value;
      if (marker) marker.hidden = !needed;
      justification.required = needed;
      justification.setAttribute("aria-required", needed ? "true" : "false");
    };
    priority.addEventListener("change", toggle);
    toggle();
  }
})();
