"""setup/setup.sh: a second run changes nothing, and what is missing stops it with one clear
sentence, never a traceback."""

import os
import subprocess

import pytest
from conftest import ROOT

SETUP = ROOT / "setup" / "setup.sh"


def run_setup(**env):
    return subprocess.run(
        ["bash", SETUP], env=dict(os.environ, **env), capture_output=True, text=True, check=False, timeout=600
    )


def test_second_run_only_checks():
    run_setup()
    again = run_setup()
    assert again.returncode == 0, again.stderr
    assert again.stdout.splitlines() == [line for line in again.stdout.splitlines() if line.startswith("setup: ready")]
    assert again.stderr == ""


def fake_odoo(tmp_path, version):
    (tmp_path / "odoo").mkdir()
    (tmp_path / "odoo" / "release.py").write_text(f"version_info = ({version}, 0, 0, FINAL, 0, '')\n")
    return tmp_path


@pytest.mark.parametrize(
    ("case", "expected"),
    [
        ("missing", "no Odoo 19.0 source at"),
        ("odoo18", "is not Odoo 19.0"),
    ],
)
def test_bad_odoo_source_says_what_to_do(case, expected, tmp_path):
    source = tmp_path / "nowhere" if case == "missing" else fake_odoo(tmp_path, 18)
    # ODOO_GIT_URL to nowhere: a machine with internet must not clone Odoo for this test.
    result = run_setup(ODOO_SRC=str(source), ODOO_GIT_URL=str(tmp_path / "no-repo"))
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("setup: ") and expected in lines[0] and "ODOO_SRC" in lines[0]
    assert "Traceback" not in result.stdout + result.stderr
