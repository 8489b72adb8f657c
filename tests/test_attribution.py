"""Claimants per language: who said each figure, across appositions, pronouns and neighbouring sentences."""

from __future__ import annotations

import pytest

from eventcoder.extraction import extract
from eventcoder.model import ClaimKind

K, H = ClaimKind.KILLED, ClaimKind.INJURED

# (lang, text, published) -> {(kind, figure): claimant} for every claim of the text
CLAIMANTS = [
    pytest.param(
        "en",
        "In western Ghor province, Abdul Hai Khateby, the governor's spokesman, says 18 policemen were killed and "
        "seven were wounded in a gunbattle with insurgents.",
        "2019-01-12",
        {(K, 18): "Abdul Hai Khateby, the governor's spokesman", (H, 7): "Abdul Hai Khateby, the governor's spokesman"},
        id="en-apposition",
    ),
    pytest.param(
        "en",
        "Insurgents attacked a checkpoint in Kandahar on Saturday. Aziz Azizi, the provincial spokesman, said two "
        "policemen were wounded in the attack. He said seven Taliban insurgents were killed in the fighting.",
        "2019-01-12",
        {(H, 2): "Aziz Azizi, the provincial spokesman", (K, 7): "Aziz Azizi, the provincial spokesman"},
        id="en-pronoun-repeats-source",
    ),
    pytest.param(
        "en",
        "Rebels attacked a base in Somalia on Monday. Their spokesman said the group was behind the attack and said "
        "14 soldiers had been killed.",
        "2014-12-15",
        {(K, 14): "Their spokesman"},
        id="en-coordinated-cue-shares-subject",
    ),
    pytest.param(
        "en",
        "Gunmen attacked a village near Kaduna on Monday, killing five civilians, said the police.",
        "2020-05-04",
        {(K, 5): "police"},
        id="en-inverted",
    ),
    pytest.param(
        "en",
        "KABUL — Afghan officials say Taliban attacks on checkpoints killed at least 23 members of the "
        "security forces.",
        "2019-01-12",
        {(K, 23): "Afghan officials"},
        id="en-dateline-dash",
    ),
    pytest.param(
        "en",
        "Natalia Babachenko, adviser to the head of the regional military administration, said on the air that 30 "
        "people were killed. The State Emergency Service has reported that 75 were injured.",
        "2023-01-15",
        {
            (K, 30): "Natalia Babachenko, adviser to the head of the regional military administration",
            (H, 75): "State Emergency Service",
        },
        id="en-long-apposition-and-auxiliary-dropped",
    ),
    pytest.param(
        "nb",
        "En talsmann for innenriksdepartementet i landet, Nasrat Rahimi, opplyser at to terrorister ble skutt og "
        "drept i Pol-e Khomri.",
        "2019-05-05",
        {(K, 2): "talsmann for innenriksdepartementet i landet, Nasrat Rahimi"},
        id="nb-role-then-name",
    ),
    pytest.param(
        "en",
        "Israel launched air strikes on Tuesday against Islamic Jihad in Gaza, its military announced, with the "
        "health ministry of the Hamas-controlled territory saying nine people were killed.",
        "2023-05-09",
        {(K, 9): "health ministry of the Hamas-controlled territory"},
        id="en-with-x-saying",
    ),
    pytest.param(
        "en",
        "The organisation said that the fighting in Deir ez-Zor resulted in the death of three gunmen and the arrest "
        "of 16.",
        "2023-08-30",
        {(K, 3): "organisation", (ClaimKind.ARRESTED, 16): "organisation"},
        id="en-the-arrest-of",
    ),
    pytest.param(
        "en",
        "Al Shabaab attacked a military base in Lower Shabelle on Monday, Somali military officer Aden Nur told "
        "Reuters.\n\n“They killed 10 soldiers and burnt two military vehicles.”",
        "2014-12-15",
        {(K, 10): "Somali military officer Aden Nur"},
        id="en-quoted-paragraph-continues-the-speaker",
    ),
    pytest.param(
        "nb",
        "Opprørere angrep en politistasjon i Herat lørdag, opplyser politisjef Ahmad Farhad.\n\n– Tre politimenn "
        "ble drept i angrepet.",
        "2019-01-13",
        {(K, 3): "politisjef Ahmad Farhad"},
        id="nb-quoted-paragraph-continues-the-speaker",
    ),
    pytest.param(
        "en",
        "A Russian missile hit a block of flats in Dnipro on Saturday.\n\nSource: Dnipro City Council, referring "
        "to the State Emergency Service\n\nDetails: 72 people sustained injuries.",
        "2023-01-15",
        {(H, 72): "Dnipro City Council"},
        id="en-source-label",
    ),
    pytest.param(
        "nb",
        "En russisk rakett traff en boligblokk i Dnipro lørdag.\n\nKilde: bystyret i Dnipro\n\n72 personer ble "
        "skadet i angrepet.",
        "2023-01-15",
        {(H, 72): "bystyret"},
        id="nb-source-label",
    ),
    pytest.param(
        "en",
        "A rocket hit a shopping centre in Kyiv on Tuesday. No casualties were reported.",
        "2024-01-10",
        {(K, 0): None},
        id="en-passive-report-names-nobody",
    ),
    pytest.param(
        "en",
        "Gunmen attacked a village in Borno on Friday. Five people were reported killed.",
        "2024-01-10",
        {(K, 5): None},
        id="en-passive-report-of-a-figure",
    ),
    pytest.param(
        "en",
        "The Islamic State group yesterday claimed responsibility for a suicide bombing in Baghdad, killing at "
        "least 30 people.",
        "2021-07-21",
        {(K, 30): None},
        id="en-claim-of-responsibility-is-no-source",
    ),
    pytest.param(
        "nb",
        "Helsedepartementet i Gaza opplyser at 25 palestinere ble drept i israelske luftangrep søndag.",
        "2024-08-18",
        {(K, 25): "Helsedepartementet i Gaza"},
        id="nb-preposition-inside-the-source",
    ),
    pytest.param(
        "en",
        "Israeli strikes hit Deir el-Balah on Sunday, and officials in the city said 25 people were killed.",
        "2024-08-18",
        {(K, 25): "officials in the city"},
        id="en-preposition-inside-the-source",
    ),
    pytest.param(
        "nb",
        "– Seks personer ble drept i et terrorangrep i Mogadishu onsdag. Seks andre ble såret, sier "
        "informasjonsminister Mohamed Mareye.",
        "2019-07-24",
        {(K, 6): "informasjonsminister Mohamed Mareye", (H, 6): "informasjonsminister Mohamed Mareye"},
        id="nb-later-sentence-of-the-quote",
    ),
    pytest.param(
        "nb",
        "Opprørere angrep en politistasjon i Herat lørdag. Farhad opplyser at tre politimenn ble drept. Han sier "
        "at fire andre ble såret.",
        "2019-01-13",
        {(K, 3): "Farhad", (H, 4): "Farhad"},
        id="nb-pronoun-repeats-source",
    ),
    pytest.param(
        "nb",
        "Ifølge det Houthi-kontrollerte nyhetsbyrået var det koalisjonen som sto bak flyangrepet i Sahar-distriktet. "
        "De melder om 21 drepte og ni sårede.",
        "2017-11-01",
        {(K, 21): "Houthi-kontrollerte nyhetsbyrået", (H, 9): "Houthi-kontrollerte nyhetsbyrået"},
        id="nb-source-ends-at-the-verb",
    ),
    pytest.param(
        "nb",
        "Hamas angrep Israel lørdag morgen. Så langt er minst 600 israelere bekreftet drept.",
        "2023-10-08",
        {(K, 600): None},
        id="nb-participle-is-not-a-source",
    ),
    pytest.param(
        "nn",
        "Ifølgje syriske styresmakter er talet på drepne i Palmyra 36 menneske, melder AFP.",
        "2024-11-21",
        {(K, 36): "syriske styresmakter"},
        id="nn-agency-relays-the-source",
    ),
    pytest.param(
        "en",
        "At least 12 people were killed in the shelling of Donetsk, according to local officials, AFP reported.",
        "2024-11-21",
        {(K, 12): "local officials"},
        id="en-agency-relays-the-source",
    ),
    pytest.param(
        "nn",
        "Minst åtte menneske vart drepne i eit israelsk luftåtak mot Palmyra i Syria. Ho seier at ti vart skadde, "
        "ifølgje SOHR.",
        "2024-11-21",
        {(K, 8): "Syrian Observatory for Human Rights", (H, 10): "Syrian Observatory for Human Rights"},
        id="nn-next-sentence",
    ),
    pytest.param(
        "en",
        "Militants stormed an army base near Kismayo on Tuesday. A police officer put the death toll at 9; the "
        "militants said 17 were killed.",
        "2020-05-04",
        {(K, 9): "police officer", (K, 17): "militants"},
        id="en-put-the-toll-at",
    ),
    pytest.param(
        "nb",
        "Opprørere angrep en militærbase ved Kismayo tirsdag. En offiser anslår dødstallet til ni, mens opprørerne "
        "sier 17 ble drept.",
        "2020-05-04",
        {(K, 9): "offiser", (K, 17): "opprørerne"},
        id="nb-source-before-the-cue-when-a-figure-follows-it",
    ),
    pytest.param(
        "nn",
        "Opprørarar angreip ein militærbase ved Kismayo tysdag. Politiet seier 17 vart drepne.",
        "2020-05-04",
        {(K, 17): "Politiet"},
        id="nn-source-before-the-cue-when-a-figure-follows-it",
    ),
    pytest.param(
        "en",
        "Around 29 April 2020 (as reported), gunmen shot dead three farmers in Cauca. The motive is not reported.",
        "2020-04-29",
        {(K, 3): None},
        id="en-as-reported-names-nobody",
    ),
]


@pytest.mark.parametrize(("lang", "text", "published", "expected"), CLAIMANTS)
def test_claimants(lang: str, text: str, published: str, expected: dict[tuple[ClaimKind, int], str | None]) -> None:
    events = [e for e in extract(text, published=published, lang=lang) if not e.background]
    got = {(c.kind, c.low): c.claimant for e in events for c in e.claims}
    assert got == expected
