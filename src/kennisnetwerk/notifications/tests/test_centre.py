"""The notification centre through the test client: the unread count in the header and its
htmx fragment, the list without JavaScript, marking read, the settings page with bad input,
following, and nobody reaching someone else's notifications."""

import pytest
from django.urls import reverse

from kennisnetwerk.accounts.models import EntrepreneurProfile
from kennisnetwerk.accounts.tests.factories import (
    OrganisationFactory,
    RegionFactory,
    UserFactory,
    make_coordinator,
    make_member,
)
from kennisnetwerk.core.models import AuditLogEntry
from kennisnetwerk.learning.tests.factories import ProgrammeFactory, add_member
from kennisnetwerk.notifications.models import Follow, Notification, Preference
from kennisnetwerk.notifications.selectors import follower_ids

pytestmark = pytest.mark.django_db


def _notify(user, title, n=1):
    import uuid

    for i in range(n):
        Notification.objects.create(
            event=uuid.uuid4(),
            recipient=user,
            kind="test.event",
            title=f"{title} {i}",
            body="Wat er gebeurde.",
            url="/leren/",
            channel="centre",
        )


@pytest.fixture
def anna(test_kind):
    return UserFactory(full_name="Anna de Vries")


def test_the_header_shows_the_unread_count_and_the_fragment_follows_it(client, anna):
    _notify(anna, "Nieuw", 3)
    client.force_login(anna)
    page = client.get(reverse("learning:index")).content.decode()
    assert 'data-testid="unread-count">3</span>' in page
    assert 'hx-get="/meldingen/aantal/"' in page and 'hx-trigger="every' in page
    _notify(anna, "Nog een")
    fragment = client.get(reverse("notifications:count"), HTTP_HX_REQUEST="true")
    assert 'data-testid="unread-count">4</span>' in fragment.content.decode()
    assert "<html" not in fragment.content.decode()
    # A visitor whose session ended gets an empty fragment, not a login page in the header.
    client.logout()
    assert client.get(reverse("notifications:count")).content == b""


def test_the_list_works_without_javascript(client, anna):
    _notify(anna, "Onderwerp", 2)
    other = UserFactory()
    _notify(other, "Van een ander")
    client.force_login(anna)
    page = client.get(reverse("notifications:centre")).content.decode()
    assert "Onderwerp 0" in page and "Onderwerp 1" in page
    assert "Van een ander" not in page
    assert "U hebt 2 ongelezen meldingen." in page
    first = Notification.objects.get(title="Onderwerp 0")
    # Mark one read with a plain form post, then open the other (marked read, on to its page).
    response = client.post(reverse("notifications:mark_read", args=[first.pk]))
    assert response.status_code == 302
    first.refresh_from_db()
    assert first.read_at is not None
    second = Notification.objects.get(title="Onderwerp 1")
    response = client.get(reverse("notifications:open", args=[second.pk]))
    assert response.status_code == 302 and response["Location"] == "/leren/"
    assert Notification.objects.filter(recipient=anna, read_at__isnull=True).count() == 0
    unread = client.get(reverse("notifications:centre") + "?filter=ongelezen").content.decode()
    assert "Geen ongelezen meldingen." in unread


def test_mark_all_read(client, anna):
    _notify(anna, "Melding", 5)
    client.force_login(anna)
    response = client.post(reverse("notifications:mark_all_read"), follow=True)
    assert "Alle meldingen zijn als gelezen gemarkeerd." in response.content.decode()
    assert not Notification.objects.filter(recipient=anna, read_at__isnull=True).exists()


def test_someone_elses_notification_answers_404(client, anna):
    _notify(anna, "Privé")
    notification = Notification.objects.get()
    entrepreneur = UserFactory()
    EntrepreneurProfile.objects.create(user=entrepreneur, company_name="Bakkerij (fictief)")
    for person in (UserFactory(), entrepreneur):
        client.force_login(person)
        assert client.get(reverse("notifications:open", args=[notification.pk])).status_code == 404
        assert (
            client.post(reverse("notifications:mark_read", args=[notification.pk])).status_code
            == 404
        )
    notification.refresh_from_db()
    assert notification.read_at is None


def test_the_settings_page_saves_a_choice_per_kind_and_refuses_a_bad_one(client, anna):
    client.force_login(anna)
    page = client.get(reverse("notifications:preferences")).content.decode()
    assert "Testgebeurtenis" in page and "In een wekelijkse samenvatting" in page
    response = client.post(reverse("notifications:preferences"), {"test.event": "weekly"})
    assert response.status_code == 302
    assert Preference.objects.get(user=anna, kind="test.event").channel == "weekly"
    assert AuditLogEntry.objects.filter(actor=anna, changes__channel=["", "weekly"]).exists()
    bad = client.post(reverse("notifications:preferences"), {"test.event": "per-duif"})
    assert bad.status_code == 400
    assert "Kies een van de genoemde mogelijkheden." in bad.content.decode()
    assert Preference.objects.get(user=anna, kind="test.event").channel == "weekly"


def test_following_a_programme_only_for_who_may_see_it(client, reference_data):
    region = RegionFactory(municipalities=["Oss"])
    programme = ProgrammeFactory(title="CoP Oss")
    programme.regions.set([region])
    member = make_member(OrganisationFactory())
    add_member(programme, member)
    other_region = RegionFactory(municipalities=["Leiden"])
    outsider = make_coordinator(other_region)
    entrepreneur = UserFactory()
    EntrepreneurProfile.objects.create(user=entrepreneur, company_name="Bakkerij (fictief)")

    client.force_login(member)
    page = client.get(reverse("learning:programme", args=[programme.slug])).content.decode()
    assert 'action="/meldingen/volgen/"' in page and "Volgen" in page
    data = {"target": "learning.programme", "target_id": programme.pk, "follow": "1"}
    response = client.post(reverse("notifications:follow"), {**data, "next": "/leren/"})
    assert response.status_code == 302 and response["Location"] == "/leren/"
    assert follower_ids(target=programme) == {member.pk}
    assert AuditLogEntry.objects.filter(actor=member, message="followed").count() == 1
    page = client.get(reverse("learning:programme", args=[programme.slug])).content.decode()
    assert "Gevolgd" in page
    for person in (outsider, entrepreneur):
        client.force_login(person)
        assert client.post(reverse("notifications:follow"), data).status_code == 404
    # A redirect elsewhere is not followed; unfollowing works from the settings page.
    client.force_login(member)
    response = client.post(
        reverse("notifications:follow"),
        {"target": "learning.programme", "target_id": programme.pk, "next": "https://x.example/"},
    )
    assert response.status_code == 302 and "x.example" not in response["Location"]
    assert not Follow.objects.exists()
    assert client.post(reverse("notifications:follow"), {"target": "accounts.user",
                       "target_id": member.pk, "follow": "1"}).status_code == 404  # fmt: skip


def test_themes_and_regions_can_be_followed(client, reference_data):
    from kennisnetwerk.ecosystem.models import Theme

    person = make_member(OrganisationFactory())
    region = RegionFactory(municipalities=["Oss"])
    theme = Theme.objects.get(slug="digitalisering")
    client.force_login(person)
    page = client.get(reverse("notifications:preferences")).content.decode()
    assert theme.name in page
    region_page = client.get(reverse("geo:region_detail", args=[region.slug])).content.decode()
    assert 'value="geo.region"' in region_page
    for label, obj in (("ecosystem.theme", theme), ("geo.region", region)):
        client.post(
            reverse("notifications:follow"), {"target": label, "target_id": obj.pk, "follow": "1"}
        )
        assert follower_ids(target=obj) == {person.pk}


def test_personal_data_export_and_erasure(client, anna):
    from kennisnetwerk.accounts.services import personal_data_export
    from kennisnetwerk.core import hooks
    from kennisnetwerk.notifications.services import follow_set, preference_set

    _notify(anna, "Export")
    preference_set(user=anna, kind="test.event", channel="daily")
    region = RegionFactory()
    follow_set(user=anna, target=region, follow=True)
    data = personal_data_export(user=anna)["notifications"]
    assert data["notifications"][0]["title"] == "Export 0"
    assert data["preferences"] == [{"kind": "test.event", "channel": "daily"}]
    assert data["follows"][0]["object"] == region.name
    for fn in hooks.get_hooks("personal_data_erase"):
        if fn.__module__.startswith("kennisnetwerk.notifications"):
            fn(anna)
    assert not Notification.objects.filter(recipient=anna).exists()
    assert not Preference.objects.filter(user=anna).exists()
    assert not Follow.objects.filter(user=anna).exists()


def test_the_dashboard_shows_the_latest_notifications(client, anna):
    _notify(anna, "Op het overzicht")
    client.force_login(anna)
    page = client.get(reverse("accounts:dashboard")).content.decode()
    assert "Laatste meldingen" in page and "Op het overzicht 0" in page


def test_the_privacy_page_names_notifications(client):
    page = client.get(reverse("core:privacy")).content.decode()
    assert "Elke meldingsmail heeft een link die die soort mail meteen stopt." in page
