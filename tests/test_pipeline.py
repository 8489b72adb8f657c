"""The stage contract: registration, layer checks when a pipeline is built, pickling, and the Analysis record."""

from __future__ import annotations

import importlib.util
import pickle

import pytest

from eventcoder.mentions import Sentence
from eventcoder.model import Document
from eventcoder.pipeline import LAYERS, Analysis, Pipeline, PipelineError, StageSpec, stage
from eventcoder.settings import load_settings

DOC = Document(id="t1", text="Første setning. Andre setning. Tredje setning.")


@stage(name="t_a", reads=(), adds=("sentences",))
def _t_a(analysis: Analysis) -> Analysis:
    doc = analysis.document
    return analysis.with_layer(sentences=(Sentence(span=doc.span(0, 15)), Sentence(span=doc.span(16, 30), index=1)))


@stage(name="t_b", reads=("sentences",), adds=("numbers", "dates"))
def _t_b(analysis: Analysis) -> Analysis:
    return analysis


@stage(name="t_c", reads=("numbers", "sentences"), adds=())
def _t_c(analysis: Analysis) -> Analysis:
    # records what it saw, so the test can check the order stages ran in
    return analysis.with_layer(sentences=(*analysis.sentences, Sentence(span=analysis.document.span(31, 46), index=2)))


@stage(name="t_needs_events", reads=("events",), adds=())
def _t_needs_events(analysis: Analysis) -> Analysis:
    return analysis


def test_registered_stage_builds() -> None:
    pipe = Pipeline.from_names(["t_a", "t_b", "t_c"])
    assert pipe.names == ("t_a", "t_b", "t_c")
    assert all(isinstance(s, StageSpec) for s in pipe.stages)
    assert pipe.stages[1].reads == ("sentences",) and pipe.stages[1].adds == ("numbers", "dates")


def test_stages_run_in_order() -> None:
    result = Pipeline.from_names(["t_a", "t_b", "t_c"]).analyse(DOC, lang="nb")
    assert [s.span.text for s in result.sentences] == ["Første setning.", "Andre setning.", "Tredje setning."]
    assert result.lang == "nb" and result.document is DOC
    assert Pipeline.from_names(["t_a"]).run(DOC, lang="nb") == ()


@pytest.mark.parametrize(
    ("names", "message"),
    [
        (["t_b"], "reads \\['sentences'\\]"),
        (["t_b", "t_a"], "reads \\['sentences'\\]"),  # the layer is added, but only later
        (["t_a", "t_c"], "reads \\['numbers'\\]"),
        (["t_a", "t_b", "t_needs_events"], "reads \\['events'\\]"),
        (["t_c"], "reads \\['numbers', 'sentences'\\]"),
    ],
)
def test_rejects_stage_reading_missing_layer(names: list[str], message: str) -> None:
    with pytest.raises(PipelineError, match=message):
        Pipeline.from_names(names)


@pytest.mark.parametrize("name", ["t_no_such_stage", "no_such_stage_anywhere"])
def test_rejects_unknown_stage(name: str) -> None:
    with pytest.raises(PipelineError, match="no stage named"):
        Pipeline.from_names(["t_a", name])


def test_rejects_module_without_its_stage() -> None:
    # eventcoder.stages.tolls is a module of helpers, not a stage
    with pytest.raises(PipelineError, match="registers no stage 'tolls'"):
        Pipeline.from_names(["tolls"])


@pytest.mark.parametrize("names", [[], (), iter(())])
def test_rejects_empty_pipeline(names: object) -> None:
    with pytest.raises(PipelineError, match="at least one stage"):
        Pipeline.from_names(names)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("reads", "adds"),
    [(("sentence",), ()), ((), ("events", "tolls")), (("Sentences",), ())],
)
def test_stage_rejects_unknown_layer(reads: tuple[str, ...], adds: tuple[str, ...]) -> None:
    with pytest.raises(PipelineError, match="unknown layer"):
        stage(name="t_bad_layer", reads=reads, adds=adds)


def _missing_stage_modules() -> list[str]:
    return [n for n in load_settings().pipeline if importlib.util.find_spec(f"eventcoder.stages.{n}") is None]


@pytest.mark.skipif(bool(_missing_stage_modules()), reason=f"stage modules not written yet: {_missing_stage_modules()}")
def test_default_pipeline_follows_settings() -> None:
    pipe = Pipeline.default()
    assert pipe.names == load_settings().pipeline
    assert pipe.names[0] == "segment" and pipe.names[-1] == "assemble"


def test_packaged_settings_pipeline() -> None:
    assert load_settings().pipeline == (
        "segment", "numbers", "dates", "places", "actors", "triggers", "claims", "attribution", "assemble",
    )  # fmt: skip


@pytest.mark.parametrize("names", [["t_a"], ["t_a", "t_b"], ["t_a", "t_b", "t_c"], ["segment"], ["segment", "t_b"]])
def test_pipeline_pickles_by_names(names: list[str]) -> None:
    pipe = Pipeline.from_names(names)
    again = pickle.loads(pickle.dumps(pipe))
    assert isinstance(again, Pipeline)
    assert again.names == tuple(names)
    assert again == pipe


def test_unpickled_pipeline_runs() -> None:
    again = pickle.loads(pickle.dumps(Pipeline.from_names(["t_a", "t_b", "t_c"])))
    assert len(again.analyse(DOC, lang="nb").sentences) == 3


@pytest.mark.parametrize("layer", ["sentence", "tolls", "document", "lang", "Events"])
def test_with_layer_rejects_unknown(layer: str) -> None:
    with pytest.raises(PipelineError, match="unknown layers"):
        Analysis(document=DOC, lang="nb").with_layer(**{layer: ()})


@pytest.mark.parametrize("layer", LAYERS)
def test_with_layer_replaces_known(layer: str) -> None:
    base = Analysis(document=DOC, lang="nb")
    marker = (Sentence(span=DOC.span(0, 6)),)
    changed = base.with_layer(**{layer: marker})
    assert getattr(changed, layer) == marker
    assert getattr(base, layer) == ()  # frozen: the original is untouched
    assert all(getattr(changed, other) == () for other in LAYERS if other != layer)


@pytest.mark.parametrize(
    ("offset", "index"),
    [(0, 0), (5, 0), (14, 0), (15, 0), (16, 1), (29, 1), (30, 1), (31, 2), (45, 2), (46, 2), (500, 2)],
)
def test_sentence_of(offset: int, index: int) -> None:
    analysis = Pipeline.from_names(["segment"]).analyse(DOC, lang="nb")
    assert [(s.span.start, s.span.end) for s in analysis.sentences] == [(0, 15), (16, 30), (31, 46)]
    assert analysis.sentence_of(offset) == index


def test_sentence_of_without_sentences() -> None:
    assert Analysis(document=DOC, lang="nb").sentence_of(10) == 0


def test_sentence_of_before_first_sentence() -> None:
    doc = Document(id="t2", text="   Innrykket setning. Neste.")
    analysis = Pipeline.from_names(["segment"]).analyse(doc, lang="nb")
    assert analysis.sentences[0].span.start == 3
    assert analysis.sentence_of(0) == 0
    assert analysis.sentence_of(22) == 1
