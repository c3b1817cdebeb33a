// Agent ticket view: canned responses go straight into the reply box, and the "also viewing"
// line stays fresh. Without JavaScript, "Insert" and a reload do the same.
(function () {
  "use strict";
  var canned = document.getElementById("id_canned");
  var body = document.getElementById("id_body");
  if (canned && body) {
    var insert = canned.parentElement.querySelector("button[value=canned]");
    if (insert) insert.hidden = true;
    canned.addEventListener("change", function () {
      var option = canned.options[canned.selectedIndex];
      if (!option || !option.dataset.text) return;
      body.value = body.value.trim() ? body.value + "\n\n" + option.dataset.text : option.dataset.text;
      body.focus();
      canned.selectedIndex = 0;
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
