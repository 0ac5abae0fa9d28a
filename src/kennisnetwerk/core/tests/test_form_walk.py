"""Every page is opened by every role of the platform, and every page with a form is also sent
empty: no answer may be a server error. Create and edit pages must be opened by at least one
role, so a page whose sample object is missing cannot hide behind a 404.

The URL patterns are found in the URL configuration (see ``url_walk``), so the pages of a new
app are walked without changing this test; the app supplies objects for its URL parameters
with ``url_access_samples`` in its ``tests/factories.py``."""

from __future__ import annotations

import re
import traceback

import pytest
from django.conf import settings
from django.db import transaction
from django.forms import BaseForm, BaseFormSet
from django.test import Client

from kennisnetwerk.accounts.models import EntrepreneurProfile, User
from kennisnetwerk.accounts.tests.factories import (
    UserFactory,
    make_coordinator,
    make_facilitator,
    make_member,
)
from kennisnetwerk.learning.constants import MemberRole
from kennisnetwerk.learning.models import Programme, Session
from kennisnetwerk.learning.tests.factories import add_member

from .url_walk import build_world, patterns, url_for

# The API has its own contract tests (schemathesis) and answers JSON, not forms.
SKIP_NAMESPACES = ("api:",)
# The administration (/beheer/) is walked as the network facilitator, the one role with rights
# there (through the facilitators' group); technical administrators use the rest of it.
ADMIN = "admin:"
FACILITATOR = "netwerkbegeleider"
# A page whose name says it creates or edits something.
CREATE_OR_EDIT = re.compile(r"(^|_|:)(create|edit|add|new|submit)(_|$)")


@pytest.fixture
def roles(reference_data):
    world = build_world()
    home, party = world["home"], world["party"]
    programme = Programme.objects.get(slug="cop-thuisregio")
    core_team = make_member(party, email="kernteam@voorbeeld.example")
    add_member(programme, core_team, MemberRole.CORE_TEAM)
    Session.objects.filter(programme=programme).update(organiser=core_team)
    participant = make_member(party, email="deelnemer@voorbeeld.example")
    add_member(programme, participant)
    # The participant wrote the sample post of the programme's topic, so its edit page is
    # walked by its author.
    from kennisnetwerk.community.models import Post

    Post.objects.filter(thread__programme=programme, author__isnull=True).update(author=participant)
    entrepreneur = UserFactory(email="ondernemer@voorbeeld.example")
    EntrepreneurProfile.objects.create(user=entrepreneur, company_name="Bakkerij De Molen")
    people = {
        "netwerkbegeleider": make_facilitator(email="begeleider@voorbeeld.example"),
        # The region's coordinator from the samples (an applicant, say) if there is one.
        "regiocoördinator": User.objects.filter(region_roles__region=home).first()
        or make_coordinator(home, email="coordinator@voorbeeld.example"),
        "beheerder partij": make_member(party, role="admin", email="beheer@voorbeeld.example"),
        "medewerker partij": make_member(party, email="medewerker@voorbeeld.example"),
        "kernteam": core_team,
        "deelnemer": participant,
        "ondernemer": entrepreneur,
    }
    return world, people


def _first_pk(app_label: str, model: str) -> int:
    from django.apps import apps

    return apps.get_model(app_label, model).objects.order_by("pk").values_list("pk", flat=True)[0]


def _has_form(response) -> bool:
    context = getattr(response, "context", None)
    if context is None:
        return False
    return any(
        isinstance(value, BaseForm | BaseFormSet)
        for layer in context
        for value in (layer.values() if hasattr(layer, "values") else [])
    )


def _request(client: Client, method: str, url: str):
    """One request whose changes are undone afterwards, so the walk sees the same objects
    throughout; an exception in the view is returned as its traceback."""
    savepoint = transaction.savepoint()
    try:
        return getattr(client, method)(url)
    except Exception:
        return traceback.format_exc(limit=-3)
    finally:
        transaction.savepoint_rollback(savepoint)


def _to_login(response) -> bool:
    return response.status_code == 302 and "/account/login/" in response.get("Location", "")


def _forwards(get) -> bool:
    """A page that only takes a POST: 405 to a GET, or a redirect to the page with its form."""
    return get.status_code == 405 or (get.status_code == 302 and not _to_login(get))


def _uses(get, post) -> bool:
    """Whether a role may use a page: it opens (200), or its POST is not refused."""
    if get.status_code == 200:
        return True
    return (
        post is not None
        and _forwards(get)
        and post.status_code not in (403, 404, 405)
        and not _to_login(post)
    )


@pytest.mark.django_db
def test_every_page_and_form_answers_every_role_without_a_server_error(roles):
    world, people = roles
    # The facilitator keeps the network's synonym groups and appoints facilitators there.
    synonyms = _first_pk("needs", "thesaurusgroup")
    world["by_name"].update(
        {
            "admin:needs_thesaurusgroup_change": {"object_id": synonyms},
            "admin:accounts_user_change": {"object_id": people["ondernemer"].pk},
        }
    )
    urls = [
        url_for(namespace, pattern, world)
        for namespace, pattern in patterns()
        if pattern.name and not namespace.startswith(SKIP_NAMESPACES)
    ]
    problems: list[str] = []
    used_by: dict[str, list[str]] = {name: [] for name, _url in urls}
    for role, person in people.items():
        client = Client()
        for name, url in urls:
            if name.startswith(ADMIN) and role != FACILITATOR:
                continue
            # A logout or erasure form ends the session, and undoing a request can drop a
            # session it rotated: log in again whenever the cookie no longer matches.
            cookie = client.cookies.get(settings.SESSION_COOKIE_NAME)
            if cookie is None or cookie.value != getattr(client, "_walk_key", None):
                client.force_login(person)
                client._walk_key = client.cookies[settings.SESSION_COOKIE_NAME].value
            get = _request(client, "get", url)
            post = None
            if isinstance(get, str):
                problems.append(f"GET {url} ({name}) as {role}:\n{get}")
            elif get.status_code >= 500:
                problems.append(f"GET {url} ({name}) as {role}: {get.status_code}")
            if isinstance(get, str) or _forwards(get) or _has_form(get):
                post = _request(client, "post", url)
                if isinstance(post, str):
                    problems.append(f"POST {url} ({name}) as {role}:\n{post}")
                elif post.status_code >= 500:
                    problems.append(f"POST {url} ({name}) as {role}: {post.status_code}")
            if not isinstance(get, str) and not isinstance(post, str) and _uses(get, post):
                used_by[name].append(role)
    admin_used = {name for name, who in used_by.items() if name.startswith(ADMIN) and who}
    unused = [
        name
        for name, who in used_by.items()
        if CREATE_OR_EDIT.search(name) and not who and not name.startswith(ADMIN)
    ]
    assert not problems, "\n".join(problems)
    assert {
        "admin:index",
        "admin:needs_thesaurusgroup_add",
        "admin:needs_thesaurusgroup_change",
        "admin:accounts_user_change",
    } <= admin_used, "the facilitator cannot use the administration pages the README names"
    assert not unused, (
        "create or edit pages no role could open (give them a sample object in their app's "
        f"tests/factories.py url_access_samples): {unused}"
    )
