from django.db import models
from django.utils.translation import gettext_lazy as _


class Unit(models.TextChoices):
    NUMBER = "aantal", _("number")
    ENTREPRENEURS = "ondernemers", _("entrepreneurs")
    PERCENT = "procent", _("percent")
    EURO = "euro", _("euro")
    HOURS = "uren", _("hours")


class Direction(models.TextChoices):
    UP = "hoger", _("higher is better")
    DOWN = "lager", _("lower is better")


class Frequency(models.TextChoices):
    YEAR = "jaar", _("per year")
    QUARTER = "kwartaal", _("per quarter")
    MONTH = "maand", _("per month")


class Source(models.TextChoices):
    MANUAL = "handmatig", _("entered by hand")
    IMPORT = "import", _("imported from Excel")
    COMPUTED = "berekend", _("computed by the platform")
    REACH = "bereik", _("reach sketches of the parties")


DEFAULT_SMALL_CELL = 10
