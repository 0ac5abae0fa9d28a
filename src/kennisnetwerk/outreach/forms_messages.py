"""Forms of messages: submitting and editing, the editors' review, and the calendar filters.
Checks that concern the message as a whole (window, event dates, area) live in the service,
whose errors the views attach to these fields."""

from __future__ import annotations

import datetime as dt
import re

from django import forms
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kennisnetwerk.ecosystem.models import Organisation, TargetGroup, Theme
from kennisnetwerk.geo.forms import MunicipalityField, MunicipalityListField
from kennisnetwerk.geo.models import Region

from .constants import MessageKind
from .models import Message
from .services_messages import BODY_MAX_LENGTH, REASON_MAX_LENGTH, MessageData


def _date_widget() -> forms.DateInput:
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _datetime_widget() -> forms.DateTimeInput:
    return forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class MessageForm(forms.Form):
    sender = forms.ModelChoiceField(
        label=_("On behalf of"), queryset=Organisation.objects.none(), empty_label=None
    )
    kind = forms.ChoiceField(label=_("Kind of message"), choices=MessageKind.choices)
    title = forms.CharField(label=_("Title"), max_length=200)
    body = forms.CharField(
        label=_("Text"),
        max_length=BODY_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_(
            "Plain text, at most 5,000 characters; an empty line starts a new paragraph. "
            "HTML is shown as typed, not as layout."
        ),
    )
    link = forms.URLField(
        label=_("Link for more information"),
        max_length=500,
        required=False,
        assume_scheme="https",
    )
    themes = forms.ModelMultipleChoiceField(
        label=_("Themes"),
        queryset=Theme.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    target_groups = forms.ModelMultipleChoiceField(
        label=_("Target groups"),
        queryset=TargetGroup.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Leave empty when the message is for every entrepreneur."),
    )
    municipalities = MunicipalityListField(
        label=_("Municipalities"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One per line; leave empty when the message is for the whole region."),
    )
    valid_from = forms.DateField(label=_("Show from"), widget=_date_widget())
    valid_until = forms.DateField(
        label=_("Show until"),
        required=False,
        widget=_date_widget(),
        help_text=_("For an event you may leave this empty: it is shown until the event ends."),
    )
    deadline = forms.DateField(
        label=_("Deadline"),
        required=False,
        widget=_date_widget(),
        help_text=_("For example the closing date of a subsidy or of registration."),
    )
    event_start = forms.DateTimeField(
        label=_("Event starts at"), required=False, widget=_datetime_widget()
    )
    event_end = forms.DateTimeField(
        label=_("Event ends at"), required=False, widget=_datetime_widget()
    )
    location = forms.CharField(
        label=_("Place of the event"),
        max_length=250,
        required=False,
        help_text=_("An address, or 'online'."),
    )

    def __init__(self, *args, senders: QuerySet[Organisation] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        if senders is None:
            del self.fields["sender"]
        else:
            self.fields["sender"].queryset = senders
        self.fields["themes"].queryset = Theme.objects.filter(is_active=True)
        self.fields["target_groups"].queryset = TargetGroup.objects.all()
        if not self.is_bound and "valid_from" not in self.initial:
            self.initial["valid_from"] = timezone.localdate()

    def message_data(self) -> MessageData:
        data = self.cleaned_data
        return MessageData(
            kind=data["kind"],
            title=data["title"],
            body=data["body"],
            link=data.get("link") or "",
            themes=list(data.get("themes") or []),
            target_groups=list(data.get("target_groups") or []),
            municipalities=list(data.get("municipalities") or []),
            valid_from=data["valid_from"],
            valid_until=data.get("valid_until"),
            deadline=data.get("deadline"),
            event_start=data.get("event_start"),
            event_end=data.get("event_end"),
            location=data.get("location") or "",
        )

    @staticmethod
    def initial_for(message: Message) -> dict:
        return {
            "kind": message.kind,
            "title": message.title,
            "body": message.body,
            "link": message.link,
            "themes": list(message.themes.all()),
            "target_groups": list(message.target_groups.all()),
            "municipalities": "\n".join(m.name for m in message.municipalities.all()),
            "valid_from": message.valid_from,
            "valid_until": message.valid_until,
            "deadline": message.deadline,
            "event_start": timezone.localtime(message.event_start) if message.event_start else None,
            "event_end": timezone.localtime(message.event_end) if message.event_end else None,
            "location": message.location,
        }


class ScheduleForm(forms.Form):
    publish_from = forms.DateField(
        label=_("Send from"),
        required=False,
        widget=_date_widget(),
        help_text=_("Leave empty to include it in the next digest."),
    )


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for rejection"),
        max_length=REASON_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The sender sees this reason."),
        error_messages={
            "required": _("Give the reason for rejecting, so that the sender knows what to change.")
        },
    )


class MergeForm(forms.Form):
    into = forms.ModelChoiceField(
        label=_("Merge this message into"),
        queryset=Message.objects.none(),
        widget=forms.RadioSelect,
        empty_label=None,
        help_text=_(
            "The other message stays and names this sender too; this message is no longer "
            "shown or sent."
        ),
    )

    def __init__(self, *args, targets: list[Message], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["into"].queryset = Message.objects.filter(pk__in=[m.pk for m in targets])
        labels = {m.pk: f"{m.title} — {m.sender.name} ({m.get_status_display()})" for m in targets}
        self.fields["into"].label_from_instance = lambda m: labels.get(m.pk, m.title)
        self.targets = targets


_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


class CalendarFilterForm(forms.Form):
    """Filters of the joint calendar (GET). An invalid filter is shown with its message and
    filters nothing."""

    thema = forms.ModelChoiceField(
        label=_("Theme"),
        required=False,
        queryset=Theme.objects.none(),
        empty_label=_("All themes"),
        to_field_name="slug",
    )
    gemeente = MunicipalityField(
        label=_("Municipality"),
        required=False,
        max_length=100,
        help_text=_("Former names and place names are recognised."),
    )
    maand = forms.CharField(required=False, widget=forms.HiddenInput)
    weergave = forms.ChoiceField(
        label=_("View"),
        required=False,
        choices=[("maand", _("Month")), ("lijst", _("List"))],
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, region: Region, **kwargs):
        super().__init__(*args, **kwargs)
        self.region = region
        self.fields["thema"].queryset = Theme.objects.filter(is_active=True)

    def clean_gemeente(self):
        municipality = self.cleaned_data.get("gemeente")
        if (
            municipality is not None
            and not self.region.municipalities.filter(pk=municipality.pk).exists()
        ):
            raise forms.ValidationError(
                _("%(municipality)s is not part of %(region)s."),
                params={"municipality": municipality.name, "region": self.region.name},
                code="outside_region",
            )
        return municipality

    def values(self) -> dict:
        if not self.is_bound:
            return {}
        self.is_valid()
        return self.cleaned_data

    def month(self) -> dt.date:
        """The first day of the chosen month (this month when none or an invalid one)."""
        match = _MONTH.match((self.data.get("maand") or "").strip()) if self.is_bound else None
        if match:
            year, month = int(match.group(1)), int(match.group(2))
            if 1900 < year < 2200 and 1 <= month <= 12:
                return dt.date(year, month, 1)
        return timezone.localdate().replace(day=1)

    def view(self) -> str:
        return "lijst" if self.is_bound and self.data.get("weergave") == "lijst" else "maand"
