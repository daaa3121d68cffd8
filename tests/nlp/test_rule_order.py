"""Rules declare what they read from other rules; the engine orders them from that and refuses undeclared reads."""
from types import SimpleNamespace

import pytest

from nlp.context import Context
from nlp.draft import Draft, Hit, UndeclaredRead
from nlp.engine import Engine
from nlp.rules import RULES, ordered


def _rule(category, reads=(), find=lambda draft: []):
    return SimpleNamespace(CATEGORY=category, READS=reads, Detector=lambda resources: SimpleNamespace(find=find))


def test_every_rule_runs_after_the_rules_it_reads():
    order = [rule.CATEGORY for rule in ordered(RULES)]
    for rule in RULES:
        for read in rule.READS:
            assert order.index(read) < order.index(rule.CATEGORY), f"{rule.CATEGORY} runs before {read}"


def test_the_order_comes_from_the_declarations_not_the_listing():
    first, second = _rule("b", reads=("a",)), _rule("a")
    assert [r.CATEGORY for r in ordered((first, second))] == ["a", "b"]


def test_a_read_of_a_category_no_rule_finds_fails_at_once():
    with pytest.raises(ValueError, match="no rule finds"):
        ordered((_rule("a", reads=("nothing-finds-this",)),))


def test_rules_reading_each_other_in_a_circle_fail_at_once():
    with pytest.raises(ValueError, match="circle"):
        ordered((_rule("a", reads=("b",)), _rule("b", reads=("a",))))


def test_reading_an_undeclared_category_raises():
    draft = Draft("text", Context())
    draft.hits["pupil-name"] = [Hit(0, 4)]
    draft.reader, draft.readable = "offensive", frozenset()
    with pytest.raises(UndeclaredRead, match="offensive"):
        draft.found("pupil-name")
    draft.readable = frozenset({"pupil-name"})
    assert draft.found("pupil-name") == [Hit(0, 4)]


def test_the_real_rules_declare_every_read(engine):
    """Every rule path that reads another rule runs here without UndeclaredRead."""
    texts = ["Lowenna Trewin in 5P was brilliant, add me on snap 07700 123456", "Mrs Tremayne is useless, SLT are a joke",
             "DM me Jago, I'll send the homework on whatsapp"]
    for text in texts:
        for context in (Context(), Context(surface="message"), Context(account="school", has_media=True)):
            engine.check(text, context)


def test_the_evidence_a_rule_weighed_comes_back_beside_the_findings(engine):
    [(findings, evidence)] = engine.explain_many([("Marking thirty mocks tonight", Context())])
    assert "work-discussion" in {f.category for f in findings}
    assert evidence["work-discussion"]["cues"]
