"""The engine's contract: offsets in UTF-16 units, quotes that slice, settings applied, batches equal singles."""
import pytest
from hypothesis import HealthCheck, given, settings as hyp_settings, strategies as st

from nlp.context import Context
from nlp.engine import Engine
from nlp.findings import CATEGORIES, SEVERITIES
from nlp.rules import RULES
from nlp.settings import Settings
from nlp.spans import utf16_slice


def test_every_category_has_one_rule_with_clause_severity_message_and_suggestion():
    assert sorted(rule.CATEGORY for rule in RULES) == sorted(CATEGORIES)
    for rule in RULES:
        assert rule.CLAUSE in ("1.5", "4.1", "4.2")
        assert rule.SEVERITY in SEVERITIES
        assert rule.MESSAGE and rule.SUGGESTION


def test_offsets_after_emoji_skin_tones_and_astral_letters(engine):
    text = "👍🏽🏳️‍🌈 𝓒𝓸𝓷𝓰𝓻𝓪𝓽𝓼 Lowenna Trewin!"
    [finding] = [f for f in engine.check(text) if f.category == "pupil-name"]
    assert utf16_slice(text, finding.start, finding.end) == finding.quote == "Lowenna Trewin"
    assert finding.start == len(text[:text.index("Lowenna")].encode("utf-16-le")) // 2


# letters, emoji and symbols from every plane, but no letters that would join onto the name
noise = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Lu", "Ll", "Lt", "Lm", "Lo", "Nd", "Mn", "Mc")), max_size=12)


@hyp_settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(before=noise, after=noise)
def test_quotes_always_slice_out_of_the_text(engine, before, after):
    text = f"{before} Jago Penrose {after} Mrs Tremayne {after} #StPiransFamily"
    findings = engine.check(text)
    assert {"pupil-name", "staff-name", "school-reference"} <= {f.category for f in findings}
    for f in findings:
        if f.end > f.start:
            assert utf16_slice(text, f.start, f.end) == f.quote


def test_a_switched_off_category_is_never_reported_and_a_set_severity_replaces_the_default(nlp, lists):
    settings = Settings.from_json({"categories": {"pupil-name": {"enabled": False},
                                                  "staff-name": {"severity": "low"}}})
    findings = Engine(nlp, lists, settings).check("Lowenna Trewin and Mrs Tremayne")
    assert "pupil-name" not in {f.category for f in findings}
    assert [f.severity for f in findings if f.category == "staff-name"] == ["low"]


def test_a_switched_off_category_still_lets_the_rules_that_build_on_it_work(nlp, lists):
    settings = Settings.from_json({"categories": {"pupil-name": {"enabled": False}}})
    findings = Engine(nlp, lists, settings).check("Well done Lowenna Trewin!", Context(account="school", has_media=True))
    assert {f.category for f in findings} == {"child-photo"}


def test_check_many_answers_like_check(engine):
    drafts = [("Lowenna Trewin won", Context()), ("Hi Jago", Context(surface="message")), ("", Context()),
              ("nothing to see here", Context())]
    assert engine.check_many(drafts) == [engine.check(t, c) for t, c in drafts]


@pytest.mark.parametrize("text", ["", " ", "\n\n", "🙂", "a" * 5000])
def test_odd_texts(engine, text):
    assert isinstance(engine.check(text), list)


def test_an_engine_without_lists_still_checks_the_other_rules(nlp):
    findings = Engine(nlp).check("Marking 60 mocks, text me on 07911 123456")
    assert {"work-discussion", "contact-details"} <= {f.category for f in findings}


def test_engine_state_does_not_leak_between_drafts(engine):
    first = engine.check("Jago in 6K did well", Context())
    engine.check("Hi Tamsin", Context(surface="message"))
    assert engine.check("Jago in 6K did well", Context()) == first


@hyp_settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=300), surface=st.sampled_from(["post", "reply", "comment", "message"]),
       account=st.sampled_from(["personal", "school"]), has_media=st.booleans())
def test_any_text_gets_well_formed_findings(engine, text, surface, account, has_media):
    context = Context(surface=surface, account=account, has_media=has_media)
    for f in engine.check(text, context):
        assert f.category in CATEGORIES and f.severity in SEVERITIES
        assert 0 <= f.start <= f.end <= len(text.encode("utf-16-le")) // 2
        assert utf16_slice(text, f.start, f.end) == f.quote


def test_an_engine_without_a_pipeline_does_not_take_ordinary_words_for_swearing():
    findings = Engine(None).check("I follow some of my Year 11s on TikTok, what a fucking mistake")
    assert [f.quote for f in findings if f.category == "offensive"] == ["fucking"]


@pytest.mark.parametrize("enabled_before", [True, False])
def test_building_an_engine_leaves_the_cyclic_collector_as_it_found_it(nlp, lists, monkeypatch, enabled_before):
    import gc

    import nlp.engine as engine_module
    seen_during = []
    real = engine_module.Resources

    def watching(*args):
        seen_during.append(gc.isenabled())
        return real(*args)
    monkeypatch.setattr(engine_module, "Resources", watching)
    (gc.enable if enabled_before else gc.disable)()
    try:
        Engine(nlp, lists, Settings())
        assert gc.isenabled() is enabled_before
        assert seen_during == [False]  # paused while the name books were built
    finally:
        gc.enable()


def test_a_failed_build_still_restores_the_cyclic_collector(nlp, lists, monkeypatch):
    import gc

    import nlp.engine as engine_module

    def failing(*args):
        raise ValueError("a bad list")
    monkeypatch.setattr(engine_module, "Resources", failing)
    gc.enable()
    with pytest.raises(ValueError):
        Engine(nlp, lists, Settings())
    assert gc.isenabled()
