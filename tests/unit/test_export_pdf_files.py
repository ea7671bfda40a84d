"""A PDF on disk: beside its Markdown, private, never outside the exports
dir; ``seance export --pdf``; the centre's name from ``centre.json``."""

from __future__ import annotations

import io
import shutil
import stat
from pathlib import Path

import pytest
from pypdf import PdfReader

from seance_tui.cli import main
from seance_tui.domain.model import Candidate, FundingRoute
from seance_tui.paths import demo_data_dir
from seance_tui.services import exports
from seance_tui.services.centre import CentreFileError, centre_name
from seance_tui.services.errors import ExportFailed
from seance_tui.storage.exports import ExportPathError, write_beside, write_export, write_export_bytes

NAMES = ["../../x", "/etc", "CON", "", "Zoé Dubœuf", "..", "a/../../b"]
NOTICE = "Confidentiel — document propriété du bénéficiaire"


def candidate(name: str) -> Candidate:
    return Candidate(id="c1", name=name, consultant="", funding=FundingRoute.CPF)


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(path.read_bytes())).pages)


@pytest.fixture
def data_dir(tmp_path):
    copy = tmp_path / "donnees"
    shutil.copytree(demo_data_dir(), copy)
    return copy


@pytest.mark.parametrize("name", NAMES)
def test_any_name_writes_the_pdf_inside_the_exports_dir_privately(tmp_path, name):
    exports_dir = tmp_path / "exports"
    path = write_export_bytes(exports_dir, candidate(name), "2027-03-15-seance-01.pdf", b"%PDF-1.4")
    assert path.resolve().parent.parent == exports_dir.resolve()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert sorted(p.name for p in tmp_path.iterdir()) == ["exports"]


@pytest.mark.parametrize("filename", ["../x.pdf", "a/b.pdf", "..", "", "/etc/passwd", "x\0.pdf"])
def test_a_pdf_name_that_is_not_plain_is_refused(tmp_path, filename):
    markdown = write_export(tmp_path / "exports", candidate("Léa"), "a.md", "# A\n")
    with pytest.raises(ExportPathError):
        write_beside(tmp_path / "exports", markdown, filename, b"x")


def test_a_pdf_beside_a_file_outside_the_exports_dir_is_refused(tmp_path):
    outside = tmp_path / "ailleurs" / "a.md"
    outside.parent.mkdir()
    outside.write_text("# A\n", encoding="utf-8")
    with pytest.raises(ExportPathError):
        write_beside(tmp_path / "exports", outside, "a.pdf", b"x")
    assert not (outside.parent / "a.pdf").exists()


def test_export_pdf_writes_both_files_with_the_same_stem(data_dir, capsys):
    (data_dir / "centre.json").write_text('{"name": "CIBC Côte-d’Or"}', encoding="utf-8")
    assert main(["export", "dubœuf", "--data-dir", str(data_dir), "--synthese", "--pdf"]) == 0
    markdown, pdf = (Path(line) for line in capsys.readouterr().out.splitlines())
    assert markdown.suffix == ".md" and pdf == markdown.with_suffix(".pdf")
    assert pdf.is_relative_to(data_dir / "exports")
    assert stat.S_IMODE(pdf.stat().st_mode) == 0o600
    text = pdf_text(pdf)
    assert "CIBC Côte-d’Or" in text and "Page 1 / " in text and NOTICE in text
    assert "Document de synthèse" in text


def test_export_pdf_of_a_seance(data_dir, capsys):
    assert main(["export", "dubœuf", "--data-dir", str(data_dir), "--seance", "2", "--pdf"]) == 0
    markdown, pdf = (Path(line) for line in capsys.readouterr().out.splitlines())
    assert markdown.name.endswith("-seance-02.md") and pdf.name.endswith("-seance-02.pdf")
    assert "Centre de bilan" in pdf_text(pdf)  # no centre.json: the default name


@pytest.mark.parametrize(
    ("options", "said"), [(["--stdout"], "--stdout"), (["--history"], "historique"), (["--history", "--stdout"], "")]
)
def test_pdf_with_stdout_or_history_is_refused_in_french(data_dir, capsys, options, said):
    assert main(["export", "dubœuf", "--data-dir", str(data_dir), "--pdf", *options]) == 2
    err = capsys.readouterr().err
    assert "--pdf" in err and said in err
    assert not (data_dir / "exports").exists()


@pytest.mark.parametrize("content", ["{", "[]", '{"name": ""}', '{"name": 3}', '{"nom": "x"}'])
def test_a_bad_centre_file_is_named_and_nothing_is_written(data_dir, capsys, content):
    (data_dir / "centre.json").write_text(content, encoding="utf-8")
    with pytest.raises(CentreFileError):
        centre_name(data_dir)
    assert main(["export", "dubœuf", "--data-dir", str(data_dir), "--pdf"]) == 2
    assert "centre.json" in capsys.readouterr().err
    assert not (data_dir / "exports").exists()


def test_without_a_file_the_centre_is_the_default_and_a_name_stays_on_one_line(tmp_path):
    assert centre_name(tmp_path) == "Centre de bilan"
    (tmp_path / "centre.json").write_text('{"name": " CIBC\\nNord\\u001b "}', encoding="utf-8")
    assert centre_name(tmp_path) == "CIBC␊Nord␛"


def test_pdf_beside_prints_the_markdown_as_it_is_on_disk(data_dir, capsys):
    assert main(["export", "dubœuf", "--data-dir", str(data_dir), "--synthese"]) == 0
    markdown = Path(capsys.readouterr().out.strip())
    completed = markdown.read_text(encoding="utf-8").replace(
        "_À compléter : le projet retenu et les pistes alternatives envisagées._", "Devenir fleuriste à son compte."
    )
    markdown.write_text(completed, encoding="utf-8")
    pdf = exports.pdf_beside(data_dir, markdown, exports.Document.SYNTHESIS)
    assert pdf == markdown.with_suffix(".pdf")
    assert "Devenir fleuriste à son compte." in pdf_text(pdf)


def test_pdf_beside_refuses_a_file_outside_the_exports_dir(data_dir, tmp_path):
    outside = tmp_path / "a.md"
    outside.write_text("# A\n", encoding="utf-8")
    with pytest.raises(ExportFailed):
        exports.pdf_beside(data_dir, outside, exports.Document.SUMMARY)
    assert not outside.with_suffix(".pdf").exists()
