"""The stage contract and the pipeline built from stage names.

A stage is a plain, picklable function `Analysis -> Analysis` registered with `@stage(reads=..., adds=...)`.
`Pipeline.from_names` checks, when it is built, that every layer a stage reads was added by an earlier stage.
"""

from __future__ import annotations

import dataclasses
import importlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from eventcoder.mentions import (
    ActorMention,
    ClaimMention,
    DateMention,
    NumberMention,
    PlaceMention,
    Sentence,
    TriggerMention,
)
from eventcoder.model import Document, Event

__all__ = ["Analysis", "Pipeline", "PipelineError", "StageSpec", "stage"]

LAYERS = ("sentences", "numbers", "dates", "places", "actors", "triggers", "claims", "events")


class PipelineError(ValueError):
    """A pipeline cannot be built from the given stage names."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Analysis:
    """One document and the layers the stages have added to it."""

    document: Document
    lang: str
    sentences: tuple[Sentence, ...] = ()
    numbers: tuple[NumberMention, ...] = ()
    dates: tuple[DateMention, ...] = ()
    places: tuple[PlaceMention, ...] = ()
    actors: tuple[ActorMention, ...] = ()
    triggers: tuple[TriggerMention, ...] = ()
    claims: tuple[ClaimMention, ...] = ()
    events: tuple[Event, ...] = ()

    def with_layer(self, **layers: object) -> Analysis:
        unknown = set(layers) - set(LAYERS)
        if unknown:
            raise PipelineError(f"unknown layers: {sorted(unknown)}")
        return dataclasses.replace(self, **layers)  # type: ignore[arg-type]

    def sentence_of(self, offset: int) -> int:
        """Index of the sentence that holds character `offset` (the nearest one before it otherwise)."""
        best = 0
        for i, s in enumerate(self.sentences):
            if s.span.start <= offset:
                best = i
            else:
                break
        return best


StageFn = Callable[[Analysis], Analysis]


@dataclass(frozen=True, slots=True)
class StageSpec:
    name: str
    fn: StageFn
    reads: tuple[str, ...]
    adds: tuple[str, ...]


_REGISTRY: dict[str, StageSpec] = {}


def stage(*, name: str, reads: Sequence[str] = (), adds: Sequence[str] = ()) -> Callable[[StageFn], StageFn]:
    """Register a stage function under `name`, declaring the layers it reads and adds."""
    for layer in (*reads, *adds):
        if layer not in LAYERS:
            raise PipelineError(f"stage {name!r} declares unknown layer {layer!r}")

    def register(fn: StageFn) -> StageFn:
        _REGISTRY[name] = StageSpec(name=name, fn=fn, reads=tuple(reads), adds=tuple(adds))
        return fn

    return register


def _spec(name: str) -> StageSpec:
    if name not in _REGISTRY:
        module = f"eventcoder.stages.{name}"
        try:
            importlib.import_module(module)
        except ModuleNotFoundError as exc:
            if exc.name != module:
                raise
            raise PipelineError(f"no stage named {name!r}") from exc
    if name not in _REGISTRY:
        raise PipelineError(f"module eventcoder.stages.{name} registers no stage {name!r}")
    return _REGISTRY[name]


@dataclass(frozen=True, slots=True)
class Pipeline:
    stages: tuple[StageSpec, ...]

    @classmethod
    def from_names(cls, names: Iterable[str]) -> Pipeline:
        specs: list[StageSpec] = []
        available: set[str] = set()
        for name in names:
            spec = _spec(name)
            missing = [layer for layer in spec.reads if layer not in available]
            if missing:
                raise PipelineError(f"stage {name!r} reads {missing} but no earlier stage adds them")
            available.update(spec.adds)
            specs.append(spec)
        if not specs:
            raise PipelineError("a pipeline needs at least one stage")
        return cls(tuple(specs))

    @classmethod
    def default(cls) -> Pipeline:
        from eventcoder.settings import load_settings

        return cls.from_names(load_settings().pipeline)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(s.name for s in self.stages)

    def analyse(self, document: Document, *, lang: str) -> Analysis:
        analysis = Analysis(document=document, lang=lang)
        for spec in self.stages:
            analysis = spec.fn(analysis)
        return analysis

    def run(self, document: Document, *, lang: str) -> tuple[Event, ...]:
        return self.analyse(document, lang=lang).events

    def __reduce__(self) -> tuple[object, tuple[object, ...]]:
        # picklable by stage names, so process pools and Dask workers rebuild it from the registry
        return (Pipeline.from_names, (self.names,))
