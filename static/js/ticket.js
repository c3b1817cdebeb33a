// New replies on an open ticket page appear without a reload: poll for messages after the last
// one. The response's X-Ticket-Status header keeps the status badge and details current, in the
// customer's words (the page's <template id="status-labels">).
(function () {
  "use strict";
  var thread = document.getElementById("thread");
  if (!thread || !thread.dataset.pollSeconds || !window.fetch) return;

  function lastId() {
    var items = thread.querySelectorAll("[data-message-id]");
    return items.length ? items[items.length - 1].dataset.messageId : "0";
  }

  function labelFor(status) {
    var labels = document.getElementById("status-labels");
    var label = labels && labels.content.querySelector('[data-status="' + status + '"]');
    return label ? label.textContent : null;
  }

  function showStatus(status) {
    if (!status || status === thread.dataset.status) return;
    var label = labelFor(status);
    if (!label) return;
    document.querySelectorAll("[data-ticket-status]").forEach(function (badge) {
      badge.className = "badge badge--" + status;
      badge.textContent = label;
    });
    document.querySelectorAll("[data-ticket-status-text]").forEach(function (text) {
      text.textContent = label;
    });
    thread.dataset.status = status;
  }

  function poll() {
    if (document.hidden) return;
    fetch(thread.dataset.pollUrl + "?after=" + encodeURIComponent(lastId()), {
      headers: { "X-Requested-With": "fetch" },
      credentials: "same-origin",
    })
      .then(function (response) {
        if (!response.ok) return "";
        showStatus(response.headers.get("X-Ticket-Status"));
        return response.text();
      })
      .then(function (html) {
        if (!html.trim()) return;
        thread.insertAdjacentHTML("beforeend", html);
        var empty = document.getElementById("thread-empty");
        if (empty) empty.remove();
      })
      .catch(function () {});
  }

  var timer = window.setInterval(function () {
    // A reply sent in the background (forms.js) shows the page anew: this one is then gone.
    if (!document.contains(thread)) window.clearInterval(timer);
    else poll();
  }, Number(thread.dataset.pollSeconds) * 1000);
})();
