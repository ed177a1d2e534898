# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Reading client lists: spreadsheets (XLSX), text tables (CSV in any usual encoding and
separator) and address books (vCard), into numbered lines of column values. Pure Python."""

import csv
import datetime
import io
import itertools
import re

from . import columns, formats, template

MAX_BYTES = 30 * 1024 * 1024
MAX_LINES = 100_000
# A cell a spreadsheet would run as a formula (OWASP's CSV injection) is refused, not stored:
# one that starts with =, +, -, @, a tab or a carriage return, unless what follows the sign is a
# phone number or a number ("+7 (999) 123-45-67 доб. 12", "-5") or the @ starts a handle
# ("@ivan_petrov", "@shop.msk").
FORMULA_SIGNS = ("=", "+", "-", "@", "\t", "\r")
PHONE_OR_NUMBER = re.compile(r"^[+\-]?[\d\s().\-]*\d[\d\s().\-]*(?:\s*(?:доб|ext|x)\.?\s*\d+)?$", re.IGNORECASE)
HANDLE = re.compile(r"^@[\w.]+$")


def is_formula(value):
    """True when a spreadsheet would run the text ``value`` as a formula."""
    if not isinstance(value, str) or not value.startswith(FORMULA_SIGNS):
        return False
    if value[0] in "+-":
        return not PHONE_OR_NUMBER.match(value)
    if value[0] == "@":
        return not HANDLE.match(value)
    return True


class ReadError(ValueError):
    """The file cannot be read; the message says why, in words for the user."""

    def __init__(self, code, **params):
        super().__init__(code)
        self.code = code
        self.params = params


# What a user may map a column the reader does not know to, besides a column key: the card's
# notes, with the column's name before its value, or nothing.
NOTES = "notes"
IGNORE = "ignore"
# A mapping's target naming a card property: this prefix and the property's name.
PROPERTY = "property:"
# The values of a column shown to the user mapping it.
SAMPLES = 3


class Table:
    """Numbered lines of an import file: ``lines`` is [(line number, {key: value})],
    ``unknown`` the headers not recognised (nor mapped), ``encoding`` and ``separator`` what was
    read. ``open_columns`` is [(header, [first values])] of the unknown columns holding values,
    and ``signature`` the file's header line as compared (a saved column mapping's key)."""

    def __init__(self, lines, unknown=(), encoding=None, separator=None, fmt=None, open_columns=(), signature=""):
        self.lines = lines
        self.unknown = list(unknown)
        self.encoding = encoding
        self.separator = separator
        # The export recognised (a key of formats.FORMATS), if any.
        self.format = fmt
        self.open_columns = list(open_columns)
        self.signature = signature


def signature(header):
    """A header line as compared: its non-empty cells' keys, in order."""
    return "|".join(columns.header_key(cell) for cell in header if columns.header_key(cell))


def read(filename, data, mapping=None):
    """A Table from a file's name and bytes; raises ReadError. ``mapping`` ({header key:
    column key, NOTES or IGNORE}) says what the columns the reader does not know hold."""
    if len(data) > MAX_BYTES:
        raise ReadError("too_big", size=len(data), limit=MAX_BYTES)
    name = (filename or "").lower()
    if name.endswith(".vcf") or data.lstrip()[:11].upper() == b"BEGIN:VCARD":
        return read_vcard(data)
    if name.endswith((".xlsx", ".xlsm")) or data[:2] == b"PK":
        return read_xlsx(data, mapping)
    if name.endswith((".xls", ".ods")):
        raise ReadError("format", extension=name.rsplit(".", 1)[-1])
    return read_csv(data, mapping)


def decode(data):
    """(text, encoding): UTF-8 (with or without BOM), UTF-16 with a BOM (Excel's "Unicode
    text"), else Windows-1251, what Russian Excel writes CSV in."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return data.decode("utf-16"), "utf-16"
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        try:
            return data.decode("cp1251"), "windows-1251"
        except UnicodeDecodeError as exc:
            raise ReadError("encoding") from exc


def read_csv(data, mapping=None):
    text, encoding = decode(data)
    sample = "\n".join(text.splitlines()[:20])
    try:
        separator = csv.Sniffer().sniff(sample, delimiters=";,\t|").delimiter
    except csv.Error:
        separator = max(";,\t|", key=sample.count)
    # Each record numbered by the file line it starts on: a quoted value may span lines.
    records = csv.reader(io.StringIO(text, newline=""), delimiter=separator)
    rows, start = [], 1
    try:
        for row in records:
            rows.append((start, row))
            start = records.line_num + 1
    except csv.Error as exc:
        raise ReadError("csv", reason=str(exc)) from exc
    return _table(rows, encoding, separator, mapping)


def _cell(value):
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime):
        return value.date() if value.time() == datetime.time() else value
    if isinstance(value, datetime.date):
        return value
    return str(value)


def read_xlsx(data, mapping=None):
    import openpyxl

    try:
        # Not data_only: a formula is seen as the formula it is, not as its cached result.
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except Exception as exc:
        raise ReadError("xlsx", reason=str(exc)) from exc
    sheet = book.worksheets[0]
    rows = (
        (number, [_cell(value) for value in row]) for number, row in enumerate(sheet.iter_rows(values_only=True), 1)
    )
    return _table(rows, mapping=mapping)


def _table(rows, encoding=None, separator=None, mapping=None):
    """Find the header (the first of the first 10 non-empty lines naming two known or mapped
    columns, or the header of an export formats.detect knows; titles above it are skipped; else
    the first line of several cells naming one), then key the lines below it, the unknown columns
    as ``mapping`` says."""
    rows = iter(rows)
    mapping = mapping or {}
    header, keys, fmt, seen, fallback = None, None, None, [], None
    for _attempt in range(10):
        number, cells = next(rows, (None, None))
        if number is None:
            break
        seen.append((number, cells))
        if not any(str(cell).strip() for cell in cells):
            continue
        fmt = formats.detect(cells)
        if fmt:
            header, keys = cells, formats.roles(fmt, cells)
            break
        mapped = columns.map_header(cells)
        known = sum(1 for cell, key in zip(cells, mapped, strict=False) if key or columns.header_key(cell) in mapping)
        if known >= 2:
            header, keys = cells, _merged(cells, mapped)
            break
        if fallback is None and known and sum(1 for cell in cells if str(cell).strip()) >= 2:
            fallback = len(seen) - 1
    if header is None:
        if fallback is None:
            raise ReadError("header")
        # A file of one known column and columns of its own, which the user maps.
        header = seen[fallback][1]
        keys = _merged(header, columns.map_header(header))
        rows = itertools.chain(seen[fallback + 1 :], rows)
    mapped = {
        index: mapping[columns.header_key(cell)]
        for index, (cell, key) in enumerate(zip(header, keys, strict=False))
        if not key and mapping.get(columns.header_key(cell))
    }
    filled = {}
    lines = []
    for number, cells in rows:
        found, extra, notes = [], [], []
        for index, (key, cell) in enumerate(zip(keys, cells, strict=False)):
            if cell is None or not str(cell).strip():
                continue
            cell = cell.strip() if isinstance(cell, str) else cell
            seen = filled.setdefault(index, [])
            if len(seen) < SAMPLES:
                seen.append(str(cell))
            if key:
                found.append((key, cell))
            elif mapped.get(index) == NOTES:
                notes.append(f"{str(header[index]).strip()}: {cell}")
            elif mapped.get(index) in columns.KEYS or str(mapped.get(index)).startswith(PROPERTY):
                extra.append((mapped[index], cell))
        values = formats.shape(fmt, found) if fmt else dict(found)
        # A mapped column fills what the known ones left empty.
        for key, cell in extra:
            if not values.get(key):
                values[key] = cell
        if notes:
            values["comment"] = "\n".join(filter(None, (str(values.get("comment") or ""), *notes)))
        if not any(str(value).strip() for value in values.values()):
            continue  # an empty line, or one with values under unknown headers only
        if template.is_sample(values):
            continue  # the template's example line, left in
        lines.append((number, values))
        if len(lines) > MAX_LINES:
            raise ReadError("too_many", limit=MAX_LINES)
    unknown = [
        str(cell)
        for index, (cell, key) in enumerate(zip(header, keys, strict=False))
        # An export's columns of no use here are many and mostly empty: those with values only.
        if str(cell).strip() and not key and index not in mapped and (index in filled or not fmt)
    ]
    open_columns = [
        (str(cell).strip(), filled[index])
        for index, (cell, key) in enumerate(zip(header, keys, strict=False))
        if str(cell).strip() and not key and index in filled
    ]
    return Table(lines, unknown, encoding, separator, fmt, open_columns, signature(header))


def _merged(cells, keys):
    """A header cell merged over several columns is read in the first only: the empty cells
    right of it take the field that header gives a second column (two "Phone" columns)."""
    keys = list(keys)
    used = set(filter(None, keys))
    for index in range(1, len(keys)):
        if keys[index] is None and not str(cells[index]).strip() and keys[index - 1]:
            second = columns.SECOND.get(keys[index - 1])
            if second and second not in used:
                keys[index] = second
                used.add(second)
    return keys


def read_vcard(data):
    """One line per card: a card with an organisation and a person's name gives the company
    with that person as its contact."""
    import vobject

    text, encoding = decode(data)
    lines = []
    try:
        for number, card in enumerate(vobject.readComponents(text, ignoreUnreadable=True), 1):
            lines.append((number, _card_values(card)))
    except Exception as exc:
        raise ReadError("vcard", reason=str(exc)) from exc
    return Table([(n, v) for n, v in lines if v], (), encoding)


def _card_values(card):
    def first(name):
        items = card.contents.get(name) or []
        return items[0].value if items else None

    def text(value):
        if isinstance(value, list | tuple):
            value = " ".join(str(v) for v in value if v)
        return str(value).strip() if value else ""

    person = text(first("fn"))
    if not person and first("n"):
        n = first("n")
        person = " ".join(filter(None, (n.family, n.given, n.additional))).strip()
    org = text(first("org"))
    phones = {"work": [], "cell": []}
    for tel in card.contents.get("tel", []):
        # vCard 3.0/4.0 give the kind as TYPE=cell, 2.1 as a bare parameter (TEL;CELL).
        kinds = {t.lower() for t in [*tel.params.get("TYPE", []), *getattr(tel, "singletonparams", [])]}
        # vCard 4.0 may write the number as a URI (tel:+7-916-...).
        phones["cell" if "cell" in kinds else "work"].append(text(tel.value).removeprefix("tel:"))
    emails = [text(item.value) for item in card.contents.get("email", []) if text(item.value)]
    values = {}
    adr = first("adr")
    if adr is not None:
        values["street"] = text(adr.street)
        values["city"] = text(adr.city)
        values["zip"] = text(adr.code)
        values["country_id"] = text(adr.country)
    if first("url"):
        values["website"] = text(first("url"))
    if first("note"):
        values["comment"] = text(first("note"))
    card = formats.card_values(
        person, org, text(first("title")), phones["work"], phones["cell"], emails, text(first("bday"))
    )
    card["comment"] = "\n".join(filter(None, (values.get("comment"), card.get("comment"))))
    values.update(card)
    return {key: value for key, value in values.items() if value}
