from django.contrib.auth.models import AbstractBaseUser, PermissionsMixin
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .domains import validate_domains
from .managers import UserManager

# How the help desk names a customer whose account was erased: the one definition.
FORMER_CUSTOMER = _("Former customer")

phone_validator = RegexValidator(
    r"^\+?[0-9 ().\-]{7,20}$",
    _("Enter a phone number of 7 to 20 digits, optionally starting with +."),
)


class User(AbstractBaseUser, PermissionsMixin):
    """A person who signs in: customer, agent, editor or admin (roles are groups)."""

    email = models.EmailField(_("email address"), unique=True)
    name = models.CharField(_("name"), max_length=150, blank=True)
    business_name = models.CharField(_("business name"), max_length=200, blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True, validators=[phone_validator])
    is_staff = models.BooleanField(
        _("staff status"),
        default=False,
        help_text=_("Unused by the site; roles come from groups. Kept for Django's tooling."),
    )
    is_active = models.BooleanField(_("active"), default=True)
    is_available = models.BooleanField(
        _("takes new tickets"),
        default=True,
        help_text=_("Agents who are away are skipped when new tickets are handed out."),
    )
    date_joined = models.DateTimeField(_("date joined"), default=timezone.now)
    erased_at = models.DateTimeField(
        _("erased at"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("The account was closed and its personal data erased (privacy.erasure)."),
    )
    organization = models.ForeignKey(
        "accounts.Organization",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="members",
        help_text=_(
            "The customer's business. Addresses verified at one of its domains join it by "
            "themselves."
        ),
    )

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = []

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["email"]
        constraints = [
            models.UniqueConstraint(Lower("email"), name="accounts_user_email_ci_unique"),
        ]

    def __str__(self):
        return self.get_full_name()

    def clean(self):
        super().clean()
        self.email = self.__class__.objects.normalize_email(self.email).lower()

    def get_full_name(self):
        if self.erased_at:
            return str(FORMER_CUSTOMER)
        return self.name or self.email

    def get_short_name(self):
        if self.erased_at:
            return str(FORMER_CUSTOMER)
        return self.name.split(" ")[0] if self.name else self.email


class Organization(models.Model):
    """A customer's business: its people (User.organization), the email domains whose verified
    addresses join it (accounts.organizations), and whether they see each other's tickets."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    domains = models.TextField(
        _("email domains"),
        blank=True,
        validators=[validate_domains],
        help_text=_(
            "One a line, like lopeztaqueria.com. Whoever verifies an address at one of them "
            "joins. Webmail domains (gmail.com …) and our own are refused."
        ),
    )
    members_see_each_others_tickets = models.BooleanField(
        _("members see each other's tickets"),
        default=False,
        help_text=_("Members then read and answer every ticket of the organisation."),
    )
    admin = models.ForeignKey(
        User,
        verbose_name=_("organisation admin"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("One of its members: the customer's contact for the organisation."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self):
        return self.name

    @property
    def domain_list(self):
        return [line.strip().lower() for line in self.domains.splitlines() if line.strip()]

    def clean(self):
        """A domain belongs to one organisation only; its admin is one of its members."""
        super().clean()
        self.domains = "\n".join(dict.fromkeys(self.domain_list))
        errors = {}
        others = Organization.objects.exclude(pk=self.pk)
        taken = {domain: other for other in others for domain in other.domain_list}
        clashes = [
            _("“%(domain)s” already belongs to %(name)s.")
            % {"domain": domain, "name": taken[domain]}
            for domain in self.domain_list
            if domain in taken
        ]
        if clashes:
            errors["domains"] = clashes
        if self.admin is not None and (self.pk is None or self.admin.organization_id != self.pk):
            errors["admin"] = _("Choose one of the organisation's members (add them to it first).")
        if errors:
            raise ValidationError(errors)


class AgentApplication(models.Model):
    """A signed-in user asking to join the support team; a support admin decides."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")

    user = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="agent_applications", verbose_name=_("user")
    )
    name = models.CharField(_("name"), max_length=150)
    phone = models.CharField(_("phone"), max_length=30, validators=[phone_validator])
    motivation = models.TextField(_("why you want to join"), max_length=2000)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    decided_by = models.ForeignKey(
        User,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decision_reason = models.TextField(_("reason"), blank=True, max_length=2000)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    created_at = models.DateTimeField(_("applied at"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("agent application")
        verbose_name_plural = _("agent applications")
        permissions = [("decide_agentapplication", _("Can approve or reject agent applications"))]
        constraints = [
            models.UniqueConstraint(
                fields=["user"],
                condition=models.Q(status="pending"),
                name="accounts_one_pending_application_per_user",
            ),
        ]

    def __str__(self):
        return f"{self.name} ({self.get_status_display()})"
