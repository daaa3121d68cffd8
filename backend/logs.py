"""Structured logs: one JSON object per line, never a draft.

Drafts reach the service only as request bodies. Nothing here logs a body, and
because exception messages can quote their input (a JSON decode error quotes
the text it choked on, a rule may put the draft in a message), exceptions are
logged as their type and the code locations of the traceback, never their
message.
"""
import json
import logging
import re
import time
import traceback

# Attributes every LogRecord has; anything else was passed with `extra=` and is logged.
_STANDARD = set(vars(logging.LogRecord("", 0, "", 0, "", (), None))) | {"message", "asctime", "taskName"}


def describe_exception(exc: BaseException) -> dict:
    """Type and code locations of an exception (and its causes), without any message."""
    chain, seen = [], set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        frames = traceback.extract_tb(exc.__traceback__)
        chain.append({
            "type": f"{type(exc).__module__}.{type(exc).__qualname__}",
            "where": [f"{f.filename}:{f.lineno} in {f.name}" for f in frames[-8:]],
        })
        exc = exc.__cause__ or exc.__context__
    return {"error": chain[0]["type"], "traceback": chain}


class JsonFormatter(logging.Formatter):
    """Formats records as JSON lines; exceptions are reduced by describe_exception."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(record.created))
                    + f".{int(record.msecs):03d}Z",
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        for key, value in vars(record).items():
            if key not in _STANDARD and not key.startswith("_"):
                entry[key] = value
        if record.exc_info and record.exc_info[1] is not None:
            entry.update(describe_exception(record.exc_info[1]))
        return json.dumps(entry, default=str, ensure_ascii=False)

    def formatException(self, ei) -> str:  # never the message, whoever asks
        return json.dumps(describe_exception(ei[1]))


# A staff token in a LanguageTool path (/lt/<token>/v2/check), wherever a line carries the path.
_TOKEN_IN_PATH = re.compile(r"(/lt/)[^/?#\s\"]+")
TOKEN_BLANKED = r"\1<token>"


def _blank(value):
    return _TOKEN_IN_PATH.sub(TOKEN_BLANKED, value) if isinstance(value, str) else value


class BlankTokensInPaths(logging.Filter):
    """Blanks the token of /lt/<token>/ paths in every record (gunicorn's access log puts the
    path in its arguments, the development server in its request line)."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = _blank(record.msg)
        if isinstance(record.args, dict):  # in place: gunicorn's own mapping type stays
            for key, value in record.args.items():
                record.args[key] = _blank(value)
        elif isinstance(record.args, tuple):
            record.args = tuple(_blank(value) for value in record.args)
        return True


def logging_config(level: str = "INFO") -> dict:
    """A dictConfig for the service (and gunicorn's error log) writing JSON lines to stderr."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"json": {"()": JsonFormatter}},
        "filters": {"blank_tokens": {"()": BlankTokensInPaths}},
        "handlers": {"stderr": {"class": "logging.StreamHandler", "formatter": "json",
                                "filters": ["blank_tokens"], "stream": "ext://sys.stderr"}},
        "loggers": {
            "precheck": {"level": level, "handlers": ["stderr"], "propagate": False},
            "gunicorn.error": {"level": level, "handlers": ["stderr"], "propagate": False},
            "gunicorn.access": {"level": "INFO", "handlers": ["stderr"], "propagate": False},
            # The development server's request lines carry the path only; keep them JSON too.
            "werkzeug": {"level": "INFO", "handlers": ["stderr"], "propagate": False},
        },
        "root": {"level": "WARNING", "handlers": ["stderr"]},
    }
