from django.db import models
from django.utils.translation import gettext_lazy as _

# The longest question the intake form and the API accept (characters).
QUESTION_MAX_LENGTH = 5000


class NeedStatus(models.TextChoices):
    OPEN = "open", _("Open")
    REFERRED = "doorverwezen", _("Referred")
    ANSWERED = "beantwoord", _("Answered")
    NO_OFFER = "geen_aanbod", _("No offer")


class NeedSource(models.TextChoices):
    FORM = "formulier", _("Public intake form")
    ACCOUNT_MANAGER = "accountmanager", _("Account manager")
    SURVEY = "enquete", _("Survey")
    COP_SESSION = "cop", _("Community of Practice session")


class Urgency(models.TextChoices):
    LOW = "laag", _("Not urgent")
    NORMAL = "normaal", _("Within a few months")
    HIGH = "hoog", _("Urgent")


class SizeClass(models.TextChoices):
    """The size classes of the atlas's target groups (same codes), so matching can compare."""

    ZZP = "zzp", _("Self-employed without staff (zzp)")
    MICRO = "micro", _("Micro (2–9 people)")
    SMALL = "klein", _("Small (10–49)")
    MEDIUM = "middelgroot", _("Medium-sized (50–249)")


class FeedbackKind(models.TextChoices):
    REFERRED = "doorverwezen", _("Referred")
    HELPFUL = "nuttig", _("Helpful")
    NOT_HELPFUL = "niet_nuttig", _("Not helpful")


# Groups of words that mean much the same to an entrepreneur and to a programme manager. The
# network starts with these; every region's coordinators can change them for their region.
# (name, theme slug or "", terms)
INITIAL_THESAURUS = [
    (
        "Personeel en arbeidsmarkt",
        "menselijk-kapitaal",
        "personeel, arbeidsmarkt, menselijk kapitaal, human capital, medewerkers, "
        "werknemers, vakmensen, personeelstekort, krapte, vacatures, werven, werving",
    ),
    (
        "Scholing en ontwikkeling",
        "menselijk-kapitaal",
        "scholing, bijscholen, omscholen, opleiden, opleiding, leven lang ontwikkelen, "
        "training, cursus, praktijkleren, leerwerkplaats",
    ),
    (
        "Verduurzamen",
        "circulaire-economie-en-verduurzaming",
        "verduurzamen, duurzaam, energiebesparing, energie besparen, circulair, "
        "energietransitie, zonnepanelen, isolatie, warmtepomp, co2, groene energie",
    ),
    (
        "Hergebruik en reststromen",
        "circulaire-economie-en-verduurzaming",
        "reststromen, afval, hergebruik, recycling, circulair, kringloop, grondstoffen",
    ),
    (
        "Digitaliseren",
        "digitalisering",
        "digitaliseren, digitalisering, automatisering, software, ict, online, webshop, "
        "website, e-commerce, data",
    ),
    (
        "Cybersecurity",
        "digitalisering",
        "cybersecurity, cybercriminaliteit, beveiliging, hack, phishing, ransomware, "
        "cyberweerbaar, wachtwoord",
    ),
    (
        "Geld en financiering",
        "financiering",
        "financiering, lening, krediet, kapitaal, investering, geld, bank, "
        "investeerder, crowdfunding, microkrediet",
    ),
    (
        "Subsidie",
        "financiering",
        "subsidie, regeling, voucher, tegemoetkoming, bijdrage",
    ),
    (
        "Export en buitenland",
        "internationalisering",
        "export, exporteren, buitenland, internationaal, handelsmissie, duitsland, belgie",
    ),
    (
        "Overdracht en opvolging",
        "bedrijfsopvolging",
        "bedrijfsopvolging, opvolging, opvolger, overname, overdracht, overnemen, "
        "bedrijf verkopen, familiebedrijf",
    ),
    (
        "Starten",
        "ondernemerschap-en-starters",
        "starten, starter, beginnen, ondernemingsplan, eigen bedrijf, startende ondernemer",
    ),
    (
        "Productiviteit",
        "arbeidsproductiviteit",
        "productiviteit, efficienter, efficiency, lean, robotisering, robot, cobot, "
        "slimmer werken, verspilling",
    ),
    (
        "Vernieuwen",
        "innovatie",
        "innovatie, innoveren, vernieuwen, nieuw product, prototype, onderzoek, "
        "kennisinstelling, hogeschool",
    ),
]
