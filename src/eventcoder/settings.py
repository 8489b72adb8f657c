"""One typed Settings object from the packaged defaults, an optional user file and the environment."""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

__all__ = ["Settings", "SettingsError", "load_settings"]


class SettingsError(ValueError):
    """The settings file is unreadable or has a bad value."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Settings:
    pipeline: tuple[str, ...]
    languages: tuple[str, ...]
    default_db: str
    min_confidence: float


def _read(path: Path | None) -> dict[str, Any]:
    if path is None:
        text = resources.files("eventcoder").joinpath("defaults.yaml").read_text(encoding="utf-8")
        where = "packaged defaults.yaml"
    else:
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as exc:
            raise SettingsError(f"{path}: cannot read settings: {exc}") from exc
        where = str(path)
    data = yaml.safe_load(text) or {}
    if not isinstance(data, dict):
        raise SettingsError(f"{where}: settings must be a mapping")
    return data


@cache
def load_settings(user_file: str | None = None) -> Settings:
    """Packaged defaults, overlaid by `user_file` (or $EVENTCODER_SETTINGS), then EVENTCODER_DB."""
    data = _read(None)
    user = user_file or os.environ.get("EVENTCODER_SETTINGS")
    if user:
        data.update(_read(Path(user)))
    known = {"pipeline", "languages", "default_db", "min_confidence"}
    unknown = set(data) - known
    if unknown:
        raise SettingsError(f"unknown settings: {sorted(unknown)}")
    try:
        return Settings(
            pipeline=tuple(str(s) for s in data["pipeline"]),
            languages=tuple(str(s) for s in data["languages"]),
            default_db=os.environ.get("EVENTCODER_DB", str(data["default_db"])),
            min_confidence=float(data["min_confidence"]),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise SettingsError(f"bad settings: {exc}") from exc
