"""What a tab that :class:`ui.dossier_view.DossierView` hosts beside its own must do.

Such a panel loads its own data through the vault worker when a dossier is shown (the
attachments and the position history are separate service calls from the dossier read),
and forgets it on :meth:`clear`, which locking relies on.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable


@runtime_checkable
class DossierPanel(Protocol):
    def show_official(self, official_id: int) -> None:
        """Load and show this official's data (asynchronously)."""

    def clear(self) -> None:
        """Forget every piece of dossier data."""
