import time

from allauth.account import app_settings as account_settings
from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request) -> bool:
        # Entrepreneurs may create an account themselves; professionals are invited.
        return settings.ENTREPRENEUR_SIGNUP_OPEN

    def is_reauthentication_required(self, *, app: str, **kwargs) -> bool:
        """A password typed moments ago counts as re-authentication for setting up an
        authenticator app (not for removing one), so a facilitator who must set one up right
        after logging in is not asked for the password twice in a row."""
        if app == "allauth.mfa" and self._is_totp_activation() and self._logged_in_moments_ago():
            return False
        return super().is_reauthentication_required(app=app, **kwargs)

    def _is_totp_activation(self) -> bool:
        match = getattr(self.request, "resolver_match", None)
        return match is not None and match.url_name == "mfa_activate_totp"

    def _logged_in_moments_ago(self) -> bool:
        request = self.request
        if request is None or not request.user.is_authenticated:
            return False
        records = request.session.get("account_authentication_methods") or []
        if not records:
            return False
        return time.time() - records[-1].get("at", 0) < account_settings.REAUTHENTICATION_TIMEOUT
