// Contact form enhancements: suggest articles while the subject is typed, and show the
// priority justification only when it is needed. The form works fully without this script.
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
