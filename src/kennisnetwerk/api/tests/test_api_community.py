"""Conversations in the API: the same rules as the web pages."""

import pytest
from django.urls import reverse

from kennisnetwerk.api.services import api_token_create
from kennisnetwerk.community import services
from kennisnetwerk.community.models import Post, Thread
from kennisnetwerk.community.tests.factories import (
    make_cop,
    make_entrepreneur,
    make_reply,
    make_topic,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def cop(reference_data):
    return make_cop()


def _bearer(user) -> dict:
    _token, secret = api_token_create(user=user, name="test")
    return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}


def test_a_member_lists_topics_and_posts_and_replies(client, cop):
    thread = make_topic(cop, title="Personeel vinden")
    make_reply(thread, cop.bram, "Via **het UWV**.")
    headers = _bearer(cop.anna)
    topics = client.get(f"/api/v1/programmes/{cop.programme.slug}/topics", **headers).json()
    assert [t["title"] for t in topics["items"]] == ["Personeel vinden"]
    assert topics["items"][0]["posts"] == 2
    posts = client.get(f"/api/v1/threads/{thread.pk}/posts", **headers).json()["items"]
    assert [p["author"] for p in posts] == ["Anna de Vries", "Bram Jansen"]
    assert "<strong>het UWV</strong>" in posts[1]["html"]
    response = client.post(
        f"/api/v1/threads/{thread.pk}/posts",
        {"text": "Dank!", "quotes": posts[1]["id"]},
        content_type="application/json",
        **headers,
    )
    assert response.status_code == 201
    assert response.json()["quotes"] == posts[1]["id"]


def test_a_member_starts_a_topic(client, cop):
    response = client.post(
        f"/api/v1/programmes/{cop.programme.slug}/topics",
        {"title": "Nieuwe regeling", "text": "Wie kent de MIT-regeling?"},
        content_type="application/json",
        **_bearer(cop.bram),
    )
    assert response.status_code == 201
    assert Thread.objects.get().title == "Nieuwe regeling"


@pytest.mark.parametrize("who", ["outsider", "entrepreneur"])
def test_outside_the_programme_everything_is_404(client, cop, who):
    thread = make_topic(cop)
    person = cop.outsider if who == "outsider" else make_entrepreneur()
    headers = _bearer(person)
    assert (
        client.get(f"/api/v1/programmes/{cop.programme.slug}/topics", **headers).status_code == 404
    )
    assert client.get(f"/api/v1/threads/{thread.pk}/posts", **headers).status_code == 404
    response = client.post(
        f"/api/v1/threads/{thread.pk}/posts",
        {"text": "Hoi"},
        content_type="application/json",
        **headers,
    )
    assert response.status_code == 404
    assert Post.objects.count() == 1


def test_bad_posts_get_a_dutch_422_and_nothing_is_saved(client, cop):
    thread = make_topic(cop)
    headers = _bearer(cop.bram)
    url = f"/api/v1/threads/{thread.pk}/posts"
    empty = client.post(url, {"text": "  "}, content_type="application/json", **headers)
    assert empty.status_code == 422
    assert "Schrijf een bericht" in empty.json()["errors"]["text"][0]
    long = client.post(url, {"text": "x" * 100_000}, content_type="application/json", **headers)
    assert long.status_code == 422
    assert "hoogstens 10.000 tekens" in long.json()["errors"]["text"][0]
    other = make_topic(cop, title="Ander onderwerp")
    quote = client.post(
        url,
        {"text": "x", "quotes": other.posts.get().pk},
        content_type="application/json",
        **headers,
    )
    assert quote.status_code == 422
    assert thread.posts.count() == 1


def test_hidden_posts_are_listed_for_moderators_only(client, cop):
    thread = make_topic(cop)
    post = make_reply(thread, cop.bram, "Reclame")
    services.post_hide(post=post, reason="Reclame", actor=cop.core)
    member = client.get(f"/api/v1/threads/{thread.pk}/posts", **_bearer(cop.anna)).json()
    assert [p["id"] for p in member["items"]] == [thread.posts.first().pk]
    moderator = client.get(f"/api/v1/threads/{thread.pk}/posts", **_bearer(cop.core)).json()
    assert [p["hidden"] for p in moderator["items"]] == [False, True]


def test_a_write_without_a_token_or_session_is_refused(client, cop):
    thread = make_topic(cop)
    response = client.post(
        f"/api/v1/threads/{thread.pk}/posts", {"text": "Hoi"}, content_type="application/json"
    )
    assert response.status_code == 401
    assert reverse("api:create_post", kwargs={"thread_id": thread.pk})
