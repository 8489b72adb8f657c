"""Actors: named armed groups, country-bound state forces ("russiske styrker", "Afghan police"), civilians and
unidentified armed groups, from `lang/<code>/actors.yaml`."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from babel import Locale

from eventcoder.lang import load_section
from eventcoder.mentions import ActorMention
from eventcoder.model import Actor, ActorType, Document, PlacePrecision
from eventcoder.pipeline import Analysis, stage
from eventcoder.stages._patterns import compile_alternation, pattern_regex

__all__ = ["ActorLexicon", "OrganisedCrime", "actor_name", "country_name", "lexicon", "organised_crime"]


@dataclass(frozen=True, slots=True)
class _Entry:
    name: str
    type: ActorType
    country: str | None
    armed: bool
    named: bool
    templated: bool
    regex: re.Pattern[str]
    # one regex per pattern, each with a `group` capture, for names holding "{group}" ("Tiv Ethnic Militia")
    grouped: tuple[re.Pattern[str], ...] = ()
    ethnic: bool = False  # the captured group is a listed ethnic group ({ethnic}), not any proper name ({group})


@dataclass(frozen=True, slots=True)
class ActorLexicon:
    entries: tuple[_Entry, ...]
    demonyms: tuple[tuple[str, re.Pattern[str]], ...]  # (ISO2, regex)
    agent_markers: frozenset[str] = frozenset()  # "by", "av": the word before the one who did it
    subject_breakers: frozenset[str] = frozenset()  # "against", "were", "said": a name before them is no subject
    list_joiners: re.Pattern[str] = re.compile(r"(?!x)x")  # ", ", " and ": the gap between listed actors
    crime_hallmarks: re.Pattern[str] = re.compile(r"(?!x)x")  # "drive-by", "hands tied": marks of organised crime
    subject_pronouns: frozenset[str] = frozenset()  # "they", "de": a subject that points to the sentence before
    ground_fighters: re.Pattern[str] = re.compile(r"(?!x)x")  # "fighters", "krigere": combatants on foot
    references: tuple[tuple[re.Pattern[str], str], ...] = ()  # "the coalition" -> "coalition": a named actor again
    ethnic_groups: tuple[tuple[str, re.Pattern[str]], ...] = ()  # ("Fulani", "Fulani|Peul|fulanier"): ACLED's name
    not_groups: frozenset[str] = frozenset()  # "local", "armed": capitalised words that name no community or tribe

    def ethnic_group(self, text: str) -> str | None:
        """ACLED's name of the ethnic group `text` names in full ("Peul" -> "Fulani"), if it is a listed one."""
        return next((name for name, regex in self.ethnic_groups if regex.fullmatch(text)), None)

    def group_name(self, captured: str, *, ethnic: bool) -> str | None:
        """The community, clan or ethnic group a militia is named after ("militias from Odejo" -> "Odejo"), or None
        when the captured words are no such name: a demonym ("Yemeni tribesmen"), a listed ethnic group where any
        proper name was asked for (the ethnic entry names it), or a common word ("Local militias")."""
        if ethnic:
            return self.ethnic_group(captured)
        words = captured.split()
        if (
            any(w.casefold() in self.not_groups for w in words)
            or self.demonym_country(captured) is not None
            or self.ethnic_group(captured) is not None
        ):
            return None
        return captured

    def demonym_country(self, text: str) -> str | None:
        found = self.find_demonym(text, 0, len(text))
        return found[0] if found else None

    def find_demonym(self, text: str, start: int, end: int) -> tuple[str, int, int] | None:
        """The last demonym in text[start:end], the longest of those ending there ("South Sudanese", not
        "Sudanese"): (ISO2, start, end)."""
        best: tuple[str, int, int] | None = None
        for iso, regex in self.demonyms:
            for m in regex.finditer(text, start, end):
                if best is None or (m.end(), -m.start()) > (best[2], -best[1]):
                    best = (iso, m.start(), m.end())
        return best


@cache
def _country_names() -> dict[str, str]:
    names = {str(k): str(v) for k, v in Locale("en").territories.items() if len(str(k)) == 2}
    data = load_section("en", "actors")
    names.update(data.get("country_names", {}))
    return names


def country_name(iso: str) -> str:
    """The English country name used in actor names ("Military Forces of Syria")."""
    return _country_names().get(iso, iso).replace(" & ", " and ")


def actor_name(template: str, iso: str | None) -> str:
    """A country-templated ACLED name filled in: "Military Forces of the Philippines", "Civilians (Philippines)";
    without a country the country part is dropped ("Civilians")."""
    if "{country}" not in template:
        return template
    if iso is None:
        return template.replace(" ({country})", "").replace(" of {country}", "").replace("{country}", "").strip()
    name = template.format(country=country_name(iso))
    return name.replace("(the ", "(")


@cache
def lexicon(lang: str) -> ActorLexicon:
    data = load_section(lang, "actors")
    demonym_patterns: dict[str, list[str]] = {str(k): list(v) for k, v in data.get("demonyms", {}).items()}
    all_demonyms = [p for forms in demonym_patterns.values() for p in forms]
    slot = "(?:" + "|".join(sorted((pattern_regex(p) for p in all_demonyms), key=len, reverse=True)) + ")"
    ethnic_forms: dict[str, list[str]] = {str(k): [str(f) for f in v] for k, v in data.get("ethnic_groups", {}).items()}
    ethnic_sources = sorted((pattern_regex(f) for fs in ethnic_forms.values() for f in fs), key=len, reverse=True)
    group_slots = {"group": _PROPER_NAME, "ethnic": "|".join(ethnic_sources) or r"(?!x)x"}
    entries: list[_Entry] = []
    for item in data.get("named", []):
        entries.append(
            _Entry(
                name=item["name"],
                type=ActorType(item["type"]),
                country=item.get("country"),
                armed=item.get("armed", True),
                named=True,
                templated=False,
                regex=compile_alternation(item["patterns"]),
            )
        )
    for item in data.get("templated", []):
        if "{group}" in item["name"]:
            entries.append(_grouped_entry(item, group_slots))
            continue
        entries.append(
            _Entry(
                name=item["name"],
                type=ActorType(item["type"]),
                country=None,
                armed=item.get("armed", True),
                named=False,
                templated=True,
                regex=compile_alternation(item["patterns"], slots={"demonym": slot} if all_demonyms else None),
            )
        )
    demonyms = tuple((iso, compile_alternation(forms)) for iso, forms in sorted(demonym_patterns.items()))
    agents = frozenset(str(w).casefold() for w in data.get("agent_markers", []))
    words = "|".join(re.escape(str(w)) for w in data.get("list_joiners", []))
    joiners = re.compile(rf"\s*(?:,\s*)?(?:(?:{words})\s+)?" if words else r"\s*,\s*", re.IGNORECASE)
    return ActorLexicon(
        entries=tuple(entries),
        demonyms=demonyms,
        agent_markers=agents,
        subject_breakers=frozenset(str(w).casefold() for w in data.get("subject_breakers", [])),
        list_joiners=joiners,
        crime_hallmarks=compile_alternation(data.get("crime_hallmarks", [])),
        subject_pronouns=frozenset(str(w).casefold() for w in data.get("subject_pronouns", [])),
        ground_fighters=compile_alternation(data.get("ground_fighters", [])),
        references=tuple(
            (compile_alternation([str(form)]), str(word).casefold())
            for form, word in (data.get("definite_references") or {}).items()
        ),
        ethnic_groups=tuple((name, compile_alternation(forms)) for name, forms in ethnic_forms.items()),
        not_groups=frozenset(str(w).casefold() for w in data.get("not_group_names", [])),
    )


# a proper name of one to three capitalised words ("Odejo", "Al Awad", "Bani Ali"), case-sensitive
_PROPER_NAME = r"(?P<group>[A-Z][\w'’]*(?:[ -][A-Z][\w'’]*){0,2})"


def _grouped_entry(item: dict[str, Any], slots: dict[str, str]) -> _Entry:
    """A templated entry whose name holds the group the text names ("{group} Ethnic Militia ({country})"): each
    pattern compiled on its own so that its `{group}` or `{ethnic}` slot is captured."""
    patterns = [str(p) for p in item["patterns"]]
    ethnic = any("{ethnic}" in p for p in patterns)
    captured = {"group": slots["group"], "ethnic": f"(?P<group>{slots['ethnic']})"}
    return _Entry(
        name=item["name"],
        type=ActorType(item["type"]),
        country=None,
        armed=item.get("armed", True),
        named=False,
        templated=True,
        regex=re.compile(r"(?!x)x"),
        grouped=tuple(compile_alternation([p], slots=captured) for p in patterns),
        ethnic=ethnic,
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class OrganisedCrime:
    """ACLED's names for the unidentified side of organised crime where it codes gangs."""

    gang: str  # "Unidentified Gang ({country})"
    armed_gang: dict[str, str]  # ISO2 -> the name of an unknown side that kills or fires, where it differs
    countries: frozenset[str]

    def name(self, iso: str, *, armed: bool) -> str:
        return actor_name(self.armed_gang.get(iso, self.gang) if armed else self.gang, iso)


@cache
def organised_crime() -> OrganisedCrime:
    """The names of the English file's `organised_crime` (ACLED names, the same for every language)."""
    data = load_section("en", "actors").get("organised_crime") or {}
    return OrganisedCrime(
        gang=str(data.get("gang", "Unidentified Gang ({country})")),
        armed_gang={str(k): str(v) for k, v in (data.get("armed_gang") or {}).items()},
        countries=frozenset(str(c) for c in data.get("countries", [])),
    )


@stage(name="actors", reads=("places",), adds=("actors",))
def actors(analysis: Analysis) -> Analysis:
    doc = analysis.document
    lex = lexicon(analysis.lang)
    found: list[tuple[int, int, int, _Entry, str]] = []  # (start, end, priority, entry, name)
    for entry in lex.entries:
        for m in entry.regex.finditer(doc.text):
            found.append((m.start(), m.end(), 1 if entry.named else 0, entry, entry.name))
        found.extend(_grouped_matches(doc.text, entry, lex))
    # longest first, named before generic; keep non-overlapping
    found.sort(key=lambda f: (-(f[1] - f[0]), -f[2], f[0]))
    taken: list[tuple[int, int]] = []
    mentions: list[ActorMention] = []
    for start, end, _prio, entry, entry_name in found:
        if any(start < b and a < end for a, b in taken):
            continue
        taken.append((start, end))
        span = doc.span(start, end)
        country = entry.country
        name = entry_name
        template: str | None = None
        if entry.templated:
            country = lex.demonym_country(span.text) or _owner_country(analysis, start)
            if country is not None:
                name = actor_name(entry_name, country)
            else:
                template = entry_name
        mentions.append(
            ActorMention(
                span=span,
                actor=Actor(name=name, type=entry.type, country=country, text=span.text, span=span),
                template=template,
                armed=entry.armed,
                named=entry.named,
            )
        )
    mentions.sort(key=lambda m: m.span.start)
    joined = _join_named(doc.text, _inherit_country(_group_again(mentions, lex)), doc)
    return analysis.with_layer(actors=tuple(_named_again(doc, joined, lex)))


def _grouped_matches(text: str, entry: _Entry, lex: ActorLexicon) -> list[tuple[int, int, int, _Entry, str]]:
    """ "Tiv militias" -> "Tiv Ethnic Militia ({country})", "militias from Odejo" -> "Odejo Communal Militia
    ({country})": ACLED names an identity militia after the ethnic group, community or tribe the text names."""
    out: list[tuple[int, int, int, _Entry, str]] = []
    for regex in entry.grouped:
        for m in regex.finditer(text):
            captured, start = m.group("group"), m.start()
            if not entry.ethnic:  # "Later Al Awad tribesmen": the name begins after the sentence's opening word
                words = captured.split(" ")
                while len(words) > 1 and words[0].casefold() in lex.not_groups:
                    if m.start("group") == start:
                        start += len(words[0]) + 1
                    words = words[1:]
                captured = " ".join(words)
            group = lex.group_name(captured, ethnic=entry.ethnic)
            if group is not None:
                out.append((start, m.end(), 0, entry, entry.name.replace("{group}", group)))
    return out


def _group_again(mentions: list[ActorMention], lex: ActorLexicon) -> list[ActorMention]:
    """ "clashes between Al Hayash tribesmen and ... Tribesmen took control of checkpoints": a later unnamed militia
    of a kind ("Unidentified Tribal Militia") is the group of that kind the text named before it."""
    kinds = [e.name.removeprefix("{group} ").removesuffix(" ({country})") for e in lex.entries if e.grouped]
    last: dict[str, ActorMention] = {}
    out: list[ActorMention] = []
    for m in mentions:
        name = _COUNTRY_PART.sub("", m.template or m.actor.name)  # "Al Awad Tribal Militia"
        kind = next((k for k in kinds if name.endswith(k)), None)  # "Tribal Militia"
        if kind is None:
            out.append(m)
            continue
        if not name.startswith(_UNNAMED):
            last[kind] = m
        elif kind in last:
            named = last[kind]
            was = named.actor
            actor = Actor(name=was.name, type=was.type, country=was.country, text=m.actor.text, span=m.span)
            m = ActorMention(span=m.span, actor=actor, template=named.template, armed=m.armed, named=m.named)
        out.append(m)
    return out


_UNNAMED = "Unidentified "
_COUNTRY_PART = re.compile(r" \([^()]*\)$")


def _owner_country(analysis: Analysis, start: int) -> str | None:
    """The country whose name stands right before a mention ("Ukraine's air force", "Ukrainas luftforsvar",
    "Israel Defense Forces"): that country's forces, whatever other countries the text named before."""
    text = analysis.document.text
    for p in analysis.places:
        if p.span.end > start:
            break
        if (
            p.place is not None
            and p.place.precision is PlacePrecision.COUNTRY
            and p.span.end >= start - 1
            and not text[p.span.end : start].strip()
        ):
            return p.place.country
    return None


def _named_again(doc: Document, mentions: list[ActorMention], lex: ActorLexicon) -> list[ActorMention]:
    """ "the Saudi-led coalition ... a Monday airstrike by the coalition", "koalisjonen": a definite short form
    names again the last named armed actor before it whose words hold the form's word."""
    if not lex.references:
        return mentions
    found: list[ActorMention] = []
    for regex, word in lex.references:
        for m in regex.finditer(doc.text):
            if any(a.span.start < m.end() and m.start() < a.span.end for a in mentions):
                continue
            earlier = [a for a in mentions if a.named and a.armed and a.span.end <= m.start()]
            named = next((a for a in reversed(earlier) if word in a.span.text.casefold()), None)
            if named is None:
                continue
            span = doc.span(m.start(), m.end())
            actor = Actor(
                name=named.actor.name, type=named.actor.type, country=named.actor.country, text=span.text, span=span
            )
            found.append(ActorMention(span=span, actor=actor, armed=True, named=True))
    return sorted([*mentions, *found], key=lambda a: a.span.start) if found else mentions


def _inherit_country(mentions: list[ActorMention]) -> list[ActorMention]:
    """ "Israeli forces fired ... Soldiers also shot ...": state forces named without a demonym belong to the one
    country the article has named such forces of so far."""
    seen: dict[str, set[str]] = {}
    out: list[ActorMention] = []
    for m in mentions:
        if m.actor.type is not ActorType.STATE_FORCES:
            out.append(m)
            continue
        base = m.template or _template_of(m)
        if m.template is None and m.actor.country is not None and base is not None:
            seen.setdefault(base, set()).add(m.actor.country)
        countries = seen.get(m.template, set()) if m.template is not None else set()
        if m.template is not None and len(countries) == 1:
            iso = next(iter(countries))
            actor = Actor(
                name=actor_name(m.template, iso), type=m.actor.type, country=iso, text=m.actor.text, span=m.span
            )
            m = ActorMention(span=m.span, actor=actor, template=None, armed=m.armed, named=m.named)
        out.append(m)
    return out


def _template_of(mention: ActorMention) -> str | None:
    """The template a demonym-filled name came from ("Military Forces of Israel" -> "Military Forces of {country}")."""
    iso = mention.actor.country
    if iso is None:
        return None
    name = mention.actor.name
    for filled in (country_name(iso), country_name(iso).removeprefix("the ")):
        if filled in name:
            return name.replace(filled, "{country}", 1)
    return None


def _join_named(text: str, mentions: list[ActorMention], doc: Document) -> list[ActorMention]:
    """ "Taliban militants", "IS fighters", "pro-Houthi air defence", "NATO troops": a generic armed noun right
    after a named group is that group; the two mentions become one."""
    out: list[ActorMention] = []
    for m in mentions:
        prev = out[-1] if out else None
        gap = text[prev.span.end : m.span.start] if prev is not None else ""
        generic_after = m.template is not None and m.actor.type in _JOINABLE and bool(_JOINER.fullmatch(gap))
        either_or = m.named and m.armed and gap.strip() == "/"  # "Boko Haram/IS": one claimant, two names
        if prev is not None and prev.named and prev.armed and (generic_after or either_or):
            span = doc.span(prev.span.start, m.span.end)
            actor = Actor(
                name=prev.actor.name, type=prev.actor.type, country=prev.actor.country, text=span.text, span=span
            )
            out[-1] = ActorMention(span=span, actor=actor, template=None, armed=True, named=True)
            continue
        out.append(m)
    return out


_JOINABLE = frozenset({ActorType.REBEL_GROUP, ActorType.STATE_FORCES})
_JOINER = re.compile(r"\s*-?\s*")
