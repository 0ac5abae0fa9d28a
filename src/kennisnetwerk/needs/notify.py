"""What the needs app tells people: the region's coordinators and account managers of a new
question with consent to contact, and the entrepreneur (who usually has no account) that the
question arrived. Called from the services, inside their transaction; all is sent after the
commit."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from kennisnetwerk.core.mail import render_plain, render_subject
from kennisnetwerk.notifications.services import mail_queue, notification_emit

from .links import answer_url
from .models import Need, NeedMatch

BEST_MATCHES = 3


def need_handler_ids(need: Need) -> set[int]:
    """The region's coordinators and its account managers (members of parties located in the
    region): the people who may see the question (``needs.permissions.can_handle_needs``)."""
    region = need.region
    return set(
        get_user_model()
        .objects.filter(is_active=True)
        .filter(
            Q(region_roles__region=region, region_roles__role="coordinator")
            | Q(memberships__organisation__municipality__in=region.municipalities.all())
        )
        .values_list("pk", flat=True)
        .distinct()
    )


def need_question_notify(*, need: Need) -> None:
    """A question with consent to contact: tell the region's handlers (with the question and its
    best matches) and confirm to the entrepreneur with the signed link to their answer page."""
    if not need.follow_up_consent:
        return
    matches = [
        m.initiative.title
        for m in NeedMatch.objects.filter(need=need).select_related("initiative")[:BEST_MATCHES]
    ]
    with translation.override(settings.LANGUAGE_CODE):
        title = _("Question from an entrepreneur in %(region)s: please contact them") % {
            "region": need.region.name
        }
        body = need.question
        if matches:
            body += "\n\n" + _("Best matches: %(matches)s") % {"matches": "; ".join(matches)}
        else:
            body += "\n\n" + _("No matching offer was found yet.")
    notification_emit(
        kind="needs.question_consent",
        recipients=need_handler_ids(need),
        title=title,
        body=body,
        url=reverse("needs:need", args=[need.pk]),
        target=need,
    )
    if need.contact_email:
        context = {
            "need": need,
            "region": need.region,
            "matches": matches,
            "url": answer_url(need),
            "network_name": settings.NETWORK_NAME,
        }
        with translation.override(settings.LANGUAGE_CODE):
            subject = render_subject("needs/email/confirmation_subject.txt", context)
            text = render_plain("needs/email/confirmation.txt", context)
            html = render_to_string("needs/email/confirmation.html", context)
        mail_queue(to=need.contact_email, subject=subject, text=text, html=html)
