// Agent ticket view. Canned responses go straight into the reply box; "Reply" and "Add an
// internal note" (and their shortcuts, r and n: Wagtail's w-kbd clicks them) open the composer
// as such; and the page polls for what is new: messages and changes join the stream, the summary,
// the controls and the "also viewing" line follow. Nothing the agent is typing is touched.
// Without JavaScript, "Insert", the #composer links and a reload do the same.
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

  document.querySelectorAll("[data-compose]").forEach(function (link) {
    link.addEventListener("click", function (event) {
      var kind = document.querySelector("input[name=kind][value=" + link.dataset.compose + "]");
      if (!kind || !body) return;
      event.preventDefault();
      kind.checked = true;
      kind.dispatchEvent(new Event("change", { bubbles: true }));
      body.focus();
    });
  });

  var root = document.querySelector("[data-updates-url]");
  if (!root || !window.fetch) return;
  var stream = document.getElementById("activity");
  var news = document.getElementById("ticket-news");
  var controls = document.getElementById("ticket-controls");
  var seen = document.querySelector("input[name=seen]");
  var state = { message: root.dataset.lastMessage, change: root.dataset.lastChange, ticket: root.dataset.state };

  // The controls are replaced only while the agent is not using them.
  var controlsInUse = false;
  if (controls) {
    ["input", "change"].forEach(function (type) {
      controls.addEventListener(type, function () { controlsInUse = true; });
    });
  }

  function replace(id, html) {
    var element = document.getElementById(id);
    if (element && html !== undefined && element.innerHTML.trim() !== html.trim()) {
      element.innerHTML = html;
    }
  }

  function apply(data) {
    if (data.items && stream) {
      stream.insertAdjacentHTML("beforeend", data.items);
      if (news && data.announcement) {
        news.textContent = data.announcement;
        news.hidden = false;
      }
    }
    state.message = data.last_message;
    state.change = data.last_change;
    // What is new is on the page, marked: a reply sent now answers it knowingly.
    if (seen) seen.value = data.version;
    replace("ticket-summary", data.summary);
    replace("presence", data.presence);
    // Status, priority or assignee changed elsewhere: the controls show the new values.
    var ticket = [data.status, data.priority, data.assignee || ""].join("|");
    if (controls && ticket !== state.ticket && !controlsInUse && !controls.contains(document.activeElement)) {
      controls.innerHTML = data.controls;
      state.ticket = ticket;
    }
  }

  function poll() {
    if (document.hidden) return;
    var query = "?message=" + encodeURIComponent(state.message) + "&change=" + encodeURIComponent(state.change);
    fetch(root.dataset.updatesUrl + query, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) { if (data) apply(data); })
      .catch(function () {});
  }

  window.setInterval(poll, Number(root.dataset.pollSeconds || 15) * 1000);
})();
