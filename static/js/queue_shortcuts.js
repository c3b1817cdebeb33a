// The queue's j and k (tickets/admin/shortcuts.py): the next or previous ticket in the list gets
// the focus, Enter opens it. Like Wagtail's own shortcuts: not while typing in a field, not with
// a modifier key, and not when the user turned keyboard shortcuts off in their account.
(function () {
  "use strict";
  var keys = document.getElementById("queue-shortcuts");
  var config = document.getElementById("wagtail-config");
  if (!keys) return;
  if (config && JSON.parse(config.textContent).KEYBOARD_SHORTCUTS_ENABLED === false) return;
  var next = keys.dataset.next;
  var previous = keys.dataset.previous;

  function typing(target) {
    return target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName);
  }

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
    if (event.key !== next && event.key !== previous) return;
    var links = Array.prototype.slice.call(document.querySelectorAll(".ticket-row td.title a"));
    if (!links.length) return;
    var at = links.indexOf(document.activeElement);
    var to = event.key === next ? at + 1 : at - 1;
    if (at === -1) to = event.key === next ? 0 : links.length - 1;
    if (to < 0 || to >= links.length) return;
    event.preventDefault();
    links[to].focus();
  });
})();
