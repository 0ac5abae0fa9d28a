"""Forms of conversations. Length and content rules live in the services (one Dutch message
for the web and the API); the forms only collect."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from kennisnetwerk.learning.forms import MultipleFileField

from .models import POST_MAX_LENGTH, TITLE_MAX_LENGTH

EMPTY_POST = _("Write a message; an empty post cannot be placed.")
TEXT_HELP = _(
    "An empty line starts a new paragraph. Lines starting with “- ” form a list, **word** is "
    "bold, web addresses become links. Mention someone with @ and their full name, e.g. "
    "@Firstname Lastname."
)


class PostForm(forms.Form):
    text = forms.CharField(
        label=_("Your message"),
        help_text=TEXT_HELP,
        strip=False,
        error_messages={"required": EMPTY_POST},
        widget=forms.Textarea(attrs={"rows": 5, "maxlength": POST_MAX_LENGTH}),
    )
    mention = forms.CharField(
        label=_("Mention someone"),
        help_text=_(
            "Type part of a name to see the people who can read this conversation; they get a "
            "notification."
        ),
        required=False,
        max_length=200,
    )
    attachments = MultipleFileField(
        label=_("Attachments"),
        required=False,
        help_text=_("PDF, Word, PowerPoint, Excel, PNG or JPEG; at most 10 MB per file."),
    )
    quote_of = forms.IntegerField(required=False, widget=forms.HiddenInput, min_value=1)

    def __init__(self, *args, prefix_id: str = "post", **kwargs):
        super().__init__(*args, **kwargs)
        if "mention" in self.fields:
            self.fields["mention"].widget.attrs.update(
                {"list": f"{prefix_id}-people", "autocomplete": "off"}
            )

    def mention_names(self) -> list[str]:
        name = (self.cleaned_data.get("mention") or "").strip()
        return [name] if name else []


class TopicForm(PostForm):
    title = forms.CharField(
        label=_("Title"),
        error_messages={"required": _("Give the topic a title.")},
        widget=forms.TextInput(attrs={"maxlength": TITLE_MAX_LENGTH}),
    )
    # Mentions in a new topic are typed in the text ("@Voornaam Achternaam").
    mention = None
    field_order = ["title", "text", "attachments"]


class EditForm(forms.Form):
    text = forms.CharField(
        label=_("Your message"),
        help_text=TEXT_HELP,
        strip=False,
        error_messages={"required": EMPTY_POST},
        widget=forms.Textarea(attrs={"rows": 6, "maxlength": POST_MAX_LENGTH}),
    )


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        error_messages={"required": _("Give a reason.")},
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": 500}),
    )


class MoveForm(forms.Form):
    programme = forms.ModelChoiceField(label=_("Move to programme"), queryset=None)

    def __init__(self, *args, programmes, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["programme"].queryset = programmes
