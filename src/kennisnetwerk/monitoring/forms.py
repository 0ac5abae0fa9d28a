from django import forms
from django.utils.translation import gettext_lazy as _

from .constants import DEFAULT_SMALL_CELL, Direction, Frequency, Source, Unit
from .metrics import metric_choices
from .services import IndicatorData


class IndicatorForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    code = forms.SlugField(
        label=_("Code"),
        max_length=80,
        help_text=_(
            "Short name without spaces, e.g. bereik-mkb; parties give it to the sketch tool."
        ),
    )
    definition = forms.CharField(
        label=_("Definition"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    source = forms.ChoiceField(label=_("Source"), choices=Source.choices)
    source_detail = forms.CharField(
        label=_("Where the figures come from"),
        max_length=250,
        required=False,
        help_text=_("E.g. the registration system of the Chamber of Commerce, or a survey."),
    )
    metric = forms.ChoiceField(label=_("Figure of the platform"), required=False)
    unit = forms.ChoiceField(label=_("Unit"), choices=Unit.choices)
    direction = forms.ChoiceField(label=_("Direction"), choices=Direction.choices)
    frequency = forms.ChoiceField(label=_("Period"), choices=Frequency.choices)
    small_cell = forms.IntegerField(
        label=_("Smallest reach figure shown"),
        min_value=1,
        max_value=1000,
        initial=DEFAULT_SMALL_CELL,
        help_text=_("Reach figures below this number are shown as '< n'."),
    )

    programme = forms.ModelChoiceField(
        label=_("Concerns learning programme"), required=False, queryset=None
    )
    initiative = forms.ModelChoiceField(
        label=_("Concerns initiative"), required=False, queryset=None
    )
    action = forms.ModelChoiceField(
        label=_("Concerns DOE agenda action"), required=False, queryset=None
    )

    def __init__(self, *args, region, **kwargs):
        from kennisnetwerk.agenda.models import Action
        from kennisnetwerk.ecosystem.models import Initiative
        from kennisnetwerk.learning.models import Programme

        super().__init__(*args, **kwargs)
        self.fields["metric"].choices = [("", "—")] + [(m.key, m.label) for m in metric_choices()]
        self.fields["programme"].queryset = Programme.objects.filter(regions=region).order_by(
            "title"
        )
        self.fields["initiative"].queryset = Initiative.objects.filter(
            inventory_region=region
        ).order_by("title")
        self.fields["action"].queryset = Action.objects.filter(agenda__region=region).order_by(
            "agenda__title", "order", "pk"
        )

    def indicator_data(self) -> IndicatorData:
        data = self.cleaned_data
        return IndicatorData(
            code=data["code"],
            name=data["name"],
            definition=data["definition"],
            unit=data["unit"],
            direction=data["direction"],
            frequency=data["frequency"],
            source=data["source"],
            metric=data["metric"],
            small_cell=data["small_cell"],
            source_detail=data["source_detail"],
            programme=data["programme"],
            initiative=data["initiative"],
            action=data["action"],
        )


class MeasurementForm(forms.Form):
    period = forms.CharField(label=_("Period"), max_length=10)
    value = forms.CharField(label=_("Value"), max_length=30)
    note = forms.CharField(label=_("Explanation"), max_length=250, required=False)


class TargetForm(forms.Form):
    period = forms.CharField(label=_("Period"), max_length=10)
    value = forms.CharField(label=_("Target"), max_length=30)


class SketchUploadForm(forms.Form):
    organisation = forms.ModelChoiceField(label=_("On behalf of"), queryset=None)
    period = forms.CharField(label=_("Period"), max_length=10)
    file = forms.FileField(
        label=_("Sketch file"),
        help_text=_("The .sketch file that kennisnetwerk-sketch wrote; never the list itself."),
    )

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        if organisations.count() == 1:
            self.fields["organisation"].initial = organisations.first()


class MeasurementImportForm(forms.Form):
    file = forms.FileField(
        label=_("Excel file (.xlsx)"),
        help_text=_(
            "Columns Periode and Waarde, optionally Eenheid and Toelichting; one period per row."
        ),
    )
