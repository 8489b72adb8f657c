"""Place precision in the codes of the exports: ACLED `geo_precision` (1-3) and UCDP GED `where_prec` (1-7).

ACLED: 1 the event's own town (or a site in it), 2 near a town or within a district, 3 only a province, region or
country is known.  UCDP: 1 exact place, 2 within about 25 km of a known point, 3 second-order administrative
division, 4 first-order division, 5 a named part of a country larger than that (a region), 6 the country only,
7 international waters or airspace.
"""

from __future__ import annotations

from eventcoder.model import PlacePrecision

__all__ = ["acled_geo_precision", "ucdp_where_prec"]

_ACLED: dict[PlacePrecision, int] = {
    PlacePrecision.SITE: 1,
    PlacePrecision.TOWN: 1,
    PlacePrecision.NEAR_TOWN: 2,
    PlacePrecision.ADMIN2: 2,
    PlacePrecision.ADMIN1: 3,
    PlacePrecision.REGION: 3,
    PlacePrecision.COUNTRY: 3,
    PlacePrecision.WATER: 3,
}
_UCDP: dict[PlacePrecision, int] = {
    PlacePrecision.SITE: 1,
    PlacePrecision.TOWN: 1,
    PlacePrecision.NEAR_TOWN: 2,
    PlacePrecision.ADMIN2: 3,
    PlacePrecision.ADMIN1: 4,
    PlacePrecision.REGION: 5,
    PlacePrecision.COUNTRY: 6,
    PlacePrecision.WATER: 7,
}


def acled_geo_precision(*, precision: PlacePrecision) -> int:
    """ACLED's geo_precision (1 town, 2 near a town or district, 3 province or larger) of a place precision."""
    return _ACLED[precision]


def ucdp_where_prec(*, precision: PlacePrecision) -> int:
    """UCDP GED's where_prec (1 exact ... 6 country, 7 international waters) of a place precision."""
    return _UCDP[precision]
