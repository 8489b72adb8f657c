"""The full gazetteer (built from the installed data packages once, then loaded from the user cache).

The first run builds it (about 15 s); later runs load the cached pickle in well under a second.
"""

from __future__ import annotations

import pytest

from eventcoder.geo.build import cache_key, load_gazetteer
from eventcoder.geo.gazetteer import Gazetteer, GazetteerError, Kind, distance_km
from eventcoder.geo.normalise import light_key
from eventcoder.mentions import Sentence
from eventcoder.model import Document
from eventcoder.pipeline import Analysis
from eventcoder.stages.places import find_places


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load_gazetteer()


# (name as written, country, kind, lat, lon): the best-populated entry of that country must lie within 30 km
FAMOUS = [
    ("Kabul", "AF", Kind.CITY, 34.53, 69.17),
    ("Baghdad", "IQ", Kind.CITY, 33.34, 44.40),
    ("Bagdad", "IQ", Kind.CITY, 33.34, 44.40),
    ("Hasakah", "SY", Kind.CITY, 36.50, 40.75),
    ("Kharkov", "UA", Kind.CITY, 49.98, 36.25),
    ("Mogadishu", "SO", Kind.CITY, 2.04, 45.34),
    ("Rafah", "PS", Kind.CITY, 31.30, 34.24),
    ("Pokrovsk", "UA", Kind.CITY, 48.28, 37.18),
    ("Kunduz", "AF", Kind.ADMIN1, 36.7, 68.9),
    ("Syria", "SY", Kind.COUNTRY, 33.51, 36.29),
    ("Ukraina", "UA", Kind.COUNTRY, 50.45, 30.52),
    ("Black Sea", None, Kind.WATER, 43.4, 34.0),
]


@pytest.mark.parametrize(("name", "country", "kind", "lat", "lon"), FAMOUS)
def test_famous_places(gaz: Gazetteer, name: str, country: str | None, kind: Kind, lat: float, lon: float) -> None:
    entries = [gaz.entry(i) for i in gaz.lookup(light_key(name))]
    fits = [e for e in entries if e.country == country and e.kind is kind]
    assert fits, f"{name}: {[(e.name, e.country, e.kind) for e in entries]}"
    best = max(fits, key=lambda e: e.population)
    assert distance_km(best.lat, best.lon, lat, lon) < 60


def test_fuzzy_index_joins_transliterations(gaz: Gazetteer) -> None:
    assert "UA" in {gaz.countries[i] for i in gaz.lookup_fuzzy(light_key("Zaporizjzja"))}
    assert "SY" in {gaz.countries[i] for i in gaz.lookup_fuzzy(light_key("Hassakeh"))}


def test_short_and_script_aliases_are_dropped(gaz: Gazetteer) -> None:
    assert gaz.lookup("ka bu er") == ()  # romanised CJK alternate name of Kabul
    assert gaz.lookup("kbl") == ()  # airport code
    assert all(len(k.replace(" ", "")) >= 3 for k in list(gaz.exact)[:50_000])


def test_loaded_twice_is_the_same_object() -> None:
    assert load_gazetteer() is load_gazetteer()
    assert len(cache_key()) == 20


def test_stage_on_full_gazetteer(gaz: Gazetteer) -> None:
    text = "IS-krigere angrep Ghwayran-fengselet i Hasakeh. Kurdiske styrker svarte nord for byen Qamishli i Syria."
    doc = Document(id="d", text=text, lang="nb")
    cut = text.index(" Kurdiske") + 1
    sentences = (Sentence(span=doc.span(0, cut - 1)), Sentence(span=doc.span(cut, len(text)), index=1))
    found = {
        m.span.text: m.place for m in find_places(Analysis(document=doc, lang="nb", sentences=sentences), gazetteer=gaz)
    }
    site, town = found["Ghwayran-fengselet"], found["Hasakeh"]
    assert site is not None and town is not None
    assert (site.country, site.precision.value, town.precision.value) == ("SY", "site", "town")
    assert found["Qamishli"] is not None and found["Qamishli"].country == "SY"


def test_bad_fixture_rows_are_rejected() -> None:
    with pytest.raises(GazetteerError):
        Gazetteer.from_entries([{"name": "X", "kind": "city", "lat": "north", "lon": 1.0}])


def test_population_by_geonameid() -> None:
    gaz = Gazetteer.from_entries(
        [
            {
                "name": "Alpha",
                "kind": "city",
                "country": "XX",
                "admin1": None,
                "lat": 1.0,
                "lon": 1.0,
                "population": 5000,
                "geonameid": 11,
            },
        ]
    )
    assert gaz.population(11) == 5000
    assert gaz.population(12) is None
    assert gaz.population(None) is None
    gaz.add(name="Beta", kind=Kind.CITY, country="XX", admin1=None, lat=2.0, lon=2.0, population=70, geonameid=12)
    assert gaz.population(12) == 70  # an entry added after a lookup is found too
