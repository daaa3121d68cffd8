"""Where a link shortener's link leads, offered as the fix of its unsafe-link finding.

Only where the school's admin switched `resolve_short_links` on: the shortener's owner then
learns that someone is writing about that link. Only the redirect is read: one HEAD request,
redirects not followed, no body, a short timeout; nothing about it is logged (the link is part
of a draft). Answers are kept per worker, so typing on past a link asks the shortener once.
"""
import http.client
import threading
import time
from collections import OrderedDict
from dataclasses import replace
from urllib.parse import urljoin, urlsplit

from nlp.findings import Finding
from nlp.rules import unsafe_link
from nlp.settings import Settings

TIMEOUT_SECONDS = 2.0  # per connect and per read: a check waits no longer on a slow shortener
REDIRECTS = (301, 302, 303, 307, 308)
KEPT = 4096  # links whose answer a worker keeps
# A shortener that did not answer is asked again after this long; where a link leads does not change.
RETRY_AFTER_SECONDS = 300.0
MAX_LOCATION = 2000


def _connection(scheme: str, host: str, port: int | None) -> http.client.HTTPConnection:
    kind = http.client.HTTPSConnection if scheme == "https" else http.client.HTTPConnection
    return kind(host, port, timeout=TIMEOUT_SECONDS)


def redirect_target(url: str) -> str | None:
    """The absolute address a shortener's redirect for `url` names, or None (no redirect, an
    error, too slow)."""
    parts = urlsplit(url)
    try:
        connection = _connection(parts.scheme, parts.hostname, parts.port)
    except ValueError:  # a port out of range
        return None
    try:
        connection.request("HEAD", (parts.path or "/") + (f"?{parts.query}" if parts.query else ""),
                           headers={"User-Agent": "Precheck (link check)", "Accept": "*/*"})
        answer = connection.getresponse()  # a HEAD answer has no body to read
        location = answer.getheader("Location")
        if answer.status not in REDIRECTS or not location or len(location) > MAX_LOCATION:
            return None
        return urljoin(url, location.strip())
    except (OSError, http.client.HTTPException, ValueError):
        return None
    finally:
        connection.close()


class ShortLinks:
    """Redirect targets already asked for, per worker, bounded; a failure is asked again later."""

    def __init__(self):
        self._lock = threading.Lock()
        self._known: OrderedDict[str, tuple[str | None, float]] = OrderedDict()

    def target(self, url: str) -> str | None:
        now = time.monotonic()
        with self._lock:
            known = self._known.get(url)
            if known is not None and (known[0] is not None or now - known[1] < RETRY_AFTER_SECONDS):
                self._known.move_to_end(url)
                return known[0]
        found = redirect_target(url)
        with self._lock:
            self._known[url] = (found, now)
            self._known.move_to_end(url)
            while len(self._known) > KEPT:
                self._known.popitem(last=False)
        return found

    def with_targets(self, findings: list[Finding], settings: Settings) -> list[Finding]:
        """The findings, each shortened link's carrying where it leads as its replacement, when
        the school allows asking and the place it leads to is itself a link the rule accepts."""
        if not settings.resolve_short_links:
            return findings
        answered = []
        for finding in findings:
            url = unsafe_link.shortened(finding.quote) if finding.category == unsafe_link.CATEGORY else None
            target = self.target(url) if url else None
            if target and unsafe_link.problem(target, settings.blocked_domains) is None:
                finding = replace(finding, replacements=(target,))
            answered.append(finding)
        return answered
