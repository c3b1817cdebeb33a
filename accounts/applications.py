"""Becoming an agent: a user applies, a support admin approves (joining the agents group) or
rejects, with a reason. Every entry point (the site's form, the admin) calls these.

Each ends with a signal (accounts.signals), sent once the change is committed: the notifications
app tells the support admins about a new application and the applicant about the decision.
"""

from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from supportsite.signals import send_on_commit

from . import roles, signals
from .models import AgentApplication


def pending_application(user):
    return AgentApplication.objects.filter(
        user=user, status=AgentApplication.Status.PENDING
    ).first()


@transaction.atomic
def apply(*, user, name, phone, motivation):
    if roles.is_agent(user):
        raise ValidationError(_("You are already on the support team."), code="already_agent")
    if pending_application(user):
        raise ValidationError(
            _("Your application is already waiting for a decision."), code="pending"
        )
    application = AgentApplication(user=user, name=name, phone=phone, motivation=motivation)
    application.full_clean(exclude=["user"])
    application.save()
    send_on_commit(
        signals.agent_applied, AgentApplication, application=application, by=application.user
    )
    return application


def can_decide(user):
    return roles.is_support_admin(user) or user.has_perm("accounts.decide_agentapplication")


@transaction.atomic
def decide(application, *, by, approve, reason=""):
    if not can_decide(by):
        raise PermissionDenied(_("Only support admins decide applications."))
    application = AgentApplication.objects.select_for_update().get(pk=application.pk)
    if application.status != AgentApplication.Status.PENDING:
        raise ValidationError(_("This application has already been decided."), code="decided")
    if not approve and not reason.strip():
        raise ValidationError({"reason": _("Tell the applicant why.")})
    application.status = (
        AgentApplication.Status.APPROVED if approve else AgentApplication.Status.REJECTED
    )
    application.decided_by = by
    application.decided_at = timezone.now()
    application.decision_reason = reason.strip()
    application.save()
    if approve:
        application.user.groups.add(Group.objects.get(name=roles.AGENTS))
        if application.name and not application.user.name:
            application.user.name = application.name
            application.user.save(update_fields=["name"])
    send_on_commit(signals.application_decided, AgentApplication, application=application, by=by)
    return application
