"""A school-account post with a photo or video that names a child (policy 4.2)."""
from nlp.draft import Draft, Hit
from nlp.resources import StatelessDetector

CATEGORY = "child-photo"
CLAUSE = "4.2"
SEVERITY = "high"
MESSAGE = ("This post has a photo or video and names a child. Policy 4.2: do not identify by name any "
           "children featured in photographs, and publish photos only with parents' written consent.")
SUGGESTION = "Remove the child's name from the caption (or the photo from the post), and check consent is on file."
READS = ("pupil-name",)


class Detector(StatelessDetector):
    def find(self, draft: Draft) -> list[Hit]:
        if not draft.context.has_media:
            return []
        return [Hit(h.start, h.end) for h in draft.found("pupil-name")]
