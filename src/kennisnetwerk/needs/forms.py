from django import forms
from django.utils.translation import gettext_lazy as _

from kennisnetwerk.ecosystem.models import Organisation, Theme
from kennisnetwerk.geo.forms import MunicipalityField
from kennisnetwerk.geo.models import Region, SbiSection

from .constants import QUESTION_MAX_LENGTH, FeedbackKind, NeedSource, NeedStatus, SizeClass, Urgency
from .services import NeedData

QUESTION_TOO_LONG = _(
    "Your question is %(show_value)d characters long; at most %(limit_value)d characters fit. "
    "Shorten it, for example to the main bottleneck."
)


class NeedFormBase(forms.Form):
    """What is asked of every question, on the public form and by account managers."""

    question = forms.CharField(
        label=_("What is your question or bottleneck?"),
        max_length=QUESTION_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "In your own words, for example: “I cannot find staff and want to train my people.” "
            "At most 5000 characters."
        ),
        error_messages={
            "required": _("Describe your question or bottleneck."),
            "max_length": QUESTION_TOO_LONG,
        },
    )
    municipality = MunicipalityField(
        label=_("Municipality or place of business"),
        max_length=100,
        required=False,
        help_text=_("So that we only show offers that are open to your company."),
    )
    size_class = forms.ChoiceField(
        label=_("Number of people working in the company"),
        choices=[("", _("Choose a size")), *SizeClass.choices],
        required=False,
    )
    sbi_section = forms.ModelChoiceField(
        label=_("Sector"),
        queryset=SbiSection.objects.order_by("code"),
        required=False,
        empty_label=_("Choose a sector"),
    )
    themes = forms.ModelMultipleChoiceField(
        label=_("Themes"),
        queryset=Theme.objects.filter(is_active=True),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Without a choice the themes follow from your question."),
    )
    urgency = forms.ChoiceField(
        label=_("How urgent is it?"),
        choices=[("", _("Choose")), *Urgency.choices],
        required=False,
    )
    company_name = forms.CharField(
        label=_("Company name"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    contact_name = forms.CharField(
        label=_("Your name"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    contact_email = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    contact_phone = forms.CharField(
        label=_("Telephone"),
        max_length=50,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "tel"}),
    )
    follow_up_consent = forms.BooleanField(
        label=_(
            "An adviser of the region may contact me about this question. My details are "
            "used for this only."
        ),
        required=False,
    )

    def __init__(self, *args, region: Region, **kwargs):
        super().__init__(*args, **kwargs)
        self.region = region

    def clean_question(self) -> str:
        return self.cleaned_data["question"].strip()

    def clean_municipality(self):
        municipality = self.cleaned_data.get("municipality")
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

    def clean(self):
        cleaned = super().clean()
        consent = cleaned.get("follow_up_consent")
        has_contact = any(cleaned.get(f) for f in ("contact_email", "contact_phone"))
        if consent and not has_contact:
            self.add_error(
                "contact_email",
                forms.ValidationError(
                    _("Enter an e-mail address or telephone number so that we can contact you."),
                    code="no_contact",
                ),
            )
        elif has_contact and not consent:
            self.add_error(
                "follow_up_consent",
                forms.ValidationError(
                    _(
                        "Tick the box if we may contact you, or leave your e-mail address and "
                        "telephone number empty."
                    ),
                    code="no_consent",
                ),
            )
        return cleaned

    def need_data(self) -> NeedData:
        data = self.cleaned_data
        return NeedData(
            question=data["question"],
            themes=list(data["themes"]),
            sbi_section=data["sbi_section"],
            size_class=data["size_class"],
            municipality=data["municipality"],
            urgency=data["urgency"],
            company_name=data["company_name"],
            contact_name=data["contact_name"],
            contact_email=data["contact_email"],
            contact_phone=data["contact_phone"],
            follow_up_consent=data["follow_up_consent"],
        )


class IntakeForm(NeedFormBase):
    field_order = [
        "question",
        "municipality",
        "size_class",
        "sbi_section",
        "urgency",
        "themes",
        "company_name",
        "contact_name",
        "contact_email",
        "contact_phone",
        "follow_up_consent",
    ]


class NeedForm(NeedFormBase):
    """An account manager records a question they heard."""

    source = forms.ChoiceField(
        label=_("Where does the question come from?"),
        choices=[
            (NeedSource.ACCOUNT_MANAGER, NeedSource.ACCOUNT_MANAGER.label),
            (NeedSource.COP_SESSION, NeedSource.COP_SESSION.label),
        ],
        initial=NeedSource.ACCOUNT_MANAGER,
    )
    organisation = forms.ModelChoiceField(
        label=_("Recorded for"),
        queryset=Organisation.objects.none(),
        required=False,
        empty_label=_("No organisation"),
    )
    field_order = ["question", "source", "organisation", *IntakeForm.field_order[1:]]

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        self.fields["question"].label = _("The entrepreneur's question or bottleneck")
        self.fields["contact_name"].label = _("Contact person")
        self.fields["follow_up_consent"].label = _(
            "The entrepreneur agreed to be contacted about this question."
        )


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=NeedStatus.choices)


class FeedbackForm(forms.Form):
    initiative = forms.IntegerField(min_value=1)
    kind = forms.ChoiceField(choices=FeedbackKind.choices)
    given = forms.TypedChoiceField(
        choices=[("1", "1"), ("0", "0")], coerce=lambda v: v == "1", initial="1"
    )


class NeedFilterForm(forms.Form):
    q = forms.CharField(label=_("Search in questions"), required=False, max_length=200)
    status = forms.ChoiceField(
        label=_("Status"), choices=[("", _("All")), *NeedStatus.choices], required=False
    )
    source = forms.ChoiceField(
        label=_("Source"), choices=[("", _("All")), *NeedSource.choices], required=False
    )
    theme = forms.ModelChoiceField(
        label=_("Theme"),
        queryset=Theme.objects.filter(is_active=True),
        required=False,
        empty_label=_("All"),
    )
    without_good_match = forms.BooleanField(label=_("Only without a good match"), required=False)


class ThesaurusGroupForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=100)
    terms = forms.CharField(
        label=_("Words that mean the same"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        help_text=_("Separated by commas, e.g.: personeel, arbeidsmarkt, human capital."),
    )
    theme = forms.ModelChoiceField(
        label=_("Theme"),
        queryset=Theme.objects.filter(is_active=True),
        required=False,
        empty_label=_("No theme"),
        help_text=_(
            "A question that uses one of these words counts as a question about this theme."
        ),
    )
    is_active = forms.BooleanField(label=_("In use in this region"), required=False, initial=True)
