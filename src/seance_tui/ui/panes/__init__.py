"""The workspace's panes: each shows its part of the open candidate and
handles its own requests (dialogs included), applying changes through the
screen's ``apply`` so that every change is flushed, saved and shown alike."""
