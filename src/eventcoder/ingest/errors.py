"""The errors of the readers: `ReadError` is yielded per bad input, the others are raised at call time."""

from __future__ import annotations

from typing import Any

__all__ = ["BadInputFormatError", "BadLanguageError", "BadPublishedDateError", "ReadError"]

_FROZEN = frozenset({"path", "line", "message"})


class ReadError(Exception):
    """One input (a file, a JSON line, a feed entry) that could not be read; the other inputs still are.

    `str(err)` is `"<path>:<line>: <message>"` when the line is known, else `"<path>: <message>"`.
    """

    path: str
    line: int | None
    message: str

    def __init__(self, *, path: str, message: str, line: int | None = None) -> None:
        super().__init__(path, line, message)
        object.__setattr__(self, "path", path)
        object.__setattr__(self, "line", line)
        object.__setattr__(self, "message", message)

    def __setattr__(self, name: str, value: Any) -> None:
        if name in _FROZEN:
            raise AttributeError(f"ReadError.{name} is read-only")
        super().__setattr__(name, value)

    def __str__(self) -> str:
        if self.line is None:
            return f"{self.path}: {self.message}"
        return f"{self.path}:{self.line}: {self.message}"

    def __repr__(self) -> str:
        return f"ReadError(path={self.path!r}, line={self.line!r}, message={self.message!r})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, ReadError):
            return NotImplemented
        return (self.path, self.line, self.message) == (other.path, other.line, other.message)

    def __hash__(self) -> int:
        return hash((self.path, self.line, self.message))

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild_read_error, (self.path, self.line, self.message))


def _rebuild_read_error(path: str, line: int | None, message: str) -> ReadError:
    return ReadError(path=path, line=line, message=message)


class BadPublishedDateError(ValueError):
    """A publication date is not YYYY, YYYY-MM or YYYY-MM-DD (or an ISO date-time)."""


class BadInputFormatError(ValueError):
    """An `input_format` that no reader handles."""


class BadLanguageError(ValueError):
    """A language code for which eventcoder has no language data."""
