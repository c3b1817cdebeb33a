/* Search as you type: the help-center search box becomes an ARIA combobox whose listbox shows the
 * best results while typing (helpcenter.views.search_as_you_type). Arrow keys move through the
 * options, Enter opens the chosen one, Escape closes the list. Without this file the box is a
 * plain form, submitted to /search/. */
(function () {
  "use strict";
  var DELAY = 150;
  var MIN_LENGTH = 2;

  function enhance(form) {
    var input = form.querySelector("input[name=q]");
    var list = form.querySelector("[role=listbox]");
    var status = null; // made on first use: a page with results has its own status line
    if (!input || !list || form.dataset.enhanced) return;
    form.dataset.enhanced = "1";
    var timer = null;
    var sequence = 0;
    var active = -1;

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", list.id);

    function options() { return list.querySelectorAll("[role=option]"); }

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function select(index) {
      var items = options();
      if (!items.length) return;
      active = (index + items.length) % items.length;
      items.forEach(function (item, n) { item.setAttribute("aria-selected", n === active ? "true" : "false"); });
      input.setAttribute("aria-activedescendant", items[active].id);
      items[active].scrollIntoView({ block: "nearest" });
    }

    function show(html, query) {
      list.innerHTML = html;
      var items = options();
      items.forEach(function (item, n) { item.id = list.id + "-" + n; });
      active = -1;
      input.removeAttribute("aria-activedescendant");
      if (!items.length) { close(); return; }
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
      if (!status) {
        status = document.createElement("p");
        status.className = "visually-hidden";
        status.setAttribute("role", "status");
        form.appendChild(status);
      }
      var results = list.querySelectorAll(".search-option:not(.search-option--all):not(.search-option--correction)").length;
      status.textContent = form.dataset.statusText + " " + results;
      input.dataset.shownQuery = query;
    }

    function fetchOptions() {
      var query = input.value.trim();
      if (query.length < MIN_LENGTH) { list.innerHTML = ""; close(); return; }
      var mine = ++sequence;
      fetch(form.dataset.asYouTypeUrl + "?q=" + encodeURIComponent(query), { credentials: "same-origin" })
        .then(function (response) { return response.ok ? response.text() : ""; })
        .then(function (html) { if (mine === sequence && document.activeElement === input) show(html, query); })
        .catch(function () {});
    }

    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(fetchOptions, DELAY);
    });
    input.addEventListener("keydown", function (event) {
      var open = !list.hidden;
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        if (!open) {
          if (options().length) { list.hidden = false; input.setAttribute("aria-expanded", "true"); }
          else { fetchOptions(); return; }
        }
        var down = event.key === "ArrowDown";
        select(active === -1 && !down ? -1 : active + (down ? 1 : -1));
      } else if (event.key === "Enter" && open && active >= 0) {
        event.preventDefault();
        var link = options()[active].querySelector("a");
        if (link) window.location.assign(link.href);
      } else if (event.key === "Escape" && open) {
        event.preventDefault();
        close();
      }
    });
    input.addEventListener("blur", function () {
      // Later than a click on an option, which follows its link.
      window.setTimeout(close, 200);
    });
    input.addEventListener("focus", function () {
      if (options().length && input.dataset.shownQuery === input.value.trim()) {
        list.hidden = false;
        input.setAttribute("aria-expanded", "true");
      }
    });
  }

  document.querySelectorAll("form[data-as-you-type-url]").forEach(enhance);
})();
