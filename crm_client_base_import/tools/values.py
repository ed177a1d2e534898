# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Line values as the import keeps them (JSON on the line) and reads them back."""

import datetime

from odoo import fields


def json_safe(values):
    return {key: value.isoformat() if isinstance(value, datetime.date) else value for key, value in values.items()}


def _pairs(found):
    """{field: (as in the file, as stored)} from its JSON form (lists)."""
    return {fname: tuple(pair) for fname, pair in (found or {}).items()}


def rewritten(line, key):
    """What the data standards rewrote in a line's ``key`` ("partner" or "contact") values:
    {field: (as in the file, as stored)}; none for lines planned before this was kept."""
    return _pairs((line.values.get("rewritten") or {}).get(key))


def contacts(line):
    """[(contact values, what the standards rewrote in them)] of a line: its own contact, and
    those of the lines of the same client joined to it."""
    found = []
    if line.values.get("contact"):
        found.append((line.values["contact"], rewritten(line, "contact")))
    for item in line.values.get("contacts") or ():
        found.append((item["contact"], _pairs(item.get("rewritten"))))
    return found


def from_json(values):
    values = dict(values)
    for fname in ("birthday",):
        if values.get(fname):
            values[fname] = fields.Date.to_date(values[fname])
    return values
