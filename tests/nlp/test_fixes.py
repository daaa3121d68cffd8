"""One-click fixes: the replacements a finding offers, and that a fix taken clears what it fixed."""
import pytest

from nlp.context import Context
from nlp.rules import unsafe_link


def replaced(text, finding, replacement):
    return text[:finding.start] + replacement + text[finding.end:]


def of(engine, text, category, **context):
    return [f for f in engine.check(text, Context.from_json(context)) if f.category == category]


@pytest.mark.parametrize("text, quote, fixes", [
    ("Well done Aisha Begum in 5P on her reading!", "Aisha Begum", ("A.B.", "Aisha")),
    ("Great poem from lowenna trewin in class today", "lowenna trewin", ("L.T.", "lowenna")),
    ("Lily-Mae Carne's reading in class was lovely", "Lily-Mae Carne", ("L.M.C.", "Lily-Mae")),
    ("Wang Yuxuan in 4T read beautifully", "Wang Yuxuan", ("W.Y.", "Yuxuan")),  # surname first
    ("Penrose, Jago was late to my lesson", "Penrose, Jago", ("P.J.", "Jago")),  # as a register lists him
    ("J. Penrose in my class", "J. Penrose", ("J.P.",)),  # no first name written to keep
])
def test_a_pupil_named_in_full_offers_initials_then_the_first_name(engine, text, quote, fixes):
    [finding] = of(engine, text, "pupil-name")
    assert finding.quote == quote
    assert finding.replacements == fixes
    assert finding.to_json()["replacements"] == list(fixes)


@pytest.mark.parametrize("text", ["Well done Jago in 6K on his reading", "#AishaBegum won the spelling bee at school"])
def test_a_lone_first_name_or_a_handle_has_no_obvious_fix(engine, text):
    [finding] = of(engine, text, "pupil-name")
    assert finding.replacements == ()
    assert "replacements" not in finding.to_json()  # the answer is as before for findings without a fix


def test_initials_clear_the_name(engine):
    text = "Well done Aisha Begum in 5P on her reading!"
    [finding] = of(engine, text, "pupil-name")
    assert of(engine, replaced(text, finding, finding.replacements[0]), "pupil-name") == []


@pytest.mark.parametrize("text, quote", [
    ("Any problems text me on 07700 900123 tonight", "07700 900123"),
    ("Questions? jess.tutor@gmail.com", "jess.tutor@gmail.com"),
])
def test_personal_contact_details_are_taken_out(engine, text, quote):
    [finding] = of(engine, text, "contact-details")
    assert finding.quote == quote and finding.replacements == ("",)
    assert of(engine, replaced(text, finding, ""), "contact-details") == []


def test_the_engine_never_resolves_a_short_link_itself(engine):
    [finding] = of(engine, "Our newsletter: https://bit.ly/3xYzAb", "unsafe-link")
    assert finding.replacements == ()


@pytest.mark.parametrize("link, url", [
    ("https://bit.ly/3xYzAb", "https://bit.ly/3xYzAb"),
    ("bit.ly/3xYzAb", "https://bit.ly/3xYzAb"),
    ("http://tinyurl.com/abc?x=1", "http://tinyurl.com/abc?x=1"),
    ("bit.ly", None),  # nothing to resolve
    ("https://youtu.be/abc", None),  # says whose it is: not flagged as a shortener
    ("https://www.bbc.co.uk/news", None),
    ("ftp://bit.ly/abc", None),
])
def test_which_links_are_a_shorteners_to_resolve(link, url):
    assert unsafe_link.shortened(link) == url


@pytest.mark.parametrize("target, ok", [
    ("https://www.stpirans.example.org/newsletter", True),
    ("http://www.stpirans.example.org/newsletter", False),  # plain http
    ("https://tinyurl.com/another", False),  # another shortener
    ("https://203.0.113.5/x", False),
    ("https://www.bet365.com/promo", False),  # the school blocks it
    ("https://example.org/a b", False),  # not one address
])
def test_where_a_short_link_leads_is_offered_only_if_the_rule_accepts_it(target, ok):
    assert (unsafe_link.problem(target, ("bet365.com",)) is None) == ok
