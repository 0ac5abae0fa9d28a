"""Every URL pattern is public on purpose or protected. The test walks all of them as an
anonymous visitor and as a coordinator and party member of another region, and the pages of a
closed group also as an entrepreneur. A new URL that is
not declared here makes the test fail."""

import pytest

from .url_walk import build_world, patterns, url_for

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
    "notifications:count",
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
    # The DOE agenda in the API: 404 for whoever may not see the agenda or action, 403 for
    # whoever may see but not change it (the outsider's GET of a POST-only URL is a 405);
    # tested in api/tests/test_api_agenda.py and api/tests/test_api_contract.py.
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
    # matches answer 403 and 404 to whoever does not handle them (tested in needs/tests).
    "api:submit_need",
    "api:list_needs",
    "api:list_need_matches",
    "api:give_feedback",
    # A guest's signed link to register or cancel; a bad token answers 404.
    "learning:guest_register",
    "learning:guest_cancel",
    # An attachment of a published practice example (public); 404 without its file.
    "learning:attachment",
    # API on programmes and sessions: 404 without membership, 405 to a GET on a write (the
    # permissions have their own tests in learning/tests).
    "api:get_programme",
    # API on indicators, measurements and reach: 403 (the region's list) or 404 (an indicator)
    # to whoever is not involved in the region (tested in monitoring/tests/test_api.py).
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
    "api:create_post",
    "api:create_topic",
    "api:list_posts",
    "api:list_topics",
    "notifications:unsubscribe",
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
    "community:index",
    "community:reports",
    "notifications:centre",
    "notifications:follow",
    "notifications:mark_all_read",
    "notifications:mark_read",
    "notifications:open",
    "notifications:preferences",
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
    "learning:report_slides",
}

# Pages of a closed group that do not exist for anyone outside it: a webinar's live page and
# its questions answer 404 to a user of another region and to an entrepreneur (logged in),
# and send anonymous visitors to the login page.
HIDDEN = {
    "community:live",
    "community:live_ask",
    "community:live_vote",
    "community:live_answer",
    "community:live_hide",
    "community:live_merge",
    # Conversations of a programme and under its session: 404 to whoever is not in it.
    "community:programme",
    "community:topic_create",
    "community:thread",
    "community:reply",
    "community:mention_suggestions",
    "community:thread_follow",
    "community:thread_lock",
    "community:thread_move",
    "community:subject_thread",
    "community:post",
    "community:post_edit",
    "community:post_report",
    "community:post_hide",
    "community:post_unhide",
    "community:post_accept",
    "community:attachment",
    "community:report_dismiss",
}


@pytest.fixture
def world(reference_data):
    return build_world()


@pytest.mark.django_db
def test_every_url_is_public_on_purpose_or_refused(client, world):
    problems = []
    for namespace, pattern in patterns():
        if pattern.name is None:
            if namespace == "admin:":
                continue  # the admin's own redirects and catch-all, behind its login
            problems.append(f"unnamed URL pattern {pattern.pattern}")
            continue
        name, url = url_for(namespace, pattern, world)
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
        if name in HIDDEN:
            client.force_login(world["entrepreneur"])
            entrepreneur = client.get(url)
            ok = (
                anonymous.status_code == 302
                and "/account/login/" in anonymous["Location"]
                and outsider.status_code in (404, 405)
                and entrepreneur.status_code in (404, 405)
            )
            if not ok:
                problems.append(
                    f"{name} {url}: anonymous {anonymous.status_code}, outsider "
                    f"{outsider.status_code}, entrepreneur {entrepreneur.status_code}"
                )
            continue
        if name in PUBLIC:
            ok = anonymous.status_code == 200 and outsider.status_code in (200, 302)
        elif name in FLOW:
            # 422: an API call without its token or body
            ok = all(
                r.status_code in (200, 302, 400, 401, 403, 404, 405, 422)
                for r in (anonymous, outsider)
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
                # 403, or 404 where the object itself is not revealed to the outsider
                and outsider.status_code in (403, 404)
            )
        else:
            problems.append(f"{name} {url} is not declared in this test")
            continue
        if not ok:
            problems.append(
                f"{name} {url}: anonymous {anonymous.status_code}, outsider {outsider.status_code}"
            )
    assert not problems, "\n".join(problems)
