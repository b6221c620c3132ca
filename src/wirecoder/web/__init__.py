"""The REST API and web explorer over a wirecoder store (FastAPI + Jinja2, vendored JS).

    from wirecoder.web import create_app, serve
    serve("wirecoder.db")                      # http://127.0.0.1:8000/

See docs/rest-api.md and docs/explorer.md.
"""

from .app import create_app, serve

__all__ = ["create_app", "serve"]
