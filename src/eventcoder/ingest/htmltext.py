"""HTML fragments (feed summaries and contents) to plain text with paragraph breaks."""

from __future__ import annotations

import re

from lxml import etree, html

__all__ = ["html_to_text"]

_BLOCKS = frozenset(
    {
        *("address", "article", "aside", "blockquote", "dd", "div", "dl", "dt", "figcaption", "figure", "footer"),
        *("h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section"),
        *("table", "td", "th", "tr", "ul"),
    }
)
_SKIP = frozenset({"script", "style", "noscript", "template", "head"})
_SPACES = re.compile(r"\s+")
_AROUND_BREAK = re.compile(r" *\n *")
_MANY_BREAKS = re.compile(r"\n{3,}")
_MARKUP = re.compile(r"<[A-Za-z/!]|&[#A-Za-z0-9]+;")


def _walk(node: etree._Element, parts: list[str]) -> None:
    tag = node.tag if isinstance(node.tag, str) else None
    if tag is not None and tag.lower() not in _SKIP:
        tag = tag.lower()
        if tag == "br":
            parts.append("\n")
        elif tag in _BLOCKS:
            parts.append("\n\n")
        if node.text:
            parts.append(_SPACES.sub(" ", node.text))
        for child in node:
            _walk(child, parts)
        if tag in _BLOCKS:
            parts.append("\n\n")
    if node.tail:
        parts.append(_SPACES.sub(" ", node.tail))


def html_to_text(fragment: str) -> str:
    """The text of an HTML fragment: entities resolved, block elements as paragraphs, `<br>` as a line break.

    A string without markup is returned unchanged (it is plain text already).
    """
    if not _MARKUP.search(fragment):
        return fragment
    try:
        root = html.fragment_fromstring(fragment, create_parent="div")
    except etree.ParserError:
        return ""
    parts: list[str] = []
    _walk(root, parts)
    text = _AROUND_BREAK.sub("\n", "".join(parts))
    return _MANY_BREAKS.sub("\n\n", text).strip()
