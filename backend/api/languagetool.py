"""LanguageTool's HTTP API (v2) over Precheck's check, for the editors and mail clients that speak it.

    GET  /lt/<staff token>/v2/languages
    POST /lt/<staff token>/v2/check      form: text or data, language (others accepted, ignored)
    POST /v2/check                       the same, with the staff token as LanguageTool's apiKey
    GET  /v2/languages                   the same list, for those clients (no token: it is not secret)

Built to LanguageTool's own server (languagetool-server: ApiV2, V2TextChecker,
LanguageToolHttpHandler; languagetool-core: RuleMatchesAsJsonSerializer, ContextTools):
one match per finding, offsets in UTF-16 code units of the text as sent (markup included,
for `data`), and errors as LanguageTool answers them, plain text "Error: ..." with its
status codes. The draft never appears in an error, and the token in a path is blanked
from every log line (backend/logs.py). With PRECHECK_LANGUAGETOOL_URL set, the school's
own LanguageTool server's matches (grammar, spelling) follow Precheck's in one answer.
"""
import http.client
import json
import logging
import re
import tomllib
import urllib.request
from bisect import bisect_right
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urljoin

from flask import Blueprint, Response, current_app, g, jsonify, request

from backend import errors
from backend.api.bodies import LONE_SURROGATE, limit_body
from backend.api.check import check_draft
from backend.auth import authenticate_staff
from backend.ratelimit import charge_check
from backend.console.settings_form import CATEGORY_DESCRIPTIONS
from nlp import Context
from nlp.findings import INCOMPLETE
from nlp.spans import utf16_length, utf16_offsets

bp = Blueprint("languagetool", __name__)
log = logging.getLogger("precheck.languagetool")

# Form bodies percent-encode: up to 9 bytes per UTF-16 unit ("%E2%80%94"), 12 for JSON in `data`
# ("\\u2014" escaped again), plus room for markup and the other parameters.
BYTES_PER_UNIT = 12
FORM_ALLOWANCE = 256 * 1024
CONTEXT_SIZE = 40  # characters either side, as LanguageTool's TextChecker.CONTEXT_SIZE
MAX_ECHOED = 40  # of a language code quoted back in an error
VERSION = tomllib.loads((Path(__file__).resolve().parents[2] / "pyproject.toml").read_text())["project"]["version"]

# The school's own LanguageTool server (PRECHECK_LANGUAGETOOL_URL): how long a check waits for it,
# and the parameters it is not sent (Precheck's credentials are not that server's to see).
UPSTREAM_TIMEOUT = 10.0
NOT_FORWARDED = ("apiKey", "username", "password", "token")
UPSTREAM_MISSING = ("Results are incomplete: the school's LanguageTool server did not answer, so only "
                    "Precheck's matches are shown.")

# (name, code, longCode) as LanguageTool names its English variants, sorted by name as it sorts them.
LANGUAGES = (
    ("English", "en", "en"),
    ("English (Australian)", "en", "en-AU"),
    ("English (Canadian)", "en", "en-CA"),
    ("English (GB)", "en", "en-GB"),
    ("English (New Zealand)", "en", "en-NZ"),
    ("English (South African)", "en", "en-ZA"),
    ("English (US)", "en", "en-US"),
)
_BY_CODE = {long_code.lower(): (name, long_code) for name, _, long_code in LANGUAGES}
AUTO_DEFAULT = "en-US"  # LanguageTool's variant for detected English without preferredVariants

# Short names for rule.category.name, as the extension labels findings.
CATEGORY_NAMES = {
    "pupil-name": "Pupil's name", "staff-name": "Colleague's name",
    "school-reference": "Identifies the school", "work-discussion": "Talks about work",
    "pupil-contact": "Contact with pupils or parents", "contact-details": "Personal contact details",
    "offensive": "Could offend", "reputation": "School's reputation", "unsafe-link": "Link to check",
    "child-photo": "Photo of a child", "direct-message": "Private message to a pupil",
    "working-hours": "During working hours", INCOMPLETE.category: "Not fully checked",
}

# A sentence ends after . ! ? or … (closing quotes and brackets kept with it) before a space, or at a line break.
_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s)|\n")



class LanguageToolError(Exception):
    """An error answered as LanguageTool's server answers it: `status`, text "Error: <message>"."""

    def __init__(self, status: int, message: str, headers: dict | None = None):
        super().__init__(message)
        self.status, self.message, self.headers = status, message, headers or {}


def _auth_error() -> LanguageToolError:
    # LanguageTool answers an AuthException with 403.
    return LanguageToolError(403, "AuthException: a valid Precheck staff access token is required: use "
                                  "<server>/lt/<token>/ as the LanguageTool server, or send the token as 'apiKey'.")


@bp.errorhandler(Exception)
def _as_languagetool_error(exc):
    if isinstance(exc, LanguageToolError):
        status, message, headers = exc.status, exc.message, exc.headers
    else:  # the app's own answer (and its logging), worded as LanguageTool words errors
        answer = errors.response_for(exc)
        status, message = answer.status_code, answer.get_json()["error"]["message"]
        headers = {k: v for k, v in answer.headers.items() if k in ("Retry-After", "Allow")}
    return Response(f"Error: {message}", status=status, headers=headers, mimetype="text/plain")


@bp.after_request
def _no_store(response):
    # Answers quote the draft around each match (pupils' names): no cache keeps them.
    response.headers["Cache-Control"] = "no-store"
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response


# -- the request ---------------------------------------------------------------------------

def _form() -> dict[str, str]:
    """The form parameters, read as LanguageTool reads a POST body: as a query string,
    whatever the Content-Type (multipart too); the last of a repeated name wins."""
    limit_body(current_app.config["MAX_TEXT_LENGTH"] * BYTES_PER_UNIT + FORM_ALLOWANCE)
    if request.mimetype == "multipart/form-data":
        return {key: values[-1] for key, values in request.form.lists()}
    body = request.get_data(cache=False).decode("utf-8", "replace")
    return dict(parse_qsl(body, keep_blank_values=True))


@dataclass(frozen=True)
class Document:
    """What was sent (`original`: text and markup) and what is checked (`plain`), with each
    plain UTF-16 unit's span in the original; None when the two are the same text."""
    original: str
    plain: str
    unit_starts: list[int] | None = None
    unit_ends: list[int] | None = None

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """A plain [start, end) in UTF-16 units, as units of the original."""
        if self.unit_starts is None:
            return start, end
        if end > start:
            return self.unit_starts[start], self.unit_ends[end - 1]
        at = self.unit_starts[start] if start < len(self.unit_starts) else utf16_length(self.original)
        return at, at


def _repaired(value: str) -> str:
    # JSON may escape half a surrogate pair; U+FFFD is one unit too, so offsets still hold.
    return LONE_SURROGATE.sub("\ufffd", value)


def _annotated(raw: str) -> Document:
    """LanguageTool's `data`: {"text": ...} or {"annotation": [{"text"} | {"markup", "interpretAs"?}]}."""
    try:
        data = json.loads(raw)
    except (ValueError, RecursionError):  # the decode error quotes the draft: not passed on
        raise LanguageToolError(400, "Could not parse JSON from 'data' parameter") from None
    if not isinstance(data, dict) or ("text" not in data and "annotation" not in data):
        raise LanguageToolError(400, "'data' key in JSON requires 'text' or 'annotation' key")
    if "text" in data and "annotation" in data:
        raise LanguageToolError(400, "'data' key in JSON requires either 'text' or 'annotation' key, not both")
    if "text" in data:
        if not isinstance(data["text"], str):
            raise LanguageToolError(400, "'text' in 'data' must be a string")
        text = _repaired(data["text"])
        return Document(text, text)
    if not isinstance(data["annotation"], list):
        raise LanguageToolError(400, "'annotation' in 'data' must be a list")
    original, plain, starts, ends, at = [], [], [], [], 0
    # Items are named by position only: LanguageTool quotes the item, which would quote the draft.
    for number, item in enumerate(data["annotation"], 1):
        if not isinstance(item, dict) or ("text" not in item and "markup" not in item):
            raise LanguageToolError(400, f"Only 'text' and 'markup' are supported in 'annotation' list "
                                         f"(item {number})")
        if "text" in item and "markup" in item:
            raise LanguageToolError(400, "Only either 'text' or 'markup' are supported in an object in "
                                         f"'annotation' list, not both (item {number})")
        if "text" in item and "interpretAs" in item:
            raise LanguageToolError(400, f"'text' cannot be used with 'interpretAs' (only 'markup' can) "
                                         f"(item {number})")
        values = [item.get(key, "") for key in ("text", "markup", "interpretAs")]
        if not all(isinstance(v, str) for v in values):
            raise LanguageToolError(400, f"'text', 'markup' and 'interpretAs' must be strings (item {number})")
        if "text" in item:
            text = _repaired(item["text"])
            size = utf16_length(text)
            original.append(text)
            plain.append(text)
            starts.extend(range(at, at + size))
            ends.extend(range(at + 1, at + size + 1))
            at += size
        else:
            markup, interpretation = _repaired(item["markup"]), _repaired(item.get("interpretAs", ""))
            size = utf16_length(markup)
            original.append(markup)
            plain.append(interpretation)
            # what markup stands for (a line break for <br>) maps to the whole markup
            starts.extend([at] * utf16_length(interpretation))
            ends.extend([at + size] * utf16_length(interpretation))
            at += size
    return Document("".join(original), "".join(plain), starts, ends)


def _document(params: dict[str, str]) -> Document:
    # In LanguageTool's order (ApiV2.handleCheckRequest).
    if "text" in params and "data" in params:
        raise LanguageToolError(400, "Set only 'text' or 'data' parameter, not both")
    if "text" in params:
        return Document(params["text"], params["text"])
    if "data" in params:
        return _annotated(params["data"])
    raise LanguageToolError(400, "Missing 'text' or 'data' parameter")


def _language(params: dict[str, str]) -> tuple[str, str]:
    """(name, longCode) of the language asked for; `auto` is English, in a preferred variant if given."""
    code = params.get("language", "")
    if code == "auto":
        preferred = [v.strip().lower() for v in params.get("preferredVariants", "").split(",")]
        return next((_BY_CODE[v] for v in preferred if v in _BY_CODE), _BY_CODE[AUTO_DEFAULT.lower()])
    if code.lower() in _BY_CODE:
        return _BY_CODE[code.lower()]
    raise LanguageToolError(400, f"'{code[:MAX_ECHOED]}' is not a language code known to LanguageTool. "
                                 f"Supported language codes are: {', '.join(sorted(_BY_CODE[c][1] for c in _BY_CODE))}. "
                                 "Precheck checks English only.")


# -- the answer ----------------------------------------------------------------------------

def _slice16(encoded: bytes, start: int, end: int) -> str:
    return encoded[2 * start:2 * end].decode("utf-16-le")


def _context(encoded: bytes, start: int, end: int) -> dict:
    """ContextTools.getContext: up to CONTEXT_SIZE units either side, "..." where the text is
    cut, line breaks as spaces. As there, the prefix is left out only when fewer than
    CONTEXT_SIZE units precede the match. A window edge inside a surrogate pair moves
    outwards, so the context never holds half a character."""
    total = len(encoded) // 2
    first, prefix = start - CONTEXT_SIZE, "..."
    if first < 0:
        first, prefix = 0, ""
    last, postfix = end + CONTEXT_SIZE, "..."
    if last > total:
        last, postfix = total, ""
    if first > 0 and 0xDC00 <= int.from_bytes(encoded[2 * first:2 * first + 2], "little") <= 0xDFFF:
        first -= 1
    if 0 < last < total and 0xD800 <= int.from_bytes(encoded[2 * last - 2:2 * last], "little") <= 0xDBFF:
        last += 1
    text = prefix + _slice16(encoded, first, last).replace("\n", " ") + postfix
    return {"text": text, "offset": len(prefix) + start - first, "length": end - start}


class _Sentences:
    """The plain text's sentences, to name the one a match starts in (LanguageTool's `sentence`)."""

    def __init__(self, plain: str):
        self.plain = plain
        self.units = utf16_offsets(plain)
        self.ends = [m.end() for m in _SENTENCE_END.finditer(plain)]

    def around(self, unit: int) -> str:
        index = bisect_right(self.units, unit) - 1
        which = bisect_right(self.ends, index)
        start = self.ends[which - 1] if which else 0
        end = self.ends[which] if which < len(self.ends) else len(self.plain)
        return self.plain[start:end].strip()


def _match(finding, document: Document, encoded: bytes, sentences: _Sentences) -> dict:
    offset, end = document.original_span(finding.start, finding.end)
    category = finding.category
    name = CATEGORY_NAMES.get(category, category.replace("-", " "))
    description = CATEGORY_DESCRIPTIONS.get(category, name) + (f" (policy {finding.clause})" if finding.clause else "")
    return {
        "message": finding.message,
        "shortMessage": finding.suggestion,
        "replacements": [{"value": value} for value in finding.replacements],
        "offset": offset,
        "length": end - offset,
        "context": _context(encoded, offset, end),
        "sentence": sentences.around(finding.start),
        "type": {"typeName": "Other"},
        "rule": {
            "id": "PRECHECK_" + category.upper().replace("-", "_"),
            "description": description,
            "issueType": "other",
            "category": {"id": category, "name": name},
        },
        "ignoreForIncompleteSentence": False,
        "contextForSureMatch": 0,
    }


def _upstream_matches(params: dict[str, str]) -> tuple[list, str | None]:
    """(the matches of the school's LanguageTool server for the same text and parameters, None),
    or ([], why there are none) when it fails; ([], None) when there is no such server."""
    url = current_app.config.get("LANGUAGETOOL_URL")
    if not url:
        return [], None
    form = urlencode({key: value for key, value in params.items() if key not in NOT_FORWARDED})
    upstream = urllib.request.Request(urljoin(url.rstrip("/") + "/", "v2/check"), data=form.encode("utf-8"),
                                      headers={"Content-Type": "application/x-www-form-urlencoded",
                                               "Accept": "application/json"})
    try:
        with urllib.request.urlopen(upstream, timeout=UPSTREAM_TIMEOUT) as answer:
            matches = json.loads(answer.read())["matches"]
        if not isinstance(matches, list):
            raise TypeError("'matches' is not a list")
        return matches, None
    except (OSError, http.client.HTTPException, ValueError, LookupError, TypeError) as exc:
        # Refused, unreachable, too slow, an error status (whose body may quote the text) or not
        # LanguageTool's JSON: logged as the exception's type and place only, never its message.
        log.warning("the school's LanguageTool server gave no matches", exc_info=exc)
        return [], UPSTREAM_MISSING


def _check(params: dict[str, str]):
    document = _document(params)
    if not params.get("language"):  # V2TextChecker.checkParams
        raise LanguageToolError(400, "Missing 'language' parameter, e.g. 'language=en-US' for American "
                                     "English or 'language=fr' for French")
    max_units, units = current_app.config["MAX_TEXT_LENGTH"], utf16_length(document.plain)
    if units > max_units:
        raise LanguageToolError(413, f"Your text exceeds the limit of {max_units} characters (it's {units} "
                                     "characters). Please submit a shorter text.")
    name, code = _language(params)
    charge_check()  # the token's one budget, shared with /api/v1/check
    # LanguageTool clients say nothing of where the text goes: checked as a post on a personal account.
    findings, _ = check_draft(document.plain, Context())
    encoded, sentences = document.original.encode("utf-16-le", "surrogatepass"), _Sentences(document.plain)
    matches = [_match(f, document, encoded, sentences) for f in findings]
    grammar, missing = _upstream_matches(params)
    # A check cut short by its time budget says so in a finding (a match here) and, as
    # LanguageTool says it, in the warnings.
    reasons = [f.message for f in findings if f.category == INCOMPLETE.category] + ([missing] if missing else [])
    warnings = {"incompleteResults": True, "incompleteResultsReason": " ".join(reasons)} if reasons else \
        {"incompleteResults": False}
    return jsonify({
        "software": {"name": "Precheck", "version": VERSION, "apiVersion": 1, "premium": False, "status": ""},
        "warnings": warnings,
        "language": {"name": name, "code": code,
                     "detectedLanguage": {"name": name, "code": code, "confidence": 1.0}},
        "matches": matches + grammar,  # the school's LanguageTool server's after Precheck's
    })


# -- the endpoints -------------------------------------------------------------------------

def _languages():
    return jsonify([{"name": name, "code": code, "longCode": long_code} for name, code, long_code in LANGUAGES])


@bp.get("/lt/<token>/v2/languages")
def languages(token):
    if not authenticate_staff(token):
        raise _auth_error()
    return _languages()


@bp.get("/v2/languages")
def languages_for_api_key_clients():
    # Clients configured with apiKey (LibreOffice among them) ask for the languages without it;
    # the list tells no more than that this server checks English.
    return _languages()


@bp.post("/lt/<token>/v2/check")
def check_with_token_in_path(token):
    if not authenticate_staff(token):  # before the body is read
        raise _auth_error()
    return _check(_form())


@bp.post("/v2/check")
def check_with_api_key():
    params = _form()
    if not authenticate_staff(params.get("apiKey")):
        raise _auth_error()
    return _check(params)
