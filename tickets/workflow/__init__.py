"""The ticket workflow: every change to a ticket, from any entry point, goes through here.

Each function checks who is acting, applies the rule, records history (who and why) and saves,
in one transaction. Web views, the Wagtail admin, the API and email intake only translate their
input into these calls. Bad input raises ValidationError (by field where there is one); a
forbidden action raises PermissionDenied. One module per kind of change; callers use the names
here (`workflow.post_message`, …).
"""

from .corrections import CORRECTABLE_FIELDS, change_team, correct
from .feedback import comment_on_rating, rate, record_deflection
from .macros import apply_macro
from .merging import merge
from .messages import mark_read, post_message
from .opening import missing_justification, needs_justification, open_ticket
from .status import (
    assign,
    change_priority,
    change_status,
    close_resolved,
    confirm_resolution,
    record_breach,
)
from .tags import tag, tag_conflict

__all__ = [
    "CORRECTABLE_FIELDS",
    "apply_macro",
    "assign",
    "change_priority",
    "change_status",
    "change_team",
    "close_resolved",
    "comment_on_rating",
    "confirm_resolution",
    "correct",
    "mark_read",
    "merge",
    "missing_justification",
    "needs_justification",
    "open_ticket",
    "post_message",
    "rate",
    "record_breach",
    "record_deflection",
    "tag",
    "tag_conflict",
]
