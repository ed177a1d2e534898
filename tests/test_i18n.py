"""Every addon's i18n/<addon>.pot is what Odoo exports today, and ru.po translates all of it."""

import subprocess

import polib
import pytest
from conftest import ROOT
from odoo_env import ODOO_BIN, ODOO_CONF, TEST_MODULES


def msgids(catalogue):
    return {(entry.msgctxt, entry.msgid) for entry in catalogue if not entry.obsolete}


@pytest.mark.parametrize("addon", TEST_MODULES)
def test_pot_is_current_and_russian_complete(addon, installed_db, tmp_path):
    exported = tmp_path / f"{addon}.pot"
    subprocess.run(
        [ODOO_BIN, "i18n", "export", "-c", ODOO_CONF, "-d", installed_db, "-l", "pot", "-o", exported, "--", addon],
        check=True,
        capture_output=True,
    )
    committed = polib.pofile(str(ROOT / addon / "i18n" / f"{addon}.pot"))
    missing = msgids(polib.pofile(str(exported))) - msgids(committed)
    assert not missing, f"run `make i18n`: {addon}.pot lacks {sorted(missing)[:10]}"

    russian = polib.pofile(str(ROOT / addon / "i18n" / "ru.po"))
    assert msgids(russian) >= msgids(committed), "ru.po lacks terms of the .pot: run `make i18n`"
    untranslated = [e.msgid for e in russian if not e.translated() and not e.obsolete]
    assert untranslated == []
