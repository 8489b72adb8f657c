"""Find place-name mentions in a text: capitalised tokens and sequences that match the gazetteer's alias index,
also inside compounds ("Idlib-provinsen", "Ghwayran-fengselet"), genitives ("Kabuls") and with the words around
them ("nord for Bagdad", "Kunduz province", "the military academy in Homs")."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from eventcoder.geo.gazetteer import Gazetteer, Kind
from eventcoder.geo.normalise import light_key
from eventcoder.geo.words import PlaceWords

__all__ = ["Cue", "Hint", "RawMention", "country_cues", "cue_spans", "find_raw_mentions", "tokens"]

_TOKEN = re.compile(r"[^\W_](?:[^\W_]|['’\-‐](?=[^\W_]))*")
_MAX_TOKENS = 5
_LOOKBACK = 60
_COUNTRY_KIND = tuple(Kind).index(Kind.COUNTRY)
_ADMIN1_KIND = tuple(Kind).index(Kind.ADMIN1)


class Hint(StrEnum):
    NONE = "none"
    SITE = "site"
    ADMIN1 = "admin1"
    DISTRICT = "district"
    SUBAREA = "subarea"
    NEAR = "near"
    WATER = "water"


@dataclass(frozen=True, slots=True, kw_only=True)
class RawMention:
    """A place name found in the text with its gazetteer candidates, before resolution."""

    start: int  # the whole mention ("nord for Bagdad", "Idlib-provinsen")
    end: int
    key: str  # light key looked up (after exonyms, suffixes and genitives are removed)
    ids: tuple[int, ...]  # candidate entry ids
    fuzzy: bool = False  # candidates came from the skeleton index
    hint: Hint = Hint.NONE
    country: str | None = None  # set when the name is a country name of the language data
    cue: bool = False  # a place preposition stands right before it
    initial: bool = False  # first word of its sentence
    sentence: int = 0
    partial: bool = False  # only part of a longer capitalised name ("Hamar" of "Hamar Weyne", "Congress Party")
    acronym: bool = False  # written in capitals ("NATO", "KABUL")
    dateline: bool = False  # opens a line and is followed by an agency or a dash ("KABUL (Reuters) -")
    direction: str | None = None  # a part of a country: "southern Saudi Arabia", "Nord-Syria", "sør i Ukraina"
    bearing: str | None = None  # some way off in one direction: "north of Baghdad", "nord for Bagdad"

    @property
    def weak(self) -> bool:
        """Read from little evidence: a piece of a longer name, a fuzzy spelling or an acronym."""
        return self.partial or self.fuzzy or self.acronym


@dataclass(frozen=True, slots=True)
class _Tok:
    start: int
    end: int
    text: str


def tokens(text: str) -> list[_Tok]:
    return [_Tok(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]


def _capitalised(tok: str, words: PlaceWords) -> bool:
    head, sep, rest = tok.partition("-")
    if sep and head.casefold() in words.connectors and rest[:1].isupper():
        return True
    return tok[:1].isupper()


@dataclass(frozen=True, slots=True, kw_only=True)
class Cue:
    """A word that points the text at a country without naming a place: a demonym or a context name."""

    start: int
    end: int
    country: str  # ISO2


def cue_spans(text: str, words: PlaceWords) -> list[Cue]:
    """Demonyms ("syriske", "Ukrainian") and context names ("OSCE SMM") of `text`, in text order."""
    toks = tokens(text)
    found = [
        Cue(start=tok.start, end=tok.end, country=iso)
        for k, tok in enumerate(toks)
        if (iso := words.demonyms.get(tok.text.casefold())) and not _names_area(toks, k, text, words)
    ]
    found += [
        Cue(start=m.start(), end=m.end(), country=words.context_names[m.group()])
        for m in words.context_pattern.finditer(text)
    ]
    return sorted(found, key=lambda c: c.start)


def _names_area(toks: Sequence[_Tok], k: int, text: str, words: PlaceWords) -> bool:
    """Whether token k is followed by a province word: a demonym that names an area ("Somali region")."""
    return (
        k + 1 < len(toks)
        and text[toks[k].end : toks[k + 1].start] == " "
        and words.suffix_hint(toks[k + 1].text) == "admin1"
    )


def country_cues(text: str, words: PlaceWords) -> Counter[str]:
    """Countries named by demonyms ("syriske", "Ukrainian") and context names ("OSCE SMM"), counted."""
    return Counter(c.country for c in cue_spans(text, words))


def _lookup(key: str, gaz: Gazetteer, words: PlaceWords) -> tuple[str, tuple[int, ...], str | None]:
    """(key used, ids, country ISO) for an exact lookup through exonyms and country names."""
    if key in words.countries:
        return key, (), words.countries[key]
    mapped = words.names.get(key)
    if mapped:
        ids = gaz.lookup(mapped)
        if ids:
            return mapped, ids, None
    return key, gaz.lookup(key), None


@dataclass(slots=True)
class _Finder:
    text: str
    gaz: Gazetteer
    words: PlaceWords
    toks: list[_Tok]
    initial: set[int]  # token indexes that open a sentence
    sentence_of: list[int]

    def match(self, i: int, j: int, *, how: str) -> RawMention | None:
        """Try the tokens i..j (inclusive) as one name: `how` is "exact", "fuzzy" or "bare" (a site word
        compound whose name is not in the gazetteer, "Ghwayran-fengselet")."""
        start, end = self.toks[i].start, self.toks[j].end
        surface = self.text[start:end]
        key = light_key(surface)
        if not key or key in self.words.stop_keys:
            return None
        if surface.casefold() in self.words.demonyms and not _names_area(self.toks, j, self.text, self.words):
            return None
        if any(  # "Talibans", "Taliban's": a never-place name in the genitive
            surface.endswith(e) and light_key(surface[: -len(e)]) in self.words.stop_keys
            for e in self.words.genitive_endings
        ):
            return None
        last = self.toks[j].text
        head, sep, tail = last.rpartition("-")
        hint = self.words.suffix_hint(tail) if sep and head else None
        name = self.text[start : self.toks[j].start] + head if hint else surface
        if how == "head":  # "Kahnuj-Ghale", "Abeokuta-Ayetoro": the first of two joined names
            first = self.toks[i].text.split("-")[0]
            if j != i or first == self.toks[i].text or not first[:1].isupper():
                return None
            used, ids, iso = _lookup(light_key(first), self.gaz, self.words)
            if not ids or light_key(first) in self.words.stop_keys:
                return None
            return RawMention(start=start, end=start + len(first), key=used, ids=ids, country=iso)
        if how == "bare":
            if hint != "site" or light_key(self.toks[i].text) in self.words.stop_keys:
                return None
            return RawMention(start=start, end=end, key=light_key(name), ids=(), hint=Hint.SITE)
        if how == "fuzzy":
            ids = self.gaz.lookup_fuzzy(light_key(name))
            if not ids:
                return None
            return RawMention(
                start=start, end=end, key=light_key(name), ids=ids, fuzzy=True, hint=Hint(hint) if hint else Hint.NONE
            )
        for ending in self.words.genitive_endings:  # "Mali's border": the country before a namesake "Malis"
            if surface.endswith(ending) and len(surface) > len(ending) + 2:
                used, ids, iso = _lookup(light_key(surface[: -len(ending)]), self.gaz, self.words)
                if iso or any(self.gaz.kinds[i] == _COUNTRY_KIND for i in ids):
                    return RawMention(start=start, end=end, key=used, ids=ids, country=iso)
        used, ids, iso = _lookup(key, self.gaz, self.words)
        if ids or iso:
            return RawMention(start=start, end=end, key=used, ids=ids, country=iso)
        part = self.words.directions.get(head.casefold()) if sep and i == j else None
        if part:  # "Nord-Syria", "Øst-Ukraina"
            used, ids, iso = _lookup(light_key(tail), self.gaz, self.words)
            if iso or (ids and all(self.gaz.kinds[x] == _COUNTRY_KIND for x in ids)):
                return RawMention(start=start, end=end, key=used, ids=ids, country=iso, direction=part)
        if hint:
            used, ids, iso = _lookup(light_key(name), self.gaz, self.words)
            if ids or iso:
                return RawMention(start=start, end=end, key=used, ids=ids, country=iso, hint=Hint(hint))
        for ending in self.words.genitive_endings:
            if surface.endswith(ending) and len(surface) > len(ending) + 2:
                used, ids, iso = _lookup(light_key(surface[: -len(ending)]), self.gaz, self.words)
                if ids or iso:
                    return RawMention(start=start, end=end, key=used, ids=ids, country=iso)
        return None

    def sequence_end(self, i: int) -> int:
        """Index of the last token that may still belong to a name opening at token i."""
        j = i
        while j + 1 < len(self.toks) and j + 1 - i < _MAX_TOKENS:
            nxt = self.toks[j + 1]
            gap = self.text[self.toks[j].end : nxt.start]
            if gap not in (" ", "-") or (j + 1) in self.initial:
                break
            if _capitalised(nxt.text, self.words):
                j += 1
                continue
            k = j + 1  # a run of connectors ("de la") between two capitalised words
            while k < len(self.toks) and self.toks[k].text in self.words.connectors and k - j <= 2:
                k += 1
            if (
                k > j + 1
                and k < len(self.toks)
                and _capitalised(self.toks[k].text, self.words)
                and all(self.text[self.toks[x].end : self.toks[x + 1].start] in (" ", "-") for x in range(j + 1, k))
            ):
                j = k
                continue
            break
        return j

    def extends(self, k: int, *, before: bool) -> bool:
        """Whether token k, next to a match, is more of the same proper name ("Weyne" after "Hamar")."""
        if k < 0 or k >= len(self.toks):
            return False
        a, b = (k, k + 1) if before else (k - 1, k)
        if b in self.initial or self.text[self.toks[a].end : self.toks[b].start] not in (" ", "-"):
            return False
        tok = self.toks[k].text
        if not _capitalised(tok, self.words) or tok.casefold() in self.words.place_prepositions:
            return False
        key = light_key(tok)
        stop = key in self.words.stop_keys or any(
            tok.endswith(e) and light_key(tok[: -len(e)]) in self.words.stop_keys for e in self.words.genitive_endings
        )
        if before:
            return not (k in self.initial and stop)
        return self.words.suffix_hint(tok) is None and not stop

    def joined_after(self, j: int) -> bool:
        """Whether a connector and a capitalised word follow token j: the name goes on ("Cristo Rey de Cachiche
        prison"), though the whole of it is not in the gazetteer."""
        k = j + 1
        while (
            k < len(self.toks)
            and k - j <= 2
            and self.toks[k].text in self.words.connectors
            and self.toks[k].text.casefold() not in self.words.place_prepositions
            and self.text[self.toks[k - 1].end : self.toks[k].start] == " "
        ):
            k += 1
        return (
            j + 1 < k < len(self.toks)
            and k not in self.initial
            and self.text[self.toks[k - 1].end : self.toks[k].start] == " "
            and self.toks[k].text[:1].isupper()
        )

    def unknown(self, i: int, last: int, *, cue: bool) -> RawMention | None:
        """A name the gazetteer does not know, kept (without candidates) where its place in the text still says
        something: after a near phrase ("near Pyshchevyk": a village the report locates), or after a place
        preposition and before an apposition ("in Kaboresha (Chikun LGA, Kaduna)", "near Starohnativka, Donetsk"),
        whose slot then names the province of an unknown village, not a namesake town."""
        while last > i and self.toks[last].text in self.words.connectors:
            last -= 1
        if i in self.initial:
            return None
        for k in range(i + 1, last + 1):  # "Mojolo Sinaloa": an unknown village, then its province
            if self.province(self.gaz.lookup(light_key(self.text[self.toks[k].start : self.toks[last].end]))):
                last = k - 1
                break
        while last > i and self.toks[last].text in self.words.connectors:
            last -= 1
        start, end = self.toks[i].start, self.toks[last].end
        near = self.words.near_before.search(self.text[max(0, start - _LOOKBACK) : start]) is not None
        if not (cue or near):
            return None
        run = self.toks[i : last + 1]
        if any(
            light_key(t.text) in self.words.stop_keys
            or t.text.casefold() in self.words.demonyms
            or (len(t.text) > 1 and t.text.isupper())
            or not _latin_word(t.text)
            for t in run
        ):
            return None
        key = light_key(self.text[start:end])
        if len(key) < 3 or key in self.words.stop_keys:
            return None
        if not near and _APPOSITION_AFTER.match(self.text, end) is None:
            return None
        return RawMention(start=start, end=end, key=key, ids=(), cue=True, sentence=self.sentence_of[i])

    def province(self, ids: Sequence[int]) -> bool:
        """Whether a candidate is a province: "Mojolo Sinaloa" names a village and then its state."""
        return any(self.gaz.kinds[x] == _ADMIN1_KIND for x in ids)

    def holder_after(self, ids: Sequence[int], k: int) -> bool:
        """Whether the capitalised words from token k name the province holding a candidate ("Tijuana Baja
        California"): the name is complete, the province follows without a comma."""
        last = self.sequence_end(k)
        for end in range(last, k - 1, -1):
            key = light_key(self.text[self.toks[k].start : self.toks[end].end])
            areas = {
                (self.gaz.countries[x], self.gaz.admin1_keys[x])
                for x in self.gaz.lookup(key)
                if self.gaz.kinds[x] == _ADMIN1_KIND
            }
            if areas and any((self.gaz.countries[x], self.gaz.admin1_keys[x]) in areas for x in ids):
                return True
        return False

    def surround(self, m: RawMention, i: int, j: int, floor: int) -> tuple[RawMention, int]:
        """Widen a match with a following region/district/site word and a preceding near/site phrase."""
        start, end, hint, last = m.start, m.end, m.hint, j
        partial = m.partial or (
            m.hint is Hint.NONE
            and (
                (self.extends(i - 1, before=True) and (m.fuzzy or not self.province(m.ids)))
                or (self.extends(j + 1, before=False) and not self.holder_after(m.ids, j + 1))
                or self.joined_after(j)
            )
        )
        if j + 1 < len(self.toks) and self.text[self.toks[j].end : self.toks[j + 1].start] == " ":
            word_hint = self.words.suffix_hint(self.toks[j + 1].text)
            if word_hint and word_hint != "water" and hint is Hint.NONE:
                end, hint, last = self.toks[j + 1].end, Hint(word_hint), j + 1
        before = self.text[max(floor, start - _LOOKBACK) : start]
        site = self.words.site_before.search(before)
        near = self.words.near_before.search(before)
        if site and hint in (Hint.NONE, Hint.DISTRICT):
            start, hint = start - (len(before) - site.start()), Hint.SITE
        elif near and hint in (Hint.NONE, Hint.DISTRICT):
            start, hint = start - (len(before) - near.start()), Hint.NEAR
        elif hint is Hint.NONE and (
            self.words.subarea_before.search(before) or self.words.subarea_before.search(self.toks[i].text + " ")
        ):
            hint = Hint.SUBAREA  # "colonia Manuel Cavazos Lerma", "Barangay San Isidro", "Colonia Centenario"
        prev = before.rstrip().rsplit(None, 1)
        direction = m.direction
        country = m.country is not None or any(self.gaz.kinds[x] == _COUNTRY_KIND for x in m.ids)
        if country and direction is None:
            if near is not None:  # "sør i Ukraina": a near phrase opened by a direction
                direction = self.words.directions.get(near.group().split()[0].casefold())
            elif hint is Hint.NONE and prev and prev[-1].casefold() in self.words.directions:
                direction = self.words.directions[prev[-1].casefold()]  # "southern Saudi Arabia"
                start = max(floor, start - _LOOKBACK) + before.rstrip().rfind(prev[-1])
        bearing = None
        if near is not None and not country:
            bearing = self.words.bearings.get(" ".join(near.group().split()).casefold())
        cue = bool(prev) and prev[-1].casefold() in self.words.place_prepositions
        written = self.text[m.start : m.end]
        letters = [ch for ch in written if ch.isalpha()]
        acronym = len(letters) >= 2 and all(ch.isupper() for ch in letters)
        dateline = _dateline(self.text, m.start, m.end)
        return RawMention(
            start=start,
            end=end,
            key=m.key,
            ids=m.ids,
            fuzzy=m.fuzzy,
            hint=hint,
            country=m.country,
            cue=cue or near is not None,
            initial=i in self.initial,
            sentence=self.sentence_of[i],
            partial=partial,
            acronym=acronym and not dateline,  # "SANAA, Sept 21": capitals of a dateline, not an acronym
            dateline=dateline,
            direction=direction,
            bearing=bearing,
        ), last


def find_raw_mentions(
    text: str, *, sentence_starts: Sequence[int], gazetteer: Gazetteer, words: PlaceWords
) -> list[RawMention]:
    """Every place-like name in `text` with its candidates; `sentence_starts` are the sentences' start offsets."""
    toks = tokens(text)
    starts = sorted(set(sentence_starts) | {0})
    initial: set[int] = set()
    sentence_of: list[int] = []
    s = 0
    for k, tok in enumerate(toks):
        opened = False
        while s + 1 < len(starts) and starts[s + 1] <= tok.start:
            s += 1
            opened = True
        if k == 0 or opened or _opens_clause(text, toks[k - 1].end, tok.start):
            initial.add(k)
        sentence_of.append(s)
    finder = _Finder(text=text, gaz=gazetteer, words=words, toks=toks, initial=initial, sentence_of=sentence_of)
    out: list[RawMention] = []
    floor = 0
    i = 0
    while i < len(toks):
        if not _capitalised(toks[i].text, words):
            i += 1
            continue
        last = finder.sequence_end(i)
        prev_word = text[max(0, toks[i].start - 12) : toks[i].start].rstrip().rsplit(None, 1)
        cue = bool(prev_word) and prev_word[-1].casefold() in words.place_prepositions
        passes = ("exact", "fuzzy", "bare", "head") if i not in initial or cue else ("exact", "bare", "head")
        stop = next(
            (j for j in range(last, i, -1) if light_key(text[toks[i].start : toks[j].end]) in words.stop_keys), None
        )
        if stop is not None:  # a name that is never a place ("Boko Haram", "Mayi Mayi") hides its parts
            i = stop + 1
            continue
        if toks[i].text.casefold() in words.connectors and last == i:  # "Abu", "Al" alone
            i += 1
            continue
        found, j = None, i
        for how in passes:
            for j in range(last, i - 1, -1):
                if toks[j].text in words.connectors or (j == i and toks[i].text.casefold() in words.connectors):
                    continue
                found = finder.match(i, j, how=how)
                if found:
                    break
            if found:
                break
        if found is None:
            unknown = finder.unknown(i, last, cue=cue)
            if unknown is not None:
                out.append(unknown)
                floor = unknown.end
                i = last + 1
                continue
            i += 1
            continue
        mention, last_used = finder.surround(found, i, j, floor)
        out.append(mention)
        floor = mention.end
        # the rest of a name that goes on after a connector is no name of its own ("Arboledas de los Naranjos")
        i = max(last_used, last) + 1 if last_used == j and finder.joined_after(j) else last_used + 1
    towns = _demonym_towns(text, toks, words, initial=initial, sentence_of=sentence_of)
    if towns:
        out = sorted(
            [*out, *(t for t in towns if not any(m.start < t.end and t.start < m.end for m in out))],
            key=lambda m: m.start,
        )
    return out


def _demonym_towns(
    text: str, toks: Sequence[_Tok], words: PlaceWords, *, initial: set[int], sentence_of: Sequence[int]
) -> list[RawMention]:
    """ "israelske byer", "Israeli border towns": towns of the country the demonym names, so that country (the
    finest place the words give)."""
    if not words.settlement_words:
        return []
    out: list[RawMention] = []
    longest = max(len(w.split()) for w in words.settlement_words)
    for k, tok in enumerate(toks[:-1]):
        iso = words.demonyms.get(tok.text.casefold())
        if iso is None:
            continue
        for n in range(min(longest, len(toks) - k - 1), 0, -1):
            following = toks[k + 1 : k + 1 + n]
            joined = text[tok.end : following[-1].end]
            if " ".join(joined.split()).casefold() in words.settlement_words and joined.startswith(" "):
                out.append(
                    RawMention(
                        start=tok.start,
                        end=following[-1].end,
                        key=light_key(tok.text),
                        ids=(),
                        country=iso,
                        cue=True,
                        initial=k in initial,
                        sentence=sentence_of[k],
                    )
                )
                break
    return out


_APPOSITION_AFTER = re.compile(r"\s*[,(]\s*[^\W\d_]")


def _latin_word(word: str) -> bool:
    return all(ch.isascii() or "\u00c0" <= ch <= "\u024f" for ch in word if ch.isalpha())


_DATELINE_AFTER = re.compile(r"\s*(?:,[^\n]{0,40}?)?(?:\([^()\n]{1,40}\))?\s*[-–—:]")


def _dateline(text: str, start: int, end: int) -> bool:
    """A name that opens a line and is followed by an agency in brackets or a dash ("Kabul (Reuters) -"), or one
    in capitals followed by a comma ("SANAA, Sept 21"): where the report was filed."""
    line_start = text.rfind("\n", 0, start) + 1
    if text[line_start:start].strip():
        return False
    written = text[start:end]
    if written.isupper() and text[end : end + 1] in (",", "(", ":", " "):
        return text[end : end + 3].strip()[:1] in (",", "(", ":", "-", "–", "—")
    return _DATELINE_AFTER.match(text, end) is not None


def _opens_clause(text: str, prev_end: int, start: int) -> bool:
    gap = text[prev_end:start]
    return any(ch in gap for ch in '.!?:\n«»"–—')
