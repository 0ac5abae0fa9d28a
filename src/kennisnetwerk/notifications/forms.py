from django import forms
from django.utils.translation import gettext_lazy as _

from .constants import Channel
from .registry import NotificationKind


class PreferencesForm(forms.Form):
    """One choice per kind of notification."""

    def __init__(self, *args, choices: list[tuple[NotificationKind, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.kinds = [kind for kind, _channel in choices]
        for kind, channel in choices:
            self.fields[kind.key] = forms.ChoiceField(
                label=kind.label,
                help_text=kind.description,
                choices=Channel.choices,
                initial=channel,
                required=False,  # a kind left out keeps its channel
                widget=forms.RadioSelect,
                error_messages={"invalid_choice": _("Choose one of the listed options.")},
            )


class FollowForm(forms.Form):
    target = forms.CharField(max_length=100)
    target_id = forms.IntegerField(min_value=1)
    follow = forms.BooleanField(required=False)
    next = forms.CharField(max_length=500, required=False)
