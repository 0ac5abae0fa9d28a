from django.db.models import Q
from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from kennisnetwerk.core import hooks, personal_data
from kennisnetwerk.core.menu import MenuItem

from .models import (
    LearningQuestion,
    PracticeExample,
    ProgrammeDocument,
    ProgrammeMember,
    RegionApplication,
    Registration,
    Session,
    SessionReport,
)

KEPT = "the link to the person is removed; the record stays with the programme"
personal_data.rule("learning.ProgrammeMember.user", export="learning.programmes", erasure="deleted")
personal_data.rule("learning.Registration.user", export="learning.registrations", erasure="deleted")
personal_data.rule(
    "learning.RegionApplication.submitted_by", export="learning.applications", erasure=KEPT
)
personal_data.rule(
    "learning.RegionApplication.reviewed_by", export="learning.applications", erasure=KEPT
)
personal_data.rule("learning.Session.organiser", export="learning.sessions_organised", erasure=KEPT)
personal_data.rule(
    "learning.PracticeExample.created_by", export="learning.practice_examples", erasure=KEPT
)
personal_data.rule(
    "learning.ProgrammeDocument.uploaded_by", export="learning.documents_uploaded", erasure=KEPT
)
personal_data.rule(
    "learning.SessionReport.written_by", export="learning.session_reports", erasure=KEPT
)
personal_data.rule(
    "learning.LearningQuestion.raised_by", export="learning.learning_questions", erasure=KEPT
)
personal_data.rule(
    "learning.LearningQuestion.people",
    export="learning.learning_questions_named_in",
    erasure="the person is removed from the question",
)


@hooks.register("main_menu_items", order=30)
def learning_item(request: HttpRequest) -> MenuItem:
    """Learning together takes the place of the "leren" placeholder."""
    return MenuItem(_("Learning"), reverse("learning:index"), "leren", 30)


@hooks.register("schedule_tick")
def learning_reminders(now):
    from .schedule import learning_schedule_tick

    return learning_schedule_tick(now)


def _registrations(user):
    return Registration.objects.filter(Q(user=user) | Q(email__iexact=user.email)).select_related(
        "session", "session__programme"
    )


@hooks.register("personal_data_export")
def export_learning(user):
    return "learning", {
        "programmes": [
            {
                "programme": m.programme.title,
                "role": m.role,
                "job_title": m.job_title,
                "listed_in_directory": m.listed,
                "shows_email": m.show_email,
            }
            for m in ProgrammeMember.objects.filter(user=user).select_related("programme")
        ],
        "registrations": [
            {
                "session": r.session.title,
                "programme": r.session.programme.title,
                "starts_at": r.session.starts_at.isoformat(),
                "status": r.status,
                "attended": r.attended,
                "registered_at": r.created_at.isoformat(),
            }
            for r in _registrations(user)
        ],
        "applications": [
            {
                "region": a.region.name,
                "kind": a.kind,
                "status": a.status,
                "submitted": a.submitted_by_id == user.pk,
                "reviewed": a.reviewed_by_id == user.pk,
                "created_at": a.created_at.isoformat(),
            }
            for a in RegionApplication.objects.filter(
                Q(submitted_by=user) | Q(reviewed_by=user)
            ).select_related("region")
        ],
        "sessions_organised": [
            {
                "session": s.title,
                "programme": s.programme.title,
                "starts_at": s.starts_at.isoformat(),
            }
            for s in Session.objects.filter(organiser=user).select_related("programme")
        ],
        "practice_examples": [
            {"title": p.title, "created_at": p.created_at.isoformat()}
            for p in PracticeExample.objects.filter(created_by=user)
        ],
        "documents_uploaded": [
            {
                "title": d.title,
                "programme": d.programme.title,
                "uploaded_at": d.created_at.isoformat(),
            }
            for d in ProgrammeDocument.objects.filter(uploaded_by=user).select_related("programme")
        ],
        "session_reports": [
            {"session": r.session.title, "written_at": r.created_at.isoformat()}
            for r in SessionReport.objects.filter(written_by=user).select_related("session")
        ],
        "learning_questions": [
            {"question": q.title, "status": q.status, "asked_at": q.created_at.isoformat()}
            for q in LearningQuestion.objects.filter(raised_by=user)
        ],
        "learning_questions_named_in": [
            {"question": q.title} for q in LearningQuestion.objects.filter(people=user)
        ],
    }


@hooks.register("personal_data_erase")
def erase_learning(user):
    """Registrations and programme memberships name the person; they go. Reports, lessons
    and practice examples stay (they belong to the programme), without the link to them."""
    _registrations(user).delete()
    ProgrammeMember.objects.filter(user=user).delete()
    personal_data.unlink(
        user,
        "learning.RegionApplication.submitted_by",
        "learning.RegionApplication.reviewed_by",
        "learning.Session.organiser",
        "learning.PracticeExample.created_by",
        "learning.ProgrammeDocument.uploaded_by",
        "learning.SessionReport.written_by",
        "learning.LearningQuestion.raised_by",
        "learning.LearningQuestion.people",
    )
