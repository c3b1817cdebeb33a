// Starts the admin's chooser widgets that carry their options in data-chooser-init
// (tickets/admin/customers.py) instead of an inline script.
document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("[data-chooser-init]").forEach((element) => {
    const { id, options } = JSON.parse(element.dataset.chooserInit);
    new window.Chooser(id, options);
  });
});
