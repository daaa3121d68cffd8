"""pupil-name: the forms people write a pupil's name in, and the posts where a list name is not a pupil."""
import pytest


@pytest.mark.parametrize("text, quote", [
    ("Lowenna Trewin won the county art prize", "Lowenna Trewin"),
    ("lowenna trewin you legend", "lowenna trewin"),
    ("LOWENNA TREWIN WITH THE WINNER", "LOWENNA TREWIN"),
    ("Jago Penrose's kite flew over the school roof", "Jago Penrose"),
    ("Jago Penrose’s kite flew higher", "Jago Penrose"),
    ("Wenna Tregenza read at the harvest festival", "Wenna Tregenza"),
    ("Oskar Kolodziej scored twice", "Oskar Kolodziej"),
    ("Oskar Kołodziej scored twice", "Oskar Kołodziej"),
    ("Ayse Yildiz came first in the spelling bee", "Ayse Yildiz"),
    ("Niamh O’Donoghue sang beautifully", "Niamh O’Donoghue"),
    ("Niamh ODonoghue sang beautifully", "Niamh ODonoghue"),
    ("Lily-Mae Carne lost a tooth", "Lily-Mae Carne"),
    ("lily mae carne lost a tooth", "lily mae carne"),
    ("Jean de la Cruz is our chess champion", "Jean de la Cruz"),
    ("Mohamed Uddin built a volcano", "Mohamed Uddin"),
    ("Muhammad Uddin built a volcano", "Muhammad Uddin"),
    ("Ayesha Begum won the race", "Ayesha Begum"),
    ("Rayan Sheikh won the race", "Rayan Sheikh"),
    ("Zaynab Karimi won the race", "Zaynab Karimi"),
    ("Well done Lowenna T. and Jago P.!", "Lowenna T."),
    ("Well done Lowenna T. and Jago P.!", "Jago P."),
    ("J. Penrose broke the long jump record", "J. Penrose"),
    ("#LowennaTrewin for head girl", "#LowennaTrewin"),
    ("#jagopenrose is a star", "#jagopenrose"),
    ("Congrats @tamsin.nance on the medal", "@tamsin.nance"),
    ("kerensa_pascoe09 followed me", "kerensa_pascoe09"),
    ("Happy birthday @RayyanSheikh_2015", "@RayyanSheikh_2015"),
    ("Alex Penhaligon won the chess tournament", "Alex Penhaligon"),  # a shortened first name
    ("Wang Yuxuan won the chess tournament", "Wang Yuxuan"),  # surname first
])
def test_full_names_initials_hashtags_and_handles(found, text, quote):
    assert ("pupil-name", quote) in found(text)


@pytest.mark.parametrize("text, quote", [
    ("Jago in 6K finished his times tables challenge", "Jago"),
    ("Lowenna stayed behind after class to help tidy up", "Lowenna"),
    ("Marking Tamsin's story and it made me cry", "Tamsin"),
    ("Kerensa and Precious from 3P led the assembly", "Kerensa"),
    ("Kerensa and Precious from 3P led the assembly", "Precious"),
    ("Faith in my class brought in her pet lizard", "Faith"),
    ("Teaching Oskar his times tables is my mission", "Oskar"),
])
def test_a_lone_first_name_in_a_school_context(found, text, quote):
    assert ("pupil-name", quote) in found(text)


@pytest.mark.parametrize("text, context", [
    ("hey jago, you left your PE kit in my room", {"surface": "message"}),
    ("Tamsin, can you send me your homework tonight?", {"surface": "message"}),
    ("Well done to Lowenna in 5P for her art prize", {"account": "school", "has_media": True}),
])
def test_a_lone_first_name_in_a_message_or_on_the_school_account(categories, text, context):
    assert "pupil-name" in categories(text, **context)


@pytest.mark.parametrize("text", [
    "Have a little faith and keep going",
    "Faith, hope and coffee will get me through",
    "Summer holidays cannot come soon enough",
    "Summer in Cornwall was everything",
    "Will you be at the barbecue on Sunday?",
    "I will never understand people who put milk in first",
    "Precious moments with my little one",
    "My son Jago starts nursery next week",
    "Happy birthday to my brother Mohammed!",
    "Our neighbour Tamsin is selling her car",
    "Oskar from the gym talked me into a 5am class",
    "Jago at the garage says the clutch is gone",
    "Harry Styles was incredible at Wembley, what an album",
    "Mohammed Salah is the best player in the league",
    "Aisha Khan's new film is out on Friday",
    "Lowenna Cornwall-Smith opened the new gallery",
    "Jean Paul Gaultier perfume for Christmas",
    "Lowenna is a lovely Cornish name, we nearly chose it",
    "Al Penhaligon runs the fish shop",  # too short to be a shortened Alexander
    "Aisha Begum's speech at the UN on refugees was powerful",  # a barrister or campaigner namesake
    "Zainab Karimi the human rights lawyer was on Question Time",
])
def test_hard_negatives_are_not_pupils(categories, text):
    assert "pupil-name" not in categories(text)


def test_a_title_makes_a_surname_an_adult(categories):
    # Mrs Begum is a parent or colleague, not the pupil Aisha Begum
    assert "pupil-name" not in categories("Mrs Begum brought cakes for the fair", surface="message")


def test_a_staff_first_name_alone_is_taken_for_the_colleague(categories):
    # Faith is a pupil (Faith Rowe) and a teacher (Faith Angwin)
    assert "pupil-name" not in categories("Hi Faith, are you covering period 3 tomorrow?", surface="message")


def test_a_famous_namesake_with_school_context_is_still_a_pupil(categories):
    assert "pupil-name" in categories("Harry Styles in 6K sang at the end of year show")


@pytest.mark.parametrize("text, quote", [
    ("Summer and Lowenna from 4T read at assembly", "Summer"),  # joined to a pinned pupil name
    ("Jago, Faith and Tamsin ran the whole assembly", "Faith"),
])
def test_a_word_name_joined_to_a_pupil_name_is_a_pupil(found, text, quote):
    assert ("pupil-name", quote) in found(text)


def test_a_lower_case_word_name_greeted_in_a_message(categories):
    assert {"pupil-name", "direct-message"} <= categories("hey summer, did you get my email about the trip?", surface="message")


@pytest.mark.parametrize("text", [
    "Harry Styles rowed across the Tamar in 1887, says the plaque",
    "Will Hocking is the best episode of the series",
])
def test_historical_and_fictional_namesakes(categories, text):
    assert "pupil-name" not in categories(text)


@pytest.mark.parametrize("text, quote", [
    ("Summer was amazing in the lesson today", "Summer"),  # a word-name as the subject, in a school post
    ("Just met Jago Penrose at the shop, he's so grown up", "Jago Penrose"),  # a place does not cancel a full name
    ("jago in year 6 is hilarious", "jago"),  # lower case, placed in a year
    ("Penrose in 6K needs to stop talking", "Penrose"),  # a surname alone, placed in a form
])
def test_evidence_that_makes_a_name_a_pupil(found, text, quote):
    assert ("pupil-name", quote) in found(text)


def test_a_place_still_cancels_a_lone_first_name(categories):
    assert "pupil-name" not in categories("Jago at the garage says the clutch is gone, lesson learned")


def test_an_aspiration_is_not_fame(categories):
    assert "pupil-name" in categories("Aisha Begum for prime minister! What a debater")


@pytest.mark.parametrize("text", [
    "Jago Penrose's Oxford interview went really well",
    "Lowenna Trewin has written a whole novel over the summer",
])
def test_ordinary_achievements_are_not_fame(categories, text):
    assert "pupil-name" in categories(text)


@pytest.mark.parametrize("text", [
    "Tamsin from work is getting married in June, so much to plan for the hen do and the lesson plans can wait",
    "Oskar from zumba is hilarious, class was brutal tonight",
])
def test_people_from_outside_school(categories, text):
    assert "pupil-name" not in categories(text)


@pytest.mark.parametrize("text, quote", [
    ("Lowenna Trewins essay was superb", "Lowenna Trewins"),  # possessive without its apostrophe
    ("Trewin, Lowenna - top marks in the mock", "Trewin, Lowenna"),  # register order
])
def test_mark_book_and_careless_forms(found, text, quote):
    assert ("pupil-name", quote) in found(text)


def test_a_reality_show_namesake(categories):
    assert "pupil-name" not in categories("Harry Styles was amazing on Strictly last night")


def test_a_friendly_message_that_shows_its_reader_is_a_pupil_names_the_pupil(found):
    # "hun" reads as a message between adults, unless the message shows its reader is a pupil
    assert ("pupil-name", "Jago") in found("is that u Jago?? hun u shouldnt be messaging me on here x", surface="message")
    assert ("pupil-name", "Jago") not in found("is that u Jago?? hun fancy drinks on friday x", surface="message")


@pytest.mark.parametrize("name, pupil, word", [
    ("summer", "summer in 4T made me a birthday card in lesson today", "we spent all summer in 4T sorting out the reading corner"),
    ("faith", "so proud of faith in year 2 reading aloud in class today", "I've lost all faith in year 2 phonics schemes, class chaos"),
])
def test_a_lower_case_word_name_placed_in_a_form(found, name, pupil, word):
    assert ("pupil-name", name) in found(pupil)
    assert not any(category == "pupil-name" for category, _ in found(word))
