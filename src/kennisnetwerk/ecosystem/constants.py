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
