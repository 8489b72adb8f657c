"""A synthetic news corpus for scale runs: sentences written for this project, recombined at random.

No third-party text: every template below is our own. Documents mix English, Bokmål and Nynorsk reports of
attacks and clashes (with places, figures and sources) with reports that are not about conflict, so the ledger
sees every outcome. Publication dates spread over twenty years and places over 64 towns in 18 countries, so fusion meets
realistic, small groups. Each document carries a unique filing number, so no two texts are the same.

    python -m eventcoder.synthetic --documents 100000 -o corpus.jsonl
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

__all__ = ["SyntheticDocument", "synthetic_documents", "write_corpus"]

# 64 towns the gazetteer resolves in all three languages; with dates over 20 years, 100,000 documents give about
# 0.2 events per town and day, so fusion's groups stay small as in real news (a denser corpus chains every day's
# reports of a town into one component of the gate graph, see docs/design.md).
_PLACES = (
    "Kabul",
    "Jalalabad",
    "Kunduz",
    "Baghdad",
    "Basra",
    "Kirkuk",
    "Fallujah",
    "Damascus",
    "Raqqa",
    "Daraa",
    "Donetsk",
    "Luhansk",
    "Mariupol",
    "Bakhmut",
    "Zaporizhzhia",
    "Odesa",
    "Baidoa",
    "Beledweyne",
    "Garissa",
    "Mandera",
    "Lamu",
    "Bamako",
    "Timbuktu",
    "Kidal",
    "Niamey",
    "Ouagadougou",
    "Djibo",
    "Juba",
    "Malakal",
    "Benghazi",
    "Tripoli",
    "Misrata",
    "Sirte",
    "Sanaa",
    "Aden",
    "Taiz",
    "Marib",
    "Hodeidah",
    "Kano",
    "Sokoto",
    "Bukavu",
    "Beni",
    "Butembo",
    "Kisangani",
    "Peshawar",
    "Quetta",
    "Sittwe",
    "Marawi",
    "Kandahar",
    "Mogadishu",
    "Aleppo",
    "Kharkiv",
    "Maiduguri",
    "Goma",
    "Gao",
    "Kaduna",
    "Homs",
    "Mosul",
    "Kherson",
    "Kismayo",
    "Herat",
    "Idlib",
    "Bunia",
    "Mopti",
)

_EN_EVENTS = (
    "{n} people were killed when gunmen attacked a market in {place} on {day}, police said.",
    "At least {n} soldiers died in clashes with militants near {place}, the army said on {day}.",
    "A car bomb exploded at a checkpoint in {place} on {day}, killing {n} people, officials said.",
    "Security forces fought rebels in {place} on {day}; {n} fighters were killed, according to a local official.",
    "An air strike hit a village outside {place} on {day} and killed {n} civilians, residents said.",
    "Armed men stormed a police station in {place} overnight, killing {n} officers, the governor said.",
)
_NB_EVENTS = (
    "Minst {n} personer ble drept da væpnede menn angrep et marked i {place} {nbday}, ifølge politiet.",
    "{n} soldater ble drept i kamper med opprørere ved {place} {nbday}, opplyser hæren.",
    "En bilbombe eksploderte ved en kontrollpost i {place} {nbday} og drepte {n} mennesker, sier lokale myndigheter.",
    "Et luftangrep traff en landsby utenfor {place} {nbday}. {n} sivile ble drept, ifølge innbyggere.",
)
_NN_EVENTS = (
    "Minst {n} personar vart drepne då væpna menn angreip ein marknad i {place} {nbday}, melder politiet.",
    "{n} soldatar vart drepne i kampar med opprørarar ved {place} {nbday}, opplyser hæren.",
)
_EN_FILLER = (
    "The city council met to discuss the new budget for schools and roads.",
    "Farmers in the region expect a good harvest after a wet spring.",
    "A new bridge over the river is due to open later this year.",
    "The football club announced the signing of a young midfielder.",
    "Prices of fuel and bread rose again this month, the statistics office said.",
    "The museum reopened after two years of repairs.",
    "Aid groups said they had delivered food and medicine to the area.",
    "Schools in the district will stay closed until further notice.",
)
_NB_FILLER = (
    "Bystyret møttes for å diskutere budsjettet for skoler og veier.",
    "Bøndene i regionen venter en god avling etter en våt vår.",
    "Den nye brua over elva skal åpne senere i år.",
    "Prisene på drivstoff og brød steg igjen denne måneden.",
    "Hjelpeorganisasjoner sier de har levert mat og medisiner til området.",
)
_NN_FILLER = (
    "Bystyret møttest for å diskutere budsjettet for skular og vegar.",
    "Bøndene i regionen ventar ei god avling etter ein våt vår.",
    "Prisane på drivstoff og brød steig igjen denne månaden.",
)
_EN_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_NB_DAYS = ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag")
_SERIAL = {
    "en": "This report was filed as number {serial} in the agency archive.",
    "nb": "Meldinga er arkivert som nummer {serial} i byråets arkiv.",
    "nn": "Meldinga er arkivert som nummer {serial} i arkivet til byrået.",
}
_LANGS = (("en", _EN_EVENTS, _EN_FILLER), ("nb", _NB_EVENTS, _NB_FILLER), ("nn", _NN_EVENTS, _NN_FILLER))
_START = dt.date(2005, 1, 1)
_DAYS = 7300


@dataclass(frozen=True, slots=True, kw_only=True)
class SyntheticDocument:
    id: str
    text: str
    published: str  # YYYY-MM-DD
    lang: str

    def to_json(self) -> dict[str, str]:
        return {"id": self.id, "text": self.text, "published": self.published, "lang": self.lang}


def _document(serial: int, rng: random.Random) -> SyntheticDocument:
    lang, events, filler = _LANGS[rng.choices((0, 1, 2), weights=(5, 4, 1))[0]]
    published = _START + dt.timedelta(days=rng.randrange(_DAYS))
    day = rng.randrange(7)
    sentences = [rng.choice(filler) for _ in range(rng.randint(1, 4))]
    if rng.random() < 0.8:  # four in five report an event
        event = rng.choice(events).format(
            n=rng.randint(2, 60), place=rng.choice(_PLACES), day=_EN_DAYS[day], nbday=_NB_DAYS[day]
        )
        sentences.insert(rng.randrange(len(sentences) + 1), event)
    sentences.append(_SERIAL[lang].format(serial=serial))
    paragraphs = [" ".join(sentences[i : i + 2]) for i in range(0, len(sentences), 2)]
    return SyntheticDocument(
        id=f"syn-{serial:07d}", text="\n\n".join(paragraphs), published=published.isoformat(), lang=lang
    )


def synthetic_documents(count: int, *, seed: int = 7) -> Iterator[SyntheticDocument]:
    """`count` documents, the same ones for the same seed."""
    rng = random.Random(seed)
    for serial in range(1, count + 1):
        yield _document(serial, rng)


def write_corpus(path: Path, count: int, *, seed: int = 7) -> Path:
    """Write `count` synthetic documents to `path` as JSON lines."""
    with path.open("w", encoding="utf-8") as fh:
        for doc in synthetic_documents(count, seed=seed):
            fh.write(json.dumps(doc.to_json(), ensure_ascii=False) + "\n")
    return path


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eventcoder.synthetic", description=__doc__)
    parser.add_argument("--documents", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("-o", "--output", required=True)
    args = parser.parse_args(argv)
    write_corpus(Path(args.output), args.documents, seed=args.seed)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
