"""Forms of the live page of a webinar. The forms only read the input; the rules (length,
whether the webinar still runs) are the services', so that the web and any other caller give
the same Dutch messages."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models_live import LIVE_ANSWER_MAX_LENGTH


class LiveQuestionForm(forms.Form):
    text = forms.CharField(
        label=_("Your question"),
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Type your question first.")},
        help_text=_(
            "Everyone in the webinar sees your question with your name; at most 500 characters."
        ),
    )


class LiveAnswerForm(forms.Form):
    answer = forms.CharField(
        label=_("Short answer (optional)"),
        required=False,
        widget=forms.TextInput(attrs={"maxlength": LIVE_ANSWER_MAX_LENGTH}),
    )


class LiveMergeForm(forms.Form):
    kept = forms.IntegerField(
        label=_("Merge into"),
        error_messages={"required": _("Choose the question to keep.")},
    )
