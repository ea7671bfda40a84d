"""The server's own French pages: login (401), refusals, all self-contained
(inline style, no script, nothing fetched): they are shown before any
login, when even the static files are refused."""

from __future__ import annotations

from html import escape

from aiohttp import web

from ..domain.text import one_line

STYLE = """
body { background: #0c181f; color: #e8eef2; font-family: system-ui, sans-serif; margin: 0;
       min-height: 100vh; display: flex; align-items: center; justify-content: center; }
main { background: #12232d; padding: 2rem 2.5rem; max-width: 34rem; border-radius: 6px; }
h1 { font-size: 1.3rem; margin-top: 0; }
label { display: block; margin: 1rem 0 .4rem; }
input { width: 100%; box-sizing: border-box; padding: .5rem; font-family: monospace; font-size: 1rem; }
button { margin-top: 1rem; padding: .6rem 1.4rem; background: #5e0ba7; color: #fff; border: 0;
         font-size: 1rem; cursor: pointer; }
.erreur { color: #ffb4a8; }
"""


def _page(title: str, body: str, status: int) -> web.Response:
    html = (
        '<!DOCTYPE html>\n<html lang="fr"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title><style>{STYLE}</style></head>"
        f"<body><main>{body}</main></body></html>\n"
    )
    response = web.Response(status=status, text=html, content_type="text/html", charset="utf-8")
    response.headers["Cache-Control"] = "no-store"
    response.headers["X-Frame-Options"] = "DENY"
    response.headers["Referrer-Policy"] = "no-referrer"
    return response


def login(login_path: str, error: str = "", status: int = 401) -> web.Response:
    """401 with the login form: a token pasted here opens a browser session."""
    warning = f'<p class="erreur" id="erreur">{escape(error)}</p>' if error else ""
    page = _page(
        "seance — connexion des relecteurs",
        "<h1>seance · relecture en lecture seule</h1>"
        "<p>Accès réservé aux relecteurs. Collez le jeton que l'administrateur vous a donné.</p>"
        f"{warning}"
        f'<form method="post" action="{escape(login_path)}">'
        '<label for="jeton">Jeton</label>'
        '<input id="jeton" name="jeton" type="password" autocomplete="off" required autofocus>'
        '<button type="submit" id="connexion">Se connecter</button>'
        "</form>",
        status,
    )
    # With no-referrer the browser posts the form with « Origin: null », which
    # the login's Origin check must refuse (another site can send null too).
    page.headers["Referrer-Policy"] = "same-origin"
    return page


def unauthorized() -> web.Response:
    """401 for what is not a page (websocket, static file, script)."""
    return _page(
        "seance — accès refusé",
        "<h1>Accès refusé</h1><p>Jeton absent, inconnu ou retiré. "
        "Connectez-vous depuis la page d'accueil avec votre jeton.</p>",
        401,
    )


def forbidden_origin() -> web.Response:
    return _page(
        "seance — accès refusé",
        "<h1>Accès refusé</h1><p>Cette page de relecture ne peut être ouverte que depuis ce serveur.</p>",
        403,
    )


def too_many(limit: int) -> web.Response:
    return _page(
        "seance — trop de sessions",
        "<h1>Trop de sessions ouvertes</h1>"
        f"<p>{limit} relecture(s) en cours : c'est le maximum de ce serveur. "
        "Réessayez quand une autre session se sera fermée.</p>",
        503,
    )


def not_a_websocket() -> web.Response:
    return _page(
        "seance — adresse du terminal",
        "<h1>Adresse du terminal</h1><p>Cette adresse est celle du terminal de la page de relecture : "
        "ouvrez la page d'accueil.</p>",
        400,
    )


def logged_out(login_path: str) -> web.Response:
    return _page(
        "seance — déconnecté",
        f'<h1>Déconnecté</h1><p><a href="{escape(login_path)}" style="color:#9cd">Se reconnecter</a></p>',
        200,
    )


def shown(text: str) -> str:
    """A reviewer's name, a path or a client's address for the log: control
    characters visible, newlines too, so that nobody (a request for
    ``/%0A…``) can write a line of the log that looks like the server's."""
    return one_line(text)


def reviewers_file_unreadable() -> web.Response:
    """503 while the reviewers' file does not read: nobody is let in, and it is said."""
    return _page(
        "seance — serveur indisponible",
        "<h1>Serveur indisponible</h1><p>Le fichier des relecteurs de ce serveur est illisible : "
        "personne ne peut se connecter tant que l'administrateur ne l'a pas réparé.</p>",
        503,
    )
