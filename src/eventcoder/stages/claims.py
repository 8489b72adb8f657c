"""Casualty claims: a number, the word that makes it a figure of a kind (killed, injured, ...), and its victims.

A number pairs with a claim word of `lang/<code>/claims.yaml`:
1. an active word right before it ("killing 36", "drepte 11 soldater", "the death of three gunmen");
2. else the first claim word after it within the clause ("39 kurdiske soldater og 77 IS-krigere er drept");
3. else the nearest claim word before it (coordinated objects: "the killing of 3 militants and 1-2 policemen").
A claim word that has a number object of its own ("100 residents lynched two men") does not take the number
before it. The victims are the actor mention that follows the number ("39 kurdiske soldater"); phrases such as
"ingen ble drept" / "no fatalities" give a claim of 0, and one victim named by an article ("a man was shot dead",
"killed a police officer", "drepte ham") a claim of 1. Numbers inside dates, numbers that count things, ages in
brackets and attackers ("by two armed men") give nothing. Parts of a figure ("blant dem 12 barn", "sju av dei
drepne", figures in brackets after a figure) are subgroups. Victims listed beside a figure without a number of their
own add to it ("the parents and their six children" = 8, "a man and his two sons" = 3). A claim word with one victim
as its object ("wounding a resident") takes no number before it. An amount without a number ("flere sivile ble
drept", "killing a number of soldiers", "many were displaced") and a bare plural subject ("politifolk er drept") give
a claim without a figure (`low` None, qualifier vague), which names who was hit but adds to no toll. The claimant is
added later by the `attribution` stage.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from eventcoder.lang import load_section
from eventcoder.mentions import ActorMention, ClaimMention, NumberMention, Sentence
from eventcoder.model import ActorType, Claim, ClaimKind, Qualifier, Span, Victims
from eventcoder.pipeline import Analysis, stage
from eventcoder.stages._patterns import compile_alternation
from eventcoder.stages._phrases import alternation
from eventcoder.stages._sharedtolls import apply_share, find_share, spread_claims
from eventcoder.stages.triggers import lexicon as trigger_lexicon

__all__ = ["ClaimLexicon", "lexicon"]

_WORD = re.compile(r"[\w%&]+(?:[-'’][\w]+)*")
_MAX_AFTER_WORDS = 10
_MAX_ACTIVE_WORDS = 2
_MAX_FALLBACK_WORDS = 6
_MAX_UPDATE_WORDS = 12
_SECOND_WORD = re.compile(r"[\w-]+[ \t]+")  # the word after a number and the space before the next one
_NOUN_AFTER = re.compile(r"\s+[^\W\d][\w-]*")  # a word (not a number) right after a figure
_BRACKETS = re.compile(r"\([^()]*\)")  # a bracketed aside
_ASIDE = re.compile(r",\s*([^,;:.]+),")  # a comma-enclosed aside
_MAX_AUX_GAP = 2  # words between a passive auxiliary and its claim word ("was shot and killed")
_OBJECT_REACH = 30  # characters after a singular object searched for a number that would be the figure instead
_AGE = re.compile(r"\(\d{1,3}\)")  # a bare number in brackets after a name
_VICTIM_GAP = 30  # characters between a number and the actor mention that names its victims


@dataclass(frozen=True, slots=True)
class ClaimLexicon:
    kinds: tuple[tuple[ClaimKind, re.Pattern[str]], ...]
    zero: tuple[tuple[ClaimKind, re.Pattern[str]], ...]
    subgroup: re.Pattern[str]
    subgroup_after: re.Pattern[str]
    subgroup_part: re.Pattern[str]  # "blant dem" right after a number or its noun, anchored at the start
    update: re.Pattern[str]
    total: re.Pattern[str]
    not_people: re.Pattern[str]
    object_links: frozenset[str]
    conjunctions: frozenset[str]
    disjunctions: frozenset[str]
    spread: re.Pattern[str]  # "spread across", "split between": one toll shared by several events
    article_numbers: frozenset[str]
    agent_links: frozenset[str]
    singular: re.Pattern[str]  # "a man was", "en soldat ble": one victim, then its passive verb
    collectives: re.Pattern[str]
    relatives: frozenset[str]
    singular_subject: re.Pattern[str]  # "he", "he was" right before a claim word: one victim
    singular_object: re.Pattern[str]  # " a", " him" after an active claim word: one victim
    pair_subject: re.Pattern[str]  # "both", "both were" right before a claim word: two victims named before
    additive: re.Pattern[str]  # "also" in a figure: victims besides those of the figure before it
    hedges: re.Pattern[str]  # "are reported to have been": a hedge inside a passive, no word of its own
    listed: dict[str, int]  # "parents" -> 2, "man" -> 1: victims a noun counts without a number
    listed_noun: re.Pattern[str]  # one of `listed`, at the end of the searched stretch
    listed_link_before: re.Pattern[str]  # " and their " between a listed noun and the number after it
    listed_link_after: re.Pattern[str]  # " children and their " between a number and a listed noun after it
    listed_lead: re.Pattern[str]  # "the", "an elderly" before a listed noun, at the end of the searched stretch
    articles: re.Pattern[str]  # "a ", "an " right before a singular actor noun, at the end of the searched stretch
    auxiliaries: frozenset[str]  # passive auxiliaries ("ble"): a listed subject may follow one (inversion)
    plural_auxiliaries: frozenset[str]  # plural passive auxiliaries ("were"): "several were killed"
    victim_nouns: re.Pattern[str]  # "victims", "ofre": victims of no party, after an amount without a number


@cache
def lexicon(lang: str) -> ClaimLexicon:
    data = load_section(lang, "claims")
    return ClaimLexicon(
        kinds=tuple((ClaimKind(k), compile_alternation(v)) for k, v in data["kinds"].items()),
        zero=tuple((ClaimKind(k), compile_alternation(v)) for k, v in data.get("zero", {}).items()),
        subgroup=compile_alternation(data.get("subgroup", [])),
        subgroup_after=compile_alternation(data.get("subgroup_after", [])),
        subgroup_part=compile_alternation(data.get("subgroup", []) + data.get("subgroup_after", [])),
        update=compile_alternation(data.get("update", [])),
        total=compile_alternation(data.get("total", [])),
        not_people=compile_alternation(data.get("not_people", [])),
        object_links=frozenset(w.casefold() for w in data.get("object_links", [])),
        conjunctions=frozenset(w.casefold() for w in data.get("conjunctions", [])),
        disjunctions=frozenset(w.casefold() for w in data.get("disjunctions", [])),
        spread=compile_alternation(data.get("spread", [])),
        article_numbers=frozenset(w.casefold() for w in data.get("article_numbers", [])),
        collectives=compile_alternation(data.get("collectives", [])),
        relatives=frozenset(w.casefold() for w in data.get("relatives", [])),
        singular_subject=_subject_regex(data.get("singular_subjects", []), data.get("singular_passive", [])),
        singular_object=_object_regex(data.get("singular_objects", [])),
        pair_subject=_subject_regex(data.get("pair_subjects", []), data.get("plural_passive", [])),
        additive=compile_alternation(data.get("additive", [])),
        agent_links=frozenset(w.casefold() for w in data.get("agent_links", [])),
        singular=_singular_regex(data.get("article_numbers", []), data.get("singular_passive", [])),
        hedges=compile_alternation(data.get("hedges", [])),
        victim_nouns=compile_alternation(data.get("victim_nouns", [])),
        **_listed_fields(data),
    )


def _listed_fields(data: dict[str, Any]) -> dict[str, Any]:
    listed = {" ".join(k.casefold().split()): int(v) for k, v in data.get("listed_victims", {}).items()}
    nouns = alternation(listed) if listed else r"(?!x)x"
    dets = data.get("listed_determiners", [])
    det = rf"(?:(?i:{alternation(dets)})\s+)?" if dets else ""
    links = data.get("listed_links", [])
    link = rf"(?i:{alternation(links)})" if links else r"(?!x)x"
    articles = data.get("article_numbers", [])
    return {
        "listed": listed,
        "listed_noun": re.compile(rf"(?<![\w-])(?i:{nouns})\Z"),
        "listed_link_before": re.compile(rf"\s+{link}\s+{det}\Z"),
        "listed_link_after": re.compile(rf"\s+(?:[\w'’-]+\s+){{0,2}}?{link}\s+"),
        "listed_lead": re.compile(
            rf"(?<![\w-])(?i:{alternation(dets)})\s+(?:[\w'’-]+\s+){{0,2}}?\Z" if dets else r"(?!x)x"
        ),
        "articles": re.compile(rf"(?<![\w-])(?i:{alternation(articles)})\s+\Z" if articles else r"(?!x)x"),
        "auxiliaries": frozenset(w.casefold() for w in data.get("singular_passive", [])),
        "plural_auxiliaries": frozenset(w.casefold() for w in data.get("plural_passive", [])),
    }


def _subject_regex(subjects: list[str], passive: list[str]) -> re.Pattern[str]:
    """A pronoun, perhaps a passive auxiliary, and the end of the searched stretch: "he died", "han ble drept"."""
    if not subjects:
        return re.compile(r"(?!x)x")
    aux = rf"(?:(?i:{alternation(passive)})\s+)?" if passive else ""
    return re.compile(rf"(?<![\w-])((?i:{alternation(subjects)}))\s+{aux}\Z")


def _object_regex(objects: list[str]) -> re.Pattern[str]:
    if not objects:
        return re.compile(r"(?!x)x")
    return re.compile(rf"\s+((?i:{alternation(objects)}))(?![\w-])\s*")


def _singular_regex(articles: list[str], passive: list[str]) -> re.Pattern[str]:
    if not articles or not passive:
        return re.compile(r"(?!x)x")
    return re.compile(
        rf"(?<![\w-])(?i:{alternation(articles)})\s+(?:[\w'’-]+\s+){{0,4}}?(?i:{alternation(passive)})\s+"
    )


@dataclass(frozen=True, slots=True)
class _Word:
    kind: ClaimKind
    start: int
    end: int


def _words(text: str) -> list[str]:
    return [w.casefold() for w in _WORD.findall(text)]


def _kind_words(lex: ClaimLexicon, text: str, start: int, end: int, modal: re.Pattern[str]) -> list[_Word]:
    found: list[_Word] = []
    for kind, regex in lex.kinds:
        for m in regex.finditer(text, start, end):
            before = " ".join(text[max(start, m.start() - 30) : m.start()].split()[-3:])
            if modal.search(before):
                continue  # "for å sette fri", "could kill": not a figure of what happened
            found.append(_Word(kind=kind, start=m.start(), end=m.end()))
    found.sort(key=lambda w: (w.start, -(w.end - w.start)))
    out: list[_Word] = []
    for w in found:  # drop overlaps, keep the earliest-longest
        if out and w.start < out[-1].end:
            continue
        out.append(w)
    return _without_disjunctions(lex, text, out)


def _without_disjunctions(lex: ClaimLexicon, text: str, words: list[_Word]) -> list[_Word]:
    """Drop runs of claim words joined by "or" ("were killed, injured or captured", "drept eller såret"): a figure
    of them is not a figure of any one kind."""
    runs: list[list[_Word]] = []
    disjunctive: list[bool] = []
    for w in words:
        if runs:
            link = _words(text[runs[-1][-1].end : w.start])
            joined = len(link) <= 1 and all(g in lex.conjunctions or g in lex.disjunctions for g in link)
            if joined and not re.search(r"[.;:]", text[runs[-1][-1].end : w.start]):
                runs[-1].append(w)
                disjunctive[-1] = disjunctive[-1] or any(g in lex.disjunctions for g in link)
                continue
        runs.append([w])
        disjunctive.append(False)
    return [w for run, dis in zip(runs, disjunctive, strict=True) if not dis for w in run]


def _active(lex: ClaimLexicon, text: str, word: _Word, n0: int, *, strict: bool = False) -> bool:
    """True when `word` governs the number starting at `n0` as its object ("killing 36", "drepte 11 soldater");
    `strict` allows only object links between them ("killing at least 36"), no other single word."""
    gap = _words(text[word.end : n0])
    return (
        len(gap) <= _MAX_ACTIVE_WORDS
        and not any(g in lex.conjunctions for g in gap)
        and all(g in lex.object_links or (len(gap) == 1 and not strict) for g in gap)
        and "," not in text[word.end : n0]
        and "." not in text[word.end : n0]
    )


def _pair(
    lex: ClaimLexicon,
    text: str,
    number: NumberMention,
    words: list[_Word],
    *,
    updates: bool,
    objects: frozenset[int],
) -> _Word | None:
    """The claim word of `number`; `objects` are the starts of words that have a number object of their own."""
    n0, n1 = number.span.start, number.span.end
    before = [w for w in words if w.end <= n0]
    after = [w for w in words if w.start >= n1]
    if before and _active(lex, text, before[-1], n0):
        return before[-1]
    if updates and before and _reaches(text, before[-1], n0, _MAX_UPDATE_WORDS):
        return before[-1]  # "the death toll rises to 23 people, and about 40 others are missing": the toll's figure
    if after and after[0].start not in objects:
        # "around 100 residents lynched two armed men": a word with an object of its own has its subject before it
        w = after[0]
        between = text[n1 : w.start]
        # "Seks personer, blant dem to guvernører og tre direktører, ble drept": the aside does not count
        core = _ASIDE.sub(lambda m: "," if lex.subgroup.match(m.group(1)) else m.group(0), between)
        core = _BRACKETS.sub(" ", core)  # "nine fighters of the 5th Brigade (military police) were killed"
        core = lex.hedges.sub(" ", core)  # "Two civilians who were there are reported to have been killed"
        if len(_words(core)) <= _MAX_AFTER_WORDS and not re.search(r"[;:]|\.\s", between):
            return w
    if before:
        w = before[-1]
        # "Tallet på sårede hadde lørdag kveld steget til 64": an update reaches back to the figure it updates
        if _reaches(text, w, n0, _MAX_UPDATE_WORDS if updates else _MAX_FALLBACK_WORDS):
            return w
    return None


def _reaches(text: str, word: _Word, n0: int, reach: int) -> bool:
    """Whether `word` is at most `reach` words before the number at `n0`, in the same clause."""
    return len(_words(text[word.end : n0])) <= reach and not re.search(r"[;:]|\.\s", text[word.end : n0])


def _singular_objects(lex: ClaimLexicon, text: str, words: list[_Word], s1: int) -> frozenset[int]:
    """The starts of claim words with one victim as their object ("wounding a resident", "drepte en politimann"):
    such a word has its victim after it, so a number before it ("two cars of militants raided the village,
    wounding a resident") is not its figure."""
    out: set[int] = set()
    for w in words:
        obj = lex.singular_object.match(text, w.end, s1)
        if obj is None or lex.not_people.match(text, obj.end(), s1) or lex.collectives.match(text, obj.end(), s1):
            continue
        out.add(w.start)
    return frozenset(out)


@dataclass(frozen=True, slots=True)
class _Listed:
    count: int
    start: int
    end: int
    actor: ActorMention | None


def _listed_at(
    analysis: Analysis, lex: ClaimLexicon, s0: int, end: int, numbers: list[NumberMention]
) -> _Listed | None:
    """The victims a noun phrase ending at `end` counts without a number: a listed noun ("the parents" = 2, "a man"
    = 1) or an article and a party ("a soldier" = 1)."""
    text = analysis.document.text
    noun = lex.listed_noun.search(text, s0, end)
    actor = next((m for m in analysis.actors if m.span.end == end and m.span.start >= s0), None)
    if noun is not None:
        count, start = lex.listed[" ".join(noun.group(0).casefold().split())], noun.start()
        lead = lex.listed_lead.search(text, s0, start)
        start = lead.start() if lead else start
    elif actor is not None and (article := lex.articles.search(text, s0, actor.span.start)) is not None:
        count, start = 1, article.start()
    else:
        return None
    if any(start <= n.span.start < end for n in numbers):
        return None  # "one soldier and two civilians": a number of its own, a figure already
    return _Listed(count=count, start=start, end=end, actor=actor)


def _listed_claims(
    analysis: Analysis,
    lex: ClaimLexicon,
    sentence: Sentence,
    numbers: list[NumberMention],
    pairs: list[tuple[NumberMention, _Word]],
    found: list[ClaimMention],
) -> list[ClaimMention]:
    """Victims listed beside a figure without a number of their own, which a careful coder adds to it: "the parents
    and their six children were killed" (2 + 6), "a man and his two sons" (1 + 2), "killing two soldiers and a
    civilian" (2 + 1). The listed phrase must stand where the figure's victims stand: at the start of its clause,
    after a passive auxiliary ("ble foreldrene og ... drept") or right after the active claim word, or right after
    the figure's noun. A figure without a party takes the listed victims into its own count; a figure of a party
    gets a coordinated claim beside it (same claim word), so that the per-party split adds them up."""
    text = analysis.document.text
    s0, s1 = sentence.span.start, sentence.span.end
    out: list[ClaimMention] = []
    extra: list[ClaimMention] = []
    for (number, word), cm in zip(pairs, found, strict=True):
        listed = None
        if not cm.claim.subgroup:
            listed = _listed_before(analysis, lex, s0, number, word, numbers)
            listed = listed or _listed_after(analysis, lex, s1, number, word, numbers)
        claim = cm.claim
        if listed is None or claim.low is None:
            out.append(cm)
            continue
        # a span that ends with the figure's (passive: "... were killed") or starts with it (active: "killed ...")
        if word.start > number.span.end:
            start, end = listed.start, claim.evidence.end
        else:
            start, end = claim.evidence.start, listed.end
        if claim.victims is Victims.TOTAL:
            victims = Victims.TOTAL  # "killed a man and his two sons": one group, no party named
        elif listed.actor is not None and listed.actor.actor.type is ActorType.CIVILIANS:
            victims = Victims.CIVILIANS
        elif listed.actor is not None:
            victims = Victims.UNKNOWN
        else:
            victims = claim.victims  # "the parents and their six children": the children's party
        same = listed.actor is None or listed.actor.actor == cm.victim_actor
        if victims is Victims.TOTAL or (victims is claim.victims and same):
            # one group ("the parents and their six children", "a man and his two sons"): one count
            both = analysis.document.span(min(start, claim.evidence.start), max(end, claim.evidence.end))
            high = None if claim.high is None else claim.high + listed.count
            out.append(
                dataclasses.replace(
                    cm, claim=dataclasses.replace(claim, low=claim.low + listed.count, high=high, evidence=both)
                )
            )
            continue
        out.append(cm)
        extra.append(
            ClaimMention(
                claim=dataclasses.replace(
                    claim,
                    low=listed.count,
                    high=None,
                    qualifier=Qualifier.EXACT,
                    victims=victims,
                    victims_text=text[listed.start : listed.end],
                    evidence=analysis.document.span(start, end),
                    updates=False,
                ),
                sentence=sentence.index,
                victim_actor_type=listed.actor.actor.type if listed.actor else cm.victim_actor_type,
                victim_actor=listed.actor.actor if listed.actor else cm.victim_actor,
            )
        )
    return out + extra


def _listed_before(
    analysis: Analysis,
    lex: ClaimLexicon,
    s0: int,
    number: NumberMention,
    word: _Word,
    numbers: list[NumberMention],
) -> _Listed | None:
    """ "The parents and their six children were killed": a listed phrase, a link and the number."""
    text = analysis.document.text
    link = lex.listed_link_before.search(text, s0, number.span.start)
    if link is None:
        return None
    listed = _listed_at(analysis, lex, s0, link.start(), numbers)
    if listed is None:
        return None
    lead = text[s0 : listed.start]
    words = _words(lead)
    at_start = not words or bool(re.search(r"[,;:(]\s*\Z", lead)) or words[-1] in lex.auxiliaries
    after_word = word.end <= listed.start and all(w in lex.object_links for w in _words(text[word.end : listed.start]))
    return listed if at_start or after_word else None


def _listed_after(
    analysis: Analysis,
    lex: ClaimLexicon,
    s1: int,
    number: NumberMention,
    word: _Word,
    numbers: list[NumberMention],
) -> _Listed | None:
    """ "six children and their parents were killed", "killing two soldiers and a civilian": the number, its noun,
    a link and a listed phrase, then the claim word (or the end of the clause)."""
    text = analysis.document.text
    link = lex.listed_link_after.match(text, number.span.end, s1)
    if link is None or re.search(r"[,;:.]", link.group(0)):
        return None
    limit = word.start if word.start > number.span.end else s1
    for end in _phrase_ends(text, link.end(), limit):
        listed = _listed_at(analysis, lex, link.end(), end, numbers)
        if listed is None:
            continue
        if listed.start != link.end():
            return None  # "killing 1 woman and injuring 1 man": another clause, not a listed victim
        rest = text[end:limit]
        if word.start > number.span.end:  # "... and their parents were killed": the claim word follows
            ok = len(_words(lex.hedges.sub(" ", rest))) <= _MAX_AUX_GAP and not re.search(r"[,;:.]", rest)
        else:  # "killing two soldiers and a civilian", not "... and a civilian was injured"
            ok = not any(w in lex.auxiliaries for w in _words(rest)[:1])
        return listed if ok else None
    return None


def _phrase_ends(text: str, start: int, limit: int) -> list[int]:
    """The ends of the first one to four words after `start` (before `limit`), shortest first."""
    return [m.end() for m in list(_WORD.finditer(text, start, limit))[:4]]


def _victim(actors: tuple[ActorMention, ...], number: NumberMention, text: str) -> ActorMention | None:
    for m in actors:
        if m.span.start < number.span.end:
            continue
        if m.span.start - number.span.end > _VICTIM_GAP:
            break
        gap = text[number.span.end : m.span.start]
        if re.search(r"[,.;:!?]", gap) or len(gap.split()) > 3:
            break
        return m
    return None


def _in_any(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any((a <= start and end <= b) or (start < b and a < end) for a, b in spans)


def _not_a_figure(lex: ClaimLexicon, text: str, number: NumberMention, s0: int, s1: int) -> bool:
    """Numbers that count things ("7 km", "two military vehicles"), ages ("Simen Tokle (24)"), label values
    ("[size=at least 10]") and attackers ("shot dead by two armed men")."""
    rest = text[number.span.end : min(s1, number.span.end + 40)].lstrip()
    second = _SECOND_WORD.match(rest)
    if lex.not_people.match(rest) or (second and lex.not_people.match(rest, second.end())):
        return True
    if number.span.start > s0 and (_AGE.match(text, number.span.start - 1) or text[number.span.start - 1] == "="):
        return True  # an age, or a value of a label ("[size=at least 10]")
    head = text[max(s0, number.span.start - 30) : number.span.start].split()
    return bool(head) and head[-1].casefold() in lex.agent_links


def _sentence_claims(
    analysis: Analysis,
    lex: ClaimLexicon,
    sentence: Sentence,
    numbers: list[NumberMention],
    date_spans: list[tuple[int, int]],
    earlier: frozenset[ClaimKind] = frozenset(),
) -> list[ClaimMention]:
    """The claims of one sentence; `earlier` are the kinds of the figures given in the sentences before it."""
    doc = analysis.document
    text = doc.text
    s0, s1 = sentence.span.start, sentence.span.end
    words = _kind_words(lex, text, s0, s1, trigger_lexicon(analysis.lang).hypothetical)
    out: list[ClaimMention] = []
    for kind, regex in lex.zero:
        for m in regex.finditer(text, s0, s1):
            out.append(
                ClaimMention(
                    claim=Claim(
                        kind=kind,
                        low=0,
                        high=None,
                        qualifier=Qualifier.EXACT,
                        victims=Victims.TOTAL,
                        evidence=doc.span(m.start(), m.end()),
                    ),
                    sentence=sentence.index,
                )
            )
    if not words:
        return out
    first = len(out)
    objects = frozenset(
        w.start
        for n in numbers
        if not n.unspecified
        for w in [max((w for w in words if w.end <= n.span.start), key=lambda w: w.end, default=None)]
        if w is not None and _active(lex, text, w, n.span.start, strict=True)
    ) | _singular_objects(lex, text, words, s1)
    subgroup_words: dict[int, int] = {}  # kind word start -> end of the first subgroup figure paired with it
    pairs: list[tuple[NumberMention, _Word]] = []  # the number and claim word of each claim appended below
    for number in numbers:
        if number.unspecified or _in_any(number.span.start, number.span.end, date_spans):
            continue
        if _not_a_figure(lex, text, number, s0, s1):
            continue
        if any(text[number.span.end : n.span.start].isspace() for n in numbers if n.span.start > number.span.end):
            continue  # "SANAA, Sept 21 At least 6 civilians were killed": the next number is the figure
        after = text[number.span.end : min(s1, number.span.end + 40)]
        head = text[max(s0, number.span.start - 30) : number.span.start]
        tail_words = " ".join(head.split()[-3:])
        subgroup = bool(lex.subgroup.search(tail_words)) or bool(lex.subgroup_after.match(after.lstrip()))
        opened = text.rfind("(", s0, number.span.start)
        if opened > text.rfind(")", s0, number.span.start) and out[first:]:
            subgroup = True  # "5 civilians (2 men, 2 women, and 1 child) were killed": the parts of a figure
        updates = bool(lex.update.search(" ".join(head.split()[-4:])))
        word = _pair(lex, text, number, words, updates=updates, objects=objects)
        mine = out[first:]
        later = word is not None and word.start > number.span.end
        if subgroup and mine and (word is None or (later and word.kind is not mine[-1].claim.kind)):
            # "at least 30 killed ..., among them 12 children", "72 injured, including 13 children, and 39 were
            # rescued": a part of the figure before it, not of a later word
            last = mine[-1].claim
            word = _Word(kind=last.kind, start=number.span.start, end=number.span.end)
        elif word is None and subgroup and out:
            last = out[-1].claim
            word = _Word(kind=last.kind, start=number.span.start, end=number.span.end)
        if word is None:
            continue
        if not subgroup and subgroup_words.get(word.start, number.span.end) < number.span.start:
            # "Sju av dei drepne var syrarar, medan fire ...": a later figure of the same word is a part too
            subgroup = True
        victim = _victim(analysis.actors, number, text)
        article = number.span.text.casefold() in lex.article_numbers
        if article and victim is None:
            continue  # "da en bilbombe eksploderte": an article, not a count
        if article and lex.total.fullmatch(text, word.start, word.end):
            continue  # "En offiser anslår dødstallet til ni": an article before a toll word, not a victim
        if article and any(w in lex.relatives for w in _words(text[number.span.end : word.start])):
            continue  # "familien til en politimann som ble drept": a death recalled, not reported
        victims = _victims_of(lex, victim)
        if subgroup:
            subgroup_words.setdefault(word.start, number.span.end)
        pairs.append((number, word))
        start = min(number.span.start, word.start)
        end = max(number.span.end, word.end, victim.span.end if victim else 0)
        qualifier = Qualifier.VAGUE if number.vague else number.qualifier
        out.append(
            ClaimMention(
                claim=Claim(
                    kind=word.kind,
                    low=number.value,
                    high=number.high,
                    qualifier=qualifier,
                    victims=victims,
                    victims_text=victim.span.text if victim else None,
                    evidence=doc.span(start, end),
                    updates=updates,
                    subgroup=subgroup,
                ),
                sentence=sentence.index,
                victim_actor_type=victim.actor.type if victim else None,
                victim_actor=victim.actor if victim else None,
            )
        )
    out[first:] = _coordinated_parties(text, out[first:], pairs)
    out[first:] = _listed_claims(analysis, lex, sentence, numbers, pairs, out[first:])
    paired = [(c.claim.evidence.start, c.claim.evidence.end) for c in out[first:]]
    out.extend(_singular_claims(analysis, lex, sentence, numbers, words, paired=paired))
    out.extend(_pair_claims(analysis, lex, sentence, numbers, words, paired=paired, earlier=earlier))
    out[first:] = spread_claims(analysis.document, lex.spread, sentence, numbers, out[first:])
    out.extend(_unspecified_claims(analysis, lex, sentence, numbers, words, date_spans, objects=objects, figured=out))
    out.extend(_bare_plural_claims(analysis, lex, sentence, numbers, words, figured=out))
    return out


def _bare_plural_claims(
    analysis: Analysis,
    lex: ClaimLexicon,
    sentence: Sentence,
    numbers: list[NumberMention],
    words: list[_Word],
    *,
    figured: list[ClaimMention],
) -> list[ClaimMention]:
    """A party named by a bare noun, with no number, article or determiner, as the subject of a passive claim word:
    "Ifølge kildene er politifolk drept", "civilians were killed in the raid". Some were hit, the article does not
    say how many: a claim without a figure, like "flere politifolk"."""
    doc = analysis.document
    text = doc.text
    s0, s1 = sentence.span.start, sentence.span.end
    out: list[ClaimMention] = []
    actors = analysis.actors  # sorted by start: the sentence's own, found by bisection
    first = bisect.bisect_left(actors, s0, key=lambda m: m.span.start)
    last = bisect.bisect_left(actors, s1, key=lambda m: m.span.start)
    for actor in actors[first:last]:
        a0, a1 = actor.span.start, actor.span.end
        if actor.named or any(a0 <= n.span.start < a1 for n in numbers):
            continue
        lead = text[s0:a0]
        before = _words(lead)
        inverted = bool(before) and before[-1] in lex.auxiliaries | lex.plural_auxiliaries
        clause = re.search(r"[,;:]\s*(\w+\s+)?\Z", lead)  # a new clause: ", og sivile ble såret"
        joined = clause is not None and (clause.group(1) is None or before[-1] in lex.conjunctions)
        if before and not inverted and not joined:
            continue  # "de sivile", "three civilians", "a man and woman", "the families of soldiers": no bare subject
        word = next((w for w in words if w.start >= a1), None)
        if word is None:
            continue
        gap = " ".join(_words(lex.hedges.sub(" ", text[a1 : word.start])))
        if re.search(r"[,;:.]", text[a1 : word.start]):
            continue
        auxiliaries = lex.auxiliaries | lex.plural_auxiliaries
        own = _words(text[word.start : word.end])[:1]
        with_auxiliary = bool(own) and own[0] in auxiliaries  # a claim word with its auxiliary: "vart drepne"
        if not (gap in auxiliaries or (gap == "" and (inverted or with_auxiliary))):
            continue  # "politifolk er drept", "er politifolk drept", "civilians were killed"
        if any(c.claim.evidence.start <= a0 < c.claim.evidence.end for c in figured):
            continue  # already the victims of a claim
        civilians = actor.actor.type is ActorType.CIVILIANS
        victims = Victims.TOTAL if civilians and lex.total.fullmatch(actor.span.text) else Victims.CIVILIANS
        victims = victims if civilians else Victims.UNKNOWN
        at = NumberMention(span=actor.span, value=0, unspecified=True)
        for w in _coordinated_words(lex, text, word, words):
            if _has_figure(text, figured, kind=w.kind, victims=victims, victim=actor, at=at):
                continue
            out.append(
                _figureless(
                    kind=w.kind,
                    victims=victims,
                    victims_text=actor.span.text,
                    evidence=doc.span(a0, w.end),
                    sentence=sentence.index,
                    victim=actor,
                )
            )
    return out


def _unspecified_claims(
    analysis: Analysis,
    lex: ClaimLexicon,
    sentence: Sentence,
    numbers: list[NumberMention],
    words: list[_Word],
    date_spans: list[tuple[int, int]],
    *,
    objects: frozenset[int],
    figured: list[ClaimMention],
) -> list[ClaimMention]:
    """Victims without a figure: "Flere sivile ble drept", "et stort antall soldater blir drept og tatt til fange",
    "killing a number of soldiers", "many were displaced". An amount without a number (`NumberMention.unspecified`)
    followed by its victims (or, alone, by a passive auxiliary: "mange ble drept") and paired with a claim word after
    it in its clause or an active one right before it gives a claim without a figure (qualifier vague), one per claim
    word of a coordinated run ("drept og tatt til fange"). A careful coder records who said it but adds nothing to a
    toll. Not a part of a figure ("including several children"), and not beside a figure of the same kind and
    victims in the same clause ("5 soldiers were killed and several were wounded" keeps only its own kinds)."""
    doc = analysis.document
    text = doc.text
    s0, s1 = sentence.span.start, sentence.span.end
    out: list[ClaimMention] = []
    for number in numbers:
        n0, n1 = number.span.start, number.span.end
        if not number.unspecified or _in_any(n0, n1, date_spans) or _not_a_figure(lex, text, number, s0, s1):
            continue
        bare = _bare_subject(lex, text, n1, s1)  # "several were wounded when militants ...": no victims named
        victim = None if bare else _own_victim(analysis, lex, number, words)
        noun = None if bare or victim is not None else lex.victim_nouns.match(text, _skip_space(text, n1), s1)
        if victim is None and noun is None and not bare:
            continue  # "mange treffer mål", "flere steder": no victims named
        head = " ".join(text[max(s0, n0 - 30) : n0].split()[-3:])
        if lex.subgroup.search(head) or lex.subgroup_after.match(text[n1:s1].lstrip()):
            continue  # "killed 13 people, including several children": a part of the figure
        word = _pair(lex, text, number, words, updates=False, objects=objects)
        if word is None or (word.end <= n0 and not _active(lex, text, word, n0)):
            continue  # only a claim word after it in its clause, or an active one right before it
        victims = _victims_of(lex, victim)
        for w in _coordinated_words(lex, text, word, words):
            if _has_figure(text, figured, kind=w.kind, victims=victims, victim=victim, at=number):
                continue
            start, end = min(n0, w.start), max(n1, w.end, victim.span.end if victim else 0)
            out.append(
                _figureless(
                    kind=w.kind,
                    victims=victims,
                    victims_text=victim.span.text if victim else noun.group(0) if noun else None,
                    evidence=doc.span(start, end),
                    sentence=sentence.index,
                    victim=victim,
                )
            )
    return out


def _victims_of(lex: ClaimLexicon, victim: ActorMention | None) -> Victims:
    """Whose figure it is: civilians named as such ("sivile") or as everyone ("people": the total), a party (actor1
    or actor2, decided at assembly), or the total when no victims are named."""
    if victim is None:
        return Victims.TOTAL
    if victim.actor.type is ActorType.CIVILIANS:
        return Victims.TOTAL if lex.total.fullmatch(victim.span.text) else Victims.CIVILIANS
    return Victims.UNKNOWN


def _figureless(
    *,
    kind: ClaimKind,
    victims: Victims,
    victims_text: str | None,
    evidence: Span,
    sentence: int,
    victim: ActorMention | None,
) -> ClaimMention:
    """A claim without a figure (qualifier vague): it names who was hit, never a toll."""
    return ClaimMention(
        claim=Claim(
            kind=kind,
            low=None,
            high=None,
            qualifier=Qualifier.VAGUE,
            victims=victims,
            victims_text=victims_text,
            evidence=evidence,
        ),
        sentence=sentence,
        victim_actor_type=victim.actor.type if victim else None,
        victim_actor=victim.actor if victim else None,
    )


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos


def _own_victim(
    analysis: Analysis, lex: ClaimLexicon, number: NumberMention, words: list[_Word]
) -> ActorMention | None:
    """The actor mention that names the victims of an amount: after it, with no claim word or auxiliary between
    ("flere sivile", "et stort antall israelske soldater"; not "several were wounded when militants")."""
    text = analysis.document.text
    victim = _victim(analysis.actors, number, text)
    if victim is None:
        return None
    between = _words(text[number.span.end : victim.span.start])
    if any(w in lex.auxiliaries or w in lex.plural_auxiliaries for w in between):
        return None
    if any(number.span.end <= w.start < victim.span.start for w in words):
        return None
    return victim


def _bare_subject(lex: ClaimLexicon, text: str, end: int, s1: int) -> bool:
    """Whether an amount without a noun is the subject of a passive: "mange ble drept", "several were wounded"."""
    following = _words(text[end : min(s1, end + 20)])
    return bool(following) and following[0] in lex.auxiliaries | lex.plural_auxiliaries


def _coordinated_words(lex: ClaimLexicon, text: str, word: _Word, words: list[_Word]) -> list[_Word]:
    """`word` and the claim words joined to it by a conjunction alone: "drept og tatt til fange" (killed, captured)."""
    run = [word]
    for w in words:
        if w.start < run[-1].end:
            continue
        link = text[run[-1].end : w.start]
        gap = _words(link)
        if len(gap) > 1 or not all(g in lex.conjunctions for g in gap) or re.search(r"[.;:]", link):
            break
        run.append(w)
    return run


def _has_figure(
    text: str,
    figured: list[ClaimMention],
    *,
    kind: ClaimKind,
    victims: Victims,
    victim: ActorMention | None,
    at: NumberMention,
) -> bool:
    """Whether a figure of the same kind and victims stands in the clause of the amount `at`."""
    for cm in figured:
        claim = cm.claim
        if claim.kind is not kind or claim.low is None:
            continue
        lo, hi = sorted((claim.evidence.start, at.span.start))
        if re.search(r"[;:]|\.\s", text[lo:hi]):
            continue  # another clause
        same_actor = victim is not None and cm.victim_actor is not None and cm.victim_actor == victim.actor
        if same_actor or claim.victims is victims or Victims.TOTAL in (claim.victims, victims):
            return True
    return False


def _coordinated_parties(
    text: str, found: list[ClaimMention], pairs: list[tuple[NumberMention, _Word]]
) -> list[ClaimMention]:
    """ "3 local policemen, 2 pro-government militia members, and 1 soldier were killed": a figure with a noun of
    its own, coordinated with party figures of the same claim word, is a party too (victims unknown), not a total."""
    parties = {w.start for (_, w), cm in zip(pairs, found, strict=True) if cm.claim.victims is not Victims.TOTAL}
    out: list[ClaimMention] = []
    for (number, word), cm in zip(pairs, found, strict=True):
        claim = cm.claim
        noun = _NOUN_AFTER.match(text, number.span.end)
        if (
            claim.victims is Victims.TOTAL
            and cm.victim_actor is None
            and not claim.subgroup
            and word.start in parties
            and word.start > number.span.end
            and noun is not None
            and noun.end() <= word.start
        ):
            cm = dataclasses.replace(cm, claim=dataclasses.replace(claim, victims=Victims.UNKNOWN))
        out.append(cm)
    return out


def _singular_claims(
    analysis: Analysis,
    lex: ClaimLexicon,
    sentence: Sentence,
    numbers: list[NumberMention],
    words: list[_Word],
    *,
    paired: list[tuple[int, int]],
) -> list[ClaimMention]:
    """One victim without a figure: "a man was shot dead", "en soldat ble drept" (an article, then a passive claim
    word) or "killed a police officer", "drepte ham" (an active claim word, then an article or a pronoun).
    Claim words that already have a figure (inside a `paired` evidence span of the sentence's claims) are left
    alone."""
    doc = analysis.document
    text = doc.text
    s0, s1 = sentence.span.start, sentence.span.end
    found: list[tuple[_Word, int, int]] = []  # (claim word, evidence start, evidence end)
    for m in lex.singular.finditer(text, s0, s1):
        # the claim word right after the auxiliary, or two words on ("was attacked and beaten to death")
        word = next((w for w in words if w.start >= m.end()), None)
        if word is None or any(m.start() <= w.start < m.end() for w in words):
            continue
        gap = text[m.end() : word.start]
        if len(_words(gap)) > _MAX_AUX_GAP or re.search(r"[,;:.]", gap):
            continue
        if any(m.start() < n.span.start < m.end() for n in numbers) or re.search(r"[,;:()]", m.group(0)):
            continue  # "a man and two children were killed": counted by its numbers
        if any(w in lex.relatives for w in _words(m.group(0))):
            continue  # "the family of a constable who was shot dead held a protest": a death recalled, not reported
        found.append((word, m.start(), word.end))
    for word in words:
        obj = lex.singular_object.match(text, word.end, s1)
        if obj is None or lex.not_people.match(text, obj.end(), s1) or lex.collectives.match(text, obj.end(), s1):
            continue  # "killed a day earlier", "killing a group of fighters"
        reach = obj.end() + _OBJECT_REACH
        # "killing a total of 17": the number is the figure; not one of the next claim word ("wounding a resident
        # and abducting three others")
        reach = min([reach, *(w.start for w in words if w.start > word.end)])
        if any(word.end < n.span.start <= reach for n in numbers if n.span.start != obj.start(1)):
            continue
        found.append((word, word.start, obj.end(1)))
    for word in words:
        subject = lex.singular_subject.search(text, max(s0, word.start - _OBJECT_REACH), word.start)
        if subject is None or lex.singular_object.match(text, word.end, s1):
            continue  # "he killed a man": the object is the victim
        if any(word.end <= n.span.start <= word.end + _OBJECT_REACH for n in numbers):
            continue  # "he said 5 were killed", "she killed two"
        found.append((word, subject.start(1), word.end))
    out: list[ClaimMention] = []
    for word, start, end in found:
        if _in_any(start, end, paired):
            continue
        if any(n.span.start == start and not n.unspecified and n.value != 1 for n in numbers):
            continue
        if any(n.unspecified and start <= n.span.start < end + _OBJECT_REACH for n in numbers):
            continue  # "a number of fighters were killed", "killed a number of"
        out.append(
            ClaimMention(
                claim=Claim(
                    kind=word.kind,
                    low=1,
                    high=None,
                    qualifier=Qualifier.EXACT,
                    victims=Victims.TOTAL,
                    evidence=doc.span(start, end),
                ),
                sentence=sentence.index,
            )
        )
    return out


def _pair_claims(
    analysis: Analysis,
    lex: ClaimLexicon,
    sentence: Sentence,
    numbers: list[NumberMention],
    words: list[_Word],
    *,
    paired: list[tuple[int, int]],
    earlier: frozenset[ClaimKind],
) -> list[ClaimMention]:
    """Two victims named before: "The two attackers drove up to the hotel. Both were killed", "begge vart drepne".
    After a figure of the same kind in an earlier sentence the pair is a part of it (the attackers among the dead),
    never added to the toll again."""
    doc = analysis.document
    text = doc.text
    s0, s1 = sentence.span.start, sentence.span.end
    out: list[ClaimMention] = []
    for word in words:
        subject = lex.pair_subject.search(text, max(s0, word.start - _OBJECT_REACH), word.start)
        if subject is None or lex.singular_object.match(text, word.end, s1):
            continue  # "both killed a man": the object is the victim
        if any(word.end <= n.span.start <= word.end + _OBJECT_REACH for n in numbers):
            continue  # "both said 5 were killed"
        if _in_any(subject.start(1), word.end, paired):
            continue
        out.append(
            ClaimMention(
                claim=Claim(
                    kind=word.kind,
                    low=2,
                    high=None,
                    qualifier=Qualifier.EXACT,
                    victims=Victims.TOTAL,
                    evidence=doc.span(subject.start(1), word.end),
                    subgroup=word.kind in earlier,
                ),
                sentence=sentence.index,
            )
        )
    return out


@stage(name="claims", reads=("sentences", "numbers", "dates", "actors"), adds=("claims",))
def claims(analysis: Analysis) -> Analysis:
    lex = lexicon(analysis.lang)
    date_spans = [(d.span.start, d.span.end) for d in analysis.dates]
    out: list[ClaimMention] = []
    numbers = list(analysis.numbers)
    previous: ClaimMention | None = None
    for sentence in analysis.sentences:
        if sentence.heading:
            continue  # headlines repeat the body's figures
        inside = [n for n in numbers if sentence.span.start <= n.span.start and n.span.end <= sentence.span.end]
        earlier = frozenset(c.claim.kind for c in out)
        found = _sentence_claims(analysis, lex, sentence, inside, date_spans, earlier)
        same_paragraph = previous is not None and analysis.sentences[previous.sentence].paragraph == sentence.paragraph
        if not found and previous is not None and same_paragraph:
            found = _later_parts(analysis, lex, sentence, inside, date_spans, previous.claim)
        if not any(c.claim.kind is ClaimKind.KILLED for c in found):
            # "... killing at least 31. ... Fatalities distributed across six events.": the paragraph's toll is shared
            share = find_share(lex.spread, analysis.document.text, sentence, inside)
            if share is not None and share.own is None:
                first = next(
                    (i for i, c in enumerate(out) if analysis.sentences[c.sentence].paragraph == sentence.paragraph),
                    len(out),
                )
                out[first:] = apply_share(out[first:], share)
        out.extend(found)
        previous = found[-1] if found else None
    return analysis.with_layer(claims=tuple(_additions(analysis, lex, out)))


def _additions(analysis: Analysis, lex: ClaimLexicon, found: list[ClaimMention]) -> list[ClaimMention]:
    """ "... killing one. 11 prisoners were also killed": a figure with "also" counts victims besides those of the
    figure of the same kind before it in the paragraph; a careful coder adds them (12). The sum is a claim of its
    own; the parts without a party become parts of it (so they no longer compete with it as totals), parts of a
    party stay in the per-party split."""
    text = analysis.document.text
    out = list(found)
    sums: list[ClaimMention] = []
    for i, cm in enumerate(found):
        claim = cm.claim
        if claim.subgroup or not claim.low or claim.qualifier is Qualifier.VAGUE or not _also(lex, text, claim):
            continue
        paragraph = analysis.sentences[cm.sentence].paragraph
        before = [
            j
            for j in range(i)
            if (c := out[j].claim).kind is claim.kind
            and not c.subgroup
            and c.low
            and c.qualifier is not Qualifier.VAGUE
            and analysis.sentences[out[j].sentence].paragraph == paragraph
            and c.evidence.end <= claim.evidence.start
        ]
        if not before:
            continue
        j = before[-1]
        prev = out[j].claim
        if prev.low is None or (prev.victims is not Victims.TOTAL and claim.victims is not Victims.TOTAL):
            continue  # two parties: the per-party split adds them already
        total = prev.low + claim.low
        for k in (j, i):
            if out[k].claim.victims is Victims.TOTAL:
                out[k] = dataclasses.replace(out[k], claim=dataclasses.replace(out[k].claim, subgroup=True))
        sums.append(
            ClaimMention(
                claim=dataclasses.replace(
                    claim,
                    low=total,
                    high=None,
                    qualifier=claim.qualifier if prev.qualifier is Qualifier.EXACT else prev.qualifier,
                    victims=Victims.TOTAL,
                    victims_text=None,
                    evidence=analysis.document.span(prev.evidence.start, claim.evidence.end),
                    updates=False,
                ),
                sentence=cm.sentence,
            )
        )
    return sorted(out + sums, key=lambda c: (c.sentence, c.claim.evidence.start))


def _also(lex: ClaimLexicon, text: str, claim: Claim) -> bool:
    """Whether the figure's words, or the two words before them, say "also" ("were also killed", "also killing 3")."""
    lead = text[max(0, claim.evidence.start - 20) : claim.evidence.start].split()[-2:]
    return bool(lex.additive.search(" ".join([*lead, claim.evidence.text])))


def _later_parts(
    analysis: Analysis,
    lex: ClaimLexicon,
    sentence: Sentence,
    numbers: list[NumberMention],
    date_spans: list[tuple[int, int]],
    before: Claim,
) -> list[ClaimMention]:
    """ "... steget til 64. Han sier at det er tolv barn blant dem": a part of the figure of the sentence before,
    in a sentence without a claim word of its own."""
    doc = analysis.document
    text = doc.text
    out: list[ClaimMention] = []
    for number in numbers:
        if number.unspecified or number.vague or _in_any(number.span.start, number.span.end, date_spans):
            continue
        rest = text[number.span.end : sentence.span.end].lstrip()
        if lex.not_people.match(rest):
            continue
        cue = lex.subgroup_part.match(rest) or lex.subgroup_part.match(rest, _word_end(rest))
        if cue is None:
            continue
        start = number.span.end + (len(text[number.span.end : sentence.span.end]) - len(rest))
        victim = _victim(analysis.actors, number, text)
        out.append(
            ClaimMention(
                claim=Claim(
                    kind=before.kind,
                    low=number.value,
                    high=number.high,
                    qualifier=number.qualifier,
                    victims=Victims.CIVILIANS
                    if victim is not None and victim.actor.type is ActorType.CIVILIANS
                    else Victims.UNKNOWN,
                    victims_text=victim.span.text if victim else None,
                    evidence=doc.span(number.span.start, start + cue.end()),
                    subgroup=True,
                ),
                sentence=sentence.index,
                victim_actor_type=victim.actor.type if victim else None,
                victim_actor=victim.actor if victim else None,
            )
        )
    return out


def _word_end(text: str) -> int:
    m = _SECOND_WORD.match(text)
    return m.end() if m else 0
