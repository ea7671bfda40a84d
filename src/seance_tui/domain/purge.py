"""The R6313-7 purge: what of a candidate's file survives the end of the bilan.

Documents made for the bilan are destroyed at its end (or one year later,
under R6313-7's two exceptions). What stays is a content-free record, enough
for a Qualiopi audit: ids, dates, phases, durations, hours, consent and
agreement dates, the end date and who purged. The audit pack
(export/qualiopi.py) reads only what stays, so it reads the same before and
after the purge.

Tools: a tool from a phase's list (phases.json) is a name from the centre's
catalogue and stays; a tool typed as free text is the consultant's words and
does not: the audit knows only that one was used.
"""

from __future__ import annotations

from .phases import PhaseSet

FREE_TOOL = "Outil hors liste"


def audit_tool_name(tool: str, phases: PhaseSet) -> str:
    """How a tool reads in the audit pack and in a purged file."""
    return tool if tool in phases.all_tools else FREE_TOOL
