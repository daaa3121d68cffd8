"""Inviting, accepting or engaging pupils or parents on a personal account (policy 4.1).

Found where an invitation to contact the author ("add me on Snapchat", "DM me",
"WhatsApp me", "follow my insta", "my number is") meets an audience of pupils or
parents ("Year 11s", "parents", "students", "your child"); where a pupil's
contact is accepted ("accepted a friend request from one of my Year 10s",
"followed me on TikTok"); where a pupil is @-mentioned or named with a social
app; and where a private message opens to a parent.
"""
import re

from nlp import classifier, vocab
from nlp.cues import TITLES
from nlp.draft import Draft, Hit
from nlp.resources import StatelessDetector
from nlp.rules.work_discussion import work_cues

CATEGORY = "pupil-contact"
CLAUSE = "4.1"
SEVERITY = "high"
MESSAGE = ("This invites or engages pupils or parents on a personal account. Policy 4.1: staff will not "
           "invite, accept or engage in communications with parents or children in personal social media.")
SUGGESTION = "Use the school's official channels (school email, the learning platform) for pupils and parents."
READS = ("contact-details", "pupil-name", "direct-message", "school-reference")
# a reply, comment or message is a conversation with someone: about a pupil, it is with the pupil or
# their family
_CONVERSATION = ("reply", "comment", "message")

_APPS = r"(?:snap(?:chat)?|insta(?:gram)?|ig|tik\s?tok|facebook|fb|whats\s?app|twitter|x|discord|telegram|messenger|here|this\s+app|my\s+personal\s+(?:number|account|page|email|insta)|my\s+(?:mobile|phone|number|insta|snap|tiktok|page|account))"
_INVITE = re.compile(
    r"\b(?:add|follow|friend|dm|pm|message|msg|text|whats\s?app|call|ring|email|e-mail|contact|snap|reach|find|join|ping|hit)\s+me\b"
    r"|\b(?:drop|send|give|ping)\s+me\s+(?:a|an)\s+(?:dm|pm|message|line|text|email|msg|bell|ring|shout|follow|whats\s?app|call|snap|voice\s+note)"
    r"|\bset\s+up\s+an?\s+(?:tiktok|insta\w*|snapchat|whatsapp|facebook|discord|group\s+chat|youtube)\b.{0,40}?\bfor\s+my\b"
    r"|\bask\s+me\s+(?:in|on|via)\s+(?:dms?|pms?|messenger|snap|insta|whatsapp)|\bhere'?s\s+my\s+(?:personal\s+)?(?:number|mobile|email|snap|insta)"
    r"|\bslide\s+into\s+my\s+dms|\bmy\s+dms\s+are\s+open|\bi'?m\s+on\s+(?:snap|snapchat|insta|instagram|tiktok|whatsapp|discord)\b"
    r"|\b(?:follow|subscribe\s+to|join)\s+my\s+(?:personal\s+)?(?:insta|instagram|tiktok|snap|page|account|channel|twitter|youtube|twitch|discord)"
    r"|\bgroup\s+chat\b.{0,80}?\bon\s+my\b|\bjoin\b.{0,80}?\bon\s+my\s+(?:insta|instagram|snap|tiktok|page)"
    r"|\bmy\s+(?:snap|snapchat|insta|instagram|tiktok|number|mobile|personal\s+number|email)\s*(?:is|:|'s)"
    r"|\bsend\s+(?:\w+\s+){0,3}(?:there|to\s+me|me)\b"
    # an account the author runs: "follow @MrG_Geog on Insta", "follow the revision page"
    r"|\bfollow\s+@\w+|\bfollow\s+(?:the|my|our)\s+(?:[\w-]+\s+){0,2}(?:page|account|channel|story|insta\w*|tiktok)\b", re.I)
_AUDIENCE = re.compile(
    r"\b(?:pupils?|students?|ex-?students?|ex-?pupils?|parents?|carers?|mums?\s+and\s+dads|tutees?|tutor\s+group|form\s+group|leavers|learners|alumni|young\s+people|kids?\b(?!\s+(?:of\s+)?(?:my\s+)?friends)|"
    r"your\s+(?:child|children|son|daughter|kid)|year\s?\d{1,2}s?|y\d{1,2}s?|[sp][1-7]s?|former\s+pupils?|folio|sixth\s+form(?:ers)?|my\s+(?:class|form|students|pupils)|gcse|revision|coursework|homework|tutoring)\b", re.I)
_ACCEPTED = re.compile(
    r"\b(?:accept(?:ed|ing)?|got|approved?)\s+(?:a\s+|an?\s+\w+\s+|\w+['’]s\s+)?(?:friend|follow|message)\s+requests?\b"
    r"|\b(?:pupils?|students?|parents?|one\s+of\s+my\s+\w+|a\s+(?:year\s?\d+|y\d+|[sp][1-7]))\s+(?:\w+\s+){0,2}(?:found|added|followed|messaged|dm'?d)\s+(?:me|my)\b"
    r"|\b(?:followed|added|friended|messaged|dm'?d|snapped|texted)\s+me\b"
    r"|\bsent\s+me\s+a\s+(?:friend|follow)\s+request\b|\b(?:requesting|requested|request)\s+me\b"
    r"|\baccept(?:ed|ing)?\s+(?:\w+\s+){0,4}?(?:mums|dads|parents|pupils|students|kids|you)\b"
    r"|\b(?:following|adding|friends\s+with|follow|followed|added|friended)\s+(?:me\b|(?:some|all|a\s+few|loads|lots|one|two|most)\s+of\s+my\b|"
    r"my\s+(?:students|pupils|year|form|class|tutees|ex-?pupils|ex-?students|y\d))"
    r"|\b(?:message|messages|dm|dms|friend\s+request|follow\s+request|text|email)\s+from\s+(?:a\s+|one\s+of\s+my\s+|my\s+)?"
    r"(?:pupil|student|parent|year\s?\d+|tutee|former\s+pupil|ex-?pupil)"
    r"|\b(?:sending|sent|send)\s+me\s+(?:\w+\s+){0,2}on\s+" + _APPS, re.I)
# Words that name a personal channel or reaching someone on it. Beside an audience, they anchor
# an invitation worded in ways the patterns above do not list, when the trained classifier reads
# the post as contact with pupils or parents ("my study TikTok is up, follow for more").
_CHANNEL = vocab.pattern("contact-channels")
CLASSIFIER_SCORE = 0.5
_TO_ADULT = re.compile(r"^\W*(?:(?:hi|hey|hello|dear|good\s+(?:morning|afternoon|evening))\W+)?(?:" +
                       "|".join(sorted(TITLES, key=len, reverse=True)) + r")\b\.?\s+[A-Z][\w'’-]*", re.I)
_PARENT_TOPIC = re.compile(r"\b(?:parents['’]?\s+evening|your\s+(?:child|son|daughter)|(?:his|her)\s+(?:homework|progress|behaviour|report)|"
                           r"my\s+personal\s+(?:number|email|phone))\b|['’]s\s+(?:homework|progress|behaviour|report|coursework)", re.I)


class Detector(StatelessDetector):
    def find(self, draft: Draft) -> list[Hit]:
        text = draft.text
        if draft.context.account == "school":
            return []
        pupils = draft.found("pupil-name") + list(draft.memo.get("form_groups", ()))
        audience = _AUDIENCE.search(text)
        invite = _INVITE.search(text)
        conversation = draft.context.surface in _CONVERSATION
        if invite and (audience or pupils or (conversation and work_cues(draft))):
            draft.note(CATEGORY, invite=invite.group(), audience=audience.group() if audience else "a pupil named")
            return [Hit(invite.start(), invite.end())]
        details = draft.found("contact-details")
        if details and _AUDIENCE.search(text):
            # a personal number or address offered to pupils or parents (4.1: no contact from personal phones)
            return [details[0]]
        accepted = _ACCEPTED.search(text)
        # ("accepted a few of the mums from school" names its audience itself)
        if accepted and (pupils or audience or re.search(r"(?:mums|dads|parents|pupils|students|kids)$", accepted.group(), re.I)):
            return [Hit(accepted.start(), accepted.end())]
        if conversation and pupils and work_cues(draft) and draft.found("pupil-name"):
            # answering someone about a pupil you teach, on a personal account
            draft.note(CATEGORY, conversation=draft.context.surface, pupil=text[pupils[0].start:pupils[0].end])
            return [draft.found("pupil-name")[0]]
        for hit in pupils:
            if text[hit.start:hit.start + 1] == "@":
                return [hit]  # an @-mention of a pupil talks to the pupil
        if pupils and re.search(r"\b(?:on|via)\s+" + _APPS + r"\b", text, re.I):
            return [pupils[0]]
        channel = _CHANNEL.search(text)
        if channel and (audience or pupils):
            score = classifier.scores(draft, channel.start(), channel.end())[CATEGORY]
            draft.note(CATEGORY, channel=channel.group(), audience=audience.group() if audience else "a pupil named",
                       classifier=score)
            if score >= CLASSIFIER_SCORE:
                return [Hit(channel.start(), channel.end())]
        if draft.context.surface == "message":
            # a private message to a pupil is itself engaging with a pupil on a personal account
            to_pupil = draft.found("direct-message")
            if to_pupil:
                return [to_pupil[0]]
            adult = _TO_ADULT.match(text)
            if adult and (_PARENT_TOPIC.search(text) or pupils):
                return [Hit(adult.start(), adult.end())]
        return []
