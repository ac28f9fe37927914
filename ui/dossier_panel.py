"""What a tab that :class:`ui.dossier_view.DossierView` hosts beside its own must do.

Such a panel loads its own data through the vault worker when a dossier is shown (the
attachments and the position history are separate service calls from the dossier read),
and forgets it on :meth:`clear`, which locking relies on.

A panel that also names parts of the dossier on screen (the eligibility box cites records
and relatives) is a :class:`DossierReader`: it is handed the dossier itself instead of the
official's id, so it needs no second read of what the view already holds.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from records.model import Dossier


@runtime_checkable
class DossierPanel(Protocol):
    def show_official(self, official_id: int) -> None:
        """Load and show this official's data (asynchronously)."""

    def clear(self) -> None:
        """Forget every piece of dossier data."""


@runtime_checkable
class DossierReader(Protocol):
    def show_dossier(self, dossier: Dossier) -> None:
        """Show this dossier's part (loading the rest asynchronously)."""

    def clear(self) -> None:
        """Forget every piece of dossier data."""
