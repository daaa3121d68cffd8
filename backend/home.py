"""GET /: a short page saying what this service is, for whoever opens the server's address."""
from flask import Blueprint, render_template_string, request

bp = Blueprint("home", __name__)

PAGE = """<!doctype html>
<html lang="en-GB">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Precheck</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40em; margin: 2em auto; line-height: 1.5">
<h1>Precheck</h1>
<p>This is the school's Precheck service: <em>pause before you post</em>. The Precheck browser extension
sends it what staff write on social sites, and it warns about what the school's social media policy asks
them not to post. It advises; it never blocks and never reports on anyone.</p>
<h2>Staff</h2>
<p>In the extension's options, the <strong>Server URL</strong> is <code>{{ server_url }}</code>. Your access
token or enrolment link comes from the school's admin.</p>
<h2>Admins</h2>
<p><a href="{{ url_for('console.overview') }}">Open the admin console</a>.</p>
</body>
</html>
"""


@bp.get("/")
def home():
    response = render_template_string(PAGE, server_url=request.url_root.rstrip("/"))
    return response, 200, {"Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'",
                           "X-Content-Type-Options": "nosniff"}
