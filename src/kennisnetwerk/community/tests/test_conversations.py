"""Topics and replies in a programme: who may read and write, the safe text format, and the
bad input a user can give (each with a Dutch message and nothing saved)."""

from html.parser import HTMLParser

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from kennisnetwerk.community import services
from kennisnetwerk.community.models import Post, Thread
from kennisnetwerk.core.models import AuditLogEntry

from .factories import make_cop, make_entrepreneur, make_reply, make_topic

pytestmark = pytest.mark.django_db


@pytest.fixture
def cop(reference_data):
    return make_cop()


def test_a_member_starts_a_topic_and_another_replies(client, cop):
    client.force_login(cop.anna)
    response = client.post(
        reverse("community:topic_create", args=[cop.programme.slug]),
        {"title": "Hoe bereiken we zzp'ers?", "text": "Wie heeft **ervaring** hiermee?"},
    )
    thread = Thread.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("community:thread", args=[thread.pk])

    client.force_login(cop.bram)
    page = client.get(reverse("community:programme", args=[cop.programme.slug]))
    assert "Hoe bereiken we zzp&#x27;ers?" in page.content.decode()
    response = client.post(
        reverse("community:reply", args=[thread.pk]), {"text": "Via de bibliotheek."}
    )
    assert response.status_code == 302
    page = client.get(reverse("community:thread", args=[thread.pk])).content.decode()
    assert "<strong>ervaring</strong>" in page
    assert "Via de bibliotheek." in page
    assert "Anna de Vries" in page and "Bram Jansen" in page
    assert AuditLogEntry.objects.filter(message="topic started").count() == 1
    assert AuditLogEntry.objects.filter(message="post placed", actor=cop.bram).count() == 1


def test_the_programme_page_shows_its_latest_topics(client, cop):
    make_topic(cop, title="Subsidies voor digitalisering")
    client.force_login(cop.bram)
    page = client.get(reverse("learning:programme", args=[cop.programme.slug])).content.decode()
    assert "Laatste onderwerpen" in page
    assert "Subsidies voor digitalisering" in page


@pytest.mark.parametrize("who", ["outsider", "entrepreneur"])
def test_someone_outside_the_programme_gets_404_and_nothing_is_saved(client, cop, who):
    thread = make_topic(cop)
    person = cop.outsider if who == "outsider" else make_entrepreneur()
    client.force_login(person)
    assert client.get(reverse("community:thread", args=[thread.pk])).status_code == 404
    assert client.get(reverse("community:programme", args=[cop.programme.slug])).status_code == 404
    response = client.post(reverse("community:reply", args=[thread.pk]), {"text": "Hallo"})
    assert response.status_code == 404
    response = client.post(
        reverse("community:topic_create", args=[cop.programme.slug]),
        {"title": "Ik ook", "text": "Hallo"},
    )
    assert response.status_code == 404
    assert Post.objects.count() == 1
    assert Thread.objects.count() == 1


def test_anonymous_visitors_are_sent_to_log_in(client, cop):
    thread = make_topic(cop)
    response = client.get(reverse("community:thread", args=[thread.pk]))
    assert response.status_code == 302 and "/account/login/" in response["Location"]


def test_an_empty_post_is_refused_in_dutch(client, cop):
    thread = make_topic(cop)
    client.force_login(cop.bram)
    response = client.post(reverse("community:reply", args=[thread.pk]), {"text": "   \n  "})
    assert response.status_code == 400
    assert "Schrijf een bericht" in response.content.decode()
    assert thread.posts.count() == 1


def test_a_post_of_100000_characters_is_refused_in_dutch(client, cop):
    thread = make_topic(cop)
    client.force_login(cop.bram)
    response = client.post(reverse("community:reply", args=[thread.pk]), {"text": "a" * 100_000})
    assert response.status_code == 400
    body = response.content.decode()
    assert "hoogstens 10.000 tekens" in body
    assert "100.000" in body
    assert thread.posts.count() == 1


def test_a_topic_without_title_or_text_saves_nothing(client, cop):
    client.force_login(cop.anna)
    response = client.post(
        reverse("community:topic_create", args=[cop.programme.slug]), {"title": "", "text": ""}
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "Geef het onderwerp een titel." in body
    assert "Schrijf een bericht" in body
    assert not Thread.objects.exists()


class _Elements(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def test_script_and_event_handlers_are_stored_as_safe_text(client, cop):
    thread = make_topic(cop)
    client.force_login(cop.bram)
    nasty = (
        '<script>alert("x")</script> <img src=x onerror="alert(1)"> '
        '<a href="javascript:alert(2)" onclick="alert(3)">klik</a> [lees](javascript:alert(4))'
    )
    response = client.post(reverse("community:reply", args=[thread.pk]), {"text": nasty})
    assert response.status_code == 302
    post = thread.posts.last()
    assert post.source == nasty  # kept as typed, for editing
    parser = _Elements()
    parser.feed(client.get(reverse("community:thread", args=[thread.pk])).content.decode())
    scripts = [attrs for tag, attrs in parser.tags if tag == "script" and "src" not in attrs]
    assert scripts == []
    assert not [tag for tag, attrs in parser.tags if tag == "img"]
    handlers = [(tag, a) for tag, attrs in parser.tags for a in attrs if a.startswith("on")]
    assert handlers == []
    hrefs = [attrs.get("href", "") for tag, attrs in parser.tags if tag == "a"]
    assert not [h for h in hrefs if h.lower().startswith("javascript")]
    # What was typed is shown as text.
    assert "&lt;script&gt;" in post.html


def test_the_text_format_gives_paragraphs_lists_links_and_bold(cop):
    thread = make_topic(cop)
    post = make_reply(
        thread,
        cop.bram,
        "Eerste alinea met **vet**.\n\n- punt een\n- punt twee\n\nZie https://www.kvk.nl/ en "
        "[RVO](https://www.rvo.nl/).",
    )
    assert "<p>Eerste alinea met <strong>vet</strong>.</p>" in post.html
    assert "<ul><li>punt een</li><li>punt twee</li></ul>" in post.html
    assert 'href="https://www.kvk.nl/"' in post.html
    assert ">RVO</a>" in post.html
    assert 'rel="noopener noreferrer nofollow ugc"' in post.html


def test_a_locked_thread_refuses_replies_with_a_message(client, cop):
    thread = make_topic(cop)
    services.thread_lock(thread=thread, locked=True, actor=cop.core)
    client.force_login(cop.bram)
    response = client.post(reverse("community:reply", args=[thread.pk]), {"text": "Nog iets"})
    assert response.status_code == 400
    assert "vergrendeld" in response.content.decode()
    assert thread.posts.count() == 1


def test_quoting_shows_the_quoted_post(client, cop):
    thread = make_topic(cop, text="Zzp'ers zijn lastig te bereiken.")
    first = thread.posts.get()
    client.force_login(cop.bram)
    form = client.get(reverse("community:thread", args=[thread.pk]) + f"?citeer={first.pk}")
    assert f'name="quote_of" value="{first.pk}"' in form.content.decode()
    client.post(
        reverse("community:reply", args=[thread.pk]),
        {"text": "Klopt, via het ondernemersloket lukt het.", "quote_of": first.pk},
    )
    reply = thread.posts.last()
    assert reply.quote_of == first
    page = client.get(reverse("community:thread", args=[thread.pk])).content.decode()
    assert "kn-quote" in page and "Zzp&#x27;ers zijn lastig te bereiken." in page


def test_a_post_cannot_quote_another_conversation(cop):
    first = make_topic(cop).posts.get()
    other = make_topic(cop, title="Ander onderwerp")
    with pytest.raises(ValidationError):
        services.post_create(
            thread=other, data=services.PostData(text="x", quote_of=first), actor=cop.bram
        )
    assert other.posts.count() == 1


def test_a_thread_of_many_replies_reads_in_few_queries(client, cop, django_assert_max_num_queries):
    thread = make_topic(cop)
    for n in range(60):
        make_reply(thread, cop.bram if n % 2 else cop.core, f"Reactie {n} met **nadruk**.")
    first = thread.posts.first()
    make_reply(thread, cop.anna, "Ik citeer.").quote_of = first
    for reader in (cop.coordinator, cop.anna):  # a first visit, and the author of the last
        client.force_login(reader)
        with django_assert_max_num_queries(15):
            response = client.get(reverse("community:thread", args=[thread.pk]))
        assert response.status_code == 200
        assert response.content.decode().count('<li class="kn-post') == 62


def test_an_entrepreneur_sees_no_programmes_and_no_reports(client, cop):
    make_topic(cop)
    client.force_login(make_entrepreneur())
    index = client.get(reverse("community:index")).content.decode()
    assert "U neemt nog niet deel aan een programma" in index
    assert "CoP Digitalisering mkb" not in index
    reports = client.get(reverse("community:reports")).content.decode()
    assert "Geen openstaande meldingen." in reports
