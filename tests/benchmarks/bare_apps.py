"""Baselines: bare Textual apps with the same kinds of widgets as seance's
screens and the same amount of rows, but none of seance's code (no store, no
domain, no stylesheet). What Textual itself costs for that screen."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.containers import Container, Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Input, Markdown, MarkdownViewer, OptionList, SelectionList, Static, TextArea
from textual.widgets.option_list import Option

NAME = "Amélie Dubœuf"


class BareWorkspaceScreen(Screen):
    """The workspace's widgets: header, candidate filter and list, timeline and
    checklist, notes editor and hidden preview, roadmap table, footer."""

    def __init__(self, rows: int) -> None:
        super().__init__()
        self.rows = rows

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static("seance · aucun candidat")
            yield Static("")
        with Container():
            with Vertical():
                yield Static("Candidats")
                yield Input(placeholder="Filtrer")
                yield OptionList(id="candidates")
            with Vertical():
                yield Static("Parcours")
                yield Static("Entretien préliminaire\nPhase d'investigation\nPhase de conclusion")
                yield Static("0 h / 24 h")
                yield SelectionList[str](*((f"Point {i} à vérifier", str(i)) for i in range(6)))
            with Vertical():
                with Horizontal():
                    yield Static("Notes")
                    yield Static("enregistré")
                yield TextArea(soft_wrap=True)
                yield Markdown()
            with Vertical():
                yield Static("Feuille de route")
                yield DataTable(id="roadmap")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one(Markdown).display = False
        self.query_one("#candidates", OptionList).add_options(
            Option(Content.assemble(f"{NAME} {i}", ("\n  Phase d'investigation", "dim")), id=f"c{i}")
            for i in range(self.rows)
        )
        table = self.query_one("#roadmap", DataTable)
        for label in ("Objectif", "Moyens", "Délai", "Statut"):
            table.add_column(label)
        self.query_one(Input).focus()


class BareWorkspaceApp(App):
    def __init__(self, rows: int) -> None:
        super().__init__()
        self.rows = rows

    def on_mount(self) -> None:
        self.push_screen(BareWorkspaceScreen(self.rows))


class BareCandidatesScreen(Screen):
    """Review's first screen: header, filter, a table of every candidate, footer."""

    def __init__(self, rows: int) -> None:
        super().__init__()
        self.rows = rows

    def compose(self) -> ComposeResult:
        with Horizontal():
            yield Static(Content.assemble((" lecture seule ", "reverse bold")))
            yield Static(" seance · relecteur@machine")
            yield Static("")
        yield Input(placeholder="Filtrer")
        yield DataTable(cursor_type="row", zebra_stripes=True)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        for label in ("Candidat", "Phase", "Séances", "Heures", "Dernière séance"):
            table.add_column(label)
        for i in range(self.rows):
            table.add_row(f"{NAME} {i}", "Phase d'investigation", "10", "21 h 30 / 24 h", "12/03/2024", key=str(i))
        table.focus()


class BareHistoryScreen(Screen):
    def __init__(self, rows: int) -> None:
        super().__init__()
        self.rows = rows

    def compose(self) -> ComposeResult:
        yield Static("lecture seule")
        yield Static("", id="title")
        yield DataTable(cursor_type="row", zebra_stripes=True)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#title", Static).update(Content(f"{NAME} · Phase de synthèse · 21 h 30 / 24 h"))
        table = self.query_one(DataTable)
        for label in ("Séance", "Date", "Phase", "Durée", "Notes"):
            table.add_column(label)
        for i in range(self.rows):
            table.add_row(f"n° {i + 1}", "12/03/2024", "Phase d'investigation", "2 h", "Retour sur l'intersession", key=str(i + 1))
        table.move_cursor(row=self.rows - 1)
        table.focus()


class BareDocumentScreen(Screen):
    def __init__(self, document: str) -> None:
        super().__init__()
        self.document = document

    def compose(self) -> ComposeResult:
        yield Static("lecture seule")
        yield MarkdownViewer(show_table_of_contents=True, open_links=False)
        yield Footer(compact=True)

    async def on_mount(self) -> None:
        await self.query_one(MarkdownViewer).document.update(self.document)
        self.query_one(MarkdownViewer).focus()


class BareSearchScreen(Screen):
    def compose(self) -> ComposeResult:
        yield Static("lecture seule")
        yield Input(placeholder="Rechercher")
        yield Static("")
        yield OptionList()
        yield Footer(compact=True)

    def show(self, count: int) -> None:
        self.query_one(OptionList).add_options(
            Option(Content.assemble((NAME, "bold"), f" · 12/03/2024 · Phase d'investigation · n° {i}\n  "
                                    "…la candidate évoque son ", ("projet", "reverse bold"), " de reconversion…"))
            for i in range(count)
        )


class BareReviewApp(App):
    def __init__(self, rows: int) -> None:
        super().__init__()
        self.rows = rows

    def on_mount(self) -> None:
        self.push_screen(BareCandidatesScreen(self.rows))
