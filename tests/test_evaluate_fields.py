"""Field measures over paired events, with exact numerators and denominators."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

from eventcoder.evaluate import (
    GoldClaim,
    GoldEvent,
    GoldFatalities,
    GoldFile,
    Measure,
    check_pair,
    load_gold_file,
    oracle_event,
    score,
)
from eventcoder.model import (
    Actor,
    ActorType,
    Claim,
    ClaimKind,
    DatePrecision,
    DateWindow,
    Event,
    EventType,
    Fatalities,
    Place,
    PlacePrecision,
    Qualifier,
    Victims,
)

DATA = Path(__file__).resolve().parent / "data" / "gold"


def _load(rel: str) -> GoldFile:
    return load_gold_file(DATA / rel)


def _tally(
    gold: GoldEvent, pred: Event, *, type_only: bool = False, deaths_scored: bool = True
) -> dict[str, tuple[int, int]]:
    out: dict[str, tuple[int, int]] = {}
    for check in check_pair(gold, pred, type_only=type_only, deaths_scored=deaths_scored):
        hits, total = out.get(check.measure.value, (0, 0))
        out[check.measure.value] = (hits + int(check.ok), total + 1)
    return out


def _claim(gold: GoldFile, kind: ClaimKind, low: int, high: int | None, claimant: str | None) -> Claim:
    return Claim(
        kind=kind,
        low=low,
        high=high,
        qualifier=Qualifier.EXACT,
        victims=Victims.TOTAL,
        evidence=gold.doc.span(0, 10),
        claimant=claimant,
    )


def _place(name: str, lat: float, lon: float, country: str = "CD") -> Place:
    return Place(name=name, country=country, precision=PlacePrecision.TOWN, lat=lat, lon=lon)


def test_field_measures_exact_numbers_on_one_pair() -> None:
    gold = _load("news/en/en-sake-2024-05.json")
    g = gold.events[0]
    pred = replace(
        oracle_event(g, gold.doc),
        location=_place("Goma", -1.68, 29.22),  # about 22 km from Sake
        date=DateWindow(start=dt.date(2024, 5, 2), end=dt.date(2024, 5, 4), precision=DatePrecision.DAYS),
        actor1=Actor(
            name="Military Forces of the Democratic Republic of Congo",
            type=ActorType.STATE_FORCES,
            text="Congolese army",
        ),
        actor2=Actor(name="M23", type=ActorType.REBEL_GROUP),
        fatalities=Fatalities(low=17, high=20, actor1=11, actor2=4, civilians=3),
        claims=(
            _claim(gold, ClaimKind.KILLED, 11, None, "an army spokesman"),
            _claim(gold, ClaimKind.KILLED, 15, 18, "Reuters"),
        ),
    )
    assert _tally(g, pred) == {
        "event_type": (1, 1),
        "sub_event_type": (1, 1),
        "country": (1, 1),
        "place": (1, 1),
        "date": (1, 1),
        "actors": (2, 2),
        "deaths_low": (0, 1),
        "deaths_low_10pct": (1, 1),  # 17 is within 10 % of 18
        # deaths_high: gold high equals low, not checked
        "deaths_by_party": (3, 3),  # actors swapped, figures swapped consistently
        "claims_claimant": (1, 2),  # the third gold claim has no claimant
    }
    report = score([gold], {gold.doc.id: [pred]})
    figures = report.overall
    assert (figures.field(Measure.ACTORS).hits, figures.field(Measure.ACTORS).total) == (2, 2)
    assert figures.field("claims_claimant").rate == 0.5
    assert figures.field(Measure.DEATHS_HIGH).rate is None
    kinds = sorted(m.kind for m in report.misses())
    assert kinds == ["claims_claimant", "deaths_low"]


def test_deaths_by_party_orientation() -> None:
    gold = _load("news/en/en-sake-2024-05.json")
    g = gold.events[0]
    base = oracle_event(g, gold.doc)
    straight = replace(base, fatalities=Fatalities(low=18, actor1=11, actor2=4, civilians=3))
    # The actors are in gold order, so the figures must be too: 11 for M23 is wrong; civilians still right.
    assert _tally(g, straight)["deaths_by_party"] == (1, 3)
    # With no actors to tell the order, the reading that fits the figures is taken.
    anonymous = replace(straight, actor1=None, actor2=None)
    assert _tally(g, anonymous)["deaths_by_party"] == (3, 3)
    missing_civilians = replace(base, fatalities=Fatalities(low=18, actor1=4, actor2=11))
    assert _tally(g, missing_civilians)["deaths_by_party"] == (2, 3)


def test_place_radius_by_precision() -> None:
    gold = _load("news/en/en-sake-2024-05.json")
    g = gold.events[0]
    bukavu = replace(oracle_event(g, gold.doc), location=_place("Bukavu", -2.508, 28.861))  # about 106 km
    assert _tally(g, bukavu)["place"] == (0, 1)
    assert g.location is not None
    for precision, ok in [
        (PlacePrecision.NEAR_TOWN, 0),
        (PlacePrecision.ADMIN2, 1),
        (PlacePrecision.ADMIN1, 1),
        (PlacePrecision.REGION, 1),
    ]:
        wider = replace(g, location=replace(g.location, precision=precision))
        assert _tally(wider, bukavu)["place"] == (ok, 1), precision
    no_coordinates = replace(bukavu, location=Place(name="Kivu", country="CD", precision=PlacePrecision.ADMIN1))
    assert _tally(g, no_coordinates)["place"] == (0, 1)
    assert _tally(g, no_coordinates)["country"] == (1, 1)


def test_country_precision_gold_checks_country_only() -> None:
    gold = _load("news/nb/nb-gao-2023-03.json")
    e3 = gold.events[2]
    far = replace(oracle_event(e3, gold.doc), location=_place("Kidal", 18.44, 1.41, country="ML"))
    assert _tally(e3, far)["place"] == (1, 1)
    wrong = replace(far, location=_place("Niamey", 13.51, 2.11, country="NE"))
    assert _tally(e3, wrong)["place"] == (0, 1)
    assert _tally(e3, wrong)["country"] == (0, 1)


def test_date_without_prediction_is_a_miss() -> None:
    gold = _load("news/en/en-sake-2024-05.json")
    g = gold.events[0]
    assert _tally(g, replace(oracle_event(g, gold.doc), date=None))["date"] == (0, 1)
    late = DateWindow(start=dt.date(2024, 5, 4), end=dt.date(2024, 5, 5), precision=DatePrecision.DAYS)
    assert _tally(g, replace(oracle_event(g, gold.doc), date=late))["date"] == (0, 1)


def test_deaths_low_high_and_phantom() -> None:
    gold = _load("news/nb/nb-gao-2023-03.json")
    e1, e2, _ = gold.events
    base1 = oracle_event(e1, gold.doc)
    assert _tally(e1, base1)["deaths_high"] == (1, 1)  # gold 12..15
    assert _tally(e1, replace(base1, fatalities=Fatalities(low=12)))["deaths_high"] == (0, 1)
    assert _tally(e1, replace(base1, fatalities=Fatalities(low=11)))["deaths_low_10pct"] == (1, 1)  # 1 <= 1.2
    assert _tally(e1, replace(base1, fatalities=Fatalities(low=10)))["deaths_low_10pct"] == (0, 1)
    base2 = oracle_event(e2, gold.doc)  # gold low 0
    for low, ok in [(None, 1), (0, 1), (2, 0)]:
        counts = _tally(e2, replace(base2, fatalities=Fatalities(low=low)))
        assert counts["deaths_low"] == (ok, 1)
        assert "deaths_low_10pct" not in counts
        assert counts["no_phantom_deaths"] == (ok, 1)  # "none died": a figure is a phantom too
    unknown = replace(e2, fatalities=GoldFatalities())  # no deaths reported
    for low, ok in [(None, 1), (0, 1), (3, 0)]:
        counts = _tally(unknown, replace(base2, fatalities=Fatalities(low=low)))
        assert counts["no_phantom_deaths"] == (ok, 1)
        assert "deaths_low" not in counts


def test_figures_marked_not_scored_are_not_checked() -> None:
    gold = _load("news/nb/nb-gao-2023-03.json")
    e1 = gold.events[0]
    pred = replace(oracle_event(e1, gold.doc), fatalities=Fatalities(low=99))
    counts = _tally(e1, pred, deaths_scored=False)
    assert not {"deaths_low", "deaths_low_10pct", "deaths_high", "deaths_by_party", "no_phantom_deaths"} & set(counts)
    assert counts["event_type"] == (1, 1)
    assert not gold.deaths_unscored
    marked = replace(gold, notes="fatalities scored as ACLED's conservative low only (not scored: figure not stated)")
    assert marked.deaths_unscored


def test_actor_matching_is_year_and_case_insensitive() -> None:
    gold = _load("acled/acled-test-1.json")
    g = gold.events[0]
    pred = replace(
        oracle_event(g, gold.doc),
        actor1=Actor(name="police forces of afghanistan", type=ActorType.STATE_FORCES),
        actor2=Actor(
            name="Unidentified Armed Group (Afghanistan)", type=ActorType.REBEL_GROUP, text="Taliban militants"
        ),
    )
    assert _tally(g, pred)["actors"] == (2, 2)
    strangers = replace(pred, actor2=Actor(name="Islamic State", type=ActorType.REBEL_GROUP, text="gunmen"))
    assert _tally(g, strangers)["actors"] == (1, 2)


def test_claims_need_kind_number_and_claimant() -> None:
    gold = _load("news/nb/nb-gao-2023-03.json")
    e1 = gold.events[0]  # killed 12 at least, according to the UN (FN)
    base = oracle_event(e1, gold.doc)
    for claim, ok in [
        (_claim(gold, ClaimKind.KILLED, 12, None, "FN"), 1),
        (_claim(gold, ClaimKind.KILLED, 10, 12, "ifølge FN"), 1),  # high equals the count; words contained
        (_claim(gold, ClaimKind.KILLED, 12, None, "Reuters"), 0),
        (_claim(gold, ClaimKind.KILLED, 12, None, None), 0),
        (_claim(gold, ClaimKind.INJURED, 12, None, "FN"), 0),
        (_claim(gold, ClaimKind.KILLED, 13, None, "UN"), 0),
    ]:
        assert _tally(e1, replace(base, claims=(claim,)))["claims_claimant"] == (ok, 1), claim
    assert _tally(e1, replace(base, claims=()))["claims_claimant"] == (0, 1)
    figureless = replace(e1, claims=(replace(e1.claims[0], count=None),))
    assert isinstance(figureless.claims[0], GoldClaim)
    anything = replace(base, claims=(_claim(gold, ClaimKind.KILLED, 40, None, "the UN"),))
    assert _tally(figureless, anything)["claims_claimant"] == (1, 1)
    # a predicted claim without a figure ("several were killed, the UN said") matches a gold claim without one,
    # never a gold figure
    several = replace(_claim(gold, ClaimKind.KILLED, 0, None, "the UN"), low=None, qualifier=Qualifier.VAGUE)
    assert _tally(figureless, replace(base, claims=(several,)))["claims_claimant"] == (1, 1)
    assert _tally(e1, replace(base, claims=(several,)))["claims_claimant"] == (0, 1)
    assert "killed (no figure) according to the UN" in [
        c.got for c in check_pair(e1, replace(base, claims=(several,))) if c.measure.value == "claims_claimant"
    ]


def test_scope_type_files_score_detection_and_type_only() -> None:
    gold = _load("type/type-protest.json")
    assert gold.type_only
    g = gold.events[0]
    pred = Event(
        id="p",
        event_type=EventType.RIOTS,
        sub_event_type="Violent demonstration",
        date=None,
        location=_place("Kinshasa", -4.32, 15.31),
        actor1=Actor(name="Protesters (DRC)", type=ActorType.PROTESTERS),
        actor2=None,
        fatalities=Fatalities(low=4),
    )
    report = score([gold], {gold.doc.id: [pred]})
    figures = report.overall
    assert (figures.tp, figures.fp, figures.fn) == (1, 0, 0)
    assert [(r.measure.value, r.hits, r.total) for r in figures.fields if r.total] == [
        ("event_type", 0, 1),
        ("sub_event_type", 0, 1),
    ]
    assert _tally(g, pred, type_only=True) == {"event_type": (0, 1), "sub_event_type": (0, 1)}
