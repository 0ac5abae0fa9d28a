"""What the learning app tells people. Called from the services after their writes, inside
their transaction; the notifications are written and mailed after the commit. Each audience is
limited to people who may see the object (``permissions.py``)."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from kennisnetwerk.core.formatting import format_datetime
from kennisnetwerk.notifications.selectors import follower_ids
from kennisnetwerk.notifications.services import notification_emit

from .models import (
    LearningQuestion,
    Programme,
    ProgrammeDocument,
    RegionApplication,
    Registration,
    Session,
)


def _actor_id(actor) -> int | None:
    return actor.pk if getattr(actor, "is_authenticated", False) else None


def programme_audience_ids(programme: Programme) -> set[int]:
    """The programme's members and core team, and those who follow it and may see it
    (facilitators, the coordinators of its regions)."""
    members = set(programme.members.values_list("user_id", flat=True))
    followers = follower_ids(target=programme) - members
    if followers:
        members |= set(
            get_user_model()
            .objects.filter(pk__in=followers)
            .filter(
                Q(is_staff=True)
                | Q(
                    region_roles__role="coordinator",
                    region_roles__region__in=programme.regions.all(),
                )
            )
            .values_list("pk", flat=True)
        )
    return members


def _professional_ids(ids: set[int]) -> set[int]:
    """Of ``ids``, the professionals (facilitators, coordinators, party members), who may see
    the network's learning questions."""
    if not ids:
        return set()
    return set(
        get_user_model()
        .objects.filter(pk__in=ids)
        .filter(Q(is_staff=True) | Q(memberships__isnull=False) | Q(region_roles__isnull=False))
        .values_list("pk", flat=True)
        .distinct()
    )


def _nl(text_fn):
    with translation.override(settings.LANGUAGE_CODE):
        return text_fn()


def session_created_notify(*, session: Session, actor) -> None:
    programme = session.programme
    notification_emit(
        kind="learning.session_new",
        recipients=programme_audience_ids(programme),
        actor_id=_actor_id(actor),
        title=_nl(
            lambda: (
                _("New session in %(programme)s: %(title)s")
                % {"programme": programme.title, "title": session.title}
            )
        ),
        body=_nl(lambda: _("On %(date)s.") % {"date": format_datetime(session.starts_at, "long")}),
        url=reverse("learning:session", args=[session.pk]),
        target=programme,
    )


def document_added_notify(*, document: ProgrammeDocument, actor) -> None:
    programme = document.programme
    notification_emit(
        kind="learning.document_new",
        recipients=programme_audience_ids(programme),
        actor_id=_actor_id(actor),
        title=_nl(
            lambda: (
                _("New document in %(programme)s: %(title)s")
                % {"programme": programme.title, "title": document.title}
            )
        ),
        url=reverse("learning:programme", args=[programme.slug]),
        target=programme,
    )


def question_created_notify(*, question: LearningQuestion, actor) -> None:
    """To the programme's audience, and to professionals who follow the question's region or
    one of its themes."""
    audience: set[int] = set()
    if question.programme is not None:
        audience |= programme_audience_ids(question.programme)
    followers: set[int] = set()
    if question.region is not None:
        followers |= follower_ids(target=question.region)
    for theme in question.themes.all():
        followers |= follower_ids(target=theme)
    audience |= _professional_ids(followers)
    where = question.programme.title if question.programme else ""
    if not where and question.region is not None:
        where = question.region.name
    notification_emit(
        kind="learning.question_new",
        recipients=audience,
        actor_id=_actor_id(actor),
        title=_nl(
            lambda: (
                _("New learning question in %(where)s: %(title)s")
                % {"where": where, "title": question.title}
                if where
                else _("New learning question: %(title)s") % {"title": question.title}
            )
        ),
        body=question.description[:500],
        url=reverse("learning:question", args=[question.pk]),
        target=question.programme or question.region,
    )


def registrations_promoted_notify(*, registrations: list[Registration]) -> None:
    for registration in registrations:
        if registration.user_id is None:
            continue  # a guest without an account has the registration mail only
        session = registration.session
        notification_emit(
            kind="learning.registration_promoted",
            recipients=[registration.user_id],
            title=_nl(
                lambda session=session: (
                    _("A place came free: you are now registered for %(title)s")
                    % {"title": session.title}
                )
            ),
            url=reverse("learning:session", args=[session.pk]),
            target=session,
        )


def application_submitted_notify(*, application: RegionApplication, actor) -> None:
    facilitators = get_user_model().objects.filter(is_staff=True, is_active=True)
    notification_emit(
        kind="learning.application_submitted",
        recipients=facilitators.values_list("pk", flat=True),
        actor_id=_actor_id(actor),
        title=_nl(
            lambda: (
                _("Application of %(region)s to join: %(kind)s")
                % {"region": application.region.name, "kind": application.get_kind_display()}
            )
        ),
        body=application.motivation[:500],
        url=reverse("learning:application", args=[application.pk]),
        target=application,
    )


def application_decided_notify(*, application: RegionApplication, actor) -> None:
    if application.submitted_by_id is None:
        return
    notification_emit(
        kind="learning.application_decided",
        recipients=[application.submitted_by_id],
        actor_id=_actor_id(actor),
        title=_nl(
            lambda: (
                _("Your application for %(region)s: %(decision)s")
                % {"region": application.region.name, "decision": application.get_status_display()}
            )
        ),
        body=_nl(
            lambda: (
                _("Reason: %(note)s") % {"note": application.review_note}
                if application.review_note
                else ""
            )
        ),
        url=reverse("learning:application", args=[application.pk]),
        target=application,
    )
