"""The walk over every URL pattern of the platform, shared by the access test (anonymous and
outsider) and the form walk (every role). Patterns are found in the URL configuration itself,
so a new app's pages are walked without changing the tests. Objects for the URL parameters
come from factories: the ones below, and those each app returns from
``<app>.tests.factories.url_access_samples(region, organisation)`` (by URL name)."""

from __future__ import annotations

import datetime as dt
from importlib import import_module

from django.apps import apps
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from kennisnetwerk.accounts.models import Invitation
from kennisnetwerk.accounts.tests.factories import (
    OrganisationFactory,
    RegionFactory,
    make_coordinator,
)

# Values for URL parameters where the generic sample does not fit.
SAMPLES_BY_NAME = {"core:section": {"slug": "doe-agenda"}}


def patterns(resolver=None, namespace=""):
    """Every URL pattern with its namespace ("learning:"), found by walking the resolver."""
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            ns = entry.namespace or ""
            yield from patterns(entry, f"{namespace}{ns}:" if ns else namespace)
        elif isinstance(entry, URLPattern):
            yield namespace, entry


def params(pattern: URLPattern) -> list[str]:
    converters = getattr(pattern.pattern, "converters", None)
    if converters is not None and converters:
        return list(converters)
    return list(pattern.pattern.regex.groupindex)


def app_samples(region, organisation) -> dict[str, dict]:
    """The samples every app of the platform supplies for its own URLs, by URL name."""
    found: dict[str, dict] = {}
    for config in apps.get_app_configs():
        if not config.name.startswith("kennisnetwerk."):
            continue
        try:
            factories = import_module(f"{config.name}.tests.factories")
        except ModuleNotFoundError:
            continue
        supply = getattr(factories, "url_access_samples", None)
        if supply is not None:
            found.update(supply(region, organisation))
    return found


def url_for(namespace: str, pattern: URLPattern, world: dict) -> tuple[str, str]:
    name = f"{namespace}{pattern.name}"
    own = {**SAMPLES_BY_NAME, **world["by_name"]}.get(name, {})
    kwargs = {p: own.get(p, world["samples"].get(p, "1")) for p in params(pattern)}
    return name, reverse(name, kwargs=kwargs)


def _approved_message(region, sender):
    from kennisnetwerk.outreach.models import Message

    start = timezone.now() + dt.timedelta(days=7)
    return Message.objects.create(
        region=region,
        sender=sender,
        kind="evenement",
        title="Ondernemerscafé",
        body="Tekst",
        valid_from=timezone.localdate(),
        valid_until=timezone.localdate() + dt.timedelta(days=7),
        event_start=start,
        event_end=start + dt.timedelta(hours=2),
        location="Oss",
        status="goedgekeurd",
        reviewed_at=timezone.now(),
    )


def _monitoring_samples(region, party):
    from kennisnetwerk.monitoring.models import Indicator

    indicator = Indicator.objects.create(
        region=region, code="bereik", name="Bereik", unit="ondernemers", source="bereik"
    )
    # A real sketch of a party's KVK numbers, uploaded the way a party does it.
    from kennisnetwerk.monitoring.services import sketch_upload
    from kennisnetwerk.monitoring.sketches import sketch_file_make

    data = sketch_file_make(
        [f"{n:08d}" for n in range(10_000, 10_050)],
        key=bytes.fromhex("22" * 32),
        indicator="bereik",
        period="2025",
    ).to_bytes()
    sketch = sketch_upload(
        indicator=indicator, organisation=party, period="2025", data=data, actor=None
    )
    by_indicator = {"pk": indicator.pk}
    names = ["indicator", "measurement_add", "target_add", "measurements_csv", "sketch_upload"]
    names += ["measurement_import", "measurements_xlsx"]
    samples = {f"monitoring:{name}": by_indicator for name in names}
    samples["monitoring:reach"] = samples["monitoring:reach_csv"] = {
        "pk": indicator.pk,
        "period": "2025",
    }
    samples["monitoring:sketch_download"] = {"pk": sketch.pk}
    samples["monitoring:region_table"] = {"slug": region.slug, "key": "doe-agenda", "fmt": "csv"}
    # The programme of url_access_samples (learning) in the same region.
    samples["monitoring:programme"] = {"slug": "cop-thuisregio"}
    samples["monitoring:programme_table"] = {"slug": "cop-thuisregio", "key": "leren", "fmt": "csv"}
    from kennisnetwerk.agenda.models import Action, Agenda

    agenda = Agenda.objects.create(region=region, title="DOE-agenda", start_date="2026-01-01")
    action = Action.objects.create(agenda=agenda, title="Actie", owner=party)
    for name in ("agenda", "freeze", "difference", "docx", "xlsx", "edit", "adopt"):
        samples[f"agenda:{name}"] = {"pk": agenda.pk}
    for name in ("goal_create", "action_create", "milestone_create"):
        samples[f"agenda:{name}"] = {"pk": agenda.pk}
    for name in ("action", "action_edit", "contribution_add"):
        samples[f"agenda:{name}"] = {"pk": action.pk}
    goal = agenda.goals.create(title="Doel")
    milestone = agenda.milestones.create(title="Mijlpaal", date="2026-06-01")
    contribution = action.contributions.create(organisation=party, hours=8)
    samples["agenda:goal_edit"] = {"pk": goal.pk}
    samples["agenda:milestone_edit"] = {"pk": milestone.pk}
    samples["agenda:contribution_remove"] = {"pk": contribution.pk}
    return samples


def _entrepreneur():
    from kennisnetwerk.accounts.models import EntrepreneurProfile
    from kennisnetwerk.accounts.tests.factories import UserFactory

    user = UserFactory(email="ondernemer@bedrijf.example")
    EntrepreneurProfile.objects.create(user=user, company_name="Bakkerij (fictief)")
    return user


def build_world() -> dict:
    """Two regions with an object of every kind in the home region, and an outsider who
    coordinates the other region."""
    home = RegionFactory(
        name="Noordoost-Brabant", slug="noordoost-brabant-test", municipalities=["Oss"]
    )
    other = RegionFactory(name="Andere regio", municipalities=["Leiden"])
    outsider = make_coordinator(other, email="buiten@voorbeeld.example")
    elsewhere = OrganisationFactory(name="Partij elders")
    elsewhere.municipality = other.municipalities.get()
    elsewhere.save()
    elsewhere.memberships.create(user=outsider, role="member")
    invitation = Invitation.objects.create(
        email="uitgenodigd@voorbeeld.example",
        region=home,
        region_role="coordinator",
        expires_at=timezone.now() + dt.timedelta(days=1),
    )
    from kennisnetwerk.ecosystem.tests.factories import InitiativeFactory

    initiative = InitiativeFactory(inventory_region=home, slug="aanbod-thuisregio")
    message = _approved_message(home, initiative.owner)
    from kennisnetwerk.needs.models import Need, ThesaurusGroup

    need = Need.objects.create(region=home, question="Ik zoek personeel.", source="formulier")
    group = ThesaurusGroup.objects.create(region=home, name="Groep", terms="a, b")
    monitoring = _monitoring_samples(home, initiative.owner)
    samples_by_name = {
        "ecosystem:initiative": {"slug": initiative.slug},
        "ecosystem:initiative_edit": {"slug": initiative.slug},
        "ecosystem:organisation": {"slug": initiative.owner.slug},
        "ecosystem:coverage": {"slug": home.slug},
        "ecosystem:overlaps": {"slug": home.slug},
        "ecosystem:overlap_compare": {"slug": home.slug, "first": 1, "second": 2},
        "api:get_organisation": {"slug": initiative.owner.slug},
        "api:get_initiative": {"slug": initiative.slug},
        "api:update_initiative": {"slug": initiative.slug},
        "outreach:message": {"pk": message.pk},
        "api:get_message": {"message_id": message.pk},
        "outreach:message_edit": {"pk": message.pk},
        "outreach:message_review": {"pk": message.pk},
        "outreach:message_cancel": {"pk": message.pk},
        "outreach:calendar_theme_ics": {"slug": home.slug, "theme": "digitalisering"},
        "needs:need": {"pk": need.pk},
        "needs:need_feedback": {"pk": need.pk},
        "needs:need_status": {"pk": need.pk},
        "needs:thesaurus_group": {"slug": home.slug, "pk": group.pk},
        **monitoring,
    }
    samples_by_name.update(app_samples(home, initiative.owner))
    samples = {
        "slug": home.slug,
        "token": invitation.token,
        "key": "x-y",
        "uidb36": "1",
        "object_id": "1",
        "app_label": "accounts",
        "content_type_id": "1",
        "pk": "1",
        "url": "x",
    }
    return {
        "outsider": outsider,
        "entrepreneur": _entrepreneur(),
        "home": home,
        "party": initiative.owner,
        "samples": samples,
        "by_name": samples_by_name,
    }
