/* Instant answers on a contact form: while the subject (and then the description) is typed,
 * articles that may answer it appear right under the subject, each with a highlighted snippet
 * (helpcenter.views.contact_suggestions). "Read it" opens the article in a new tab, so the
 * draft stays as typed; "This answered my question" closes the form. */
(function () {
  "use strict";
  var DELAY = 200;
  var MAX_LENGTH = 300;
  var form = document.querySelector("form[data-suggest-url]");
  var box = document.getElementById("suggestions");
  if (!form || !box || !window.fetch) return;
  var subject = form.querySelector("[name=subject]");
  var description = form.querySelector("[name=description]");
  if (!subject) return;

  // Right under the subject field, where the customer is looking.
  var subjectField = subject.closest(".field") || subject;
  if (subjectField.nextElementSibling !== box) subjectField.after(box);

  var timer = null;
  var lastQuery = "";
  var sequence = 0;

  function query() {
    var text = subject.value.trim();
    if (description && description.value.trim()) text += " " + description.value.trim();
    return text.slice(0, MAX_LENGTH);
  }

  function suggest() {
    var text = query();
    if (text === lastQuery) return;
    lastQuery = text;
    if (text.length < 3) { box.innerHTML = ""; return; }
    var mine = ++sequence;
    var url = form.dataset.suggestUrl + "?q=" + encodeURIComponent(text) + "&from=" + encodeURIComponent(form.dataset.pageId || "");
    fetch(url, { credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.text() : ""; })
      .then(function (html) { if (mine === sequence) box.innerHTML = html; })
      .catch(function () {});
  }

  function later() {
    window.clearTimeout(timer);
    timer = window.setTimeout(suggest, DELAY);
  }

  subject.addEventListener("input", later);
  if (description) description.addEventListener("input", later);
  if (subject.value.trim()) suggest();
})();
