# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Data standards of the client card, as pure functions (no ORM), shared by the addons.

Every ``normalize_*`` returns the normalized value; every ``check_*`` returns ``None`` when the
value is right, else a short English reason (the caller translates and words the message).
"""

import re

import phonenumbers
from stdnum.ru import inn as stdnum_inn

from odoo.tools import email_normalize, email_split

_SPACES = re.compile(r"\s+")
# Every double-quote look-alike people type or paste: straight, curly, low, prime, full-width,
# and two single quotes.
_QUOTES = re.compile("[\"\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb\uff02]|''")
_DIGITS = re.compile(r"\D")
_NOT_ALNUM = re.compile(r"[^a-z0-9]+")
_KPP = re.compile(r"^\d{4}[\dA-Z]{2}\d{3}$")
_TELEGRAM = re.compile(r"^(?:https?://)?(?:t\.me/|telegram\.me/|@)?([A-Za-z][A-Za-z0-9_]{4,31})/?$")
_URL = re.compile(r"^(?:https?://)?([^/\s:?#]+)(?::\d+)?(?:[/?#]\S*)?$", re.IGNORECASE)
# The hosts of each social network's profile links, the first one the one a message names.
SOCIAL_HOSTS = {
    "vk": ("vk.com", "vk.ru", "m.vk.com"),
    "ok": ("ok.ru",),
    "instagram": ("instagram.com", "www.instagram.com"),
    "facebook": ("facebook.com", "www.facebook.com", "fb.com", "m.facebook.com"),
    "linkedin": ("linkedin.com", "www.linkedin.com", "ru.linkedin.com"),
}


def normalize_name(name):
    """Trim, fold runs of white space into one space, and write quotes as Russian «ёлочки»
    (``ООО "Ромашка"``, ``ООО “Ромашка”`` and ``ООО «Ромашка»`` all become ``ООО «Ромашка»``,
    nested ones too: ``АО «Завод «Прогресс»»``). Quotes that do not pair up become plain ``"``."""
    if not name:
        return name
    name = _SPACES.sub(" ", name).strip()
    tokens = _QUOTES.split(name)
    if len(tokens) == 1:
        return name
    # A quote opens after the start, a space or another opening quote; otherwise it closes.
    marks = []
    depth = 0
    for index in range(1, len(tokens)):
        before = tokens[index - 1]
        opening = (before == "" and (index == 1 or marks[-1] == "«")) or before.endswith((" ", "("))
        if opening:
            depth += 1
        else:
            depth -= 1
        if depth < 0:
            break
        marks.append("«" if opening else "»")
    if depth != 0 or len(marks) != len(tokens) - 1:
        return '"'.join(tokens)
    out = [tokens[0]]
    for mark, token in zip(marks, tokens[1:], strict=True):
        out.append(mark + token)
    return "".join(out)


def normalize_email(value):
    """Trim each address of a comma-separated list and lowercase its domain (the local part
    can be case-sensitive). Returns (normalized, invalid_parts)."""
    if not value:
        return value, []
    normalized, invalid = [], []
    for raw in value.replace(";", ",").split(","):
        raw = raw.strip()
        if not raw:
            continue
        found = email_split(raw)
        if len(found) != 1 or not email_normalize(found[0]):
            invalid.append(raw)
            normalized.append(raw)
            continue
        local, _sep, domain = found[0].rpartition("@")
        normalized.append(f"{local}@{domain.lower()}")
    return ", ".join(normalized), invalid


def normalize_telegram(value):
    """``@name`` for a Telegram user name written as @name, name or a t.me link; None for
    anything else."""
    match = _TELEGRAM.match((value or "").strip())
    return "@" + match.group(1) if match else None


def normalize_link(value, hosts):
    """The link ``value`` with its scheme (https:// when none is written), when its host is one
    of ``hosts``; None for anything else."""
    value = (value or "").strip()
    match = _URL.match(value)
    if not match or match.group(1).lower() not in hosts:
        return None
    return value if value.lower().startswith(("http://", "https://")) else "https://" + value


def normalize_code(value):
    """A registration code (KPP, OGRN) as written on documents: no spaces, capital letters."""
    return _SPACES.sub("", value or "").upper()


def phone_digits(value):
    """The digits of a phone number (E.164 without the plus), a Russian 8 trunk prefix read
    as 7 and a "(0)" left out; "" for fewer than 7 digits."""
    digits = _DIGITS.sub("", (value or "").replace("(0)", ""))
    if len(digits) == 11 and digits[0] == "8":
        digits = "7" + digits[1:]
    return digits if len(digits) >= 7 else ""


def first_email(value):
    """The first address of an email field, lower-cased and without white space; "" when it
    has no @."""
    first = (value or "").replace(";", ",").split(",")[0]
    first = _SPACES.sub("", first).lower()
    return first if "@" in first else ""


def tax_id_digits(value):
    """Digits and letters of a tax id without a country prefix: RU7701234567 -> 7701234567."""
    value = _NOT_ALNUM.sub("", (value or "").lower())
    if len(value) > 2 and value[:2].isalpha() and value[2:].isdigit():
        value = value[2:]
    return value


def russian_national_phone(value):
    """True when ``value`` is a valid Russian number written the national way (8, then the ten
    digits of the number: "8 (495) 123-45-67"), which another country would read otherwise."""
    text = (value or "").strip()
    digits = re.sub(r"\D", "", text)
    if text.startswith("+") or len(digits) != 11 or digits[0] != "8":
        return False
    try:
        return phonenumbers.is_valid_number(phonenumbers.parse(text, "RU"))
    except phonenumbers.NumberParseException:
        return False


def inn_kind(value):
    """'company' for a 10-digit INN, 'person' for a 12-digit one, else None."""
    digits = value or ""
    if digits.isdigit():
        return {10: "company", 12: "person"}.get(len(digits))
    return None


def normalize_inn(value):
    """An INN as digits; a number cell lost its leading zero (Excel): put it back when the
    check digits then agree."""
    digits = _SPACES.sub("", value or "")
    if digits.isdigit() and len(digits) in (9, 11) and check_inn("0" + digits) is None:
        return "0" + digits
    return digits


def check_inn(value):
    digits = _DIGITS.sub("", value or "")
    if len(digits) not in (10, 12) or digits != (value or "").strip():
        return "an INN has 10 digits (organisations) or 12 digits (individuals)"
    if not stdnum_inn.is_valid(digits):
        return "wrong INN checksum"
    return None


def check_kpp(value):
    if not _KPP.match(value or ""):
        return "a KPP has 9 characters: 4 digits, 2 digits or capital letters, 3 digits"
    return None


def check_ogrn(value):
    """OGRN (13 digits, organisations) or OGRNIP (15 digits, entrepreneurs)."""
    digits = value or ""
    if not digits.isdigit() or len(digits) not in (13, 15):
        return "an OGRN has 13 digits, an OGRNIP 15 digits"
    body, check = int(digits[:-1]), int(digits[-1])
    modulus = 11 if len(digits) == 13 else 13
    if body % modulus % 10 != check:
        return "wrong OGRN checksum" if len(digits) == 13 else "wrong OGRNIP checksum"
    return None


def plausible_birthday(birthday, today):
    """A date of birth between 130 years ago and today."""
    return today.replace(year=today.year - 130) <= birthday <= today
