"""Links that may not be appropriate or safe (policy 4.2): shorteners, plain http, raw IP hosts, blocked domains."""
import ipaddress
import re

import tldextract

from nlp.draft import Draft, Hit

CATEGORY = "unsafe-link"
CLAUSE = "4.2"
SEVERITY = "medium"
MESSAGE = "Policy 4.2: care must be taken that any links to external sites are appropriate and safe."
SUGGESTION = "Link to the full https address of a site you trust."
READS = ()

# The public suffix list bundled with tldextract: no fetch at run time.
_EXTRACT = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)

# Link shorteners hide where a link goes.
SHORTENERS = frozenset({
    "bit.ly", "bitly.com", "tinyurl.com", "t.co", "is.gd", "v.gd", "ow.ly", "buff.ly", "goo.gl", "rebrand.ly",
    "cutt.ly", "shorturl.at", "tiny.cc", "rb.gy", "t.ly", "bl.ink", "s.id", "lnkd.in", "dlvr.it", "trib.al",
    "shorte.st", "adf.ly", "bit.do", "qr.ae", "po.st", "soo.gd", "tiny.one", "short.io", "x.co", "u.to",
    "clck.ru", "gg.gg", "han.gl", "surl.li", "shrtco.de", "linktr.ee", "tr.im", "mcaf.ee", "su.pr", "fb.me",
    "youtu.be", "amzn.to", "wp.me", "db.tt",
})
# youtu.be, amzn.to, wp.me and fb.me say whose they are; only generic shorteners hide the target.
_OWN_SHORT = frozenset({"youtu.be", "amzn.to", "wp.me", "fb.me", "linktr.ee", "db.tt"})

# Every repeat is bounded: an unbounded scheme ("a+a+a+..." read as one) was rescanned from each position.
_LINK = re.compile(
    r"(?<![@\w.-])(?:(?P<scheme>[a-z][a-z0-9+.-]{0,31})://)?"
    r"(?P<host>\[[0-9a-f:]{2,39}\]|(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.){1,10}[a-z0-9-]{1,63}\.?)"
    r"(?::\d{1,5})?(?P<path>[/?#][^\s<>\"'()]{0,2000})?", re.I)


class Detector:
    def __init__(self, resources):
        self.blocked = resources.settings.blocked_domains

    def find(self, draft: Draft) -> list[Hit]:
        hits = []
        for m in _LINK.finditer(draft.text):
            draft.deadline.check()
            scheme = (m.group("scheme") or "").lower()
            host = m.group("host").lower().rstrip(".").strip("[]")
            end = m.end()
            while end > m.start() and draft.text[end - 1] in ".,;:!?":
                end -= 1
            reason = _reason(scheme, host, m.group("path"), self.blocked)
            if reason:
                hits.append(Hit(m.start(), end, f"{MESSAGE} {reason}"))
        return hits


def _reason(scheme: str, host: str, path: str | None, blocked: tuple[str, ...]) -> str | None:
    ip = _ip(host)
    if ip is not None:
        return "It points at a raw IP address, which hides who runs the site."
    parts = _EXTRACT(host)
    if not parts.suffix or not parts.domain:
        return None  # not a web address ("e.g", "3.5")
    if scheme and scheme not in ("http", "https"):
        return None
    for domain in blocked:
        if host == domain or host.endswith("." + domain):
            return f"Your school blocks links to {domain}."
    if _is_shortener(host, parts):
        return "It is a link shortener, which hides where the link goes: remove the link shortener."
    if scheme == "http":
        return "It uses plain http, which is not encrypted."
    return None


def _is_shortener(host: str, parts) -> bool:
    registered = parts.top_domain_under_public_suffix if hasattr(parts, "top_domain_under_public_suffix") else parts.registered_domain
    return (host in SHORTENERS or registered in SHORTENERS) and host not in _OWN_SHORT and registered not in _OWN_SHORT


def _parts(link: str):
    """(scheme, host, path) of a link as the rule reads it, or None for what is not one link."""
    m = _LINK.fullmatch(link)
    if m is None:
        return None
    return (m.group("scheme") or "").lower(), m.group("host").lower().rstrip(".").strip("[]"), m.group("path")


def shortened(link: str) -> str | None:
    """The address to ask for where a link shortener's link leads ("https://bit.ly/3xYz"), or None
    when the link is no shortener's or has no path to resolve."""
    parts = _parts(link)
    if parts is None:
        return None
    scheme, host, path = parts
    if scheme not in ("", "http", "https") or not path or path == "/" or _ip(host) is not None \
            or not _is_shortener(host, _EXTRACT(host)):
        return None
    return f"{scheme or 'https'}://{host}{path}"


def problem(link: str, blocked_domains: tuple[str, ...]) -> str | None:
    """Why this rule would flag a link (None when it would not): to tell whether where a shortened
    link leads is itself a link to offer."""
    parts = _parts(link)
    if parts is None:
        return "It is not a single web address."
    return _reason(*parts, blocked_domains)


def _ip(host: str):
    try:
        return ipaddress.ip_address(host)
    except ValueError:
        return None
