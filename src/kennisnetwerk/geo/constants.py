from django.db import models
from django.utils.translation import gettext_lazy as _


class RegionKind(models.TextChoices):
    NATIONAL = "national", _("Netherlands")
    PROVINCE = "province", _("Province")
    COROP = "corop", _("COROP region")
    MKB_DEAL = "mkb_deal", _("MKB-Deal area")
    LABOUR_MARKET = "labour_market", _("Labour-market region")
    CUSTOM = "custom", _("Custom region")


# Regions that mirror the CBS classification are maintained by the reference-data loader.
AUTOMATIC_REGION_KINDS = {RegionKind.NATIONAL, RegionKind.PROVINCE, RegionKind.COROP}


class AliasKind(models.TextChoices):
    MERGED = "herindeling", _("Former municipality (merger)")
    INFORMAL = "roepnaam", _("Informal name")


SBI_VERSION_2008 = "SBI 2008"
NATIONAL_REGION_SLUG = "nederland"
