"""Every URL pattern is public on purpose or protected. The test walks all of them as an
anonymous visitor and as a coordinator and party member of another region. A new URL that is
not declared here makes the test fail."""

import datetime as dt

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from kennisnetwerk.accounts.models import Invitation
from kennisnetwerk.accounts.tests.factories import (
    OrganisationFactory,
    RegionFactory,
    make_coordinator,
)

# Pages anyone may see.
PUBLIC = {
    "core:home",
    "core:privacy",
    "core:healthz",
    "geo:region_list",
    "geo:region_detail",
    "geo:municipality_lookup",
    "account_login",
    "account_signup",
    "account_reset_password",
    "account_reset_password_done",
    "account_email_verification_sent",
    "account_inactive",
    "account_request_login_code",
    "ecosystem:atlas",
    "ecosystem:initiative",
    "ecosystem:organisation",
    "ecosystem:matrix",
    "ecosystem:gaps_csv",
    "ecosystem:gaps_by_municipality_csv",
    "ecosystem:coverage",
    "ecosystem:network",
    "ecosystem:export_xlsx",
    "ecosystem:export_csv",
    "ecosystem:export_graph",
    "ecosystem:export_graphml",
    "ecosystem:export_gexf",
    "ecosystem:import_sample",
    "outreach:subscribe",
    "outreach:subscribed",
    "outreach:index",
    "outreach:calendar",
    "outreach:calendar_ics",
    "outreach:calendar_theme_ics",
    "outreach:rss",
    # An approved message (the sample); others answer 404 to whoever may not see them.
    "outreach:message",
    "api:openapi-json",
    "api:openapi-view",
    "api:list_organisations",
    "api:get_organisation",
    "api:list_initiatives",
    "api:get_initiative",
    # Writes share their URL with a public read (GET); the writes themselves are checked
    # for tokens, sessions and permissions in api/tests.
    "api:create_initiative",
    "api:update_initiative",
    "api:list_messages",
    "api:submit_message",
    "api:list_events",
    "api:get_message",
    "needs:index",
    "needs:intake",
    "learning:index",
    "learning:practice_list",
    "learning:practice",
    "api:list_practice_examples",
    "api:get_practice_example",
    # Anonymous callers get an empty list.
    "api:list_programmes",
    "api:list_agendas",
    "monitoring:index",
    "agenda:index",
}
# Public on purpose but only meaningful inside a flow (a token in the URL, a login stage,
# POST only): they may answer with a redirect, a 404 for a bad token or a 405, never with
# protected content.
FLOW = {
    # A section's former "not yet available" page: every section is built now, so it sends
    # visitors on to the section itself.
    "core:section",
    "set_language",
    "account_logout",
    "account_confirm_email",
    "account_reset_password_from_key",
    "account_reset_password_from_key_done",
    "account_confirm_login_code",
    "account_confirm_password_reset_code",
    "account_complete_password_reset",
    "account_password_reset_completed",
    "account_signup_by_passkey",
    "mfa_authenticate",
    "mfa_reauthenticate",
    "account_reauthenticate",
    "mfa_trust",
    "mfa_login_webauthn",
    "mfa_signup_webauthn",
    "account_verify_phone",
    "account_change_phone",
    "accounts:invitation",
    "api:api-root",
    # The DOE agenda in the API: 403 for whoever may not see or change the agenda or action
    # (the outsider's GET of a POST-only URL is a 405); tested in api/tests/test_api_agenda.py.
    "api:get_agenda",
    "api:list_agenda_actions",
    "api:create_action",
    "api:get_action",
    "api:list_progress_updates",
    "api:post_progress_update",
    "outreach:confirm",
    "outreach:preferences",
    "outreach:unsubscribe",
    # Subscriber self-service in the API: a signed token from a mail, or a POST to sign up.
    "api:subscribe",
    "api:get_preferences",
    "api:update_preferences",
    "api:unsubscribe",
    # The answer page of a question asked on the public form: a signed token.
    "needs:answer",
    # Questions in the API: asking is public (POST); reading a region's questions and
    # matches answers 403 to whoever does not handle them (tested in needs/tests).
    "api:submit_need",
    "api:list_needs",
    "api:list_need_matches",
    "api:give_feedback",
    # A guest's signed link to register or cancel; a bad token answers 404.
    "learning:guest_register",
    "learning:guest_cancel",
    # An attachment of a published practice example (public); 404 without its file.
    "learning:attachment",
    # API on programmes and sessions: 403 without membership, 405 to a GET on a write (the
    # permissions have their own tests in learning/tests).
    "api:get_programme",
    # API on indicators, measurements and reach: 403 to whoever is not involved in the region
    # (tested in monitoring/tests/test_api.py), 404 for what does not exist.
    "api:list_indicators",
    "api:get_indicator",
    "api:list_measurements",
    "api:create_measurement",
    "api:get_reach",
    "api:list_programme_sessions",
    "api:get_session",
    "api:register_for_session",
    "api:cancel_session_registration",
    "api:list_learning_questions",
    "api:create_learning_question",
}
# Pages about the logged-in person themselves.
OWN = {
    "accounts:dashboard",
    "accounts:personal_data",
    "accounts:personal_data_download",
    "accounts:personal_data_erase",
    "account_email",
    "account_change_password",
    "account_set_password",
    "mfa_index",
    "mfa_activate_totp",
    "mfa_deactivate_totp",
    "mfa_view_recovery_codes",
    "mfa_generate_recovery_codes",
    "mfa_download_recovery_codes",
    "mfa_list_webauthn",
    "mfa_add_webauthn",
    "mfa_remove_webauthn",
    "mfa_edit_webauthn",
    # Scoped to what the person may invite to; the scoping has its own tests.
    "accounts:invitations",
    "ecosystem:initiative_create",
    "ecosystem:import_start",
    "api_tokens",
    "api_token_revoke",
    "outreach:my_messages",
    # For the network's professionals: the outsider is one, so sees them.
    "learning:application_create",
    "learning:lessons",
    "learning:questions",
    "learning:question_create",
    "learning:question",
    "learning:suggestions",
    "learning:practice_create",
    # POST only (405 to a GET); who may register or cancel is tested in learning/tests.
    "learning:register",
    "learning:document_remove",
    "learning:registration_cancel",
    "agenda:commitments",
    # Scoped to the coordinator's own regions (the outsider coordinates another one).
    "agenda:create",
}
# Pages a coordinator and party member of another region may not use.
RESTRICTED = {
    "core:audit_log",
    "geo:region_create",
    "geo:region_edit",
    "ecosystem:initiative_edit",
    "ecosystem:overlaps",
    "ecosystem:overlap_compare",
    "outreach:sending",
    "outreach:sending_start",
    "ecosystem:import_upload",
    "ecosystem:import_job",
    "ecosystem:import_preview",
    "ecosystem:import_confirm",
    "ecosystem:import_report_csv",
    "outreach:message_submit",
    "outreach:editorial_queue",
    "outreach:message_review",
    "outreach:message_edit",
    "outreach:message_cancel",
    "outreach:subscriber_import",
    "outreach:subscriber_import_preview",
    "needs:list",
    "needs:need_create",
    "needs:need",
    "needs:need_feedback",
    "needs:need_status",
    "needs:survey_upload",
    "needs:survey_preview",
    "needs:gaps",
    "needs:gaps_xlsx",
    "needs:gaps_refresh",
    "needs:thesaurus",
    "needs:thesaurus_group",
    "learning:programme",
    "learning:programme_edit",
    "learning:directory",
    "learning:members_manage",
    "learning:documents",
    "learning:document",
    "learning:visibility",
    "learning:session_create",
    "learning:application_list",
    "learning:application",
    "learning:application_edit",
    "learning:session",
    "learning:session_edit",
    "learning:session_cancel",
    "learning:attendance",
    "learning:attendance_xlsx",
    "learning:guest_invite",
    "learning:report_edit",
    "learning:practice_edit",
    "learning:question_answer",
    "monitoring:region",
    "monitoring:indicator_create",
    "monitoring:indicator",
    "monitoring:measurement_add",
    "monitoring:target_add",
    "monitoring:measurements_csv",
    "monitoring:measurement_import",
    "monitoring:measurements_xlsx",
    "monitoring:region_table",
    "monitoring:programme",
    "monitoring:programme_table",
    "monitoring:sketch_upload",
    "monitoring:reach",
    "monitoring:reach_csv",
    "monitoring:sketch_download",
    "agenda:agenda",
    "agenda:freeze",
    "agenda:difference",
    "agenda:docx",
    "agenda:xlsx",
    "agenda:action",
    "agenda:edit",
    "agenda:goal_create",
    "agenda:action_create",
    "agenda:milestone_create",
    "agenda:adopt",
    "agenda:goal_edit",
    "agenda:milestone_edit",
    "agenda:action_edit",
    "agenda:contribution_add",
    "agenda:contribution_remove",
}
# Values for URL parameters where the generic sample does not fit.
SAMPLES_BY_NAME = {"core:section": {"slug": "doe-agenda"}}


def _patterns(resolver=None, namespace=""):
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            ns = entry.namespace or ""
            yield from _patterns(entry, f"{namespace}{ns}:" if ns else namespace)
        elif isinstance(entry, URLPattern):
            yield namespace, entry


def _params(pattern: URLPattern) -> list[str]:
    converters = getattr(pattern.pattern, "converters", None)
    if converters is not None and converters:
        return list(converters)
    return list(pattern.pattern.regex.groupindex)


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
    from kennisnetwerk.monitoring.models import Indicator, ReachSketch

    indicator = Indicator.objects.create(
        region=region, code="bereik", name="Bereik", unit="ondernemers", source="bereik"
    )
    sketch = ReachSketch.objects.create(
        indicator=indicator,
        period="2025",
        organisation=party,
        sketch=b"",
        key_check="x",
        valid_numbers=0,
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


@pytest.fixture
def world(reference_data):
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
    from kennisnetwerk.learning.tests.factories import url_access_samples

    samples_by_name.update(url_access_samples(home, initiative.owner))
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
    return {"outsider": outsider, "samples": samples, "by_name": samples_by_name}


def _url(namespace, pattern, samples, by_name):
    name = f"{namespace}{pattern.name}"
    own = {**SAMPLES_BY_NAME, **by_name}.get(name, {})
    kwargs = {p: own.get(p, samples.get(p, "1")) for p in _params(pattern)}
    return name, reverse(name, kwargs=kwargs)


@pytest.mark.django_db
def test_every_url_is_public_on_purpose_or_refused(client, world):
    problems = []
    for namespace, pattern in _patterns():
        if pattern.name is None:
            if namespace == "admin:":
                continue  # the admin's own redirects and catch-all, behind its login
            problems.append(f"unnamed URL pattern {pattern.pattern}")
            continue
        name, url = _url(namespace, pattern, world["samples"], world["by_name"])
        if name.startswith("admin:"):
            client.logout()
            anonymous = client.get(url)
            client.force_login(world["outsider"])
            outsider = client.get(url)
            for who, response in (("anonymous", anonymous), ("outsider", outsider)):
                refused = response.status_code == 403 or (
                    response.status_code == 302
                    and ("login" in response["Location"] or name == "admin:logout")
                )
                if not refused:
                    problems.append(f"{name} {url} as {who}: {response.status_code}")
            continue
        client.logout()
        anonymous = client.get(url)
        client.force_login(world["outsider"])
        outsider = client.get(url)
        if name in PUBLIC:
            ok = anonymous.status_code == 200 and outsider.status_code in (200, 302)
        elif name in FLOW:
            # 422: an API call without its token or body
            ok = all(
                r.status_code in (200, 302, 400, 403, 404, 405, 422) for r in (anonymous, outsider)
            )
        elif name in OWN:
            ok = (
                anonymous.status_code == 302
                and "/account/login/" in anonymous["Location"]
                and outsider.status_code in (200, 302, 404, 405)
            )
        elif name in RESTRICTED:
            ok = (
                anonymous.status_code == 302
                and "/account/login/" in anonymous["Location"]
                and outsider.status_code == 403
            )
        else:
            problems.append(f"{name} {url} is not declared in this test")
            continue
        if not ok:
            problems.append(
                f"{name} {url}: anonymous {anonymous.status_code}, outsider {outsider.status_code}"
            )
    assert not problems, "\n".join(problems)
