"""What an export format cannot carry: a per-field loss report written next to every export."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

__all__ = ["LossReport"]


@dataclass(slots=True, kw_only=True)
class LossReport:
    """Per field of the target format: how many events lost something there, and what."""

    format: str
    events: int = 0
    written: int = 0
    _counts: Counter[tuple[str, str]] = field(default_factory=Counter)

    def note(self, target: str, what: str, n: int = 1) -> None:
        self._counts[(target, what)] += n

    def entries(self) -> list[dict[str, Any]]:
        return [
            {"field": target, "events": n, "what": what}
            for (target, what), n in sorted(self._counts.items(), key=lambda kv: kv[0])
        ]

    def to_json(self) -> dict[str, Any]:
        return {"format": self.format, "events": self.events, "written": self.written, "losses": self.entries()}

    def render(self) -> str:
        lines = [f"{self.format}: wrote {self.written} of {self.events} events"]
        lines += [f"  {e['field']}: {e['events']} events: {e['what']}" for e in self.entries()]
        return "\n".join(lines) + "\n"
