"""The drafts the benchmark checks: two tweets, a Facebook post and a ~2,000-word blog draft.

They read like what a teacher might write (and should think twice about): they name
pupils from the generated list, the school, a colleague, lessons and marking. The
pupils are the first ones of the generated stream, so they are on the list at
every list size.
"""
from bench.names import GeneratedPupil

TWEET = (
    "So proud of {p0_full} and {p1_first} from {p0_form} today, brilliant at the county "
    "cross-country and not one complaint about the rain! Marking tonight, then a well-earned "
    "glass of wine #proudteacher"
)

# First names in the pools that are also ordinary English words. A draft naming such a
# pupil is the hard case: telling "Summer" the pupil from "summer" the season takes the
# sentence's tags and entities, so the engine cannot skip the pipeline for it.
WORD_NAMES = frozenset(
    "Will Bill Rose Summer Faith Hope Joy Grace Ivy Amber Holly Jade Poppy Daisy Violet Ruby Willow Iris Mabel "
    "Precious Blessing Favour Divine".split())

TWEET_WORD_NAME = (
    "Lovely moment in {w_form} today: {w_full} read a poem to the whole year group and got a "
    "standing ovation. Well done {w_first}! #poetryday"
)

# The same pupil by first name alone, praised for school work with no other school word: the
# engine must read the tags and entities around the name (it tags a window of words around it).
TWEET_WORD_NAME_ALONE = "Well done {w_first} on your award at the poetry competition today, so proud of you! #poetryday"

# The same pupil by first name alone at the start of a sentence, in a post about school with no
# praise: only its tags tell the pupil from the word, so the engine runs the tagger (the cheaper
# half of the pipeline) on a window around it.
TWEET_WORD_NAME_READ = "{w_first} stayed behind after the lesson to help me tidy the classroom, what a star"

FACEBOOK = (
    "What a week. Parents' evening on Tuesday ran until nearly nine, and I still have two sets of "
    "Year {p2_year} books to mark before Monday. Huge shout-out to {p2_full}, who finally cracked "
    "simultaneous equations after weeks of trying and practically ran out of the room to tell "
    "{p3_first}. Moments like that are why I do this job. Less proud of the fire drill in the rain: "
    "half of {p3_form} left their coats in the science block and Mr Davies was not impressed. "
    "Inspection rumours are flying again, so if anyone wants me this weekend I will be rewriting "
    "lesson plans with a very large coffee. Message me if you fancy a walk on Sunday morning instead!"
)

BLOG = """\
Notes from a second-year teacher: the term that nearly broke me (and didn't)

I started this blog when I qualified, mostly so that my mum would stop asking what I actually do all day. It has turned into something else: a place where I work out what I think about teaching before I have to act on it in front of thirty teenagers. This post is long, and it is the most honest one I have written. If you are a trainee, or thinking about training, I hope some of it helps.

September always arrives faster than you expect. In the last week of the summer holidays I had a plan for every lesson up to October half term, colour-coded, with resources printed and laminated where laminating made sense (and a few places where it didn't). By the second Wednesday the plan had met real children and lost. The new Year 7s were lovely but lost in the building; the Year 11s were anxious about mocks before we had even opened the specification; and my Year 9 set decided, collectively and without consultation, that algebra was a conspiracy.

Let me tell you about {p4_first}. {p4_full} sits at the back by the radiator and, for the first three weeks, said nothing at all. Not a word. Homework came back blank, and every question I asked got a shrug so slow it was almost a performance. The easy reading was that {p4_first} didn't care. The honest reading, which took me far too long to reach, was that it felt safer to look as if you didn't care than to try and be seen to fail. I stopped asking questions in front of the class and started leaving a sticky note in the exercise book instead: one question, one line of space, no mark. In week five one answer came back. In week six there were two, and a small cartoon of me holding a calculator, which I have kept.

Marking is the part of the job nobody warns you about properly. On paper our policy is sensible: feedback that moves learning forward, no essays in the margin, whole-class feedback where it helps. In practice I still spend Sunday afternoons with a pile of exercise books and a green pen, because I cannot shake the feeling that a child who has written three pages deserves to know someone read them. I have tried every trick: marking codes, live marking during lessons, peer assessment with careful success criteria. Some of it works. None of it makes the pile disappear. If you have a system that does, please tell me, and I will name my first houseplant after you.

Behaviour is the other thing. Our school has a clear policy, and most of the time it works, but there is a gap between the policy on the website and the moment when two Year 10s are arguing at the door and everyone is watching to see what you will do. What helped me most this term was not a technique but a colleague. Mrs Okafor, who has taught here longer than I have been alive, let me sit at the back of her lessons during my free periods. She never raises her voice. She moves towards trouble slowly, speaks quietly, and gives the child a way out that still keeps the standard. I have copied her shamelessly, and it has made a difference.

There was one lesson in November that I think about a lot. It was a wet Thursday, period five, the worst slot on the timetable. We were doing probability with coins and dice, and I had planned something I thought was fun. Within ten minutes, dice were being thrown at the ceiling tiles. I could feel the lesson going, and I did the thing I had promised myself I would never do: I shouted. It worked, briefly, in the way that shouting does. Afterwards {p5_first} stayed behind to help tidy up, and said, without looking at me, that the lesson was good before it went wrong. That was the kindest and most devastating thing anyone said to me all term.

I went home that evening and wrote down everything I would change. Fewer dice. Clearer roles. A task on the board before they came in, so the first five minutes had a shape. The next week I taught the same lesson to the parallel group, with the changes, and it was fine. Not magical, just fine, which in period five on a Thursday is a triumph. The lesson I learned is not that shouting is bad (I knew that) but that I reach for it when I have not planned the transitions, and transitions are where lessons live or die.

Parents' evening deserves its own paragraph. I had forty-one appointments in three and a half hours, each five minutes long, and most of them ran over. Parents are, overwhelmingly, on the same side as us. They want their children to be happy and to do well, and they are often more worried than they let on. The hardest conversation was with the father of {p6_full}, who had been told by someone, somewhere, that his child was "not a maths person". I told him the truth: that there is no such thing, that {p6_first} is fast at mental arithmetic and careless with written methods, and that both of those things can be worked on. He shook my hand at the end, which hardly ever happens, and I had to take a minute in the corridor afterwards.

Then came the inspection. I will not say much, because there is not much that is useful to say, except that the build-up was far worse than the thing itself. For a fortnight the staffroom was quiet and tense, and people were working until midnight on displays and data. When the inspector came into my lesson I was halfway through explaining equivalent fractions with a pizza diagram that I had drawn badly on the board. She watched for twenty minutes, asked three pupils what they were learning, and left. {p7_first} told her, with total confidence, that we were learning "how to share pizza fairly", which was not wrong.

I want to write something about workload that is not just a complaint. The job is big, and it will expand to fill every hour you give it, so the only defence is to decide in advance which hours it does not get. This term I stopped working on Saturdays. Completely. I thought my lessons would get worse, and they did not. I thought I would fall behind with marking, and I did, slightly, and nothing terrible happened. What did happen is that I came in on Mondays less tired and more patient, and the children noticed before I did.

A word about social media, since this is a blog and you are reading it on the internet. Our school's policy is sensible and I agree with it: we do not name pupils, we do not post photographs of them on our own accounts, we do not connect with them or their parents, and we do not discuss the school in ways that could harm it. It is very easy, when a child does something wonderful, to want to tell the world. I have learned to tell my partner instead, who has heard more about the Year 9s than any adult should.

Looking back, the things that mattered this term were small. A sticky note that got an answer. A colleague who let me watch her work. A lesson that went wrong and a child who was kind about it. A father who shook my hand. None of those would make a good inspection report, and none of them appear in any data I submitted. But they are the reason I am still here, and still writing this, at eleven o'clock on a Sunday night with a pile of Year 8 books beside me that I am going to ignore until the morning.

If you are a trainee reading this: it does get better. Not easier, exactly, but better. You get faster at planning, you learn which battles to fight, and you build up a small store of moments that carry you through the bad days. Keep a folder of them. Mine has a cartoon of me holding a calculator, a thank-you card from a Year 11 who passed her resit, and a note from a parent that just says "she likes maths now". On the hard days, I open it.

Next term I want to try three things. First, I want to get better at questioning: fewer questions to the whole room, more questions to individuals, and more time to think before anyone answers. Second, I want to plan for transitions as carefully as I plan for content, because that is where my lessons wobble. Third, I want to protect my Saturdays, which sounds selfish written down but is the single thing that made the biggest difference to how I teach on Monday.

I also want to read more. Over the summer I read two books about cognitive science and teaching, and they changed how I think about homework and retrieval practice. This term I have read nothing except exercise books and the occasional set of minutes. If you have recommendations, especially about teaching mathematics to pupils who have decided they hate it, leave them in the comments.

To end on a lighter note: on the last day of term my tutor group gave me a card signed by all of them, with a drawing of me on the front that was deeply unflattering and completely accurate. Someone had written "thanks for not giving up on us" inside, and someone else had written "sorry about the dice". I laughed so hard that the head of year came to see what was wrong. Nothing was wrong. For once, everything was fine.

Thank you for reading this far. I am going to bed, and tomorrow I am going to mark those books, and then I am going for a very long walk. See you in the new year.

A postscript, because a friend who read a draft asked what I would tell myself two years ago. I would say: you will not be good at this straight away, and that is not a sign that you are in the wrong job. The teachers you admire were once standing where you are, holding a pile of worksheets in the wrong order. Ask to watch them. Ask them what they did when it went wrong. Most of them will tell you, and most of them will be glad you asked. And buy a decent coat, because duty at the bus stop in January is not a joke.

One more thing I wish I had known: the children remember far less of what you say than you fear, and far more of how you treated them than you expect. The lesson you think was a disaster is, for most of the class, a lesson where they copied some notes and chatted about the weekend. The moment you quietly asked {p1_first} if everything was all right at home, because of the tired eyes, is the one that stays. Spend your worry accordingly. Plan properly, mark what matters, and let the rest go; then spend the energy you save on noticing people, which nobody can put in a spreadsheet and which is most of the job.

A second postscript, for the people who ask how I find time to write this. I don't, really. I write it in pieces: a paragraph on the train, a list of ideas on the back of a register, a few sentences while the kettle boils. Then on one evening a month I sit down and stitch the pieces together. It is, I have realised, the same way that a good term is built: not in one heroic effort, but in small pieces, done steadily, and joined up at the end.
"""

TEXTS = {"short": TWEET, "short-word": TWEET_WORD_NAME, "short-word-alone": TWEET_WORD_NAME_ALONE,
         "short-word-read": TWEET_WORD_NAME_READ,
         "medium": FACEBOOK, "long": BLOG}


def fields(people: list[GeneratedPupil]) -> dict[str, str]:
    """Template fields for the first pupils: p0_full, p0_first, p0_form, p0_year, ..."""
    values = {}
    for i, p in enumerate(people):
        values[f"p{i}_full"] = p.full_name
        values[f"p{i}_first"] = p.preferred_name or p.first_name
        values[f"p{i}_form"] = p.form
        values[f"p{i}_year"] = str(p.year)
    return values


def word_name_pupil(people: list[GeneratedPupil]) -> GeneratedPupil:
    """The first pupil whose first name is also a word (the sixth of the default seed's stream)."""
    return next(p for p in people if p.first_name in WORD_NAMES)


def drafts(people: list[GeneratedPupil]) -> dict[str, str]:
    """The drafts, naming `people[0]`… (at least eight pupils are needed) and a word-name pupil."""
    values = fields(people[:8])
    w = word_name_pupil(people)
    values.update(w_full=f"{w.first_name} {w.last_name}", w_first=w.first_name, w_form=w.form)
    return {size: template.format(**values) for size, template in TEXTS.items()}
