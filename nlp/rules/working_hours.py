"""A personal post during the working hours the admin set (policy 4.1)."""
from nlp.draft import Draft, Hit
from nlp.settings import WEEKDAYS

CATEGORY = "working-hours"
CLAUSE = "4.1"
SEVERITY = "low"
MESSAGE = ("This is being posted during working hours. Policy 4.1: personal sites should not be viewed "
           "or updated during working time; reasonable use is fine before or after working hours and "
           "during work breaks.")
SUGGESTION = "Save it as a draft and post it at break, lunch or after work."
READS = ()


def in_working_hours(settings, local_time) -> bool:
    """Whether an aware datetime falls inside a working interval, read in the school's time zone,
    on a term day when the admin has set term dates."""
    if local_time is None or not settings.working_hours:
        return False
    school_time = local_time.astimezone(settings.zone)
    if not settings.is_term_day(school_time.date()):
        return False
    minute = school_time.hour * 60 + school_time.minute
    day = WEEKDAYS[school_time.weekday()]
    return any(start <= minute < end for start, end in settings.working_hours.get(day, ()))


class Detector:
    def __init__(self, resources):
        self.settings = resources.settings

    def find(self, draft: Draft) -> list[Hit]:
        if draft.context.account == "school" or not in_working_hours(self.settings, draft.context.local_time):
            return []
        return [Hit(0, 0)]
