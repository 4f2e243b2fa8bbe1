"""The pipeline: registry, configuration, overlap handling and resolution into entities."""

from __future__ import annotations

import pytest

from kg.extract.pipeline import Pipeline, _drop_overlaps, component
from kg.extract.resolve import resolve
from kg.ingest.document import parse_document
from kg.model import Mention, Span


def test_all_eight_classes_have_a_component():
    classes = set()
    for name in Pipeline().names:
        assert name
    doc = parse_document(
        "中国星海集团落户江东区。建设星海产业园和滨江开发区，推进江城地铁5号线二期项目。"
        "实施“两新”政策。组建江城量子研究院。举办江城国际博览会。发展集成电路产业。",
        source="t.txt",
    )
    result = Pipeline()(doc)
    classes = {e.cls for e in result.entities}
    assert classes == {"Enterprise", "AdministrativeArea", "Zone", "Project", "Policy", "Organization", "Event",
                       "Industry"}


def test_a_pipeline_can_be_configured_by_name():
    pipe = Pipeline(["events"])
    assert pipe.names == ["events"]
    doc = parse_document("举办江城国际博览会。中国星海集团落户。", source="t.txt")
    result = pipe(doc)
    assert {e.cls for e in result.entities} == {"Event"}


def test_unknown_component_is_an_error():
    with pytest.raises(ValueError, match="unknown component"):
        Pipeline(["no-such-extractor"])


def test_a_component_cannot_be_registered_twice():
    @component("test-once", order=999)
    def first(doc):
        return []

    with pytest.raises(ValueError, match="registered twice"):
        @component("test-once")
        def second(doc):
            return []


def _m(text, cls, start, extractor="x", conf=0.7):
    return Mention(text, cls, Span(start, start + len(text)), 0, extractor, conf)


def test_nested_mention_of_another_class_is_kept_crossing_one_dropped():
    outer = _m("中电科蓝天产业园", "Project", 0)
    inner = _m("中电科蓝天", "Enterprise", 0)
    crossing = _m("产业园区", "Zone", 5)
    kept = _drop_overlaps([outer, inner, crossing])
    assert {m.text for m in kept} == {"中电科蓝天产业园", "中电科蓝天"}


def test_resolve_merges_suffix_variants_and_contractions():
    ms = [_m("南港", "Zone", 0), _m("南港工业区", "Zone", 10), _m("天开园", "Zone", 20),
          _m("天开高教科创园", "Zone", 30), _m("宝坻", "AdministrativeArea", 40)]
    ms.append(Mention("宝坻区", "AdministrativeArea", Span(50, 53), 0, "x", 0.7))
    ents = {e.label: e for e in resolve(ms)}
    assert set(ents) == {"南港工业区", "天开高教科创园", "宝坻区"}
    assert ents["天开高教科创园"].aliases == {"天开园"}
    assert ents["宝坻区"].aliases == {"宝坻"}


def test_resolve_never_merges_a_short_name_that_fits_two_long_ones():
    ms = [_m("滨江", "Zone", 0), _m("滨江工业区", "Zone", 10), _m("滨江开发区", "Zone", 20)]
    assert len(resolve(ms)) == 3
