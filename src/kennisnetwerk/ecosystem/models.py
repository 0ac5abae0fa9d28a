from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from kennisnetwerk.core.models import TimeStampedModel

from .constants import OrganisationType

kvk_number_validator = RegexValidator(
    r"^[0-9]{8}$", _("A KVK number consists of exactly 8 digits.")
)


class Organisation(TimeStampedModel):
    """A party (partij) in a regional network: a municipality, the province, KVK, a school…"""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("short name in web addresses"), max_length=200, unique=True)
    type = models.CharField(_("type"), max_length=30, choices=OrganisationType.choices)
    municipality = models.ForeignKey(
        "geo.Municipality",
        verbose_name=_("municipality"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="organisations",
        help_text=_("Where the organisation is located."),
    )
    website = models.URLField(_("website"), blank=True)
    kvk_number = models.CharField(
        _("KVK number"),
        max_length=8,
        blank=True,
        validators=[kvk_number_validator],
        help_text=_("Optional; 8 digits."),
    )

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["kvk_number"],
                condition=~models.Q(kvk_number=""),
                name="ecosystem_organisation_unique_kvk",
            ),
            models.CheckConstraint(
                condition=models.Q(kvk_number="") | models.Q(kvk_number__regex=r"^[0-9]{8}$"),
                name="ecosystem_organisation_kvk_8_digits",
            ),
        ]

    def __str__(self) -> str:
        return self.name
