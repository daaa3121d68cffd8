"""Everything the rules share that depends only on the lists, settings and pipeline: built once per Engine."""
from nlp.lists import NameLists
from nlp.names import NameBook, common_english_words, ordinary_words, pupil_book, staff_book
from nlp.settings import Settings

# The word set is the same for every Engine built on one pipeline; the service
# builds a new Engine on each list change, so build it once per lemmatizer table.
_WORDS_BY_TABLE: dict[int, tuple[object, frozenset[str]]] = {}


def dictionary_words(nlp) -> frozenset[str]:
    """English words known to the pipeline's lemmatizer (its WordNet-derived index), lower-case.

    A list first name that is also an ordinary word (Faith, Summer, Will, Holly)
    needs stronger evidence before it is taken for a pupil.
    """
    try:
        table = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    except (AttributeError, KeyError):
        return frozenset()
    cached = _WORDS_BY_TABLE.get(id(table))
    if cached is None or cached[0] is not table:
        words = frozenset(w for entries in table.values() for w in entries if w.isalpha())
        cached = _WORDS_BY_TABLE[id(table)] = (table, words)
    return cached[1]


class Resources:
    def __init__(self, nlp, lists: NameLists, settings: Settings):
        self.lists = lists
        self.settings = settings
        self.pupils: NameBook = pupil_book(lists)
        self.staff: NameBook = staff_book(lists)
        self.words: frozenset[str] = dictionary_words(nlp)
        # the ordinary-word test of the name rules (Faith, Summer, Will)
        self.ordinary: frozenset[str] = ordinary_words(self.words)
        # words too common to be a misspelt name written alone (none without a pipeline, like ordinary)
        self.common: frozenset[str] = common_english_words() if self.words else frozenset()


class StatelessDetector:
    """Base of a rule's Detector that keeps nothing of the Resources: the engine builds every
    Detector as Detector(resources)."""

    def __init__(self, resources: Resources):
        """Nothing to keep: what the rule needs is all in the draft."""
