"""Log lines are JSON and never carry an exception's message (which may quote a draft)."""
import json
import logging

from backend.logs import JsonFormatter


def record_for(exc: Exception) -> logging.LogRecord:
    try:
        raise exc
    except Exception as caught:
        return logging.LogRecord("precheck.test", logging.ERROR, __file__, 1, "failed", (), (type(caught), caught,
                                 caught.__traceback__))


def test_exceptions_are_logged_as_type_and_location_only():
    try:
        try:
            json.loads('{"text": "draft-marker-123')
        except ValueError as inner:
            raise RuntimeError("while checking draft-marker-123") from inner
    except RuntimeError as exc:
        record = logging.LogRecord("precheck.test", logging.ERROR, __file__, 1, "failed", (),
                                   (type(exc), exc, exc.__traceback__))
    line = JsonFormatter().format(record)
    entry = json.loads(line)
    assert "draft-marker-123" not in line
    assert entry["error"] == "builtins.RuntimeError"
    assert [t["type"] for t in entry["traceback"]] == ["builtins.RuntimeError", "json.decoder.JSONDecodeError"]
    assert any("test_logs.py" in where for where in entry["traceback"][0]["where"])


def test_extra_fields_are_kept():
    record = logging.LogRecord("precheck.test", logging.INFO, __file__, 1, "lists in force", (), None)
    record.lists_version = 7
    assert json.loads(JsonFormatter().format(record))["lists_version"] == 7
