"""``seance serve``: review mode in a web browser, through textual-serve.

textual-serve runs one app process per browser websocket and has no
authentication; this package adds it (named reviewer tokens, a session
cookie) in front of every route, limits the number of app processes, and
runs ``seance review`` (the same read-only screens as over SSH) as each
reviewer's app. It sits just below ``cli`` in the layers: nothing but the
``serve`` command imports it.
"""

# The environment variable through which the server names the reviewer to
# the ``seance review`` it starts (no terminal there: the web driver's pipes).
REVIEWER_ENV = "SEANCE_WEB_REVIEWER"
