"""Generated Dutch-looking text for benchmarks: words, titles, bodies, queries and names.

The vocabulary has real words of regional SME support (the commonest), compounds made from
common heads and nouns, and a long tail of made-up words. Body words are drawn with a
Zipf-Mandelbrot distribution, so that the commonest words ("ondernemer", "mkb", "regio"…)
occur in a third to half of all documents, as in real texts; titles use the topical words
(real words and compounds) only.

Everything is drawn from one ``random.Random``, so a seed gives the same text every run.
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass


def _words(text: str) -> list[str]:
    return text.split()


REAL_WORDS = _words("""
    ondernemer ondernemers mkb regio gemeente provincie subsidie regeling financiering
    innovatie digitalisering digitaliseren circulaire economie duurzaamheid verduurzaming
    energie arbeidsmarkt werkgevers personeel scholing opleiding onderwijs techniek
    maakindustrie bouw landbouw voedsel zorg horeca detailhandel logistiek export
    internationalisering bedrijfsopvolging familiebedrijven starters groei coaching advies
    netwerk bijeenkomst workshop training programma project loket vouchers lening krediet
    investering banken investeerders kennis onderzoek hogeschool universiteit studenten
    data cybersecurity automatisering robotisering productiviteit samenwerking partners
    cijfers monitor bereik agenda deal fonds garantie aanvraag voorwaarden begeleiding
    webinar handelsmissie Duitsland België Europa Groningen Twente Brabant Limburg Utrecht
    café restaurant winkel webwinkel klanten markt prijs kosten vergunning regels wetgeving
""")

NOUNS = _words("""
    regio regeling loket fonds plan budget vraag aanbod centrum tafel scan traject netwerk
    agenda deal monitor partners beleid onderzoek krediet lening vouchers advies coaching
    programma project academie werkplaats punt platform campagne dag week prijs route
""")

HEADS = _words("""
    arbeidsmarkt arbeids bedrijfs circulair duurzaamheids export familie financierings
    innovatie kennis leer mkb netwerk ondernemers opleidings regio samenwerkings starters
    subsidie werkgevers
""")

SYLLABLES = _words("ba be bo de di do ka ke ko la le lo ma me mo na ne no ra re ro sa se so ta te")

FIRST_NAMES = _words("""
    Anna Bram Daan Emma Eva Fleur Hans Inge Jan Joost Julia Karin Lars Lisa Marieke Mark
    Martijn Noor Peter Petra Rob Sanne Sophie Thijs Tom Wendy Willem Yvonne Ahmed Fatima
""")

SURNAMES = _words("""
    Jansen deVries Bakker Visser Smit Meijer deBoer Mulder deGroot Bos Vos Peters Hendriks
    vanLeeuwen Dekker Brouwer deWit Dijkstra Smits deGraaf vanderMeer Kok Jacobs Vermeulen
    vandenBerg Schouten Willems vanDijk Hoekstra Maas Verhoeven Koster Prins Blom Huisman
""")


def surname(raw: str) -> str:
    """'deVries' → 'de Vries', 'vanderMeer' → 'van der Meer'."""
    out = []
    for char in raw:
        if char.isupper() and out:
            out.append(" ")
        out.append(char)
    text = "".join(out)
    return text.replace("vander ", "van der ").replace("vanden ", "van den ")


def vocabulary(rng: random.Random, size: int = 20_000) -> tuple[list[str], list[str]]:
    """All words, most common first, and the topical ones (real words and compounds). The
    real words are the commonest; compounds are spread over the long tail."""
    compounds = [head + noun for head in HEADS for noun in NOUNS]
    made_up: set[str] = set()
    while len(made_up) < size - len(REAL_WORDS) - len(compounds):
        made_up.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 5))))
    tail = compounds + sorted(made_up)
    rng.shuffle(tail)
    return REAL_WORDS + tail, REAL_WORDS + compounds


def zipf_sampler(
    rng: random.Random, words: list[str], shift: int = 30
) -> Callable[[int], list[str]]:
    """Draw words with weight 1 / (rank + shift) (Zipf-Mandelbrot)."""
    cumulative = list(itertools.accumulate(1 / (rank + shift) for rank in range(1, len(words) + 1)))

    def sample(count: int) -> list[str]:
        return rng.choices(words, cum_weights=cumulative, k=count)

    return sample


@dataclass
class DutchText:
    """A vocabulary and the ways to draw from it."""

    rng: random.Random
    words: list[str]
    topical: list[str]
    sample: Callable[[int], list[str]]

    @classmethod
    def build(cls, rng: random.Random, size: int = 20_000) -> DutchText:
        words, topical = vocabulary(rng, size)
        return cls(rng=rng, words=words, topical=topical, sample=zipf_sampler(rng, words))

    def uniform(self, count: int) -> list[str]:
        """Topical words, drawn evenly."""
        return self.rng.choices(self.topical, k=count)

    def title(self, low: int = 2, high: int = 6) -> str:
        return " ".join(self.uniform(self.rng.randint(low, high))).capitalize()

    def body(self, low: int = 30, high: int = 80) -> str:
        return " ".join(self.sample(self.rng.randint(low, high)))

    def person(self) -> str:
        return f"{self.rng.choice(FIRST_NAMES)} {surname(self.rng.choice(SURNAMES))}"

    def documents(self, count: int, prefix: str = "") -> Iterator[tuple[str, str, str]]:
        """(object id, title, body) of ``count`` documents."""
        for n in range(count):
            body = f"{self.body()}. Gestart in {self.rng.randint(2000, 2026)}."
            yield f"{prefix}{n}", self.title(), body

    def queries(self, draw: Callable[[int], list[str]], count: int) -> list[str]:
        """One- to three-word queries; every tenth has an unknown word, a few are stop words."""
        made = [" ".join(draw(self.rng.choice([1, 1, 2, 2, 3]))) for _ in range(count)]
        made[::10] = [f"{query} blockchain" for query in made[::10]]
        made[5::25] = ["de van het"] * len(made[5::25])
        return made

    def worst_case_queries(self) -> list[str]:
        """The ten commonest words, alone and in pairs: each matches a large share of all
        documents, all of which are ranked."""
        commonest = self.words[:10]
        pairs = zip(commonest, commonest[1:] + commonest[:1], strict=True)
        return commonest + [f"{a} {b}" for a, b in pairs]
