from django.db.models import Count, Q
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from kennisnetwerk.core import hooks, personal_data
from kennisnetwerk.core.menu import MenuItem

from .constants import NeedStatus
from .models import Need
from .permissions import needs_regions


@hooks.register("main_menu_items", order=15)
def needs_item(request: HttpRequest) -> MenuItem:
    """Demand and supply: the public intake form for everyone, the questions for those who
    handle them."""
    return MenuItem(_("Ask a question"), reverse("needs:index"), "vraag", 15)


@hooks.register("dashboard_widgets", order=30)
def open_needs_widget(request: HttpRequest):
    """On the dashboard of account managers, coordinators and facilitators: open questions
    per region. Regions with open questions come first, the most first; the others (for a
    facilitator nearly every region of the country) are folded away in one list."""
    regions = list(
        needs_regions(request.user)
        .annotate(open=Count("needs", filter=Q(needs__status=NeedStatus.OPEN)))
        .order_by("-open", "name")
    )
    if not regions:
        return None
    return render_to_string(
        "needs/dashboard_widget.html",
        {
            "active": [r for r in regions if r.open],
            "quiet": [r for r in regions if not r.open],
        },
        request=request,
    )


def _needs_of(user):
    return Need.objects.filter(contact_email__iexact=user.email).exclude(contact_email="")


personal_data.rule(
    "needs.Need.submitted_by",
    export="needs (own questions) and needs_recorded (questions recorded for others)",
    erasure="contact details of own questions erased; the link to the person is removed",
)
personal_data.rule(
    "needs.MatchFeedback.user",
    export="needs_feedback",
    erasure="the link to the person is removed; the feedback stays",
)


@hooks.register("personal_data_export")
def export_needs(user):
    return "needs", [
        {
            "region": n.region.name,
            "question": n.question,
            "company_name": n.company_name,
            "contact_name": n.contact_name,
            "contact_email": n.contact_email,
            "contact_phone": n.contact_phone,
            "status": n.status,
            "follow_up_consent": n.follow_up_consent,
            "consent_text": n.consent_text,
            "created_at": n.created_at.isoformat(),
        }
        for n in _needs_of(user).select_related("region")
    ]


@hooks.register("personal_data_export")
def export_needs_recorded(user):
    return "needs_recorded", [
        {"region": n.region.name, "question": n.question, "created_at": n.created_at.isoformat()}
        for n in Need.objects.filter(submitted_by=user).select_related("region")
    ]


@hooks.register("personal_data_export")
def export_needs_feedback(user):
    from .models import MatchFeedback

    return "needs_feedback", [
        {
            "initiative": f.initiative.title,
            "feedback": f.kind,
            "note": f.note,
            "given_at": f.created_at.isoformat(),
        }
        for f in MatchFeedback.objects.filter(user=user).select_related("initiative")
    ]


@hooks.register("personal_data_erase")
def erase_needs(user):
    from .services import need_contact_erase

    for need in _needs_of(user):
        need_contact_erase(need=need)
    personal_data.unlink(user, "needs.Need.submitted_by", "needs.MatchFeedback.user")


@hooks.register("data_changed")
def offer_or_thesaurus_changed(name: str) -> None:
    """The offer or the thesaurus changed: the stored matches follow in the background."""
    from kennisnetwerk.core.stamps import OFFER, THESAURUS

    from .tasks import refresh_stale_matches

    if name in (OFFER, THESAURUS):
        refresh_stale_matches.enqueue()
