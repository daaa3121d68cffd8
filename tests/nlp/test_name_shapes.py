"""The shapes of issue 14: how pupils and staff are really named, and who is someone else.

Each positive has its hard negative beside it. The roster is our own (a fictional
Leeds secondary), unlike the shared fixtures and the labelled sets.
"""
import pytest

from nlp.context import Context
from nlp.engine import Engine
from nlp.lists import NameLists, parse_pupils_csv, parse_staff_csv
from nlp.names import ordinary_words
from nlp.resources import dictionary_words
from nlp.settings import Settings

PUPILS = """Forename,Surname,Preferred Forename,Preferred Surname,Year,Reg Group
Tolu,Adeyemi,,,8,8M
Sana,Qadri,,,9,9R
Faith,Lumley,,,7,7C
Blessing,Ogunbiyi,,,10,10P
Ayaan,Warsame Jama,,,9,9R
Efua,Asante-Darko,,,10,10P
Magdalena,Kaczmarek,Magda,Hollins,8,8M
Jarosław,Wróblewski,,,11,11D
Grzegorz,Pietrzak,,,10,10P
Przemysław,Dudek,,,9,9R
Trịnh,Bảo Châu,,,7,7C
Pearl,Huntley,,,7,7C
Petra,Dunmore,,,8,8M
Colin,Ferris,,,9,9R
Margaret,Oyelaran,,,10,10P
Krzysztof,Sobczak,,,10,10P
Łukasz,Kowal,,,9,9R
Minh,Nguyễn,,,7,7C
Emily,Thwaite,,,7,7C
""".encode()
STAFF = b"""title,first_name,last_name
Mrs,Ngozi,Okafor
Mr,Tom,Bright
Miss,Kerry,Rich
Ms,Rosalind,Haigh
Mr,Robert,Fenwick
"""


@pytest.fixture(scope="module")
def found(nlp):
    lists = NameLists(pupils=tuple(parse_pupils_csv(PUPILS).entries), staff=tuple(parse_staff_csv(STAFF).entries))
    engine = Engine(nlp, lists, Settings())

    def check(text, **context):
        return [(f.category, f.quote) for f in engine.check(text, Context.from_json(context))]
    return check


def test_ordinary_words_come_from_english_frequencies(nlp):
    ordinary = ordinary_words(dictionary_words(nlp))
    assert {"faith", "summer", "will", "hope", "bright"} <= ordinary
    # dictionary entries, but names far more than English words
    assert not {"tolu", "sana", "daniel", "ibrahim"} & ordinary


@pytest.mark.parametrize("text", [
    "did tolu get her homework in?",
    "sana left her planner on my desk",
])
def test_a_name_that_is_no_word_counts_in_lower_case_in_a_message(found, text):
    assert any(c == "pupil-name" for c, _ in found(text, surface="message"))


def test_a_word_name_in_lower_case_stays_a_word_in_a_message(found):
    assert not any(c == "pupil-name" for c, _ in found("keep the faith, the homework is nearly done", surface="message"))


def test_a_word_is_tagged_in_its_window_as_in_the_whole_draft(nlp):
    from nlp.draft import Draft
    text = ("What a week it has been for the whole department. Parents' evening ran late on Tuesday, "
            "and on Thursday Faith read her poem to the year group while the rest of us tidied up.")
    draft = Draft(text, Context(), nlp)
    whole = nlp(text)
    for word in draft.words:
        token = draft.token_at(word.start)
        expected = next(t for t in whole if t.idx <= word.start < t.idx + len(t))
        assert (token.text, token.tag_, draft.entity_type(word.start)) == (expected.text, expected.tag_, expected.ent_type_)


def test_entities_of_a_window_first_asked_before_its_tags_are_those_of_the_whole_draft(nlp):
    from nlp.draft import Draft
    text = "On Thursday Faith read her poem to the year group in Leeds while the rest of us tidied up."
    draft = Draft(text, Context(), nlp)
    whole = nlp(text)
    for word in draft.words:
        expected = next(t for t in whole if t.idx <= word.start < t.idx + len(t))
        assert draft.entity_type(word.start) == expected.ent_type_
        assert draft.token_at(word.start).tag_ == expected.tag_


def test_a_word_name_named_in_full_earlier_is_that_pupil_again(found):
    result = found("Faith Lumley read a poem to the whole year group. Well done Faith!")
    assert ("pupil-name", "Faith Lumley") in result
    assert [q for c, q in result if c == "pupil-name"].count("Faith") == 1


def pupil_names(result):
    return [quote for category, quote in result if category == "pupil-name"]


@pytest.mark.parametrize("text, quote", [
    ("Ayaan Warsame won the debate", "Ayaan Warsame"),  # one part of a two-part surname
    ("Ayaan Jama won the debate", "Ayaan Jama"),
    ("Peggy Oyelaran won the debate", "Peggy Oyelaran"),  # a diminutive (nicknames table) and the surname
    ("Magda Hollins read at assembly", "Magda Hollins"),  # preferred forename and preferred surname
    ("Magdalena Hollins read at assembly", "Magdalena Hollins"),  # the legal forename, the preferred surname
    ("Wroblewski in 11D needs to stop talking", "Wroblewski"),  # a surname alone, pinned to a form
    ("E Asante-Darko scored twice", "E Asante-Darko"),  # a bare initial and a hyphenated surname
    ("well done tolu a, brilliant effort", "tolu a"),  # first name and surname initial, in lower case
])
def test_part_of_a_name(found, text, quote):
    assert quote in pupil_names(found(text))


@pytest.mark.parametrize("text", [
    "Ayaan Hussein won the debate",  # another surname
    "Peggy Olusanya won the debate",  # a diminutive needs the pupil's own surname
    "Efua Asante scored twice for Ghana",  # half of a double-barrelled surname is someone else
    "Wroblewski is a common name in Wroclaw",  # a surname alone, not pinned
    "I Asante-Darko",  # "I" is no initial
    "tolu a legend as always",  # "a" is the article, not an initial
])
def test_part_of_a_name_hard_negatives(found, text):
    assert not pupil_names(found(text))


@pytest.mark.parametrize("text, quote", [
    ("Jaroslav Wroblewski won the chess final", "Jaroslav Wroblewski"),  # w written v
    ("Gregor Pietrzak won the chess final", "Gregor Pietrzak"),  # rz written r
    ("Premyslav Dudek won the chess final", "Premyslav Dudek"),  # two edits in a long name
    ("Trinh Bao Chau won the chess final", "Trinh Bao Chau"),  # unaccented Vietnamese
    ("Minh Nguyen won the chess final", "Minh Nguyen"),
    ("Christopher Sobczak won the chess final", "Christopher Sobczak"),  # Krzysztof as English writers spell it
    ("Lukas Kowal won the chess final", "Lukas Kowal"),  # Łukasz
])
def test_anglicised_and_unaccented_spellings(found, text, quote):
    assert quote in pupil_names(found(text))


@pytest.mark.parametrize("text", [
    "Jacek Wroblewski won the chess final",  # another Polish name, not a form of Jarosław
    "Greta Pietrzak won the chess final",  # a different first name with the surname
    "Grzegorz Pawlak won the chess final",  # a different surname
    "Peta Dunmore won the chess final",  # short names have no edit-distance variants
    "Christopher Sobieski won the chess final",  # the anglicised name with another surname
    "Lucas Kowalski won the chess final",
])
def test_anglicised_spellings_hard_negatives(found, text):
    assert not pupil_names(found(text))


@pytest.mark.parametrize("text, context", [
    ("Well done Pearl on the poetry prize!", {}),
    ("Congratulations to Faith for her spelling certificate", {}),
    ("Pearl, you left your planner on my desk", {"surface": "message"}),
])
def test_a_word_name_praised_for_school_work_or_addressed(found, text, context):
    assert pupil_names(found(text, **context))


@pytest.mark.parametrize("text", [
    "Well done Pearl on finishing the marathon, proud of you mate",
    "Congratulations Faith on your wedding, what a day",
])
def test_praise_for_an_adult_life_is_not_school_work(found, text):
    assert not pupil_names(found(text))


@pytest.mark.parametrize("text", [
    "our Petra got her results today, so proud, and I still have marking to do",
    "my niece Faith starts in reception next week, my class are excited for her",
    "my old school friend Colin is visiting, then lesson planning all weekend",
    "Petra's new boyfriend is a nightmare, anyway back to marking",
    "Colin J. Ferguson on repeat while I mark these books",
    "J. K. Sobczak signed copies of her new novel, then back to marking",  # the last of several initials
])
def test_someone_else_in_a_post_about_school(found, text):
    assert not pupil_names(found(text))


@pytest.mark.parametrize("text, quote", [
    ("Petra in 8M got her results today", "Petra"),  # the same words, pinned to a form
    ("Colin F. in 9R forgot his PE kit again", "Colin F."),  # a surname initial, not a middle one
    ("K. Sobczak in 10P forgot his PE kit again", "K. Sobczak"),  # one initial and the surname
    ("Petra's homework was the best in the class", "Petra"),
])
def test_the_pupil_beside_those_cues(found, text, quote):
    assert quote in pupil_names(found(text))


def staff_names(result):
    return [quote for category, quote in result if category == "staff-name"]


@pytest.mark.parametrize("text, quote", [
    ("Shout out to @MrsOkaforPE for sports day!", "@MrsOkaforPE"),
    ("Ros in the office sorted my payslip", "Ros"),  # a short form with a place in school
    ("Huge thanks to our receptionist Rosalind", "Rosalind"),
    ("Bob from IT fixed the projector", "Bob"),  # a diminutive of Robert, with a place in school
    ("Mr Bright was on duty again", "Mr Bright"),  # surnames that are words, with a title
    ("Miss Rich ran the trip", "Miss Rich"),
    ("mr bright's flapjacks are back", "mr bright"),
    ("Bob Fenwick was on duty again", "Bob Fenwick"),  # a diminutive (nicknames table) and the surname
    ("Ros Haigh ran the trip", "Ros Haigh"),  # a shortened first name and the surname
])
def test_staff_shapes(found, text, quote):
    assert quote in staff_names(found(text))


@pytest.mark.parametrize("text", [
    "Follow @MrsOkonkwoPE for fitness tips",  # another surname
    "I miss Rich Tea biscuits",
    "The future is bright for our team",
    "Rosie in the office",  # not a short form of a colleague's name
    "Bob from next door fixed the fence",
    "Bob Fenton was on duty again",  # another surname
    "Bob Fenwick-Clarke was on duty again",  # a longer, double-barrelled surname
    "Rosie Haigh ran the trip",  # not a short form of Rosalind
])
def test_staff_shapes_hard_negatives(found, text):
    assert not staff_names(found(text))


@pytest.mark.parametrize("text, context", [
    ("Well done Faith on your spelling test", {}),  # praised for school work
    ("Faith, you left your planner on my desk", {"surface": "message"}),  # addressed in a message
])
def test_a_word_name_decided_without_the_pipeline(found, monkeypatch, text, context):
    from nlp.draft import Draft

    def no_tagging(self, index):
        raise AssertionError("the pipeline was asked")
    monkeypatch.setattr(Draft, "token_at", no_tagging)
    monkeypatch.setattr(Draft, "entity_type", no_tagging)
    assert "Faith" in pupil_names(found(text, **context))


def test_a_word_name_otherwise_asks_the_pipeline(found, monkeypatch):
    from nlp.draft import Draft
    asked = []
    for name in ("token_at", "entity_type"):
        def recording(self, index, original=getattr(Draft, name)):
            asked.append(index)
            return original(self, index)
        monkeypatch.setattr(Draft, name, recording)
    found("Faith stayed behind to help me tidy the classroom")
    assert asked


def test_a_word_name_in_a_post_not_about_school_is_never_read(found, monkeypatch):
    from nlp.draft import Draft

    def no_tagging(self, index):
        raise AssertionError("the pipeline was asked")
    monkeypatch.setattr(Draft, "token_at", no_tagging)
    monkeypatch.setattr(Draft, "entity_type", no_tagging)
    # it would count only in a post about school, so nothing needs to read it as a name
    assert not pupil_names(found("Faith stayed behind to help me wash up after the barbecue"))


@pytest.mark.parametrize("text, named", [
    ("Faith stayed behind after the lesson to help me tidy the classroom", True),  # a name doing something
    ("Hope everyone enjoyed the lesson, the classroom is tidy again", False),  # a word
])
def test_a_word_name_at_the_start_of_a_sentence_is_decided_by_its_tags(nlp, monkeypatch, text, named):
    from nlp.draft import Draft
    lists = NameLists(pupils=tuple(parse_pupils_csv(PUPILS + b"Hope,Farrar,,,8,8M\n").entries))
    engine = Engine(nlp, lists, Settings())

    def no_entities(self, index):
        raise AssertionError("the entity recogniser was asked")
    monkeypatch.setattr(Draft, "entity_type", no_entities)
    assert bool([f for f in engine.check(text) if f.category == "pupil-name"]) is named


@pytest.mark.parametrize("text, quote", [
    ("Emilie stayed behind after the lesson to help me tidy up", "Emilie"),  # a misspelt first name alone
    ("Email me the marking rota before the lesson tomorrow", None),  # a common word is what it says
])
def test_a_first_name_misspelt_alone_but_not_a_common_word(found, text, quote):
    assert pupil_names(found(text)) == ([quote] if quote else [])
