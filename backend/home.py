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


ENROL_PAGE = """<!doctype html>
<html lang="en-GB">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Precheck enrolment link</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40em; margin: 2em auto; line-height: 1.5">
<h1>Your Precheck enrolment link</h1>
<p>This link sets up the Precheck browser extension for you, once. To finish:</p>
<ol>
<li>With this page open, click the <strong>Precheck</strong> icon in your browser's toolbar (under the
jigsaw-piece icon if it is not pinned): it reads the link and sets itself up.</li>
<li>Or open Precheck's options (right-click its icon, <em>Options</em>), paste this page's whole address
into <strong>Enrolment link</strong> and press <strong>Enrol</strong>.</li>
</ol>
<p>No Precheck icon? Ask your school's IT team to install the extension first.
The link works once and expires after a few days; if it no longer works, ask your Precheck admin for a new one.</p>
</body>
</html>
"""


@bp.get("/enrol")
def enrol():
    # The code is in the link's fragment: browsers never send it, so it is in no log here.
    return ENROL_PAGE, 200, {"Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'",
                             "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer"}
