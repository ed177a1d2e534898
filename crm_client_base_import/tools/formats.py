# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Exports of address books and other systems read as they are: Google Contacts, Outlook (in
English and in Russian), Bitrix24, amoCRM and 1C lists are recognised by their headers, and
their columns (a name in parts, numbered phones and mailboxes, business and home addresses, the
person's company) become the import's own columns (tools/columns.py)."""

import datetime
import re

from .columns import header_key

# The roles a column of an export plays; shape() turns them into the import's columns.
# Person: last, first, middle, person (the whole name); company, function; phones by kind
# (main, work, mobile, home, other); emails (in column order, work first); the business address
# (street, city, zip, country) and the home one (home_*); website, birthday, comment; and for
# lists of firms: name, full_name, vat, kpp, ogrn, client_type, legal_address, telegram.
_OUTLOOK = {
    "first name": "first",
    "middle name": "middle",
    "last name": "last",
    "company": "company",
    "job title": "function",
    "business street": "street",
    "business city": "city",
    "business postal code": "zip",
    "business country region": "country",
    "home street": "home_street",
    "home city": "home_city",
    "home postal code": "home_zip",
    "home country region": "home_country",
    "company main phone": "phone_main",
    "business phone": "phone_work",
    "business phone 2": "phone_work",
    "primary phone": "phone_other",
    "other phone": "phone_other",
    "mobile phone": "phone_mobile",
    "home phone": "phone_home",
    "home phone 2": "phone_home",
    "e mail address": "email",
    "e mail 2 address": "email",
    "e mail 3 address": "email",
    "birthday": "birthday",
    "notes": "comment",
    "web page": "website",
}
_OUTLOOK_RU = {
    "имя": "first",
    "отчество": "middle",
    "фамилия": "last",
    "организация": "company",
    "должность": "function",
    "улица раб адрес": "street",
    "город раб адрес": "city",
    "индекс раб адрес": "zip",
    "почтовый код раб адрес": "zip",
    "страна или регион раб адрес": "country",
    "улица дом адрес": "home_street",
    "город дом адрес": "home_city",
    "индекс дом адрес": "home_zip",
    "почтовый код дом": "home_zip",
    "страна или регион дом адрес": "home_country",
    "основной телефон организации": "phone_main",
    "рабочий телефон": "phone_work",
    "телефон раб 2": "phone_work",
    "основной телефон": "phone_other",
    "другой телефон": "phone_other",
    "телефон переносной": "phone_mobile",
    "мобильный телефон": "phone_mobile",
    "домашний телефон": "phone_home",
    "телефон дом 2": "phone_home",
    "адрес эл почты": "email",
    "адрес 2 эл почты": "email",
    "адрес 3 эл почты": "email",
    "день рождения": "birthday",
    "заметки": "comment",
    "веб страница": "website",
}
_GOOGLE = {
    "first name": "first",
    "middle name": "middle",
    "last name": "last",
    "given name": "first",
    "additional name": "middle",
    "family name": "last",
    "name": "person",
    "file as": "person",
    "organization name": "company",
    "organization title": "function",
    "organization 1 name": "company",
    "organization 1 title": "function",
    "birthday": "birthday",
    "notes": "comment",
    "address 1 street": "street",
    "address 1 city": "city",
    "address 1 postal code": "zip",
    "address 1 country": "country",
    "address 1 formatted": "address",
    "website 1 value": "website",
}
# Google numbers its phones and mailboxes: "Phone 2 - Value", its kind in "Phone 2 - Label".
_GOOGLE_NUMBERED = re.compile(r"^(phone|e mail) (\d+) (value|label|type)$")
_BITRIX = {
    "название компании": "company",
    "имя": "first",
    "отчество": "middle",
    "фамилия": "last",
    "компания": "company",
    "должность": "function",
    "дата рождения": "birthday",
    "рабочий телефон": "phone_work",
    "мобильный телефон": "phone_mobile",
    "домашний телефон": "phone_home",
    "другой телефон": "phone_other",
    "рабочий e mail": "email",
    "частный e mail": "email",
    "e mail для рассылок": "email",
    "другой e mail": "email",
    "корпоративный сайт": "website",
    "личная страница": "website",
    "адрес": "street",
    "улица номер дома": "street",
    "фактический адрес": "street",
    "юридический адрес": "legal_address",
    "город": "city",
    "индекс": "zip",
    "страна": "country",
    "инн": "vat",
    "кпп": "kpp",
    "огрн": "ogrn",
    "контакт telegram": "telegram",
    "комментарий": "comment",
}
_AMOCRM = {
    "тип": "kind",
    "полное имя контакта": "person",
    "имя": "first",
    "фамилия": "last",
    "название компании": "company",
    "компания": "company",
    "должность": "function",
    "рабочий телефон": "phone_work",
    "рабочий прямой телефон": "phone_work",
    "мобильный телефон": "phone_mobile",
    "домашний телефон": "phone_home",
    "другой телефон": "phone_other",
    "рабочий email": "email",
    "личный email": "email",
    "другой email": "email",
    "web": "website",
    "адрес": "street",
    "инн": "vat",
    "примечание": "comment",
    "примечание 1": "comment",
    "примечание 2": "comment",
    "примечание 3": "comment",
    "примечание 4": "comment",
    "примечание 5": "comment",
}
_1C = {
    "наименование": "name",
    "полное наименование": "full_name",
    "инн": "vat",
    "кпп": "kpp",
    "огрн": "ogrn",
    "регистрационный номер": "ogrn",
    "юр физ лицо": "client_type",
    "вид контрагента": "client_type",
    "фактический адрес": "street",
    "юридический адрес": "legal_address",
    "адрес электронной почты": "email",
    "email": "email",
    "e mail": "email",
    "телефон": "phone_work",
    "комментарий": "comment",
}
# Format: (name shown to the user, its columns).
FORMATS = {
    "google": ("Google Contacts", _GOOGLE),
    "outlook": ("Outlook", _OUTLOOK),
    "outlook_ru": ("Outlook", _OUTLOOK_RU),
    "amocrm": ("amoCRM", _AMOCRM),
    "bitrix24": ("Bitrix24", _BITRIX),
    "1c": ("1C", _1C),
}


def detect(cells):
    """The format of a header row (a key of FORMATS), or None for any other file."""
    heads = {header_key(cell) for cell in cells if str(cell or "").strip()}
    if any(_GOOGLE_NUMBERED.match(head) for head in heads) and heads & {"file as", "given name", "first name"}:
        return "google"
    outlook = {"first name", "last name", "company", "job title", "business phone", "mobile phone", "business street"}
    if "e mail address" in heads and len(heads & outlook) >= 3:
        return "outlook"
    if "адрес эл почты" in heads and any(head.endswith("раб адрес") for head in heads):
        return "outlook_ru"
    if heads & {"полное имя контакта", "рабочий прямой телефон", "личный email"}:
        return "amocrm"
    if heads & {"рабочий e mail", "частный e mail", "корпоративный сайт"}:
        return "bitrix24"
    if {"наименование", "инн"} <= heads and heads & {"полное наименование", "юр физ лицо", "вид контрагента"}:
        return "1c"
    return None


def roles(fmt, cells):
    """[role or None] for the header row of a file of format ``fmt``."""
    table = FORMATS[fmt][1]
    found = []
    for cell in cells:
        head = header_key(cell)
        numbered = _GOOGLE_NUMBERED.match(head) if fmt == "google" else None
        if numbered:
            kind, number, part = numbered.groups()
            found.append(
                f"{'phone' if kind == 'phone' else 'email'}#{number}#{'value' if part == 'value' else 'label'}"
            )
        else:
            found.append(table.get(head))
    return found


def _values(cell):
    # Google writes several values in one cell: "+7 916 ... ::: +7 495 ...".
    return [part.strip() for part in str(cell).split(":::") if part.strip()]


def _birthday(value):
    """An export's birthday as the import reads dates: Outlook's empty date (0/0/00) is none,
    its American M/D/YYYY is written as ISO; others are left as they are."""
    if isinstance(value, datetime.date):
        return value
    text = str(value).strip()
    if re.fullmatch(r"0+[./]0+[./]0+", text):
        return ""
    match = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", text)
    if match:
        month, day, year = (int(part) for part in match.groups())
        try:
            return datetime.date(year, month, day).isoformat()
        except ValueError:
            return text
    return text


def person_name(last="", first="", middle="", whole=""):
    """A person's name in the Russian order (surname, given name, patronymic) from its parts,
    in the written order for a Latin name; the whole name when no part is given."""
    parts = [part.strip() for part in (last, first, middle) if part and part.strip()]
    if not parts:
        return (whole or "").strip()
    if not re.search("[а-яёА-ЯЁ]", " ".join(parts)):
        parts = [part.strip() for part in (first, middle, last) if part and part.strip()]
    return " ".join(" ".join(parts).split())


def yearless(value):
    """A birthday written without its year (vCard's and Google's --MM-DD, --MMDD), as
    (month, day), or None: the card's birthday is a date, so it goes to the notes."""
    match = re.fullmatch(r"--(\d{2})-?(\d{2})", str(value or "").strip())
    return (int(match.group(1)), int(match.group(2))) if match else None


def card_values(person, org, function="", work=(), cell=(), emails=(), birthday=""):
    """The import's columns of a person (``person``) at a company (``org``), or of either
    alone: a person at a company gives the company as the client and the person as its
    contact (the company's phone the first work phone, the person's the mobile; with several
    mailboxes the first is the company's, the others the person's)."""
    values = {}
    day_month = yearless(birthday)
    if day_month:
        month, day = day_month
        # In both languages: the notes are the client's, read by whoever opens the card.
        values["comment"] = f"День рождения / Birthday: {day:02d}.{month:02d}"
        birthday = ""
    if org and person and person != org:
        values.update(name=org, contact_name=person, contact_function=function, contact_birthday=birthday)
        values["phone"] = next(iter(work), "")
        values["contact_phone"] = next(iter(cell), "") or next(iter(work[1:]), "")
        values["email"] = emails[0] if len(emails) > 1 else ""
        values["contact_email"] = ", ".join(emails[1:] if len(emails) > 1 else emails)
    else:
        values.update(name=person or org, birthday=birthday)
        values["phone"] = next(iter(work), "")
        values["mobile"] = next(iter(cell), "")
        values["email"] = ", ".join(emails)
        values["client_type"] = "private_person" if person and not org else ""
    return values


def shape(fmt, row):
    """The import's columns ({key: value}) of a line of a file of format ``fmt``; ``row`` is
    [(role, value)] for the line's non-empty cells, in column order."""
    by_role, labels = {}, {}
    for role, value in row:
        if role.count("#") == 2:
            kind, number, part = role.split("#")
            if part == "label":
                labels[kind, number] = str(value).lower()
                continue
            role = (kind, number)
        by_role.setdefault(role, []).extend(_values(value) if isinstance(value, str) else [value])
    for (kind, number), label in labels.items():
        if kind == "phone" and (kind, number) in by_role:
            # Google's kinds: Mobile, Work, Home, Main, Other (or one the user typed).
            named = next((name for name in ("mobile", "work", "home", "main") if name in label), "other")
            by_role.setdefault(f"phone_{named}", []).extend(by_role.pop((kind, number)))
    for key in sorted(key for key in by_role if isinstance(key, tuple)):
        by_role.setdefault(key[0] if key[0] == "email" else "phone_other", []).extend(by_role.pop(key))

    def one(role):
        return next(iter(by_role.get(role, ())), "")

    if fmt == "1c" or (fmt == "bitrix24" and not (one("first") or one("last"))):
        return _firm_values(by_role, one)
    person = person_name(one("last"), one("first"), one("middle"), one("person"))
    company = one("company")
    if fmt == "amocrm" and header_key(one("kind")) == "компания":
        person, company = "", company or person
    work = _work_phones(by_role)
    cell = by_role.get("phone_mobile", [])
    values = card_values(
        person,
        company,
        function=one("function"),
        work=work,
        cell=cell,
        emails=by_role.get("email", []),
        birthday=_birthday(one("birthday")) if one("birthday") else "",
    )
    home = not any(one(role) for role in ("street", "city", "zip")) and not company
    for role in ("street", "city", "zip", "country"):
        values[role if role != "country" else "country_id"] = one(f"home_{role}" if home else role)
    values["street"] = values["street"] or one("address") or one("legal_address")
    values.update(website=one("website"), vat=one("vat"), kpp=one("kpp"), telegram=one("telegram"))
    values["comment"] = _notes(by_role, values.get("comment"))
    return {key: value for key, value in values.items() if value}


def _work_phones(by_role):
    """A line's phones other than mobile, the main ones first."""
    return [
        phone for role in ("phone_main", "phone_work", "phone_other", "phone_home") for phone in by_role.get(role, ())
    ]


def _notes(by_role, *more):
    """A line's notes columns, and ``more`` notes, one a line."""
    return "\n".join(str(text) for text in [*by_role.get("comment", []), *more] if text)


def _firm_values(by_role, one):
    """A line of a list of firms (1C counterparties, Bitrix24 companies)."""
    values = {
        "name": one("name") or one("company") or one("full_name"),
        "client_type": one("client_type"),
        "vat": one("vat"),
        "kpp": one("kpp"),
        "ogrn": one("ogrn"),
        "street": one("street") or one("legal_address"),
        "city": one("city"),
        "zip": one("zip"),
        "country_id": one("country"),
        "website": one("website"),
        "telegram": one("telegram"),
        "comment": _notes(by_role),
    }
    phones = _work_phones(by_role)
    values["phone"] = next(iter(phones), "")
    values["mobile"] = one("phone_mobile") or next(iter(phones[1:]), "")
    values["email"] = ", ".join(by_role.get("email", []))
    return {key: value for key, value in values.items() if value}
