"""Files shipped with the application: fonts (with their licences), translations, icons.

A plain package with no imports of other project packages, so any layer may locate a
resource without pulling in the rest of the application.
"""

from __future__ import annotations

from pathlib import Path

_ROOT = Path(__file__).resolve().parent


def resource_path(*parts: str) -> Path:
    """Return the path of a shipped resource, e.g. ``resource_path("fonts", "x.ttc")``.

    The file is not required to exist; callers decide how to report a missing resource.

    :param parts: path components below the resources folder.
    :raises ValueError: if the components would leave the resources folder (``..`` or an
        absolute path), which is always a programming error.
    """
    path = _ROOT.joinpath(*parts).resolve()
    # A resource name never comes from the user, but a stray ".." would silently read
    # files from elsewhere in an installation: refuse it loudly instead.
    if not path.is_relative_to(_ROOT):
        raise ValueError("resource path leaves the resources folder")
    return path
