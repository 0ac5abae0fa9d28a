import pytest

from kennisnetwerk.core import hooks


def test_unknown_hook_names_fail_loudly():
    with pytest.raises(ValueError, match="unknown hook"):
        hooks.register("dashbord_widgets")
    with pytest.raises(ValueError):
        hooks.get_hooks("nope")


def test_hooks_come_back_in_order_and_only_once(monkeypatch):
    monkeypatch.setattr(hooks, "_registry", hooks.defaultdict(list))

    def late(request):
        return "late"

    def early(request):
        return "early"

    hooks.register("dashboard_widgets", order=20)(late)
    hooks.register("dashboard_widgets", order=10)(early)
    hooks.register("dashboard_widgets", order=10)(early)
    assert hooks.get_hooks("dashboard_widgets") == [early, late]


@pytest.mark.django_db
def test_dashboard_shows_widgets_registered_by_other_apps(client, monkeypatch):
    from kennisnetwerk.accounts.tests.factories import UserFactory

    monkeypatch.setattr(hooks, "_registry", hooks.defaultdict(list, hooks._registry))
    hooks._registry["dashboard_widgets"] = []
    hooks.register("dashboard_widgets")(lambda request: "Widget van een andere app")
    client.force_login(UserFactory())
    assert "Widget van een andere app" in client.get("/dashboard/").content.decode()
