"""Run the pipeline over documents: choose the language, analyse, return the events."""

from __future__ import annotations

from eventcoder.lang import available_languages
from eventcoder.model import Document, Event
from eventcoder.pipeline import Pipeline

__all__ = ["UnsupportedLanguageError", "document_language", "extract", "extract_document"]

_ALIASES = {"no": "nb", "nob": "nb", "nno": "nn", "eng": "en", "en-gb": "en", "en-us": "en", "nb-no": "nb"}


class UnsupportedLanguageError(ValueError):
    """The document's language has no language data."""


def document_language(document: Document, *, lang: str | None = None) -> str:
    """The language to analyse `document` in: `lang` if given (not "auto"), else its own, else detected."""
    chosen = lang if lang and lang != "auto" else document.lang
    if not chosen:
        from eventcoder.langid import detect_language

        chosen = detect_language(document.text)
    chosen = _ALIASES.get(chosen.casefold(), chosen.casefold())
    if chosen not in available_languages():
        raise UnsupportedLanguageError(
            f"document {document.id!r}: no language data for {chosen!r} (have {', '.join(available_languages())})"
        )
    return chosen


_DEFAULT: list[Pipeline] = []


def _default_pipeline() -> Pipeline:
    if not _DEFAULT:
        _DEFAULT.append(Pipeline.default())
    return _DEFAULT[0]


def extract_document(document: Document, *, lang: str | None = None, pipeline: Pipeline | None = None) -> list[Event]:
    """Events of one document (no merging across documents)."""
    code = document_language(document, lang=lang)
    return list((pipeline or _default_pipeline()).run(document, lang=code))


def extract(
    text: str,
    *,
    published: str | None = None,
    lang: str | None = None,
    doc_id: str = "text",
    url: str | None = None,
    title: str | None = None,
) -> list[Event]:
    """Events of an article given as text; `published` is YYYY, YYYY-MM or YYYY-MM-DD."""
    from eventcoder.ingest import find_headings, normalise_text

    clean = normalise_text(text)
    document = Document(
        id=doc_id,
        text=clean,
        published=published,
        lang=None,
        url=url,
        title=title,
        headings=tuple(find_headings(clean)),
    )
    return extract_document(document, lang=lang)
