from allauth.account.adapter import DefaultAccountAdapter
from django.contrib.auth.hashers import make_password
from django.urls import reverse

from .roles import can_access_admin


class AccountAdapter(DefaultAccountAdapter):
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
