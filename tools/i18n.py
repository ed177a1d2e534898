#!/usr/bin/env python3
"""Refresh every addon's i18n/<addon>.pot and i18n/ru.po from a fresh install.

Installs the addons on a scratch database with Russian loaded, then lets Odoo export the
template and the Russian catalogue into each addon's i18n/ folder: terms already translated
keep their translation, new terms appear with an empty msgstr to fill in, and terms gone from
the code disappear. Prints the untranslated entries left per addon.
"""

import subprocess
import sys
from pathlib import Path

import polib

sys.path.insert(0, str(Path(__file__).resolve().parent))

from odoo_env import ADDONS, APPS, LOG_DIR, ROOT, TEST_MODULES, create_database, drop_database, odoo_cmd

DB = "crm_client_base_i18n"
RU_PLURALS = "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);"


def main():
    LOG_DIR.mkdir(exist_ok=True)
    log = LOG_DIR / "i18n.log"
    drop_database(DB)
    create_database(DB)
    subprocess.run(
        odoo_cmd(
            DB, "-i", ",".join([*APPS, *ADDONS]), "--load-language=ru_RU", "--stop-after-init", f"--logfile={log}"
        ),
        check=True,
    )
    # Odoo's export drops some translations it cannot read back from the database (terms
    # equal to a translation another module owns, Python code terms): keep what we had.
    previous = {}
    for addon in TEST_MODULES:
        (ROOT / addon / "i18n").mkdir(exist_ok=True)
        path = ROOT / addon / "i18n" / "ru.po"
        if path.exists():
            previous[addon] = {e.msgid: e.msgstr for e in polib.pofile(str(path)) if e.translated()}
    odoo = odoo_cmd(DB)[0]
    conf = odoo_cmd(DB)[2]
    subprocess.run(
        [odoo, "i18n", "export", "-c", conf, "-d", DB, "-l", "pot", "ru", "--", *TEST_MODULES],
        check=True,
    )
    missing = 0
    for addon in TEST_MODULES:
        path = ROOT / addon / "i18n" / "ru.po"
        po = polib.pofile(str(path))
        po.metadata.update({"Language": "ru", "Plural-Forms": RU_PLURALS})
        for entry in po:
            if not entry.translated() and entry.msgid in previous.get(addon, {}):
                entry.msgstr = previous[addon][entry.msgid]
        po.save(str(path))
        todo = [e for e in po if not e.translated() and not e.obsolete]
        missing += len(todo)
        print(f"{addon}: {len(po)} entries, {len(todo)} untranslated")
        for entry in todo:
            print(f"    {entry.msgid!r}")
    drop_database(DB)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
