import pytest

from kennisnetwerk.notifications import registry
from kennisnetwerk.notifications.registry import NotificationKind


@pytest.fixture
def test_kind(monkeypatch):
    """A kind of this test only (the apps' own kinds are tested with their triggers)."""
    kind = NotificationKind(key="test.event", label="Testgebeurtenis", default_channel="instant")
    monkeypatch.setitem(registry._kinds, kind.key, kind)
    return kind


@pytest.fixture
def emit(django_capture_on_commit_callbacks):
    """notification_emit as an app calls it, with the commit (and so the background task
    and the outbox worker) run at the end."""
    from kennisnetwerk.notifications.services import notification_emit

    def run(**kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            notification_emit(**kwargs)

    return run
