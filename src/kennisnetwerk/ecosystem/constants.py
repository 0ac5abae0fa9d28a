from django.db import models
from django.utils.translation import gettext_lazy as _


class OrganisationType(models.TextChoices):
    MUNICIPALITY = "gemeente", _("Municipality")
    PROVINCE = "provincie", _("Province")
    KVK = "kvk", _("Chamber of Commerce (KVK)")
    RVO = "rvo", _("Netherlands Enterprise Agency (RVO)")
    ROM = "rom", _("Regional development agency (ROM)")
    EDUCATION = "onderwijs", _("Education")
    BUSINESS_ASSOCIATION = "ondernemersvereniging", _("Entrepreneurs' association")
    BRANCH_ORGANISATION = "brancheorganisatie", _("Branch organisation")
    BANK = "bank", _("Bank or financier")
    KNOWLEDGE_INSTITUTION = "kennisinstelling", _("Knowledge institution")
    ADVISER = "adviseur", _("Adviser")
    OTHER = "overig", _("Other")


class InitiativeKind(models.TextChoices):
    PROGRAMME = "programma", _("Programme")
    PROJECT = "project", _("Project")
    SCHEME = "regeling", _("Scheme or subsidy")
    INSTRUMENT = "instrument", _("Instrument")
    NETWORK = "netwerk", _("Network")
    EVENT_SERIES = "evenementenreeks", _("Event series")
    DESK = "loket", _("Desk or advice")


class InitiativeStatus(models.TextChoices):
    PLANNED = "gepland", _("Planned")
    ACTIVE = "actief", _("Active")
    FINISHED = "afgerond", _("Finished")
    STOPPED = "gestopt", _("Stopped")


class TargetDimension(models.TextChoices):
    SIZE = "size", _("Size class")
    PHASE = "phase", _("Phase")
    ATTITUDE = "attitude", _("Attitude")


# The managed vocabularies start with these entries (slug, name); coordinators extend them.
INITIAL_THEMES = [
    ("digitalisering", "Digitalisering"),
    ("circulaire-economie-en-verduurzaming", "Circulaire economie en verduurzaming"),
    ("menselijk-kapitaal", "Menselijk kapitaal / leven lang ontwikkelen"),
    ("innovatie", "Innovatie"),
    ("financiering", "Financiering"),
    ("internationalisering", "Internationalisering"),
    ("arbeidsproductiviteit", "Arbeidsproductiviteit"),
    ("bedrijfsopvolging", "Bedrijfsopvolging en familiebedrijven"),
    ("ondernemerschap-en-starters", "Ondernemerschap en starters"),
]

INITIAL_TARGET_GROUPS = [
    (TargetDimension.SIZE, "zzp", "zzp"),
    (TargetDimension.SIZE, "micro", "micro (2–9 werkzame personen)"),
    (TargetDimension.SIZE, "klein", "klein (10–49)"),
    (TargetDimension.SIZE, "middelgroot", "middelgroot (50–249)"),
    (TargetDimension.PHASE, "starter", "starter"),
    (TargetDimension.PHASE, "groei", "groei"),
    (TargetDimension.PHASE, "overname", "overname"),
    (TargetDimension.ATTITUDE, "koploper", "koploper"),
    (TargetDimension.ATTITUDE, "peloton", "peloton"),
    (TargetDimension.ATTITUDE, "achterblijver", "achterblijver"),
]
