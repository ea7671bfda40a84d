"""Every French string the interface shows, in one place.

Templates use ``str.format`` fields; user text is passed in as data and shown
as text (never markup) by the widgets.
"""

APP_TITLE = "seance"
READ_ONLY_BADGE = "lecture seule"
# seance serve: review in a browser, for a named reviewer (the name as typed, its control characters visible)
WEB_BADGE = "lecture seule · navigateur · {name}"

# Panes
PANE_CANDIDATES = "Candidats"
PANE_TIMELINE = "Parcours"
PANE_NOTES = "Notes"
PANE_ROADMAP = "Feuille de route"
PANE_TITLE = "{name} · {key}"

# Candidate list
FILTER_PLACEHOLDER = "Filtrer (nom, sans accents)…"
NO_CANDIDATE = "Aucun candidat. ctrl+n pour en créer un."
NO_MATCH = "Aucun candidat ne correspond."
PICK_A_CANDIDATE = "Choisissez un candidat dans la liste (F2)."
NO_MATCH_NOTHING_OPENED = "Aucun candidat ne correspond à « {query} » : rien n'est ouvert."
FILTER_FIRST = "Tapez quelques lettres du nom (ou ↑/↓ pour choisir), puis Entrée."

# Timeline
LEGAL_MARK = "légale"
PHASE_STATE = {"done": "✓", "current": "▶", "upcoming": "·"}
CHECKLIST_TITLE = "Étapes · {phase}"
CHECKLIST_DONE = "{label} · {date}"  # a ticked step and the day it was ticked
NO_SEANCE_IN_PHASE = "aucune séance"
SEANCE_LINE = "n° {number} · {date} · {duration}"
SEANCE_PLANNED = "n° {number} · prévue le {date}"
SEANCE_RUNNING = "n° {number} · {date} · en cours"
HOURS_GAUGE = "{used} / {budget}"

# Header
NO_RUNNING_SEANCE = "Aucune séance en cours"
RUNNING_SEANCE = "Séance n° {number} · {phase} · {elapsed}"
CORRECTING_SEANCE = "Séance n° {number} · {phase} · {elapsed} · rouverte pour correction"
# The header's state badges come first, so they fit at 80 columns (widgets/header.py).
PAUSED_BADGE = "en pause"
RUNNING_SEANCE_SHORT = "Séance n° {number} · {elapsed}"  # when the phase leaves the name no room
CORRECTING_SEANCE_SHORT = "Séance n° {number} · {elapsed} · correction"
PURGED_BADGE = "purgé"

# Notes
NOTES_NO_SEANCE = "Séance n° {number}, close (lecture seule) · F6 : nouvelle séance"
NOTES_EMPTY = "Aucune séance ouverte : F6 pour démarrer la première séance."
NOTES_OF = "Notes de la séance n° {number} ({phase}) · F4"
SAVE_STATE = {"saved": "enregistré", "modified": "modifié", "saving": "enregistrement…", "error": "erreur d'enregistrement"}
SAVE_FAILED = "Enregistrement impossible : {error}. Le texte reste en mémoire ; nouvel essai automatique."
SAVE_RECOVERED = "Enregistrement rétabli."

# Roadmap
COL_OBJECTIVE = "Objectif"
COL_MEANS = "Moyens"
COL_DEADLINE = "Délai"
COL_STATUS = "Statut"
OVERDUE = "en retard"
ROADMAP_EMPTY = "Feuille de route vide : « a » pour ajouter un objectif."
ROADMAP_FORM_ADD = "Nouvel objectif"
ROADMAP_FORM_EDIT = "Modifier l'objectif"
CONFIRM_DELETE_ITEM = "Supprimer l'objectif « {objective} » ?"

# Candidate form
CANDIDATE_FORM_NEW = "Nouveau candidat"
CANDIDATE_FORM_EDIT = "Modifier le candidat"
FIELD_NAME = "Nom et prénom"
CURRENT_NAME = "Nom actuel : {name}"
CONFIRM_RENAME = "Renommer « {old} » en « {new} » ?"
FIELD_CONTACT = "Contact (facultatif)"
FIELD_CONSULTANT = "Consultant"
FIELD_FUNDING = "Financement"
FIELD_CONSENT = "Date du consentement"
FIELD_AGREEMENT = "Date de la convention tripartite"
FIELD_START = "Date de début"
FIELD_BUDGET = "Budget d'heures"
FIELD_OBJECTIVE = "Objectif"
FIELD_MEANS = "Moyens"
FIELD_DEADLINE = "Délai (ex. 15/03/2027, dans 3 mois, +10j)"
NAME_REQUIRED = "Le nom est obligatoire."
OBJECTIVE_REQUIRED = "L'objectif est obligatoire."
CONSULTANT_REQUIRED = "Le nom du consultant est obligatoire."
FUNDING_REQUIRED = "Choisissez un financement."
CONSENT_REQUIRED = "La date du consentement est obligatoire (L6313-4)."
DUPLICATE_NAME = "Attention : un candidat porte déjà ce nom ({names}). Validez à nouveau pour confirmer."
BUDGET_INVALID = "Budget invalide : un nombre d'heures entre 1 et 24, par ex. 24 ou 20,5."
AGREEMENT_HINT = "Convention tripartite à signer sous 10 jours (R6313-8)."
DATE_UNDERSTOOD = "Compris : {date}"
DATE_UNDERSTOOD_WITHOUT_YEAR = {  # by MissingYear value
    "next": "Compris : {date} (sans année : le prochain {day_month})",
    "last": "Compris : {date} (sans année : le dernier {day_month})",
    "nearest": "Compris : {date} (sans année : le {day_month} le plus proche)",
}
PASTE_JOINED = "Texte collé sur plusieurs lignes : les lignes ont été jointes par des espaces (ce champ tient sur une ligne)."

# Séance lifecycle
START_PHASE = "Phase de la séance"
CONFIRM_CLOSE = "Clore la séance n° {number} ({elapsed}) ? Le compte rendu sera exporté."
CONFIRM_REOPEN = "Rouvrir la séance n° {number} pour la corriger ? La réouverture est tracée."
REOPEN_WHICH = "Rouvrir quelle séance ?"
CLOSED_EXPORTED = "Séance n° {number} close. Compte rendu : {path}"
REOPENED = "Séance n° {number} rouverte pour correction."
EXPORT_FAILED = "Séance close, mais l'export a échoué : {error}"
BUDGET_CONFIRM_START = (
    "{used} déjà utilisées sur {budget}. Démarrer une séance au-delà du budget légal ? "
    "Le dépassement sera consigné dans l'historique."
)
BUDGET_HELD = (
    "Budget de {budget} atteint : la séance n° {number} est en pause (L6313-4). "
    "F7 pour continuer au-delà (consigné dans l'historique), F8 pour la clore."
)
BUDGET_CONTINUE = (
    "Le budget de {budget} est atteint ({used} utilisées). Continuer la séance n° {number} au-delà ? "
    "Le dépassement sera consigné dans l'historique."
)
BUDGET_CONTINUED = "Séance n° {number} reprise au-delà du budget de {budget} : dépassement consigné."
BUDGET_LOW_START = "Attention : il ne reste que {left} sur le budget de {budget} ; la séance sera mise en pause quand il sera atteint."
BUDGET_WARNING = "Plus que {left} avant le budget de {budget}."
RESUME_OPEN_TITLE = "Séance restée ouverte"
RESUME_OPEN = (
    "La séance n° {number} de {name} est restée ouverte (commencée le {start}, "
    "dernière activité enregistrée à {last}). Le temps écoulé depuis compte comme une pause."
)
RESUME_CHOICE = "Reprendre"
CLOSE_AT_LAST = "Clore à {last}"
LATER = "Plus tard"
ALREADY_OPEN = "La séance n° {number} est déjà ouverte."
NO_OPEN_SEANCE = "Aucune séance ouverte."
NOT_PAUSABLE = "Aucune séance ouverte à mettre en pause."
NO_CLOSED_SEANCE = "Aucune séance close à rouvrir."
READ_ONLY_REFUSED = "Dossier en lecture seule : modification impossible."

YES = "Oui"
NO = "Non"
OK = "Valider"
CANCEL = "Annuler"

# Quit
RECOVERY_FAILED = "Enregistrement impossible ({error}) et copie de secours impossible ({rescue_error}) : gardez l'application ouverte et copiez vos notes."
QUIT_UNSAVED = "Les notes n'ont pas pu être enregistrées ({error}). Une copie est écrite dans {path}. ctrl+q de nouveau pour quitter."

HOW_TO_QUIT = "Pour quitter : ctrl+q (les notes sont enregistrées avant)."

PRESENTATION_BADGE = "présentation"  # the footer says how to leave: ^t Quitter la présentation
PRESENTATION_LOCKED = "Mode présentation : quittez-le d'abord (ctrl+t)."

NOT_FROM_NOTES = (
    "{key} ne fait rien dans les notes : ce qu'on y tape ou colle ne change que les notes. "
    "Passez d'abord à un autre volet (F2, F3, F5)."
)

# The data dir's keymap.json (ui/bindings.py)
KEYMAP_IGNORED = "Touches personnalisées ignorées ({path}) : {reason}. Les touches par défaut restent en place."
KEYMAP_NOT_A_MAP = 'un objet JSON {"identifiant": "touches"} est attendu'
KEYMAP_BAD_KEYS = "les touches de « {entry} » doivent être un texte non vide"
KEYMAP_UNKNOWN_IDS = "identifiant(s) inconnu(s) : {ids}"

# Help
HELP_TITLE = "Aide — raccourcis clavier"
HELP_INTRO = (
    "Tout se fait au clavier. Les notes s'enregistrent seules pendant la frappe. "
    "^ se lit Ctrl : ^p (Ctrl+P) ouvre la palette de commandes ; Échap ferme une fenêtre.\n"
    "Ce qu'on tape ou colle dans les notes ne change que les notes : ^n, ^g, ^t "
    "et ^p n'y font rien ; passez d'abord à un autre volet (F2, F3, F5)."
)
REVIEW_HELP_INTRO = (
    "Consultation en lecture seule : rien n'est modifié ici. "
    "Échap revient à l'écran précédent ; / cherche dans toutes les séances ; q quitte."
)

# Command palette (ui/palette.py)
PALETTE_PLACEHOLDER = "Rechercher une commande…"
PALETTE_NO_MATCH = "Aucune commande ne correspond."

# Review mode
REVIEW_CANDIDATE_COLUMNS = ("Candidat", "Phase", "Séances", "Heures", "Dernière séance")
REVIEW_HISTORY_COLUMNS = ("Séance", "Date", "Phase", "Durée", "Début des notes")
REVIEW_COL_CREATED_IN = "Créé en"  # review's roadmap: its other columns are the workspace's (COL_*)
REVIEW_EMPTY_NOTES = "(pas de notes)"
REVIEW_NO_MORE_SEANCES = "Pas d'autre séance dans ce sens."
REVIEW_CHANGES_TITLE = "Historique des modifications"
REVIEW_NO_CHANGES = "Aucune modification enregistrée."
REVIEW_SEARCH_PLACEHOLDER = "Rechercher dans toutes les séances (accents ignorés, mot* pour un préfixe)…"
REVIEW_NO_HIT = "Aucune séance ne contient « {query} »."
REVIEW_HITS = "{count} séance(s), les plus récentes d'abord. Entrée : ouvrir."
REVIEW_HITS_FIRST = "Les {count} séances les plus récentes (il peut y en avoir d'autres : précisez la recherche). Entrée : ouvrir."
REVIEW_INDEX_PENDING = "index de recherche : préparation…"
REVIEW_INDEX_BUILDING = "index de recherche : {done} / {total} dossiers"
REVIEW_INDEX_UNAVAILABLE = "index de recherche indisponible ({error}) : recherche plus lente"
REVIEW_HOW_TO_QUIT = "Pour quitter : q ou ctrl+q."
REVIEW_NEEDS_TERMINAL = (
    "seance review a besoin d'un terminal. Par SSH, demandez-en un (ssh -t, ou "
    "« pty » dans la clé autorisée) ; voir docs/ssh.md."
)

# Unexpected errors (ui/crash.py): printed on the terminal once the screen is
# restored, instead of a traceback; the details go to a private log file.
CRASH = "seance s'est arrêté sur une erreur inattendue. Les détails techniques sont dans {log} (fichier privé)."
CRASH_NO_LOG = "seance s'est arrêté sur une erreur inattendue (journal impossible à écrire : {error})."
CRASH_RESCUED = "Vos notes sont copiées dans {path}."
CRASH_NOT_RESCUED = "Copie de secours des notes impossible ({error}) : la dernière version enregistrée reste celle du dossier."

# Files other accounts could read (storage/permissions.py)
PERMISSIONS_TIGHTENED = "Lisibles par d'autres comptes, désormais réservés à vous : {paths}."
PERMISSIONS_LEFT_OPEN = "Attention : lisibles par d'autres comptes, et impossibles à protéger d'ici : {paths}."
REVIEW_PERMISSIONS_LEFT_OPEN = (
    "Attention : lisibles par d'autres comptes (la relecture ne modifie pas les données : "
    "à corriger par leur propriétaire) : {paths}."
)
PATHS_AND_MORE = "{paths} et {more} autre(s)"

# The synthesis editor (F12, ui/screens/synthesis.py)
SYNTHESIS_TITLE = "Document de synthèse"
SYNTHESIS_NO_VERSION = "brouillon pas encore commencé"
SYNTHESIS_VERSION = "version {number} · {state}"
SYNTHESIS_SECTIONS = "Sections"
SYNTHESIS_WRITTEN = "●"
SYNTHESIS_EMPTY = "○"
SYNTHESIS_READ_ONLY = "Lecture seule : {reason}"
SYNTHESIS_LOCKED = "dossier ouvert ailleurs."
SYNTHESIS_NOTHING_TO_DRAFT = "Les notes et la feuille de route ne contiennent rien à reprendre dans la synthèse."
SYNTHESIS_DRAFT_REPLACE = (
    "Le brouillon repris des notes remplacerait le texte déjà écrit de : {sections}. "
    "Remplacer ce texte ? (Non : seules les sections vides sont remplies.)"
)
SYNTHESIS_DRAFTED = "Repris des notes et de la feuille de route : {sections}."
SYNTHESIS_DRAFT_NOTHING_NEW = "Rien de nouveau à reprendre : les sections déjà écrites sont gardées."
SYNTHESIS_HAND_OVER = (
    "Remettre la version {number} du document de synthèse à {name} le {date} ? "
    "Une fois remise, elle ne changera plus : toute modification ultérieure créera la version {next}."
)
SYNTHESIS_HANDED_OVER = "Version {number} remise le {date}. Document écrit : {path}"
SYNTHESIS_NEW_VERSION = "Version {number} remise : cette modification commence la version {next}."

# Séance details (F10: tools used, next steps, next séance's date)
DETAILS_TITLE = "Détails de la séance n° {number}"
DETAILS_TOOLS = "Outils utilisés (Espace pour cocher, ↑/↓ pour choisir)"
DETAILS_NO_CATALOGUE = "Aucun outil proposé pour cette phase : notez-les ci-dessous."
DETAILS_OTHER_TOOLS = "Autres outils (séparés par des virgules)"
DETAILS_STEPS = "Prochaines étapes (Entrée : nouvelle ligne, Tab : champ suivant)"
DETAILS_NEXT_DATE = "Prochaine séance (ex. 17/12/2026, dans 2 semaines, +10j ; vide : aucune)"
DETAILS_SAVED = "Détails de la séance n° {number} enregistrés."
DETAILS_NO_SEANCE = "Aucune séance ouverte : F6 pour en démarrer une, F9 pour en rouvrir une, puis F10."
# Roadmap: the table cuts, the detail under it and presentation mode show whole (issue 13 §3–4).
OVERDUE_MARK = "⚠"
DETAIL_OBJECTIVE = "Objectif : "
DETAIL_MEANS = "Moyens : "
DETAIL_DEADLINE = "Délai : "
DETAIL_STATUS = "Statut : "
PRESENTATION_PATH = "Votre parcours : "
PRESENTATION_PHASE = {"done": "✓ {phase} (fait)", "current": "▶ {phase} (en cours)", "upcoming": "○ {phase} (à venir)"}
PRESENTATION_SCROLL = "↑ ↓ pour faire défiler"
# --- the R6313-7 purge (a purged file keeps no name: shown by its id) ---
PURGED_NAME = "{id} · dossier purgé le {date}"
PURGED_ON = "purgé le {date}"  # the candidate list's second line, under the id
PURGED_BANNER = (
    "Dossier purgé le {date} (R6313-7) : son contenu a été détruit à la fin de la durée de conservation ; "
    "il ne garde que des dates, des durées et des heures. Lecture seule."
)
PURGED_REFUSED = "Dossier purgé (R6313-7) : il ne peut plus être modifié."
PURGED_NOTES = "notes détruites ({size} caractères)"
PURGES_SETTLED = "Purge interrompue reprise au démarrage : {done} terminée(s), {undone} annulée(s)."


def purged_name(candidate_id: str, day) -> str:
    from ..domain.dates import format_date

    return PURGED_NAME.format(id=candidate_id, date=format_date(day))


def purged_banner(day) -> str:
    from ..domain.dates import format_date

    return PURGED_BANNER.format(date=format_date(day))


def purged_on(day) -> str:
    from ..domain.dates import format_date

    return PURGED_ON.format(date=format_date(day))
# PDF of a document (ui/pdf_offer.py; the close confirmation of seance_actions.py)
CLOSE_WITH_PDF = "Oui, avec le PDF"
HAND_OVER_WITH_PDF = "Oui, avec le PDF"
PDF_OFFER_TITLE = "PDF pour le bénéficiaire"
PDF_OFFER = "Écrire aussi le PDF de {name}, à côté du fichier Markdown ?"
PDF_WRITE = "Écrire le PDF"
PDF_WRITING = "Écriture du PDF…"
PDF_WRITTEN = "PDF : {path}"
PDF_FAILED = "Le PDF n'a pas pu être écrit : {error}"
# Review's séance view: its compact header (ui/reviewer/seance_header.py), the
# séance's facts on two lines above the notes instead of a table.
REVIEW_SEANCE_TITLE = "{candidate} · séance n° {number} · {day} · {phase}"
REVIEW_SEANCE_TIMES = "{times} ({duration}) · séance {status} · {hours} · {consultant}"
REVIEW_SEANCE_PRIVATE = " · notes privées affichées"
# --- The end of the bilan (helper "closing"): consent and agreement, follow-up, closing ---
BILAN_CLOSED_BADGE = "bilan clos"
FIELD_CONSENT_ALSO = "Le bénéficiaire accepte aussi (R6313-7) :"
FIELD_KEEP_DOCUMENTS = "garder ses documents un an pour le suivi"
FIELD_SYNTHESIS_TO_ADVISER = "transmettre la synthèse à son conseiller CEP"
FIELD_AGREEMENT_SENT = "Convention tripartite envoyée le"
FIELD_AGREEMENT_SIGNED = "Convention tripartite signée le"
AGREEMENT_SIGNED_LATE = (
    "Attention : convention signée le {signed}, plus de 10 jours après son envoi le {sent} "
    "(R6313-8 : signature attendue au plus tard le {deadline})."
)
AGREEMENT_NOT_SIGNED_LATE = (
    "Attention : convention envoyée le {sent} et toujours pas signée : "
    "le délai de 10 jours (R6313-8) a expiré le {deadline}."
)
BILAN_CLOSED_LINE = "Bilan clos le {date} : dossier en lecture seule, sauf l'entretien de suivi."
# Two lines each: the timeline pane is narrow.
FOLLOW_UP_LINE_PLANNED = "n° {number} · Entretien de suivi\n  prévu le {date}"
FOLLOW_UP_LINE_RUNNING = "n° {number} · Entretien de suivi\n  {date} · en cours"
FOLLOW_UP_LINE_HELD = "n° {number} · Entretien de suivi\n  {date} · {duration}"
FOLLOW_UP_DECLINED_LINE = "Entretien de suivi décliné par le bénéficiaire"
FOLLOW_UP_TITLE = "Entretien de suivi"
FOLLOW_UP_QUESTION = (
    "La phase de conclusion prévoit un entretien de suivi (R6313-4), "
    "d'habitude six mois plus tard. Date proposée :"
)
FOLLOW_UP_QUESTION_ANYTIME = "Date de l'entretien de suivi (R6313-4) :"
FIELD_FOLLOW_UP_DATE = "Date de l'entretien de suivi (ex. 15/06/2027, dans 6 mois)"
FOLLOW_UP_DATE_REQUIRED = "Une date est nécessaire pour prévoir l'entretien."
FOLLOW_UP_PLAN = "Prévoir"
FOLLOW_UP_LATER = "Plus tard"
FOLLOW_UP_DECLINE = "Décliné par le bénéficiaire"
FOLLOW_UP_PLANNED_NOTICE = "Entretien de suivi prévu le {date} (séance n° {number})."
FOLLOW_UP_DECLINED_NOTICE = "Entretien de suivi décliné par le bénéficiaire : consigné."
START_WHICH = "Un entretien de suivi est prévu le {date}. Démarrer :"
START_ORDINARY = "Une séance ordinaire"
START_FOLLOW_UP = "L'entretien de suivi"
START_FOLLOW_UP_EARLY = "L'entretien de suivi est prévu le {date}. Le tenir dès aujourd'hui ?"
CLOSE_BILAN_TITLE = "Clore le bilan"
CLOSE_BILAN_REFUSED = "Le bilan ne peut pas encore être clos :"
CLOSE_BILAN_FOLLOW_UP_HINT = "u dans le parcours (F3) : prévoir ou décliner l'entretien de suivi."
CLOSE_BILAN_READY = "Tout est prêt pour clore le bilan."
FIELD_END_DATE = "Date de fin du bilan"
END_DATE_REQUIRED = "La date de fin est nécessaire."
CLOSE_BILAN_OK = "Clore le bilan"
CLOSE_BILAN_DISMISS = "Fermer"
CHECK_MET = "✓ {label}"
CHECK_UNMET = "✗ {label} — {detail}"
CONFIRM_CLOSE_BILAN = (
    "Clore le bilan de {name} au {date} ? Le dossier passera en lecture seule, "
    "sauf l'entretien de suivi."
)
BILAN_CLOSED_NOTICE = "Bilan de {name} clos le {date}."

# --- the candidate list while the folder is read (issue 14: the first start) ---
LISTING_READING = "Lecture des dossiers…"
LISTING_PROGRESS = "Lecture des dossiers…\n{done} / {total}"  # the count on its own line: the pane is narrow


def count(number: int) -> str:
    """A count as French writes it: 5 000, the thousands apart (a no-break space)."""
    return f"{number:,}".replace(",", "\u00a0")

# --- The overview across candidates (helper "overview", ui/screens/overview.py) ---
OVERVIEW_TITLE = "Vue d'ensemble"
OVERVIEW_TODAY = "Vue d'ensemble · {weekday} {date}"
OVERVIEW_LOADING = "Lecture des dossiers… {done} / {total}"
OVERVIEW_LOADING_START = "Lecture des dossiers…"
OVERVIEW_HINT = "Entrée : ouvrir le candidat de la ligne · F11, depuis un dossier, revient ici"
OVERVIEW_ALL_CLEAR = (
    "Rien ne vous attend : aucune séance prévue cette semaine ni la suivante, "
    "aucun suivi, budget, note, échéance, clôture ni purge à traiter."
)
OVERVIEW_SECTION = "{title} ({count})"
# One sentence per empty section, on the heading's line (compact at 80×24).
OVERVIEW_EMPTY = {
    "this_week": "aucune séance prévue cette semaine",
    "next_week": "aucune séance prévue la semaine prochaine",
    "follow_ups_due": "aucun entretien de suivi à faire",
    "hours": "aucun dossier à 20 h ou plus",
    "notes_to_fill": "toutes les séances closes ont des notes",
    "overdue_deadlines": "aucune échéance dépassée",
    "ready_to_close": "aucun bilan prêt à clore",
    "purges_due": "aucune purge à faire",
}
OVERVIEW_NO_PRESENTATION = (
    "La vue d'ensemble nomme d'autres candidats : ouvrez d'abord le dossier du candidat (Entrée), "
    "puis ^t pour le mode présentation."
)
OVERVIEW_FAILED = "La vue d'ensemble n'a pas pu être lue : {error}"
OVERVIEW_MORE = "… et {count} de plus (la liste entière : seance agenda)"
