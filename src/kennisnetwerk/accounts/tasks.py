"""Background jobs of accounts: thin wrappers that load by id and call a service or mail."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django_tasks import task

from kennisnetwerk.core.mail import render_plain, render_subject

from .models import ErasureRequest, Invitation


@task()
def send_invitation_mail(invitation_id: int) -> None:
    invitation = Invitation.objects.select_related("organisation", "region", "invited_by").get(
        pk=invitation_id
    )
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "invitation": invitation,
            "network_name": settings.NETWORK_NAME,
            "url": settings.SITE_URL.rstrip("/")
            + reverse("accounts:invitation", args=[invitation.token]),
        }
        subject = render_subject("accounts/email/invitation_subject.txt", context)
        message = EmailMultiAlternatives(
            subject=subject,
            body=render_plain("accounts/email/invitation.txt", context),
            to=[invitation.email],
        )
        message.attach_alternative(
            render_to_string("accounts/email/invitation.html", context), "text/html"
        )
        message.send()


@task()
def erase_personal_data(request_id: int) -> None:
    from .services import personal_data_erase

    personal_data_erase(request=ErasureRequest.objects.get(pk=request_id))
