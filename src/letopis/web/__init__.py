"""The web viewer: a JSON API over the corpus store and the pages that draw it.

`make_server(opener, host, port, settings)` returns a standard-library HTTP server;
`letopis serve` is the command that starts one (see docs/viewer.md).
"""

from .server import App, Settings, make_server, url_of

__all__ = ["App", "Settings", "make_server", "url_of"]
