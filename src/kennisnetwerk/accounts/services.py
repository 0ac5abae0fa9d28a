"""Writes about people: invitations, sign-up of invited professionals and entrepreneurs,
personal-data export and erasure."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.contrib.sessions.models import Session
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from kennisnetwerk.core import hooks, personal_data
from kennisnetwerk.core.audit import audit_log
from kennisnetwerk.core.models import AuditAction, AuditLogEntry
from kennisnetwerk.ecosystem.models import Organisation
from kennisnetwerk.geo.models import Municipality, Region

from .constants import FACILITATOR_GROUP, ErasureStatus
from .models import (
    EntrepreneurProfile,
    ErasureRequest,
    Invitation,
    Membership,
    RegionRole,
    User,
)


def invitation_create(
    *,
    email: str,
    actor: User,
    organisation: Organisation | None = None,
    organisation_role: str = "",
    region: Region | None = None,
    region_role: str = "",
) -> Invitation:
    """Invite a professional by e-mail. The mail is sent in the background after the
    invitation is stored."""
    from .tasks import send_invitation_mail

    invitation = Invitation(
        email=email.strip().lower(),
        organisation=organisation,
        organisation_role=organisation_role if organisation else "",
        region=region,
        region_role=region_role if region else "",
        invited_by=actor,
        expires_at=timezone.now() + dt.timedelta(days=settings.INVITATION_VALID_DAYS),
    )
    already = (
        Membership.objects.filter(
            user__email__iexact=invitation.email,
            organisation=organisation,
            role=invitation.organisation_role,
        )
        if organisation
        else RegionRole.objects.filter(
            user__email__iexact=invitation.email, region=region, role=invitation.region_role
        )
    )
    if already.exists():
        raise ValidationError(
            _("%(email)s already has this role at %(target)s.")
            % {"email": invitation.email, "target": invitation.target}
        )
    with transaction.atomic():
        invitation.full_clean()
        invitation.save()
        audit_log(
            actor=actor,
            action=AuditAction.INVITE,
            obj=invitation,
            changes={
                "email": [None, invitation.email],
                "role": [None, invitation.role_display],
                "target": [None, str(invitation.target)],
            },
        )
        transaction.on_commit(lambda: send_invitation_mail.enqueue(invitation_id=invitation.pk))
    return invitation


def _grant(invitation: Invitation, user: User) -> None:
    if invitation.organisation_id:
        Membership.objects.update_or_create(
            user=user,
            organisation=invitation.organisation,
            defaults={"role": invitation.organisation_role},
        )
    else:
        RegionRole.objects.get_or_create(
            user=user, region=invitation.region, role=invitation.region_role
        )


@transaction.atomic
def invitation_accept(*, invitation: Invitation, user: User) -> None:
    """A logged-in person accepts an invitation addressed to their e-mail address."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if not invitation.is_usable():
        raise ValidationError(_("This invitation has expired or has already been used."))
    if invitation.email.lower() != user.email.lower():
        raise ValidationError(_("This invitation was sent to another e-mail address."))
    _grant(invitation, user)
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by", "updated_at"])
    audit_log(
        actor=user,
        action=AuditAction.ACCEPT,
        obj=invitation,
        changes={"role": [None, invitation.role_display], "target": [None, str(invitation.target)]},
    )


@transaction.atomic
def invitation_sign_up(*, invitation: Invitation, full_name: str, password: str) -> User:
    """Create the account of an invited professional. The e-mail address counts as verified,
    since the invitation reached it."""
    if User.objects.filter(email__iexact=invitation.email).exists():
        raise ValidationError(
            _(
                "An account with this e-mail address already exists; "
                "please log in to accept the invitation."
            )
        )
    user = User.objects.create_user(email=invitation.email, password=password, full_name=full_name)
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    audit_log(
        actor=user,
        action=AuditAction.CREATE,
        obj=user,
        changes={"email": [None, user.email], "full_name": [None, full_name]},
    )
    invitation_accept(invitation=invitation, user=user)
    return user


@transaction.atomic
def entrepreneur_profile_create(
    *,
    user: User,
    company_name: str,
    kvk_number: str = "",
    municipality: Municipality | None = None,
) -> EntrepreneurProfile:
    """Record the company of an entrepreneur who signed up."""
    profile = EntrepreneurProfile(
        user=user, company_name=company_name, kvk_number=kvk_number, municipality=municipality
    )
    profile.full_clean()
    profile.save()
    audit_log(
        actor=user,
        action=AuditAction.CREATE,
        obj=profile,
        changes={
            "company_name": [None, company_name],
            "kvk_number": [None, kvk_number],
            "municipality": [None, str(municipality or "")],
        },
    )
    return profile


def personal_data_export(*, user: User) -> dict[str, Any]:
    """Everything the platform holds about a person, as plain data (served as JSON)."""
    data: dict[str, Any] = {
        "format": "kennisnetwerk-personal-data/1",
        "exported_at": timezone.now().isoformat(),
        "account": {
            "email": user.email,
            "full_name": user.full_name,
            "date_joined": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
            "is_network_facilitator": user.is_staff,
            "email_addresses": [
                {"email": e.email, "verified": e.verified, "primary": e.primary}
                for e in EmailAddress.objects.filter(user=user)
            ],
            "two_factor_methods": list(user.authenticator_set.values_list("type", flat=True)),
        },
        "memberships": [
            {"organisation": m.organisation.name, "role": m.role, "since": m.created_at.isoformat()}
            for m in Membership.objects.filter(user=user).select_related("organisation")
        ],
        "region_roles": [
            {"region": r.region.name, "role": r.role, "since": r.created_at.isoformat()}
            for r in RegionRole.objects.filter(user=user).select_related("region")
        ],
        "entrepreneur_profile": None,
        "invitations_received": [
            {
                "email": i.email,
                "target": str(i.target),
                "role": i.role_display,
                "sent_at": i.created_at.isoformat(),
                "accepted_at": i.accepted_at.isoformat() if i.accepted_at else None,
            }
            for i in Invitation.objects.filter(email__iexact=user.email).select_related(
                "organisation", "region"
            )
        ],
        "invitations_sent": [
            {
                "email": i.email,
                "target": str(i.target),
                "role": i.role_display,
                "sent_at": i.created_at.isoformat(),
            }
            for i in Invitation.objects.filter(invited_by=user).select_related(
                "organisation", "region"
            )
        ],
        "activity": [
            {
                "time": e.created_at.isoformat(),
                "action": e.action,
                "object": e.object_repr,
                "changes": e.changes,
            }
            for e in AuditLogEntry.objects.filter(actor=user)
        ],
        "administration_activity": [
            {
                "time": e.action_time.isoformat(),
                "object": e.object_repr,
                "change": e.get_change_message(),
            }
            for e in LogEntry.objects.filter(user=user)
        ],
    }
    profile = EntrepreneurProfile.objects.filter(user=user).select_related("municipality").first()
    if profile:
        data["entrepreneur_profile"] = {
            "company_name": profile.company_name,
            "kvk_number": profile.kvk_number,
            "municipality": str(profile.municipality or ""),
        }
    for fn in hooks.get_hooks("personal_data_export"):
        section, value = fn(user)
        data[section] = value
    audit_log(actor=user, action=AuditAction.EXPORT, obj=user, message="personal data export")
    return data


@transaction.atomic
def erasure_request(*, user: User, remove_contributions: bool = False) -> ErasureRequest:
    """A person asks to be forgotten: the account is closed at once and the personal data
    is erased by a background job. With ``remove_contributions`` what they wrote in
    conversations goes too; otherwise it stays under an anonymous name."""
    from .tasks import erase_personal_data

    request = ErasureRequest.objects.create(user=user, remove_contributions=remove_contributions)
    user.is_active = False
    user.save(update_fields=["is_active"])
    audit_log(
        actor=user, action=AuditAction.ERASE, obj=user, message="erasure requested; account closed"
    )
    transaction.on_commit(lambda: erase_personal_data.enqueue(request_id=request.pk))
    return request


def _end_sessions(user: User) -> None:
    for session in Session.objects.filter(expire_date__gte=timezone.now()).iterator():
        if session.get_decoded().get("_auth_user_id") == str(user.pk):
            session.delete()


def _admin_log_scrub(user: User, label: str) -> None:
    """The admin's own history names the person in its texts; the entries stay, nameless."""
    names = [n for n in (user.full_name.strip(), user.email.strip()) if len(n) >= 3]
    if not names:
        return
    pattern = re.compile("|".join(re.escape(n) for n in names), flags=re.IGNORECASE)
    query = Q()
    for name in names:
        query |= Q(object_repr__icontains=name) | Q(change_message__icontains=name)
    for entry in LogEntry.objects.filter(query):
        entry.object_repr = pattern.sub(label, entry.object_repr)[:200]
        entry.change_message = pattern.sub(label, entry.change_message)
        entry.save(update_fields=["object_repr", "change_message"])


@transaction.atomic
def facilitator_group_sync(*, user: User) -> None:
    """Put a network facilitator in the group that carries their rights in the administration,
    and take anyone else out of it."""
    group = Group.objects.filter(name=FACILITATOR_GROUP).first()
    if group is None:
        return
    if user.is_staff and user.is_active:
        user.groups.add(group)
    else:
        user.groups.remove(group)


@transaction.atomic
def facilitator_set(*, user: User, is_facilitator: bool, actor: Any) -> User:
    """Appoint someone network facilitator, or end that role: the role (``is_staff``) and
    the facilitators' group in the administration change together, in the audit log."""
    if user.is_staff != is_facilitator:
        user.is_staff = is_facilitator
        user.save(update_fields=["is_staff"])
        audit_log(
            actor=actor,
            action=AuditAction.UPDATE,
            obj=user,
            changes={"is_staff": [not is_facilitator, is_facilitator]},
        )
    facilitator_group_sync(user=user)
    return user


@transaction.atomic
def personal_data_erase(*, request: ErasureRequest) -> None:
    """Carry out an erasure request: remove every piece of personal data of the person.
    The audit log keeps what happened, under an anonymous label."""
    request = ErasureRequest.objects.select_for_update().get(pk=request.pk)
    if request.status == ErasureStatus.DONE or request.user is None:
        return
    user = request.user
    label = f"verwijderde gebruiker #{user.pk}"
    # Found before the apps remove their rows: entries about them must lose the name too.
    linked = personal_data.linked_objects(user)
    for fn in hooks.get_hooks("personal_data_erase"):
        fn(user)
    personal_data.audit_scrub(user=user, label=label, linked=linked)
    _admin_log_scrub(user, label)
    AuditLogEntry.objects.filter(actor=user).update(actor_label=label)
    # Entries about the person, their invitations and their company hold personal data in
    # their description and changed fields; the fact that something happened stays.
    about_person = [(User, [user.pk])]
    about_person.append(
        (
            Invitation,
            list(Invitation.objects.filter(email__iexact=user.email).values_list("pk", flat=True)),
        )
    )
    about_person.append(
        (
            EntrepreneurProfile,
            list(EntrepreneurProfile.objects.filter(user=user).values_list("pk", flat=True)),
        )
    )
    for model, pks in about_person:
        AuditLogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(model),
            object_id__in=[str(pk) for pk in pks],
        ).update(object_repr=label, changes={})
    Invitation.objects.filter(email__iexact=user.email).update(email="verwijderd@invalid")
    EntrepreneurProfile.objects.filter(user=user).delete()
    Membership.objects.filter(user=user).delete()
    RegionRole.objects.filter(user=user).delete()
    EmailAddress.objects.filter(user=user).delete()
    user.authenticator_set.all().delete()
    _end_sessions(user)
    user.email = f"verwijderd-{user.pk}@invalid"
    user.full_name = ""
    user.is_active = False
    user.is_staff = False
    user.is_superuser = False
    user.set_unusable_password()
    user.save()
    user.groups.clear()
    request.status = ErasureStatus.DONE
    request.completed_at = timezone.now()
    request.save(update_fields=["status", "completed_at"])
    audit_log(
        actor=None,
        action=AuditAction.ERASE,
        obj=user,
        object_repr=label,
        message=f"erasure request #{request.pk} carried out",
    )
