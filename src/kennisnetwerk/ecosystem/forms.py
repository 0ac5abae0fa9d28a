from django import forms
from django.utils.translation import gettext_lazy as _

from kennisnetwerk.geo.forms import MunicipalityField, MunicipalityListField
from kennisnetwerk.geo.models import Region, SbiSection

from .constants import InitiativeKind, InitiativeStatus, TargetDimension
from .models import Organisation, TargetGroup, Theme
from .selectors import InitiativeFilters


class OrganisationField(forms.CharField):
    """An organisation by its name (any case) or its short name in web addresses, as the
    links from organisation pages use. A dropdown of thousands of parties would be too long
    to use and to send."""

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return None
        organisation = (
            Organisation.objects.filter(slug=value).first()
            or Organisation.objects.filter(name__iexact=value).first()
        )
        if organisation is None:
            raise forms.ValidationError(
                _("No organisation is called %(name)s."), params={"name": value}, code="unknown"
            )
        return organisation


class InitiativeFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False)
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("All kinds")), *InitiativeKind.choices]
    )
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("All statuses")), *InitiativeStatus.choices],
    )
    theme = forms.ModelChoiceField(
        label=_("Theme"),
        required=False,
        queryset=Theme.objects.none(),
        empty_label=_("All themes"),
        to_field_name="slug",
    )
    target_group = forms.ModelChoiceField(
        label=_("Target group"),
        required=False,
        queryset=TargetGroup.objects.none(),
        empty_label=_("All target groups"),
        to_field_name="code",
    )
    municipality = MunicipalityField(
        label=_("Municipality"),
        required=False,
        max_length=100,
        help_text=_("Name or CBS code; former names and place names are recognised."),
    )
    organisation = OrganisationField(
        label=_("Organisation"),
        required=False,
        max_length=200,
        help_text=_("The name of the organisation, as owner or partner."),
    )
    region = forms.ModelChoiceField(
        label=_("Region"),
        required=False,
        queryset=Region.objects.none(),
        empty_label=_("All regions"),
        to_field_name="slug",
    )

    def filters(self) -> InitiativeFilters:
        """The filters of the fields that are valid; an invalid field (shown with its
        message) filters nothing."""
        if not self.is_bound:
            return InitiativeFilters()
        self.is_valid()  # cleaned_data then holds the valid fields
        data = self.cleaned_data
        return InitiativeFilters(
            query=data.get("q") or "",
            kind=data.get("kind") or "",
            status=data.get("status") or "",
            theme=data.get("theme"),
            target_group=data.get("target_group"),
            municipality=data.get("municipality"),
            organisation=data.get("organisation"),
            region=data.get("region"),
        )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["theme"].queryset = Theme.objects.filter(is_active=True)
        self.fields["target_group"].queryset = TargetGroup.objects.all()
        self.fields["region"].queryset = (
            Region.objects.filter(inventory__isnull=False).distinct().order_by("name")
        )


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
