from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from kennisnetwerk.core.models import TimeStampedModel

from .constants import SBI_VERSION_2008, AliasKind, RegionKind


class Province(models.Model):
    code = models.CharField(_("CBS code"), max_length=4, unique=True, help_text=_("e.g. PV30"))
    name = models.CharField(_("name"), max_length=100)

    class Meta:
        verbose_name = _("province")
        verbose_name_plural = _("provinces")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class CoropArea(models.Model):
    code = models.CharField(_("CBS code"), max_length=4, unique=True, help_text=_("e.g. CR35"))
    name = models.CharField(_("name"), max_length=100)
    province = models.ForeignKey(
        Province, verbose_name=_("province"), on_delete=models.PROTECT, related_name="corop_areas"
    )

    class Meta:
        verbose_name = _("COROP area")
        verbose_name_plural = _("COROP areas")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Municipality(models.Model):
    code = models.CharField(_("CBS code"), max_length=6, unique=True, help_text=_("e.g. GM0796"))
    name = models.CharField(_("name"), max_length=100)
    corop_area = models.ForeignKey(
        CoropArea,
        verbose_name=_("COROP area"),
        on_delete=models.PROTECT,
        related_name="municipalities",
    )
    province = models.ForeignKey(
        Province,
        verbose_name=_("province"),
        on_delete=models.PROTECT,
        related_name="municipalities",
    )
    is_current = models.BooleanField(
        _("current"),
        default=True,
        help_text=_("False once the municipality no longer exists in the reference data."),
    )

    class Meta:
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class MunicipalityAlias(models.Model):
    """A name that is not (or no longer) a municipality's official name but means it."""

    name = models.CharField(_("name"), max_length=100)
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("current municipality"),
        on_delete=models.CASCADE,
        related_name="aliases",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=AliasKind.choices)
    valid_until = models.DateField(
        _("dissolved on"),
        null=True,
        blank=True,
        help_text=_("Date of the merger for a former municipality."),
    )

    class Meta:
        verbose_name = _("municipality alias")
        verbose_name_plural = _("municipality aliases")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(Lower("name"), name="geo_alias_unique_name"),
        ]

    def __str__(self) -> str:
        return f"{self.name} → {self.municipality}"


class PlaceName(models.Model):
    """A woonplaats (BAG): a town or village, always inside one municipality."""

    code = models.CharField(_("BAG code"), max_length=4, unique=True)
    name = models.CharField(_("name"), max_length=100, db_index=True)
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("municipality"),
        on_delete=models.CASCADE,
        related_name="place_names",
    )

    class Meta:
        verbose_name = _("place name")
        verbose_name_plural = _("place names")
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.municipality})"


class Region(TimeStampedModel):
    """A named, editable set of municipalities: a COROP region, a province, an MKB-Deal area,
    a labour-market region or any set a network works with."""

    name = models.CharField(_("name"), max_length=150)
    slug = models.SlugField(_("short name in web addresses"), max_length=150, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=RegionKind.choices)
    description = models.TextField(_("description"), blank=True)
    source_code = models.CharField(
        _("CBS code"),
        max_length=6,
        blank=True,
        help_text=_("For regions maintained from the reference data (province or COROP code)."),
    )
    municipalities = models.ManyToManyField(
        Municipality, verbose_name=_("municipalities"), related_name="regions", blank=True
    )

    class Meta:
        verbose_name = _("region")
        verbose_name_plural = _("regions")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "source_code"],
                condition=~models.Q(source_code=""),
                name="geo_region_unique_source_code",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class SbiSection(models.Model):
    code = models.CharField(_("section"), max_length=1, unique=True)
    name = models.CharField(_("description"), max_length=255)
    division_from = models.CharField(_("first division"), max_length=2)
    division_to = models.CharField(_("last division"), max_length=2)

    class Meta:
        verbose_name = _("SBI section")
        verbose_name_plural = _("SBI sections")
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.code} – {self.name}"


class SbiCode(models.Model):
    code = models.CharField(_("SBI code"), max_length=6)
    version = models.CharField(_("classification"), max_length=10, default=SBI_VERSION_2008)
    description = models.CharField(_("description"), max_length=255)
    section = models.ForeignKey(
        SbiSection,
        verbose_name=_("section"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="codes",
    )

    class Meta:
        verbose_name = _("SBI code")
        verbose_name_plural = _("SBI codes")
        ordering = ["version", "code"]
        constraints = [
            models.UniqueConstraint(fields=["version", "code"], name="geo_sbi_unique_code"),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.description}"
