"""The actors stage alone: per-language tables of the actor mentions found in a text (name and text)."""

from __future__ import annotations

import pytest

from eventcoder.model import Document
from eventcoder.pipeline import Analysis
from eventcoder.stages.actors import actor_name, actors


def mentions(text: str, lang: str) -> list[tuple[str, str]]:
    analysis = actors(Analysis(document=Document(id="t", text=text, lang=lang), lang=lang))
    return [(m.actor.name, m.span.text) for m in analysis.actors]


# (lang, text) -> (actor name, mention text) in text order; "{country}" stays until assembly knows the place
MENTIONS = [
    # a generic armed noun right after a named group is that group
    ("en", "Taliban militants attacked a checkpoint.", [("Taliban", "Taliban militants")]),
    ("nb", "IS-krigere og Hamas-krigere", [("Islamic State", "IS-krigere"), ("Hamas", "Hamas-krigere")]),
    # state forces without a demonym belong to the one country named so far
    (
        "en",
        "Israeli forces fired rubber bullets. Soldiers also shot water hoses.",
        [("Military Forces of Israel", "Israeli forces"), ("Military Forces of Israel", "Soldiers")],
    ),
    (
        "nb",
        "Russiske styrker rykket fram. Soldatene skjøt mot byen.",
        [("Military Forces of Russia", "Russiske styrker"), ("Military Forces of Russia", "Soldatene")],
    ),
    # ... but not when two countries' forces have been named
    (
        "en",
        "Russian troops and Ukrainian troops clashed. Soldiers died.",
        [
            ("Military Forces of Russia", "Russian troops"),
            ("Military Forces of Ukraine", "Ukrainian troops"),
            ("Military Forces of {country}", "Soldiers"),
        ],
    ),
    # "anti-Houthi" forces are not the Houthis
    (
        "en",
        "anti-Houthi National Resistance forces shelled pro-Houthi forces",
        [
            ("National Resistance Forces", "anti-Houthi National Resistance forces"),
            ("Military Forces of Yemen (2016-) Supreme Political Council", "pro-Houthi forces"),
        ],
    ),
    # the longest demonym ending last names the country ("South Sudanese", not "Sudanese")
    ("en", "South Sudanese soldiers", [("Military Forces of South Sudan", "South Sudanese soldiers")]),
    (
        "en",
        "the pro-Houthi air defence",
        [("Military Forces of Yemen (2016-) Supreme Political Council", "Houthi air defence")],
    ),
    ("en", "an attack on a police station", [("Police Forces of {country}", "police station")]),
    ("nb", "angrepet mot politihovedkvarteret", [("Police Forces of {country}", "politihovedkvarteret")]),
    (
        "nb",
        "Det ukrainske militæret sier luftvernet",
        [("Military Forces of Ukraine", "ukrainske militæret"), ("Military Forces of Ukraine", "luftvernet")],
    ),
    (
        "nb",
        "Houthiene, Hamas, Hizbollah, Taliban og al-Shabaab",
        [
            ("Military Forces of Yemen (2016-) Supreme Political Council", "Houthiene"),
            ("Hamas", "Hamas"),
            ("Hezbollah", "Hizbollah"),
            ("Taliban", "Taliban"),
            ("Al Shabaab", "al-Shabaab"),
        ],
    ),
    ("nn", "iranskstøtta militsar", [("Pro-Iranian Militia (Syria)", "iranskstøtta militsar")]),
    ("en", "Boko Haram/IS claimed", [("Boko Haram", "Boko Haram/IS")]),
    ("en", "Mayi Mayi militiamen", [("Mayi Mayi Militia", "Mayi Mayi militiamen")]),
    ("en", "a security personnel commander", [("Military Forces of {country}", "security personnel")]),
    ("en", "two groups clashed", [("Rioters ({country})", "two groups")]),
    ("nb", "en mobb angrep", [("Rioters ({country})", "mobb")]),
    # "angriper" alone is the verb ("they attack"); the noun is definite, plural or after "en"
    ("nb", "De angriper i natt.", []),
    ("nb", "Særlig angriper de sykehus.", []),
    (
        "nb",
        "Angriperen ble skutt, og to angripere flyktet.",
        [("Unidentified Armed Group ({country})", "Angriperen"), ("Unidentified Armed Group ({country})", "angripere")],
    ),
    # the targets a state's enemy strikes are its forces' positions
    ("nb", "ødela 21 syriske mål", [("Military Forces of Syria", "syriske mål")]),
    # a border crossing or post is held by the state's forces
    ("nb", "angrep grenseovergangen i sør", [("Military Forces of {country}", "grenseovergangen")]),
    ("en", "attacked the border crossing", [("Military Forces of {country}", "border crossing")]),
]

# an identity militia the text names by its ethnic group, community or tribe takes that name (ACLED style)
GROUP_MILITIAS = [
    ("en", "Dogon militiamen raided a hamlet.", [("Dogon Ethnic Militia ({country})", "Dogon militiamen")]),
    ("en", "armed Peul herders opened fire", [("Fulani Ethnic Militia ({country})", "armed Peul herders")]),
    (
        "en",
        "youths from the Bobo community beat a trader",
        [("Bobo Ethnic Militia ({country})", "youths from the Bobo community"), ("Civilians ({country})", "trader")],
    ),
    ("en", "militias from Akpoga burnt houses", [("Akpoga Communal Militia ({country})", "militias from Akpoga")]),
    ("en", "Local militias burnt houses", [("Unidentified Armed Group ({country})", "militias")]),
    ("en", "Later Bani Saad tribesmen fled.", [("Bani Saad Tribal Militia ({country})", "Bani Saad tribesmen")]),
    ("en", "Yemeni tribesmen fled.", [("Unidentified Tribal Militia ({country})", "tribesmen")]),
    # a later unnamed militia of the same kind is the group named before it
    (
        "en",
        "Al Zaid tribesmen seized a road. Tribesmen also held a hill.",
        [
            ("Al Zaid Tribal Militia ({country})", "Al Zaid tribesmen"),
            ("Al Zaid Tribal Militia ({country})", "Tribesmen"),
        ],
    ),
    ("nb", "Bevæpnede fulani-gjetere drepte ti.", [("Fulani Ethnic Militia ({country})", "Bevæpnede fulani-gjetere")]),
    ("nb", "Militser fra Akpoga brant hus.", [("Akpoga Communal Militia ({country})", "Militser fra Akpoga")]),
    ("nn", "Dogon-militsar drap ti.", [("Dogon Ethnic Militia ({country})", "Dogon-militsar")]),
    ("nn", "Militsar frå Akpoga brann hus.", [("Akpoga Communal Militia ({country})", "Militsar frå Akpoga")]),
]


@pytest.mark.parametrize(("lang", "text", "expected"), GROUP_MILITIAS)
def test_group_militias(lang: str, text: str, expected: list[tuple[str, str]]) -> None:
    assert mentions(text, lang) == expected


@pytest.mark.parametrize(("lang", "text", "expected"), MENTIONS)
def test_mentions(lang: str, text: str, expected: list[tuple[str, str]]) -> None:
    assert mentions(text, lang) == expected


@pytest.mark.parametrize(
    ("template", "iso", "expected"),
    [
        ("Civilians ({country})", "PH", "Civilians (Philippines)"),
        ("Police Forces of {country}", "PH", "Police Forces of the Philippines"),
        ("Civilians ({country})", "TT", "Civilians (Trinidad and Tobago)"),
        ("Police Forces of {country}", "CD", "Police Forces of the Democratic Republic of Congo"),
        ("Civilians ({country})", "CD", "Civilians (Democratic Republic of Congo)"),
        ("Military Forces of {country}", None, "Military Forces"),
        ("Civilians ({country})", None, "Civilians"),
        ("Taliban", "AF", "Taliban"),
    ],
)
def test_actor_name(template: str, iso: str | None, expected: str) -> None:
    assert actor_name(template, iso) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Russian drones hit Kharkiv. Ukraine's air force shot down most of them.", "Military Forces of Ukraine"),
        (
            "nb",
            "Russiske droner traff Kharkiv. Ukrainas luftforsvar skjøt ned de fleste.",
            "Military Forces of Ukraine",
        ),
    ],
)
def test_a_country_named_right_before_forces_owns_them(lang: str, text: str, expected: str) -> None:
    # whatever forces the text named before ("Russian drones")
    from eventcoder.pipeline import Pipeline

    analysis = Pipeline.from_names(["segment", "places", "actors"]).analyse(
        Document(id="t", text=text, lang=lang), lang=lang
    )
    assert [m.actor.name for m in analysis.actors][-1] == expected
