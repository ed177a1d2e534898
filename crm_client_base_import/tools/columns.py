# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The columns an import file may have: our fields, recognised by their Russian or English
header whatever the case, spacing or punctuation."""

import re

# (key, English header of the template, Russian header of the template, other spellings).
# Keys are res.partner fields, or contact_* for the key person given on the same line.
COLUMNS = [
    (
        "name",
        "Name",
        "Наименование",
        ("название", "клиент", "компания", "организация", "фио", "company", "client", "full name", "company name"),
    ),
    ("client_type", "Client type", "Тип клиента", ("тип", "type")),
    ("vat", "INN", "ИНН", ("tax id", "vat", "инн клиента")),
    ("kpp", "KPP", "КПП", ()),
    ("ogrn", "OGRN", "ОГРН", ("огрнип", "ogrnip")),
    ("phone", "Phone", "Телефон", ("тел", "телефон рабочий", "рабочий телефон", "work phone", "phone number")),
    ("mobile", "Mobile", "Мобильный", ("мобильный телефон", "сотовый", "mobile phone", "cell", "cell phone")),
    ("email", "Email", "Эл. почта", ("e-mail", "почта", "электронная почта", "емейл", "mail")),
    ("website", "Website", "Сайт", ("веб-сайт", "web", "site", "url")),
    ("street", "Address", "Адрес", ("улица", "street", "street address")),
    ("city", "City", "Город", ("населенный пункт", "town")),
    ("zip", "ZIP", "Индекс", ("почтовый индекс", "postcode", "postal code", "zip code")),
    ("country_id", "Country", "Страна", ()),
    ("telegram", "Telegram", "Телеграм", ("tg",)),
    ("whatsapp", "WhatsApp", "Ватсап", ("вотсап",)),
    ("birthday", "Birthday", "День рождения", ("дата рождения", "date of birth", "birth date")),
    ("comment", "Notes", "Комментарий", ("примечание", "заметки", "comment", "note")),
    (
        "consent",
        "Consent to data processing",
        "Согласие на обработку ПД",
        ("согласие", "согласие на обработку персональных данных", "consent", "дата согласия", "consent date"),
    ),
    ("contact_name", "Contact person", "Контактное лицо", ("контакт", "contact", "contact name")),
    (
        "contact_function",
        "Contact's position",
        "Должность",
        ("должность контакта", "position", "job position", "job title"),
    ),
    ("contact_phone", "Contact's phone", "Телефон контакта", ("contact phone",)),
    ("contact_email", "Contact's email", "Почта контакта", ("email контакта", "contact email")),
    ("contact_birthday", "Contact's birthday", "День рождения контакта", ("contact birthday",)),
]
KEYS = [key for key, *_ in COLUMNS]
CONTACT_KEYS = [key for key in KEYS if key.startswith("contact_")]
# Columns of the line, not of a card: a consent to the processing of personal data.
LINE_KEYS = frozenset({"consent"})
# When a header is found twice (two "Phone" columns, a header merged over two cells), the
# second column is the next field of the same kind.
SECOND = {"phone": "mobile", "email": "contact_email"}

_NOT_WORD = re.compile(r"[\W_]+")


def header_key(text):
    """A header as compared: lower case, ё as е, punctuation and spaces collapsed."""
    text = str(text or "").lower().replace("ё", "е")
    return " ".join(_NOT_WORD.sub(" ", text).split())


_BY_HEADER = {}
for _key, _english, _russian, _others in COLUMNS:
    for _spelling in (_key, _english, _russian, *_others):
        _BY_HEADER.setdefault(header_key(_spelling), _key)


def recognise(header):
    """The column key of a header, or None."""
    return _BY_HEADER.get(header_key(header))


def map_header(cells):
    """[key or None] for a header row; a known header seen again takes its SECOND field."""
    keys, seen = [], set()
    for cell in cells:
        key = recognise(cell)
        if key in seen:
            key = SECOND.get(key) if SECOND.get(key) not in seen else None
        if key:
            seen.add(key)
        keys.append(key)
    return keys
