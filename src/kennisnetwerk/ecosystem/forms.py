from collections.abc import Callable, Iterable

from django import forms
from django.db.models import Count, F, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.http import QueryDict
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from kennisnetwerk.geo.forms import MunicipalityField, MunicipalityListField
from kennisnetwerk.geo.models import Region, SbiSection

from .constants import InitiativeKind, InitiativeStatus, TargetDimension
from .models import Initiative, Organisation, TargetGroup, Theme
from .selectors import InitiativeFilters

# The filters of the ecosystem pages (atlas, network, exports, matrix) use Dutch names in
# web addresses, as the interface does. Addresses with the former English names still work:
# the pages redirect them to the Dutch ones (``renamed_filters``).
FORMER_FILTER_NAMES = {
    "kind": "soort",
    "theme": "thema",
    "target_group": "doelgroep",
    "municipality": "gemeente",
    "organisation": "organisatie",
    "region": "regio",
}

# At most this many organisations are named when a partial name fits several.
MAX_NAMED_CANDIDATES = 8
# At most this many names are suggested in the organisation box.
MAX_SUGGESTIONS = 300


def renamed_filters(query: QueryDict) -> QueryDict | None:
    """``query`` with the former English filter names replaced by the Dutch ones, or None
    when it has none. A Dutch name given as well wins."""
    if not any(name in query for name in FORMER_FILTER_NAMES):
        return None
    renamed = QueryDict(mutable=True)
    for name, values in query.lists():
        dutch = FORMER_FILTER_NAMES.get(name, name)
        if dutch != name and dutch in query:
            continue
        renamed.setlist(dutch, values)
    return renamed


def organisation_suggestions() -> list[str]:
    """The names the organisation box suggests: the parties that own or take part in an
    initiative, the most active first, at most ``MAX_SUGGESTIONS`` so that a national inventory
    does not weigh down every page (any other name can still be typed)."""
    owned = (
        Initiative.objects.filter(owner=OuterRef("pk"))
        .order_by()
        .values("owner")
        .annotate(n=Count("pk"))
        .values("n")
    )
    partnered = (
        Initiative.partners.through.objects.filter(organisation=OuterRef("pk"))
        .order_by()
        .values("organisation")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return list(
        Organisation.objects.annotate(
            owned=Coalesce(Subquery(owned), 0), partnered=Coalesce(Subquery(partnered), 0)
        )
        .annotate(activity=F("owned") + F("partnered"))
        .filter(activity__gt=0)
        .order_by("-activity", "name")
        .values_list("name", flat=True)[:MAX_SUGGESTIONS]
    )


class DatalistInput(forms.TextInput):
    """A text box with a list of suggestions (``<datalist>``): browsers offer the matching
    names while typing, and any text can still be typed."""

    def __init__(self, attrs=None, options: Iterable[str] | Callable[[], Iterable[str]] = ()):
        super().__init__(attrs)
        self.options = options  # or a function giving them, called when the box is shown

    def render(self, name, value, attrs=None, renderer=None):
        attrs = dict(attrs or {})
        list_id = f"{attrs.get('id') or name}_options"
        attrs["list"] = list_id
        attrs.setdefault("autocomplete", "off")
        html = super().render(name, value, attrs, renderer)
        names = self.options() if callable(self.options) else self.options
        options = format_html_join("", '<option value="{}"></option>', ((n,) for n in names))
        return html + format_html('<datalist id="{}">{}</datalist>', list_id, options)


class OrganisationField(forms.CharField):
    """An organisation by its name or part of it, in any case, or by its short name in web
    addresses, as the links from organisation pages use. The box suggests the names of the
    parties with initiatives while typing; a dropdown of thousands would be too long."""

    widget = DatalistInput

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return None
        organisation = (
            Organisation.objects.filter(slug=value).first()
            or Organisation.objects.filter(name__iexact=value).first()
        )
        if organisation is not None:
            return organisation
        candidates = list(
            Organisation.objects.filter(name__icontains=value).order_by("name")[
                : MAX_NAMED_CANDIDATES + 1
            ]
        )
        if len(candidates) == 1:
            return candidates[0]
        if candidates:
            names = ", ".join(c.name for c in candidates[:MAX_NAMED_CANDIDATES])
            if len(candidates) > MAX_NAMED_CANDIDATES:
                names += ", …"
            raise forms.ValidationError(
                _("Several organisations match %(name)s: %(names)s. Choose one from the list."),
                params={"name": value, "names": names},
                code="ambiguous",
            )
        raise forms.ValidationError(
            _("No organisation is called %(name)s."), params={"name": value}, code="unknown"
        )


class InitiativeFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False)
    soort = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("All kinds")), *InitiativeKind.choices]
    )
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("All statuses")), *InitiativeStatus.choices],
    )
    thema = forms.ModelChoiceField(
        label=_("Theme"),
        required=False,
        queryset=Theme.objects.none(),
        empty_label=_("All themes"),
        to_field_name="slug",
    )
    doelgroep = forms.ModelChoiceField(
        label=_("Target group"),
        required=False,
        queryset=TargetGroup.objects.none(),
        empty_label=_("All target groups"),
        to_field_name="code",
    )
    gemeente = MunicipalityField(
        label=_("Municipality"),
        required=False,
        max_length=100,
        help_text=_("Name or CBS code; former names and place names are recognised."),
    )
    organisatie = OrganisationField(
        label=_("Organisation"),
        required=False,
        max_length=200,
        help_text=_("The name or part of it, as owner or partner; choose from the list."),
    )
    regio = forms.ModelChoiceField(
        label=_("Region"),
        required=False,
        queryset=Region.objects.none(),
        empty_label=_("All regions"),
        to_field_name="slug",
    )

    def filters(self) -> InitiativeFilters | None:
        """The filters of the form, or None when a filter is invalid (its field shows the
        message): then nothing is filtered and nothing is listed, rather than a list that
        looks filtered but is not."""
        if not self.is_bound:
            return InitiativeFilters()
        if not self.is_valid():
            return None
        data = self.cleaned_data
        return InitiativeFilters(
            query=data.get("q") or "",
            kind=data.get("soort") or "",
            status=data.get("status") or "",
            theme=data.get("thema"),
            target_group=data.get("doelgroep"),
            municipality=data.get("gemeente"),
            organisation=data.get("organisatie"),
            region=data.get("regio"),
        )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["thema"].queryset = Theme.objects.filter(is_active=True)
        self.fields["doelgroep"].queryset = TargetGroup.objects.all()
        self.fields["regio"].queryset = (
            Region.objects.filter(inventory__isnull=False).distinct().order_by("name")
        )
        self.fields["organisatie"].widget.options = organisation_suggestions  # read on render


class InitiativeForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=250)
    kind = forms.ChoiceField(label=_("Kind"), choices=InitiativeKind.choices)
    status = forms.ChoiceField(label=_("Status"), choices=InitiativeStatus.choices)
    owner = forms.ModelChoiceField(
        label=_("Owner organisation"), queryset=Organisation.objects.none()
    )
    inventory_region = forms.ModelChoiceField(
        label=_("Inventory of region"), queryset=Region.objects.none()
    )
    description = forms.CharField(
        label=_("Description"), widget=forms.Textarea(attrs={"rows": 5}), required=False
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
    )
    sbi_sections = forms.ModelMultipleChoiceField(
        label=_("Sectors (SBI sections)"),
        queryset=SbiSection.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Leave empty when open to every sector."),
    )
    regions = forms.ModelMultipleChoiceField(
        label=_("Regions served"),
        queryset=Region.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
        help_text=_("Choose “Nederland” for a national offer."),
    )
    municipalities = MunicipalityListField(
        label=_("Municipalities served"),
        required=False,
        help_text=_("One per line; leave empty when the whole region is served."),
    )
    partners = forms.ModelMultipleChoiceField(
        label=_("Partner organisations"),
        queryset=Organisation.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )
    start_date = forms.DateField(
        label=_("Start date"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    end_date = forms.DateField(
        label=_("End date"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    budget = forms.DecimalField(
        label=_("Budget (euro)"), required=False, min_value=0, max_digits=14, decimal_places=2
    )
    funding_source = forms.CharField(label=_("Funding source"), max_length=250, required=False)
    contact_name = forms.CharField(label=_("Contact person"), max_length=200, required=False)
    contact_email = forms.EmailField(label=_("Contact e-mail address"), required=False)
    contact_phone = forms.CharField(label=_("Contact telephone"), max_length=50, required=False)
    url = forms.URLField(
        label=_("Web address"), max_length=500, required=False, assume_scheme="https"
    )
    evidence = forms.CharField(
        label=_("What is known to work"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )
    evidence_source = forms.CharField(
        label=_("Source of the evidence"), max_length=500, required=False
    )
    is_published = forms.BooleanField(label=_("Published"), required=False, initial=True)

    def __init__(self, *args, owners, regions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = owners.order_by("name")
        self.fields["inventory_region"].queryset = regions.order_by("name")
        self.fields["themes"].queryset = Theme.objects.filter(is_active=True)
        self.fields["target_groups"].queryset = TargetGroup.objects.all()
        self.fields["partners"].queryset = Organisation.objects.order_by("name")
        self.fields["regions"].queryset = Region.objects.order_by("kind", "name")

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start_date"), cleaned.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("The end date lies before the start date."))
        owner = cleaned.get("owner")
        if owner and owner in (cleaned.get("partners") or []):
            self.add_error("partners", _("The owner cannot also be a partner."))
        return cleaned


class MatrixForm(forms.Form):
    dimensie = forms.ChoiceField(
        label=_("Target groups by"), choices=TargetDimension.choices, required=False
    )
    regio = forms.ModelChoiceField(
        label=_("Region"),
        required=False,
        queryset=Region.objects.none(),
        empty_label=_("All regions"),
        to_field_name="slug",
    )
    gemeente = MunicipalityField(
        label=_("Municipality"),
        required=False,
        max_length=100,
        help_text=_("Only initiatives that serve this municipality."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["regio"].queryset = (
            Region.objects.filter(inventory__isnull=False).distinct().order_by("name")
        )
