from dataclasses import dataclass
from urllib.parse import urlsplit

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.template.loader import render_to_string
from django.urls import reverse

from .roles import can_access_admin


@dataclass(frozen=True)
class ConfiguredSite:
    """The site as its emails name it: SITE_NAME at SITE_URL's host, whichever host and port the
    request came in on (allauth would otherwise greet from get_current_site: the request's)."""

    name: str
    domain: str
    url: str

    @classmethod
    def from_settings(cls):
        url = settings.SITE_URL
        return cls(name=settings.SITE_NAME, domain=urlsplit(url).netloc, url=url)


# The link an allauth email is about, by the context variable that holds it: its HTML button.
ACTION_LINKS = ("activate_url", "password_reset_url", "signup_url")


class AccountAdapter(DefaultAccountAdapter):
    def send_mail(self, template_prefix, email, context):
        super().send_mail(
            template_prefix, email, {**context, "current_site": ConfiguredSite.from_settings()}
        )

    def render_mail(self, template_prefix, email, context, headers=None):
        """allauth's text email, and beside it the same words in the branded layout of the
        ticket emails (templates/account/email/message.html), unless a template of its own
        gives the HTML."""
        message = super().render_mail(template_prefix, email, context, headers=headers)
        if not getattr(message, "alternatives", None) and hasattr(message, "attach_alternative"):
            action_url = next((context[key] for key in ACTION_LINKS if context.get(key)), "")
            html = render_to_string(
                "account/email/message.html",
                {
                    "body": message.body,
                    "subject": message.subject,
                    "site_name": settings.SITE_NAME,
                    "site_url": settings.SITE_URL,
                    "link_url": action_url or settings.SITE_URL,
                    "has_action": bool(action_url),
                },
            )
            message.attach_alternative(html, "text/html")
        return message

    def get_login_redirect_url(self, request):
        """Staff start their day in the admin, customers in their tickets (unless ?next= says)."""
        if can_access_admin(request.user):
            return reverse("wagtailadmin_home")
        return reverse("tickets:list")

    def get_signup_redirect_url(self, request):
        """A new account is signed in once its email is verified: send it where a login would."""
        if request.user.is_authenticated:
            return self.get_login_redirect_url(request)
        return super().get_signup_redirect_url(request)

    def send_account_already_exists_mail(self, email):
        """Sign-up with an address that has an account mails its owner instead of making one.
        Hash a password as a new account does, so that the answer takes as long as for a new
        address: otherwise its speed would tell who has an account here."""
        make_password("a sign-up for an address that has an account")
        super().send_account_already_exists_mail(email)
