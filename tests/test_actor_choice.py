"""Per-language example tables for the actors stage and the choice of actor1/actor2 at assembly.

Each row is one sentence written for these tests and the actors a careful ACLED coder writes for it.
"""

from __future__ import annotations

import pytest

from eventcoder.extraction import extract
from eventcoder.model import Event

# (lang, text, published) -> (actor1 name, actor2 name or None)
CHOICES = [
    # the group naming the event word ("a Saudi-led coalition air strike") did it, even when a time phrase ("on
    # Wednesday") stands before it and another group is named beside the event
    (
        "en",
        "At least 6 civilians were killed on Wednesday when a Saudi-led coalition air strike hit a house in "
        "Hodeidah. Fighter jets launched missiles at a palace occupied by the Houthi militia.",
        "2016-09-21",
        ("Operation Restoring Hope", "Civilians (Yemen)"),
    ),
    # the one named after "by" did it; the victims of the casualty figure are the second side
    (
        "en",
        "On 29 April 2020, 7 civilians were killed by a NATO airstrike in Chaghcharan, Ghor.",
        "2020-04-29",
        ("NATO: North Atlantic Treaty Organization", "Civilians (Afghanistan)"),
    ),
    (
        "en",
        "On 28 April 2020, in Palhano, Ceara, a man was shot to death by two armed men.",
        "2020-04-28",
        ("Unidentified Armed Group (Brazil)", "Civilians (Brazil)"),
    ),
    (
        "en",
        "On 8 May 2020, 8 Taliban militants were killed and 6 were wounded by Afghan military airstrikes in "
        "Maywand district, Kandahar.",
        "2020-05-08",
        ("Military Forces of Afghanistan", "Taliban"),
    ),
    # a listed victim ("... and pro-government militiamen were killed") is not the perpetrator
    (
        "en",
        "On 2 May 2020, 18 policemen and pro-government militiamen were killed in a gunbattle with insurgents in "
        "Ghor province, Afghanistan.",
        "2020-05-02",
        ("Unidentified Armed Group (Afghanistan)", "Police Forces of Afghanistan"),
    ),
    # the actor of the sentence before the casualty sentence, which reports no event of its own
    (
        "en",
        "On 28 April 2020, the NAF rebel forces fired heavy machine guns at the governmental positions near "
        "Starohnativka, Donetsk. During the day, one Ukrainian soldier was killed.",
        "2020-04-28",
        ("NAF: United Armed Forces of Novorossiya", "Military Forces of Ukraine"),
    ),
    # a demonym on the trigger names who struck, even when the victims are an armed side
    (
        "en",
        "Israeli airstrikes hit areas near Damascus early Monday, killing four Syrian soldiers.",
        "2020-05-04",
        ("Military Forces of Israel", "Military Forces of Syria"),
    ),
    # ACLED names of Yemen's parties
    (
        "en",
        "On 30 April 2020, anti-Houthi National Resistance forces fired mortar shells at pro-Houthi forces in "
        "Hays district, Al Hudaydah.",
        "2020-04-30",
        ("National Resistance Forces", "Military Forces of Yemen (2016-) Supreme Political Council"),
    ),
    # those listed with the first actor are its side, not the second side
    (
        "en",
        "On 2 May 2020, Amajid Brigade and Southern Resistance fighters clashed with pro-Houthi forces in "
        "Mukayras, Al Bayda.",
        "2020-05-02",
        (
            "Military Forces of Yemen (2012-) Amajid Brigade",
            "Military Forces of Yemen (2016-) Supreme Political Council",
        ),
    ),
    (
        "nb",
        "Afghanske soldater og politifolk kjempet mot Taliban i Helmand.",
        "2020-05-02",
        ("Military Forces of Afghanistan", "Taliban"),
    ),
    # a named armed group that claims the deed is its author, not a neutral source
    (
        "en",
        "On 3 May 2020, anti-Houthi National Resistance forces claimed to have shelled pro-Houthi forces in "
        "Al Jabaliyah, Al Hudaydah.",
        "2020-05-03",
        ("National Resistance Forces", "Military Forces of Yemen (2016-) Supreme Political Council"),
    ),
    (
        "en",
        "On 28 April 2020, sixteen Saudi-led coalition air raids were reported on Sirwah district, Marib.",
        "2020-04-28",
        ("Operation Restoring Hope", None),
    ),
    (
        "nb",
        "Elleve krigere fra en iranskstøttet milits ble drept i et israelsk angrep i Palmyra i Syria.",
        "2024-11-21",
        ("Military Forces of Israel", "Pro-Iranian Militia (Syria)"),
    ),
    # the casualty figures name only civilians: an armed side named later in passing is not the target
    (
        "en",
        "On 19 July 2021, a suicide bomber blew himself up in a crowded market in Baghdad, killing 36 people. "
        "Iraqi security forces said the attack was carried out by the Islamic State.",
        "2021-07-19",
        ("Islamic State", "Civilians (Iraq)"),
    ),
    # an explosion that kills civilians without a named perpetrator: ACLED's unidentified armed group
    (
        "en",
        "On 1 May 2020, a bomb exploded in a market in Maiduguri, killing 3 civilians.",
        "2020-05-01",
        ("Unidentified Armed Group (Nigeria)", "Civilians (Nigeria)"),
    ),
    # an armed side that only suffers casualties: the attacker is ACLED's unidentified armed group
    (
        "nb",
        "Elleve algeriske soldater ble drept i et bakholdsangrep i Kabylie i Algerie lørdag.",
        "2020-05-02",
        ("Unidentified Armed Group (Algeria)", "Military Forces of Algeria"),
    ),
    # an unnamed attacker in an article whose first attack carries a demonym is that state's forces
    (
        "en",
        "Russian missile attacks hit Kharkiv. Later an attack on Kryvyi Rih killed one person, the mayor said.",
        "2023-01-15",
        ("Military Forces of Russia", None),
    ),
    # violence against civilians always has civilians as its second side
    (
        "en",
        "On 28 April 2020, unidentified gunmen attacked Udawa in Kaduna and abducted the village head.",
        "2020-04-28",
        ("Unidentified Armed Group (Nigeria)", "Civilians (Nigeria)"),
    ),
    # arrests and looting: civilians are the second side when no one else is named
    (
        "en",
        "On 1 May 2020, the police forces arrested a former minister in Freetown, Sierra Leone.",
        "2020-05-01",
        ("Police Forces of Sierra Leone", "Civilians (Sierra Leone)"),
    ),
    (
        "nb",
        "En veibombe drepte fire sivile i Kandahar mandag.",
        "2023-06-12",
        ("Unidentified Armed Group (Afghanistan)", "Civilians (Afghanistan)"),
    ),
    (
        "nb",
        "Fem sivile ble drept av IS-krigere i Hasakeh søndag.",
        "2022-01-23",
        ("Islamic State", "Civilians (Syria)"),
    ),
    (
        "nb",
        "Afghanske sikkerhetsstyrker drepte 12 Taliban-krigere i Helmand.",
        "2024-05-01",
        ("Military Forces of Afghanistan", "Taliban"),
    ),
    (
        "nb",
        "Houthiene skjøt en rakett mot Saudi-Arabia, og to sivile ble drept i Jizan.",
        "2024-05-01",
        ("Military Forces of Yemen (2016-) Supreme Political Council", "Civilians (Saudi Arabia)"),
    ),
    (
        "nb",
        "Hizbollah avfyrte raketter mot Nord-Israel, og to israelske soldater ble drept.",
        "2024-05-01",
        ("Hezbollah", "Military Forces of Israel"),
    ),
    (
        "nb",
        "Ukjente gjerningsmenn skjøt og drepte to politifolk i Peshawar i Pakistan.",
        "2024-05-01",
        ("Unidentified Armed Group (Pakistan)", "Police Forces of Pakistan"),
    ),
    (
        "nn",
        "Fem sivile vart drepne av Taliban i Kandahar søndag.",
        "2023-06-11",
        ("Taliban", "Civilians (Afghanistan)"),
    ),
]


def _main(events: list[Event]) -> Event:
    current = [e for e in events if not e.background]
    assert current, "expected an event"
    return current[0]


@pytest.mark.parametrize(("lang", "text", "published", "expected"), CHOICES)
def test_actor_choice(lang: str, text: str, published: str, expected: tuple[str, str | None]) -> None:
    event = _main(extract(text, published=published, lang=lang))
    got = (event.actor1.name if event.actor1 else None, event.actor2.name if event.actor2 else None)
    assert got == expected


# (lang, text, published) -> an actor name that one of the two sides must carry
NAMES = [
    (
        "en",
        "On 3 May 2020, 2 NDS members were shot and killed by unknown gunmen in Herat.",
        "2020-05-03",
        "Police Forces of Afghanistan (2014-) National Directorate of Security",
    ),
    (
        "en",
        "On 2 May 2020, Arbaki fighters shot and killed 3 civilians in Chimtal district, Balkh.",
        "2020-05-02",
        "Militia (Pro-Government)",
    ),
    (
        "en",
        "On 29 April 2020, Imbonerakure attacked and injured 2 CNL members in Rumonge.",
        "2020-04-29",
        "CNDD-FDD-Imbonerakure: National Council for the Defence of Democracy (Imbonerakure Faction)",
    ),
    (
        "en",
        "On 2 May 2020, in Feira de Santana, Bahia, a drug trafficker was killed after exchanging fire with "
        "military police forces.",
        "2020-05-02",
        "Military Forces of Brazil Military Police",
    ),
    (
        "en",
        "On 2 May 2020, in Feira de Santana, Bahia, a drug trafficker was killed after exchanging fire with "
        "military police forces.",
        "2020-05-02",
        "Unidentified Gang (Brazil)",
    ),
    (
        "en",
        "On 5 May 2020, residents pelted stones at police in Bhopal, Madhya Pradesh.",
        "2020-05-05",
        "Police Forces of India",
    ),
    (
        "en",
        "On 30 April 2020, unidentified tribesmen clashed in Lawdar district, Abyan, Yemen.",
        "2020-04-30",
        "Unidentified Tribal Militia (Yemen)",
    ),
    (
        "en",
        "On 4 May 2020, about 300 demonstrators marched in Santiago, Chile, against the government.",
        "2020-05-04",
        "Protesters (Chile)",
    ),
    (
        "en",
        "On 8 May 2020, two groups clashed over water rotation in Mirpurkhas, Pakistan, injuring 5 men.",
        "2020-05-08",
        "Rioters (Pakistan)",
    ),
    (
        "en",
        "On 5 May 2020, a mob beat up an ambulance driver in Santipur, West Bengal, India.",
        "2020-05-05",
        "Rioters (India)",
    ),
    ("nb", "En mobb angrep en politistasjon i Lahore i Pakistan lørdag.", "2020-05-02", "Rioters (Pakistan)"),
    (
        "en",
        "On 5 May 2020, a radio reporter was shot dead by unidentified assailants in Dumaguete, Philippines.",
        "2020-05-05",
        "Unidentified Armed Group (Philippines)",
    ),
    (
        "en",
        "On 2 May 2020, in Port of Spain, Trinidad and Tobago, a man was shot dead by armed men.",
        "2020-05-02",
        "Civilians (Trinidad and Tobago)",
    ),
    (
        "en",
        "On 4 May 2020, in Rio de Janeiro, Brazil, it was reported that a shoot-out took place in Gamboa.",
        "2020-05-04",
        "Unidentified Armed Group (Brazil)",
    ),
    (
        "en",
        "On 4 May 2020, unidentified individuals shot and killed an army officer in Lome, Togo.",
        "2020-05-04",
        "Unidentified Armed Group (Togo)",
    ),
    (
        "en",
        "On 30 April 2020, tens of locals demonstrated and blocked roads in Uvira, DR Congo. The police "
        "intervened to disperse the crowd.",
        "2020-04-30",
        "Police Forces of the Democratic Republic of Congo",
    ),
    ("nb", "Flere hundre demonstranter protesterte i Kabul lørdag.", "2020-05-02", "Protesters (Afghanistan)"),
    # ACLED names of well-known armed actors and state forces
    (
        "en",
        "On 2 May 2021, SSPDF soldiers clashed with NAS rebels near Yei, Central Equatoria, South Sudan.",
        "2021-05-02",
        "NAS: National Salvation Front",
    ),
    (
        "en",
        "On 2 May 2021, SSPDF soldiers clashed with NAS rebels near Yei, Central Equatoria, South Sudan.",
        "2021-05-02",
        "Military Forces of South Sudan",
    ),
    (
        "en",
        "On 2 May 2021, Al Shabaab fighters attacked an AMISOM base near Afgoye, Lower Shabelle, Somalia.",
        "2021-05-02",
        "AMISOM: African Union Mission in Somalia",
    ),
    (
        "en",
        "On 2 May 2021, KNLA troops exchanged fire with Myanmar military troops in Hpapun, Karen State.",
        "2021-05-02",
        "KNU/KNLA: Karen National Union/Karen National Liberation Army",
    ),
    (
        "en",
        "On 2 May 2021, militants attacked a CRPF patrol in Pulwama, Jammu and Kashmir, injuring two CRPF personnel.",
        "2021-05-02",
        "Police Forces of India Central Reserve Police Force",
    ),
    (
        "en",
        "On 2 May 2021, members of La Familia Michoacana shot dead two men in Tejupilco, Mexico state.",
        "2021-05-02",
        "La Familia Michoacana Cartel",
    ),
    # fighting between clans or cults that the text does not name: ACLED's unidentified clan and cult militias
    (
        "en",
        "On 2 May 2021, two people were killed in inter-clan fighting near Dhobley, Lower Juba, Somalia.",
        "2021-05-02",
        "Unidentified Clan Militia (Somalia)",
    ),
    (
        "en",
        "On 2 May 2021, rival cults clashed in Ughelli, Delta, Nigeria, killing one person.",
        "2021-05-02",
        "Unidentified Cult Militia (Nigeria)",
    ),
]


@pytest.mark.parametrize(("lang", "text", "published", "name"), NAMES)
def test_actor_names(lang: str, text: str, published: str, name: str) -> None:
    event = _main(extract(text, published=published, lang=lang))
    assert name in {a.name for a in (event.actor1, event.actor2) if a is not None}


def test_an_event_that_names_no_one_continues_the_sentence_before() -> None:
    # a new paragraph: in the same paragraph the arrest would be the aftermath of the clash, not its own event
    text = (
        "Fighting erupted in Deir Ez-Zor after the SDF clashed with the Deir Ez-Zor Military Council on Sunday.\n\n"
        "He was arrested along with some of his supporters."
    )
    events = extract(text, published="2023-08-28", lang="en")
    arrests = [e for e in events if e.sub_event_type == "Arrests"]
    assert arrests
    assert arrests[0].actor1 is not None and arrests[0].actor1.name == "Syrian Democratic Forces"


_UA = "Military Forces of Ukraine"
_NAF = "NAF: United Armed Forces of Novorossiya"

# (lang, text, published) -> (actor1, actor2): fire on the Donbas line of contact (2014-2022) that the text
# attributes to no one is fighting between its two sides; a side named as the one hit leaves the other as attacker
FRONT = [
    ("en", "On 3 June 2019, the OSCE SMM recorded 14 explosions near Zaitseve.", "2019-06-03", (_UA, _NAF)),
    ("en", "On 3 June 2019, shelling hit the outskirts of Avdiivka, Donetsk region.", "2019-06-03", (_UA, _NAF)),
    (
        "en",
        "On 3 June 2019, shelling hit the outskirts of Avdiivka, Donetsk region. One Ukrainian soldier was wounded.",
        "2019-06-03",
        (_NAF, _UA),
    ),
    (
        "nb",
        "Søndag ble Avdiivka i Donetsk-regionen beskutt med artilleri. En ukrainsk soldat ble såret.",
        "2019-06-03",
        (_NAF, _UA),
    ),
    ("nb", "Søndag ble Avdiivka i Donetsk-regionen beskutt med artilleri.", "2019-06-03", (_UA, _NAF)),
    (
        "nn",
        "Søndag vart Avdiivka i Donetsk-regionen beskoten med artilleri. Ein ukrainsk soldat vart såra.",
        "2019-06-03",
        (_NAF, _UA),
    ),
    # after the front of 2014-2022 gave way to the full invasion, its two sides no longer apply
    (
        "en",
        "On 3 June 2023, the OSCE SMM recorded 14 explosions near Zaitseve.",
        "2023-06-03",
        ("Unidentified Armed Group (Ukraine)", None),
    ),
]


@pytest.mark.parametrize(("lang", "text", "published", "expected"), FRONT)
def test_front_line_sides(lang: str, text: str, published: str, expected: tuple[str, str | None]) -> None:
    event = _main(extract(text, published=published, lang=lang))
    got = (event.actor1.name if event.actor1 else None, event.actor2.name if event.actor2 else None)
    assert got == expected


_MX_GANG = "Unidentified Gang (Mexico)"
_MX_ARMED = "Unidentified Armed Group (Mexico)"

# (lang, text, published) -> (actor1, actor2): where ACLED codes gangs, a mark of organised crime ("drive-by",
# "hands tied", "drug cartels", seized cocaine) makes the unnamed side the unidentified gang; elsewhere, or
# without such a mark, it stays the unidentified armed group
ORGANISED_CRIME = [
    (
        "en",
        "On 2 May 2021, in Culiacan, Sinaloa, gunmen on a motorcycle killed a taxi driver in a drive-by shooting.",
        "2021-05-02",
        (_MX_GANG, "Civilians (Mexico)"),
    ),
    (
        "en",
        "On 2 May 2021, in Culiacan, Sinaloa, gunmen on a motorcycle killed a taxi driver.",
        "2021-05-02",
        (_MX_ARMED, "Civilians (Mexico)"),
    ),
    (
        "en",
        "On 2 May 2021, in Recife, Pernambuco, two men were found dead in a canal. Both had their hands tied.",
        "2021-05-02",
        ("Unidentified Gang and/or Police Militia", "Civilians (Brazil)"),
    ),
    (
        "en",
        "On 2 May 2021, in Londrina, Parana, federal police forces seized 2 tons of cocaine hidden in a lorry.",
        "2021-05-02",
        ("Police Forces of Brazil Federal Police", "Unidentified Gang (Brazil)"),
    ),
    (
        "en",
        "On 2 May 2021, in Kano, Nigeria, gunmen killed a trader in a drive-by shooting.",
        "2021-05-02",
        ("Unidentified Armed Group (Nigeria)", "Civilians (Nigeria)"),
    ),
    (
        "nb",
        "En drosjesjåfør ble skutt og drept av ukjente gjerningsmenn i Culiacán i Mexico søndag. Drapet har trolig "
        "forbindelse til narkotikakarteller.",
        "2021-05-02",
        (_MX_GANG, "Civilians (Mexico)"),
    ),
    (
        "nb",
        "En drosjesjåfør ble skutt og drept av ukjente gjerningsmenn i Culiacán i Mexico søndag.",
        "2021-05-02",
        (_MX_ARMED, "Civilians (Mexico)"),
    ),
    (
        "nn",
        "Væpna menn skaut og drap ein drosjesjåfør i Culiacán i Mexico søndag. Drapet har truleg samband med "
        "narkotikakartell.",
        "2021-05-02",
        (_MX_GANG, "Civilians (Mexico)"),
    ),
]


@pytest.mark.parametrize(("lang", "text", "published", "expected"), ORGANISED_CRIME)
def test_organised_crime_side(lang: str, text: str, published: str, expected: tuple[str, str | None]) -> None:
    event = _main(extract(text, published=published, lang=lang))
    got = (event.actor1.name if event.actor1 else None, event.actor2.name if event.actor2 else None)
    assert got == expected


_PK_MOB = ("Rioters (Pakistan)", "Civilians (Pakistan)")

# (lang, text, published) -> (actor1, actor2): a crowd that beats or lynches someone the text does not name as an
# armed side has civilians as its victims; a named armed group the crowd fought is the second side
MOBS = [
    (
        "en",
        "On 2 May 2021, villagers beat up a shopkeeper over a debt in Sagar, Madhya Pradesh, India.",
        "2021-05-02",
        ("Rioters (India)", "Civilians (India)"),
    ),
    (
        "en",
        "On 2 May 2021, Imbonerakure and opposition supporters fought one another with sticks in Ngozi, Burundi.",
        "2021-05-02",
        (
            "Rioters (Burundi)",
            "CNDD-FDD-Imbonerakure: National Council for the Defence of Democracy (Imbonerakure Faction)",
        ),
    ),
    ("nb", "En mobb banket opp en butikkeier i Lahore i Pakistan søndag.", "2021-05-02", _PK_MOB),
    ("nn", "Ein mobb banka opp ein butikkeigar i Lahore i Pakistan søndag.", "2021-05-02", _PK_MOB),
]


@pytest.mark.parametrize(("lang", "text", "published", "expected"), MOBS)
def test_mob_victims(lang: str, text: str, published: str, expected: tuple[str, str | None]) -> None:
    event = _main(extract(text, published=published, lang=lang))
    got = (event.actor1.name if event.actor1 else None, event.actor2.name if event.actor2 else None)
    assert got == expected


_IL = "Military Forces of Israel"
_RU = "Military Forces of Russia"

# (lang, text, published) -> (actor1, actor2): the grammatical subject of the event word did it. A country's name
# as subject stands for its armed forces; a country after a preposition ("at Israel", "mot Israel") is no side. An
# unnamed subject outranks a named object ("militants attacked a CRPF patrol"), and the object is the second side.
SUBJECTS = [
    (
        "en",
        "Israel launched air strikes against the Islamic Jihad group in Gaza on Tuesday, killing four militants.",
        "2023-05-09",
        (_IL, "Palestinian Islamic Jihad"),
    ),
    ("en", "Hamas fighters fired rockets at Israel on Monday.", "2023-05-08", ("Hamas", None)),
    (
        "en",
        "On 2 May 2021, militants attacked a CRPF patrol in Pulwama, Jammu and Kashmir.",
        "2021-05-02",
        ("Unidentified Armed Group (India)", "Police Forces of India Central Reserve Police Force"),
    ),
    (
        "en",
        "On Sunday, unidentified gunmen killed an SDF fighter in the town of Hasakah.",
        "2022-05-01",
        ("Unidentified Armed Group (Syria)", "Syrian Democratic Forces"),
    ),
    # the one struck is the object, not an armed group named in passing
    (
        "en",
        "On 6 May 2021, armed men shot dead a taxi driver in a market near Bunia, Ituri. CODECO militiamen have "
        "often been active in the area.",
        "2021-05-06",
        ("Unidentified Armed Group (Democratic Republic of Congo)", "Civilians (Democratic Republic of Congo)"),
    ),
    # groups listed with "or" are one side ("JNIM or ISGS militants")
    (
        "en",
        "On 3 May 2021, presumed JNIM or ISGS militants killed a teacher in Djibo, Burkina Faso.",
        "2021-05-03",
        ("JNIM", "Civilians (Burkina Faso)"),
    ),
    (
        "nb",
        "Israel angrep mål i Gaza natt til tirsdag, og fire sivile ble drept.",
        "2023-05-09",
        (_IL, "Civilians (Palestine)"),
    ),
    (
        "nb",
        "Russland sendte droner mot Kyiv natt til søndag, og to sivile ble drept.",
        "2023-05-07",
        (_RU, "Civilians (Ukraine)"),
    ),
    ("nb", "Hamas skjøt raketter mot Israel mandag.", "2023-05-08", ("Hamas", None)),
    (
        "nb",
        "Ukjente væpnede menn drepte en SDF-soldat i Hasakeh søndag.",
        "2022-05-01",
        ("Unidentified Armed Group (Syria)", "Syrian Democratic Forces"),
    ),
    (
        "nn",
        "Israel gjennomførte luftåtak mot Gaza natt til tysdag, og fire sivile vart drepne.",
        "2023-05-09",
        (_IL, "Civilians (Palestine)"),
    ),
    (
        "nn",
        "Russland sende droner mot Kyiv natt til søndag, og to sivile vart drepne.",
        "2023-05-07",
        (_RU, "Civilians (Ukraine)"),
    ),
    ("nn", "Hamas skaut rakettar mot Israel måndag.", "2023-05-08", ("Hamas", None)),
    (
        "nn",
        "Ukjende væpna menn drap ein SDF-soldat i Hasakeh søndag.",
        "2022-05-01",
        ("Unidentified Armed Group (Syria)", "Syrian Democratic Forces"),
    ),
]


@pytest.mark.parametrize(("lang", "text", "published", "expected"), SUBJECTS)
def test_subject_did_it(lang: str, text: str, published: str, expected: tuple[str, str | None]) -> None:
    event = _main(extract(text, published=published, lang=lang))
    got = (event.actor1.name if event.actor1 else None, event.actor2.name if event.actor2 else None)
    assert got == expected


# (lang, text, published) -> (actor1, actor2): the source of a report and a denied claim of responsibility name no
# side: a group that only qualifies the source ("a Houthi-run channel"), "no group has claimed responsibility"
SOURCES = [
    (
        "en",
        "Insurgents attacked a checkpoint in Ghor on Monday, killing 18 policemen and pro-government militiamen. "
        "No group immediately claimed responsibility.",
        "2020-05-04",
        ("Unidentified Armed Group (Afghanistan)", "Police Forces of Afghanistan"),
    ),
    (
        "en",
        "Houthi health sources said a Saudi-led coalition air strike killed five people in Saada on Monday.",
        "2020-05-04",
        ("Operation Restoring Hope", "Civilians (Yemen)"),
    ),
    (
        "nb",
        "Ukjente gjerningsmenn angrep en kontrollpost i Helmand og drepte fire afghanske soldater. Ingen har tatt "
        "på seg ansvaret for angrepet, men Taliban er aktive i området.",
        "2020-05-04",
        ("Unidentified Armed Group (Afghanistan)", "Military Forces of Afghanistan"),
    ),
    (
        "nb",
        "Ifølge en Houthi-styrt TV-kanal var det den saudiledede koalisjonen som sto bak luftangrepet i Saada, der "
        "fem sivile ble drept.",
        "2020-05-04",
        ("Operation Restoring Hope", "Civilians (Yemen)"),
    ),
    (
        "nn",
        "Ifølgje ein Houthi-styrt TV-kanal var det den saudiledede koalisjonen som stod bak luftåtaket i Saada, der "
        "fem sivile vart drepne.",
        "2020-05-04",
        ("Operation Restoring Hope", "Civilians (Yemen)"),
    ),
]


@pytest.mark.parametrize(("lang", "text", "published", "expected"), SOURCES)
def test_source_is_no_side(lang: str, text: str, published: str, expected: tuple[str, str | None]) -> None:
    event = _main(extract(text, published=published, lang=lang))
    got = (event.actor1.name if event.actor1 else None, event.actor2.name if event.actor2 else None)
    assert got == expected


def test_generic_dead_of_two_named_groups_are_the_targets() -> None:
    # "six fighters" between IS and the SDF: the dead of the one struck
    event = _main(
        extract(
            "On 3 May 2021, IS gunmen shot dead six fighters of the SDF near Hasakah.",
            published="2021-05-03",
            lang="en",
        )
    )
    assert (event.fatalities.actor1, event.fatalities.actor2) == (None, 6)


# (lang, text, published) -> (actor1, actor2): a demonym on the event word names the state that struck, even when
# the side it hit is named as an armed force, not as the dead; a demonym inside a person's name ("al-Iraqi") does not
DEMONYMS = [
    (
        "en",
        "Israeli airstrikes hit Syrian army positions near Damascus on Monday.",
        "2023-05-08",
        (_IL, "Military Forces of Syria"),
    ),
    (
        "en",
        "The Islamic State group claimed responsibility for a suicide bombing in a market in Baghdad on Monday that "
        "killed 30 people. The bomber, Abu Omar al-Iraqi, detonated his explosive belt in the crowd.",
        "2021-07-20",
        ("Islamic State", "Civilians (Iraq)"),
    ),
    (
        "nb",
        "Israelske luftangrep rammet syriske regjeringsstyrker nær Damaskus mandag.",
        "2023-05-08",
        (_IL, "Military Forces of Syria"),
    ),
    (
        "nn",
        "Israelske luftåtak ramma syriske regjeringsstyrkar nær Damaskus måndag.",
        "2023-05-08",
        (_IL, "Military Forces of Syria"),
    ),
]


@pytest.mark.parametrize(("lang", "text", "published", "expected"), DEMONYMS)
def test_demonym_on_event_word(lang: str, text: str, published: str, expected: tuple[str, str | None]) -> None:
    event = _main(extract(text, published=published, lang=lang))
    got = (event.actor1.name if event.actor1 else None, event.actor2.name if event.actor2 else None)
    assert got == expected


_IN_RIOT = ("Rioters (India)", "Police Forces of India")

# (lang, text, published) -> (actor1, actor2, event type): an unarmed crowd that strikes the police or troops is a
# mob rioting against them, not state forces attacking civilians
CROWDS = [
    (
        "en",
        "On 5 May 2021, villagers attacked a team of police officers in Kaimur, Bihar, India.",
        "2021-05-05",
        (*_IN_RIOT, "Riots"),
    ),
    (
        "en",
        "On 5 May 2021, a group of youths assaulted a police patrol in Tezpur, Assam, India, injuring one officer. "
        "Police later arrested three of the youths.",
        "2021-05-05",
        (*_IN_RIOT, "Riots"),
    ),
    ("nb", "Ungdommer angrep en gruppe politifolk i Bihar i India søndag.", "2021-05-09", (*_IN_RIOT, "Riots")),
    ("nb", "Landsbyboere angrep en gruppe politifolk i Bihar i India søndag.", "2021-05-09", (*_IN_RIOT, "Riots")),
    ("nn", "Ungdommar angreip politifolk i Bihar i India søndag.", "2021-05-09", (*_IN_RIOT, "Riots")),
    ("nn", "Landsbybuarar angreip politifolk i Bihar i India søndag.", "2021-05-09", (*_IN_RIOT, "Riots")),
]


@pytest.mark.parametrize(("lang", "text", "published", "expected"), CROWDS)
def test_crowd_strikes_forces(lang: str, text: str, published: str, expected: tuple[str, str, str]) -> None:
    event = _main(extract(text, published=published, lang=lang))
    got = (
        event.actor1.name if event.actor1 else None,
        event.actor2.name if event.actor2 else None,
        event.event_type.value,
    )
    assert got == expected


# (lang, text, published) -> (actor1, actor2) of the air strike: "the coalition" names the Saudi-led coalition again,
# and the text's own "by the coalition" outranks a title that names another of the article's events
TITLES = [
    (
        "en",
        "Houthi Missile Attack Foiled\n\nThe Saudi-led coalition said it downed a Houthi missile over Jizan. Houthi "
        "health officials said a Monday airstrike by the coalition killed five people in Saada.",
        "2020-05-04",
        ("Operation Restoring Hope", "Civilians (Yemen)"),
    ),
    (
        "nb",
        "Houthi-rakett skutt ned\n\nDen saudiledede koalisjonen sier den skjøt ned en Houthi-rakett over Jizan. "
        "Houthi-kilder sier at et luftangrep utført av koalisjonen drepte fem mennesker i Saada mandag.",
        "2020-05-04",
        ("Operation Restoring Hope", "Civilians (Yemen)"),
    ),
    (
        "nn",
        "Houthi-rakett skoten ned\n\nDen saudiledede koalisjonen seier han skaut ned ein rakett over Jizan. "
        "Houthi-kjelder seier at eit luftåtak utført av koalisjonen drap fem menneske i Saada måndag.",
        "2020-05-04",
        ("Operation Restoring Hope", "Civilians (Yemen)"),
    ),
]


@pytest.mark.parametrize(("lang", "text", "published", "expected"), TITLES)
def test_text_outranks_title(lang: str, text: str, published: str, expected: tuple[str, str | None]) -> None:
    events = [e for e in extract(text, published=published, lang=lang) if e.fatalities.low]
    assert events, "expected the deadly strike"
    event = events[0]
    got = (event.actor1.name if event.actor1 else None, event.actor2.name if event.actor2 else None)
    assert got == expected


# (lang, text) -> the sides of the disrupted-weapons event: who shot the weapons down, then whose they were. The
# force that shot them down may be the report's own source ("Ukraine's air force said it had shot down ...").
DISRUPTED = [
    (
        "en",
        "Russian drones struck a school in Kharkiv overnight, killing two people, the governor said.\n\nUkraine's air "
        "force said it had shot down 12 of the 20 drones launched at the country.",
        ("Military Forces of Ukraine", "Military Forces of Russia"),
    ),
    (
        "nb",
        "Russiske droner traff en skole i Kharkiv i natt og drepte to personer, sier guvernøren.\n\nUkrainas "
        "luftforsvar sier at det skjøt ned 12 av de 20 dronene.",
        ("Military Forces of Ukraine", "Military Forces of Russia"),
    ),
]


@pytest.mark.parametrize(("lang", "text", "expected"), DISRUPTED)
def test_disrupted_weapons_sides(lang: str, text: str, expected: tuple[str, str]) -> None:
    events = [
        e for e in extract(text, published="2024-05-23", lang=lang) if e.sub_event_type == "Disrupted weapons use"
    ]
    assert len(events) == 1
    event = events[0]
    assert (event.actor1.name if event.actor1 else None, event.actor2.name if event.actor2 else None) == expected


# (lang, text) -> the sides of an attack on off-duty security forces: ACLED codes the victims as civilians; on duty
# they are the police, and the event a battle
OFF_DUTY = [
    ("en", "On 3 May 2020, gunmen shot dead an off-duty police officer in Kaduna.", "Civilians (Nigeria)"),
    ("en", "On 3 May 2020, unidentified men killed a soldier who was on leave in Kaduna.", "Civilians (Nigeria)"),
    (
        "nb",
        "Væpnede menn skjøt og drepte en politimann som var fri fra tjeneste i Kaduna søndag.",
        "Civilians (Nigeria)",
    ),
    ("nn", "Væpna menn skaut og drap ein politimann som hadde fri i Kaduna søndag.", "Civilians (Nigeria)"),
    ("en", "On 3 May 2020, gunmen shot dead a police officer at a checkpoint in Kaduna.", "Police Forces of Nigeria"),
]


@pytest.mark.parametrize(("lang", "text", "expected"), OFF_DUTY)
def test_off_duty_victims_are_civilians(lang: str, text: str, expected: str) -> None:
    event = _main(extract(text, published="2020-05-04", lang=lang))
    assert event.actor2 is not None and event.actor2.name == expected
