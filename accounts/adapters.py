from allauth.account.adapter import DefaultAccountAdapter
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
