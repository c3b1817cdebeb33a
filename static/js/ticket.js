// New replies on an open ticket page appear without a reload: poll for messages after the last one.
(function () {
  "use strict";
  var thread = document.getElementById("thread");
  if (!thread || !thread.dataset.pollSeconds || !window.fetch) return;

  function lastId() {
    var items = thread.querySelectorAll("[data-message-id]");
    return items.length ? items[items.length - 1].dataset.messageId : "0";
  }

  function poll() {
    if (document.hidden) return;
    fetch(thread.dataset.pollUrl + "?after=" + encodeURIComponent(lastId()), {
      headers: { "X-Requested-With": "fetch" },
      credentials: "same-origin",
    })
      .then(function (response) { return response.ok ? response.text() : ""; })
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
