import secrets

from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.models import PermissionsMixin
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kennisnetwerk.core.models import TimeStampedModel
from kennisnetwerk.ecosystem.models import kvk_number_validator

from .constants import ErasureStatus, OrganisationRole, RegionRoleKind


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email: str, password: str | None, **extra):
        if not email:
            raise ValueError("An e-mail address is required")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra):
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra)

    def create_superuser(self, email: str, password: str | None = None, **extra):
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra)


class User(AbstractBaseUser, PermissionsMixin):
    """A person with an account. Logs in with an e-mail address.

    ``is_staff`` marks network facilitators (netwerkbegeleiders) and technical administrators;
    every other role is a membership of an organisation or a role in a region.
    """

    email = models.EmailField(_("e-mail address"), unique=True)
    full_name = models.CharField(_("full name"), max_length=200, blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    is_staff = models.BooleanField(
        _("network facilitator"),
        default=False,
        help_text=_("Network facilitators run the national network and see everything."),
    )
    date_joined = models.DateTimeField(_("joined on"), default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["email"]
        constraints = [
            models.UniqueConstraint(Lower("email"), name="accounts_user_unique_email_ci"),
        ]

    def __str__(self) -> str:
        return self.full_name or self.email

    def get_full_name(self) -> str:
        return self.full_name

    def get_short_name(self) -> str:
        return self.full_name.split(" ")[0] if self.full_name else self.email


class Membership(TimeStampedModel):
    """A person works for an organisation (party) in a role."""

    user = models.ForeignKey(
        User, verbose_name=_("person"), on_delete=models.CASCADE, related_name="memberships"
    )
    organisation = models.ForeignKey(
        "ecosystem.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    role = models.CharField(
        _("role"),
        max_length=20,
        choices=OrganisationRole.choices,
        default=OrganisationRole.MEMBER,
    )

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["organisation__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organisation"], name="accounts_membership_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.organisation} ({self.get_role_display()})"


class RegionRole(TimeStampedModel):
    """A person holds a role for a region, such as regional coordinator."""

    user = models.ForeignKey(
        User, verbose_name=_("person"), on_delete=models.CASCADE, related_name="region_roles"
    )
    region = models.ForeignKey(
        "geo.Region",
        verbose_name=_("region"),
        on_delete=models.CASCADE,
        related_name="person_roles",
    )
    role = models.CharField(
        _("role"),
        max_length=20,
        choices=RegionRoleKind.choices,
        default=RegionRoleKind.COORDINATOR,
    )

    class Meta:
        verbose_name = _("region role")
        verbose_name_plural = _("region roles")
        ordering = ["region__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "region", "role"], name="accounts_region_role_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.region} ({self.get_role_display()})"


class EntrepreneurProfile(TimeStampedModel):
    """What an entrepreneur who created an account told us about their company."""

    user = models.OneToOneField(
        User,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="entrepreneur_profile",
    )
    company_name = models.CharField(_("company name"), max_length=200)
    kvk_number = models.CharField(
        _("KVK number"),
        max_length=8,
        blank=True,
        validators=[kvk_number_validator],
        help_text=_("Optional; 8 digits."),
    )
    municipality = models.ForeignKey(
        "geo.Municipality",
        verbose_name=_("municipality"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("entrepreneur profile")
        verbose_name_plural = _("entrepreneur profiles")

    def __str__(self) -> str:
        return self.company_name


def _new_token() -> str:
    return secrets.token_urlsafe(32)


class Invitation(TimeStampedModel):
    """An invitation for a professional to join an organisation or take a role in a region.

    Professionals cannot sign up on their own; they accept an invitation sent by e-mail."""

    email = models.EmailField(_("e-mail address"))
    token = models.CharField(
        _("token"), max_length=64, unique=True, default=_new_token, editable=False
    )
    organisation = models.ForeignKey(
        "ecosystem.Organisation",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="invitations",
    )
    organisation_role = models.CharField(
        _("role in the organisation"),
        max_length=20,
        choices=OrganisationRole.choices,
        blank=True,
    )
    region = models.ForeignKey(
        "geo.Region",
        verbose_name=_("region"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="invitations",
    )
    region_role = models.CharField(
        _("role in the region"), max_length=20, choices=RegionRoleKind.choices, blank=True
    )
    invited_by = models.ForeignKey(
        User,
        verbose_name=_("invited by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="invitations_sent",
    )
    expires_at = models.DateTimeField(_("valid until"))
    accepted_at = models.DateTimeField(_("accepted on"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        User,
        verbose_name=_("accepted by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="invitations_accepted",
    )

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(organisation__isnull=False, region__isnull=True)
                    & ~models.Q(organisation_role="")
                )
                | (
                    models.Q(organisation__isnull=True, region__isnull=False)
                    & ~models.Q(region_role="")
                ),
                name="accounts_invitation_one_target",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.email} → {self.organisation or self.region}"

    @property
    def target(self):
        return self.organisation or self.region

    @property
    def role_display(self) -> str:
        if self.organisation_id:
            return self.get_organisation_role_display()
        return self.get_region_role_display()

    def is_usable(self, now=None) -> bool:
        return self.accepted_at is None and (now or timezone.now()) < self.expires_at


class ErasureRequest(models.Model):
    """A person asked for their personal data to be erased. Kept (without personal data) as
    proof that the request was honoured."""

    user = models.ForeignKey(
        User,
        verbose_name=_("person"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="erasure_requests",
    )
    requested_at = models.DateTimeField(_("requested on"), auto_now_add=True)
    completed_at = models.DateTimeField(_("carried out on"), null=True, blank=True)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ErasureStatus.choices,
        default=ErasureStatus.REQUESTED,
    )
    remove_contributions = models.BooleanField(
        _("also remove my posts in conversations"),
        default=False,
        help_text=_(
            "Without this choice, posts stay with their text under the name “removed "
            "participant”, so conversations remain readable."
        ),
    )

    class Meta:
        verbose_name = _("erasure request")
        verbose_name_plural = _("erasure requests")
        ordering = ["-requested_at"]

    def __str__(self) -> str:
        return f"#{self.pk} {self.get_status_display()}"
