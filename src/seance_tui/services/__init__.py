"""The use cases, without Textual: what the workspace does to an open
candidate (``workspace``), when it saves (``autosave``), and what review
reads (``review``). The ui layer calls these; they call domain, export and
storage, never the ui."""
