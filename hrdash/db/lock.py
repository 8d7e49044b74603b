"""The database's file locks: one exclusive lock implementation, held under two names beside the database file.

`building` serialises the check-and-build of `build.ensure_built` (two processes starting at once build once);
`importing` serialises imports with each other and with the moment a rebuild re-applies them and swaps the file.
They are two files, not one: a build that `ensure_built` started (holding `building`) takes `importing` to swap
the file, and an flock is not re-entrant within a process.
"""

from __future__ import annotations

import fcntl
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path


@contextmanager
def held(path: Path) -> Iterator[None]:
    """Hold an exclusive lock on the file `path` (created if missing) for the duration of the block."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def building(db: Path) -> AbstractContextManager[None]:
    """Hold the build lock of the database `db` (the file `.NAME.lock` beside it)."""
    db = Path(db)
    return held(db.with_name(f".{db.name}.lock"))


def importing(db: Path) -> AbstractContextManager[None]:
    """Hold the import lock of the database `db` (the file `.NAME.import.lock` beside it)."""
    db = Path(db)
    return held(db.with_name(f".{db.name}.import.lock"))
