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

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["metric"].choices = [("", "—")] + [(m.key, m.label) for m in metric_choices()]

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
        )


class MeasurementForm(forms.Form):
    period = forms.CharField(label=_("Period"), max_length=10)
    value = forms.CharField(label=_("Value"), max_length=30)
    note = forms.CharField(label=_("Note"), max_length=250, required=False)


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
        help_text=_("Columns: period, value, unit (optional), note (optional)."),
    )
