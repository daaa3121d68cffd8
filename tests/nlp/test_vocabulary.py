"""Generated from the cue vocabularies in nlp/vocab/: every entry finds its own example, and the
rule that reads the vocabulary reports its category on that example (nlp/vocab/README.md)."""
import re

import pytest

from nlp import vocab

# vocabulary file: the category the rule reading it reports on each entry's example
RULES = {
    "reputation-targets": "reputation",
    "sarcasm": "reputation",
    "mocked-people": "offensive",
    "contact-channels": "pupil-contact",
    "pupil-addressed": "direct-message",
}
# the surface each file's examples are checked on, where it is not a post
SURFACES = {"pupil-addressed": "message"}
ENTRIES = [pytest.param(name, entry, id=f"{name}:{entry.line}:{entry.phrase}") for name in RULES for entry in vocab.entries(name)]


def test_every_vocabulary_file_is_read_by_a_rule():
    files = {path.stem for path in vocab.HERE.glob("*.txt")}
    assert files == set(RULES)


@pytest.mark.parametrize("name, entry", ENTRIES)
def test_the_entry_finds_its_example(name, entry):
    assert re.search(entry.pattern, entry.example, re.I), f"{name}.txt line {entry.line}: {entry.phrase!r} not in {entry.example!r}"


@pytest.mark.parametrize("name, entry", ENTRIES)
def test_the_rule_reports_its_category_on_the_example(categories, name, entry):
    assert RULES[name] in categories(entry.example, surface=SURFACES.get(name, "post"))


@pytest.mark.parametrize("line, problem", [
    ("slt", "needs ' :: '"),
    ("slt :: ", "needs ' :: '"),
])
def test_an_entry_without_an_example_is_refused(tmp_path, monkeypatch, line, problem):
    (tmp_path / "broken.txt").write_text(line + "\n", encoding="utf-8")
    monkeypatch.setattr(vocab, "HERE", tmp_path)
    vocab.entries.cache_clear()
    try:
        with pytest.raises(ValueError, match="an example"):
            vocab.entries("broken")
    finally:
        vocab.entries.cache_clear()


@pytest.mark.parametrize("phrase, text, found", [
    ("this ~ school", "sick of this sh*t school", True),
    ("this ~ school", "this is not a school", False),  # three words between
    ("=Trust !me", "Trust CEO", True),
    ("=Trust !me", "Trust me", False),
    ("=Trust !me", "trust CEO", False),
    ("micromanag*", "she micromanages", True),
    ("the trust !fund", "the trust fund", False),
    ("parents' evening", "parents’ evening", True),
    ("a/b", "cab", False),
    ("what could ?possibly go wrong", "what could go wrong", True),
    ("what could ?possibly go wrong", "what could possibly go wrong", True),
    ("?some parents", "some parents", True),
    ("parents !are_visiting", "parents are visiting", False),
    ("parents !are_visiting", "parents are rude", True),
])
def test_the_phrase_syntax(phrase, text, found):
    assert bool(re.search(vocab.compile_phrase(phrase), text, re.I)) is found
