"""unsafe-link, child-photo, direct-message: rules that depend on settings and the post's context."""
import socket

import pytest

from nlp.context import Context
from nlp.engine import Engine
from nlp.settings import Settings


@pytest.fixture(scope="module")
def blocking(nlp, lists):
    settings = Settings.from_json({"blocked_domains": ["bet365.com", "*.stake.com"]})
    engine = Engine(nlp, lists, settings)
    return lambda text: [(f.category, f.quote) for f in engine.check(text)]


@pytest.mark.parametrize("text, quote", [
    ("Tips at https://www.bet365.com/#/AC/B2", "https://www.bet365.com/#/AC/B2"),
    ("Odds on sports.bet365.com today", "sports.bet365.com"),
    ("bet365.com has a new offer", "bet365.com"),
    ("Casino at https://casino.stake.com/promo.", "https://casino.stake.com/promo"),
    ("Notes: bit.ly/3xYz", "bit.ly/3xYz"),
    ("Form: https://tinyurl.com/quiz-night", "https://tinyurl.com/quiz-night"),
    ("Photos at http://photos.example.net/a", "http://photos.example.net/a"),
    ("Files at http://203.0.113.57/w.zip", "http://203.0.113.57/w.zip"),
    ("Admin at https://10.0.0.5/admin", "https://10.0.0.5/admin"),
])
def test_unsafe_links(blocking, text, quote):
    assert ("unsafe-link", quote) in blocking(text)


@pytest.mark.parametrize("text", [
    "Great read https://www.theguardian.com/education",
    "Revise on https://www.bbc.co.uk/bitesize",
    "notbet365.com is a different site",
    "Version 3.5.1 is out",
    "I'm off e.g. Monday",
    "Watch https://youtu.be/dQw4w9WgXcQ",
])
def test_safe_links(blocking, text):
    assert "unsafe-link" not in {c for c, _ in blocking(text)}


def test_the_blocked_domain_is_named_in_the_message(nlp, lists):
    engine = Engine(nlp, lists, Settings.from_json({"blocked_domains": ["bet365.com"]}))
    [finding] = [f for f in engine.check("see sports.bet365.com") if f.category == "unsafe-link"]
    assert "bet365.com" in finding.message


def test_building_an_engine_fetches_nothing(nlp, lists, monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("network access during engine build or check")
    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    engine = Engine(nlp, lists, Settings.from_json({"blocked_domains": ["example.org"]}))
    assert engine.check("see https://sub.example.org/x and bit.ly/abc")


def test_child_photo_needs_media_and_a_named_pupil(categories):
    text = "Congratulations to Lowenna Trewin on her art prize"
    assert "child-photo" in categories(text, account="school", has_media=True)
    assert "child-photo" not in categories(text, account="school")
    assert "child-photo" not in categories("Year 5 at the beach today", account="school", has_media=True)


def test_direct_message_to_a_pupil(categories):
    assert "direct-message" in categories("Hi Jago, send me your homework tonight", surface="message")
    assert "direct-message" not in categories("Hi Jago, send me your homework tonight", surface="post")


def test_a_message_to_a_parent_about_a_pupil_is_contact_not_a_direct_message(categories):
    result = categories("Hi Mrs Nance, can we talk about Tamsin's reading?", surface="message")
    assert "direct-message" not in result
    assert "pupil-contact" in result


def test_a_message_to_a_friend_is_clean(found):
    assert found("Hey Sarah, fancy brunch on Saturday?", surface="message") == []


def test_context_is_optional(engine):
    assert engine.check("Lowenna Trewin won", Context()) == engine.check("Lowenna Trewin won")


def test_a_message_to_a_pupil_without_a_name(categories):
    result = categories("Hi, it's Miss from school, can you send me your homework tonight?", surface="message")
    assert {"direct-message", "pupil-contact"} <= result


def test_a_message_to_a_colleague_about_a_pupil_is_not_a_direct_message(categories):
    result = categories("Hi Jenna, Jago in 6K left his coat in the hall", surface="message")
    assert "direct-message" not in result
    assert "pupil-name" in result


def test_a_message_to_a_parent_about_their_child_is_not_a_direct_message(categories):
    assert "direct-message" not in categories("Can you remind your son to bring his homework?", surface="message")


def test_a_direct_message_to_a_pupil_is_also_pupil_contact(found):
    result = found("Tamsin, well done today", surface="message")
    assert ("direct-message", "Tamsin") in result and ("pupil-contact", "Tamsin") in result


def test_a_message_about_brunch_to_someone_sharing_a_pupils_name_is_clean(found):
    assert found("Hey Tamsin, fancy brunch on Saturday?", surface="message") == []
    assert found("Jago! Pint after work on Friday?", surface="message") == []


# A message to a pupil that names no one: the boundary a member of staff holds, or the pupil's
# school and age as theirs (nlp/vocab/pupil-addressed.txt). Beside each, a message with the same
# words that is not to a pupil.
@pytest.mark.parametrize("to_a_pupil, not_to_a_pupil", [
    ("lovely to hear from you but you shouldn't be contacting me on this app x",
     "you shouldn't be working this late, go to bed x"),
    ("well done on the swimming gala! dont message me on here tho, ask at the office",
     "can you message me on whatsapp instead, I'm never on this app"),
    ("you can't be on insta yet, you're 10!",
     "you're 10 minutes late, we've ordered already"),
    ("so how's big school treating you? bet the corridors feel huge",
     "how's the big house treating you? bet the heating bill is huge"),
    ("aw sorry I can't follow you back, staff rule, but keep up the drawing",
     "I followed you back, lovely to see your garden photos"),
    ("wow you're in mr hughes's class now? say hello from me",
     "you're in the big meeting room on Tuesday, the projector is fixed"),
])
def test_a_message_to_a_pupil_by_what_it_says_not_a_name(categories, to_a_pupil, not_to_a_pupil):
    assert "direct-message" in categories(to_a_pupil, surface="message")
    assert "direct-message" not in categories(not_to_a_pupil, surface="message")
    assert "direct-message" not in categories(to_a_pupil, surface="post")


def test_a_parent_told_their_child_cannot_message_is_not_a_direct_message(categories):
    assert "direct-message" not in categories("Hi Mrs Penrose, your son shouldn't be messaging me on here, "
                                              "could you have a word?", surface="message")
