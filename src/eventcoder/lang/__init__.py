"""Per-language knowledge as data: `lang/<code>/<section>.yaml`, each validated by `lang/schema/<section>.schema.json`.

A language may declare `fallback` in `lang/<code>/language.yaml` (Nynorsk falls back to Bokmål): its sections are
merged over the fallback's — mappings key by key, lists with the language's own entries first.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any

import jsonschema
import yaml

__all__ = ["LanguageDataError", "available_languages", "load_section"]


class LanguageDataError(ValueError):
    """A language file is missing, unreadable or does not pass its schema."""


def _root() -> Traversable:
    return resources.files("eventcoder").joinpath("lang")


def available_languages() -> tuple[str, ...]:
    return tuple(sorted(p.name for p in _root().iterdir() if p.is_dir() and p.name not in ("schema", "__pycache__")))


@cache
def _schema(section: str) -> dict[str, Any]:
    path = _root().joinpath("schema", f"{section}.schema.json")
    if not path.is_file():
        raise LanguageDataError(f"no schema for language section {section!r} (lang/schema/{section}.schema.json)")
    schema: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return schema


def _raw(lang: str, section: str) -> Any | None:
    path = _root().joinpath(lang, f"{section}.yaml")
    if not path.is_file():
        return None
    where = f"lang/{lang}/{section}.yaml"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise LanguageDataError(f"{where}: not valid YAML: {exc}") from exc
    try:
        jsonschema.validate(data, _schema(section))
    except jsonschema.ValidationError as exc:
        loc = "/".join(str(p) for p in exc.absolute_path)
        raise LanguageDataError(f"{where}: {loc}: {exc.message}") from exc
    return data


def _merge(own: Any, base: Any) -> Any:
    if isinstance(own, dict) and isinstance(base, dict):
        out = dict(base)
        for key, value in own.items():
            out[key] = _merge(value, base[key]) if key in base else value
        return out
    if isinstance(own, list) and isinstance(base, list):
        return own + [item for item in base if item not in own]
    return own


@cache
def _fallback(lang: str) -> str | None:
    meta = _root().joinpath(lang, "language.yaml")
    if not meta.is_file():
        return None
    data = yaml.safe_load(meta.read_text(encoding="utf-8")) or {}
    fb = data.get("fallback")
    return str(fb) if fb else None


@cache
def load_section(lang: str, section: str) -> Any:
    """The validated data of one section for `lang`, merged over its fallback language's."""
    if lang not in available_languages():
        raise LanguageDataError(f"no language data for {lang!r} (have {', '.join(available_languages())})")
    own = _raw(lang, section)
    fb = _fallback(lang)
    base = load_section(fb, section) if fb else None
    if own is None and base is None:
        raise LanguageDataError(f"language {lang!r} has no section {section!r}")
    if own is None:
        return base
    if base is None:
        return own
    return _merge(own, base)
