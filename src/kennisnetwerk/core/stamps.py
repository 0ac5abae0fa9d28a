"""Change stamps: when a kind of data last changed, for results derived from it in the
background. An app that changes the data touches the stamp once its change is committed (and,
where a search index is involved, once the index follows); the apps that keep derived results
register a ``data_changed`` hook to refresh them in the background, and compare their results'
time with the stamp so that no page shows a result older than its source."""

from __future__ import annotations

import datetime as dt

from django.db import connection, transaction
from django.utils import timezone

from . import hooks
from .models import ChangeStamp

OFFER = "offer"  # initiatives (the atlas's offer), as the search index has them
THESAURUS = "thesaurus"  # the synonym groups used in matching


def stamp_touch(*, name: str) -> dt.datetime:
    """Record that ``name`` changed now and tell the ``data_changed`` hooks."""
    now = timezone.now()
    ChangeStamp.objects.update_or_create(name=name, defaults={"changed_at": now})
    for changed in hooks.get_hooks("data_changed"):
        changed(name)
    return now


class _Touch:
    def __init__(self, name: str) -> None:
        self.name = name

    def __call__(self) -> None:
        stamp_touch(name=self.name)


def stamp_touch_on_commit(*, name: str) -> None:
    """Touch the stamp once the current transaction has committed: once per transaction,
    however many changes it makes, and after the other work queued on commit before it (such
    as bringing the search index up to date)."""
    pending = connection.run_on_commit
    for position, (_savepoints, callback, *_rest) in enumerate(pending):
        if isinstance(callback, _Touch) and callback.name == name:
            del pending[position]
            break
    transaction.on_commit(_Touch(name))


def stamp_latest(*names: str) -> dt.datetime | None:
    """The latest change of any of ``names``; None when none has been recorded."""
    times = ChangeStamp.objects.filter(name__in=names).values_list("changed_at", flat=True)
    return max(times, default=None)
