"""Reading the name lists from the CSV files of the contract, as MIS exports write them."""
import pytest

from nlp.lists import ListFormatError, parse_pupils_csv, parse_school_terms_csv, parse_staff_csv


def test_sims_export_with_bom_crlf_and_preferred_names():
    data = "\ufeffForename,Surname,Preferred Forename,Year,Reg Group\r\nWilliam,Hartley,Will,9,9B\r\nTaha,Brook,,9,9W\r\n"
    parsed = parse_pupils_csv(data.encode("utf-8"))
    assert [(p.first_name, p.last_name, p.preferred_name, p.year, p.form) for p in parsed.entries] == [
        ("William", "Hartley", "Will", "9", "9B"), ("Taha", "Brook", "", "9", "9W")]
    assert parsed.columns == {"first_name": "Forename", "last_name": "Surname", "preferred_name": "Preferred Forename",
                              "year": "Year", "form": "Reg Group"}


def test_arbor_headers_any_case_and_a_preferred_surname_becomes_an_alias():
    data = b"LEGAL FORENAME,legal surname,Preferred Surname,Year Group,Registration Group,Date of Birth\nAmy,Smith,Jones,Year 7,7R,2014-01-01\n"
    parsed = parse_pupils_csv(data)
    assert parsed.entries[0].aliases == ("Amy Jones",) and parsed.entries[0].form == "7R"
    assert parsed.ignored_columns == ["Date of Birth"]


def test_windows_1252_exports_are_decoded():
    parsed = parse_pupils_csv("Forename,Surname\nZoë,O’Brien\n".encode("cp1252"))
    assert (parsed.entries[0].first_name, parsed.entries[0].last_name) == ("Zoë", "O’Brien")


def test_missing_name_column_names_line_one_and_the_header():
    with pytest.raises(ListFormatError) as err:
        parse_pupils_csv(b"Forename,Year\nAmy,7\n")
    assert err.value.line == 1 and "surname" in err.value.problem and "Forename, Year" in err.value.problem


def test_a_row_without_a_surname_is_rejected_with_its_line_and_blank_lines_are_skipped():
    parsed = parse_pupils_csv(b"first_name,last_name\nAmy,Smith\n\nBen,\nCara,Jones\n")
    assert [p.first_name for p in parsed.entries] == ["Amy", "Cara"]
    assert parsed.rejected == [(4, "a pupil needs both a first name and a surname")]


def test_an_unclosed_quote_is_refused_rather_than_swallowing_the_rows_after_it():
    with pytest.raises(ListFormatError) as err:
        parse_pupils_csv(b'first_name,last_name\nAisha,"Khan\nBob,Smith\nCara,Jones\n')
    assert err.value.line == 2 and "not closed" in err.value.problem


def test_a_quoted_comma_is_part_of_the_name():
    assert parse_pupils_csv(b'first_name,last_name\nAisha,"Khan, Jr"\n').entries[0].last_name == "Khan, Jr"


@pytest.mark.parametrize("data", [b"", b"\x00\x01Forename", b"\xff\xfeF\x00o\x00"])
def test_empty_or_binary_files_are_refused(data):
    with pytest.raises(ListFormatError):
        parse_pupils_csv(data)


def test_staff_and_school_terms():
    staff = parse_staff_csv(b"Title,Forename,Surname\nMrs,Parveen,Kauser\n").entries[0]
    assert (staff.title, staff.first_name, staff.last_name) == ("Mrs", "Parveen", "Kauser")
    terms = parse_school_terms_csv(b"term,kind\nThornbury Grange,alias\n#TGAfamily,\n").entries
    assert [(t.term, t.kind) for t in terms] == [("Thornbury Grange", "alias"), ("#TGAfamily", "school")]
