"""The recovery key's text form: 8 groups of 5 Crockford base32 characters with a check
character per group, and the recovery slot it opens."""

from __future__ import annotations

import itertools
import re

import pytest

from crypto.errors import WrongPasswordError
from crypto.kdf import FAST_COST
from crypto.keyfile import RECOVERY_ACCOUNT, KeyFile
from crypto.recovery_key import (
    ALPHABET,
    RecoveryKey,
    RecoveryKeyFormatError,
    has_recovery_slot,
    unwrap_recovery,
    with_recovery_slot,
)

SHAPE = re.compile(r"^([0-9A-HJKMNP-TV-Z]{5}-){7}[0-9A-HJKMNP-TV-Z]{5}$")


def test_alphabet_is_crockford() -> None:
    assert len(ALPHABET) == 32 == len(set(ALPHABET))
    assert not set("ILOU") & set(ALPHABET)


def test_generated_keys_have_8_groups_of_5_and_160_bits() -> None:
    keys = [RecoveryKey.generate() for _ in range(50)]
    for key in keys:
        assert SHAPE.match(key.formatted), key.formatted
        assert len(key.secret) == 20
        assert len(key.kdf_input) == 32
        assert RecoveryKey.parse(key.formatted) == key
    assert len({k.formatted for k in keys}) == 50


def test_repr_does_not_show_the_key() -> None:
    key = RecoveryKey.generate()
    assert key.formatted not in repr(key) and key.secret.hex() not in repr(key)


def test_extreme_values_round_trip() -> None:
    for secret in (bytes(20), b"\xff" * 20, bytes(range(20))):
        key = RecoveryKey(secret)
        assert RecoveryKey.parse(key.formatted).secret == secret


def test_parse_tolerates_case_spaces_dashes_and_look_alikes() -> None:
    key = RecoveryKey(bytes(range(20)))
    text = key.formatted
    assert RecoveryKey.parse(text.lower()) == key
    assert RecoveryKey.parse(text.replace("-", " ")) == key
    assert RecoveryKey.parse(text.replace("-", "")) == key
    assert RecoveryKey.parse("  " + " - ".join(text.split("-")) + "\n") == key
    assert RecoveryKey.parse(text.replace("-", "\u3000")) == key
    # O for 0 and I / L for 1, as Crockford specifies.
    zeros_and_ones = RecoveryKey(bytes(20)).formatted
    assert RecoveryKey.parse(zeros_and_ones.replace("0", "O")) == RecoveryKey(bytes(20))
    if "1" in text:
        assert RecoveryKey.parse(text.replace("1", "l")) == key
        assert RecoveryKey.parse(text.replace("1", "I")) == key


def test_every_single_wrong_character_is_caught_and_its_group_named() -> None:
    key = RecoveryKey.generate()
    chars = key.formatted.replace("-", "")
    for index, original in enumerate(chars):
        for replacement in ALPHABET:
            if replacement == original:
                continue
            typo = chars[:index] + replacement + chars[index + 1 :]
            with pytest.raises(RecoveryKeyFormatError) as caught:
                RecoveryKey.parse(typo)
            assert caught.value.reason == "check"
            assert caught.value.group == index // 5 + 1


def test_swapped_key_characters_within_a_group_are_caught() -> None:
    for _ in range(20):
        chars = RecoveryKey.generate().formatted.replace("-", "")
        for group in range(8):
            for i, j in itertools.combinations(range(4), 2):
                a, b = group * 5 + i, group * 5 + j
                if chars[a] == chars[b]:
                    continue
                swapped = list(chars)
                swapped[a], swapped[b] = swapped[b], swapped[a]
                with pytest.raises(RecoveryKeyFormatError):
                    RecoveryKey.parse("".join(swapped))


def test_groups_in_the_wrong_order_are_caught() -> None:
    groups = RecoveryKey.generate().formatted.split("-")
    for i, j in itertools.combinations(range(8), 2):
        if groups[i] == groups[j]:
            continue
        moved = list(groups)
        moved[i], moved[j] = moved[j], moved[i]
        with pytest.raises(RecoveryKeyFormatError):
            RecoveryKey.parse("-".join(moved))


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "length"),
        ("ABCDE-FGHJK", "length"),
        ("U" * 40, "character"),
        ("ABCDE-FGHJK-MNPQR-STVWX-YZ012-34567-89ABC-DEFG!", "character"),
    ],
)
def test_malformed_text(text: str, reason: str) -> None:
    with pytest.raises(RecoveryKeyFormatError) as caught:
        RecoveryKey.parse(text)
    assert caught.value.reason == reason


def test_extra_or_missing_group_is_a_length_error() -> None:
    text = RecoveryKey.generate().formatted
    for wrong in (text + "-00000", text.rsplit("-", 1)[0]):
        with pytest.raises(RecoveryKeyFormatError) as caught:
            RecoveryKey.parse(wrong)
        assert caught.value.reason == "length"


def test_recovery_slot_opens_the_data_key() -> None:
    keyfile, data_key = KeyFile.create("admin", "admin password", cost=FAST_COST)
    assert not has_recovery_slot(keyfile)
    key = RecoveryKey.generate()
    with_slot = with_recovery_slot(keyfile, key, 1, data_key, cost=FAST_COST)
    assert has_recovery_slot(with_slot)
    private_key = unwrap_recovery(with_slot, RecoveryKey.parse(key.formatted.lower()))
    keys = with_slot.data_keys_for(RECOVERY_ACCOUNT, private_key)
    assert [(k.generation, k.data_key) for k in keys] == [(1, data_key)]
    with pytest.raises(WrongPasswordError):
        unwrap_recovery(with_slot, RecoveryKey.generate())
    # Survives a round trip through the file.
    reloaded = KeyFile.from_bytes(with_slot.to_bytes())
    unwrap_recovery(reloaded, key)
    assert key.formatted.encode() not in with_slot.to_bytes()
    assert key.kdf_input.encode() not in with_slot.to_bytes()
