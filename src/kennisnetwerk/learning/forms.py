"""Forms of learning together. They check what a single field can check; the services check
the whole (and the views attach the services' errors to these fields)."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kennisnetwerk.accounts.models import User
from kennisnetwerk.ecosystem.models import Organisation, Theme
from kennisnetwerk.geo.models import Region

from .constants import (
    AgreementStatus,
    ApplicationStatus,
    LessonKind,
    LogisticsKind,
    MemberRole,
    ProgrammeKind,
    ProgrammeStatus,
    QuestionStatus,
    SessionFormat,
    SessionStatus,
)
from .services import (
    MAX_KEY_PERSONS,
    ApplicationData,
    KeyPersonData,
    PracticeData,
    ProgrammeData,
    QuestionData,
)
from .services_sessions import (
    AgendaItemData,
    AgreementData,
    GuestExpertData,
    LessonData,
    LogisticsData,
    SessionData,
)

GUEST_EXPERT_ROWS = 3
LOGISTICS_KINDS = (LogisticsKind.VENUE, LogisticsKind.CATERING, LogisticsKind.INVITATIONS)


def _themes() -> QuerySet[Theme]:
    return Theme.objects.filter(is_active=True)


def _theme_field(required: bool = False, label=None) -> forms.ModelMultipleChoiceField:
    return forms.ModelMultipleChoiceField(
        label=label or _("Themes"),
        queryset=Theme.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=required,
    )


def _datetime_widget() -> forms.DateTimeInput:
    return forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


def _date_widget() -> forms.DateInput:
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


# --- Region application -------------------------------------------------------------------


class ApplicationForm(forms.Form):
    region = forms.ModelChoiceField(
        label=_("Region or MKB-Deal"), queryset=Region.objects.none(), empty_label=None
    )
    kind = forms.ChoiceField(
        label=_("What the region applies for"),
        choices=ProgrammeKind.choices,
        initial=ProgrammeKind.COMMUNITY,
    )
    motivation = forms.CharField(
        label=_("Motivation and urgency"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Why now, and what the region wants to achieve with it."),
    )
    administrative_drive = forms.CharField(
        label=_("Administrative drive"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Which administrators (bestuurders) carry the application, and how."),
    )
    themes = _theme_field()
    provides_venue = forms.BooleanField(label=_("The region provides a venue"), required=False)
    provides_catering = forms.BooleanField(label=_("The region provides catering"), required=False)
    provides_invitations = forms.BooleanField(
        label=_("The region selects and invites the participants"), required=False
    )
    provisions_note = forms.CharField(
        label=_("Notes on what the region provides"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
    )

    def __init__(self, *args, regions: QuerySet[Region], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].queryset = regions
        self.fields["themes"].queryset = _themes()
        for n in range(1, MAX_KEY_PERSONS + 1):
            self.fields[f"key_{n}_name"] = forms.CharField(
                label=_("Name"), max_length=200, required=False
            )
            self.fields[f"key_{n}_organisation"] = forms.CharField(
                label=_("Organisation"), max_length=200, required=False
            )
            self.fields[f"key_{n}_role"] = forms.CharField(
                label=_("Role"), max_length=200, required=False
            )
            self.fields[f"key_{n}_email"] = forms.EmailField(
                label=_("E-mail address"), required=False
            )

    PERSON_PARTS = ("name", "organisation", "role", "email")

    def main_fields(self):
        return [
            self[name]
            for name in ("region", "kind", "motivation", "administrative_drive", "themes")
        ]

    def provision_fields(self):
        return [
            self[name]
            for name in (
                "provides_venue",
                "provides_catering",
                "provides_invitations",
                "provisions_note",
            )
        ]

    def key_person_rows(self):
        return [
            (n, [self[f"key_{n}_{part}"] for part in self.PERSON_PARTS])
            for n in range(1, MAX_KEY_PERSONS + 1)
        ]

    @classmethod
    def initial_for(cls, application) -> dict:
        initial = {
            "region": application.region_id,
            "kind": application.kind,
            "motivation": application.motivation,
            "administrative_drive": application.administrative_drive,
            "themes": list(application.themes.all()),
            "provides_venue": application.provides_venue,
            "provides_catering": application.provides_catering,
            "provides_invitations": application.provides_invitations,
            "provisions_note": application.provisions_note,
        }
        for n, person in enumerate(application.key_persons.all(), start=1):
            for part in cls.PERSON_PARTS:
                initial[f"key_{n}_{part}"] = getattr(person, part)
        return initial

    def application_data(self) -> ApplicationData:
        data = self.cleaned_data
        return ApplicationData(
            region=data["region"],
            kind=data["kind"],
            motivation=data["motivation"],
            administrative_drive=data["administrative_drive"],
            themes=list(data["themes"]),
            key_persons=[
                KeyPersonData(
                    name=data[f"key_{n}_name"],
                    organisation=data[f"key_{n}_organisation"],
                    role=data[f"key_{n}_role"],
                    email=data[f"key_{n}_email"],
                )
                for n in range(1, MAX_KEY_PERSONS + 1)
            ],
            provides_venue=data["provides_venue"],
            provides_catering=data["provides_catering"],
            provides_invitations=data["provides_invitations"],
            provisions_note=data["provisions_note"],
        )


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        widget=forms.RadioSelect,
        choices=[
            (ApplicationStatus.ACCEPTED, _("Accept: create the programme")),
            (ApplicationStatus.MORE_INFO, _("Ask for more information")),
            (ApplicationStatus.DECLINED, _("Decline")),
        ],
    )
    note = forms.CharField(
        label=_("Note to the region"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text=_("Required when you ask for more or decline: the question or the reason."),
    )


# --- Programmes --------------------------------------------------------------------------------


class ProgrammeForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    kind = forms.ChoiceField(label=_("Kind"), choices=ProgrammeKind.choices)
    status = forms.ChoiceField(label=_("Status"), choices=ProgrammeStatus.choices)
    description = forms.CharField(
        label=_("Description"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    goals = forms.CharField(
        label=_("Goals agreed up front"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text=_("What result the programme should deliver."),
    )
    needed = forms.CharField(
        label=_("Who is needed"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    regions = forms.ModelMultipleChoiceField(
        label=_("Regions"), queryset=Region.objects.none(), required=False
    )
    themes = _theme_field()
    start_date = forms.DateField(label=_("Start date"), required=False, widget=_date_widget())
    end_date = forms.DateField(label=_("End date"), required=False, widget=_date_widget())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["regions"].queryset = Region.objects.exclude(
            kind__in=("corop", "national")
        ).order_by("name")
        self.fields["themes"].queryset = _themes()

    @staticmethod
    def initial_for(programme) -> dict:
        return {
            "title": programme.title,
            "kind": programme.kind,
            "status": programme.status,
            "description": programme.description,
            "goals": programme.goals,
            "needed": programme.needed,
            "regions": list(programme.regions.all()),
            "themes": list(programme.themes.all()),
            "start_date": programme.start_date,
            "end_date": programme.end_date,
        }

    def programme_data(self) -> ProgrammeData:
        d = self.cleaned_data
        return ProgrammeData(
            title=d["title"],
            kind=d["kind"],
            status=d["status"],
            description=d["description"],
            goals=d["goals"],
            needed=d["needed"],
            regions=list(d["regions"]),
            themes=list(d["themes"]),
            start_date=d["start_date"],
            end_date=d["end_date"],
        )


class MemberAddForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mail address of the person"),
        help_text=_("The person needs an account on the platform."),
    )
    role = forms.ChoiceField(label=_("Role"), choices=MemberRole.choices)

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        user = User.objects.filter(email__iexact=email, is_active=True).first()
        if user is None:
            raise forms.ValidationError(
                _("Nobody with this e-mail address has an account. Invite them first.")
            )
        self.user = user
        return email


class VisibilityForm(forms.Form):
    listed = forms.BooleanField(label=_("List me in the member directory"), required=False)
    show_organisation = forms.BooleanField(
        label=_("Show my organisation and job title"), required=False
    )
    show_email = forms.BooleanField(label=_("Show my e-mail address"), required=False)
    show_themes = forms.BooleanField(label=_("Show my themes"), required=False)
    job_title = forms.CharField(label=_("Job title"), max_length=150, required=False)
    themes = _theme_field(label=_("Themes I have experience with"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["themes"].queryset = _themes()


# --- Sessions ------------------------------------------------------------------------------------


class SessionForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(
        label=_("Description"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    starts_at = forms.DateTimeField(label=_("Starts at"), widget=_datetime_widget())
    ends_at = forms.DateTimeField(label=_("Ends at"), widget=_datetime_widget())
    place = forms.CharField(
        label=_("Place"),
        max_length=300,
        required=False,
        help_text=_("Address of the venue; leave empty for an online session."),
    )
    online_url = forms.URLField(
        label=_("Online link"),
        max_length=500,
        required=False,
        assume_scheme="https",
        help_text=_("Only people who are registered see this link."),
    )
    formats = forms.MultipleChoiceField(
        label=_("Formats"),
        choices=SessionFormat.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    capacity = forms.IntegerField(label=_("Capacity"), min_value=1, max_value=10_000)
    status = forms.ChoiceField(
        label=_("Registration"),
        choices=[
            (SessionStatus.OPEN, SessionStatus.OPEN.label),
            (SessionStatus.CLOSED, SessionStatus.CLOSED.label),
        ],
    )
    organiser = forms.ModelChoiceField(
        label=_("Organiser"),
        queryset=User.objects.none(),
        required=False,
        help_text=_("Writes the report; receives a reminder when it is missing a week later."),
    )
    agenda = forms.CharField(
        label=_("Agenda"),
        widget=forms.Textarea(attrs={"rows": 6}),
        required=False,
        help_text=_('One item per line, optionally starting with a time: "13:30 Welcome".'),
    )

    def __init__(
        self, *args, organisers: QuerySet[User], organisations: QuerySet[Organisation], **kwargs
    ):
        super().__init__(*args, **kwargs)
        self.fields["organiser"].queryset = organisers
        for n in range(1, GUEST_EXPERT_ROWS + 1):
            self.fields[f"expert_{n}_name"] = forms.CharField(
                label=_("Name"), max_length=200, required=False
            )
            self.fields[f"expert_{n}_organisation"] = forms.CharField(
                label=_("Organisation"), max_length=200, required=False
            )
            self.fields[f"expert_{n}_topic"] = forms.CharField(
                label=_("Topic"), max_length=300, required=False
            )
        for kind in LOGISTICS_KINDS:
            self.fields[f"logistics_{kind}_organisation"] = forms.ModelChoiceField(
                label=_("Organisation responsible"),
                queryset=organisations,
                required=False,
                empty_label=_("(not yet arranged)"),
            )
            self.fields[f"logistics_{kind}_note"] = forms.CharField(
                label=_("Note"), max_length=300, required=False
            )
            self.fields[f"logistics_{kind}_done"] = forms.BooleanField(
                label=_("Arranged"), required=False
            )

    def main_fields(self):
        return [
            self[n]
            for n in (
                "title",
                "description",
                "starts_at",
                "ends_at",
                "place",
                "online_url",
                "formats",
                "capacity",
                "status",
                "organiser",
                "agenda",
            )
        ]

    def expert_rows(self):
        return [
            (n, [self[f"expert_{n}_{p}"] for p in ("name", "organisation", "topic")])
            for n in range(1, GUEST_EXPERT_ROWS + 1)
        ]

    def logistics_rows(self):
        return [
            (
                LogisticsKind(kind).label,
                [self[f"logistics_{kind}_{p}"] for p in ("organisation", "note", "done")],
            )
            for kind in LOGISTICS_KINDS
        ]

    def clean_agenda(self):
        items = []
        for line in self.cleaned_data["agenda"].splitlines():
            line = line.strip()
            if not line:
                continue
            starts = None
            head, _sep, rest = line.partition(" ")
            try:
                starts = dt.time.fromisoformat(head.replace(".", ":"))
                line = rest.strip() or line
            except ValueError:
                pass
            items.append(AgendaItemData(title=line[:300], starts=starts))
        return items

    @classmethod
    def initial_for(cls, session) -> dict:
        initial = {
            "title": session.title,
            "description": session.description,
            "starts_at": timezone.localtime(session.starts_at),
            "ends_at": timezone.localtime(session.ends_at),
            "place": session.place,
            "online_url": session.online_url,
            "formats": session.formats,
            "capacity": session.capacity,
            "status": session.status
            if session.status != SessionStatus.CANCELLED
            else SessionStatus.CLOSED,
            "organiser": session.organiser_id,
            "agenda": "\n".join(
                f"{item.starts:%H:%M} {item.title}" if item.starts else item.title
                for item in session.agenda_items.all()
            ),
        }
        for n, expert in enumerate(session.guest_experts.all()[:GUEST_EXPERT_ROWS], start=1):
            initial[f"expert_{n}_name"] = expert.name
            initial[f"expert_{n}_organisation"] = expert.organisation
            initial[f"expert_{n}_topic"] = expert.topic
        for task in session.logistics.all():
            if task.kind in LOGISTICS_KINDS:
                initial[f"logistics_{task.kind}_organisation"] = task.organisation_id
                initial[f"logistics_{task.kind}_note"] = task.note
                initial[f"logistics_{task.kind}_done"] = task.done
        return initial

    def session_data(self) -> SessionData:
        d = self.cleaned_data
        return SessionData(
            title=d["title"],
            description=d["description"],
            starts_at=d["starts_at"],
            ends_at=d["ends_at"],
            place=d["place"],
            online_url=d["online_url"],
            formats=d["formats"],
            capacity=d["capacity"],
            status=d["status"],
            organiser=d["organiser"],
            agenda=d["agenda"],
            guest_experts=[
                GuestExpertData(
                    name=d[f"expert_{n}_name"],
                    organisation=d[f"expert_{n}_organisation"],
                    topic=d[f"expert_{n}_topic"],
                )
                for n in range(1, GUEST_EXPERT_ROWS + 1)
            ],
            logistics=[
                LogisticsData(
                    kind=kind,
                    organisation=d[f"logistics_{kind}_organisation"],
                    note=d[f"logistics_{kind}_note"],
                    done=d[f"logistics_{kind}_done"],
                )
                for kind in LOGISTICS_KINDS
            ],
        )


class GuestInviteForm(forms.Form):
    name = forms.CharField(label=_("Name of the guest"), max_length=200)
    email = forms.EmailField(label=_("E-mail address of the guest"))


class GuestRegisterForm(forms.Form):
    organisation_name = forms.CharField(label=_("Organisation"), max_length=200, required=False)


class SessionCancelForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for cancelling"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Optional. Included in the mail to everyone who registered or is on the waiting list."
        ),
    )


class AttendanceForm(forms.Form):
    present = forms.MultipleChoiceField(
        label=_("Present"), widget=forms.CheckboxSelectMultiple, required=False
    )

    def __init__(self, *args, registrations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["present"].choices = [
            (str(r.pk), f"{r.name}{' – ' + r.organisation_name if r.organisation_name else ''}")
            for r in registrations
        ]


# --- Reports ------------------------------------------------------------------------------------


class ReportForm(forms.Form):
    minutes = forms.CharField(
        label=_("Minutes"),
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_("What was discussed and what came out of it."),
    )
    practice_examples = forms.ModelMultipleChoiceField(
        label=_("Practice examples discussed"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    recording_url = forms.URLField(
        label=_("Recording link"),
        max_length=500,
        required=False,
        assume_scheme="https",
        help_text=_("Where the recording can be watched, e.g. on the organiser's video platform."),
    )
    slides = forms.FileField(
        label=_("Slides"),
        required=False,
        help_text=_("PDF or PowerPoint (also Word, Excel, PNG or JPEG); at most 10 MB."),
    )
    remove_slides = forms.BooleanField(label=_("Remove the slides"), required=False)

    def __init__(self, *args, examples, has_slides: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["practice_examples"].queryset = examples
        if not has_slides:
            del self.fields["remove_slides"]


class LessonForm(forms.Form):
    pk = forms.IntegerField(widget=forms.HiddenInput, required=False)
    kind = forms.ChoiceField(
        label=_("Do or don't"), choices=[("", "—"), *LessonKind.choices], required=False
    )
    text = forms.CharField(label=_("Lesson"), max_length=500, required=False)
    context = forms.CharField(
        label=_("Context"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        help_text=_("When does this hold, and when not?"),
    )
    themes = _theme_field()
    DELETE = forms.BooleanField(label=_("Remove"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["themes"].queryset = _themes()

    def is_blank(self) -> bool:
        d = self.cleaned_data
        return not d.get("pk") and not d.get("text") and not d.get("context")

    def lesson_data(self) -> LessonData:
        d = self.cleaned_data
        return LessonData(
            pk=d.get("pk"),
            kind=d.get("kind") or "",
            text=d.get("text") or "",
            context=d.get("context") or "",
            themes=list(d.get("themes") or []),
            delete=bool(d.get("DELETE")),
        )


class AgreementForm(forms.Form):
    pk = forms.IntegerField(widget=forms.HiddenInput, required=False)
    description = forms.CharField(label=_("What"), max_length=500, required=False)
    owner_organisation = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organisation.objects.none(), required=False
    )
    owner_name = forms.CharField(label=_("Person"), max_length=200, required=False)
    due_date = forms.DateField(label=_("By when"), required=False, widget=_date_widget())
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[c for c in AgreementStatus.choices if c[0] != AgreementStatus.ADOPTED],
        initial=AgreementStatus.OPEN,
    )
    DELETE = forms.BooleanField(label=_("Remove"), required=False)

    def __init__(self, *args, organisations=None, **kwargs):
        super().__init__(*args, **kwargs)
        if organisations is not None:
            self.fields["owner_organisation"].queryset = organisations

    def is_blank(self) -> bool:
        d = self.cleaned_data
        return not d.get("pk") and not d.get("description") and not d.get("owner_name")

    def clean(self):
        data = super().clean()
        if not self.is_blank() and not data.get("DELETE") and data.get("due_date") is None:
            self.add_error("due_date", _("Enter by when it will be done."))
        return data

    def agreement_data(self) -> AgreementData:
        d = self.cleaned_data
        return AgreementData(
            pk=d.get("pk"),
            description=d.get("description") or "",
            owner_organisation=d.get("owner_organisation"),
            owner_name=d.get("owner_name") or "",
            due_date=d.get("due_date"),
            status=d.get("status") or AgreementStatus.OPEN,
            delete=bool(d.get("DELETE")),
        )


LessonFormSet = forms.formset_factory(LessonForm, extra=2, max_num=50)
AgreementFormSet = forms.formset_factory(AgreementForm, extra=2, max_num=50)


# --- Practice library ------------------------------------------------------------------------


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(d, initial) for d in data if d]
        return [single(data, initial)] if data else []


class PracticeForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=250)
    organisation = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organisation.objects.none(), empty_label=None
    )
    region = forms.ModelChoiceField(label=_("Region"), queryset=Region.objects.none())
    themes = _theme_field()
    summary = forms.CharField(label=_("Summary"), widget=forms.Textarea(attrs={"rows": 3}))
    approach = forms.CharField(label=_("Approach"), widget=forms.Textarea(attrs={"rows": 6}))
    results = forms.CharField(
        label=_("Results"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    dos = forms.CharField(label=_("Do's"), widget=forms.Textarea(attrs={"rows": 3}), required=False)
    donts = forms.CharField(
        label=_("Don'ts"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    contact_name = forms.CharField(label=_("Contact person"), max_length=200, required=False)
    contact_email = forms.EmailField(label=_("Contact e-mail address"), required=False)
    is_published = forms.BooleanField(
        label=_("Published in the library"), required=False, initial=True
    )
    attachments = MultipleFileField(
        label=_("Attachments"),
        required=False,
        help_text=_("PDF, Word, PowerPoint, Excel, PNG or JPEG; at most 10 MB per file."),
    )

    def __init__(self, *args, organisations, existing=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        self.fields["region"].queryset = Region.objects.exclude(
            kind__in=("corop", "national")
        ).order_by("name")
        self.fields["themes"].queryset = _themes()
        if existing:
            self.fields["remove_attachments"] = forms.MultipleChoiceField(
                label=_("Remove attachments"),
                choices=[(str(a.pk), a.filename) for a in existing],
                widget=forms.CheckboxSelectMultiple,
                required=False,
            )

    @staticmethod
    def initial_for(example) -> dict:
        return {
            "title": example.title,
            "organisation": example.organisation_id,
            "region": example.region_id,
            "themes": list(example.themes.all()),
            "summary": example.summary,
            "approach": example.approach,
            "results": example.results,
            "dos": example.dos,
            "donts": example.donts,
            "contact_name": example.contact_name,
            "contact_email": example.contact_email,
            "is_published": example.is_published,
        }

    def practice_data(self) -> PracticeData:
        d = self.cleaned_data
        return PracticeData(
            title=d["title"],
            organisation=d["organisation"],
            region=d["region"],
            themes=list(d["themes"]),
            summary=d["summary"],
            approach=d["approach"],
            results=d["results"],
            dos=d["dos"],
            donts=d["donts"],
            contact_name=d["contact_name"],
            contact_email=d["contact_email"],
            is_published=d["is_published"],
            attachments=d["attachments"],
        )


class PracticeFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    thema = forms.ChoiceField(label=_("Theme"), required=False)
    regio = forms.ChoiceField(label=_("Region"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["thema"].choices = [("", _("All themes"))] + [
            (t.slug, t.name) for t in _themes()
        ]
        self.fields["regio"].choices = [("", _("All regions"))] + list(
            Region.objects.filter(practice_examples__isnull=False)
            .distinct()
            .order_by("name")
            .values_list("slug", "name")
        )


class LessonFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    thema = forms.ChoiceField(label=_("Theme"), required=False)
    soort = forms.ChoiceField(label=_("Do or don't"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["thema"].choices = [("", _("All themes"))] + [
            (t.slug, t.name) for t in _themes()
        ]
        self.fields["soort"].choices = [("", _("Both"))] + list(LessonKind.choices)


# --- Learning questions and suggestions ---------------------------------------------------------


class QuestionForm(forms.Form):
    title = forms.CharField(label=_("Your question"), max_length=300)
    description = forms.CharField(
        label=_("Explanation"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    region = forms.ModelChoiceField(
        label=_("On behalf of region or deal"),
        queryset=Region.objects.none(),
        required=False,
        empty_label=_("(my own question)"),
    )
    themes = _theme_field()

    def __init__(self, *args, regions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].queryset = regions
        self.fields["themes"].queryset = _themes()

    def question_data(self) -> QuestionData:
        d = self.cleaned_data
        return QuestionData(
            title=d["title"],
            description=d["description"],
            region=d["region"],
            themes=list(d["themes"]),
        )


class AnswerForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=QuestionStatus.choices)
    answer = forms.CharField(
        label=_("Answer"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    sessions = forms.ModelMultipleChoiceField(label=_("Sessions"), queryset=None, required=False)
    practice_examples = forms.ModelMultipleChoiceField(
        label=_("Practice examples"), queryset=None, required=False
    )
    people = forms.ModelMultipleChoiceField(label=_("People to ask"), queryset=None, required=False)

    def __init__(self, *args, sessions, examples, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sessions"].queryset = sessions
        self.fields["practice_examples"].queryset = examples
        self.fields["people"].queryset = people


class SuggestionForm(forms.Form):
    regio = forms.ChoiceField(label=_("Region or deal"), required=False)
    thema = forms.MultipleChoiceField(
        label=_("Themes"), required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["regio"].choices = [("", _("(choose themes below)"))] + list(
            Region.objects.exclude(kind__in=("corop", "national", "province"))
            .order_by("name")
            .values_list("slug", "name")
        )
        self.fields["thema"].choices = [(t.slug, t.name) for t in _themes()]


class ProgrammeDocumentForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    file = forms.FileField(
        label=_("File"),
        help_text=_("PDF, Word, PowerPoint, Excel, PNG or JPEG."),
    )
