from allauth.account.forms import SignupForm as AllauthSignupForm
from django import forms
from django.contrib.auth import password_validation
from django.utils.translation import gettext_lazy as _

from kennisnetwerk.ecosystem.models import kvk_number_validator
from kennisnetwerk.geo.selectors import MunicipalityResolver

from .constants import OrganisationRole
from .models import User


class MunicipalityNameField(forms.CharField):
    """A municipality typed as a name; old names and place names are accepted."""

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return None
        resolution = MunicipalityResolver().resolve(value)
        if resolution.municipality is None:
            if resolution.ambiguous:
                raise forms.ValidationError(
                    _(
                        "“%(name)s” exists in several municipalities: %(options)s. "
                        "Please enter the municipality."
                    ),
                    params={
                        "name": value,
                        "options": ", ".join(m.name for m in resolution.candidates),
                    },
                )
            raise forms.ValidationError(
                _("We do not know a municipality or place called “%(name)s”."),
                params={"name": value},
            )
        return resolution.municipality


class SignupForm(AllauthSignupForm):
    """Public sign-up is for entrepreneurs; professionals join through an invitation."""

    full_name = forms.CharField(label=_("Your name"), max_length=200)
    company_name = forms.CharField(label=_("Company name"), max_length=200)
    kvk_number = forms.CharField(
        label=_("KVK number"),
        max_length=8,
        required=False,
        validators=[kvk_number_validator],
        help_text=_("8 digits"),
    )
    municipality = MunicipalityNameField(
        label=_("Municipality or place of business"), required=False
    )

    field_order = [
        "full_name",
        "email",
        "password1",
        "password2",
        "company_name",
        "kvk_number",
        "municipality",
    ]

    def custom_signup(self, request, user):
        from .services import entrepreneur_profile_create

        user.full_name = self.cleaned_data["full_name"]
        user.save(update_fields=["full_name"])
        entrepreneur_profile_create(
            user=user,
            company_name=self.cleaned_data["company_name"],
            kvk_number=self.cleaned_data.get("kvk_number") or "",
            municipality=self.cleaned_data.get("municipality"),
        )


class InvitationSignupForm(forms.Form):
    full_name = forms.CharField(label=_("Your name"), max_length=200)
    password1 = forms.CharField(
        label=_("Password"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("At least 10 characters; not a common password."),
    )
    password2 = forms.CharField(
        label=_("Password (again)"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args, email: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.email = email

    def clean(self):
        cleaned = super().clean()
        p1, p2 = cleaned.get("password1"), cleaned.get("password2")
        if p1 and p2 and p1 != p2:
            self.add_error("password2", _("The two passwords are not the same."))
        elif p1:
            try:
                password_validation.validate_password(
                    p1, User(email=self.email, full_name=cleaned.get("full_name", ""))
                )
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned


class InvitationForm(forms.Form):
    TARGET_ORGANISATION = "organisation"
    TARGET_REGION = "region"

    email = forms.EmailField(label=_("E-mail address of the person to invite"))
    target = forms.ChoiceField(
        label=_("Invite as"),
        choices=[
            (TARGET_ORGANISATION, _("Member of an organisation")),
            (TARGET_REGION, _("Regional coordinator")),
        ],
        widget=forms.RadioSelect,
        initial=TARGET_ORGANISATION,
    )
    organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=None,
        required=False,
        empty_label=_("— choose an organisation —"),
    )
    organisation_role = forms.ChoiceField(
        label=_("Role in the organisation"),
        choices=OrganisationRole.choices,
        initial=OrganisationRole.MEMBER,
        required=False,
    )
    region = forms.ModelChoiceField(
        label=_("Region"),
        queryset=None,
        required=False,
        empty_label=_("— choose a region —"),
    )

    def __init__(self, *args, organisations, regions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations.order_by("name")
        self.fields["region"].queryset = regions.order_by("name")
        if not regions.exists():
            self.fields["target"].choices = self.fields["target"].choices[:1]

    def clean(self):
        cleaned = super().clean()
        target = cleaned.get("target")
        if target == self.TARGET_ORGANISATION:
            if not cleaned.get("organisation"):
                self.add_error("organisation", _("Choose the organisation."))
            if not cleaned.get("organisation_role"):
                self.add_error("organisation_role", _("Choose the role."))
            cleaned["region"] = None
        elif target == self.TARGET_REGION:
            if not cleaned.get("region"):
                self.add_error("region", _("Choose the region."))
            cleaned["organisation"] = None
        return cleaned


class ErasureForm(forms.Form):
    password = forms.CharField(
        label=_("Your password"),
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    remove_contributions = forms.BooleanField(
        label=_("Also remove my posts in conversations"),
        help_text=_(
            "Without this choice, your posts stay with their text under the name “removed "
            "participant”, so the conversations remain readable. With it, your posts and their "
            "attachments are removed too."
        ),
        required=False,
    )
    confirm = forms.BooleanField(
        label=_("I understand that my account is closed and my data is erased for good.")
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("The password is not correct."))
        return password
