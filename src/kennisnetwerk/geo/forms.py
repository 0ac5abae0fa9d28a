import re

from django import forms
from django.utils.translation import gettext_lazy as _

from .constants import AUTOMATIC_REGION_KINDS, RegionKind
from .selectors import MunicipalityResolver

_SPLIT = re.compile(r"[\n;]+")


class MunicipalityListField(forms.CharField):
    """Municipalities typed as names, one per line. Former municipality names and place
    names are accepted and resolved to the current municipality."""

    widget = forms.Textarea(attrs={"rows": 12})

    def clean(self, value):
        value = super().clean(value)
        names = [n.strip() for n in _SPLIT.split(value or "") if n.strip()]
        resolver = MunicipalityResolver()
        found, unknown, ambiguous = {}, [], []
        for name in names:
            resolution = resolver.resolve(name)
            if resolution.municipality is not None:
                found[resolution.municipality.pk] = resolution.municipality
            elif resolution.ambiguous:
                ambiguous.append(f"{name} ({', '.join(m.name for m in resolution.candidates)})")
            else:
                unknown.append(name)
        errors = []
        if unknown:
            errors.append(
                forms.ValidationError(
                    _("Unknown municipality or place: %(names)s."),
                    params={"names": ", ".join(unknown)},
                    code="unknown",
                )
            )
        if ambiguous:
            errors.append(
                forms.ValidationError(
                    _(
                        "These place names occur in several municipalities; please enter the "
                        "municipality instead: %(names)s."
                    ),
                    params={"names": "; ".join(ambiguous)},
                    code="ambiguous",
                )
            )
        if errors:
            raise forms.ValidationError(errors)
        if self.required and not found:
            raise forms.ValidationError(_("Enter at least one municipality."))
        return sorted(found.values(), key=lambda m: m.name)


class MunicipalityField(forms.CharField):
    """One municipality typed as a name or CBS code; former municipality names and place
    names are resolved to the current municipality."""

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return None
        resolution = MunicipalityResolver().resolve(value)
        if resolution.municipality is not None:
            return resolution.municipality
        if resolution.ambiguous:
            raise forms.ValidationError(
                _(
                    "These place names occur in several municipalities; please enter the "
                    "municipality instead: %(names)s."
                ),
                params={"names": f"{value} ({', '.join(m.name for m in resolution.candidates)})"},
                code="ambiguous",
            )
        raise forms.ValidationError(
            _("Unknown municipality or place: %(names)s."), params={"names": value}, code="unknown"
        )


class RegionForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=150)
    kind = forms.ChoiceField(
        label=_("Kind"),
        choices=[c for c in RegionKind.choices if c[0] not in AUTOMATIC_REGION_KINDS],
    )
    description = forms.CharField(
        label=_("Description"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    municipalities = MunicipalityListField(
        label=_("Municipalities"),
        help_text=_(
            "One per line. Former municipality names and place names are recognised "
            "(e.g. “Uden” becomes Maashorst)."
        ),
    )

    def __init__(
        self,
        *args,
        editable_municipalities: bool = True,
        kind_editable: bool = True,
        name_editable: bool = True,
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        if not name_editable:
            del self.fields["name"]
        if not editable_municipalities:
            del self.fields["municipalities"]
        if not kind_editable:
            del self.fields["kind"]


class MunicipalityLookupForm(forms.Form):
    naam = forms.CharField(
        label=_("Municipality, former municipality or place"),
        max_length=100,
    )
