"""Exit codes of the command line, and which error class maps to which.

0 success; 1 failure (verification failed, check failed, nothing found); 2 usage or
validation error; 3 authentication or permission refused.
"""

from __future__ import annotations

from exports.errors import NotAPdfError
from records.errors import (
    AuthenticationError,
    LianDangError,
    NotAVaultError,
    PermissionDeniedError,
    SeparationOfDutiesError,
    ValidationError,
    VaultExistsError,
    VaultNotFoundError,
)

OK = 0
FAILURE = 1
USAGE = 2
REFUSED = 3

_BY_CLASS: tuple[tuple[type[Exception], int], ...] = (
    (AuthenticationError, REFUSED),
    (PermissionDeniedError, REFUSED),
    (ValidationError, USAGE),
    (SeparationOfDutiesError, USAGE),
    (VaultNotFoundError, USAGE),
    (NotAVaultError, USAGE),
    (VaultExistsError, USAGE),
    (NotAPdfError, USAGE),
    (LianDangError, FAILURE),
)


def exit_code_for(error: Exception) -> int:
    for cls, code in _BY_CLASS:
        if isinstance(error, cls):
            return code
    return FAILURE
