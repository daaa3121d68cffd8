"""Helpers shared by every room's tests (live service under gunicorn, databases)."""
