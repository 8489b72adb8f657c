"""Per-language example tables for the event type and sub-type (ACLED codebook logic).

Each row is one short report written for these tests and the (event_type, sub_event_type) a careful coder gives it.
"""

from __future__ import annotations

import pytest

from eventcoder.extraction import extract
from eventcoder.model import Event
from eventcoder.stages.triggers import lexicon

PUBLISHED = "2020-05-02"

# (lang, text) -> (event_type, sub_event_type) of the first current event
TYPES = [
    # a month inside a date is no march
    (
        "en",
        "On 2 March 2021, unidentified gunmen shot and killed a man in Kaduna.",
        ("Violence against civilians", "Attack"),
    ),
    (
        "en",
        "On 2 March 2021, hundreds marched in Kaduna to demand the release of detainees.",
        ("Protests", "Peaceful protest"),
    ),
    # an incursion ("trengte inn i", "forced their way into") is a direct attack, typed by its victims
    ("nb", "Bevæpnede menn trengte inn i en landsby i Kaduna lørdag.", ("Violence against civilians", "Attack")),
    ("nb", "Krigere kjørte inn i byen Kaduna lørdag.", ("Violence against civilians", "Attack")),
    (
        "nb",
        "Opprørere brøt seg inn i militærbasen i Kaduna lørdag og drepte sju soldater.",
        ("Battles", "Armed clash"),
    ),
    ("en", "Gunmen forced their way into a village in Kaduna on Saturday.", ("Violence against civilians", "Attack")),
    (
        "en",
        "Militants infiltrated an army base in Kaduna on Saturday, killing seven soldiers.",
        ("Battles", "Armed clash"),
    ),
    # a change of territory is coded as such, whatever weapons won it
    (
        "en",
        "Al Shabaab fighters used guns and twin suicide car bombs to take control of a military base near "
        "Mogadishu on Monday.",
        ("Battles", "Non-state actor overtakes territory"),
    ),
    (
        "nb",
        "Al-Shabaab-krigere brukte to selvmordsbilbomber og tok kontroll over en militærbase nær Mogadishu mandag.",
        ("Battles", "Non-state actor overtakes territory"),
    ),
    # "bombed" alone is from the air; a weapon named beside it says how (here grenades in a two-sided fight)
    (
        "en",
        "On 1 May 2020, militants bombed the military base using a hand grenade, and heavy gunfighting followed "
        "between the soldiers and the militants.",
        ("Battles", "Armed clash"),
    ),
    ("en", "On 1 May 2020, Israeli jets bombed a house in Rafah.", ("Explosions/Remote violence", "Air/drone strike")),
    (
        "nb",
        "Lørdag bombet militante militærbasen med en håndgranat, og det fulgte harde skuddvekslinger mellom "
        "soldatene og de militante.",
        ("Battles", "Armed clash"),
    ),
    ("nb", "Lørdag bombet Israel et hus i Rafah.", ("Explosions/Remote violence", "Air/drone strike")),
    # two sides firing at each other: a battle even when mortars or grenade launchers are named
    (
        "en",
        "On 1 May 2020, government forces fired 82mm mortars and small arms at rebel positions near Avdiivka.",
        ("Battles", "Armed clash"),
    ),
    (
        "en",
        "On 1 May 2020, rebels shelled army positions near Marib. Government forces fired back, killing several "
        "rebels.",
        ("Battles", "Armed clash"),
    ),
    (
        "en",
        "On 1 May 2020, the two armies exchanged artillery fire on the Sirwah front.",
        ("Battles", "Armed clash"),
    ),
    (
        "en",
        "On 1 May 2020, rebels fired 120mm mortars at army positions near Marinka.",
        ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ),
    (
        "en",
        "On 1 May 2020, rebels fired grenade launchers at army positions near Marinka.",
        ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ),
    # many explosions along a front are shelling; one explosion is a bomb
    (
        "en",
        "On 1 May 2020, monitors observed 12 explosions near Donetsk.",
        ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ),
    (
        "en",
        "On 1 May 2020, an explosion killed three people at a market in Mogadishu.",
        ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    ),
    (
        "en",
        "On 1 May 2020, army forces thwarted a rebel attack on the Qaniyah front near Marib.",
        ("Battles", "Armed clash"),
    ),
    # a direct attack on armed victims is a battle; one armed side and no armed victim is violence against civilians
    (
        "en",
        "On 1 May 2020, two soldiers were shot and killed by Taliban militants in Herat.",
        ("Battles", "Armed clash"),
    ),
    (
        "en",
        "On 1 May 2020, Taliban militants killed a farmer in Herat.",
        ("Violence against civilians", "Attack"),
    ),
    (
        "en",
        "On 1 May 2020, armed men carried out a drive-by shooting against a man in Acapulco. The victim died.",
        ("Violence against civilians", "Attack"),
    ),
    # crowds: violence with a demand is a violent demonstration, without one mob violence; lynching is mob violence
    (
        "en",
        "On 1 May 2020, residents demonstrated in Lagos and pelted stones at the police, demanding food.",
        ("Riots", "Violent demonstration"),
    ),
    (
        "en",
        "On 1 May 2020, workers protested in Nairobi against unpaid wages. They burned tires on the main road.",
        ("Riots", "Violent demonstration"),
    ),
    (
        "en",
        "On 1 May 2020, around 100 residents lynched two men accused of theft in Puebla.",
        ("Riots", "Mob violence"),
    ),
    (
        "en",
        "On 1 May 2020, two groups clashed with sticks and machetes over a land dispute in Ballia.",
        ("Riots", "Mob violence"),
    ),
    (
        "en",
        "On 1 May 2020, Tiv militias attacked the villages of Ananum and Zambana and killed 3 residents.",
        ("Violence against civilians", "Attack"),
    ),
    (
        "en",
        "On 1 May 2020, villagers beat up a truck driver in Bansure over a dispute.",
        ("Riots", "Mob violence"),
    ),
    # protests: the authorities stepping in make a protest with intervention; the reason for a protest does not
    (
        "en",
        "On 1 May 2020, workers held a protest in Surat. Police dispersed them with tear gas.",
        ("Protests", "Protest with intervention"),
    ),
    (
        "en",
        "On 1 May 2020, journalists protested in Lahore against the arrest of their editor. He was arrested in "
        "connection with an old case.",
        ("Protests", "Peaceful protest"),
    ),
    (
        "en",
        "On 1 May 2020, supporters of the arrested president held a protest in Yerevan.",
        ("Protests", "Peaceful protest"),
    ),
    # a strategic-development word does not type an event that killed
    (
        "en",
        "On 1 May 2020, militants attacked an army base near Baghdad, killing two soldiers. The militants withdrew "
        "before reinforcements arrived.",
        ("Battles", "Armed clash"),
    ),
    # a clash beside a crowd is the crowd's riot; words that merely contain "fight" or "battle" are no clash
    (
        "en",
        "On 1 May 2020, fishermen demonstrated in Freetown against the curfew. They clashed with police forces.",
        ("Riots", "Violent demonstration"),
    ),
    (
        "en",
        "On 1 May 2020, firefighters protested in Copiapo against budget cuts to battle the crisis.",
        ("Protests", "Peaceful protest"),
    ),
    (
        "en",
        "On 1 May 2020, the military forces engaged in a fire fight with separatists in Kumbo.",
        ("Battles", "Armed clash"),
    ),
    # a coder's label names the sub-type; drug seizures are property destruction; an abduction that kills is an attack
    (
        "en",
        "Property destruction: On 1 May 2020, settlers cut down 28 olive trees in the village of Sawiyah.",
        ("Strategic developments", "Looting/property destruction"),
    ),
    (
        "en",
        "On 1 May 2020, federal police seized 3 tons of marijuana in Sidrolandia. Two people were arrested.",
        ("Strategic developments", "Looting/property destruction"),
    ),
    (
        "en",
        "On 1 May 2020, gunmen attacked Danhono in Kaduna. Two villagers were killed and three others were abducted.",
        ("Violence against civilians", "Attack"),
    ),
    # old ordnance, bombs that did not go off, troop withdrawals: strategic developments
    (
        "en",
        "On 1 May 2020, a woman was killed after a rocket, believed to be leftover from the civil war, exploded in "
        "Kandal.",
        ("Strategic developments", "Other"),
    ),
    (
        "en",
        "On 1 May 2020, militants lobbed a grenade at soldiers in Srinagar, however the grenade did not explode.",
        ("Strategic developments", "Disrupted weapons use"),
    ),
    (
        "en",
        "On 1 May 2020, the US announced it was withdrawing 300 troops and two Patriot missile batteries from Saudi "
        "Arabia.",
        ("Strategic developments", "Change to group/activity"),
    ),
    (
        "en",
        "On 1 May 2020, a group of citizens clashed with police officers at the market entrance in Huarocondo.",
        ("Riots", "Mob violence"),
    ),
    # detection words of the ACLED notes
    (
        "en",
        "On 1 May 2020, military forces of Armenia fired with unspecified weapons on the positions of the military "
        "forces of Azerbaijan near Zamanly.",
        ("Battles", "Armed clash"),
    ),
    (
        "en",
        "On 1 May 2020, suspected militants assassinated a pastor in Morideni.",
        ("Violence against civilians", "Attack"),
    ),
    (
        "en",
        "On 1 May 2020, pro-Houthi forces fired heavy machine guns at residential areas in Hays city.",
        ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ),
    (
        "en",
        "On 1 May 2020, a group of residents blocked the highway to demand the distribution of gasoline in Maracay.",
        ("Protests", "Peaceful protest"),
    ),
    (
        "nb",
        "Fredag kunne man høre rundt 15 eksplosjoner i Kharkiv.",
        ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ),
    (
        "nb",
        "En eksplosjon drepte tre mennesker på et marked i Mogadishu fredag.",
        ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    ),
    (
        "nb",
        "Opprørere skjøt med granatkastere og håndvåpen mot regjeringsstyrker i Marib fredag.",
        ("Battles", "Armed clash"),
    ),
    (
        "nb",
        "Hundrevis demonstrerte i Bamako fredag og krevde valgomkamp. Demonstrantene kastet stein mot politiet.",
        ("Riots", "Violent demonstration"),
    ),
    (
        "nb",
        "Flere tusen demonstrerte i Tbilisi fredag. Politiet spredte demonstrantene med tåregass.",
        ("Protests", "Protest with intervention"),
    ),
    (
        "nn",
        "Fredag vart det høyrt fleire eksplosjonar i Kharkiv.",
        ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ),
    # a coder's label decides, even over the protests the note names
    (
        "en",
        "Security measures: On 1 May 2020, the governor extended the ban on all protests and marches in Hakkari.",
        ("Strategic developments", "Change to group/activity"),
    ),
    # exchanged fire and fire answered: two sides
    (
        "en",
        "On 1 May 2020, a man was killed in Aracaju after exchanging fire with police.",
        ("Battles", "Armed clash"),
    ),
    (
        "en",
        "On 1 May 2020, government forces responded to rebel shelling near Marib.",
        ("Battles", "Armed clash"),
    ),
    (
        "nb",
        "En mann ble drept i Aracaju lørdag etter å ha utvekslet skudd med politiet.",
        ("Battles", "Armed clash"),
    ),
    (
        "nb",
        "Lørdag beskjøt opprørerne hærens stillinger nær Marib. Regjeringsstyrkene svarte på beskytningen.",
        ("Battles", "Armed clash"),
    ),
    (
        "nn",
        "Laurdag skaut opprørarane med artilleri mot stillingane til hæren ved Marib. Regjeringsstyrkane svara på "
        "beskytinga.",
        ("Battles", "Armed clash"),
    ),
    # a violent crowd that blocks the streets (burning tyres, barricades) demonstrates, even with no demand stated
    (
        "en",
        "On 1 May 2020, residents burned tyres and barricaded roads in Kati.",
        ("Riots", "Violent demonstration"),
    ),
    ("nb", "Innbyggere satte fyr på dekk og sperret veiene i Kati lørdag.", ("Riots", "Violent demonstration")),
    (
        "nn",
        "Det var opptøyar i Kati laurdag, der innbyggjarar sperra vegane med brennande dekk.",
        ("Riots", "Violent demonstration"),
    ),
    # a scuffle or an attempt to force a way in makes a protest violent
    (
        "en",
        "On 1 May 2020, dozens demonstrated in Belgrade against the government, and there was a physical "
        "confrontation with several MPs.",
        ("Riots", "Violent demonstration"),
    ),
    (
        "en",
        "On 1 May 2020, residents demonstrated in Ouagadougou and attempted to force their way into the offices of "
        "the federation.",
        ("Riots", "Violent demonstration"),
    ),
    (
        "nb",
        "Dusinvis demonstrerte i Beograd lørdag, og det endte i håndgemeng med flere parlamentsmedlemmer.",
        ("Riots", "Violent demonstration"),
    ),
    (
        "nn",
        "Fleire titals demonstrerte i Beograd laurdag, og det enda i handgemeng med fleire parlamentsmedlemer.",
        ("Riots", "Violent demonstration"),
    ),
    # a protest named only as the reason for arrests: the event is the arrests
    (
        "en",
        "On 1 May 2020, police arrested 30 youths in Mogadishu for participating in a protest.",
        ("Strategic developments", "Arrests"),
    ),
    (
        "nb",
        "Politiet arresterte 30 ungdommer i Mogadishu lørdag for å ha deltatt i en demonstrasjon.",
        ("Strategic developments", "Arrests"),
    ),
    (
        "nn",
        "Politiet arresterte 30 ungdomar i Mogadishu laurdag for å ha delteke i ein demonstrasjon.",
        ("Strategic developments", "Arrests"),
    ),
    # a fight between groups armed only with knives and machetes, or between farmer groups over land: mob violence
    (
        "en",
        "On 1 May 2020, two groups of locals armed with knives and machetes fought in Basonge, injuring five.",
        ("Riots", "Mob violence"),
    ),
    (
        "en",
        "On 1 May 2020, two farmers were killed in a clash between two farmer groups over a land dispute in Shamli.",
        ("Riots", "Mob violence"),
    ),
    (
        "nb",
        "To grupper landsbyboere, begge bevæpnede med kniver og macheter, havnet i kamp i Basonge lørdag.",
        ("Riots", "Mob violence"),
    ),
    (
        "nb",
        "To bønder ble drept i sammenstøt mellom to bondegrupper i en strid om jord i Shamli lørdag.",
        ("Riots", "Mob violence"),
    ),
    (
        "nn",
        "Det braut ut kamp mellom to grupper bygdefolk væpna med knivar og machetar i Basonge laurdag.",
        ("Riots", "Mob violence"),
    ),
    # riot words whose doer is an armed organisation are that group's deed, not a crowd's riot; a crowd's stay a riot
    (
        "en",
        "On 1 May 2020, villages were torched during a two day battle between rebels and government forces near "
        "Lainya.",
        ("Battles", "Armed clash"),
    ),
    (
        "en",
        "On 1 May 2020, a youth militia torched the offices of an opposition party in Lilongwe. Three people died in "
        "the attack.",
        ("Violence against civilians", "Attack"),
    ),
    ("en", "On 1 May 2020, locals torched the car of a health worker in Tikamgarh.", ("Riots", "Mob violence")),
    (
        "nb",
        "Militsen kastet stein mot husene i landsbyen under kampene med hæren i Lainya lørdag.",
        ("Battles", "Armed clash"),
    ),
    ("nb", "Landsbyboere kastet stein mot husene i landsbyen Lainya lørdag.", ("Riots", "Mob violence")),
    (
        "nn",
        "Militsen kasta stein mot husa i landsbyen under kampane med hæren i Lainya laurdag.",
        ("Battles", "Armed clash"),
    ),
    ("nn", "Bygdefolk kasta stein mot husa i landsbyen Lainya laurdag.", ("Riots", "Mob violence")),
    # torture is an attack, whatever arrest came before it
    (
        "en",
        "On 1 May 2020, police in Baku beat and tortured an activist who had been arrested two weeks earlier.",
        ("Violence against civilians", "Attack"),
    ),
    (
        "nb",
        "Politiet i Baku torturerte en aktivist som var blitt arrestert to uker tidligere, opplyste han lørdag.",
        ("Violence against civilians", "Attack"),
    ),
    (
        "nn",
        "Politiet i Baku torturerte ein aktivist som hadde vorte arrestert to veker tidlegare, sa han laurdag.",
        ("Violence against civilians", "Attack"),
    ),
    # air strikes that only back a ground operation do not type it
    (
        "en",
        "On 1 May 2020, an army operation backed by airstrikes killed 18 Taliban militants in Qalat district, Zabul.",
        ("Battles", "Armed clash"),
    ),
    (
        "nb",
        "En hæroperasjon støttet av luftangrep drepte 18 Taliban-krigere i Qalat-distriktet i Zabul lørdag.",
        ("Battles", "Armed clash"),
    ),
    (
        "nn",
        "Ein operasjon i regi av hæren, støtta av luftåtak, drap 18 Taliban-krigarar i Qalat-distriktet i Zabul "
        "laurdag.",
        ("Battles", "Armed clash"),
    ),
    (
        "en",
        "On 1 May 2020, unidentified men placed explosives devices at a mining pipeline in Nogales, causing damage.",
        ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    ),
    # fire bombs thrown at shops with no one hurt: property destruction
    (
        "en",
        "On 1 May 2020, men on a motorcycle threw Molotov cocktails at two stores in Coatzacoalcos. No one was hurt.",
        ("Strategic developments", "Looting/property destruction"),
    ),
    (
        "nb",
        "Menn på motorsykkel kastet molotovcocktailer mot to butikker i Coatzacoalcos lørdag. Ingen ble skadd.",
        ("Strategic developments", "Looting/property destruction"),
    ),
    (
        "nn",
        "Menn på motorsykkel kasta brannbomber mot to butikkar i Coatzacoalcos laurdag. Ingen vart skadde.",
        ("Strategic developments", "Looting/property destruction"),
    ),
    # shots fired into the air hit no one: no attack
    (
        "en",
        "On 1 May 2020, Turkish border police fired shots into the air near Tychero.",
        ("Strategic developments", "Other"),
    ),
    ("nb", "Tyrkisk grensepoliti skjøt i luften nær Tychero lørdag.", ("Strategic developments", "Other")),
    ("nn", "Tyrkisk grensepoliti skaut i lufta ved Tychero laurdag.", ("Strategic developments", "Other")),
    # troops reopening a road the protesters blocked, or arrests of students at a protest: an intervention
    (
        "en",
        "On 1 May 2020, protesters blocked the Zahle roundabout, and the army worked to reopen the road.",
        ("Protests", "Protest with intervention"),
    ),
    (
        "en",
        "On 1 May 2020, students demonstrated in Quezon City to mark Labour Day. Eighteen students were arrested.",
        ("Protests", "Protest with intervention"),
    ),
    (
        "nb",
        "Demonstranter blokkerte rundkjøringen i Zahle lørdag, og hæren åpnet veien igjen.",
        ("Protests", "Protest with intervention"),
    ),
    (
        "nn",
        "Folk demonstrerte og blokkerte rundkøyringa i Zahle laurdag, og hæren opna vegen att.",
        ("Protests", "Protest with intervention"),
    ),
    # self-immolation is a form of protest, not a riot; a crowd that burns a police car riots
    (
        "en",
        "On 1 May 2020, women protested in Tbilisi to demand help from the government. One of the protesters set "
        "herself on fire.",
        ("Protests", "Peaceful protest"),
    ),
    (
        "nb",
        "Kvinner demonstrerte i Tbilisi lørdag og krevde hjelp fra regjeringen. En av demonstrantene satte fyr på "
        "seg selv.",
        ("Protests", "Peaceful protest"),
    ),
    (
        "nn",
        "Kvinner demonstrerte i Tbilisi laurdag og kravde hjelp frå regjeringa. Ei av demonstrantane sette fyr på "
        "seg sjølv.",
        ("Protests", "Peaceful protest"),
    ),
    (
        "nn",
        "Ungdomar demonstrerte i Tbilisi laurdag og sette fyr på ein politibil.",
        ("Riots", "Violent demonstration"),
    ),
    # a grenade answered with gunfire: two sides
    (
        "en",
        "On 1 May 2020, militants threw a hand grenade at a police station in Mogadishu. Police reacted with gunfire.",
        ("Battles", "Armed clash"),
    ),
    (
        "nb",
        "Militante kastet en håndgranat mot en politistasjon i Mogadishu lørdag. Politiet svarte med skudd.",
        ("Battles", "Armed clash"),
    ),
    (
        "nn",
        "Militante kasta ei håndgranat mot ein politistasjon i Mogadishu laurdag. Politiet svara med skot.",
        ("Battles", "Armed clash"),
    ),
    # grenades dropped from a drone are a drone strike, even beside mortar or artillery fire
    (
        "en",
        "On 1 May 2020, rebels fired mortars at and dropped grenades from a drone on army positions near Avdiivka.",
        ("Explosions/Remote violence", "Air/drone strike"),
    ),
    (
        "nb",
        "Lørdag slapp opprørerne håndgranater fra en drone over hærens stillinger nær Avdiivka.",
        ("Explosions/Remote violence", "Air/drone strike"),
    ),
    (
        "nn",
        "Laurdag skaut opprørarane med artilleri og sleppte granatar frå ein drone over stillingane til hæren ved "
        "Avdiivka.",
        ("Explosions/Remote violence", "Air/drone strike"),
    ),
    # an abduction told beside an exchange of fire is part of the fight
    (
        "en",
        "On 1 May 2020, police tried to stop a van carrying kidnappers near Veracruz and an armed clash broke out.",
        ("Battles", "Armed clash"),
    ),
    (
        "nb",
        "Politiet forsøkte å stanse bilen brukt i kidnappingen av en mann nær Veracruz lørdag, og det oppsto "
        "skuddveksling.",
        ("Battles", "Armed clash"),
    ),
    (
        "nn",
        "Politiet prøvde å stanse bilen som vart brukt i kidnappinga av ein mann ved Veracruz laurdag, og det vart "
        "skotveksling.",
        ("Battles", "Armed clash"),
    ),
    # soldiers or police hit off duty are civilians to ACLED
    (
        "en",
        "On 1 May 2020, gunmen shot and killed an off-duty soldier in Mogadishu.",
        ("Violence against civilians", "Attack"),
    ),
    ("en", "On 1 May 2020, gunmen shot and killed a soldier in Mogadishu.", ("Battles", "Armed clash")),
    (
        "nb",
        "Lørdag skjøt og drepte væpnede menn en soldat som ikke var i tjeneste, i Mogadishu.",
        ("Violence against civilians", "Attack"),
    ),
    (
        "nn",
        "Laurdag skaut og drap væpna menn ein soldat som ikkje var i teneste, i Mogadishu.",
        ("Violence against civilians", "Attack"),
    ),
    # who took the ground decides the territory sub-type, not the verb
    (
        "en",
        "On 1 May 2020, government forces took control of three villages near Marib from the Houthis.",
        ("Battles", "Government regains territory"),
    ),
    ("en", "On 1 May 2020, rebels recaptured the town of Kidal.", ("Battles", "Non-state actor overtakes territory")),
    (
        "en",
        "On 1 May 2020, the army gained control over two hills near Marib.",
        ("Battles", "Government regains territory"),
    ),
    (
        "nb",
        "Regjeringsstyrker tok kontroll over tre landsbyer nær Marib lørdag.",
        ("Battles", "Government regains territory"),
    ),
    ("nb", "Opprørerne gjenerobret byen Kidal lørdag.", ("Battles", "Non-state actor overtakes territory")),
    (
        "nn",
        "Den syriske hæren tok kontroll over tre landsbyar ved Idlib laurdag.",
        ("Battles", "Government regains territory"),
    ),
    (
        "nn",
        "IS-krigarar tok attende kontrollen over byen Palmyra laurdag.",
        ("Battles", "Non-state actor overtakes territory"),
    ),
    # artillery in a fight named between two sides is used in an armed clash; shelling alone stays shelling
    (
        "en",
        "On 1 May 2020, clashes broke out between government forces and rebels near Marib, with both sides using "
        "heavy artillery.",
        ("Battles", "Armed clash"),
    ),
    (
        "en",
        "On 1 May 2020, rebels shelled army positions near Marib.",
        ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ),
    (
        "nb",
        "Lørdag brøt det ut sammenstøt mellom regjeringsstyrker og opprørere nær Marib, der begge sider brukte tungt "
        "artilleri.",
        ("Battles", "Armed clash"),
    ),
    (
        "nn",
        "Laurdag vart det samanstøyt mellom regjeringsstyrkar og opprørarar ved Marib, der begge sider brukte tungt "
        "artilleri.",
        ("Battles", "Armed clash"),
    ),
]


def _main(events: list[Event]) -> Event:
    current = [e for e in events if not e.background]
    assert current, "expected an event"
    return current[0]


@pytest.mark.parametrize(("lang", "text", "expected"), TYPES)
def test_event_type(lang: str, text: str, expected: tuple[str, str]) -> None:
    event = _main(extract(text, published=PUBLISHED, lang=lang))
    assert (event.event_type.value, event.sub_event_type) == expected


# (lang, text) -> which cue lists match it
CUES = [
    ("en", "the Ukrainian Forces fired heavy machine guns and small arms", "two_sided", True),
    ("en", "pro-Hadi forces reportedly fired back", "two_sided", True),
    ("en", "the Ukrainian Forces fired 82mm mortars", "two_sided", False),
    ("en", "protesters burned tyres on the road", "riot_acts", True),
    ("en", "Police resorted to lathi charge to disperse protesters", "intervention", True),
    ("en", "demanding the payment of their wages", "demands", True),
    ("en", "two groups attacked each other with sticks", "mob_cues", True),
    ("en", "communal militias attacked the village", "armed_cues", True),
    ("nb", "bevæpnede menn angrep landsbyen", "armed_cues", True),
    ("nb", "de to sidene utvekslet ild hele natten", "two_sided", True),
    ("nb", "demonstrantene kastet stein mot politiet", "riot_acts", True),
    ("nb", "politiet brukte tåregass", "intervention", True),
    ("nn", "politiet brukte tåregass", "intervention", True),
]


@pytest.mark.parametrize(("lang", "text", "cue", "matches"), CUES)
def test_cue_lists(lang: str, text: str, cue: str, matches: bool) -> None:
    pattern = getattr(lexicon(lang), cue)
    assert bool(pattern.search(text)) is matches


@pytest.mark.parametrize(
    ("lang", "text", "kept"),
    [
        ("en", "supporters of the arrested president", False),
        ("en", "police arrested the president", True),
        ("nb", "tilhengere av den arresterte presidenten", False),
    ],
)
def test_descriptions_are_not_reports(lang: str, text: str, kept: bool) -> None:
    events = extract(f"On 1 May 2020, {text}." if lang == "en" else f"Fredag: {text}.", published=PUBLISHED, lang=lang)
    assert any(e.sub_event_type == "Arrests" for e in events) is kept


# (lang, text) -> (type, sub-type) of each current event: an attack told only in generic words, in a text whose
# other attacks are all missiles or air strikes, is one more of them; an assault on the ground anywhere in the
# text says the text is not only about such weapons
REMOTE_CONTEXT = [
    (
        "nb",
        "Russiske raketter traff Kyiv lørdag. Flere raketter traff Dnipro. "
        "En person ble drept i et angrep mot Kryvyj Rih.",
        [("Explosions/Remote violence", "Shelling/artillery/missile attack")] * 3,
    ),
    (
        "en",
        "Russian missiles hit Kyiv on Saturday. More missiles struck Dnipro. "
        "One person was killed in an attack on Kryvyi Rih.",
        [("Explosions/Remote violence", "Shelling/artillery/missile attack")] * 3,
    ),
    (
        "nn",
        "Israelske kampfly angreip mål ved Damaskus måndag. Elleve krigarar vart drepne i eit israelsk åtak i Palmyra.",
        [("Explosions/Remote violence", "Air/drone strike")] * 2,
    ),
    (
        "nb",
        "Russiske raketter traff Kyiv lørdag. Væpnede menn stormet en landsby ved Kryvyj Rih og drepte en mann.",
        [("Explosions/Remote violence", "Shelling/artillery/missile attack"), ("Violence against civilians", "Attack")],
    ),
    (
        "en",
        "Russian missiles hit Kyiv on Saturday. Gunmen raided a village near Kryvyi Rih and killed a man.",
        [("Explosions/Remote violence", "Shelling/artillery/missile attack"), ("Violence against civilians", "Attack")],
    ),
]


@pytest.mark.parametrize(("lang", "text", "expected"), REMOTE_CONTEXT)
def test_a_generic_attack_in_a_text_of_missiles_is_one_more(
    lang: str, text: str, expected: list[tuple[str, str]]
) -> None:
    events = [e for e in extract(text, published=PUBLISHED, lang=lang) if not e.background]
    assert [(e.event_type.value, e.sub_event_type) for e in events] == expected


# a word that names the whole war in a war's toll ("the three-year-long offensive has so far killed ...") is no
# event of another kind: the generic attack of a text of missiles is still one more missile attack
WAR_WORDS = [
    (
        "en",
        "Russian missiles hit Kyiv on Saturday. More missiles struck Dnipro. Russia's three-year-long offensive has "
        "so far killed more than 12,000 civilians. One person was killed in an attack on Kryvyi Rih.",
    ),
    (
        "nb",
        "Russiske raketter traff Kyiv lørdag. Flere raketter traff Dnipro. Den treårige offensiven har så langt "
        "drept over 12 000 sivile. En person ble drept i et angrep mot Kryvyj Rih.",
    ),
]


@pytest.mark.parametrize(("lang", "text"), WAR_WORDS)
def test_the_war_named_in_a_war_toll_is_no_event_of_another_kind(lang: str, text: str) -> None:
    events = [e for e in extract(text, published=PUBLISHED, lang=lang) if not e.background]
    last = max(events, key=lambda e: e.trigger.start if e.trigger else 0)
    assert (last.event_type.value, last.sub_event_type) == (
        "Explosions/Remote violence",
        "Shelling/artillery/missile attack",
    )
