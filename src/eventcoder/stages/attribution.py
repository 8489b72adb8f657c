"""Claimants: who said each figure ("ifølge SOHR", "opplyser politiet", "the health ministry said").

A cue of `lang/<code>/attribution.yaml` in a claim's sentence names its source: the phrase after the cue ("ifølge
X", Norwegian inversion ", sier X") or before it ("X said", "X, the governor's spokesman, said", "X put the death
toll at 9"; also when the phrase after the cue is no source: "Politiet anslår dødstallet til 20", "X sier 21 ble
drept"), cut at punctuation or a stop word and normalised by the language's known sources. A `before` cue names the
source after it only when it is inverted (', said the governor'); "He said" or a cue without a subject of its own
("... and said 14 were killed") repeats the source named last. A claim whose sentence has no cue takes the claimant
of the nearest earlier sentence of the same paragraph that had one (the next sentence often continues the same
source), else of the nearest later one ("– Seks ble drept. Seks ble såret, sier ministeren."). A news agency that
relays another source in the same sentence ("ifølge styresmaktene ..., melder AFP") gives way to it. A paragraph
label ("Source: X") names the source of later paragraphs that have none.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from functools import cache

from eventcoder.lang import load_section
from eventcoder.mentions import ClaimMention, Sentence
from eventcoder.model import Span
from eventcoder.pipeline import Analysis, stage
from eventcoder.stages._patterns import compile_alternation
from eventcoder.stages.claims import lexicon as claims_lexicon

__all__ = ["AttributionLexicon", "Source", "lexicon"]

_MAX_WORDS = 9
_MAX_ROLE_WORDS = 14
_MAX_NAME_WORDS = 5  # a name standing before its apposition: "Abdul Hai Khateby, the governor's spokesman, said"
_TOKEN = re.compile(r"\(?[\w][\w.'’-]*\)?")
_BREAK = re.compile(r"[,.;:!?«»\"“”–—]")
_CLOSES = re.compile(r"\s*(?:[,.;:!?»\"”–—)]|$)")
_TOKEN_BEFORE = re.compile(r"(\w+)\s*$")  # the word right before a cue
_QUOTES = frozenset('"“«–—')
_INVERTED = re.compile(r"[,«»\"“”–—]\s*$")


@dataclass(frozen=True, slots=True)
class AttributionLexicon:
    after: re.Pattern[str]
    before: re.Pattern[str]
    subject: re.Pattern[str]  # cues whose source always stands before them ("with the ministry saying")
    label: re.Pattern[str]  # a paragraph label naming the source of what follows ("Source: Dnipro City Council")
    sources: tuple[tuple[str, re.Pattern[str]], ...]
    stop_words: frozenset[str]
    inner_words: frozenset[str]  # stop words that may stand inside a source named before its cue ("i", "in")
    drop_leading: frozenset[str]
    pronouns: frozenset[str]
    drop_trailing: frozenset[str]
    relays: frozenset[str]
    passive: frozenset[str]
    responsibility: re.Pattern[str]  # words after a cue that make it a claim of responsibility


@dataclass(frozen=True, slots=True, kw_only=True)
class Source:
    name: str
    span: Span
    cue_start: int
    repeats: bool = False  # "he said", "og sa": the source named last


@cache
def lexicon(lang: str) -> AttributionLexicon:
    data = load_section(lang, "attribution")
    after = [p for cue in data["cues"] if cue["source"] == "after" for p in cue["patterns"]]
    before = [p for cue in data["cues"] if cue["source"] == "before" for p in cue["patterns"]]
    subject = [p for cue in data["cues"] if cue["source"] == "subject" for p in cue["patterns"]]
    label = [p for cue in data["cues"] if cue["source"] == "label" for p in cue["patterns"]]
    return AttributionLexicon(
        after=compile_alternation(after),
        before=compile_alternation(before),
        subject=compile_alternation(subject),
        label=compile_alternation(label),
        sources=tuple((s["name"], compile_alternation(s["patterns"])) for s in data.get("sources", [])),
        stop_words=frozenset(w.casefold() for w in data.get("stop_words", [])),
        inner_words=frozenset(w.casefold() for w in data.get("inner_words", [])),
        drop_leading=frozenset(w.casefold() for w in data.get("drop_leading", [])),
        pronouns=frozenset(w.casefold() for w in data.get("pronouns", [])),
        drop_trailing=frozenset(w.casefold() for w in data.get("drop_trailing", [])),
        relays=frozenset(w.casefold() for w in data.get("relays", [])),
        passive=frozenset(w.casefold() for w in data.get("passive", [])),
        responsibility=_after_space(compile_alternation(data.get("responsibility", []))),
    )


def _phrase_after(text: str, start: int, end: int, lex: AttributionLexicon) -> tuple[int, int] | None:
    tokens: list[tuple[int, int]] = []
    for m in _TOKEN.finditer(text, start, end):
        gap = text[tokens[-1][1] if tokens else start : m.start()]
        if _BREAK.search(gap):
            break
        word = m.group(0).strip("().").casefold()
        if word in lex.stop_words:
            break
        tokens.append((m.start(), m.end()))
        if len(tokens) >= _MAX_WORDS or m.group(0).endswith(")"):
            break
    return (tokens[0][0], tokens[-1][1]) if tokens else None


def _after_space(regex: re.Pattern[str]) -> re.Pattern[str]:
    return re.compile(r"\s+" + regex.pattern)


def _collect_before(text: str, start: int, end: int, lex: AttributionLexicon, limit: int) -> list[tuple[int, int]]:
    """Tokens right before `end`, walking back to punctuation or a stop word (nearest first)."""
    tokens = [(m.start(), m.end()) for m in _TOKEN.finditer(text, start, end)]
    kept: list[tuple[int, int]] = []
    for i in range(len(tokens) - 1, -1, -1):
        a, b = tokens[i]
        gap = text[b : kept[-1][0] if kept else end]
        if _BREAK.search(gap):
            break
        word = text[a:b].casefold()
        if word in lex.stop_words and not (kept and word in lex.inner_words and _names_before(text, tokens, i, lex)):
            break  # "helsedepartementet i Gaza opplyser", "officials in the city said": a preposition inside
        kept.append((a, b))
        if len(kept) >= limit:
            break
    while kept and text[kept[-1][0] : kept[-1][1]].casefold() in lex.inner_words:
        kept.pop()
    return kept


def _names_before(text: str, tokens: list[tuple[int, int]], i: int, lex: AttributionLexicon) -> bool:
    """True when the token before tokens[i] is a word of a name phrase (not a stop word, number or punctuation)."""
    if i == 0:
        return False
    a, b = tokens[i - 1]
    word = text[a:b]
    return (
        not _BREAK.search(text[b : tokens[i][0]])
        and word.casefold() not in lex.stop_words
        and not any(c.isdigit() for c in word)
    )


def _segment_before(text: str, start: int, end: int) -> int:
    """Where the clause part that ends at `end` begins: after the nearest punctuation, else at `start`."""
    p = end
    while p > start and not _BREAK.match(text, p - 1):
        p -= 1
    return p


def _is_name(text: str, tokens: list[re.Match[str]]) -> bool:
    return 0 < len(tokens) <= _MAX_NAME_WORDS and all(t.group(0).lstrip("(")[:1].isupper() for t in tokens)


def _apposition(text: str, start: int, end: int) -> tuple[int, int] | None:
    """A name and its apposition before a cue, in either order: "Abdul Hai Khateby, the governor's spokesman,
    says" / "En talsmann for innenriksdepartementet, Nasrat Rahimi, opplyser"."""
    e = end
    while e > start and text[e - 1].isspace():
        e -= 1
    if e <= start or text[e - 1] != ",":
        return None
    inner_start = _segment_before(text, start, e - 1)
    if inner_start <= start or text[inner_start - 1] != ",":
        return None
    outer_start = _segment_before(text, start, inner_start - 1)
    inner = list(_TOKEN.finditer(text, inner_start, e - 1))
    outer = list(_TOKEN.finditer(text, outer_start, inner_start - 1))
    if not inner or not outer or len(inner) + len(outer) > _MAX_ROLE_WORDS + _MAX_NAME_WORDS:
        return None
    if any(c.isdigit() for c in text[outer_start : e - 1]):
        return None
    if not (_is_name(text, inner) or _is_name(text, outer)):
        return None
    return outer[0].start(), inner[-1].end()


def _phrase_before(text: str, start: int, end: int, lex: AttributionLexicon) -> tuple[int, int] | None:
    kept = _collect_before(text, start, end, lex, _MAX_WORDS)
    return (kept[-1][0], kept[0][1]) if kept else None


def _normalise(analysis: Analysis, lex: AttributionLexicon, start: int, end: int) -> Source | None:
    text = analysis.document.text
    for name, regex in lex.sources:
        m = regex.search(text, start, end)
        if m:
            return Source(name=name, span=analysis.document.span(start, end), cue_start=start)
    words = list(_TOKEN.finditer(text, start, end))
    while words and words[0].group(0).casefold() in lex.drop_leading:
        words.pop(0)
    while words and words[-1].group(0).casefold() in lex.drop_trailing:
        words.pop()
    if not words:
        return None
    a, b = words[0].start(), words[-1].end()
    while b > a and text[b - 1] in ".)":
        b -= 1
    while a < b and text[a] == "(":
        a += 1
    phrase = text[a:b]
    if not any(c.isalpha() for c in phrase) or phrase.casefold() in lex.stop_words:
        return None
    return Source(name=phrase, span=analysis.document.span(a, b), cue_start=start)


def _source(analysis: Analysis, lex: AttributionLexicon, rng: tuple[int, int], cue: re.Match[str]) -> Source | None:
    text = analysis.document.text
    if text[rng[0] : rng[1]].casefold() in lex.pronouns:
        return Source(name="", span=analysis.document.span(*rng), cue_start=cue.start(), repeats=True)
    src = _normalise(analysis, lex, *rng)
    if src is None:
        return None
    if _claim_word(analysis, src.span.start, src.span.end):
        return None  # "600 israelere bekreftet drept": a participle, not a source
    return dataclasses.replace(src, cue_start=cue.start())


def _in_a_figure(analysis: Analysis, start: int, end: int) -> bool:
    """Whether the text from `start` to `end` overlaps the evidence of a figure ("minst 600 israelere")."""
    return any(c.claim.evidence.start < end and start < c.claim.evidence.end for c in analysis.claims)


def _claim_word(analysis: Analysis, start: int, end: int) -> bool:
    """Whether the text from `start` to `end` is one claim word ("drept", "dødstallet")."""
    claim_words = claims_lexicon(analysis.lang)
    text = analysis.document.text
    return any(regex.fullmatch(text, start, end) for _, regex in (*claim_words.kinds, *claim_words.zero))


def sentence_sources(analysis: Analysis, sentence: Sentence, lex: AttributionLexicon) -> list[Source]:
    """The sources named in `sentence`; a pronoun ("he said") or a cue without a subject is marked `repeats`."""
    text = analysis.document.text
    s0, s1 = sentence.span.start, sentence.span.end
    out: list[Source] = []
    for m in lex.after.finditer(text, s0, s1):
        # ", sier X" names the source after the verb; "X sier at ..." before it
        if lex.responsibility.match(text, m.end(), s1):
            continue
        # the phrase after the cue, else (none, or no source: "Politiet anslår dødstallet til 20", "al-Shabaab
        # sier 21 ble drept") the phrase before it, unless that holds a figure ("600 israelere bekreftet drept")
        after = _phrase_after(text, m.end(), s1, lex)
        src = _source(analysis, lex, after, m) if after else None
        if src is None:
            rng = _phrase_before(text, s0, m.start(), lex) or _apposition(text, s0, m.start())
            counted = after is not None and rng is not None and _in_a_figure(analysis, *rng)
            src = _source(analysis, lex, rng, m) if rng and not counted else None
        if src:
            out.append(src)
    for m in lex.before.finditer(text, s0, s1):
        # "the governor said" names the source before the verb; ", said the governor" after it
        if lex.responsibility.match(text, m.end(), s1):
            continue  # "IS claimed responsibility for the bombing": a perpetrator, not a source of figures
        previous = _TOKEN_BEFORE.search(text, s0, m.start())
        if previous and previous.group(1).casefold() in lex.passive:
            continue  # "five people were reported killed", "no casualties were reported": nobody is named
        if _INVERTED.search(text, s0, m.start()):
            # ", said the police." (the phrase closes the clause) or "X, the spokesman, said 18 were killed"
            after = _phrase_after(text, m.end(), s1, lex)
            closes = after is not None and _CLOSES.match(text, after[1], s1) is not None
            rng = after if closes else _apposition(text, s0, m.start()) or after
        else:
            rng = _phrase_before(text, s0, m.start(), lex)
        src = _source(analysis, lex, rng, m) if rng else None
        if src is None and not rng:
            # "... and said 14 soldiers had been killed": the subject named before
            src = Source(name="", span=analysis.document.span(m.start(), m.end()), cue_start=m.start(), repeats=True)
        if src:
            out.append(src)
    for m in lex.subject.finditer(text, s0, s1):
        # "with the health ministry saying": the phrase before; ", saying ..." repeats the source named last
        rng = _phrase_before(text, s0, m.start(), lex)
        src = _source(analysis, lex, rng, m) if rng else None
        if src is None and not rng:
            src = Source(name="", span=analysis.document.span(m.start(), m.end()), cue_start=m.start(), repeats=True)
        if src:
            out.append(src)
    out.sort(key=lambda src: src.cue_start)
    return out


@stage(name="attribution", reads=("sentences", "claims"), adds=("claims",))
def attribution(analysis: Analysis) -> Analysis:
    if not analysis.claims:
        return analysis
    lex = lexicon(analysis.lang)
    by_sentence: dict[int, list[Source]] = {}
    labels: list[tuple[int, Source]] = []  # (sentence index, source) of "Source: X" paragraph labels
    last: Source | None = None
    for sentence in analysis.sentences:
        found: list[Source] = []
        label = _label_source(analysis, sentence, lex)
        if label is not None:
            labels.append((sentence.index, label))
            found.append(label)
            last = label
        for src in sentence_sources(analysis, sentence, lex):
            if src.repeats:
                if last is None:
                    continue
                src = dataclasses.replace(last, cue_start=src.cue_start)
            found.append(src)
            last = src
        if found:
            by_sentence[sentence.index] = found
    out: list[ClaimMention] = []
    for cm in analysis.claims:
        sources = (
            by_sentence.get(cm.sentence)
            or _neighbour_sources(analysis, cm.sentence, by_sentence)
            or [src for index, src in labels if index < cm.sentence][-1:]
        )
        if not sources:
            out.append(cm)
            continue
        anchor = cm.claim.evidence.start
        # "Ifølge syriske styresmakter er talet 36, melder AFP": a news agency relays the source it names
        origins = [s for s in sources if s.name.casefold() not in lex.relays] or sources
        best = min(origins, key=lambda s: abs(s.cue_start - anchor))
        out.append(
            dataclasses.replace(cm, claim=dataclasses.replace(cm.claim, claimant=best.name, claimant_span=best.span))
        )
    return analysis.with_layer(claims=tuple(out))


def _label_source(analysis: Analysis, sentence: Sentence, lex: AttributionLexicon) -> Source | None:
    """ "Source: Dnipro City Council, referring to ...": a label at the start of a paragraph names the source of the
    paragraphs after it that name none of their own."""
    text = analysis.document.text
    start = sentence.span.start + len(sentence.span.text) - len(sentence.span.text.lstrip())
    m = lex.label.match(text, start, sentence.span.end)
    if m is None:
        return None
    rng = _phrase_after(text, m.end(), sentence.span.end, lex)
    src = _normalise(analysis, lex, *rng) if rng else None
    return dataclasses.replace(src, cue_start=m.start()) if src else None


def _neighbour_sources(analysis: Analysis, index: int, by_sentence: dict[int, list[Source]]) -> list[Source]:
    """The sources of the nearest earlier sentence of the same paragraph, else of the nearest later one; a
    paragraph that is one quotation without a source continues the speaker of the paragraph before it."""
    sentences = analysis.sentences
    paragraph = sentences[index].paragraph
    first = index
    for step in (-1, 1):
        i = index + step
        while 0 <= i < len(sentences) and sentences[i].paragraph == paragraph:
            if i in by_sentence:
                return by_sentence[i]
            first = min(first, i)
            i += step
    if first > 0 and sentences[first].span.text.lstrip()[:1] in _QUOTES:
        prev = first - 1
        if sentences[prev].paragraph == paragraph - 1 and prev in by_sentence:
            return by_sentence[prev][-1:]
    return []
