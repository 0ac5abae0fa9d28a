import datetime as dt
import re

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kennisnetwerk.ecosystem.models import Theme
from kennisnetwerk.geo.forms import MunicipalityField
from kennisnetwerk.geo.models import Region, SbiSection

from .constants import Frequency, SizeClass
from .services import SubscriberData

_POSTCODE = re.compile(r"^([1-9][0-9]{3})\s?([A-Za-z]{2})$")


def clean_kvk_number(value: str) -> str:
    """Eight digits; spaces and dots are allowed while typing, a missing leading zero is
    not guessed. Letters are refused."""
    value = re.sub(r"[\s.]", "", value or "")
    if not value:
        return ""
    if not value.isdigit():
        raise forms.ValidationError(
            _("A KVK number consists of digits only; you entered letters or other signs."),
            code="kvk_not_digits",
        )
    if len(value) != 8:
        raise forms.ValidationError(
            _("A KVK number has 8 digits; you entered %(count)d."),
            params={"count": len(value)},
            code="kvk_length",
        )
    return value


class SubscriberPreferencesForm(forms.Form):
    """The preferences a subscriber chooses, on sign-up and in the preference centre."""

    company_name = forms.CharField(
        label=_("Company name"),
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    kvk_number = forms.CharField(
        label=_("KVK number"),
        required=False,
        max_length=20,
        help_text=_("8 digits. Helps the region count how many companies it reaches."),
    )
    municipality = MunicipalityField(
        label=_("Municipality or place of business"),
        max_length=100,
        help_text=_("For example Oss, Uden or Rosmalen."),
    )
    postcode = forms.CharField(
        label=_("Postcode"),
        required=False,
        max_length=7,
        widget=forms.TextInput(attrs={"autocomplete": "postal-code"}),
    )
    sbi_section = forms.ModelChoiceField(
        label=_("Sector"),
        queryset=SbiSection.objects.order_by("code"),
        required=False,
        empty_label=_("Choose a sector"),
    )
    size_class = forms.ChoiceField(
        label=_("Number of people working in the company"),
        choices=[("", _("Choose a size")), *SizeClass.choices],
        required=False,
    )
    themes = forms.ModelMultipleChoiceField(
        label=_("Themes that interest you"),
        queryset=Theme.objects.filter(is_active=True),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Choose none to hear about all themes."),
    )
    frequency = forms.ChoiceField(
        label=_("How often would you like to receive mail?"),
        choices=Frequency.choices,
        initial=Frequency.MONTHLY,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, region: Region, **kwargs):
        super().__init__(*args, **kwargs)
        self.region = region

    def clean_kvk_number(self) -> str:
        return clean_kvk_number(self.cleaned_data.get("kvk_number", ""))

    def clean_postcode(self) -> str:
        value = (self.cleaned_data.get("postcode") or "").strip()
        if not value:
            return ""
        match = _POSTCODE.match(value)
        if not match:
            raise forms.ValidationError(
                _("Enter a Dutch postcode such as 5341 AB."), code="postcode"
            )
        return f"{match.group(1)} {match.group(2).upper()}"

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

    def subscriber_data(self, email: str) -> SubscriberData:
        data = self.cleaned_data
        return SubscriberData(
            email=email,
            company_name=data["company_name"].strip(),
            kvk_number=data["kvk_number"],
            municipality=data["municipality"],
            postcode=data["postcode"],
            sbi_section=data["sbi_section"],
            size_class=data["size_class"],
            themes=list(data["themes"]),
            frequency=data["frequency"],
        )


class SubscribeForm(SubscriberPreferencesForm):
    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    consent = forms.BooleanField(
        label=_(
            "I want to receive the region's digest of news, events and subsidies by e-mail. "
            "I can change or stop this at any time through the link in every mail."
        ),
        error_messages={"required": _("Tick the box to confirm that you want to receive mail.")},
    )
    field_order = ["email", "company_name", "kvk_number", "municipality", "postcode"]


class PauseForm(forms.Form):
    until = forms.DateField(
        label=_("Pause until"),
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("You receive nothing until this date."),
    )

    def clean_until(self) -> dt.date:
        until = self.cleaned_data["until"]
        today = timezone.localdate()
        if until <= today:
            raise forms.ValidationError(_("Choose a date in the future."), code="past")
        if until > today + dt.timedelta(days=366):
            raise forms.ValidationError(_("You can pause for at most a year."), code="too_far")
        return until
