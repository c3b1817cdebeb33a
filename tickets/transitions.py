"""The one table of status changes staff may make. docs/tickets.md shows it as a diagram."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from .choices import Status

TRANSITIONS = {
    Status.OPEN: {Status.IN_PROGRESS, Status.WAITING_ON_CUSTOMER, Status.RESOLVED, Status.CLOSED},
    Status.IN_PROGRESS: {Status.OPEN, Status.WAITING_ON_CUSTOMER, Status.RESOLVED, Status.CLOSED},
    Status.WAITING_ON_CUSTOMER: {Status.IN_PROGRESS, Status.RESOLVED, Status.CLOSED},
    Status.RESOLVED: {Status.IN_PROGRESS, Status.CLOSED},
    Status.CLOSED: set(),
}


class InvalidTransition(ValidationError):
    def __init__(self, current, target):
        self.allowed = sorted(TRANSITIONS[current], key=list(Status).index)
        allowed = ", ".join(str(Status(s).label) for s in self.allowed) or _("none: it is final")
        super().__init__(
            _("A ticket that is %(current)s cannot become %(target)s. Allowed: %(allowed)s.")
            % {
                "current": Status(current).label,
                "target": Status(target).label,
                "allowed": allowed,
            },
            code="invalid_transition",
        )


def allowed_targets(status):
    return TRANSITIONS[Status(status)]


def check_transition(current, target):
    if Status(target) not in TRANSITIONS[Status(current)]:
        raise InvalidTransition(current, target)
