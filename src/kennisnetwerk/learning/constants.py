from django.db import models
from django.utils.translation import gettext_lazy as _


class ProgrammeKind(models.TextChoices):
    COMMUNITY = "cop", _("Community of Practice")
    INTERVISION = "intervisie", _("Intervision series")
    NETWORK = "netwerk", _("Network")
    EXCURSIONS = "excursies", _("Excursion programme")
    WEBINARS = "webinars", _("Webinar series")


class ProgrammeStatus(models.TextChoices):
    PLANNED = "gepland", _("In preparation")
    ACTIVE = "actief", _("Running")
    FINISHED = "afgerond", _("Finished")


class MemberRole(models.TextChoices):
    CORE_TEAM = "kernteam", _("Core team")
    PARTICIPANT = "deelnemer", _("Participant")


class ApplicationStatus(models.TextChoices):
    SUBMITTED = "ingediend", _("Submitted")
    MORE_INFO = "aanvullen", _("More information asked")
    ACCEPTED = "geaccepteerd", _("Accepted")
    DECLINED = "afgewezen", _("Declined")


class SessionFormat(models.TextChoices):
    GUEST_EXPERT = "gast-expert", _("Guest expert")
    PRACTICE_EXAMPLE = "praktijkvoorbeeld", _("Practice example")
    INTERVISION = "intervisie", _("Intervision")
    INTERACTIVE = "interactieve-werkvorm", _("Interactive format")
    SIMULATION = "simulatie", _("Simulation")
    PROJECT_VISIT = "projectbezoek", _("Project visit")
    WEBINAR = "webinar", _("Webinar")


class SessionStatus(models.TextChoices):
    OPEN = "open", _("Open for registration")
    CLOSED = "gesloten", _("Registration closed")
    CANCELLED = "geannuleerd", _("Cancelled")


class RegistrationStatus(models.TextChoices):
    REGISTERED = "aangemeld", _("Registered")
    WAITING = "wachtlijst", _("On the waiting list")
    CANCELLED = "afgemeld", _("Cancelled")


# A person holds at most one of these per session.
ACTIVE_REGISTRATION = (RegistrationStatus.REGISTERED, RegistrationStatus.WAITING)


class LogisticsKind(models.TextChoices):
    VENUE = "locatie", _("Venue")
    CATERING = "catering", _("Catering")
    INVITATIONS = "uitnodigingen", _("Selecting and inviting participants")
    OTHER = "overig", _("Other")


class LessonKind(models.TextChoices):
    DO = "doen", _("Do")
    DONT = "niet-doen", _("Don't")


class AgreementStatus(models.TextChoices):
    OPEN = "open", _("Open")
    IN_PROGRESS = "bezig", _("In progress")
    DONE = "afgerond", _("Done")
    ADOPTED = "overgenomen", _("Taken over in the DOE agenda")


class QuestionStatus(models.TextChoices):
    OPEN = "open", _("Open")
    ANSWERED = "beantwoord", _("Answered")
    CLOSED = "gesloten", _("Closed")
