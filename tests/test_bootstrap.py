"""The ./run bootstrap script: usage and the Debian package detection (`./run check-debs`).

dpkg-query and apt-cache are replaced by small fakes on PATH, so these tests neither depend on
what this machine has installed nor install anything.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
RUN = ROOT / "run"
BASH = shutil.which("bash")

pytestmark = pytest.mark.skipif(
    BASH is None or os.name != "posix", reason="./run is a bash script for Debian/Ubuntu"
)

FAKE_DPKG_QUERY = """#!/bin/sh
# fake dpkg-query: every package is installed except those in $FAKE_NOT_INSTALLED;
# "...t64" names exist only if listed in $FAKE_T64_INSTALLED
for name; do :; done
case $name in
    *t64) not_installed=yes ;;
    *) not_installed=no ;;
esac
for listed in $FAKE_NOT_INSTALLED; do
    [ "$listed" = "$name" ] && not_installed=yes
done
for listed in $FAKE_T64_INSTALLED; do
    [ "$listed" = "$name" ] && not_installed=no
done
if [ $not_installed = yes ]; then
    echo "dpkg-query: no packages found matching $name" >&2
    exit 1
fi
printf 'install ok installed\\n'
"""

FAKE_APT_CACHE = """#!/bin/sh
# fake apt-cache policy: knows only the packages in $FAKE_APT_KNOWS
[ "$1" = policy ] || exit 1
for known in $FAKE_APT_KNOWS; do
    if [ "$known" = "$2" ]; then
        printf '%s:\\n  Installed: (none)\\n  Candidate: 1.0-1\\n' "$2"
    fi
done
exit 0
"""


def _fake_bin(tmp_path: Path) -> Path:
    bin_dir = Path(tempfile.mkdtemp(prefix="bin-", dir=tmp_path))
    for name, text in (("dpkg-query", FAKE_DPKG_QUERY), ("apt-cache", FAKE_APT_CACHE)):
        tool = bin_dir / name
        tool.write_text(text, encoding="utf-8")
        tool.chmod(0o755)
    return bin_dir


def _run(
    args: list[str], tmp_path: Path, env_extra: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env.pop("LIANDANG_EXTRA_DEBS", None)
    py_dir = str(Path(sys.executable).parent)
    env["PATH"] = os.pathsep.join([str(_fake_bin(tmp_path)), py_dir, env.get("PATH", "")])
    env.update(env_extra or {})
    assert BASH is not None
    return subprocess.run(
        [BASH, str(RUN), *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_bash_syntax() -> None:
    assert BASH is not None
    proc = subprocess.run([BASH, "-n", str(RUN)], capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr


def test_help_and_unknown_command(tmp_path: Path) -> None:
    shown = _run(["--help"], tmp_path)
    assert shown.returncode == 0
    assert "Usage: ./run" in shown.stdout
    bad = _run(["no-such-command"], tmp_path)
    assert bad.returncode != 0
    assert "unknown command" in bad.stderr


def test_all_present(tmp_path: Path) -> None:
    proc = _run(["check-debs", "--test"], tmp_path, {"FAKE_NOT_INSTALLED": ""})
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "all required Debian packages are installed" in proc.stdout


def test_t64_variant_counts_as_installed(tmp_path: Path) -> None:
    # Ubuntu 24.04: only libglib2.0-0t64 exists
    env = {"FAKE_NOT_INSTALLED": "libglib2.0-0", "FAKE_T64_INSTALLED": "libglib2.0-0t64"}
    proc = _run(["check-debs"], tmp_path, env)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    # ...and without it, libglib2.0-0 is reported missing
    proc = _run(["check-debs"], tmp_path, {"FAKE_NOT_INSTALLED": "libglib2.0-0"})
    assert proc.returncode == 1
    assert "missing Debian packages: libglib2.0-0\n" in proc.stdout


def test_missing_listed_with_the_variant_apt_knows(tmp_path: Path) -> None:
    proc = _run(
        ["check-debs"],
        tmp_path,
        {
            "FAKE_NOT_INSTALLED": "libglib2.0-0 libglib2.0-0t64 libxcb-cursor0",
            "FAKE_APT_KNOWS": "libglib2.0-0t64 libxcb-cursor0",
        },
    )
    assert proc.returncode == 1
    assert "missing Debian packages: libglib2.0-0t64 libxcb-cursor0" in proc.stdout


def test_test_only_packages_only_for_tests(tmp_path: Path) -> None:
    env = {"FAKE_NOT_INSTALLED": "xvfb"}
    assert _run(["check-debs"], tmp_path, env).returncode == 0
    proc = _run(["check-debs", "--test"], tmp_path, env)
    assert proc.returncode == 1
    assert "missing Debian packages: xvfb" in proc.stdout


def test_extra_debs_env(tmp_path: Path) -> None:
    proc = _run(
        ["check-debs"],
        tmp_path,
        {"LIANDANG_EXTRA_DEBS": "no-such-pkg", "FAKE_NOT_INSTALLED": "no-such-pkg"},
    )
    assert proc.returncode == 1
    assert "missing Debian packages: no-such-pkg" in proc.stdout
