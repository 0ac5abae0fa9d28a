from django.db.models import Q
from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from kennisnetwerk.core import hooks
from kennisnetwerk.core.menu import MenuItem

from .models import ProgrammeMember, Registration


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
    }


@hooks.register("personal_data_erase")
def erase_learning(user):
    """Registrations and programme memberships name the person; they go. Reports, lessons
    and practice examples stay (they belong to the programme), without the link to them."""
    _registrations(user).delete()
    ProgrammeMember.objects.filter(user=user).delete()
