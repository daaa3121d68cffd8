"""work-discussion, pupil-contact, contact-details, offensive, reputation."""
import pytest


@pytest.mark.parametrize("text", [
    "Thirty books to mark before tomorrow",
    "Parents' evening until 8, voice gone",
    "Ofsted are in on Tuesday",
    "Lunch duty in the rain again",
    "My Year 6s were angels on the trip",
    "Just spent PPA writing EHCP reviews",
    "SEND paperwork all weekend",
])
def test_work_discussion(categories, text):
    assert "work-discussion" in categories(text)


@pytest.mark.parametrize("text", [
    "My son's school nativity was adorable",
    "Lesson learned: never buy a sofa online",
    "Spin class at the gym was brutal",
    "Send help, the cat is in the Christmas tree",
    "Paid off my student loan today",
    "Driving lesson number twelve",
])
def test_not_work_discussion(categories, text):
    assert "work-discussion" not in categories(text)


def test_a_school_account_may_talk_about_school(categories):
    assert "work-discussion" not in categories("Year 6 had a brilliant lesson on volcanoes", account="school")


@pytest.mark.parametrize("text, context", [
    ("Year 6s, add me on Snapchat if you need help with homework", {}),
    ("Parents, WhatsApp me with any questions about the trip", {}),
    ("Accepted a friend request from one of my Year 5s, oops", {}),
    ("kerensa_pascoe09 just followed me on TikTok", {}),
    ("Hi Mrs Nance, thanks for coming to parents' evening", {"surface": "message"}),
    # an invitation to a named pupil, to an account the author runs, or accepting families
    ("So proud of you Kerensa Pascoe! Message me whenever you want help with your statement", {}),
    ("Year 9 historians, follow @MissTudorTales on Insta for a question a day", {}),
    ("Accepted a few of the mums from the PTA on here, so behave in my comments", {}),
    # answering someone about a pupil you teach, in a comment or reply on a personal account
    ("Tamsin worked so hard on her times tables in class this week, tell her well done", {"surface": "comment"}),
])
def test_pupil_contact(categories, text, context):
    assert "pupil-contact" in categories(text, **context)


@pytest.mark.parametrize("text", [
    "Follow @StPiransSchool for term dates",
    "Add me on Snapchat, old uni friends!",
    "Message me if you want the recipe",
    "Follow my baking page for cake content",
    "Accepted the job offer today!",
])
def test_not_pupil_contact(categories, text):
    assert "pupil-contact" not in categories(text)


@pytest.mark.parametrize("text, quote", [
    ("Text me on 07911 123456", "07911 123456"),
    ("Call +44 7911 123 456 for the bike", "+44 7911 123 456"),
    ("Email me at jenna.t.1985@gmail.com", "jenna.t.1985@gmail.com"),
    ("Call me on +44 (0)7911 123456", "+44 (0)7911 123456"),
    ("jenna dot t at gmail dot com for tutoring", "jenna dot t at gmail dot com"),
    ("jenna.t[at]hotmail.co.uk", "jenna.t[at]hotmail.co.uk"),
])
def test_contact_details(found, text, quote):
    assert ("contact-details", quote) in found(text)


@pytest.mark.parametrize("text", [
    "Call the school office on 01736 795000",
    "Email office@stpirans.cornwall.sch.uk to report an absence",
    "Order 4402 1187 6630 is late",
    "Final score 3-1 with 45,000 fans",
    "Meet me at the park at 3",
])
def test_not_contact_details(categories, text):
    assert "contact-details" not in categories(text)


@pytest.mark.parametrize("text, quote", [
    ("What a fucking week", "fucking"),
    ("F*** this traffic", "F***"),
    ("Some drivers are absolute morons", "morons"),
    ("He's a total muppet", "muppet"),
    ("Year 6 are feral little sh*ts today", "sh*ts"),
    # digits written for letters
    ("What a sh1t day", "sh1t"),
    ("Some parents are absolute b1tches", "b1tches"),
])
def test_offensive(found, text, quote):
    assert ("offensive", quote) in found(text)


@pytest.mark.parametrize("text", [
    "Scunthorpe away this weekend",
    "Dick Turpin was hanged in York",
    "This cake is the bomb",
    "Three books into my holiday pile",
    "Our dog ate a sock",
    "Thick fog on the A30 this morning",
    "See you at 4pm, b4 the match, then h2o and covid19 jabs",
])
def test_not_offensive(categories, text):
    assert "offensive" not in categories(text)


@pytest.mark.parametrize("text", [
    "St Piran's is the worst-run school in Cornwall",
    "Our SLT couldn't organise a piss-up in a brewery",
    "The governors have no idea what happens in classrooms",
    "The parents at this school are a nightmare",
    "Mr Polglase is the laziest colleague I have ever had",
    # a judging word between the determiner and the school
    "Sick of this rubbish school and its excuses",
])
def test_reputation(categories, text):
    assert "reputation" in categories(text)


@pytest.mark.parametrize("text", [
    "So proud of everything St Piran's has achieved this year",
    "The worst traffic in Truro is on the A390",
    "Worst film I've seen this year",
    "Trust me, the worst traffic is on the A30",
])
def test_not_reputation(categories, text):
    assert "reputation" not in categories(text)


def test_personal_contact_details_offered_to_parents_are_pupil_contact(categories):
    assert {"pupil-contact", "contact-details"} <= categories("Parents, drop me a WhatsApp on 07911 123456")
    assert "pupil-contact" in categories("Parents can reach me on jenna.t.1985@gmail.com")
    assert "pupil-contact" not in categories("Selling my bike, text 07911 123456")


def test_behaviour_incidents_are_work(categories):
    assert "work-discussion" in categories("Had to break up a fight in the corridor again")


@pytest.mark.parametrize("text", [
    "So proud of my Year 6s, they never let us down",
    "Year 2 trip to the zoo was brilliant",
    "Staff morale is great this term",
])
def test_praise_and_outings_are_not_reputation(categories, text):
    assert "reputation" not in categories(text)


@pytest.mark.parametrize("text", [
    "Shout out to Mr Polglase for the warm welcome back this morning. Oh wait 🙃",
    "The trust's new marking software gave a blank page a grade 4. We are in safe hands.",
])
def test_sarcasm_after_the_sentence_it_mocks_is_reputation(categories, text):
    assert "reputation" in categories(text)


def test_sarcasm_far_from_any_school_target_is_not_reputation(categories):
    text = "The head of our book club chose the novel. We met in the pub. It rained. The bus was late. Oh wait 🙃"
    assert "reputation" not in categories(text)


@pytest.mark.parametrize("text", [
    "The kids at the party loved the magician",
    "My mum rang to say the cat has learnt to open doors",
    "Proud of the boys for winning the county cup",
])
def test_people_without_mockery_are_not_offensive(categories, text):
    assert "offensive" not in categories(text)
