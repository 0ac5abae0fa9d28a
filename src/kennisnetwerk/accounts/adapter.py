import time
from dataclasses import dataclass
from urllib.parse import urlsplit

from allauth.account import app_settings as account_settings
from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.template.loader import render_to_string


@dataclass(frozen=True)
class NetworkSite:
    """What account mails call "the site": the network by its name and the platform's
    address, never the host name a request happened to use ("127.0.0.1:8201")."""

    name: str
    domain: str


def network_site() -> NetworkSite:
    return NetworkSite(name=settings.NETWORK_NAME, domain=urlsplit(settings.SITE_URL).netloc)


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request) -> bool:
        # Entrepreneurs may create an account themselves; professionals are invited.
        return settings.ENTREPRENEUR_SIGNUP_OPEN

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        context = {"current_site": network_site(), "site_url": settings.SITE_URL, **context}
        super().send_mail(template_prefix, email, context)

    def render_mail(self, template_prefix, email, context, headers=None) -> EmailMessage:
        """Account mails get an HTML part in the platform's style beside the plain text."""
        message = super().render_mail(template_prefix, email, context, headers=headers)
        if isinstance(message, EmailMultiAlternatives) and message.alternatives:
            return message
        framed = EmailMultiAlternatives(
            subject=message.subject,
            body=message.body,
            from_email=message.from_email,
            to=message.to,
            headers=message.extra_headers,
        )
        framed.attach_alternative(
            render_to_string(
                "account/email/frame.html", {"subject": message.subject, "body": message.body}
            ),
            "text/html",
        )
        return framed

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
