// The queue's bulk bar counts "tickets": Wagtail's bulk-action script words its counts by the
// footer's item type (data-bulk-action-footer="TICKET"), from these strings
// (templates/tickets/admin/includes/bulk_bar.html).
(function () {
  "use strict";
  const strings = document.getElementById("ticket-bulk-strings");
  if (!strings || !window.wagtailConfig) {
    return;
  }
  window.wagtailConfig.STRINGS.BULK_ACTIONS.TICKET = JSON.parse(strings.textContent);
})();
