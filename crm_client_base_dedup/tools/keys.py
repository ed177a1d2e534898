# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Blocking keys of the duplicate detector, in plain Python: the values stored on partners
(``dedup_*_key``) and compared by the scorer. Normalization itself lives in crm_client_base's
``tools/standards.py`` and ``tools/legal_forms.py``; a key is what two spellings of one value
have in common.
"""

import re

from anyascii import anyascii

from odoo.addons.crm_client_base.tools import standards
from odoo.addons.crm_client_base.tools.legal_forms import CYRILLIC_SHORT_FORMS, LONG_FORMS, LONG_FORMS_RE, SHORT_FORMS

_SKELETON = (
    ("shch", "sh"),
    ("sch", "sh"),
    ("kh", "h"),
    ("tz", "c"),
    ("ts", "c"),
    ("zh", "j"),
    ("yu", "u"),
    ("ju", "u"),
    ("iu", "u"),
    ("ya", "a"),
    ("ja", "a"),
    ("ia", "a"),
    ("yo", "e"),
    ("jo", "e"),
    ("ae", "a"),
    ("oe", "o"),
    ("ue", "u"),
    ("ck", "k"),
    ("ph", "f"),
    ("w", "v"),
    ("x", "ks"),
    ("q", "k"),
    ("y", "i"),
    ("j", "i"),
)
_NOT_ALNUM = re.compile(r"[^a-z0-9]+")
_DOUBLES = re.compile(r"(.)\1+")
_DIGITS = re.compile(r"\D+")
_SPACES = re.compile(r"\s+")


def skeleton(word):
    """One spelling for the ways a word is transliterated: Щукин, Shchukin, Schukin -> shukin."""
    for old, new in _SKELETON:
        if old in word:
            word = word.replace(old, new)
    return _DOUBLES.sub(r"\1", word)


def split_name(name):
    """(tokens, legal forms) of a name: the tokens without case, quotes, ё, legal forms or
    script, in written order; the legal forms found, as a set of short codes."""
    if not name:
        return [], frozenset()
    text = name.lower().replace("ё", "е")
    forms = set()

    def long_form(match):
        forms.add(LONG_FORMS[match.group(0)])
        return " "

    text = LONG_FORMS_RE.sub(long_form, text)
    text = anyascii(text).lower().replace(".", "").replace("'", "")
    tokens = []
    for token in _NOT_ALNUM.split(text):
        if not token:
            continue
        form = SHORT_FORMS.get(token)
        if form:
            forms.add(form)
        else:
            tokens.append(skeleton(token))
    return tokens, frozenset(forms)


def name_tokens(name):
    """The tokens of a name without case, quotes, ё, legal forms or script, in written order."""
    return split_name(name)[0]


def name_key(name):
    """Blocking key of a name: its tokens sorted (word order does not matter), space-separated."""
    return " ".join(sorted(name_tokens(name)))


def phone_key(phone):
    """Digits of a phone number (E.164 without the plus); a Russian 8 trunk prefix becomes 7."""
    return standards.phone_digits(phone)


def email_key(email):
    """The first address of an email field, lower-cased and without white space."""
    return standards.first_email(email)


def vat_key(vat):
    """Digits and letters of a tax id without a country prefix: RU7701234567 -> 7701234567."""
    return standards.tax_id_digits(vat)


def city_key(city):
    """City without case, script or a "г." prefix: "г. Москва", "МОСКВА", "Moskva" -> moskva."""
    return " ".join(t for t in name_tokens(city) if t not in ("g", "gorod"))


# Street types and address words people write or leave out ("ул.", "улица", "д.", "офис").
_STREET_WORDS = frozenset(
    "ul ulica d dom of ofis korp korpus str stroenie kv pr prt prospekt per pereulok b br bulvar sh shose "
    "nab naberejna pl ploshad st street rd road ave avenue suite ste strase str".split()
)


def street_key(street):
    """Street name and numbers, sorted, without street types: "ул. Ленина, д. 5" -> "5 lenina"."""
    return " ".join(sorted(t for t in name_tokens(street) if t not in _STREET_WORDS))


def website_key(website):
    """Host of a website without scheme or www: "https://www.Romashka.ru/" -> romashka.ru."""
    host = (website or "").strip().lower().split("://")[-1].split("/")[0]
    return host.removeprefix("www.")


# Letters only: dots, spaces, hyphens and digits separate the words of a person's name.
_LETTERS = re.compile(r"[^\W\d_]+")


def _letters(text):
    return _NOT_ALNUM.sub("", anyascii(text).lower())


def person_words(name):
    """The words of a person's name, in written order, as (skeleton, Latin letters, is_initial)
    triples, legal forms left out ("ИП Хохлов В.Б." -> hohlov, v, b). Initials are single
    letters ("В.Б.", "В. Б.") and two or three capitals written together in a name that is not
    all capitals ("Хохлов ВБ"): each stands for the word it starts ("Х." -> "kh", the start of
    "khokhlov"). The skeleton folds transliterations (Khokhlov, Hohlov); the Latin letters
    keep what the skeleton folds away in short words (Жанна: zhanna, skeleton "ana")."""
    if not name:
        return ()
    text = name.replace("ё", "е").replace("Ё", "Е")
    lower = text.lower()
    if len(lower) == len(text):
        # Long legal forms blanked out where they stand, keeping the case of the rest.
        for match in LONG_FORMS_RE.finditer(lower):
            text = text[: match.start()] + " " * (match.end() - match.start()) + text[match.end() :]
    tokens = [
        token
        for token in _LETTERS.findall(text)
        if token.lower() not in CYRILLIC_SHORT_FORMS and _letters(token) not in SHORT_FORMS
    ]
    shouting = text == text.upper()
    has_word = any(len(token) >= 4 for token in tokens)
    words = []
    for token in tokens:
        if len(token) == 1 or (has_word and not shouting and len(token) <= 3 and token.isupper()):
            words.extend((letter, True) for letter in token)
        else:
            words.append((token, False))
    return tuple((skeleton(latin), latin, initial) for word, initial in words if (latin := _letters(word)))
