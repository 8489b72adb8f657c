"""Precision codes of the anchor datasets, derived from the EVENTS.md place and date precisions.

ACLED `geo_precision`: 1 the named town or site, 2 near a town or within a district, 3 a larger region (the
province, the country) whose centre or capital stands for the place.  UCDP GED `where_prec`: 1 exact place,
2 within about 25 km, 3 second-order administrative unit, 4 first-order unit, 5 a part of the country larger
than a province, 6 the whole country, 7 international waters or airspace.  ACLED `time_precision`: 1 the day,
2 a range of days or the week, 3 the month or longer.  UCDP `date_prec`: 1 the day, 2 two to six days, 3 the
week, 4 the month, 5 longer.
"""

from __future__ import annotations

from eventcoder.model import DatePrecision, PlacePrecision

__all__ = [
    "ACLED_GEO_PRECISION",
    "UCDP_DATE_PREC",
    "UCDP_WHERE_PREC",
    "acled_geo_precision",
    "acled_time_precision",
    "ucdp_date_prec",
    "ucdp_where_prec",
]

ACLED_GEO_PRECISION: dict[PlacePrecision, int] = {
    PlacePrecision.SITE: 1,
    PlacePrecision.TOWN: 1,
    PlacePrecision.NEAR_TOWN: 2,
    PlacePrecision.ADMIN2: 2,
    PlacePrecision.ADMIN1: 3,
    PlacePrecision.REGION: 3,
    PlacePrecision.COUNTRY: 3,
    PlacePrecision.WATER: 3,
}

UCDP_WHERE_PREC: dict[PlacePrecision, int] = {
    PlacePrecision.SITE: 1,
    PlacePrecision.TOWN: 1,
    PlacePrecision.NEAR_TOWN: 2,
    PlacePrecision.ADMIN2: 3,
    PlacePrecision.ADMIN1: 4,
    PlacePrecision.REGION: 5,
    PlacePrecision.COUNTRY: 6,
    PlacePrecision.WATER: 7,
}

_ACLED_TIME: dict[DatePrecision, int] = {
    DatePrecision.DAY: 1,
    DatePrecision.DAYS: 2,
    DatePrecision.WEEK: 2,
    DatePrecision.MONTH: 3,
    DatePrecision.YEAR: 3,
}

UCDP_DATE_PREC: dict[DatePrecision, int] = {
    DatePrecision.DAY: 1,
    DatePrecision.DAYS: 2,
    DatePrecision.WEEK: 3,
    DatePrecision.MONTH: 4,
    DatePrecision.YEAR: 5,
}


def acled_geo_precision(precision: PlacePrecision | None) -> int | None:
    return None if precision is None else ACLED_GEO_PRECISION[precision]


def ucdp_where_prec(precision: PlacePrecision | None) -> int | None:
    return None if precision is None else UCDP_WHERE_PREC[precision]


def acled_time_precision(precision: DatePrecision | None) -> int | None:
    return None if precision is None else _ACLED_TIME[precision]


def ucdp_date_prec(precision: DatePrecision | None) -> int | None:
    return None if precision is None else UCDP_DATE_PREC[precision]
