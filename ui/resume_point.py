"""Where the user was when the vault locked, so unlocking again can return there.

Only the search text, the search filters and the selected official's id are kept — never
dossier content — and only for the same user of the same vault: whoever unlocks next as
someone else gets a fresh window. Text and filters are the user's own input; they stay in
memory while locked and are never written anywhere. The administration window keeps only
which tab was in front.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from records.search import OfficialQuery

if TYPE_CHECKING:
    from ui.admin_window import AdminWindow
    from ui.main_window import MainWindow


@dataclass(frozen=True)
class ResumePoint:
    search_text: str
    official_id: int | None
    #: The filter bar's conditions (text and sort of this query are not used).
    filters: OfficialQuery = field(default_factory=OfficialQuery)

    @classmethod
    def capture(cls, window: MainWindow) -> ResumePoint:
        """Read it from ``window``; call before the window's data is cleared."""
        official = window.search.selected_official()
        shown = window.dossier_view.current_official_id()
        return cls(
            window.search.search_edit.text(),
            official.id if official is not None else shown,
            window.search.filter_bar.apply(OfficialQuery()),
        )

    @property
    def is_empty(self) -> bool:
        return (
            not self.search_text
            and self.official_id is None
            and self.filters == OfficialQuery()
        )

    def restore(self, window: MainWindow) -> None:
        """Run the same search in a new window and select the same official again.

        Opening the dossier again is a new, audited read by the user who just unlocked.
        If the official is no longer in the results, nothing is selected.
        """
        window.search.filter_bar.show_query(self.filters)
        window.search.search_edit.setText(self.search_text)
        # refresh() supersedes the search the new window started and the one the text
        # change scheduled; only its result is shown.
        window.search.refresh(select_id=self.official_id)


@dataclass(frozen=True)
class AdminResumePoint:
    """The administration window's place: which tab was in front (its key)."""

    tab: str | None

    @classmethod
    def capture(cls, window: AdminWindow) -> AdminResumePoint:
        return cls(window.current_tab())

    def restore(self, window: AdminWindow) -> None:
        """Bring the same tab to the front (its content is read again, as on any unlock)."""
        window.show_tab(self.tab)


@dataclass(frozen=True)
class Bookmark:
    """A :class:`ResumePoint` (or :class:`AdminResumePoint`) and whose it is."""

    vault: Path
    user_name: str
    point: ResumePoint | AdminResumePoint

    def belongs_to(self, vault: Path, user_name: str) -> bool:
        return self.vault.resolve() == vault.resolve() and self.user_name == user_name
