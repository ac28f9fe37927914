"""Argon2id parameters: derivation and their JSON form inside key slots."""

from __future__ import annotations

import base64
from typing import Any

import pytest

from crypto.errors import KeyFileCorruptError
from crypto.kdf import DEFAULT_COST, FAST_COST, KEY_LENGTH, Argon2idParams, KdfCost

SALT = bytes(range(16))
_DROP = object()  # marks a key to leave out of the JSON


def params_json(**overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "name": "argon2id",
        "memory_kib": 1024,
        "iterations": 1,
        "lanes": 1,
        "salt": base64.b64encode(SALT).decode("ascii"),
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not _DROP}


def test_fresh_params_take_the_cost_and_a_random_salt() -> None:
    first = Argon2idParams.fresh(FAST_COST)
    second = Argon2idParams.fresh(FAST_COST)
    assert (first.memory_kib, first.iterations, first.lanes) == (1024, 1, 1)
    assert len(first.salt) == 16
    assert first.salt != second.salt


def test_default_cost_is_the_documented_one() -> None:
    params = Argon2idParams.fresh()
    assert KdfCost(params.memory_kib, params.iterations, params.lanes) == DEFAULT_COST
    assert KdfCost(memory_kib=64 * 1024, iterations=3, lanes=4) == DEFAULT_COST


def test_derive_is_deterministic_and_depends_on_secret_salt_and_cost() -> None:
    params = Argon2idParams(1024, 1, 1, SALT)
    key = params.derive(b"password")
    assert len(key) == KEY_LENGTH == 32
    assert params.derive(b"password") == key
    assert params.derive(b"Password") != key
    assert Argon2idParams(1024, 1, 1, bytes(16)).derive(b"password") != key
    assert Argon2idParams(1024, 2, 1, SALT).derive(b"password") != key
    assert Argon2idParams(2048, 1, 1, SALT).derive(b"password") != key


def test_json_round_trip() -> None:
    params = Argon2idParams.fresh(KdfCost(memory_kib=2048, iterations=2, lanes=2))
    data = params.to_json()
    assert data["name"] == "argon2id"
    assert (data["memory_kib"], data["iterations"], data["lanes"]) == (2048, 2, 2)
    assert base64.b64decode(data["salt"]) == params.salt
    restored = Argon2idParams.from_json(data)
    assert restored == params
    assert restored.derive(b"pw") == params.derive(b"pw")


def test_valid_json_is_accepted() -> None:
    assert Argon2idParams.from_json(params_json()) == Argon2idParams(1024, 1, 1, SALT)


def test_the_default_cost_and_the_ceilings_themselves_are_accepted() -> None:
    default = params_json(memory_kib=64 * 1024, iterations=3, lanes=4)
    assert Argon2idParams.from_json(default).memory_kib == 64 * 1024
    ceiling = params_json(memory_kib=4 * 1024 * 1024, iterations=64, lanes=64)
    assert Argon2idParams.from_json(ceiling).iterations == 64


@pytest.mark.parametrize(
    "overrides",
    [
        pytest.param({"memory_kib": 7, "lanes": 1}, id="memory below 8 KiB per lane"),
        pytest.param({"memory_kib": 15, "lanes": 2}, id="memory below 8 KiB per lane (2 lanes)"),
        pytest.param({"memory_kib": 0}, id="no memory"),
        pytest.param({"memory_kib": -1024}, id="negative memory"),
        pytest.param({"memory_kib": 2**32}, id="memory beyond Argon2's 32-bit limit"),
        pytest.param({"iterations": 0}, id="no passes"),
        pytest.param({"iterations": -1}, id="negative passes"),
        pytest.param({"iterations": 2**32}, id="passes beyond Argon2's 32-bit limit"),
        pytest.param({"memory_kib": 4 * 1024 * 1024 + 1}, id="memory above the 4 GiB ceiling"),
        pytest.param({"iterations": 65}, id="passes above the ceiling of 64"),
        pytest.param({"lanes": 65, "memory_kib": 8 * 65}, id="lanes above the ceiling of 64"),
        pytest.param({"lanes": 0}, id="no lanes"),
        pytest.param({"lanes": -1}, id="negative lanes"),
        pytest.param({"lanes": 2**24, "memory_kib": 8 * 2**24}, id="lanes beyond Argon2's limit"),
        pytest.param(
            {"salt": base64.b64encode(b"1234567").decode()}, id="salt shorter than 8 bytes"
        ),
        pytest.param({"salt": ""}, id="empty salt"),
    ],
)
def test_out_of_range_parameters_are_corrupt(overrides: dict[str, Any]) -> None:
    with pytest.raises(KeyFileCorruptError):
        Argon2idParams.from_json(params_json(**overrides))


@pytest.mark.parametrize(
    "data",
    [
        None,
        "argon2id",
        [1024, 1, 1],
        params_json(name="scrypt"),
        params_json(name=_DROP),
        params_json(memory_kib=_DROP),
        params_json(iterations=_DROP),
        params_json(lanes=_DROP),
        params_json(salt=_DROP),
        params_json(memory_kib="lots"),
        params_json(iterations=None),
        params_json(lanes=[1]),
        params_json(salt="not base64!"),
        params_json(salt=12345),
        params_json(salt="数据"),
    ],
)
def test_malformed_parameters_are_corrupt(data: object) -> None:
    with pytest.raises(KeyFileCorruptError):
        Argon2idParams.from_json(data)
