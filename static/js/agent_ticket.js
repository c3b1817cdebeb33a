// Agent ticket view: a canned response or macro goes straight into the reply box and its actions
// are queued (the hidden "macro" field) to run when the message is sent; the "also viewing" line
// stays fresh. Without JavaScript, "Insert", "Don't run these actions" and a reload do the same.
(function () {
  "use strict";
  var picker = document.querySelector("[data-macro-picker]");
  var canned = document.getElementById("id_canned");
  var body = document.getElementById("id_body");
  if (picker && canned && body) {
    var insert = picker.querySelector("button[value=canned]");
    var macro = picker.querySelector("input[name=macro]");
    var queued = document.getElementById("macro-actions");
    var title = queued.querySelector("[data-macro-title]");
    var summary = queued.querySelector("[data-macro-summary]");
    var clear = queued.querySelector("[data-macro-clear]");
    if (insert) insert.hidden = true;
    canned.addEventListener("change", function () {
      var option = canned.options[canned.selectedIndex];
      if (!option || !option.value) return;
      var text = option.dataset.text || "";
      body.value = body.value.trim() ? body.value + "\n\n" + text : text;
      macro.value = option.value;
      title.textContent = option.textContent;
      summary.textContent = option.dataset.actions || queued.dataset.none || "";
      queued.hidden = false;
      body.focus();
      canned.selectedIndex = 0;
    });
    clear.addEventListener("click", function (event) {
      event.preventDefault();
      macro.value = "";
      queued.hidden = true;
      canned.focus();
    });
  }

  var root = document.querySelector("[data-presence-url]");
  var presence = document.getElementById("presence");
  if (root && presence && window.fetch) {
    window.setInterval(function () {
      if (document.hidden) return;
      fetch(root.dataset.presenceUrl, { credentials: "same-origin" })
        .then(function (response) { return response.ok ? response.text() : null; })
        .then(function (html) { if (html !== null) presence.innerHTML = html; })
        .catch(function () {});
    }, 20000);
  }
})();
