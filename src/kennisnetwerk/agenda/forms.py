"""Forms of the DOE agenda. They check what a single field can check; the services check the
whole (the deadline against the agenda's period, an owner for every action), and the views
attach the services' errors to these fields."""

from __future__ import annotations

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from kennisnetwerk.core.formatting import format_date
from kennisnetwerk.ecosystem.models import Organisation
from kennisnetwerk.geo.models import Region

from .constants import ActionStatus
from .models import Action, Agenda, Goal
from .services import ActionData


def _date_widget() -> forms.DateInput:
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class AgendaForm(forms.Form):
    region = forms.ModelChoiceField(
        label=_("Region or MKB-Deal"), queryset=Region.objects.none(), empty_label=None
    )
    programme = forms.ModelChoiceField(
        label=_("Programme"),
        queryset=None,
        required=False,
        empty_label=_("None: the agenda of the region as a whole"),
        help_text=_("For the agenda of a Community of Practice or another learning programme."),
    )
    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    start_date = forms.DateField(label=_("Start date"), widget=_date_widget())
    end_date = forms.DateField(label=_("End date"), required=False, widget=_date_widget())
    stale_after_days = forms.IntegerField(
        label=_("Stale after (days)"),
        min_value=1,
        max_value=365,
        help_text=_(
            "The owner of an open action without a progress update for this many days gets "
            "a reminder."
        ),
    )

    def __init__(self, *args, regions: QuerySet[Region], programmes, editing: bool = False, **kw):
        super().__init__(*args, **kw)
        self.fields["region"].queryset = regions
        self.fields["programme"].queryset = programmes
        if editing:
            del self.fields["region"]


class GoalForm(forms.Form):
    title = forms.CharField(label=_("Goal"), max_length=250)
    description = forms.CharField(
        label=_("Explanation"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class ActionForm(forms.Form):
    title = forms.CharField(label=_("What is done"), max_length=250)
    description = forms.CharField(
        label=_("Explanation"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    owner = forms.ModelChoiceField(
        label=_("Owner organisation"),
        queryset=Organisation.objects.none(),
        empty_label=_("Choose an organisation"),
        help_text=_("The organisation that does the action and reports its progress."),
        error_messages={
            "required": _("Every action has an owner organisation: choose who does it.")
        },
    )
    contact = forms.ModelChoiceField(
        label=_("Contact person"),
        queryset=None,
        required=False,
        empty_label=_("Every member of the owner organisation"),
        help_text=_("Receives the reminders."),
    )
    deadline = forms.DateField(label=_("Deadline"), required=False, widget=_date_widget())
    goal = forms.ModelChoiceField(
        label=_("Goal"), queryset=Goal.objects.none(), required=False, empty_label=_("No goal")
    )
    parent = forms.ModelChoiceField(
        label=_("Part of action"),
        queryset=Action.objects.none(),
        required=False,
        empty_label=_("None: a main action"),
        help_text=_("A sub-action's progress rolls up into its main action."),
    )

    def __init__(self, *args, agenda: Agenda, owners, contacts, exclude=None, **kw):
        super().__init__(*args, **kw)
        self.fields["owner"].queryset = owners
        self.fields["contact"].queryset = contacts
        self.fields["contact"].label_from_instance = lambda u: u.get_full_name() or u.email
        self.fields["goal"].queryset = agenda.goals.all()
        parents = agenda.actions.filter(parent__isnull=True)
        if exclude is not None:
            parents = parents.exclude(pk=exclude.pk)
        self.fields["parent"].queryset = parents

    def action_data(self) -> ActionData:
        data = self.cleaned_data
        return ActionData(
            title=data["title"],
            owner=data["owner"],
            deadline=data.get("deadline"),
            description=data.get("description", ""),
            goal=data.get("goal"),
            parent=data.get("parent"),
            contact=data.get("contact"),
        )


class ContributionForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Contributing organisation"),
        queryset=Organisation.objects.none(),
        empty_label=_("Choose an organisation"),
    )
    hours = forms.DecimalField(
        label=_("Hours"), required=False, min_value=0, max_digits=9, decimal_places=1
    )
    money = forms.DecimalField(
        label=_("Money (euro)"), required=False, min_value=0, max_digits=12, decimal_places=2
    )
    people = forms.IntegerField(label=_("People"), required=False, min_value=0, max_value=10_000)
    note = forms.CharField(label=_("Explanation"), max_length=250, required=False)

    def __init__(self, *args, organisations, **kw):
        super().__init__(*args, **kw)
        self.fields["organisation"].queryset = organisations

    def clean(self):
        data = super().clean()
        if all(data.get(name) is None for name in ("hours", "money", "people")) and not any(
            name in self.errors for name in ("hours", "money", "people")
        ):
            raise forms.ValidationError(_("Enter hours, money or people."))
        return data


class MilestoneForm(forms.Form):
    title = forms.CharField(label=_("Milestone"), max_length=250)
    date = forms.DateField(label=_("Date"), widget=_date_widget())
    reached_on = forms.DateField(label=_("Reached on"), required=False, widget=_date_widget())


class AdoptForm(forms.Form):
    agreements = forms.ModelMultipleChoiceField(
        label=_("Open agreements"),
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one agreement.")},
    )
    goal = forms.ModelChoiceField(
        label=_("Goal"), queryset=Goal.objects.none(), required=False, empty_label=_("No goal")
    )
    owner = forms.ModelChoiceField(
        label=_("Owner for agreements without an organisation"),
        queryset=Organisation.objects.none(),
        required=False,
        empty_label=_("Choose an organisation"),
        help_text=_("Only used for agreements that name a person but no organisation."),
    )

    def __init__(self, *args, agenda: Agenda, agreements, owners, **kw):
        super().__init__(*args, **kw)
        self.fields["agreements"].queryset = agreements
        self.fields["agreements"].label_from_instance = _agreement_label
        self.fields["goal"].queryset = agenda.goals.all()
        self.fields["owner"].queryset = owners


def _agreement_label(agreement) -> str:
    who = agreement.owner_organisation.name if agreement.owner_organisation else ""
    if agreement.owner_name:
        who = f"{who} – {agreement.owner_name}" if who else agreement.owner_name
    return _("%(what)s (%(who)s, by %(date)s; session %(session)s)") % {
        "what": agreement.description,
        "who": who,
        "date": format_date(agreement.due_date),
        "session": agreement.session.title,
    }


class ProgressForm(forms.Form):
    text = forms.CharField(label=_("Progress"), widget=forms.Textarea(attrs={"rows": 3}))
    progress = forms.IntegerField(label=_("Progress (%)"), min_value=0, max_value=100)
    status = forms.ChoiceField(label=_("Status"), choices=ActionStatus.choices)


class FreezeForm(forms.Form):
    note = forms.CharField(
        label=_("Note for the signatories"),
        max_length=250,
        required=False,
        help_text=_("For example the meeting in which the administrators sign this version."),
    )
