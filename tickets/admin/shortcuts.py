"""The ticket view's and the queue's keyboard shortcuts, defined once: the pages bind these keys
(Wagtail's w-kbd controller on the ticket view, static/js/queue_shortcuts.js on the queue) and
Wagtail's keyboard-shortcuts dialog lists them (templates/wagtailadmin/shared/)."""

from django.utils.translation import gettext_lazy as _

# name: (key, what it does). Keys are not translated, as Wagtail's own are not.
SHORTCUTS = {
    "next": ("j", _("Next ticket (in the queue's order)")),
    "previous": ("k", _("Previous ticket (in the queue's order)")),
    "reply": ("r", _("Write a public reply")),
    "note": ("n", _("Write an internal note")),
    "assign_me": ("a", _("Assign the ticket to me")),
    "status": ("s", _("Set the status")),
}


def key(name):
    return SHORTCUTS[name][0]


def listed():
    """(description, key) rows, as Wagtail's dialog lists its own."""
    return [(label, shortcut_key) for shortcut_key, label in SHORTCUTS.values()]
