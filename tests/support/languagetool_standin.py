"""A stand-in for a school's own LanguageTool server, for the PRECHECK_LANGUAGETOOL_URL tests.

    with LanguageToolStandIn() as server:       # http://127.0.0.1:<port>/
        server.url, server.requests             # the forms it was sent
        server.failing = True                   # answer 500, quoting the text as some servers do

It reports each "teh" in `text` as LanguageTool reports a typo (UTF-16 offsets), so what it
answers follows from what it is sent.
"""
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl


def utf16_units(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def typo_matches(text: str) -> list[dict]:
    matches, at = [], text.find("teh")
    while at != -1:
        matches.append({
            "message": "Possible spelling mistake found.", "shortMessage": "Spelling mistake",
            "replacements": [{"value": "the"}], "offset": utf16_units(text[:at]), "length": 3,
            "context": {"text": text, "offset": utf16_units(text[:at]), "length": 3}, "sentence": text,
            "type": {"typeName": "UnknownWord"},
            "rule": {"id": "MORFOLOGIK_RULE_EN_GB", "description": "Possible spelling mistake",
                     "issueType": "misspelling", "category": {"id": "TYPOS", "name": "Possible Typo"}},
        })
        at = text.find("teh", at + 1)
    return matches


class LanguageToolStandIn:
    def __init__(self):
        self.requests: list[dict] = []
        self.failing = False
        stand_in = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                form = dict(parse_qsl(self.rfile.read(int(self.headers["Content-Length"])).decode("utf-8"),
                                      keep_blank_values=True))
                stand_in.requests.append({"path": self.path, "form": form})
                text = form.get("text", "")
                if stand_in.failing:
                    status, body, kind = 500, f"Error: Internal Error while checking {text}", "text/plain"
                else:
                    status, kind = 200, "application/json"
                    body = json.dumps({"software": {"name": "LanguageTool"}, "warnings": {"incompleteResults": False},
                                       "language": {"name": "English (GB)", "code": "en-GB"},
                                       "matches": typo_matches(text)})
                data = body.encode("utf-8")
                self.send_response(status)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args):  # quiet: the test output is the service's
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> "LanguageToolStandIn":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()
