"""Each addon builds with whool into odoo-addon-<name>, and the installed wheels are enough
for Odoo to install the addons (no checkout on the addons path)."""

import subprocess
import sys
import zipfile

import pytest
from conftest import ADDONS, ROOT, odoo_run
from odoo_env import LOG_DIR, ODOO_CONF, TEST_MODULES


@pytest.fixture(scope="module")
def wheels(tmp_path_factory):
    out = tmp_path_factory.mktemp("wheels")
    for addon in TEST_MODULES:
        subprocess.run(
            [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation", "-w", out, ROOT / addon],
            check=True,
            capture_output=True,
        )
    return {path.name.split("-")[0]: path for path in out.glob("*.whl")}


def test_wheel_names_and_contents(wheels):
    assert sorted(wheels) == sorted(f"odoo_addon_{addon}" for addon in TEST_MODULES)
    for addon in TEST_MODULES:
        wheel = wheels[f"odoo_addon_{addon}"]
        assert wheel.name.startswith(f"odoo_addon_{addon}-19.0.")
        with zipfile.ZipFile(wheel) as archive:
            names = set(archive.namelist())
            assert f"odoo/addons/{addon}/__manifest__.py" in names
            assert f"odoo/addons/{addon}/i18n/ru.po" in names
            metadata = next(n for n in names if n.endswith(".dist-info/METADATA"))
            text = archive.read(metadata).decode()
        assert f"Name: odoo-addon-{addon}" in text
        assert "Requires-Dist: odoo==19.0.*" in text or "Requires-Dist: odoo<19.1dev,>=19.0a" in text


def test_installed_wheels_install_in_odoo(wheels, tmp_path, fresh_db):
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", target, *wheels.values()],
        check=True,
        capture_output=True,
    )
    # Same configuration, but without this checkout on the addons path: Odoo must find the
    # addons in the installed distributions (the odoo.addons namespace package).
    conf = tmp_path / "odoo.conf"
    conf.write_text(ODOO_CONF.read_text().replace(f"addons_path = {ROOT},", "addons_path = "))
    assert str(ROOT) + "," not in conf.read_text()
    problems = odoo_run(
        fresh_db, "-i", ",".join(ADDONS), log_name="packaging-install.log", conf=conf, pythonpath=target
    )
    assert problems == []
    log = (LOG_DIR / "packaging-install.log").read_text()
    paths = next(line for line in log.splitlines() if "addons paths:" in line)
    assert str(target) in paths and f"'{ROOT}'" not in paths
