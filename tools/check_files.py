#!/usr/bin/env python3
"""Checks pre-commit runs on non-Python files.

``check_files.py xml FILE...``  every XML file parses.
``check_files.py po FILE...``   every .po/.pot parses; a ru.po has no untranslated or fuzzy entry
                                and keeps the placeholders of each msgid.
``check_files.py addons``       every addon has its i18n catalogues and non-empty readme/ fragments.
"""

import re
import sys
from pathlib import Path

import polib
from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
PLACEHOLDER = re.compile(r"%(?:\([^)]+\))?[sdrf]|\{[a-z_0-9]*\}")


def check_xml(paths):
    errors = []
    for path in paths:
        try:
            etree.parse(path)
        except etree.XMLSyntaxError as exc:
            errors.append(f"{path}: {exc}")
    return errors


def check_po(paths):
    errors = []
    for path in paths:
        try:
            catalogue = polib.pofile(path)
        except OSError as exc:
            errors.append(f"{path}: {exc}")
            continue
        if not path.endswith(".po"):
            continue
        for entry in catalogue:
            if entry.obsolete:
                continue
            where = f"{path}:{entry.linenum}"
            if "fuzzy" in entry.flags:
                errors.append(f"{where}: fuzzy translation of {entry.msgid!r}")
            elif not entry.translated():
                errors.append(f"{where}: untranslated {entry.msgid!r}")
            elif sorted(PLACEHOLDER.findall(entry.msgid)) != sorted(PLACEHOLDER.findall(entry.msgstr)):
                errors.append(f"{where}: placeholders differ in the translation of {entry.msgid!r}")
    return errors


def check_addons():
    errors = []
    for manifest in sorted(ROOT.glob("*/__manifest__.py")):
        addon = manifest.parent
        for name in (f"i18n/{addon.name}.pot", "i18n/ru.po"):
            if not (addon / name).is_file():
                errors.append(f"{addon.name}: missing {name}")
        for name in ("DESCRIPTION.md", "USAGE.md", "CONFIGURE.md"):
            fragment = addon / "readme" / name
            if not fragment.is_file() or not fragment.read_text(encoding="utf-8").strip():
                errors.append(f"{addon.name}: readme/{name} is missing or empty")
        if not (addon / "pyproject.toml").is_file():
            errors.append(f"{addon.name}: missing pyproject.toml")
    return errors


def main(argv):
    mode, paths = argv[1], argv[2:]
    errors = {"xml": check_xml, "po": check_po}.get(mode, lambda _paths: check_addons())(paths)
    for error in errors:
        print(error)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
