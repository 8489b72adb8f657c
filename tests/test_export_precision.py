"""Place precision -> ACLED geo_precision and UCDP where_prec, one row per precision."""

from __future__ import annotations

import pytest

from eventcoder.export.precision import acled_geo_precision, ucdp_where_prec
from eventcoder.model import PlacePrecision

# (precision, ACLED geo_precision, UCDP where_prec)
TABLE = [
    (PlacePrecision.SITE, 1, 1),
    (PlacePrecision.TOWN, 1, 1),
    (PlacePrecision.NEAR_TOWN, 2, 2),
    (PlacePrecision.ADMIN2, 2, 3),
    (PlacePrecision.ADMIN1, 3, 4),
    (PlacePrecision.REGION, 3, 5),
    (PlacePrecision.COUNTRY, 3, 6),
    (PlacePrecision.WATER, 3, 7),
]


@pytest.mark.parametrize(("precision", "acled", "ucdp"), TABLE)
def test_precision_codes(precision: PlacePrecision, acled: int, ucdp: int) -> None:
    assert acled_geo_precision(precision=precision) == acled
    assert ucdp_where_prec(precision=precision) == ucdp


def test_every_precision_has_codes() -> None:
    assert {row[0] for row in TABLE} == set(PlacePrecision)
