// Contact form enhancements: suggest articles while the subject is typed, and show the
// priority justification only when it is needed (marked required then). The form works fully without this script.
(function () {
  "use strict";
  var form = document.querySelector(".contact-form");
  if (!form) return;

  var subject = form.querySelector("[name=subject]");
  var box = document.getElementById("suggestions");
  var timer = null;
  var lastQuery = "";

  function suggest() {
    var query = subject.value.trim();
    if (query === lastQuery) return;
    lastQuery = query;
    if (query.length < 3) { box.innerHTML = ""; return; }
    var url = form.dataset.suggestUrl + "?q=" + encodeURIComponent(query) + "&from=" + form.dataset.pageId;
    fetch(url, { credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.text() : ""; })
      .then(function (html) { if (query === lastQuery) box.innerHTML = html; })
      .catch(function () {});
  }

  if (subject && box && window.fetch) {
    subject.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(suggest, 350);
    });
  }

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
