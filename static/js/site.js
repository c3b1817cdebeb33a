/* Site behaviour, progressive enhancement only: without this file every control still works.
 * - Main menu: on narrow screens the navigation collapses behind a "Menu" button. */
(function () {
  "use strict";

  document.documentElement.classList.add("js");

  function initMenu(nav) {
    var toggle = nav.querySelector("[data-site-nav-toggle]");
    if (!toggle) return;
    var narrow = window.matchMedia("(max-width: 47.99em)");

    function setOpen(open) {
      nav.classList.toggle("site-nav--open", open);
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
    }

    toggle.hidden = false;
    toggle.addEventListener("click", function () {
      setOpen(toggle.getAttribute("aria-expanded") !== "true");
    });
    nav.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && toggle.getAttribute("aria-expanded") === "true") {
        setOpen(false);
        toggle.focus();
      }
    });
    nav.addEventListener("focusout", function (event) {
      if (event.relatedTarget && !nav.contains(event.relatedTarget)) setOpen(false);
    });
    document.addEventListener("click", function (event) {
      if (!nav.contains(event.target)) setOpen(false);
    });
    narrow.addEventListener("change", function () {
      setOpen(false);
    });
  }

  function init() {
    document.querySelectorAll("[data-site-nav]").forEach(initMenu);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
