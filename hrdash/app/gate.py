"""A readers-writer gate for the app process: many queries at once, or one import alone.

The app keeps one read-only DuckDB connection per process (DuckDB refuses a second connection
to the same file with another configuration). To import, the Data page must close it and open
the file read-write; the gate makes the app's other sessions wait (a few seconds) instead of
using a connection that is being closed. The writing thread may still read.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager


class Gate:
    """Many readers or one writer (writers are not starved: waiting writers block new readers)."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._readers = 0
        self._writer: int | None = None
        self._waiting = 0

    @contextmanager
    def shared(self) -> Iterator[None]:
        """Hold the gate as a reader (a query); waits while an import runs."""
        me = threading.get_ident()
        if self._writer == me:  # the importing thread itself
            yield
            return
        with self._cond:
            while self._writer is not None or self._waiting:
                self._cond.wait()
            self._readers += 1
        try:
            yield
        finally:
            with self._cond:
                self._readers -= 1
                self._cond.notify_all()

    @contextmanager
    def exclusive(self) -> Iterator[None]:
        """Hold the gate alone (an import); waits for running queries to finish."""
        with self._cond:
            self._waiting += 1
            try:
                while self._writer is not None or self._readers:
                    self._cond.wait()
            finally:
                self._waiting -= 1
            self._writer = threading.get_ident()
        try:
            yield
        finally:
            with self._cond:
                self._writer = None
                self._cond.notify_all()


GATE = Gate()
