"""Every key of the interface, with an id and a French description.

Function keys are priority bindings: the notes editor would otherwise take
f6 and f7 (select line, select all). Control keys avoid those the editor and
inputs use (a, b, d, e, f, k, l, r, s, u, w, x, y, z).

A binding's tooltip is the sentence the command palette shows for it (the
footer's one word, « Ajouter », says nothing there); the footer shows it on hover.

Widgets take their BINDINGS from here, and the help screen and the command
palette read the same lists, so that the three can never disagree. The ids let
a centre remap the workspace's keys without touching the code: its data dir's
``keymap.json`` (``{"seance.start": "f11"}``) is read at start
(``services/keymap.py``), given to Textual (``App.set_keymap``: the footer and
the keys themselves) and kept here, where the help screen, the palette and the
keys refused in the notes read it.
"""

from collections.abc import Mapping

from textual.binding import Binding

from .keys import key_name

WORKSPACE = [
    # The footer shows these in this order and cuts what does not fit: the
    # séance keys first. F2–F5 are written on the panes (and the pane bar at
    # 80 columns) rather than in the footer.
    Binding("f1", "help", "Aide", id="help", priority=True,
            tooltip="Afficher l'aide : toutes les touches"),
    Binding("f6", "start_seance", "Démarrer", id="seance.start", priority=True,
            tooltip="Démarrer une séance avec le candidat ouvert"),
    Binding("f7", "toggle_pause", "Pause", id="seance.pause", priority=True,
            tooltip="Mettre la séance en pause ou la reprendre"),
    Binding("f8", "close_seance", "Clore", id="seance.close", priority=True,
            tooltip="Clore la séance en cours"),
    Binding("ctrl+q", "quit", "Quitter", id="quit", priority=True,
            tooltip="Quitter (tout est enregistré)"),
    Binding("ctrl+t", "toggle_presentation", "Présentation", id="presentation",
            tooltip="Passer en mode présentation (l'écran montré au candidat)"),
    # The same key, shown in presentation mode: its only way out.
    Binding("ctrl+t", "leave_presentation", "Quitter la présentation", id="presentation.leave"),
    Binding("f9", "reopen_seance", "Rouvrir", id="seance.reopen", priority=True,
            tooltip="Rouvrir une séance close pour la corriger"),
    # From every pane, the notes included (an F-key cannot be typed into text).
    Binding("f10", "seance_details", "Détails de la séance", id="seance.details", priority=True),
    Binding("ctrl+n", "new_candidate", "Nouveau candidat", id="candidate.new",
            tooltip="Créer un nouveau candidat"),
    Binding("ctrl+g", "edit_candidate", "Modifier candidat", id="candidate.edit",
            tooltip="Modifier la fiche du candidat ouvert"),
    Binding("f2", "focus_pane('candidates')", "Candidats", id="pane.candidates", priority=True, show=False,
            tooltip="Aller à la liste des candidats"),
    Binding("f3", "focus_pane('timeline')", "Parcours", id="pane.timeline", priority=True, show=False,
            tooltip="Aller au parcours du candidat"),
    Binding("f4", "focus_pane('notes')", "Notes", id="pane.notes", priority=True, show=False,
            tooltip="Aller aux notes de séance"),
    Binding("f5", "focus_pane('roadmap')", "Feuille de route", id="pane.roadmap", priority=True, show=False,
            tooltip="Aller à la feuille de route"),
    # Back to the overview across candidates (ui/screens/overview.py), run by the
    # app: the screen beneath it stays as it was. Not in the footer (full at 80
    # columns): the pane bar's row, F1 and the palette name it.
    Binding("f11", "app.open_overview", "Vue d'ensemble", id="overview.open", priority=True, show=False,
            tooltip="Revenir à la vue d'ensemble : la semaine et ce qui attend, tous candidats"),
    # Not in the footer (it is full at 80 columns): F1 and the palette name it.
    Binding("f12", "open_synthesis", "Document de synthèse", id="synthesis.open", priority=True, show=False,
            tooltip="Ouvrir le document de synthèse"),
]

# The app's own key for the palette: Textual's default says "palette" in
# English in the footer (SeanceApp.BINDINGS; review has no palette).
PALETTE = Binding(
    "ctrl+p", "command_palette", "Commandes", priority=True, show=False, tooltip="Ouvrir la palette de commandes",
)

# Screen actions a key typed or pasted into the notes must never reach: a
# control character in the text (BEL is ctrl+g, SO ctrl+n, DC4 ctrl+t) would
# open a form whose name field the next typed words fill, or hand the next
# letters to the roadmap. They work from the other panes and the palette
# (itself not opened from the notes: see SeanceApp.check_action). Audit of
# the rest: F-keys cannot be typed (an unbracketed paste of their escape
# sequence is the paste parser's business); ctrl+q saves, pauses and quits,
# losing nothing; ctrl+o shows the preview in the editor's place: no data
# changes, but letters typed next are not written (left to the notes pane).
NOT_FROM_NOTES = {"new_candidate", "edit_candidate", "toggle_presentation"}

# Presentation mode faces the candidate: of the screen's actions only these
# work there (no pane key, no séance key, no candidate form: any of them
# would show the notes or other candidates). The roadmap and the checklist
# on screen keep their keys: they are the candidate's own.
IN_PRESENTATION = {"leave_presentation", "help", "quit"}

NOTES = [
    Binding("ctrl+o", "toggle_preview", "Aperçu", id="notes.preview",
            tooltip="Afficher ou masquer l'aperçu des notes"),
]

ROADMAP = [
    Binding("a", "add_item", "Ajouter", id="roadmap.add",
            tooltip="Ajouter une étape à la feuille de route"),
    Binding("e,enter", "edit_item", "Modifier", id="roadmap.edit",
            tooltip="Modifier l'étape sélectionnée de la feuille de route"),
    Binding("s", "cycle_status", "Statut", id="roadmap.status",
            tooltip="Changer le statut de l'étape sélectionnée"),
    Binding("d,delete", "delete_item", "Supprimer", id="roadmap.delete",
            tooltip="Supprimer l'étape sélectionnée de la feuille de route"),
    Binding("shift+up", "move_item(-1)", "Monter", id="roadmap.up",
            tooltip="Monter l'étape sélectionnée d'un rang"),
    Binding("shift+down", "move_item(1)", "Descendre", id="roadmap.down",
            tooltip="Descendre l'étape sélectionnée d'un rang"),
]

CHECKLIST = [
    Binding("space", "select", "Cocher", id="checklist.toggle"),
]

# On the timeline pane (F3): the end of the bilan (ui/panes/timeline.py).
# Not in the footer, which at 80 columns would cut the séance keys for them:
# the help screen and the palette list them.
TIMELINE = [
    Binding("b", "close_bilan", "Clore le bilan", id="bilan.close", show=False),
    Binding("u", "follow_up", "Entretien de suivi", id="bilan.follow_up", show=False,
            tooltip="Prévoir, déplacer ou refuser l'entretien de suivi"),
]

# On the candidates pane; the filter keeps the focus and these reach it from there.
CANDIDATES = [
    Binding("enter", "open_highlighted", "Ouvrir le candidat en surbrillance", id="candidates.open"),
    Binding("down", "cursor(1)", "Candidat suivant", id="candidates.down", show=False),
    Binding("up", "cursor(-1)", "Candidat précédent", id="candidates.up", show=False),
    Binding("pagedown", "page(1)", "Page suivante", id="candidates.pagedown", show=False),
    Binding("pageup", "page(-1)", "Page précédente", id="candidates.pageup", show=False),
]

DIALOG = [
    Binding("escape", "cancel", "Annuler", id="dialog.cancel"),
]

# Forms move focus when the App receives Tab, not once Tab has bubbled up from
# the field (Textual runs a non-priority binding only after the keys typed
# behind it were already handed to the field that had focus): keys typed right
# after Tab land in the next field at any typing speed. See FormDialog.
FORM = [
    Binding("tab", "focus_next_field", "Champ suivant", id="form.next", priority=True, show=False),
    Binding("shift+tab", "focus_previous_field", "Champ précédent", id="form.previous", priority=True, show=False),
]

# The synthesis editor (F12). Its keys are F-keys and Échap, priority bindings:
# the section editor keeps every other key for the text.
SYNTHESIS = [
    # In the footer in this order, cut at the right at 80 columns: the section keys last.
    Binding("f6", "draft", "Reprendre les notes", id="synthesis.draft", priority=True,
            tooltip="Reprendre les notes des séances dans la section"),
    Binding("f8", "hand_over", "Remettre au bénéficiaire", id="synthesis.hand_over", priority=True,
            tooltip="Remettre le document de synthèse au bénéficiaire"),
    Binding("escape", "back", "Retour", id="synthesis.back", priority=True,
            tooltip="Revenir à l'espace de travail"),
    Binding("f2", "step_section(-1)", "Section précédente", id="synthesis.previous", priority=True,
            tooltip="Passer à la section précédente"),
    Binding("f3", "step_section(1)", "Section suivante", id="synthesis.next", priority=True,
            tooltip="Passer à la section suivante"),
    Binding("f1", "help", "Aide", id="synthesis.help", priority=True, show=False,
            tooltip="Afficher l'aide : toutes les touches"),
]

# The overview across candidates, the workspace's first screen (ui/screens/overview.py).
# Never in presentation mode: it names other candidates (ctrl+t is refused there).
OVERVIEW = [
    Binding("enter", "select", "Ouvrir", id="overview.open_line",
            tooltip="Ouvrir le candidat de la ligne sélectionnée"),
    Binding("escape", "to_candidates", "Candidats", id="overview.candidates",
            tooltip="Aller à la liste des candidats"),
    Binding("ctrl+t", "refuse_presentation", "Présentation : refusée ici", id="overview.presentation", show=False,
            tooltip="Le mode présentation s'ouvre depuis le dossier d'un candidat"),
]

# The workspace's keys that also work from the overview, leaving it for the
# workspace (the same Binding objects: a keymap remaps both at once; a tuple,
# not one more list for the help screen, which lists them under the workspace):
# F1, F2–F5 to a pane, ctrl+n to create a candidate.
OVERVIEW_FROM_WORKSPACE = tuple(
    b for b in WORKSPACE if b.action in ("help", "new_candidate") or b.action.startswith("focus_pane")
)

# (title, bindings) in the order the help screen shows them.
HELP_SECTIONS = [
    ("Vue d'ensemble (au démarrage, F11)", OVERVIEW),
    ("Espace de travail", WORKSPACE),
    ("Candidats", CANDIDATES),
    ("Parcours : étapes de la phase", CHECKLIST),
    ("Parcours : fin du bilan", TIMELINE),
    ("Notes de séance", NOTES),
    ("Feuille de route", ROADMAP),
    ("Document de synthèse (F12)", SYNTHESIS),
    ("Fenêtres", DIALOG),
    ("Formulaires", FORM),
]


# Review mode: reading only, so no key here may change anything.
REVIEW = [
    Binding("f1", "help", "Aide", id="review.help"),
    Binding("slash", "search", "Rechercher", id="review.search"),
    Binding("escape", "back", "Retour", id="review.back"),
    Binding("q", "quit", "Quitter", id="review.quit"),
]

REVIEW_CANDIDATES = [
    Binding("enter", "open", "Historique", id="review.candidates.open"),
    Binding("o", "toggle_sort", "Trier", id="review.candidates.sort"),
]

REVIEW_HISTORY = [
    Binding("j", "cursor_down", "Suivante", id="review.history.down", show=False),
    Binding("k", "cursor_up", "Précédente", id="review.history.up", show=False),
    Binding("enter", "read", "Lire", id="review.history.read"),
    Binding("r", "roadmap", "Feuille de route", id="review.history.roadmap"),
    Binding("a", "qualiopi", "Audit Qualiopi", id="review.history.qualiopi"),
]

# The Qualiopi trace pack, shown read-only (ui/reviewer/qualiopi.py).
REVIEW_QUALIOPI = [
    Binding("j", "scroll(1)", "Descendre", id="review.qualiopi.down", show=False),
    Binding("k", "scroll(-1)", "Monter", id="review.qualiopi.up", show=False),
    Binding("t", "toggle_contents", "Sommaire", id="review.qualiopi.contents"),
]

REVIEW_SEANCE = [
    Binding("n", "step(1)", "Séance suivante", id="review.seance.next"),
    Binding("p", "step(-1)", "Séance précédente", id="review.seance.previous"),
    Binding("j", "scroll(1)", "Descendre", id="review.seance.down", show=False),
    Binding("k", "scroll(-1)", "Monter", id="review.seance.up", show=False),
    Binding("t", "toggle_contents", "Sommaire", id="review.seance.contents"),
    Binding("r", "roadmap", "Feuille de route", id="review.seance.roadmap"),
]

REVIEW_SEARCH = [
    Binding("enter", "select", "Ouvrir la séance", id="review.search.open"),
]

REVIEW_HELP_SECTIONS = [
    ("Relecture (lecture seule)", REVIEW),
    ("Candidats", REVIEW_CANDIDATES),
    ("Historique des séances (j/k ou flèches)", REVIEW_HISTORY),
    ("Séance", REVIEW_SEANCE),
    ("Traçabilité Qualiopi (sans contenu de notes)", REVIEW_QUALIOPI),
    ("Recherche", REVIEW_SEARCH),
]


# The workspace's keymap as read from the data dir, set by SeanceApp when it
# starts. A module value rather than the app's: one workspace runs per process,
# and the screens' key checks (keys_of) are called without an app at hand.
_user_keymap: dict[str, str] = {}


def workspace_ids() -> set[str]:
    """Every id a keymap file may name (review's keys are not remapped)."""
    return {b.id for _, section in HELP_SECTIONS for b in section if b.id}


def use_keymap(keymap: Mapping[str, str]) -> None:
    global _user_keymap
    _user_keymap = dict(keymap)


def keys(binding: Binding) -> list[str]:
    """The binding's keys, as remapped by the data dir's keymap if it is."""
    return [key.strip() for key in _user_keymap.get(binding.id or "", binding.key).split(",") if key.strip()]


def key_display(binding: Binding) -> str:
    """The (remapped) keys named in French, for the help screen and the palette."""
    return " / ".join(key_name(key) for key in keys(binding))


def sentence(binding: Binding) -> str:
    """What the palette says a key does: its tooltip, a whole sentence, where
    the footer's word alone would not tell out of context."""
    return binding.tooltip or binding.description


def keys_of(actions: set[str], section: list[Binding] = WORKSPACE) -> set[str]:
    """The keys bound to these actions in a list."""
    return {key for b in section if b.action in actions for key in keys(b)}
