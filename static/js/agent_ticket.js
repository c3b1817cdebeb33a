// Agent ticket view. A canned response or macro goes straight into the reply box and its actions
// are queued (the hidden "macro" field) to run when the message is sent; "Reply" and "Add an
// internal note" (and their shortcuts, r and n: Wagtail's w-kbd clicks them) open the composer
// as such; the folded panels ("Correct details", "Merge into…") fetch their form when opened;
// and the page polls for what is new: messages and changes join the stream, the summary,
// the controls and the "also viewing" line follow. Nothing the agent is typing is touched.
// Without JavaScript, "Insert", "Don't run these actions", the #composer links, the panels'
// ?panel= links and a reload do the same.
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

  document.querySelectorAll("details[data-lazy-panel]").forEach(function (details) {
    var body = details.querySelector("[data-lazy-panel-body]");
    details.addEventListener("toggle", function () {
      if (!details.open || !body || body.querySelector("form") || details.dataset.loading) return;
      details.dataset.loading = "true";
      fetch(details.dataset.lazyPanel, { credentials: "same-origin" })
        .then(function (response) { return response.ok ? response.text() : null; })
        .then(function (html) { if (html) body.innerHTML = html; })
        .catch(function () {})
        .then(function () { delete details.dataset.loading; });
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
