"""Markdown exports: dossier in, text out; no disk, no Textual, no TinyDB.

Each document has an ``document.Audience``: the candidate (never a private
line of the notes), the centre (private notes kept, and said so) or an audit
(no note content at all).

- ``summary.seance_summary``: the compte rendu of one séance, for the candidate
  (review shows it to the centre, private parts included);
- ``synthesis.synthesis_document``: the document de synthèse, to complete, for the candidate;
- ``history.full_history``: every séance and change, for the centre (consultant, auditors);
- ``qualiopi.qualiopi_pack``: the Qualiopi trace pack, for an audit: no content, the same after the purge;
- ``naming``: the file and folder names (``storage.exports`` writes the files).
"""
