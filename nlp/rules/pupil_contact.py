"""Inviting, accepting or engaging pupils or parents on a personal account (policy 4.1).

Found where an invitation to contact the author ("add me on Snapchat", "DM me",
"WhatsApp me", "follow my insta", "my number is") meets an audience of pupils or
parents ("Year 11s", "parents", "students", "your child"); where a pupil's
contact is accepted ("accepted a friend request from one of my Year 10s",
"followed me on TikTok"); where a pupil is @-mentioned or named with a social
app; and where a private message opens to a parent.
"""
import re

from nlp.cues import TITLES
from nlp.draft import Draft, Hit

CATEGORY = "pupil-contact"
CLAUSE = "4.1"
SEVERITY = "high"
MESSAGE = ("This invites or engages pupils or parents on a personal account. Policy 4.1: staff will not "
           "invite, accept or engage in communications with parents or children in personal social media.")
SUGGESTION = "Use the school's official channels (school email, the learning platform) for pupils and parents."
READS = ("contact-details", "pupil-name", "direct-message")

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
    r"|\bsend\s+(?:\w+\s+){0,3}(?:there|to\s+me|me)\b", re.I)
_AUDIENCE = re.compile(
    r"\b(?:pupils?|students?|ex-?students?|ex-?pupils?|parents?|carers?|mums?\s+and\s+dads|tutees?|tutor\s+group|form\s+group|leavers|learners|alumni|young\s+people|kids?\b(?!\s+(?:of\s+)?(?:my\s+)?friends)|"
    r"your\s+(?:child|children|son|daughter|kid)|year\s?\d{1,2}s?|y\d{1,2}s?|[sp][1-7]s?|former\s+pupils?|folio|sixth\s+form(?:ers)?|my\s+(?:class|form|students|pupils)|gcse|revision|coursework|homework|tutoring)\b", re.I)
_ACCEPTED = re.compile(
    r"\b(?:accept(?:ed|ing)?|got|approved?)\s+(?:a\s+|an?\s+\w+\s+|\w+['’]s\s+)?(?:friend|follow|message)\s+requests?\b"
    r"|\b(?:pupils?|students?|parents?|one\s+of\s+my\s+\w+|a\s+(?:year\s?\d+|y\d+|[sp][1-7]))\s+(?:\w+\s+){0,2}(?:found|added|followed|messaged|dm'?d)\s+(?:me|my)\b"
    r"|\b(?:followed|added|friended|messaged|dm'?d|snapped|texted)\s+me\b"
    r"|\bsent\s+me\s+a\s+(?:friend|follow)\s+request\b"
    r"|\b(?:following|adding|friends\s+with|follow|followed|added|friended)\s+(?:me\b|(?:some|all|a\s+few|loads|lots|one|two|most)\s+of\s+my\b|"
    r"my\s+(?:students|pupils|year|form|class|tutees|ex-?pupils|ex-?students|y\d))"
    r"|\b(?:message|messages|dm|dms|friend\s+request|follow\s+request|text|email)\s+from\s+(?:a\s+|one\s+of\s+my\s+|my\s+)?"
    r"(?:pupil|student|parent|year\s?\d+|tutee|former\s+pupil|ex-?pupil)"
    r"|\b(?:sending|sent|send)\s+me\s+(?:\w+\s+){0,2}on\s+" + _APPS, re.I)
_TO_ADULT = re.compile(r"^\W*(?:(?:hi|hey|hello|dear|good\s+(?:morning|afternoon|evening))\W+)?(?:" +
                       "|".join(sorted(TITLES, key=len, reverse=True)) + r")\b\.?\s+[A-Z][\w'’-]*", re.I)
_PARENT_TOPIC = re.compile(r"\b(?:parents['’]?\s+evening|your\s+(?:child|son|daughter)|(?:his|her)\s+(?:homework|progress|behaviour|report)|"
                           r"my\s+personal\s+(?:number|email|phone))\b|['’]s\s+(?:homework|progress|behaviour|report|coursework)", re.I)


class Detector:
    def __init__(self, resources):
        pass

    def find(self, draft: Draft) -> list[Hit]:
        text = draft.text
        if draft.context.account == "school":
            return []
        invite = _INVITE.search(text)
        if invite and _AUDIENCE.search(text):
            return [Hit(invite.start(), invite.end())]
        details = draft.found("contact-details")
        if details and _AUDIENCE.search(text):
            # a personal number or address offered to pupils or parents (4.1: no contact from personal phones)
            return [details[0]]
        pupils = draft.found("pupil-name")
        accepted = _ACCEPTED.search(text)
        if accepted and (pupils or _AUDIENCE.search(text)):
            return [Hit(accepted.start(), accepted.end())]
        for hit in pupils:
            if text[hit.start:hit.start + 1] == "@":
                return [hit]  # an @-mention of a pupil talks to the pupil
        if pupils and re.search(r"\b(?:on|via)\s+" + _APPS + r"\b", text, re.I):
            return [pupils[0]]
        if draft.context.surface == "message":
            # a private message to a pupil is itself engaging with a pupil on a personal account
            to_pupil = draft.found("direct-message")
            if to_pupil:
                return [to_pupil[0]]
            adult = _TO_ADULT.match(text)
            if adult and (_PARENT_TOPIC.search(text) or pupils):
                return [Hit(adult.start(), adult.end())]
        return []
