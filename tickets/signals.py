"""What happened to a ticket, announced by tickets.workflow (and its SLA job) once the change is
committed (supportsite.signals.send_on_commit).

Every signal is sent with the ticket and `by`, the user who acted (None for the SLA job and the
automatic close), plus what its comment names. The notifications app listens; this app never
asks who does.

`text_redacted` is the exception: sent at once, inside the redaction's transaction (with the
ticket, `by`, `passage` and `marker`), so that every app replaces its copies of the passage in
the same change; each receiver returns {kind of copy: rows changed} for the audit log.
"""

from django.dispatch import Signal

ticket_opened = Signal()
message_posted = Signal()  # message: the new Message (internal notes too)
status_changed = Signal()
priority_changed = Signal()  # previous: the priority before the change
assigned = Signal()  # previous: the assignee's id before the change (None if there was none)
resolution_confirmed = Signal()
rated = Signal()  # feedback: the customer's Feedback
sla_breached = Signal()  # target: "first_response" or "resolution"
corrected = Signal()  # fields: the names of the fields the correction changed
team_changed = Signal()  # previous: the team's id before the change (None if there was none)
merged = Signal()  # into: the target; merged: the customer's tickets merged into it (see merge)
tags_changed = Signal()  # added, removed: the Tags put on and taken off
ccs_changed = Signal()  # added, removed: the email addresses copied on and taken off
followers_changed = Signal()  # agent: who follows or stops; following: True or False
text_redacted = Signal()  # passage, marker: sent within the change, not on commit
# A passage or a file redacted (by, subject_user_id: whose words; details: what, never the text),
# sent within the change for the audit log (privacy.receivers).
redacted = Signal()
