"""A small least-recently-used store, safe across threads.

What a process keeps of its recent work (plans by digest, PDFs, rendered
fragments and pages) lives in one of these: the most recent ``size`` items,
the least recently used forgotten first.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Hashable
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class Recent(Generic[K, V]):
    """The most recently used items by key."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._items: OrderedDict[K, V] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: K) -> V | None:
        """The item kept under ``key``, now the most recently used, or None."""
        with self._lock:
            item = self._items.get(key)
            if item is not None:
                self._items.move_to_end(key)
            return item

    def put(self, key: K, item: V) -> None:
        """Keep an item, forgetting the least recently used beyond ``size``."""
        with self._lock:
            self._items[key] = item
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)

    def clear(self) -> None:
        """Forget every item."""
        with self._lock:
            self._items.clear()

    def __len__(self) -> int:
        return len(self._items)
