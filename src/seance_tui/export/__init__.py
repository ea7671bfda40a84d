"""Markdown exports: dossier in, text out; no disk, no Textual, no TinyDB.

- ``summary.seance_summary``: the compte rendu of one séance, for the candidate;
- ``synthesis.synthesis_document``: the document de synthèse, to complete;
- ``history.full_history``: every séance and change, for the consultant and auditors;
- ``naming``: the file and folder names (``storage.exports`` writes the files).
"""
