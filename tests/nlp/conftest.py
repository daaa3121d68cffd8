"""The spaCy pipeline loaded once per test session, and small engines built on it."""
import pytest

from nlp.context import Context
from nlp.engine import Engine
from nlp.lists import NameLists, parse_pupils_csv, parse_school_terms_csv, parse_staff_csv
from nlp.model import load_pipeline
from nlp.settings import Settings

# A small Cornish primary and its trust: names unlike both labelled corpora.
PUPILS = b"""first_name,last_name,preferred_name,year,form
Lowenna,Trewin,,5,5P
Jago,Penrose,,6,6K
Morwenna,Tregenza,Wenna,4,4T
Tamsin,Nance,,3,3P
Kerensa,Pascoe,,6,6K
Faith,Rowe,,2,2T
Will,Hocking,,5,5P
Summer,Angove,,4,4T
Mohammed,Uddin,,6,6K
Aisha,Begum,,5,5P
Zainab,Karimi,,3,3P
Rayyan,Sheikh,,4,4T
Oskar,Ko\xc5\x82odziej,,6,6K
Ay\xc5\x9fe,Y\xc4\xb1ld\xc4\xb1z,,5,5P
Niamh,O'Donoghue,,2,2T
Lily-Mae,Carne,,1,1P
Jean,de la Cruz,,6,6K
Harry,Styles,,6,6K
Precious,Okoro,,3,3P
Alexander,Penhaligon,,5,5P
Yuxuan,Wang,,4,4T
"""
STAFF = b"""title,first_name,last_name
Mrs,Jenna,Tremayne
Mr,Kit,Polglase
Ms,Faith,Angwin
Dr,Ravi,Pascoe
"""
TERMS = b"""term,kind
St Piran's Primary School,school
St Piran's,alias
SPPS,alias
#StPiransFamily,hashtag
Kernow Coast Learning Trust,trust
"""


def build_lists() -> NameLists:
    return NameLists(pupils=tuple(parse_pupils_csv(PUPILS).entries), staff=tuple(parse_staff_csv(STAFF).entries),
                     school_terms=tuple(parse_school_terms_csv(TERMS).entries))


@pytest.fixture(scope="session")
def nlp():
    return load_pipeline()


@pytest.fixture(scope="session")
def lists():
    return build_lists()


@pytest.fixture(scope="session")
def engine(nlp, lists):
    return Engine(nlp, lists, Settings())


@pytest.fixture(scope="session")
def found(engine):
    """found(text, **context) -> [(category, quote)] for quick assertions."""
    def check(text, **context):
        return [(f.category, f.quote) for f in engine.check(text, Context.from_json(context))]
    return check


@pytest.fixture(scope="session")
def categories(found):
    def check(text, **context):
        return {category for category, _ in found(text, **context)}
    return check
