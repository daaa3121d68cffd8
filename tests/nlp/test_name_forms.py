"""Everyday forms of first names (nlp/first_name_forms.tsv): every example the file holds is found
beside its pupil's surname, and the same words with another surname are not."""
import pytest

from nlp.context import Context
from nlp.engine import Engine
from nlp.lists import NameLists, Pupil, StaffMember
from nlp.names import FORMS_FILE
from nlp.settings import Settings
from nlp.textnorm import phrase_keys

OTHER_SURNAME = "Ellingham"  # on no roster here


def lines():
    rows = []
    for line in FORMS_FILE.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, forms, language, example = line.split("\t")
            rows.append((name, [f.strip() for f in forms.split(",")], language, example))
    return rows


ROWS = lines()


def pupil_names(engine, text, **context):
    return [f.quote for f in engine.check(text, Context.from_json(context)) if f.category == "pupil-name"]


def engine_for(nlp, first, last):
    return Engine(nlp, NameLists(pupils=(Pupil(first_name=first, last_name=last),)), Settings())


@pytest.mark.parametrize("name, forms, language, example", ROWS, ids=[r[3].split()[0] for r in ROWS])
def test_every_line_is_well_formed(name, forms, language, example):
    assert len(language) == 2 and name == name.lower()
    written = example.split()
    assert phrase_keys(written[0]) in {phrase_keys(f) for f in forms}, "the example's first word is one of the forms"
    assert written[1][:1].isupper(), "the example's second word is the surname"


@pytest.mark.parametrize("name, forms, language, example", ROWS, ids=[r[3].split()[0] for r in ROWS])
def test_every_example_names_its_pupil_and_not_another_family(nlp, name, forms, language, example):
    form, surname = example.split()[:2]
    engine = engine_for(nlp, name.title(), surname)
    assert f"{form} {surname}" in pupil_names(engine, example)
    assert not pupil_names(engine, example.replace(surname, OTHER_SURNAME))


@pytest.mark.parametrize("name, forms, language, example", ROWS, ids=[r[3].split()[0] for r in ROWS])
def test_the_name_written_for_a_pupil_listed_by_the_form(nlp, name, forms, language, example):
    # the list has the form the child goes by (Kasia), the post the name (Katarzyna)
    form, surname = example.split()[:2]
    engine = engine_for(nlp, form, surname)
    written = example.replace(form, name.title(), 1)
    assert f"{name.title()} {surname}" in pupil_names(engine, written)


def test_two_forms_of_one_name_do_not_meet(nlp):
    engine = engine_for(nlp, "Kate", "Nowak")  # Kate and Kasia are both forms of Katarzyna
    assert not pupil_names(engine, "Kasia Nowak read her poem in assembly")
    assert "Katarzyna Nowak" in pupil_names(engine, "Katarzyna Nowak read her poem in assembly")


@pytest.mark.parametrize("first, last, text", [
    ("Katarzyna", "Nowak", "Kasia read her poem in assembly, the whole class clapped"),
    ("Krzysztof", "Wiśniewski", "Chris was brilliant in the lesson today"),
    ("Wojciech", "Kowalczyk", "Voytek got his results today, so proud of my form"),
])
def test_a_form_alone_is_not_the_pupil(nlp, first, last, text):
    # without the surname a form is as often someone else (a colleague, a parent, a friend)
    assert not pupil_names(engine_for(nlp, first, last), text)


def test_a_colleague_by_a_form_with_their_place_in_school(nlp):
    staff = (StaffMember(title="Mrs", first_name="Małgorzata", last_name="Dudek"),)
    engine = Engine(nlp, NameLists(staff=staff), Settings())
    staff_names = lambda text: [f.quote for f in engine.check(text) if f.category == "staff-name"]  # noqa: E731
    assert staff_names("Gosia in the office sorted my payslip") == ["Gosia"]
    assert not staff_names("Gosia from next door fixed the fence")
    assert staff_names("Gosia Dudek ran the trip") == ["Gosia Dudek"]
    assert not staff_names("Gosia Dudziak ran the trip")
