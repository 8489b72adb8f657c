"""Which event of an article each casualty claim belongs to.

A claim goes to the event whose sentences hold it, else (unless its sentence recalls the past: "Last year, 30 people
went missing") to the nearest earlier event that is not background, else to the first event that is not background.
Before that default:
- a whole war's toll ("the fighting that has killed more than 10,000 people", "so far this year"), a period's sum
  over several events ("in the past 24 hours") and a figure of a recalled event ("two days after two soldiers were
  killed") belong to no event of the day: to the background event that holds their sentence, else to none;
- a figure in the headline belongs to the main event, the first one the body reports;
and after it:
- a sentence that points back with an event word ("i angrepet", "in the attack") gives its figures to the event that
  word names (the last one reported with the same word), not to the event its other words joined;
- a figure whose own clause names a place ("killed 12 troops in an ambush in neighbouring Burkina Faso") goes to the
  event of that place; with no such event, a place in another country than the event's takes the figure away;
- a figure that restates one reported earlier for another event of the same kind and place (the lead's "at least 6
  civilians were killed" and the body's "killing six civilians") is that event's figure.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Sequence

from eventcoder.mentions import ClaimMention, PlaceMention
from eventcoder.model import DatePrecision, Place, PlacePrecision, Victims
from eventcoder.pipeline import Analysis
from eventcoder.stages import triggers as trigger_stage
from eventcoder.stages._anaphora import cues as anaphora_cues
from eventcoder.stages._anaphora import refers_back
from eventcoder.stages._attachcues import attach_cues, in_clause, located, right_before
from eventcoder.stages._draft import Draft, places_compatible

__all__ = ["attach_claims", "heading_sentences", "headline_sentences"]

_SENTENCE_END = re.compile(r"[.!?…][\"'»”’)\]]*$")
_STEM = 5  # letters two event words share when one names the other ("angrepet" -> "Angrepet ble innledet")
_WORD = re.compile(r"\w+")


def heading_sentences(analysis: Analysis) -> frozenset[int]:
    """The sentences that are headings, wherever they stand: marked so, or a paragraph of one line without a final
    stop ("Klokken 06.40")."""
    sizes = Counter(s.paragraph for s in analysis.sentences)
    return frozenset(
        s.index
        for s in analysis.sentences
        if s.heading or (sizes[s.paragraph] == 1 and not _SENTENCE_END.search(s.span.text))
    )


def headline_sentences(analysis: Analysis) -> frozenset[int]:
    """The leading sentences that are headings (`heading_sentences` up to the first that is not)."""
    headings = heading_sentences(analysis)
    out: set[int] = set()
    for s in analysis.sentences:
        if s.index not in headings:
            break
        out.add(s.index)
    return frozenset(out)


def _home(events: Sequence[Draft], sentence: int, *, at: int) -> Draft | None:
    """The event whose sentences hold the claim; of a sentence split in two (two countries), the half whose event
    words come last before the figure at offset `at`."""
    owners = [e for e in events if sentence in e.sentences]
    return max(
        owners,
        key=lambda e: max((t.span.start for t in e.triggers if t.span.start <= at), default=-1),
        default=None,
    )


def _history(analysis: Analysis, index: int) -> bool:
    """A sentence that recalls the past ("In 2019, 30 people died there"): a background date or cue, and no date
    of its own that is news (a whole year says too little)."""
    span = analysis.sentences[index].span
    dates = [d for d in analysis.dates if span.start <= d.span.start < span.end]
    if any(not d.background and d.window.precision is not DatePrecision.YEAR for d in dates):
        return False
    return any(d.background for d in dates) or bool(trigger_stage.lexicon(analysis.lang).background.search(span.text))


def _default(analysis: Analysis, events: Sequence[Draft], sentence: int, *, at: int) -> Draft | None:
    home = _home(events, sentence, at=at)
    if home is not None:
        return home
    if _history(analysis, sentence):
        return None
    earlier = [e for e in events if min(e.sentences) < sentence and not e.background]
    if earlier:
        return max(earlier, key=lambda e: max(s for s in e.sentences if s < sentence))
    return next((e for e in events if not e.background), None)


def _beyond_the_day(analysis: Analysis, cm: ClaimMention) -> bool:
    """A whole war's or period's toll, or the toll of an event the sentence recalls."""
    cues = attach_cues(analysis.lang)
    text, sentence, figure = analysis.document.text, analysis.sentences[cm.sentence].span, cm.claim.evidence
    return (
        in_clause(cues.cumulative, text=text, sentence=sentence, figure=figure)
        or in_clause(cues.period, text=text, sentence=sentence, figure=figure)
        or right_before(cues.recalled, text=text, sentence=sentence, figure=figure)
    )


def _stem(word: str) -> str:
    words = _WORD.findall(word.casefold())
    return words[-1][:_STEM] if words else ""


def _named_event(analysis: Analysis, cm: ClaimMention, events: Sequence[Draft], owner: Draft) -> Draft | None:
    """The event a pointing-back word of the claim's sentence names, when it is another event than `owner`."""
    sentence = analysis.sentences[cm.sentence].span
    text = analysis.document.text
    cue = anaphora_cues(analysis.lang)
    active = [t for t in analysis.triggers if not (t.negated or t.hypothetical)]
    figures = [c.claim.evidence for c in analysis.claims if c.sentence == cm.sentence]
    # event words, not the claim's own verb ("the attack that killed four": "that killed" points nowhere)
    pointing = [
        t
        for t in active
        if sentence.start <= t.span.start < sentence.end
        and not any(f.start < t.span.end and t.span.start < f.end for f in figures)
        and refers_back(text[sentence.start : t.span.start], t.span.text, cue)
    ]
    if any(not t.generic and t.event_type is owner.event_type for t in pointing):
        return None  # "The blast ..." of an explosion event: the sentence is about its owner
    stems = {_stem(t.span.text) for t in pointing}
    stems.discard("")
    if not stems:
        return None
    named = [t for t in active if t.span.start < sentence.start and _stem(t.span.text) in stems]
    if not named:
        return None
    last = max(named, key=lambda t: t.span.start)
    event = _home(events, analysis.sentence_of(last.span.start), at=last.span.start)
    if event is None or event is owner or event.background:
        return None
    return event


def _own_places(analysis: Analysis, cm: ClaimMention) -> list[PlaceMention]:
    """Resolved places named after the figure in its clause, up to the next figure of the sentence."""
    sentence = analysis.sentences[cm.sentence].span
    figure = cm.claim.evidence
    later = [
        c.claim.evidence.start
        for c in analysis.claims
        if c.sentence == cm.sentence and c.claim.evidence.start >= figure.end
    ]
    end = min([sentence.end, *later])
    said = [c.claim.claimant_span for c in analysis.claims if c.claim.claimant_span is not None]
    return [
        p
        for p in analysis.places
        if p.place is not None
        and figure.end <= p.span.start < end
        and not any(s.start <= p.span.start < s.end for s in said)
    ]


def _placed(analysis: Analysis, cm: ClaimMention, events: Sequence[Draft], owner: Draft) -> Draft | None:
    """The owner of a figure whose own clause names where it happened: `owner` when the place agrees with it, else
    the nearest event whose place agrees, else no event when the place is another country, else `owner`."""
    cues = attach_cues(analysis.lang)
    sentence = analysis.sentences[cm.sentence].span
    # where the figure happened ("in neighbouring Burkina Faso"), not where its victims come from ("from Chad")
    places = [
        m.place
        for m in _own_places(analysis, cm)
        if m.place is not None and located(cues, text=analysis.document.text, sentence=sentence, place=m.span)
    ]
    here = _place(owner)
    if not places or here is None or any(places_compatible(here, p) for p in places):
        return owner
    fits = [
        e
        for e in events
        if e is not owner
        and not e.background
        and (there := _place(e)) is not None
        and all(places_compatible(there, p) for p in places)
    ]
    if fits:
        return min(fits, key=lambda e: min(abs(s - cm.sentence) for s in e.sentences))
    # a named country is never a misread word: a figure placed in another country is no figure of this event
    abroad = [p for p in places if p.precision is PlacePrecision.COUNTRY and here.country and p.country != here.country]
    return None if abroad else owner


def _same_figure(a: ClaimMention, b: ClaimMention) -> bool:
    x, y = a.claim, b.claim
    loose = (Victims.TOTAL, Victims.UNKNOWN)
    return (
        x.kind is y.kind
        and x.low is not None
        and x.low == y.low
        and x.low > 0
        and (x.victims is y.victims or x.victims in loose or y.victims in loose)
    )


def _place(event: Draft) -> Place | None:
    """The event's place as its own words give it: datelines (`PlaceMention.dateline`, marked by the place finder)
    left out, so an event whose only place is a dateline has none here."""
    own = [p for p in event.places if not p.dateline]
    return event.place if len(own) == len(event.places) else dataclasses.replace(event, places=own).place


def _alike(a: Draft, b: Draft) -> bool:
    types = a.event_type is None or b.event_type is None or a.event_type is b.event_type
    windows = a.window is None or b.window is None or a.window.overlaps(b.window)
    return types and windows and not a.background and not b.background and places_compatible(_place(a), _place(b))


def _restated(events: Sequence[Draft]) -> None:
    """Move each figure that restates an earlier figure of another event of the same kind, day and place to that
    event, with the other figures of its sentence."""
    for event in events:
        for cm in list(event.claims):
            first = next(
                (
                    other
                    for other in events
                    if other is not event
                    and _alike(other, event)
                    and any(c.sentence < cm.sentence and _same_figure(c, cm) for c in other.claims)
                ),
                None,
            )
            if first is not None and cm in event.claims:
                # the restating sentence is one report: its other figures ("and wounding 12") go along
                report = [c for c in event.claims if c.sentence == cm.sentence]
                event.claims[:] = [c for c in event.claims if c.sentence != cm.sentence]
                first.claims.extend(report)


def attach_claims(*, analysis: Analysis, events: Sequence[Draft]) -> None:
    """Append each claim of `analysis` to the `claims` of the event it belongs to (at most one)."""
    if not events:
        return
    headline = headline_sentences(analysis)
    main = next((e for e in events if not e.background and any(s not in headline for s in e.sentences)), None)
    for cm in analysis.claims:
        owner: Draft | None
        if _beyond_the_day(analysis, cm):
            home = _home(events, cm.sentence, at=cm.claim.evidence.start)
            owner = home if home is not None and home.background else None
        elif cm.sentence in headline and main is not None:
            owner = main
        else:
            owner = _default(analysis, events, cm.sentence, at=cm.claim.evidence.start)
            if owner is not None and not owner.background:
                owner = _named_event(analysis, cm, events, owner) or owner
                owner = _placed(analysis, cm, events, owner)
        if owner is not None:
            owner.claims.append(cm)
    _restated(events)
