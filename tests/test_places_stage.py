"""The places stage on a small fixture gazetteer: tables of mentions per language, resolution and picking."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest
import yaml

from eventcoder.geo.gazetteer import Gazetteer, Kind
from eventcoder.lang import load_section
from eventcoder.mentions import PlaceMention, Sentence
from eventcoder.model import Document, PlacePrecision
from eventcoder.pipeline import Analysis, Pipeline, PipelineError
from eventcoder.stages.places import find_places, pick_event_place

DATA = Path(__file__).parent / "data" / "geo" / "gazetteer.yaml"


@cache
def fixture_gazetteer() -> Gazetteer:
    return Gazetteer.from_entries(yaml.safe_load(DATA.read_text(encoding="utf-8")))


def analyse(text: str, lang: str) -> Analysis:
    doc = Document(id="t", text=text, lang=lang)
    sentences = []
    start = 0
    for m in re.finditer(r"(?<=[.!?])\s+|$", text):
        if m.start() > start:
            sentences.append(Sentence(span=doc.span(start, m.start()), index=len(sentences)))
        start = m.end()
    return Analysis(document=doc, lang=lang, sentences=tuple(sentences))


def places_in(text: str, lang: str) -> tuple[PlaceMention, ...]:
    return find_places(analyse(text, lang), gazetteer=fixture_gazetteer())


def first_resolved(text: str, lang: str, mention: str) -> PlaceMention:
    found = [m for m in places_in(text, lang) if m.span.text == mention]
    assert found, f"no mention {mention!r} in {[m.span.text for m in places_in(text, lang)]}"
    return found[0]


# (sentence, mention text, country, precision, place name)
NB = [
    ("Talibans angrep i Kabul drepte fem.", "Kabul", "AF", "town", "Kabul"),
    ("Kabuls politi meldte om skudd.", "Kabuls", "AF", "town", "Kabul"),
    ("IS-krigere angrep Ghwayran-fengselet i Hasakeh torsdag.", "Ghwayran-fengselet", "SY", "site", "Al Ḩasakah"),
    ("Kampene i Idlib-provinsen fortsatte.", "Idlib-provinsen", "SY", "admin1", "Idlib"),
    ("En bombe eksploderte nord for Bagdad søndag.", "nord for Bagdad", "IQ", "near_town", "Baghdad"),
    ("Israelske fly angrep mål på Gazastripen.", "Gazastripen", "PS", "region", "Gaza Strip"),
    ("Raketter traff Kharkiv-regionen i natt.", "Kharkiv-regionen", "UA", "admin1", "Kharkiv"),
    ("Syriske styrker rykket fram mot Homs.", "Homs", "SY", "town", "Homs"),
    ("Angrepet skjedde i Syria i fjor.", "Syria", "SY", "country", "Syria"),
    ("Et skip sank i Svartehavet.", "Svartehavet", None, "water", "Black Sea"),
    ("Russiske styrker beskjøt Zaporizjzja.", "Zaporizjzja", "UA", "town", "Zaporizhzhia"),
]
NN = [
    ("Fleire vart drepne i Kabul måndag.", "Kabul", "AF", "town", "Kabul"),
    ("Israelske fly angreip mål på Gazastripa.", "Gazastripa", "PS", "region", "Gaza Strip"),
    ("Kampane i Idlib-provinsen heldt fram.", "Idlib-provinsen", "SY", "admin1", "Idlib"),
    ("Ein bombe gjekk av nord for Bagdad.", "nord for Bagdad", "IQ", "near_town", "Baghdad"),
]
EN = [
    ("Fighting raged in Kunduz province on Monday.", "Kunduz province", "AF", "admin1", "Kunduz"),
    ("A car bomb exploded near Mogadishu.", "near Mogadishu", "SO", "near_town", "Mogadishu"),
    ("Air strikes hit the Gaza Strip overnight.", "Gaza Strip", "PS", "region", "Gaza Strip"),
    ("Cadets died at the military academy in Homs.", "academy in Homs", "SY", "site", "Homs"),
    ("Ukrainian troops left Pokrovsk.", "Pokrovsk", "UA", "town", "Pokrovsk"),
    ("Shelling hit Rafah in the south.", "Rafah", "PS", "town", "Rafaḩ"),
    ("Clashes erupted in Deir al-Zour.", "Deir al-Zour", "SY", "town", "Deir ez-Zor"),
    ("The Taliban attacked a checkpoint in Qandahar.", "checkpoint in Qandahar", "AF", "site", "Kandahār"),
    ("Fighters fled to Qandahar.", "Qandahar", "AF", "town", "Kandahār"),
    ("Police raided homes in Sadr City.", "Sadr City", "IQ", "town", "Sadr City"),
]


@pytest.mark.parametrize(("lang", "row"), [("nb", r) for r in NB] + [("nn", r) for r in NN] + [("en", r) for r in EN])
def test_mention_table(lang: str, row: tuple[str, str, str | None, str, str]) -> None:
    text, mention, country, precision, name = row
    m = first_resolved(text, lang, mention)
    assert m.place is not None
    assert (m.place.country, m.place.precision.value, m.place.name) == (country, precision, name)
    assert m.place.span == m.span and m.span.text == text[m.span.start : m.span.end]
    assert m.place.text == mention and m.place.lat is not None


def test_context_picks_egypt_for_rafah_in_sinai() -> None:
    text = "Egyptian troops were attacked west of Rafah in Egypt. Egypt said four soldiers died."
    m = first_resolved(text, "en", "west of Rafah")
    assert m.place is not None and m.place.country == "EG"


def test_sentence_initial_common_words_are_not_places() -> None:
    found = places_in("Over 100 krigere angrep byen. Sand og stein dekket veien.", "nb")
    assert found == ()


def test_unknown_site_without_a_town_is_unresolved() -> None:
    found = places_in("Vaktene forlot Ghwayran-fengselet.", "nb")
    assert [(m.span.text, m.place) for m in found] == [("Ghwayran-fengselet", None)]


def test_small_foreign_namesake_is_not_chosen() -> None:
    m = first_resolved("Afghan forces retook Kabul on Friday.", "en", "Kabul")
    assert m.place is not None and m.place.country == "AF"


# Weakly read names need support; what the words around a name say about it. (text, lang, mention, expected
# (country, precision, name) or None for "no place")
READINGS = [
    # a piece of a longer capitalised name is no place of its own outside the text's countries
    ("Police fired at a mosque in Khartoum. Hamar Weyne was calm.", "en", "Hamar", None),
    ("Supporters of the National Congress Party marched in Khartoum.", "en", "Congress", None),
    ("The mayor of the town, Hassan Dabouq, was shot in Khartoum.", "en", "Hassan", None),
    # a bare first word of a sentence cannot vouch for itself with its own candidates' country
    ("Kabul ble angrepet. Ahmadi bekrefter at det var Taliban.", "nb", "Ahmadi", None),
    # acronyms are weak too, but a big dateline city stays
    ("KABUL (Reuters) - NATO said the Taliban attacked Kunduz.", "en", "KABUL", ("AF", "town", "Kabul")),
    # an area right after a place it holds is read as that area
    ("The Taliban attacked a post in Imam Sahib district, Kunduz.", "en", "Kunduz", ("AF", "admin1", "Kunduz")),
    (
        "The Taliban attacked a post in Imam Sahib district, Kunduz.",
        "en",
        "Imam Sahib district",
        ("AF", "near_town", "Imām Şāḩib"),
    ),
    # the slot closing an apposition after a village names its province; a namesake village elsewhere is dropped
    ("Rebels fired mortars near Orikhove, Luhansk.", "en", "Luhansk", ("UA", "admin1", "Luhansk")),
    ("Rebels fired mortars near Orikhove, Luhansk.", "en", "near Orikhove", None),
    # "(District, X)" closing an ACLED note: X is the province holding the village when there is one, not the
    # country of that name, even past a district not read; the village is then read inside it
    ("Gunmen attacked Kagara (Rafi LGA, Niger).", "en", "Niger", ("NG", "admin1", "Niger")),
    ("Gunmen attacked Kagara (Rafi LGA, Niger).", "en", "Kagara", ("NG", "town", "Kagara")),
    ("Væpnede menn angrep Kagara (Rafi, Niger).", "nb", "Kagara", ("NG", "town", "Kagara")),
    ("Gunmen attacked Kagara, Niger.", "en", "Niger", ("NG", "admin1", "Niger")),
    ("Gunmen attacked Ayorou (Tillaberi region, Niger).", "en", "Niger", ("NE", "country", "Niger")),
    # past a district not read, only a namesake far from the province is dropped: GeoNames may give a town's
    # province from before a boundary change (Burgersfort, now in Limpopo)
    ("Gunmen attacked Buruku (Chikun, Kaduna).", "en", "Buruku", None),
    ("Police in Burgersfort (Sekhukhune, Limpopo) beat a man.", "en", "Burgersfort", ("ZA", "town", "Burgersfort")),
    # a country's own name beats a namesake village of the text's country
    ("Russland angrep Ukraina. Moldova stengte luftrommet.", "nb", "Moldova", ("MD", "country", "Moldova")),
    # the genitive of a country is the country, not a namesake "Malis"
    ("Jihadists attacked a village near Mali's border.", "en", "near Mali's", ("ML", "country", "Mali")),
    # a part of a town resolves only to a namesake near a town the text names
    ("In Niteroi, police raided the Trindade community.", "en", "Trindade community", None),
    # the area slot may follow a word for the kind of place, and pass over a country between them
    ("Forces clashed in Hays city (Al Hudaydah).", "en", "Al Hudaydah", ("YE", "admin1", "Al Hudaydah")),
    (
        "Forces clashed in Hays district in western Yemen (Al Hudaydah).",
        "en",
        "Al Hudaydah",
        ("YE", "admin1", "Al Hudaydah"),
    ),
    # a near phrase right after a district only says where that district lies
    ("Air raids hit Majzar district west of Marib city (Marib).", "en", "west of Marib", None),
    ("Air raids hit Majzar district west of Marib city (Marib).", "en", "Majzar district", ("YE", "admin2", "Majzar")),
    # a demonym before a province word names the province ("Somali region" of Ethiopia)
    ("Inter-clan violence erupted in Afdere zone (Somali region).", "en", "Somali region", ("ET", "admin1", "Somali")),
    # a province written right after its town does not make the town part of a longer name
    ("In Tijuana Baja California, a man was found dead.", "en", "Tijuana", ("MX", "town", "Tijuana")),
    # a village named as lying in a district is not a namesake far from the district's seat
    ("Militants attacked Deh-e Now area of Mohammad Agha district, Logar.", "en", "Deh-e Now", None),
    (
        "Militants attacked Deh-e Now area of Mohammad Agha district, Logar.",
        "en",
        "Mohammad Agha district",
        ("AF", "near_town", "Muḩammad Āghah Wuluswālī"),
    ),
    # a part of a country is a region
    (
        "A missile was fired toward southern Saudi Arabia.",
        "en",
        "southern Saudi Arabia",
        ("SA", "region", "Saudi Arabia (south)"),
    ),
    ("Angrepet skjedde i Nord-Syria.", "nb", "Nord-Syria", ("SY", "region", "Syria (north)")),
    ("Kampene fortsatte nord i Syria.", "nb", "nord i Syria", ("SY", "region", "Syria (north)")),
    # a demonym before a word for towns names that country's towns: the country is the place
    ("Krigere tok seg inn i ukrainske byer.", "nb", "ukrainske byer", ("UA", "country", "Ukraine")),
    ("Raketter traff syriske landsbyer langs grensen.", "nb", "syriske landsbyer", ("SY", "country", "Syria")),
    ("Militants raided Syrian border towns overnight.", "en", "Syrian border towns", ("SY", "country", "Syria")),
    ("Drones struck Ukrainian cities.", "en", "Ukrainian cities", ("UA", "country", "Ukraine")),
]


@pytest.mark.parametrize(
    ("text", "lang", "places"),
    [
        ("Syriske soldater ble drept i Homs.", "nb", ["Homs"]),  # people, not towns
        ("Ukrainian troops left Pokrovsk.", "en", ["Pokrovsk"]),
        ("Syrian cities-based groups met in Homs.", "en", ["Homs"]),  # the town word must end there
    ],
)
def test_a_demonym_without_a_town_word_is_no_place(text: str, lang: str, places: list[str]) -> None:
    assert [m.span.text for m in places_in(text, lang)] == places


def test_a_weapon_system_is_no_place() -> None:
    # "Iron Dome" is Israel's air defence, not the village of 'En 'Iron
    assert [m.span.text for m in places_in("Iron Dome shot down most of the rockets over Syria.", "en")] == ["Syria"]


@pytest.mark.parametrize(("text", "lang", "mention", "expected"), READINGS)
def test_readings(text: str, lang: str, mention: str, expected: tuple[str, str, str] | None) -> None:
    found = [m for m in places_in(text, lang) if m.span.text == mention]
    if expected is None:
        assert all(m.place is None for m in found), [(m.span.text, m.place) for m in found]
        return
    assert found, [m.span.text for m in places_in(text, lang)]
    place = found[0].place
    assert place is not None and (place.country, place.precision.value, place.name) == expected


def test_a_text_without_a_known_place_gets_its_cues_country() -> None:
    found = places_in("On 28 April 2020, Ukrainian soldiers reported 3 explosions near Pyshchevyk.", "en")
    resolved = [m for m in found if m.place is not None]
    assert [(m.span.text, m.place.country, m.place.precision.value) for m in resolved if m.place] == [
        ("Ukrainian", "UA", "country")
    ]
    # a text that names a place keeps it: the cues only add context
    found = places_in("The OSCE SMM observed explosions near Kharkiv.", "en")
    assert [m.span.text for m in found if m.place is not None] == ["near Kharkiv"]


def test_a_part_of_a_country_lies_where_its_towns_are() -> None:
    place = first_resolved("A missile was fired toward southern Saudi Arabia.", "en", "southern Saudi Arabia").place
    assert place is not None and place.lat is not None and place.lat < 20  # among Abha and Jizan, not Riyadh


def test_a_front_line_village_beats_a_larger_namesake() -> None:
    place = first_resolved("The OSCE SMM observed explosions near Vesele.", "en", "near Vesele").place
    assert place is not None and place.admin1 == "Donetsk"


def test_an_unknown_village_of_a_province_at_war_lies_at_its_front() -> None:
    place = first_resolved("Rebels fired mortars near Orikhove, Luhansk.", "en", "Luhansk").place
    assert place is not None and place.precision is PlacePrecision.ADMIN1
    assert place.lon is not None and place.lon < 39.0  # the line of contact west of the province's towns
    # a province named for itself keeps its centre
    place = first_resolved("Shelling was reported in Luhansk province.", "en", "Luhansk province").place
    assert place is not None and place.lon == pytest.approx(39.0)


@pytest.mark.parametrize(
    ("text", "lang", "mention"),
    [
        ("A bomb exploded at a base north of Baghdad.", "en", "north of Baghdad"),
        ("En bombe eksploderte nord for Bagdad søndag.", "nb", "nord for Bagdad"),
    ],
)
def test_a_place_north_of_a_town_lies_north_of_it(text: str, lang: str, mention: str) -> None:
    place = first_resolved(text, lang, mention).place
    assert place is not None and place.precision is PlacePrecision.NEAR_TOWN and place.name == "Baghdad"
    assert place.lat == pytest.approx(33.34 + 50 / 111, abs=0.01) and place.lon == pytest.approx(44.40)


def test_near_a_town_is_at_the_town() -> None:
    place = first_resolved("A car bomb exploded near Mogadishu.", "en", "near Mogadishu").place
    assert place is not None and (place.lat, place.lon) == (2.04, 45.34)


def test_the_seat_of_a_same_name_district_wins_in_its_province() -> None:
    place = first_resolved("Police clashed with gunmen in El Salto, Jalisco.", "en", "El Salto").place
    assert place is not None and place.lon == pytest.approx(-103.18)


def test_a_dateline_is_marked() -> None:
    found = places_in("KABUL (Reuters) - Gunmen attacked a checkpoint in Kunduz.", "en")
    assert [(m.span.text, m.dateline) for m in found] == [("KABUL", True), ("checkpoint in Kunduz", False)]
    found = places_in("KHARTOUM, Sept 21 At least six died in Kabul.", "en")
    assert found[0].dateline and not found[-1].dateline


def test_pick_event_place_prefers_specific_mention_in_sentence() -> None:
    text = "Afghanistan er urolig. Talibanstyrker angrep en post i Kunduz-provinsen nær Kabul. Kaboul er stille."
    a = analyse(text, "nb")
    mentions = find_places(a, gazetteer=fixture_gazetteer())
    anchor = text.index("angrep")
    picked = pick_event_place(mentions, anchor=anchor, sentences=a.sentences)
    assert picked is not None and picked.span.text == "nær Kabul"
    assert picked.place is not None and picked.place.precision is PlacePrecision.NEAR_TOWN


def test_pick_event_place_falls_back_to_nearest_then_country() -> None:
    text = "Kampene i Idlib fortsatte. Mange ble drept."
    a = analyse(text, "nb")
    mentions = find_places(a, gazetteer=fixture_gazetteer())
    picked = pick_event_place(mentions, anchor=text.index("drept"), sentences=a.sentences)
    assert picked is not None and picked.span.text == "Idlib"
    only_country = analyse("Syria er i krig. Mange ble drept.", "nb")
    ms = find_places(only_country, gazetteer=fixture_gazetteer())
    chosen = pick_event_place(ms, anchor=only_country.document.text.index("drept"), sentences=only_country.sentences)
    assert chosen is not None and chosen.place is not None and chosen.place.precision is PlacePrecision.COUNTRY
    assert pick_event_place((), anchor=0) is None


def test_fixture_lookup_and_kinds() -> None:
    gaz = fixture_gazetteer()
    kinds = {gaz.entry(i).kind for i in gaz.lookup("kunduz")}
    assert kinds == {Kind.CITY, Kind.ADMIN1}
    assert {gaz.entry(i).name for i in gaz.lookup_fuzzy("hasakeh")} == {"Al Ḩasakah", "Al-Hasakah"}
    assert gaz.entry(gaz.lookup_country("SY")[0]).name == "Syria"


@pytest.mark.parametrize("lang", ["nb", "nn", "en"])
def test_language_data_passes_schema(lang: str) -> None:
    data = load_section(lang, "places")
    assert data["demonyms"] and data["site_words"] and data["near_phrases"]


def test_stage_declares_its_layers() -> None:
    with pytest.raises(PipelineError, match="reads"):
        Pipeline.from_names(["places"])  # reads sentences, which no earlier stage adds


# (text, lang, mention): a village near which a front's monitors saw fire, unknown to the gazetteer or known only as a
# small namesake far from the fighting, lies on that front
ON_THE_FRONT = [
    ("On 3 May the OSCE SMM observed 12 explosions near Pyshchevyk.", "en", "Pyshchevyk"),
    ("The OSCE SMM recorded 7 shots near Viktorivka.", "en", "near Viktorivka"),
    ("OSCE SMM registrerte tolv eksplosjoner nær Pysjtsjevyk.", "nb", "Pysjtsjevyk"),
    ("OSCE SMM registrerte sju skudd nær Viktorivka.", "nb", "nær Viktorivka"),
]


@pytest.mark.parametrize(("text", "lang", "mention"), ON_THE_FRONT)
def test_a_village_the_front_monitors_name_lies_on_the_front(text: str, lang: str, mention: str) -> None:
    place = first_resolved(text, lang, mention).place
    assert place is not None and place.country == "UA" and place.precision is PlacePrecision.REGION
    assert place.lat is not None and place.lon is not None
    assert 47.0 <= place.lat <= 49.0 and 37.5 <= place.lon <= 39.5


def test_without_the_monitors_a_namesake_stays_where_it_is() -> None:
    place = first_resolved("Shots were heard near Viktorivka.", "en", "near Viktorivka").place
    assert place is not None and place.admin1 == "Odessa"


# (text, lang, mention, precision, name): the slot after a village the gazetteer does not know names its province
UNKNOWN_VILLAGE_PROVINCE = [
    ("Rebels fired mortars near Starohnativka, Donetsk.", "en", "Donetsk", "admin1", "Donetsk"),
    ("Opprørere skjøt med granatkastere nær Starohnativka, Donetsk.", "nb", "Donetsk", "admin1", "Donetsk"),
    ("A body was found in Mojolo Sinaloa, police said.", "en", "Sinaloa", "admin1", "Sinaloa"),
    # the province of a country the text is not about is no reading of the slot: Tunisia's Béja, not Portugal's
    ("Residents protested in Nafza (Nefza, Beja) for water.", "en", "Beja", "town", "Béja"),
]


@pytest.mark.parametrize(("text", "lang", "mention", "precision", "name"), UNKNOWN_VILLAGE_PROVINCE)
def test_the_slot_after_an_unknown_village_names_its_province(
    text: str, lang: str, mention: str, precision: str, name: str
) -> None:
    place = first_resolved(text, lang, mention).place
    assert place is not None and (place.precision.value, place.name) == (precision, name)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Fire was reported near Viktorivka, Donetsk. Monitors counted 40 shots near Viktorivka.", "en"),
        ("Det ble skutt nær Viktorivka, Donetsk. Observatørene telte 40 skudd nær Viktorivka.", "nb"),
    ],
)
def test_a_namesake_dropped_for_its_province_is_dropped_where_the_name_returns(text: str, lang: str) -> None:
    found = [m for m in places_in(text, lang) if "Viktorivka" in m.span.text]
    assert len(found) == 2 and all(m.place is None for m in found), [(m.span.text, m.place) for m in found]


# (text, lang, whether the namesake elsewhere is dropped): the province slot may close the clause and the sentence go
# on in small letters after a comma; a list of places going on is no apposition
APPOSITION_BEFORE_A_COMMA = [
    ("Shots were fired near Viktorivka, Donetsk, the army said.", "en", True),
    ("Det ble skutt nær Viktorivka, Donetsk, opplyste hæren.", "nb", True),
    ("Shots were fired near Viktorivka, Donetsk and Kharkiv.", "en", False),
]


@pytest.mark.parametrize(("text", "lang", "dropped"), APPOSITION_BEFORE_A_COMMA)
def test_a_province_slot_may_end_before_a_comma(text: str, lang: str, dropped: bool) -> None:
    (village,) = [m for m in places_in(text, lang) if "Viktorivka" in m.span.text]
    assert (village.place is None) is dropped, village.place


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Residents protested in Viktorivka (eKhorivka, Donetsk) on Monday.", "en"),
        ("Innbyggere demonstrerte i Viktorivka (eKhorivka, Donetsk) mandag.", "nb"),
    ],
)
def test_a_district_slot_written_with_a_small_first_letter_still_names_a_district(text: str, lang: str) -> None:
    # "Chatsworth (eThekwini, KwaZulu-Natal)": the province closes the brackets, the namesake elsewhere is dropped
    found = places_in(text, lang)
    assert all(m.place is None for m in found if "Viktorivka" in m.span.text), found
    assert [m.place.precision.value for m in found if m.place is not None and m.span.text == "Donetsk"] == ["admin1"]
