from hypothesis import given, strategies as st

from nlp.spans import utf16_length, utf16_offsets, utf16_slice
from nlp.textnorm import key, phrase_keys, split_handle, words


def test_key_folds_case_accents_and_apostrophes():
    assert key("Kołodziej") == key("KOLODZIEJ") == "kolodziej"
    assert key("Yıldız") == "yildiz"
    assert key("O’Donoghue") == key("O'Donoghue") == key("ODonoghue")
    assert key("Wiśniewska") == "wisniewska"


def test_phrase_keys_split_hyphens_and_spaces_alike():
    assert phrase_keys("Lily-Mae") == phrase_keys("Lily Mae") == ("lily", "mae")
    assert phrase_keys("de la Cruz") == ("de", "la", "cruz")


def test_words_strip_possessives_from_the_span():
    text = "Jago’s and Tamsin's books"
    ws = words(text)
    assert [w.text for w in ws[:3]] == ["Jago", "and", "Tamsin"]
    assert text[ws[0].start:ws[0].end] == "Jago"


def test_words_know_which_are_joined_into_one_name():
    ws = words("Lily-Mae Carne, Jago")
    assert [w.gap_before for w in ws] == [False, True, True, False]


def test_split_handle_reads_camel_case_separators_and_digits():
    def parts(body):
        return [body[s:e] for s, e in split_handle(body)]
    assert parts("LowennaTrewin") == ["Lowenna", "Trewin"]
    assert parts("jago_penrose09") == ["jago", "penrose"]
    assert parts("tamsin.nance") == ["tamsin", "nance"]
    assert parts("jagopenrose") == ["jagopenrose"]


@given(st.text())
def test_utf16_offsets_count_astral_characters_twice(text):
    units = utf16_offsets(text)
    assert units[-1] == len(text.encode("utf-16-le")) // 2
    assert all(b - a in (1, 2) for a, b in zip(units, units[1:]))


@given(st.text(), st.integers(0, 40), st.integers(0, 40))
def test_utf16_length_and_slice_count_as_javascript_does(text, start, end):
    # JavaScript's string is the UTF-16 encoding: its length and slice are on those units
    units = text.encode("utf-16-le", "surrogatepass")
    assert utf16_length(text) == len(units) // 2 == utf16_offsets(text)[-1]
    assert utf16_slice(text, start, end).encode("utf-16-le", "surrogatepass") == units[2 * start:2 * end]
