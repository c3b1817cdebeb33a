"""The ticket workflow: every change to a ticket, from any entry point, goes through here.

Each function checks who is acting, applies the rule, records history (who and why) and saves,
in one transaction. Web views, the Wagtail admin, the API and email intake only translate their
input into these calls. Bad input raises ValidationError (by field where there is one); a
forbidden action raises PermissionDenied. One module per kind of change; callers use the names
here (`workflow.post_message`, …).
"""

from .corrections import CORRECTABLE_FIELDS, change_team, correct
from .feedback import comment_on_rating, rate, record_deflection
from .files import remove_attachment_files
from .macros import apply_macro
from .merging import merge
from .messages import mark_read, post_message
from .opening import missing_justification, needs_justification, open_ticket
from .participants import (
    add_cc,
    add_ccs,
    cc_author,
    cc_problems,
    confirmed_account,
    copy_in,
    follow,
    link_confirmed_address,
    remove_cc,
    set_ccs,
    split_addresses,
    unfollow,
)
from .redaction import redact_attachment, redact_message, redact_opening
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
    "remove_attachment_files",
    "unfollow",
    "split_addresses",
    "set_ccs",
    "remove_cc",
    "link_confirmed_address",
    "follow",
    "copy_in",
    "confirmed_account",
    "cc_problems",
    "cc_author",
    "add_ccs",
    "add_cc",
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
    "redact_attachment",
    "redact_message",
    "redact_opening",
    "tag",
    "tag_conflict",
]
