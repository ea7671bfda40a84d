"""Search over the séances, in one place: what a query means (``query``),
the derived SQLite FTS5 index in the cache dir (``index``; its table and
query expression ``fts``, its rows ``writing``, its builds ``build``, its
snippets made from the files ``snippets``), the plain scan of
the files for when there is no index (``scan``), and where a query matches in
a text: the hit's snippet and the block the séance view opens at
(``highlight``).

Layering: it reads the candidate files through storage's ReadOnlyStore and
the records of the domain; it never imports the services or the ui, which
use it. The submodules are imported one by one (nothing here), so that the
séance view's highlight rule does not load SQLite.
"""
