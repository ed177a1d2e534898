# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Blocking keys of the duplicate detector, in plain Python: the values stored on partners
(``dedup_*_key``) and compared by the scorer. Normalization itself lives in crm_client_base's
``tools/standards.py`` and ``tools/legal_forms.py``; a key is what two spellings of one value
have in common.
"""

import re
from functools import lru_cache

from anyascii import anyascii

from odoo.addons.crm_client_base.tools import standards
from odoo.addons.crm_client_base.tools.legal_forms import (
    CYRILLIC_SHORT_FORMS,
    LONG_FORMS_RE,
    SHORT_FORMS,
    long_form_code,
)

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
# Doubled letters are one (Филиппова, Filipova); doubled digits are a number (СК-100).
_DOUBLES = re.compile(r"([a-z])\1+")
_DIGITS = re.compile(r"\D+")
_SPACES = re.compile(r"\s+")


# Cyrillic and the accented Latin letters of client names, transliterated by a table (one C call
# per string); anything else still goes through anyascii, a character at a time.
_TRANSLIT = {
    ord(char): anyascii(char)
    for char in "абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ"
    "іїєґўІЇЄҐЎәғқңөұүһӘҒҚҢӨҰҮҺäöüßéèêëàâçñóòôíìîúùûÄÖÜÉÈÀÇÑÓÍÚ«»“”„’‘—–№"
}


def translit(text):
    """``text`` in Latin letters (anyascii's transliteration), fast for Cyrillic."""
    text = text.translate(_TRANSLIT)
    return text if text.isascii() else anyascii(text)


@lru_cache(maxsize=1 << 17)
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
    text = fold_lookalikes(name).lower().replace("ё", "е")
    forms = set()

    def long_form(match):
        forms.add(long_form_code(match))
        return " "

    text = LONG_FORMS_RE.sub(long_form, text)
    text = translit(text).lower().replace(".", "").replace("'", "")
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


def ref_key(name, value):
    """Key of the value of a card property that identifies a client (a customer number in
    another system): the property's name, then the value's letters and digits in lower case
    ("CUST-0042 " and "cust0042" are one number)."""
    text = "" if value is None or value is False else str(value)
    text = _NOT_WORD.sub("", text.casefold())
    return f"{name}:{text}" if text else ""


_NOT_WORD = re.compile(r"[\W_]+")


# Latin letters that look like Cyrillic ones, typed in a Cyrillic word ("Pомашка" with a Latin
# P), and the other way round: folded into the word's own script before anything else.
_LOOKALIKE_LATIN = "AaBCcEeHKkMOoPpTXxYy"
_LOOKALIKE_CYRILLIC = "АаВСсЕеНКкМОоРрТХхУу"
_TO_CYRILLIC = str.maketrans(_LOOKALIKE_LATIN, _LOOKALIKE_CYRILLIC)
_TO_LATIN = str.maketrans(_LOOKALIKE_CYRILLIC, _LOOKALIKE_LATIN)
_WORD = re.compile(r"\w+")
_CYRILLIC = re.compile("[а-яёА-ЯЁ]")
_LATIN = re.compile("[a-zA-Z]")


def fold_lookalikes(text):
    """Each word written in two scripts, in the one most of its letters are in: "Pомашка"
    (a Latin P) -> "Ромашка"; a word of one script is left as it is."""
    if not (text and _CYRILLIC.search(text) and _LATIN.search(text)):
        return text

    def fold(match):
        word = match.group(0)
        cyrillic, latin = len(_CYRILLIC.findall(word)), len(_LATIN.findall(word))
        if not (cyrillic and latin):
            return word
        return word.translate(_TO_CYRILLIC if cyrillic >= latin else _TO_LATIN)

    return _WORD.sub(fold, text)


@lru_cache(maxsize=1 << 16)
def _address_tokens(text):
    """The words and numbers of an address, without case, ё, script or punctuation ("д.5" is
    two tokens), each as the skeleton of its transliteration."""
    text = fold_lookalikes(text or "").lower().replace("ё", "е")
    # The soft and hard signs are letters of a word ("Октябрьская"), not a break in it.
    text = text.replace("ь", "").replace("ъ", "")
    text = translit(text.replace(".", " ").replace(",", " ")).lower()
    return tuple(skeleton(token) for token in _NOT_ALNUM.split(text) if token)


# Cities as people write them: abbreviations, nicknames and Latin names, to one spelling.
_CITY_ALIASES_TEXT = {
    "Санкт-Петербург": "СПб, С-Пб, С.-Петербург, С-Петербург, Питер, Санкт Петербург, Saint Petersburg, "
    "St Petersburg, St. Petersburg",
    "Москва": "Мск, Moscow",
    "Екатеринбург": "Екб, Екат, Yekaterinburg",
    "Нижний Новгород": "НН, Н. Новгород, Н.Новгород, Нижний, Nizhny Novgorod",
    "Новосибирск": "Нск, Новосиб",
    "Ростов-на-Дону": "Ростов, Ростов на Дону, Rostov-on-Don",
    "Красноярск": "Крск",
    "Набережные Челны": "Челны, Наб. Челны",
    "Алматы": "Алма-Ата, Almaty",
    "Астана": "Нур-Султан, Astana",
}
# Words of a place that say nothing of which place: "г.", "город", "пос.".
_PLACE_WORDS = frozenset("g gor gorod pos poselok pgt s selo".split())


def _city_tokens(city):
    return [token for token in _address_tokens(city) if token not in _PLACE_WORDS]


_CITY_ALIASES = {
    " ".join(_city_tokens(alias.strip())): " ".join(_city_tokens(city))
    for city, aliases in _CITY_ALIASES_TEXT.items()
    for alias in aliases.split(",")
}


@lru_cache(maxsize=1 << 14)
def city_key(city):
    """City without case, script, a "г." prefix or its nicknames: "г. Москва", "г.Москва",
    "МОСКВА", "Moskva" -> moskva; "СПб", "Питер" -> sankt peterburg."""
    key = " ".join(_city_tokens(city))
    return _CITY_ALIASES.get(key, key)


# Street types and address words people write or leave out ("ул.", "улица", "д.", "офис"), and
# what a pasted postal address adds (region, country), as the tokenizer reads them ("street" ->
# "stret", "строение" -> "stronie"). Abbreviations are written without a hyphen: "р-н" and "пр-т"
# are read as one ("рн", "прт"), their letters alone would drop a house's or an initial's.
# "Набережная" is not among them: it is the name of many a street ("ул. Набережная, 5"), and
# dropped as a street type it left those addresses without a name (6 true pairs fewer at 100k).
_STREET_WORDS = frozenset(
    _address_tokens(
        "ул улица д дом оф офис корп корпус стр строение кв пр прт проспект пер переулок б бр бульвар ш шоссе "
        "наб пл площадь st street rd road ave avenue suite ste str strasse "
        "обл область респ республика край рн район россия russia рф"
    )
)


def _street_name_tokens(street, city):
    """The tokens of a street address in written order, without street types, place words, the
    city's words or a 6-digit postcode pasted in."""
    drop = _STREET_WORDS | _PLACE_WORDS | set((city or "").split())
    return [t for t in _address_tokens(street) if t not in drop and not (t.isdigit() and len(t) == 6)]


def street_tokens(street, city=None):
    """(words, numbers) of a street address without street types, the city's name, place words
    or a 6-digit postcode pasted in: "г. Москва, ул. Ленина, д. 5" -> ({lenina}, {5})."""
    words, numbers = set(), set()
    for token in _street_name_tokens(street, city):
        (numbers if token.isdigit() else words).add(token)
    return frozenset(words), frozenset(numbers)


def street_key(street):
    """Street name and numbers, sorted, without street types: "ул. Ленина, д. 5" -> "5 lenina"."""
    words, numbers = street_tokens(street)
    return " ".join(sorted(words | numbers))


def streets_agree(a, b):
    """Whether two streets (street_tokens) are one address written two ways: one's words and
    numbers within the other's ("Ленина 5" and "г. Москва, ул. Ленина, д. 5, оф. 12"), with a
    word and a number at least; "Ленина 5, оф. 12" and "Ленина 5, оф. 14" differ."""
    (words_a, numbers_a), (words_b, numbers_b) = a, b
    if not (words_a and words_b and numbers_a and numbers_b):
        return False
    return (words_a <= words_b and numbers_a <= numbers_b) or (words_b <= words_a and numbers_b <= numbers_a)


_HOUSE = re.compile(r"\d+")


# Words after which a number is not a house's: an apartment, an office, a building.
_UNIT_WORDS = frozenset(
    _address_tokens("кв квартира оф офис корп корпус стр строение пом помещение комн flat apt apartment suite ste room")
)
_NOT_NAME_WORDS = _STREET_WORDS | _UNIT_WORDS


def _street_word_before(tokens, index):
    """The word of the street's name a house number at ``index`` follows, street types and "д."
    aside; None after an apartment's or office's word, another number or nothing."""
    for token in reversed(tokens[:index]):
        if token in _UNIT_WORDS or token[0].isdigit():
            return None
        if token not in _STREET_WORDS:
            return token
    return None


# An ordinal of a street's name ("1-я Тверская-Ямская", "Южный 2-й пер."), written before or
# after the name: part of the name wherever it stands, never the house.
_ORDINAL = re.compile(r"(?<!\w)\d+\s?-?\s?(?:ая|ий|ый|ой|я|й)(?!\w)", re.IGNORECASE)


def address_key(street, city):
    """Where a card is, as a key that two ways of writing one address share: the city key, the
    house number and the word of the street's name before it: "ул. Ленина, д. 5, кв. 3" and
    "Ленина ул., 5а" in Moscow -> "moskva/lenina 5". The house is the first number that follows
    a word of the street's name (a number starting the name is part of it: "ул. 50 лет Октября,
    д. 85" and "50 лет Октября 85" -> ".../oktabra 85"), else the first number not an
    apartment's, with the word after it ("86 King Street"). An ordinal of the name is neither,
    before or after it: "1-я Тверская-Ямская, 10" and "Тверская-Ямская 1-я, 10" -> ".../amska
    10". "" without a city or a house."""
    if not city:
        return ""
    drop = _PLACE_WORDS | set(city.split())
    street = _ORDINAL.sub(" ", street or "")
    tokens = [t for t in _address_tokens(street) if t not in drop and not (t.isdigit() and len(t) == 6)]
    numbers = [(index, house.group()) for index, token in enumerate(tokens) if (house := _HOUSE.match(token))]
    for index, house in numbers:
        if word := _street_word_before(tokens, index):
            return f"{city}/{word} {house}"
    for index, house in numbers:
        if not (index and tokens[index - 1] in _UNIT_WORDS):
            after = (t for t in tokens[index + 1 :] if not t[0].isdigit() and t not in _NOT_NAME_WORDS)
            word = next(after, None)
            return f"{city}/{word} {house}" if word else ""
    return ""


def website_key(website):
    """Host of a website without scheme or www: "https://www.Romashka.ru/" -> romashka.ru."""
    host = (website or "").strip().lower().split("://")[-1].split("/")[0]
    return host.removeprefix("www.")


# Letters only: dots, spaces, hyphens and digits separate the words of a person's name.
_LETTERS = re.compile(r"[^\W\d_]+")
# Two words typed without the space ("ТатьянаТимуровна"): a capital after two small letters. A
# capital second letter is a typo of one word ("мДитриев", two letters swapped with the Shift).
_CAMEL = re.compile(r"(?<=[a-zа-яё]{2})(?=[A-ZА-ЯЁ])")


def _letters(text):
    return _NOT_ALNUM.sub("", translit(text).lower())


def person_words(name):
    """The words of a person's name, in written order, as (skeleton, Latin letters, is_initial)
    triples, legal forms left out ("ИП Хохлов В.Б." -> hohlov, v, b). Initials are single
    letters ("В.Б.", "В. Б.") and two or three capitals written together in a name that is not
    all capitals ("Хохлов ВБ"): each stands for the word it starts ("Х." -> "kh", the start of
    "khokhlov"). The skeleton folds transliterations (Khokhlov, Hohlov); the Latin letters
    keep what the skeleton folds away in short words (Жанна: zhanna, skeleton "ana")."""
    if not name:
        return ()
    text = fold_lookalikes(name).replace("ё", "е").replace("Ё", "Е")
    lower = text.lower()
    if len(lower) == len(text):
        # Long legal forms blanked out where they stand, keeping the case of the rest.
        for match in LONG_FORMS_RE.finditer(lower):
            text = text[: match.start()] + " " * (match.end() - match.start()) + text[match.end() :]
    tokens = [
        token
        for word in _LETTERS.findall(text)
        # Two words typed without the space between them: "ТатьянаТимуровна".
        for token in _CAMEL.split(word)
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


# Russian given names and the forms people write them in (Саша Иванов, Наташа, Наталия): the
# skeleton of each form to the skeletons of the full names it may stand for. Names of no short
# form are here too: many are a letter apart from another name (Дина and Диана, Алина and Алёна,
# Даниил and Данила), and two of them are two people, not a typo.
_GIVEN_NAMES_TEXT = {
    "Александр": "Саша, Шура, Алекс, Sasha",
    "Александра": "Саша, Шура",
    "Алексей": "Лёша, Алёша, Лёха",
    "Алина": "",
    "Алла": "",
    "Альберт": "",
    "Анастасия": "Настя",
    "Анатолий": "Толя",
    "Андрей": "Андрюша",
    "Анна": "Аня, Анюта",
    "Антон": "Тоша",
    "Арина": "",
    "Арсений": "",
    "Артём": "Тёма, Артем",
    "Артур": "",
    "Богдан": "",
    "Борис": "Боря",
    "Вадим": "",
    "Валентин": "Валя",
    "Валентина": "Валя",
    "Валерий": "Валера",
    "Варвара": "",
    "Василий": "Вася",
    "Вера": "",
    "Вероника": "",
    "Виктор": "Витя",
    "Виктория": "Вика",
    "Владимир": "Вова, Володя",
    "Владислав": "Влад, Слава",
    "Вячеслав": "Слава",
    "Галина": "Галя",
    "Геннадий": "Гена",
    "Георгий": "Жора, Гоша, Егор",
    "Глеб": "",
    "Григорий": "Гриша",
    "Даниил": "",
    "Данила": "",
    "Дарья": "Даша",
    "Денис": "",
    "Диана": "",
    "Дина": "",
    "Дмитрий": "Дима, Митя",
    "Евгений": "Женя",
    "Евгения": "Женя",
    "Егор": "",
    "Екатерина": "Катя",
    "Елена": "Лена, Алёна",
    "Елизавета": "Лиза",
    "Жанна": "",
    "Зоя": "",
    "Иван": "Ваня",
    "Игорь": "",
    "Илья": "Илюша",
    "Инна": "",
    "Ирина": "Ира",
    "Карина": "",
    "Кира": "",
    "Кирилл": "",
    "Константин": "Костя",
    "Кристина": "",
    "Ксения": "Ксюша",
    "Лариса": "",
    "Лев": "",
    "Леонид": "Лёня",
    "Лидия": "",
    "Лилия": "",
    "Любовь": "Люба",
    "Людмила": "Люда, Мила",
    "Максим": "Макс",
    "Маргарита": "Рита",
    "Марина": "",
    "Мария": "Маша",
    "Марк": "",
    "Матвей": "",
    "Милана": "",
    "Михаил": "Миша",
    "Надежда": "Надя",
    "Наталья": "Наташа, Наталия",
    "Никита": "",
    "Николай": "Коля",
    "Нина": "",
    "Оксана": "",
    "Олег": "",
    "Олеся": "",
    "Ольга": "Оля",
    "Павел": "Паша",
    "Пётр": "Петя",
    "Полина": "",
    "Раиса": "",
    "Роман": "Рома",
    "Ростислав": "",
    "Руслан": "",
    "Светлана": "Света",
    "Семён": "Сёма",
    "Сергей": "Серёжа",
    "Софья": "Соня, София",
    "Станислав": "Стас, Слава",
    "Степан": "",
    "Тамара": "",
    "Татьяна": "Таня",
    "Тимофей": "",
    "Тимур": "",
    "Ульяна": "",
    "Фёдор": "",
    "Эльвира": "",
    "Эмма": "",
    "Юлиан": "",
    "Юлиана": "",
    "Юлия": "Юля",
    "Юрий": "Юра",
    "Яков": "Яша",
    "Ян": "",
    "Яна": "",
    "Ярослав": "Слава",
}


def _name_skeleton(name):
    return skeleton(_NOT_ALNUM.sub("", anyascii(name.lower().replace("ё", "е")).lower()))


def _given_names():
    names = {}
    for full, forms in _GIVEN_NAMES_TEXT.items():
        for form in (full, *filter(None, map(str.strip, forms.split(",")))):
            names.setdefault(_name_skeleton(form), set()).add(_name_skeleton(full))
    return names


GIVEN_NAMES = _given_names()


def two_given_names(a, b):
    """Whether two skeletons are two given names (Дина and Диана): two people, not a typo. The
    male and female forms of one name (Валентин, Валентина) may be a letter typed or lost: the
    other words of the name tell."""
    if a == b or a + "a" == b or b + "a" == a:
        return False
    return a in GIVEN_NAMES and b in GIVEN_NAMES and not same_given_name(a, b)


def same_given_name(a, b):
    """Whether two skeletons may be one given name in two forms (Саша and Александр, Наталья
    and Наталия): they stand for a full name in common."""
    return bool(GIVEN_NAMES.get(a, {a}) & GIVEN_NAMES.get(b, {b}))
