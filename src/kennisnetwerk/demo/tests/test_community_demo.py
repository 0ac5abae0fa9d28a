"""The demo conversations: realistic topics with replies in the demo programmes, a mention
and a quote among them; loading again adds nothing."""

import pytest

from kennisnetwerk.community.models import Post, Thread
from kennisnetwerk.demo.services import demo_data_load

pytestmark = pytest.mark.django_db


def test_demo_programmes_have_conversations_and_loading_twice_adds_nothing(
    reference_data, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        demo_data_load()
    topics = Thread.objects.filter(programme__slug="cop-noordoost-brabant")
    assert topics.count() == 2
    zzp = topics.get(title__startswith="Hoe bereiken we zzp'ers")
    assert zzp.posts.count() == 4
    mention = zzp.posts.get(source__startswith="@Ilse de Vries")
    assert [u.full_name for u in mention.mentions.all()] == ["Ilse de Vries"]
    assert mention.quote_of == zzp.posts.first()
    assert "<strong>@Ilse de Vries</strong>" in mention.html
    assert all(post.author is not None for post in zzp.posts.all())
    counts = (Thread.objects.count(), Post.objects.count())
    with django_capture_on_commit_callbacks(execute=True):
        demo_data_load()
    assert (Thread.objects.count(), Post.objects.count()) == counts
