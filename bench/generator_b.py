#!/usr/bin/env python3
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A second labeled client base for the duplicate benchmark, independent of bench/generator.py.

What it is
    A generator of the client base of a Russian-speaking sales team (res.partner rows as dicts)
    in which every row carries the truth: ``cluster`` (the rows of one real-world client, the
    same legal entity or the same human being, share it) and ``kind`` (``original``,
    ``duplicate``, ``hard_negative``, ``contact``). ``duplicate_pairs`` turns the clusters into
    the pairs a duplicate detector should find.

Why a second one
    The suite's duplicate detector was tuned on the base of ``bench/generator.py``. This file
    was written by design without reading that generator, its tests or the detector: its name
    lists, its dirt and its patterns of shared contacts come from how client lists are really
    typed (Excel, 1C, phone books, business cards). It is never used to tune anything, so the
    precision and recall measured on it are honest estimates.

What a base of ``size`` top-level rows holds (rough rates, measured at size 100,000)
    * clients: ~45% companies, ~20% individual entrepreneurs (ИП), ~35% private persons; ~94% of
      the rows Russian, the rest from KZ, BY, UZ, DE, US, CN with their own phones and tax ids.
    * duplicates (~9.5% of the rows): ~9% of the clients entered again, 1 to 3 times (80% once),
      placed later in the list. ~40% of the duplicate pairs (a third of the pairs with the
      original) share no INN, phone or email at all, only a name variant with an address, a
      city or a website:
      - person names as people write them: surname first or last, patronymic dropped,
        initials with and without dots or spaces, CAPS, lower case, diminutives, Latin
        spellings of several schemes, ё/е, one typo (dropped, doubled, swapped or neighbouring
        key), Наталья/Наталия; entrepreneurs as "ИП Хохлов В.Б.", "Хохлов В.Б. ИП",
        "Индивидуальный предприниматель ...", "(ИП)", or as a private person without INN;
      - the same person with the same number in another format, a changed number, a second
        number, only a mobile, only an email (another personal one or a work one), only a
        compatible address, only the INN, or only the name and the city;
      - companies with the legal form before or after, abbreviated or in full, EGRUL capitals,
        any quotes (nested for ТД/ГК/СК...), Latin (OOO Romashka), Latin lookalike letters,
        hyphenation variants (Стройснаб / Строй-Снаб), one typo with the same street, with and
        without INN or KPP, another salesperson's contact phone, the INN typed into the comment.
    * hard negatives (~5% of the rows), each a client of its own built to resemble an earlier
      one: employees entered as private persons with the office switchboard and a shared mailbox
      (office@, buh@...) (~24%); namesakes in the same city (~12%); family members sharing a
      phone and an address (~11%); relatives or colleagues with disagreeing initials sharing a
      phone, Козлов В.Г. / Козлов Виктор Петрович (~10%); a secretary's phone on another
      director (~6%); companies of the same name in the same city (~9%), of the same brand
      with another legal form (~7%), brand variants Ромашка / Ромашка-Юг / Ромашка Плюс (~9%),
      branches with the INN of the head office, their own KPP and city (~6%), holdings and
      subsidiaries sharing a website or a mail domain (~5%). Common full names (Иванов Иван
      Иванович) and common brands also repeat naturally across the base.
    * key contacts (~0.27 per top-level row): 0 to 3 per company, with a function, the
      switchboard with an extension or an own mobile, a personal or a shared mailbox; ~4% of
      them entered twice (the only contacts sharing a cluster), and some copies of a company
      carry again a contact of the original.
    * dirt everywhere: stray and double spaces, caps lock, "нет" / "-" typed into empty fields,
      a phone typed into the comment or the email field, city spellings (СПб, Питер, г. Москва),
      the full postal address pasted into the street.

Every INN, KPP, OGRN and OGRNIP has valid check digits; every phone is a valid number of its
country once parsed (placeholders such as "нет" aside); personal phones, personal emails, INNs
and company domains are unique, so every contact shared across clusters is a deliberate pattern.
Output is deterministic for (size, seed), the top-level rows being the same with or without
contacts. Stdlib and python-stdnum only.

Command line
    python bench/generator_b.py --size 100000 --seed 0 [--no-contacts] [--out base.jsonl]
writes JSON lines (stdout by default) and a summary (kinds, pairs, patterns) to stderr.
"""

import argparse
import bisect
import datetime
import gc
import heapq
import itertools
import json
import math
import sys
import time
from collections import Counter, defaultdict
from random import Random

from stdnum.by import unp as by_unp
from stdnum.cn import uscc as cn_uscc
from stdnum.exceptions import ValidationError
from stdnum.iso7064 import mod_11_10
from stdnum.ru import inn as ru_inn

REF_PREFIX = "GENB"
KEYS = (
    "ref",
    "parent_ref",
    "name",
    "is_company",
    "client_type",
    "function",
    "vat",
    "kpp",
    "ogrn",
    "phone",
    "mobile",
    "email",
    "website",
    "street",
    "city",
    "zip",
    "country_code",
    "birthday",
    "comment",
    "cluster",
    "kind",
)
# What people type into a field they have nothing for; never a phone, email or address.
PLACEHOLDERS = ("нет", "-", "—", "н/д", "нет данных", "не указан", "0", "?", "отсутствует")

_TEMPLATE = dict.fromkeys(KEYS)


class _Pick:
    """A weighted choice, faster than Random.choices for the millions of draws of a big base."""

    __slots__ = ("items", "cum", "total")

    def __init__(self, pairs):
        self.items = [item for item, _ in pairs]
        self.cum = list(itertools.accumulate(weight for _, weight in pairs))
        self.total = self.cum[-1]

    def __call__(self, rng):
        return self.items[min(bisect.bisect_right(self.cum, rng.random() * self.total), len(self.items) - 1)]


def _weighted(text):
    """ "Иван:4 Пётр" -> [("Иван", 4.0), ("Пётр", 1.0)]: vocabularies stay readable in the file."""
    pairs = []
    for token in text.split():
        word, _, weight = token.partition(":")
        pairs.append((word, float(weight) if weight else 1.0))
    return pairs


# -- people ---------------------------------------------------------------------------------
# Male surname forms; the first ones are the most frequent in Russia, so namesakes come naturally.
_SURNAMES_RU = _Pick(
    _weighted(
        "Иванов:8 Смирнов:7 Кузнецов:7 Попов:6 Васильев:6 Петров:6 Соколов:5 Михайлов:5 Новиков:5 Фёдоров:5 "
        "Морозов:5 Волков:5 Алексеев:4 Лебедев:4 Семёнов:4 Егоров:4 Павлов:4 Козлов:4 Степанов:4 Николаев:4 "
        "Орлов:2 Андреев:2 Макаров:2 Никитин:2 Захаров:2 Зайцев:2 Соловьёв:2 Борисов:2 Яковлев:2 Григорьев:2 "
        "Романов:2 Воробьёв:2 Сергеев:2 Кузьмин:2 Фролов:2 Александров:2 Дмитриев:2 Королёв:2 Гусев:2 "
        "Киселёв:2 Ильин:2 Максимов:2 Поляков:2 Сорокин:2 Виноградов:2 Ковалёв:2 Белов:2 Медведев:2 Антонов:2 "
        "Тарасов:2 Жуков:2 Баранов:2 Филиппов:2 Комаров:2 Давыдов:2 Беляев:2 Герасимов:2 Богданов:2 Осипов:2 "
        "Сидоров:2 Матвеев:2 Титов:2 Марков:2 Миронов:2 Крылов:2 Куликов:2 Карпов:2 Власов:2 Мельников:2 "
        "Денисов Гаврилов Тихонов Казаков Афанасьев Данилов Савельев Тимофеев Фомин Чернов Абрамов Мартынов "
        "Ефимов Федотов Щербаков Назаров Калинин Исаев Чернышёв Быков Маслов Родионов Коновалов Лазарев "
        "Воронин Климов Филатов Пономарёв Голубев Кудрявцев Прохоров Наумов Потапов Журавлёв Овчинников "
        "Трофимов Леонов Соболев Ермаков Колесников Гончаров Емельянов Никифоров Грачёв Котов Гришин Ефремов "
        "Архипов Громов Кириллов Малышев Панов Моисеев Румянцев Акимов Кондратьев Бирюков Горбунов Анисимов "
        "Ерёмин Тихомиров Галкин Лукьянов Михеев Скворцов Юдин Белоусов Нестеров Симонов Прокофьев Харитонов "
        "Князев Цветков Левин Митрофанов Воронцов Хохлов Шубин Рябов Зимин Сёмин Лапин Кошкин Шишкин Синицын "
        "Курицын Птицын Блинов Блохин Бобров Буров Веселов Вишняков Горшков Дроздов Жданов Зуев Зыков Исаков "
        "Кабанов Калашников Карасёв Клюев Кольцов Копылов Краснов Кулагин Лыков Мамонтов Мухин Пахомов Рогов "
        "Рожков Русаков Савин Сазонов Суханов Сычёв Третьяков Уваров Устинов Фадеев Фокин Хомяков Чеботарёв "
        "Чижов Шаров Шестаков Шилов Щукин Яшин Островский Вишневский Жуковский Покровский Успенский "
        "Рождественский Троицкий Высоцкий Белецкий Заболоцкий Яблонский Садовский Каменский Соколовский "
        "Добровольский Домбровский Толстой Луговой Боровой Береговой Белый Черных Седых Белых Долгих Мягких "
        "Русских Шевченко Ткаченко Бондаренко Коваленко Кравченко Савченко Марченко Руденко Лысенко Гриценко "
        "Павленко Сидоренко Ковальчук Полищук Мельничук Гнатюк Данилюк Шевчук Кравчук Жук Шмидт Миллер Майер "
        "Вебер Фишер Гофман Циммерман Кац Рабинович Гуревич Коган Лернер Хабибуллин Сафин Гарипов Зарипов "
        "Галиев Ахметов Нуриев Шарипов Мухаметшин Закиров Валиев Гилязов Файзуллин Габдуллин Хайруллин Алиев "
        "Мамедов Гасанов Гусейнов Абдуллаев Магомедов Рамазанов Исмаилов Оганесян Саркисян Петросян Григорян "
        "Карапетян Акопян Арутюнян Манукян Гелашвили Беридзе Ким Цой Пак"
    )
)
_MALE_RU = _Pick(
    _weighted(
        "Александр:7 Сергей:7 Дмитрий:6 Андрей:6 Алексей:6 Владимир:5 Евгений:4 Иван:4 Михаил:4 Николай:3 "
        "Максим:3 Игорь:3 Павел:3 Юрий:3 Виктор:3 Олег:3 Роман:3 Денис:2 Артём:2 Константин:2 Антон:2 Вадим:2 "
        "Василий:2 Анатолий:2 Валерий:2 Геннадий:2 Владислав:2 Никита:2 Илья:2 Кирилл:2 Станислав Борис "
        "Григорий Пётр Леонид Вячеслав Георгий Фёдор Тимур Руслан Ринат Марат Эдуард Виталий Аркадий Лев Семён "
        "Степан Яков Матвей Тимофей Даниил Глеб Ярослав Арсений Егор Рустам Айдар Ростислав Эльдар"
    )
)
_FEMALE_RU = _Pick(
    _weighted(
        "Елена:6 Ольга:5 Наталья:5 Татьяна:5 Ирина:5 Светлана:4 Екатерина:4 Анна:4 Юлия:4 Мария:3 Марина:3 "
        "Анастасия:3 Надежда:2 Людмила:2 Галина:2 Валентина:2 Любовь:2 Оксана:2 Дарья:2 Ксения:2 Виктория:2 "
        "Лариса:2 Алла Полина Алина Вера Нина Евгения Кристина Алёна Софья Тамара Жанна Инна Валерия "
        "Маргарита Диана Эльвира Гульнара Лилия Регина Олеся Яна Елизавета Варвара Зоя Раиса Наталия"
    )
)
# Fathers' names of the CIS: patronymics are built from them by the Russian rules.
_SURNAMES_KZ = _Pick(
    _weighted(
        "Ахметов:2 Жумабаев:2 Нурпеисов Сейткалиев Байжанов Тулегенов Оспанов Искаков Султанов Бекмуханов "
        "Омаров Касымов Сагинтаев Абенов Муканов Иванов:2 Ким Попов Шевченко Петров"
    )
)
_MALE_KZ = _Pick(
    _weighted("Ерлан Серик Нурлан Асхат Бауыржан Данияр Ержан Арман Марат Тимур Кайрат Айдос Сергей Александр")
)
_FEMALE_KZ = _Pick(_weighted("Айгуль Гульнара Динара Жанар Асель Алия Мадина Сауле Айжан Камила Елена Ольга"))
_SURNAMES_BY = _Pick(
    _weighted(
        "Ковалевич Лукашевич Жук Новик Шевчук Козловский Василевский Бондарь Мельник Климович Яцкевич "
        "Войтович Сенкевич Статкевич Иванов:2 Козлов Новиков Кузнецов Петров Мороз Якубович"
    )
)
_SURNAMES_UZ = _Pick(
    _weighted("Каримов Рахимов Юсупов Алиев Усманов Расулов Хасанов Турсунов Мирзаев Эргашев Назаров Абдуллаев")
)
_MALE_UZ = _Pick(_weighted("Рустам Шерзод Дилшод Азиз Бахтиёр Жасур Фаррух Улугбек Тимур Санжар"))
_FEMALE_UZ = _Pick(_weighted("Нигора Дилноза Гулнора Шахноза Малика Зарина Феруза Севара"))
_LATIN_PEOPLE = {
    "DE": (
        "Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Koch Richter Klein Wolf "
        "Schröder Neumann".split(),
        "Thomas Michael Andreas Stefan Klaus Jürgen Matthias Frank".split(),
        "Anna Julia Sabine Petra Katrin Monika Claudia Birgit".split(),
    ),
    "US": (
        "Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson Taylor Thomas Moore".split(),
        "John Michael David Robert James William Richard Daniel".split(),
        "Mary Jennifer Linda Susan Emily Sarah Jessica Karen".split(),
    ),
    "CN": (
        "Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun".split(),
        "Wei Jun Lei Yong Tao Qiang Hao Ming".split(),
        "Fang Na Min Jing Yan Hui Li Xiu".split(),
    ),
}

_PATRONYMIC_EXCEPTIONS = {
    "Илья": ("Ильич", "Ильинична"),
    "Никита": ("Никитич", "Никитична"),
    "Лев": ("Львович", "Львовна"),
    "Пётр": ("Петрович", "Петровна"),
    "Павел": ("Павлович", "Павловна"),
    "Яков": ("Яковлевич", "Яковлевна"),
    "Дмитрий": ("Дмитриевич", "Дмитриевна"),
    "Георгий": ("Георгиевич", "Георгиевна"),
}


def _patronymic(father, fem):
    """The Russian patronymic of a father's name, feminine for a daughter."""
    if father in _PATRONYMIC_EXCEPTIONS:
        return _PATRONYMIC_EXCEPTIONS[father][fem]
    if father.endswith("ий"):  # Василий -> Васильевич
        stem, male, female = father[:-2], "ьевич", "ьевна"
    elif father.endswith(("ей", "ай")):  # Сергей -> Сергеевич, Николай -> Николаевич
        stem, male, female = father[:-1], "евич", "евна"
    elif father.endswith("ь"):  # Игорь -> Игоревич
        stem, male, female = father[:-1], "евич", "евна"
    else:
        stem, male, female = father, "ович", "овна"
    return stem + (female if fem else male)


def _feminine(surname):
    """A woman's form of a surname: Хохлов -> Хохлова, Островский -> Островская; Шевченко stays."""
    if surname.endswith(("ов", "ев", "ёв", "ин", "ын")):
        return surname + "а"
    if surname.endswith(("ский", "цкий")):
        return surname[:-2] + "ая"
    if surname.endswith(("ой", "ый")):
        return surname[:-2] + "ая"
    return surname


_DIMINUTIVES = {
    "Александр": "Саша",
    "Сергей": "Серёжа",
    "Дмитрий": "Дима",
    "Алексей": "Лёша",
    "Владимир": "Володя",
    "Евгений": "Женя",
    "Иван": "Ваня",
    "Михаил": "Миша",
    "Николай": "Коля",
    "Максим": "Макс",
    "Павел": "Паша",
    "Юрий": "Юра",
    "Виктор": "Витя",
    "Константин": "Костя",
    "Василий": "Вася",
    "Анатолий": "Толя",
    "Валерий": "Валера",
    "Геннадий": "Гена",
    "Владислав": "Влад",
    "Станислав": "Стас",
    "Вячеслав": "Слава",
    "Григорий": "Гриша",
    "Пётр": "Петя",
    "Елена": "Лена",
    "Ольга": "Оля",
    "Наталья": "Наташа",
    "Наталия": "Наташа",
    "Татьяна": "Таня",
    "Ирина": "Ира",
    "Светлана": "Света",
    "Екатерина": "Катя",
    "Анна": "Аня",
    "Мария": "Маша",
    "Юлия": "Юля",
    "Анастасия": "Настя",
    "Надежда": "Надя",
    "Людмила": "Люда",
    "Галина": "Галя",
    "Валентина": "Валя",
    "Любовь": "Люба",
    "Дарья": "Даша",
    "Ксения": "Ксюша",
    "Виктория": "Вика",
    "Евгения": "Женя",
    "Елизавета": "Лиза",
    "Софья": "Соня",
}
# Names with two official spellings that people mix up.
_SPELLINGS = {"Наталья": "Наталия", "Наталия": "Наталья", "Софья": "София", "Дарья": "Дария", "Алёна": "Алена"}
# Full names so common that one base holds many different people carrying them.
_COMMON_FULL = (  # (surname, given name, father's name, woman?)
    ("Иванов", "Иван", "Иван", False),
    ("Смирнов", "Александр", "Сергей", False),
    ("Кузнецов", "Сергей", "Владимир", False),
    ("Попов", "Андрей", "Николай", False),
    ("Петров", "Дмитрий", "Александр", False),
    ("Иванов", "Александр", "Виктор", False),
    ("Иванов", "Елена", "Александр", True),
    ("Смирнов", "Ольга", "Владимир", True),
    ("Кузнецов", "Татьяна", "Николай", True),
    ("Васильев", "Наталья", "Сергей", True),
)

# -- companies ------------------------------------------------------------------------------
_FORMS = {
    "ООО": ("Общество с ограниченной ответственностью", ("OOO", "LLC", "Ltd")),
    "АО": ("Акционерное общество", ("AO", "JSC")),
    "ЗАО": ("Закрытое акционерное общество", ("ZAO", "CJSC")),
    "ПАО": ("Публичное акционерное общество", ("PAO", "PJSC")),
    "ОАО": ("Открытое акционерное общество", ("OAO", "OJSC")),
    "АНО": ("Автономная некоммерческая организация", ("ANO",)),
    "МУП": ("Муниципальное унитарное предприятие", ("MUP",)),
    "ГУП": ("Государственное унитарное предприятие", ("GUP",)),
    "ТОО": ("Товарищество с ограниченной ответственностью", ("TOO", "LLP")),
    "ОДО": ("Общество с дополнительной ответственностью", ("ODO",)),
    "ЧУП": ("Частное унитарное предприятие", ("ChUP",)),
    "ЧТУП": ("Частное торговое унитарное предприятие", ("ChTUP",)),
}
_FORM_PICK = {
    "RU": _Pick(_weighted("ООО:72 АО:11 ЗАО:4 ПАО:1 ОАО:2 АНО:1.5 МУП:1 ГУП:1")),
    "KZ": _Pick(_weighted("ТОО:85 АО:15")),
    "BY": _Pick(_weighted("ООО:50 ОДО:8 ЧУП:20 ЧТУП:8 ОАО:8 ЗАО:6")),
    "UZ": _Pick(_weighted("ООО:85 АО:15")),
}
# Kinds of business written before the brand inside the registered name: ООО «ТД «Вектор»».
_PREFIXES = {
    "ТД": "Торговый дом",
    "ГК": "Группа компаний",
    "ТК": "Транспортная компания",
    "СК": "Строительная компания",
    "ПКФ": "Производственно-коммерческая фирма",
    "НПП": "Научно-производственное предприятие",
    "ЧОП": "Частное охранное предприятие",
    "УК": "Управляющая компания",
    "ТПК": "Торгово-производственная компания",
    "МЦ": "Медицинский центр",
    "АН": "Агентство недвижимости",
}
_PREFIX_PICK = _Pick(_weighted("ТД:5 ГК:3 ТК:2 СК:2 ПКФ:1 НПП:1 ЧОП:1 УК:1 ТПК:1 МЦ:1 АН:1"))
_BRAND_WORDS = (
    "Альфа Вега Сигма Омега Дельта Гамма Меридиан Гранит Импульс Вектор Прогресс Стандарт Гарант Лидер "
    "Партнёр Альянс Союз Феникс Атлант Титан Орион Сириус Полюс Горизонт Восход Рассвет Заря Радуга Берёзка "
    "Ромашка Ландыш Магнолия Калина Рябина Янтарь Малахит Аметист Изумруд Сапфир Рубин Кристалл Алмаз "
    "Платина Эталон Формула Спектр Кварц Модуль Интеграл Квант Ресурс Капитал Актив Базис Фактор Статус "
    "Престиж Комфорт Уют Очаг Маяк Парус Фрегат Якорь Штурман Навигатор Магистраль Магнит Вертикаль "
    "Перспектива Инициатива Стимул Динамика Энергия Сфера Призма Оптима Максимум Профи Мастер Технолог "
    "Механик Агроном Мельница Северянка Волжанка Кубань Дон Волга Ока Кама Енисей Ангара Байкал Алтай Урал "
    "Амур Нева Ладога Онега Балтика Таймыр Ямал Эльбрус Бирюса Тайга Юнона Флора Аврора Виктория Ника "
    "Глория Нептун Юпитер Меркурий Зенит Кедр Лотос Сокол Беркут Ястреб Чайка Пеликан Бизон Мираж Элегант"
).split()
_COMPOUND_HEADS = (
    "Строй Пром Агро Техно Энерго Авто Транс Газ Нефте Мед Фарм Хим Металл Лес Тепло Электро Спец Гео Эко "
    "Инвест Торг Снаб Сиб Урал Волго Дон Кубань Мос Петро Нева Сев Юг Даль Рос Евро Интер Бизнес Инфо"
).split()
_COMPOUND_TAILS = (
    "снаб сервис монтаж трейд строй комплект ресурс групп инвест маш пласт лит прибор проект торг холдинг "
    "логистик транс тех систем капитал альянс пром маркет энерго мебель продукт ком"
).split()
_PHRASES = (
    "Северный ветер|Белый медведь|Золотой колос|Зелёная долина|Тёплый дом|Новый век|Русский лес|"
    "Сибирский берег|Уральские самоцветы|Ясная поляна|Чистый мир|Добрый хлеб|Синяя птица|Старый город|"
    "Три медведя|Семь ветров|Седьмое небо|Мир окон|Мир дверей|Дом света|Город мастеров|Белые ночи|"
    "Красная горка|Золотая рыбка|Весёлый молочник|Вкусный дом|Первая линия|Большая медведица|Новые технологии|"
    "Деловые линии связи|Чистая вода|Тёплый край|Железный век|Лесная сказка|Южный берег"
).split("|")
# Words after a brand: "Альфа Строй", "Вега-Трейд". The same words make the brand variants of hard negatives.
_DESCRIPTORS = (
    "Строй Трейд Сервис Групп Плюс Логистик Инвест Проект Техно Маркет Девелопмент Консалт Медиа Авто Агро "
    "Энерго Мед Дизайн Текстиль Фарм Холдинг Софт Лайн Эксперт Систем Снаб Опт Монтаж"
).split()
# Brands in English, written in Cyrillic or in Latin letters: "Смарт Системс", "Green House".
_ANGLO_CYR = (
    "Смарт Бизнес Интер Глобал Про Мега Нео Стар Прайм Бест Грин Диджитал Юнит Опти".split(),
    "Системс Лайн Трейд Логистик Сервис Тех Групп Солюшнс Вэй Хаус Маркет Лаб".split(),
)
_ANGLO_LAT = (
    "Smart Digital Prime Green Neo Best Pro Techno Global Union Blue Alpha".split(),
    "Solutions Line Trade Group Systems House Park Way Lab Market Tech Service".split(),
)
_SHORT_LETTERS = "АБВГДЕКЛМНПРСТУЭЮЯ"
_SHORT_FORMS = ("ТК", "СК", "ПМК", "СМУ", "РСУ", "ДСК", "АТП", "ПСК", "МТК", "НПО", "ИТС", "СУ", "ТСК", "ЭКС")
_BRAND_VARIANTS = ("-Юг", " Плюс", "-М", "-Сервис", " Трейд", "-2", "-Север", " Групп", "-Центр", "-Профи", " Лайн")
_HOLDING_TAILS = ("Логистик", "Девелопмент", "Снаб", "Агро", "Финанс", "Сервис", "Ритейл", "Строй", "Трейд")
_KZ_BRANDS = "Алтын Жулдыз Нур Береке Самал Тулпар Дала Шолпан Арман Жетысу Каспий Сарыарка Атамекен".split()
_BY_BRANDS = "Белпромторг Белтехснаб Минскстрой Белагро Полесье Неман Припять Березина Белмаркет Гомельторг".split()
_UZ_BRANDS = "Навруз Самарканд Бухара Зарафшан Ипак Олтин Сайхун Бахор Нихол Турон".split()
_LATIN_COMPANIES = {
    "DE": (
        "Müller Schmidt Schneider Fischer Weber Becker Hoffmann Krüger Bauer Wagner".split(),
        "Maschinenbau|Logistik|Handels|Elektrotechnik|Anlagenbau|Medizintechnik|Kunststofftechnik|Antriebstechnik".split(
            "|"
        ),
        ("GmbH", "GmbH", "GmbH", "AG", "GmbH & Co. KG"),
    ),
    "US": (
        "Blue Ridge|Pacific|Atlas|Summit|Liberty|Evergreen|Keystone|Redwood|Granite State|Lakeshore".split("|"),
        "Trading|Industrial Supply|Equipment|Technologies|Logistics|Foods|Components|Solutions".split("|"),
        ("Inc.", "LLC", "Corp."),
    ),
    "CN": (
        "Shenzhen Huaxin|Ningbo Jinlong|Guangzhou Hongda|Yiwu Xinyuan|Shanghai Tianli|Shenzhen Haoyu|"
        "Qingdao Dongfang|Xiamen Zhongtai|Hangzhou Weida|Foshan Mingyang".split("|"),
        "Electronics|Trading|Machinery|Technology|Industrial|Import & Export|Plastic Products|Auto Parts".split("|"),
        ("Co., Ltd.",),
    ),
}
_LATIN_FORM_VARIANTS = {
    "GmbH": ("GmbH", "Gmbh", "GMBH", "G.m.b.H."),
    "AG": ("AG", "A.G."),
    "GmbH & Co. KG": ("GmbH & Co. KG", "GmbH & Co KG", "GmbH&Co.KG"),
    "Inc.": ("Inc.", "Inc", ", Inc.", "Incorporated"),
    "LLC": ("LLC", "L.L.C.", ", LLC"),
    "Corp.": ("Corp.", "Corporation", "Corp"),
    "Co., Ltd.": ("Co., Ltd.", "Co.,Ltd", "CO., LTD.", "Co. Ltd", "Company Limited"),
}
_QUOTES = _Pick([(("«", "»"), 40), (('"', '"'), 42), (("“", "”"), 5), (("„", "“"), 3), (("'", "'"), 4), (("", ""), 6)])

# -- places ---------------------------------------------------------------------------------
# name:weight, region code (INN, KPP, OGRN), phone area codes, zip bases, spellings people use.
_CITY_TABLE = (
    "Москва|28|77|495 499|101000 103000 105000 107000 109000 111000 115000 117000 119000 121000 123000 125000 "
    "127000 129000|г. Москва;москва;МОСКВА;Мск;г.Москва;Moscow",
    "Санкт-Петербург|12|78|812|190000 191000 192000 193000 194000 195000 196000 197000 198000 199000|СПб;Питер;"
    "С-Петербург;Санкт Петербург;г. Санкт-Петербург;спб;Saint Petersburg",
    "Новосибирск|3|54|383|630000|г. Новосибирск;новосибирск;Н-ск",
    "Екатеринбург|3.2|66|343|620000|г. Екатеринбург;Екб;екатеринбург",
    "Казань|2.6|16|843|420000|г. Казань;казань",
    "Нижний Новгород|2.5|52|831|603000|Н. Новгород;Н.Новгород;г. Нижний Новгород",
    "Челябинск|2|74|351|454000|г. Челябинск;челябинск",
    "Самара|2|63|846|443000|г. Самара;самара",
    "Омск|1.5|55|3812|644000|г. Омск",
    "Ростов-на-Дону|2|61|863|344000|Ростов на Дону;Ростов-на-дону;Ростов н/Д;г. Ростов-на-Дону",
    "Уфа|1.6|02|347|450000|г. Уфа;уфа",
    "Красноярск|1.6|24|391|660000|г. Красноярск",
    "Воронеж|1.5|36|473|394000|г. Воронеж",
    "Пермь|1.5|59|342|614000|г. Пермь;пермь",
    "Волгоград|1.3|34|8442|400000|г. Волгоград",
    "Краснодар|2.2|23|861|350000|г. Краснодар;краснодар",
    "Саратов|1|64|8452|410000|г. Саратов",
    "Тюмень|1.2|72|3452|625000|г. Тюмень",
    "Тольятти|0.8|63|8482|445000|г. Тольятти",
    "Ижевск|0.8|18|3412|426000|г. Ижевск",
    "Барнаул|0.8|22|3852|656000|г. Барнаул",
    "Ульяновск|0.7|73|8422|432000|г. Ульяновск",
    "Иркутск|0.9|38|3952|664000|г. Иркутск",
    "Хабаровск|0.8|27|4212|680000|г. Хабаровск",
    "Ярославль|0.8|76|4852|150000|г. Ярославль",
    "Владивосток|0.9|25|423|690000|г. Владивосток;Владик",
    "Томск|0.7|70|3822|634000|г. Томск",
    "Оренбург|0.6|56|3532|460000|г. Оренбург",
    "Кемерово|0.6|42|3842|650000|г. Кемерово",
    "Новокузнецк|0.5|42|3843|654000|г. Новокузнецк",
    "Рязань|0.6|62|4912|390000|г. Рязань",
    "Набережные Челны|0.5|16|8552|423800|Наб. Челны;Н. Челны",
    "Астрахань|0.5|30|8512|414000|г. Астрахань",
    "Пенза|0.5|58|8412|440000|г. Пенза",
    "Липецк|0.5|48|4742|398000|г. Липецк",
    "Киров|0.5|43|8332|610000|г. Киров",
    "Чебоксары|0.5|21|8352|428000|г. Чебоксары",
    "Тула|0.6|71|4872|300000|г. Тула",
    "Калининград|0.7|39|4012|236000|г. Калининград",
    "Курск|0.5|46|4712|305000|г. Курск",
    "Ставрополь|0.5|26|8652|355000|г. Ставрополь",
    "Сочи|0.6|23|862|354000|г. Сочи",
    "Тверь|0.5|69|4822|170000|г. Тверь",
    "Магнитогорск|0.4|74|3519|455000|г. Магнитогорск",
    "Брянск|0.4|32|4832|241000|г. Брянск",
    "Иваново|0.4|37|4932|153000|г. Иваново",
    "Белгород|0.5|31|4722|308000|г. Белгород",
    "Сургут|0.5|86|3462|628400|г. Сургут",
    "Владимир|0.4|33|4922|600000|г. Владимир",
    "Архангельск|0.4|29|8182|163000|г. Архангельск",
    "Калуга|0.4|40|4842|248000|г. Калуга",
    "Смоленск|0.3|67|4812|214000|г. Смоленск",
    "Вологда|0.3|35|8172|160000|г. Вологда",
    "Череповец|0.3|35|8202|162600|г. Череповец",
    "Мурманск|0.3|51|8152|183000|г. Мурманск",
    "Курган|0.3|45|3522|640000|г. Курган",
    "Кострома|0.3|44|4942|156000|г. Кострома",
    "Петрозаводск|0.3|10|8142|185000|г. Петрозаводск",
    "Тамбов|0.3|68|4752|392000|г. Тамбов",
    "Нижний Тагил|0.3|66|3435|622000|Н. Тагил;г. Нижний Тагил",
    "Якутск|0.3|14|4112|677000|г. Якутск",
    "Сыктывкар|0.2|11|8212|167000|г. Сыктывкар",
    "Улан-Удэ|0.3|03|3012|670000|г. Улан-Удэ;Улан Удэ",
    "Чита|0.3|75|3022|672000|г. Чита",
    "Благовещенск|0.2|28|4162|675000|г. Благовещенск",
    "Южно-Сахалинск|0.2|65|4242|693000|г. Южно-Сахалинск;Ю-Сахалинск",
    "Петропавловск-Камчатский|0.15|41|4152|683000|П-Камчатский;г. Петропавловск-Камчатский",
    "Великий Новгород|0.2|53|8162|173000|В. Новгород;Новгород",
    "Псков|0.2|60|8112|180000|г. Псков",
    "Стерлитамак|0.2|02|3473|453100|г. Стерлитамак",
    "Подольск|0.5|50|4967|142100|г. Подольск;г.о. Подольск",
    "Химки|0.4|50|495 498|141400|г. Химки",
    "Мытищи|0.4|50|495 498|141000|г. Мытищи",
    "Балашиха|0.5|50|495 498|143900|г. Балашиха",
    "Королёв|0.3|50|495 498|141070|Королев;г. Королёв",
    "Люберцы|0.3|50|495 498|140000|г. Люберцы",
    "Красногорск|0.3|50|495 498|143400|г. Красногорск",
    "Одинцово|0.3|50|495 498|143000|г. Одинцово",
    "Гатчина|0.2|47|81371|188300|г. Гатчина",
)
_FOREIGN_CITY_TABLE = {
    "KZ": (
        "Алматы|5|KZ|727|050000|Алма-Ата;г. Алматы",
        "Астана|3|KZ|7172|010000|Нур-Султан;г. Астана",
        "Шымкент|1|KZ|7252|160000|г. Шымкент",
        "Караганда|1|KZ|7212|100000|г. Караганда",
    ),
    "BY": (
        "Минск|6|BY|17|220000|г. Минск;минск",
        "Гомель|1|BY|232|246000|г. Гомель",
        "Брест|1|BY|162|224000|",
        "Витебск|1|BY|212|210000|",
        "Гродно|1|BY|152|230000|",
        "Могилёв|1|BY|222|212000|Могилев",
    ),
    "UZ": ("Ташкент|5|UZ|71|100000|г. Ташкент;Tashkent", "Самарканд|1|UZ|66|140100|"),
    "DE": (
        "Berlin|3|DE|30|10115|Берлин",
        "München|2|DE|89|80331|Munich;Мюнхен",
        "Hamburg|2|DE|40|20095|Гамбург",
        "Frankfurt am Main|1|DE|69|60306|Frankfurt;Франкфурт",
    ),
    "US": (
        "New York|3|US|212 646 718|10001|NY;Нью-Йорк",
        "Chicago|1|US|312 773|60601|",
        "Los Angeles|1|US|213 310|90001|",
        "Houston|1|US|713|77001|",
    ),
    "CN": (
        "Shenzhen|3|CN|755|518000|Шэньчжэнь",
        "Guangzhou|2|CN|20|510000|Гуанчжоу",
        "Shanghai|2|CN|21|200000|Шанхай",
        "Ningbo|1|CN|574|315000|",
        "Yiwu|1|CN|579|322000|Иу",
    ),
}
_COUNTRY_PICK = _Pick(_weighted("RU:94 KZ:2 BY:1.7 UZ:0.6 DE:0.6 US:0.4 CN:0.7"))
_DIAL = {"RU": "7", "KZ": "7", "BY": "375", "UZ": "998", "DE": "49", "US": "1", "CN": "86"}
# Mobile codes per country: (code, subscriber width, lowest and highest+1 subscriber) of valid ranges.
_MOBILE_RANGES = {
    "RU": [
        (str(c), 7, 2_000_000, 10_000_000)
        for c in (*range(900, 940), 950, 951, 952, 953, 958, *range(960, 970), *range(977, 990), *range(991, 1000))
    ],
    "KZ": [(c, 7, 2_000_000, 10_000_000) for c in "700 701 702 705 707 708 747 771 775 776 777 778".split()],
    "BY": [
        ("29", 7, 2_000_000, 10_000_000),
        ("33", 7, 2_000_000, 10_000_000),
        ("44", 7, 2_000_000, 10_000_000),
        ("25", 7, 5_000_000, 8_000_000),
    ],
    "UZ": [(c, 7, 2_000_000, 10_000_000) for c in "90 91 93 94 95 97 98 99".split()],
    "DE": [(c, 8, 10_000_000, 100_000_000) for c in "151 152 157 159".split()]
    + [(c, 7, 1_000_000, 10_000_000) for c in "160 162 163 170 171 172 173 174 175 176 177 178 179".split()],
    "US": [],  # an American cell phone is an ordinary area-code number
    "CN": [
        (c, 8, 20_000_000, 100_000_000)
        for c in "130 131 132 135 136 137 138 139 150 151 152 158 159 186 188 189".split()
    ],
}
# Landline subscriber ranges where the first digits are restricted (the rest: 2..9 then anything).
_LANDLINE_RANGES = {"727": (2_000_000, 4_000_000)}
_NATIONAL_LEN = {"RU": 10, "KZ": 10, "BY": 9, "UZ": 9, "DE": 10, "US": 10, "CN": 11}

_STREETS_ADJ = (
    "Садовая Лесная Молодёжная Центральная Школьная Октябрьская Комсомольская Первомайская Заводская Новая "
    "Советская Московская Красная Пролетарская Южная Северная Полевая Зелёная Рабочая Железнодорожная "
    "Вокзальная Промышленная Индустриальная Профсоюзная Набережная Луговая Солнечная Трудовая"
).split()
_STREETS_GEN = (
    "Ленина Мира Гагарина Кирова Пушкина Строителей Победы Фрунзе Чапаева Лермонтова Горького Куйбышева "
    "Свердлова Дзержинского Маяковского Калинина Чкалова Суворова Труда Гоголя Чехова Толстого Некрасова "
    "Энгельса Мичурина Титова Королёва Карла_Маркса Степана_Разина Урицкого Луначарского 8_Марта "
    "Космонавтов Энтузиастов Дружбы Юности Жукова Кутузова Ломоносова Менделеева Пирогова"
).split()
_STREETS_GEN = [street.replace("_", " ") for street in _STREETS_GEN]  # Карла Маркса is one street
_FOREIGN_STREETS = {
    "DE": ("Hauptstraße", "Bahnhofstraße", "Industriestraße", "Gartenstraße", "Schillerstraße", "Lindenallee"),
    "US": ("Main Street", "Oak Avenue", "Market Street", "Elm Street", "Park Avenue", "Washington Blvd"),
    "CN": ("Nanshan Road", "Jiefang Road", "Renmin Road", "Zhongshan Road", "Binhai Avenue", "Keji Road"),
}
_STREET_TYPES = {
    "ул": (("ул.", "ул", "улица"), "улица"),
    "пр": (("пр-т", "просп.", "пр.", "проспект"), "проспект"),
    "пер": (("пер.", "переулок"), "переулок"),
    "бул": (("б-р", "бул.", "бульвар"), "бульвар"),
    "пр-д": (("пр-д", "проезд"), "проезд"),
    "пл": (("пл.", "площадь"), "площадь"),
}
_STREET_TYPE_PICK = _Pick(_weighted("ул:80 пр:8 пер:5 бул:3 пр-д:3 пл:1"))
_CITY_STREETS = {
    "Москва": (
        "Тверская",
        "Профсоюзная",
        "Новый Арбат",
        "Варшавское шоссе",
        "Ленинский проспект",
        "Кутузовский проспект",
    ),
    "Санкт-Петербург": (
        "Невский проспект",
        "Литейный проспект",
        "Гороховая",
        "Лиговский проспект",
        "Московский проспект",
    ),
}

# -- mail -----------------------------------------------------------------------------------
_FREE_MAIL = _Pick(
    _weighted(
        "mail.ru:30 yandex.ru:22 gmail.com:14 bk.ru:5 list.ru:5 inbox.ru:4 rambler.ru:5 ya.ru:4 icloud.com:2 "
        "outlook.com:2 yahoo.com:1"
    )
)
_FREE_MAIL_FOREIGN = {
    "KZ": "mail.kz",
    "BY": "tut.by",
    "UZ": "mail.uz",
    "DE": "gmx.de",
    "US": "gmail.com",
    "CN": "qq.com",
}
_ROLE_BOXES = _Pick(
    _weighted(
        "info:30 office:15 mail:8 sales:10 zakaz:8 secretary:3 priemnaya:3 buh:3 opt:3 snab:3 manager:3 director:2"
    )
)
_TLD = _Pick(_weighted("ru:80 com:6 su:2 net:3 org:2 online:2 pro:2 biz:1 info:2"))
_DOMAIN_SUFFIXES = ("-group", "24", "pro", "-ltd", "-rf", "-company", "-trade", "online", "-tk", "plus")
_NICKS = ("sunny", "lucky", "kotik", "tiger", "boss", "wolf", "angel", "star", "best", "super", "happy", "smile")

_FUNCTIONS = _Pick(
    [
        (
            (
                "Генеральный директор",
                ("ген. директор", "Ген.директор", "генеральный директор", "ГЕНЕРАЛЬНЫЙ ДИРЕКТОР"),
                0.25,
            ),
            18,
        ),
        (("Директор", ("директор", "Дир.", "ДИРЕКТОР"), 0.3), 8),
        (("Главный бухгалтер", ("гл. бухгалтер", "Гл.бух.", "главбух", "Гл. бух"), 0.85), 14),
        (("Бухгалтер", ("бухгалтер", "бухгалтерия"), 0.9), 6),
        (("Менеджер по закупкам", ("менеджер по закупкам", "закупки", "Менеджер"), 0.5), 12),
        (("Начальник отдела снабжения", ("нач. снабжения", "снабженец", "Нач.отдела снабжения"), 0.3), 6),
        (("Коммерческий директор", ("ком. директор", "коммерческий директор"), 0.3), 5),
        (("Финансовый директор", ("фин. директор", "Финдиректор"), 0.45), 3),
        (("Заместитель директора", ("зам. директора", "Зам.директора", "заместитель"), 0.35), 5),
        (("Офис-менеджер", ("офис менеджер", "Офис-менеджер"), 0.9), 4),
        (("Секретарь", ("секретарь", "приёмная", "Секретарь-референт"), 0.95), 4),
        (("Юрист", ("юрист", "Юрисконсульт"), 0.5), 3),
        (("Главный инженер", ("гл. инженер", "Гл.инженер"), 0.1), 3),
        (("Менеджер по продажам", ("менеджер", "Менеджер отдела продаж"), 0.5), 3),
        (("Руководитель отдела логистики", ("логист", "Логистика"), 0.3), 2),
        (("Владелец", ("владелец", "учредитель", "Собственник"), 0.2), 3),
        (("Системный администратор", ("сисадмин", "IT-специалист"), 0.1), 1),
        (("Прораб", ("прораб", "мастер участка"), 0.05), 1),
    ]
)
_SHARED_BOX_OF = {
    "Главный бухгалтер": "buh",
    "Бухгалтер": "buh",
    "Менеджер по закупкам": "zakaz",
    "Начальник отдела снабжения": "snab",
    "Секретарь": "priemnaya",
    "Офис-менеджер": "office",
    "Генеральный директор": "priemnaya",
    "Юрист": "legal",
    "Руководитель отдела логистики": "logistics",
}
_COMMENTS = (
    "Постоянный клиент|Звонить после 14:00|Просил не звонить по выходным|Скидка 5%|Скидка 10% по карте|"
    "Работает через секретаря|Пришёл по рекомендации|С выставки|Контакт с сайта|Оплата по безналу|Оплата наличными|"
    "Перезвонить в понедельник|VIP|Крупный опт|Мелкий опт|Ждёт КП|Отправили прайс|Интересуется доставкой в регионы|"
    "Не отвечает|Бывший клиент|Входящий звонок|Тендер|Был в офисе|Предпочитает WhatsApp|Пишет в Telegram|"
    "Звонить только на мобильный|Счета на почту|Холодный звонок|ЛПР|Самовывоз"
).split("|")
_CONTACT_COMMENTS = ("ЛПР", "Принимает решения", "Подписывает договоры", "Решает по оплатам", "В отпуске до сентября")

_KZ_BIN_WEIGHTS = ((1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11), (3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2))
_US_EIN_PREFIXES = ("10", "12", "20", "27", "30", "45", "46", "51", "52", "56", "61", "77", "81", "84", "86", "91")
_BIRTH_LO = datetime.date(1948, 1, 1).toordinal()
_BIRTH_HI = datetime.date(2004, 12, 31).toordinal()

# Latin spellings of Russian letters: several schemes live side by side (passport, ICAO, by ear).
_LAT = dict(
    zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
        "a b v g d e e zh z i y k l m n o p r s t u f kh ts ch sh shch _ y _ e yu ya".replace("_", "").split(" "),
        strict=True,
    )
)
_LAT_OPTIONS = {
    "х": ("kh", "h", "kh", "x"),
    "й": ("y", "i", "j"),
    "ю": ("yu", "iu", "ju"),
    "я": ("ya", "ia", "ja"),
    "ц": ("ts", "c", "tz"),
    "щ": ("shch", "sch", "sh"),
    "ё": ("e", "yo", "jo"),
    "ж": ("zh", "j"),
    "ь": ("", "", "'"),
}
_LAT_ENDINGS = ("iy", "y", "ii", "ij")  # Vasiliy / Vasily / Vasilii / Vasilij
_LOOKALIKES = str.maketrans("ОАЕРСКМТХоаерсух", "OAEPCKMTXoaepcyx")
_KEY_ROWS = ("йцукенгшщзхъ", "фывапролджэ", "ячсмитьбю")
_NEIGHBOURS = {ch: row[max(0, i - 1) : i] + row[i + 1 : i + 2] for row in _KEY_ROWS for i, ch in enumerate(row)}


_LAT_RADIX = tuple(len(options) for options in _LAT_OPTIONS.values())
_LAT_SCHEMES = math.prod(_LAT_RADIX) * len(_LAT_ENDINGS)
_LAT_CACHE = {}


def _lat_scheme(index=0):
    """Scheme number ``index`` (0: the base one): a translate table and the ending of -ий, built once."""
    scheme = _LAT_CACHE.get(index)
    if scheme is None:
        table, rest = dict(_LAT), index
        for (letter, options), radix in zip(_LAT_OPTIONS.items(), _LAT_RADIX, strict=True):
            rest, pick = divmod(rest, radix)
            table[letter] = options[pick]
        scheme = _LAT_CACHE[index] = (str.maketrans(table), _LAT_ENDINGS[index % len(_LAT_ENDINGS)])
    return scheme


def _latin(text, scheme=None):
    """Transliterate Cyrillic with one scheme for the whole text, as one person writes it."""
    table, ending = scheme or _lat_scheme()
    words = []
    for word in text.split(" "):
        low, tail = word.lower(), ""
        if len(low) > 3 and low.endswith(("ий", "ый")):
            low, tail = low[:-2], ending
        lat = low.translate(table) + tail
        if len(word) > 1 and word.isupper():
            lat = lat.upper()
        elif word[:1].isupper():
            lat = lat[:1].upper() + lat[1:]
        words.append(lat)
    return " ".join(words)


def _ascii(text):
    """A mailbox-safe spelling: umlauts folded, anything but letters and digits dropped."""
    text = text.lower().replace("ü", "ue").replace("ö", "oe").replace("ä", "ae").replace("ß", "ss")
    return "".join(ch for ch in text if ch.isascii() and ch.isalnum()) or "client"


def _slug(text):
    return "".join(ch for ch in _latin(text).lower().replace(" ", "-") if ch.isascii() and (ch.isalnum() or ch == "-"))


def _typo(word, rng):
    """One slip of the fingers inside a word (never its first letter: people see that one)."""
    if len(word) < 4:
        return word
    i = rng.randrange(1, len(word) - 1)
    op = rng.random()
    if op < 0.3 or (op < 0.75 and word[i] == word[i + 1]):
        return word[:i] + word[i + 1 :]
    if op < 0.5:
        return word[:i] + word[i] + word[i:]
    if op < 0.75:
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    near = _NEIGHBOURS.get(word[i].lower())
    if not near:
        return word[:i] + word[i + 1 :]
    new = rng.choice(near)
    return word[:i] + (new.upper() if word[i].isupper() else new) + word[i + 1 :]


def _no_yo(text):
    return text.replace("ё", "е").replace("Ё", "Е")


class _City:
    __slots__ = ("name", "region", "codes", "zips", "aliases", "country")

    def __init__(self, row, country="RU"):
        name, _, region, codes, zips, aliases = row.split("|")
        self.name, self.region, self.country = name, region, country
        self.codes, self.zips = tuple(codes.split()), tuple(zips.split())
        self.aliases = tuple(a for a in aliases.split(";") if a)


_CITIES = {"RU": _Pick([(_City(row), float(row.split("|")[1])) for row in _CITY_TABLE])}
for _cc, _rows in _FOREIGN_CITY_TABLE.items():
    _CITIES[_cc] = _Pick([(_City(row, _cc), float(row.split("|")[1])) for row in _rows])


class _Phone:
    """A number as the country dials it: code (mobile or area) and subscriber, plus an extension."""

    __slots__ = ("country", "code", "sub", "ext")

    def __init__(self, country, code, sub, ext=None):
        self.country, self.code, self.sub, self.ext = country, code, sub, ext

    def with_ext(self, ext):
        return _Phone(self.country, self.code, self.sub, ext)


def _grouped(sub):
    n = len(sub)
    if n == 7:
        return f"{sub[:3]}-{sub[3:5]}-{sub[5:]}"
    if n == 6:
        return f"{sub[:2]}-{sub[2:4]}-{sub[4:]}"
    if n == 5:
        return f"{sub[:1]}-{sub[1:3]}-{sub[3:]}"
    return sub


def _spaced(sub):
    return f"{sub[:3]} {sub[3:5]} {sub[5:]}" if len(sub) == 7 else f"{sub[:2]} {sub[2:4]} {sub[4:]}"


# How people write numbers, per country: (code, subscriber) -> text. All parse with the country as region.
_RU_FORMATS = _Pick(
    [
        (lambda c, s: f"+7 ({c}) {_grouped(s)}", 18),
        (lambda c, s: f"8 ({c}) {_grouped(s)}", 18),
        (lambda c, s: f"+7 {c} {_grouped(s)}", 8),
        (lambda c, s: f"+7 {c} {s}", 6),
        (lambda c, s: f"+7{c}{s}", 8),
        (lambda c, s: f"8{c}{s}", 10),
        (lambda c, s: f"7{c}{s}", 3),
        (lambda c, s: f"7-{c}-{_grouped(s)}", 3),
        (lambda c, s: f"8-{c}-{_grouped(s)}", 6),
        (lambda c, s: f"8 {c} {_spaced(s)}", 5),
        (lambda c, s: f"({c}) {_grouped(s)}", 5),
        (lambda c, s: f"({c}) {s}", 3),
        (lambda c, s: f"{c}{s}", 2),
        (lambda c, s: f"8({c}){s}", 3),
        (lambda c, s: f"+7({c}){_grouped(s)}", 4),
    ]
)
_FOREIGN_FORMATS = {
    "KZ": (
        lambda c, s: f"+7 {c} {_spaced(s)}",
        lambda c, s: f"8 {c} {s}",
        lambda c, s: f"+7 ({c}) {_grouped(s)}",
        lambda c, s: f"8 ({c}) {_grouped(s)}",
    ),
    "BY": (
        lambda c, s: f"+375 {c} {_grouped(s)}",
        lambda c, s: f"+375 ({c}) {s}",
        lambda c, s: f"8 0{c} {_grouped(s)}",
        lambda c, s: f"+375{c}{s}",
    ),
    "UZ": (lambda c, s: f"+998 {c} {_spaced(s)}", lambda c, s: f"+998{c}{s}", lambda c, s: f"+998 ({c}) {_grouped(s)}"),
    "DE": (
        lambda c, s: f"+49 {c} {s}",
        lambda c, s: f"+49 (0){c} {s}",
        lambda c, s: f"0{c} {s}",
        lambda c, s: f"+49{c}{s}",
        lambda c, s: f"0{c}/{s}",
    ),
    "US": (
        lambda c, s: f"+1 ({c}) {s[:3]}-{s[3:]}",
        lambda c, s: f"+1 {c}-{s[:3]}-{s[3:]}",
        lambda c, s: f"({c}) {s[:3]}-{s[3:]}",
        lambda c, s: f"+1{c}{s}",
    ),
    "CN": (
        lambda c, s: f"+86 {c} {s[:4]} {s[4:]}",
        lambda c, s: f"+86 {c}{s}",
        lambda c, s: f"+86-{c}-{s}",
        lambda c, s: f"0{c} {s}" if len(c) < 3 or c[0] != "1" else f"{c} {s[:4]} {s[4:]}",
    ),
}
_EXT_FORMATS = (" доб. {}", " доб.{}", ", доб. {}", " (доб. {})", " доб {}", " ext. {}")


class _Person:
    """A human being: what a salesperson may come to know about them, shown or not on a record."""

    __slots__ = (
        "cluster",
        "country",
        "sur",
        "sur_m",
        "giv",
        "pat",
        "fem",
        "lat",
        "born",
        "city",
        "mobiles",
        "landline",
        "emails",
        "addr",
        "inn",
        "ogrn",
        "shown_name",
        "shown_phone",
        "shown_email",
    )


class _Company:
    """A legal entity (or a branch of one): its registered name parts and its ways to be reached."""

    __slots__ = (
        "cluster",
        "country",
        "form",
        "prefix",
        "core",
        "alts",
        "latin",
        "city",
        "inn",
        "kpp",
        "ogrn",
        "board",
        "mobile",
        "domain",
        "website",
        "mailbox",
        "addr",
        "contacts",
        "shown_name",
        "shown_email",
        "shown_phone",
    )


class _Builder:
    def __init__(self, seed, stats):
        self.rng = Random(seed)
        self.stats = stats
        self.cluster_seq = 0
        self.used = set()  # phones, emails, INNs, OGRNs, domains: each unique unless shared on purpose
        self.persons = []  # recent Russian clients, anchors of hard negatives (a ring, for memory)
        self.companies = []
        self.ring = 4096

    # -- small helpers ------------------------------------------------------------------------
    def cluster(self):
        self.cluster_seq += 1
        return self.cluster_seq

    def remember(self, pool, entity):
        if len(pool) < self.ring:
            pool.append(entity)
        else:
            pool[self.rng.randrange(self.ring)] = entity

    def unique(self, make):
        for attempt in range(1000):
            value = make(attempt)
            if value not in self.used:
                self.used.add(value)
                return value
        raise RuntimeError("no unique value left")  # never: the spaces are far larger than any base

    def lat_scheme(self):
        return _lat_scheme(self.rng.randrange(_LAT_SCHEMES))

    def spaces(self, text):
        """Typing dirt: a stray space at either end or a double space inside."""
        rng = self.rng
        r = rng.random()
        if r < 0.03:
            self.stats["dirt: spaces around"] += 1
            return f" {text}" if r < 0.01 else f"{text} "
        if r < 0.05 and " " in text:
            self.stats["dirt: double space"] += 1
            return text.replace(" ", "  ", 1)
        return text

    def placeholder(self, field):
        self.stats[f"dirt: placeholder in {field}"] += 1
        return self.rng.choice(PLACEHOLDERS)

    # -- phones -------------------------------------------------------------------------------
    def mobile(self, country):
        rng = self.rng
        ranges = _MOBILE_RANGES[country]
        if not ranges:
            return self.landline(_CITIES[country](rng))

        def make(_):
            code, width, lo, hi = rng.choice(ranges)
            return _Phone(country, code, f"{rng.randrange(lo, hi):0{width}d}")

        return self._unique_phone(make)

    def landline(self, city):
        rng = self.rng

        def make(_):
            code = rng.choice(city.codes)
            width = _NATIONAL_LEN[city.country] - len(code)
            if city.country == "CN":
                width = 8
            lo, hi = _LANDLINE_RANGES.get(code, (2 * 10 ** (width - 1), 10**width))
            return _Phone(city.country, code, f"{rng.randrange(lo, hi):0{width}d}")

        return self._unique_phone(make)

    def _unique_phone(self, make):
        for _ in range(1000):
            phone = make(0)
            key = _DIAL[phone.country] + phone.code + phone.sub
            if key not in self.used:
                self.used.add(key)
                return phone
        raise RuntimeError("no phone number left")

    def fmt(self, phone):
        if phone is None:
            return None
        rng = self.rng
        if phone.country == "RU":
            text = _RU_FORMATS(rng)(phone.code, phone.sub)
        else:
            text = rng.choice(_FOREIGN_FORMATS[phone.country])(phone.code, phone.sub)
        if phone.ext:
            text += rng.choice(_EXT_FORMATS).format(phone.ext)
        return self.spaces(text)

    # -- identifiers ----------------------------------------------------------------------------
    def inn10(self, region):
        rng = self.rng

        def make(_):
            body = f"{region}{rng.randrange(1, 52):02d}{rng.randrange(100_000):05d}"
            return body + ru_inn.calc_company_check_digit(body)

        return self.unique(make)

    def inn12(self, region):
        rng = self.rng

        def make(_):
            body = f"{region}{rng.randrange(1, 52):02d}{rng.randrange(1_000_000):06d}"
            return body + ru_inn.calc_personal_check_digits(body)

        return self.unique(make)

    def ogrn(self, region):
        rng = self.rng

        def make(_):
            year, office, serial = rng.randrange(2, 25), rng.randrange(1, 52), rng.randrange(100_000)
            body = f"{rng.choice('15')}{year:02d}{region}{office:02d}{serial:05d}"
            return body + str(int(body) % 11 % 10)

        return self.unique(make)

    def ogrnip(self, region):
        rng = self.rng

        def make(_):
            body = f"3{rng.randrange(4, 25):02d}{region}{rng.randrange(100_000_000):09d}"
            return body + str(int(body) % 13 % 10)

        return self.unique(make)

    def foreign_vat(self, country, company):
        rng = self.rng
        if country == "KZ":  # BIN (companies) or IIN (entrepreneurs): 11 digits and a mod-11 check digit

            def make(_):
                while True:
                    if company:
                        # registered year and month, 4: a resident legal entity, 0: its head office
                        body = f"{rng.randrange(0, 24):02d}{rng.randrange(1, 13):02d}40{rng.randrange(100_000):05d}"
                    else:
                        body = f"{rng.randrange(60, 100):02d}{rng.randrange(1, 13):02d}{rng.randrange(1, 29):02d}"
                        body += f"{rng.choice('3456')}{rng.randrange(10_000):04d}"
                    for weights in _KZ_BIN_WEIGHTS:
                        check = sum(w * int(d) for w, d in zip(weights, body, strict=True)) % 11
                        if check < 10:
                            return body + str(check)

            return self.unique(make)
        if country == "BY":

            def make(_):
                while True:
                    body = f"{rng.choice('1234567')}{rng.randrange(10_000_000):07d}"
                    try:
                        return body + by_unp.calc_check_digit(body)
                    except ValidationError:
                        continue

            return self.unique(make)
        if country == "DE":

            def make(_):
                body = f"{rng.randrange(10_000_000, 100_000_000)}"
                return "DE" + body + mod_11_10.calc_check_digit(body)

            return self.unique(make)
        if country == "US":
            return self.unique(lambda _: f"{rng.choice(_US_EIN_PREFIXES)}-{rng.randrange(10_000_000):07d}")
        if country == "CN":

            def make(_):
                body = (
                    "91"
                    + f"{rng.randrange(110000, 660000):06d}"
                    + "".join(rng.choice("0123456789ABCDEFGHJKLMNPQRTUWXY") for _ in range(9))
                )
                return body + cn_uscc.calc_check_digit(body)

            return self.unique(make)
        return None  # UZ: the salespeople never ask

    # -- addresses ------------------------------------------------------------------------------
    def address(self, city, office):
        """Street parts, rendered differently on every record: (street, type, adjective?, house, flat)."""
        rng = self.rng
        special = _CITY_STREETS.get(city.name)
        if special and rng.random() < 0.3:
            name = rng.choice(special)
            kind, adjective = ("ул", True) if " " not in name else (None, True)
        elif city.country != "RU" and city.country not in ("KZ", "BY", "UZ"):
            return None
        else:
            kind = _STREET_TYPE_PICK(rng)
            adjective = kind == "ул" and rng.random() < 0.45
            name = rng.choice(_STREETS_ADJ if adjective else _STREETS_GEN)
        house = str(min(int(rng.expovariate(1 / 30)) + 1, 250))
        r = rng.random()
        if r < 0.08:
            house += rng.choice("АБВаб")
        elif r < 0.13:
            house += f"/{rng.randrange(1, 12)}"
        elif r < 0.23:
            house += f" корп. {rng.randrange(1, 6)}"
        elif r < 0.27 and city.name == "Москва":
            house += f" стр. {rng.randrange(1, 9)}"
        flat = None
        if office:
            if rng.random() < 0.7:
                flat = ("оф.", str(rng.choice((rng.randrange(1, 30), rng.randrange(100, 1000)))))
            elif rng.random() < 0.5:
                flat = ("пом.", rng.choice(("I", "II", "IV", "VII", str(rng.randrange(1, 40)))))
        elif rng.random() < 0.75:
            flat = ("кв.", str(rng.randrange(1, 320)))
        return (name, kind, adjective, house, flat)

    def foreign_street(self, country):
        rng = self.rng
        if country == "DE":
            return f"{rng.choice(_FOREIGN_STREETS[country])} {rng.randrange(1, 200)}"
        return f"{rng.randrange(1, 2000)} {rng.choice(_FOREIGN_STREETS[country])}"

    def fmt_address(self, addr, city, style=None):
        if addr is None:
            return None
        rng = self.rng
        name, kind, adjective, house, flat = addr
        if not house:  # a foreign address, typed as one line
            return self.spaces(name)
        if kind is None:
            street = name
        else:
            abbrevs, full = _STREET_TYPES[kind]
            short = rng.choice(abbrevs)
            r = rng.random()
            if adjective:
                street = f"{short} {name}" if r < 0.55 else f"{name} {short}" if r < 0.8 else f"{name} {full}"
            else:
                street = f"{short} {name}" if r < 0.7 else f"{name} {short}" if r < 0.8 else name
        style = rng.randrange(8) if style is None else style
        flat_kind, flat_no = flat if flat else (None, None)
        if style == 0:  # ул. Ленина, д. 5, кв. 12
            text = f"{street}, д. {house}" + (f", {flat_kind} {flat_no}" if flat else "")
        elif style == 1:  # Ленина 5-12
            text = f"{name} {house}" + (f"-{flat_no}" if flat and flat_kind == "кв." else "")
        elif style == 2:  # г. Москва, ул. Ленина, д. 5, оф. 12
            text = f"г. {city.name}, {street}, д. {house}" + (f", {flat_kind} {flat_no}" if flat else "")
        elif style == 3:  # улица Ленина, дом 5, офис 12
            word = {"кв.": "квартира", "оф.": "офис", "пом.": "помещение"}.get(flat_kind)
            text = f"{street}, дом {house}" + (f", {word} {flat_no}" if flat else "")
        elif style == 4:  # ул.Ленина,д.5,кв.12
            text = f"{street},д.{house}" + (f",{flat_kind}{flat_no}" if flat else "")
            text = text.replace(". ", ".")
        elif style == 5:
            text = f"{street}, {house}" + (f", {flat_kind} {flat_no}" if flat else "")
            text = text.upper()
        elif style == 6:  # the whole postal address pasted into the street
            text = f"{city.zips[0][:3]}{rng.randrange(1000):03d}, {city.name}, {street}, {house}"
        else:
            text = f"{street}, {house}" + (f", {flat_kind} {flat_no}" if flat else "")
        return self.spaces(text)

    def fmt_city(self, city, clean=0.85):
        rng = self.rng
        if rng.random() < clean or not city.aliases:
            return city.name
        self.stats["dirt: city spelling"] += 1
        return self.spaces(rng.choice(city.aliases))

    def zip_code(self, city):
        rng = self.rng
        base = int(rng.choice(city.zips))
        width = 5 if city.country in ("DE", "US") else 6
        return f"{base + rng.randrange(0, 200 if width == 6 else 90):0{width}d}"

    def birthday(self, born):
        return datetime.date.fromordinal(born).isoformat()

    # -- people ---------------------------------------------------------------------------------
    def person(self, country="RU", fem=None, city=None, sur_m=None, giv=None, father=None, born=None, lat=False):
        """A new human being; the arguments pin what a relative or a namesake shares."""
        rng = self.rng
        p = _Person()
        p.cluster = self.cluster()
        p.country = country
        p.fem = rng.random() < 0.45 if fem is None else fem
        p.city = city or _CITIES[country](rng)
        p.lat = lat or country in _LATIN_PEOPLE
        if p.lat:
            surs, males, females = _LATIN_PEOPLE[country]
            p.sur_m = sur_m or rng.choice(surs)
            p.sur = p.sur_m
            p.giv = giv or rng.choice(females if p.fem else males)
            p.pat = None
        else:
            if sur_m is None and giv is None and country == "RU" and rng.random() < 0.012:
                sur_m, giv, father, p.fem = rng.choice(_COMMON_FULL)
            surs, males, females = {
                "KZ": (_SURNAMES_KZ, _MALE_KZ, _FEMALE_KZ),
                "UZ": (_SURNAMES_UZ, _MALE_UZ, _FEMALE_UZ),
                "BY": (_SURNAMES_BY, _MALE_RU, _FEMALE_RU),
            }.get(country, (_SURNAMES_RU, _MALE_RU, _FEMALE_RU))
            p.sur_m = sur_m or surs(rng)
            p.sur = _feminine(p.sur_m) if p.fem else p.sur_m
            p.giv = giv or (females(rng) if p.fem else males(rng))
            p.pat = _patronymic(father or males(rng), p.fem)
        p.born = born or rng.randrange(_BIRTH_LO, _BIRTH_HI)
        p.mobiles = [self.mobile(country)]
        if rng.random() < 0.2:
            p.mobiles.append(self.mobile(country))
        p.landline = self.landline(p.city) if rng.random() < 0.18 else None
        p.emails = [self.personal_email(p)] if rng.random() < 0.8 else []
        p.addr = self.address(p.city, office=False)
        p.inn = p.ogrn = None
        p.shown_name = p.shown_phone = p.shown_email = None
        return p

    def personal_email(self, p, domain=None):
        rng = self.rng
        scheme = _lat_scheme(rng.randrange(_LAT_SCHEMES))
        sur = _ascii(_latin(p.sur, scheme))
        giv = _ascii(_latin(p.giv, scheme))
        year = datetime.date.fromordinal(p.born).year
        pat = (p.pat or "x")[0]
        local = rng.choice(
            (
                f"{sur}.{giv}",
                f"{giv}.{sur}",
                f"{giv[0]}.{sur}",
                f"{sur}{year % 100:02d}",
                f"{sur}_{giv[0]}{_latin(pat).lower()}",
                f"{giv}{sur}{rng.randrange(1, 99)}",
                f"{giv}_{year}",
                f"{rng.choice(_NICKS)}_{giv}{year % 100:02d}",
                f"{sur}{giv[0]}",
            )
        )
        if domain is None:
            domain = _FREE_MAIL(rng) if p.country == "RU" or rng.random() < 0.5 else _FREE_MAIL_FOREIGN[p.country]
        return self.unique(
            lambda n: (
                f"{local}{n or ''}@{domain}"
                if n < 2
                else f"{local}{rng.randrange(100, 10 ** max(3, min(n, 7)))}@{domain}"
            )
        )

    def work_domain(self):
        """The domain of some employer we know nothing else about."""
        rng = self.rng

        def make(n):
            base = _slug(rng.choice(_BRAND_WORDS))
            if n < 3:
                return f"{base}{rng.choice(_DOMAIN_SUFFIXES)}.ru"
            return f"{base}-{_slug(rng.choice(_COMPOUND_HEADS))}{rng.randrange(10 ** min(n, 6))}.ru"

        return self.unique(make)

    def person_name(self, p, style):
        """A person's name in one of the ways people write it; style names the way (for the stats)."""
        rng = self.rng
        sur, giv, pat = p.sur, p.giv, p.pat
        if p.lat:
            if style in ("upper",):
                return f"{sur} {giv}".upper()
            if style in ("ini", "ini_sp", "ini_one", "ini_before", "ini_nodot"):
                return f"{giv[0]}. {sur}"
            if style in ("sur_giv", "full") and p.country == "CN":
                return f"{sur} {giv}"
            if style == "lower":
                return f"{giv} {sur}".lower()
            return f"{sur} {giv}" if style == "sur_giv" else f"{giv} {sur}"
        if pat is None and style in ("full", "giv_pat_sur", "ini", "ini_sp", "ini_before", "ini_nodot", "giv_pat"):
            style = "sur_giv"
        gi, pi = giv[0], (pat or " ")[0]
        if style == "full":
            return f"{sur} {giv} {pat}"
        if style == "sur_giv":
            return f"{sur} {giv}"
        if style == "giv_sur":
            return f"{giv} {sur}"
        if style == "giv_pat_sur":
            return f"{giv} {pat} {sur}"
        if style == "giv_pat":
            return f"{giv} {pat}"
        if style == "ini":
            return f"{sur} {gi}.{pi}."
        if style == "ini_sp":
            return f"{sur} {gi}. {pi}."
        if style == "ini_before":
            return rng.choice((f"{gi}.{pi}. {sur}", f"{gi}. {pi}. {sur}"))
        if style == "ini_nodot":
            return f"{sur} {gi}{pi}"
        if style == "ini_one":
            return f"{sur} {gi}."
        if style == "upper":
            return f"{sur} {giv} {pat}".upper() if rng.random() < 0.7 else f"{sur} {gi}.{pi}.".upper()
        if style == "lower":
            return rng.choice((f"{sur} {giv}", f"{sur} {giv} {pat}")).lower()
        if style == "latin":
            return _latin(rng.choice((f"{sur} {giv}", f"{giv} {sur}", f"{sur} {giv} {pat}")), self.lat_scheme())
        if style == "dimin":
            short = _DIMINUTIVES.get(giv, giv)
            return f"{short} {sur}" if rng.random() < 0.6 else f"{sur} {short}"
        if style == "giv":
            return giv
        if style == "sur":
            return sur
        raise ValueError(style)

    def dirty_name(self, name, p, copy):
        """ё/е, a typo, another official spelling: what makes a person's name differ across copies."""
        rng = self.rng
        if "ё" in name.lower() and rng.random() < 0.5:
            name = _no_yo(name)
            self.stats["name: ё written е"] += copy
        if copy and rng.random() < 0.07:
            parts = name.split(" ")
            longest = max(range(len(parts)), key=lambda i: len(parts[i]))
            parts[longest] = _typo(parts[longest], rng)
            name = " ".join(parts)
            self.stats["dup person: typo in the name"] += 1
        if copy and p.giv in _SPELLINGS and p.giv in name and rng.random() < 0.3:
            name = name.replace(p.giv, _SPELLINGS[p.giv])
            self.stats["dup person: other spelling of the given name"] += 1
        return name


_ORIGINAL_STYLES = _Pick(
    _weighted(
        "full:55 sur_giv:12 giv_sur:6 ini:8 ini_sp:3 ini_before:2 upper:4 lower:2 giv_pat_sur:2 ini_one:2 "
        "dimin:1 latin:1 ini_nodot:1"
    )
)
_COPY_STYLES = _Pick(
    _weighted(
        "full:22 sur_giv:12 giv_sur:8 ini:14 ini_sp:6 ini_before:5 ini_nodot:2 ini_one:4 upper:6 lower:4 "
        "giv_pat_sur:3 dimin:4 latin:6"
    )
)
_CONTACT_STYLES = _Pick(_weighted("full:50 sur_giv:14 giv_pat:12 ini:10 giv_sur:4 upper:3 giv:3 sur:2 ini_sp:2"))
_IP_WRAPS = _Pick(
    [
        ("ИП {}", 50),
        ("{} ИП", 8),
        ("{} (ИП)", 6),
        ("Индивидуальный предприниматель {}", 8),
        ("ИНДИВИДУАЛЬНЫЙ ПРЕДПРИНИМАТЕЛЬ {}", 2),
        ("И.П. {}", 2),
        ("ИП: {}", 1),
        ("ИП {} ", 1),
        ("ип {}", 2),
        ("{}", 8),
    ]
)
_PERSON_COPY_SCENARIOS = _Pick(
    _weighted(
        "same_contacts:32 new_phone:12 second_number:12 only_mobile:10 only_email:10 work_contacts:6 "
        "address_only:7 name_city_only:4 inn_only:6"
    )
)
_COMPANY_COPY_SCENARIOS = _Pick(
    _weighted("inn:38 phone:22 email_web:15 other_salesperson:10 typo_street:8 name_city:7")
)
_HARD_NEGATIVES = _Pick(
    _weighted(
        "namesake:14 family:13 initials:12 secretary:7 employees:16 same_name:9 other_form:7 brand_variant:9 "
        "branch:7 holding:8"
    )
)
_COMPANY_STYLES = _Pick(
    _weighted("std:44 noquote:8 after:12 full:6 egrul:4 lower:3 latin:3 csv:2 bare:5 nospace:3 caps:3 lookalike:2")
)
_COPY_COMPANY_STYLES = _Pick(
    _weighted("std:28 noquote:10 after:16 full:9 egrul:6 lower:6 latin:7 csv:3 bare:7 nospace:3 caps:4 lookalike:3")
)


class _Generator(_Builder):
    # -- records --------------------------------------------------------------------------------
    def record(self, kind, cluster, **values):
        rec = _TEMPLATE.copy()
        rec.update(values)
        rec["kind"] = kind
        rec["cluster"] = cluster
        return rec

    def comment(self, extra=None):
        rng = self.rng
        r = rng.random()
        if extra and r < 0.5:
            return extra
        if r < 0.12:
            return rng.choice(_COMMENTS)
        if r < 0.14:
            day, month, year = rng.randrange(1, 29), rng.randrange(1, 13), rng.randrange(2015, 2025)
            return f"Договор №{rng.randrange(1, 999)} от {day:02d}.{month:02d}.{year}"
        return None

    def person_record(
        self, p, kind, cluster, ctype, style, phone=None, mobile=None, email=None, street=True, with_ids=True, copy=0
    ):
        rng = self.rng
        name = self.dirty_name(self.person_name(p, style), p, copy)
        ip = ctype == "individual_entrepreneur"
        if ip:
            wrap = _IP_WRAPS(rng)
            name = wrap.format(name) if style != "latin" else f"IP {name}"
        name = self.spaces(name)
        phone_text, mobile_text = self.fmt(phone), self.fmt(mobile)
        if phone_text is None and mobile_text is None and rng.random() < 0.03:
            phone_text = self.placeholder("phone")
        extra = None
        if rng.random() < 0.02 and p.mobiles:  # a phone typed into the comment, not into a phone field
            extra = f"{rng.choice(('тел.', 'моб.', 'доп. тел.', 'звонить'))} {self.fmt(rng.choice(p.mobiles))}"
            self.stats["dirt: phone in the comment"] += 1
        email_text = email
        if email_text and rng.random() < 0.04:
            email_text = email_text.upper() if rng.random() < 0.3 else email_text.capitalize()
            self.stats["dirt: email case"] += 1
        if email_text is None and rng.random() < 0.02:
            email_text = self.placeholder("email")
        addr_text = self.fmt_address(p.addr, p.city) if street and p.addr else None
        if p.lat and addr_text is None and street and rng.random() < 0.5:
            addr_text = self.foreign_street(p.country)
        return self.record(
            kind,
            cluster,
            name=name,
            is_company=ip and rng.random() < 0.55,
            client_type=ctype,
            vat=p.inn if with_ids and p.inn and rng.random() < (0.85 if ip else 0.6) else None,
            ogrn=p.ogrn if with_ids and ip and p.ogrn and rng.random() < 0.3 else None,
            phone=phone_text,
            mobile=mobile_text,
            email=self.spaces(email_text) if email_text else None,
            street=addr_text,
            city=self.fmt_city(p.city) if rng.random() < 0.85 else None,
            zip=self.zip_code(p.city) if addr_text and rng.random() < 0.3 else None,
            country_code=p.country,
            birthday=self.birthday(p.born) if rng.random() < (0.2 if ip else 0.55) else None,
            comment=self.comment(extra),
        )

    def person_client(self, country):
        """A private person or an entrepreneur, their record and their later copies."""
        rng = self.rng
        ip = rng.random() < 0.36
        p = self.person(country)
        region = p.city.region if country == "RU" else None
        if ip:
            p.inn = self.inn12(region) if region else self.foreign_vat(country, False)
            p.ogrn = self.ogrnip(region) if region else None
        elif region and rng.random() < 0.12:
            p.inn = self.inn12(region)
        ctype = "individual_entrepreneur" if ip else "private_person"
        style = _ORIGINAL_STYLES(rng)
        phone, mobile = self.person_phones(p)
        email = p.emails[0] if p.emails and rng.random() < 0.8 else None
        original = self.record_person_original(p, ctype, style, phone, mobile, email)
        self.stats[f"clients: {ctype}"] += 1
        if country == "RU":
            self.remember(self.persons, (p, ctype))
        return p, ctype, original

    def person_phones(self, p):
        rng = self.rng
        r = rng.random()
        m1 = p.mobiles[0]
        if r < 0.42:
            return (p.landline if p.landline and rng.random() < 0.6 else None), m1
        if r < 0.80:  # the mobile typed into the phone field, as most people do
            return m1, (p.mobiles[1] if len(p.mobiles) > 1 and rng.random() < 0.4 else None)
        if r < 0.9 and p.landline:
            return p.landline, None
        if r < 0.93:
            return None, None
        return m1, None

    def record_person_original(self, p, ctype, style, phone, mobile, email):
        rec = self.person_record(
            p,
            "original",
            p.cluster,
            ctype,
            style,
            phone,
            mobile,
            email,
            street=self.rng.random() < (0.6 if ctype == "individual_entrepreneur" else 0.4),
        )
        p.shown_name = rec["name"]
        p.shown_phone = phone or mobile
        p.shown_email = email
        return rec

    def person_copy(self, p, ctype):
        """Another record of the same human being: the name and the reachable points vary."""
        rng = self.rng
        stats = self.stats
        scenario = _PERSON_COPY_SCENARIOS(rng)
        if scenario == "inn_only" and not p.inn:
            scenario = "same_contacts"
        stats[f"dup person: {scenario}"] += 1
        phone = mobile = email = None
        street = False
        m1 = p.mobiles[0]
        email_any = p.emails[0] if p.emails else None
        if scenario == "same_contacts":
            shown = p.shown_phone or m1
            phone, mobile = (shown, None) if rng.random() < 0.5 else (None, shown)
            email = email_any if rng.random() < 0.5 else None
        elif scenario == "new_phone":
            new = self.mobile(p.country)
            p.mobiles.append(new)
            phone, mobile = (new, None) if rng.random() < 0.6 else (None, new)
            email = email_any if rng.random() < 0.7 else None
            street = rng.random() < 0.3
        elif scenario == "second_number":
            if len(p.mobiles) < 2:
                p.mobiles.append(self.mobile(p.country))
            phone, mobile = (p.mobiles[1], None) if rng.random() < 0.35 else (m1, p.mobiles[1])
            email = email_any if rng.random() < 0.4 else None
        elif scenario == "only_mobile":
            mobile = m1
        elif scenario == "only_email":
            if not p.emails or rng.random() < 0.25:
                p.emails.append(self.personal_email(p))
                stats["dup person: a second personal email"] += 1
            email = rng.choice(p.emails)
        elif scenario == "work_contacts":
            city = p.city
            phone = self.landline(city).with_ext(str(rng.randrange(100, 999)))
            email = self.personal_email(
                p,
                domain=self.work_domain(),
            )
            p.emails.append(email)
        elif scenario == "address_only":
            street = True
        elif scenario == "name_city_only":
            if rng.random() < 0.5:
                new = self.mobile(p.country)
                p.mobiles.append(new)
                mobile = new
        if scenario != "address_only" and rng.random() < 0.15:
            street = True
        copy_type = ctype
        if ctype == "individual_entrepreneur" and scenario != "inn_only" and rng.random() < 0.12:
            copy_type = "private_person"  # the same human typed in as a consumer, without ИП and INN
            stats["dup person: entrepreneur typed as private person"] += 1
        style = _COPY_STYLES(rng)
        stats[f"dup person name: {style}"] += 1
        rec = self.person_record(
            p,
            "duplicate",
            p.cluster,
            copy_type,
            style,
            phone,
            mobile,
            email,
            street=street,
            with_ids=copy_type == ctype and (scenario == "inn_only" or rng.random() < 0.4),
            copy=1,
        )
        if scenario == "inn_only":
            rec["vat"] = p.inn
            rec["phone"] = rec["mobile"] = None
        if scenario in ("address_only",) and rec["street"] is None:
            rec["street"] = self.fmt_address(p.addr, p.city)
        return rec

    # -- companies ------------------------------------------------------------------------------
    def brand(self, country):
        """(prefix, canonical core, equivalent spellings) of a new brand."""
        rng = self.rng
        prefix = _PREFIX_PICK(rng) if country in ("RU", "KZ", "BY") and rng.random() < 0.12 else None
        if country == "KZ" and rng.random() < 0.6:
            core = rng.choice(_KZ_BRANDS) + (f" {rng.choice(_KZ_BRANDS)}" if rng.random() < 0.3 else "")
            return prefix, core, (core,)
        if country == "BY" and rng.random() < 0.5:
            core = rng.choice(_BY_BRANDS)
            return prefix, core, (core,)
        if country == "UZ" and rng.random() < 0.6:
            core = rng.choice(_UZ_BRANDS) + rng.choice(("", " Трейд", " Текстиль", " Агро", " Строй"))
            return prefix, core, (core,)
        # Shares chosen so that exact namesakes stay about as rare as in a real base of this size.
        r = rng.random()
        if r < 0.14:
            core = rng.choice(_BRAND_WORDS)
            alts = (core,)
        elif r < 0.34:  # Альфа Строй / Альфа-Строй / АльфаСтрой
            word, tail = rng.choice(_BRAND_WORDS), rng.choice(_DESCRIPTORS)
            spellings = (f"{word} {tail}", f"{word}-{tail}", f"{word}{tail}")
            core = spellings[rng.choice((0, 0, 1, 1, 2))]
            alts = spellings
        elif r < 0.6:  # Стройснаб / СтройСнаб / Строй-Снаб / Строй Снаб
            head, tail = rng.choice(_COMPOUND_HEADS), rng.choice(_COMPOUND_TAILS)
            if rng.random() < 0.3:
                head += rng.choice(_COMPOUND_HEADS).lower()
            spellings = (
                head + tail,
                head + tail.capitalize(),
                f"{head}-{tail.capitalize()}",
                f"{head} {tail.capitalize()}",
            )
            core = spellings[rng.choice((0, 0, 0, 1, 1, 2))]
            alts = spellings[:3]
        elif r < 0.64:
            core = rng.choice(_PHRASES)
            alts = (core,)
        elif r < 0.7:
            sur = _SURNAMES_RU(rng)
            if sur.endswith(("ов", "ев", "ин")):
                core = rng.choice((f"{sur} и партнёры", f"{sur} и К", f"Дом {sur}а", f"Мастерская {sur}а"))
            else:
                core = f"{sur} и партнёры"
            alts = (core, core.replace("ё", "е"))
        elif r < 0.78:  # one letter, an abbreviation, a numbered unit: ООО «А», АО «ТК», ООО «СК-1»
            r = rng.random()
            if r < 0.08:
                core = rng.choice(_SHORT_LETTERS)
            elif r < 0.5:
                core = "".join(rng.choice(_SHORT_LETTERS) for _ in range(rng.randrange(2, 4)))
            else:
                core = f"{rng.choice(_SHORT_FORMS)}-{rng.randrange(1, 200)}"
            alts = (core, core.replace("-", " "), core.replace("-", " №")) if "-" in core else (core,)
            self.stats["clients: company with a very short name"] += 1
        elif r < 0.9:
            word = rng.choice(_BRAND_WORDS)
            n = rng.randrange(1, 50)
            core = f"{word}-{n}"
            alts = (core, f"{word} {n}", f"{word}{n}")
        else:
            heads, tails = _ANGLO_CYR if rng.random() < 0.6 else _ANGLO_LAT
            core = f"{rng.choice(heads)} {rng.choice(tails)}"
            alts = (core, core.replace(" ", ""), core.replace(" ", "-"))
        return prefix, core, alts

    def company(self, country, prefix=None, core=None, alts=None, form=None, city=None):
        rng = self.rng
        c = _Company()
        c.cluster = self.cluster()
        c.country = country
        c.city = city or _CITIES[country](rng)
        c.contacts = []
        c.shown_name = c.shown_email = c.shown_phone = None
        if country in _LATIN_COMPANIES:
            heads, trades, forms = _LATIN_COMPANIES[country]
            c.latin = True
            c.prefix = None
            c.core = core or f"{rng.choice(heads)} {rng.choice(trades)}"
            c.alts = alts or (c.core,)
            c.form = form or rng.choice(forms)
        else:
            c.latin = False
            if core is None:
                prefix, core, alts = self.brand(country)
            c.prefix, c.core, c.alts = prefix, core, alts or (core,)
            c.form = form or _FORM_PICK[country](rng)
        region = c.city.region if country == "RU" else None
        if region:
            c.inn = self.inn10(region)
            c.kpp = f"{c.inn[:4]}01001" if rng.random() < 0.93 else f"{region}{rng.randrange(1, 52):02d}50001"
            c.ogrn = self.ogrn(region)
        else:
            c.inn = self.foreign_vat(country, True)
            c.kpp = c.ogrn = None
        c.board = self.landline(c.city)
        c.mobile = self.mobile(country)
        if rng.random() < 0.68:
            c.domain = self.company_domain(c)
            if rng.random() < 0.95:
                c.website = c.domain
            else:  # a Cyrillic domain for the site, the mail on the Latin one
                cyr = _no_yo(c.core).lower().replace(" ", "-")
                c.website = self.unique(lambda n: f"{cyr}{n or ''}.рф")
            c.mailbox = self.unique(lambda n: f"{_ROLE_BOXES(rng) if n < 5 else 'info' + str(n)}@{c.domain}")
        else:
            c.domain = c.website = None
            slug = _slug(c.core) or "firma"
            form_slug = _slug(c.form).lower()
            mail = _FREE_MAIL(rng) if country == "RU" else _FREE_MAIL_FOREIGN[country]
            locals_ = (f"{slug}-{form_slug}", f"{form_slug}.{slug}", f"{slug}.{_slug(c.city.name)[:3]}")
            c.mailbox = self.unique(lambda n: f"{rng.choice(locals_)}{rng.randrange(1, 2025) if n else ''}@{mail}")
        c.addr = self.address(c.city, office=True)
        if c.addr is None and c.latin:
            c.addr = (self.foreign_street(country), None, False, "", None)
        return c

    def company_domain(self, c):
        rng = self.rng
        base = _slug(c.core) or "firma"
        if len(base) < 4:
            base = f"{_slug(c.form).lower()}-{base}"
        city = _slug(c.city.name)[:4]
        tld = "de" if c.country == "DE" else "cn" if c.country == "CN" else _TLD(rng)

        def make(n):
            if n == 0:
                return f"{base}.{tld}"
            if n < 4:
                return f"{base}{rng.choice(_DOMAIN_SUFFIXES)}.{tld}"
            if n < 6:
                return f"{base}-{city}.{tld}"
            return f"{base}{rng.randrange(1, 10_000)}.{tld}"

        return self.unique(make)

    def company_name(self, c, style, copy=False):
        rng = self.rng
        if c.latin:
            core = c.core
            if copy and rng.random() < 0.3:
                core = core.replace("ü", "ue").replace("ö", "oe").replace("ä", "ae").replace("ß", "ss")
            form = rng.choice(_LATIN_FORM_VARIANTS[c.form]) if copy else c.form
            sep = "" if form.startswith(",") else " "
            if style in ("bare",):
                return core
            if style in ("egrul", "caps"):
                return f"{core}{sep}{form}".upper()
            if style == "lower":
                return f"{core}{sep}{form}".lower()
            return f"{core}{sep}{form}"
        core = rng.choice(c.alts) if copy and rng.random() < 0.35 else c.core
        if copy and len(core) >= 5 and rng.random() < 0.08:
            core = _typo(core, rng)
            self.stats["dup company: typo in the name"] += 1
        if "ё" in core and rng.random() < 0.5:
            core = _no_yo(core)
        left, right = _QUOTES(rng)
        inner = core
        if c.prefix:
            r = rng.random()
            full_prefix = _PREFIXES[c.prefix]
            if r < 0.45:
                inner = f"{c.prefix} {left}{core}{right}"
            elif r < 0.65:
                inner = f"{c.prefix} {core}"
            elif r < 0.8:
                inner = f"{full_prefix} {left}{core}{right}"
            elif r < 0.9 or not copy:
                inner = f"{full_prefix} {core}"
            # else: the prefix forgotten, ООО «Вектор» for ООО «ТД «Вектор»»
        form = c.form
        full = _FORMS[form][0]
        quoted = f"{left}{inner}{right}"
        if style == "std":
            return f"{form} {quoted}"
        if style == "noquote":
            return f"{form} {inner}"
        if style == "after":
            self.stats["names: legal form after the name"] += 1
            return rng.choice((f"{quoted}, {form}", f"{inner}, {form}", f"{inner} {form}", f"{inner} ({form})"))
        if style == "full":
            return f"{full} {quoted}"
        if style == "egrul":
            return f'{full} "{inner}"'.upper()
        if style == "lower":
            return rng.choice((f"{inner} {form}", f"{form} {inner}")).lower()
        if style == "latin":
            lat_form = rng.choice(_FORMS[form][1])
            lat = _latin(inner.replace("«", "").replace("»", "").replace('"', ""), self.lat_scheme())
            return f"{lat_form} {lat}" if rng.random() < 0.6 else f"{lat} {lat_form}"
        if style == "csv":  # quotes doubled by a CSV round trip
            return f'{form} ""{inner}""'
        if style == "bare":
            return inner
        if style == "nospace":
            return f'{form}"{inner}"'
        if style == "caps":
            return f"{form} {quoted}".upper()
        if style == "lookalike":  # Latin letters that look Cyrillic, from a copy and paste
            self.stats["names: Latin lookalike letters"] += 1
            return f"{form.translate(_LOOKALIKES)} {quoted}"
        raise ValueError(style)

    def company_record(
        self, c, kind, cluster, style, phone, mobile, email, website, street, vat, kpp, ogrn, copy=False, comment=None
    ):
        rng = self.rng
        name = self.spaces(self.company_name(c, style, copy))
        phone_text, mobile_text = self.fmt(phone), self.fmt(mobile)
        if phone_text is None and rng.random() < 0.03:
            phone_text = self.placeholder("phone")
        email_text = email
        if email_text and rng.random() < 0.03:
            email_text = email_text.upper()
            self.stats["dirt: email case"] += 1
        if email_text is None and rng.random() < 0.015:
            if rng.random() < 0.3 and mobile_text is None:  # the phone went into the email column
                email_text = self.fmt(c.mobile)
                self.stats["dirt: phone in the email field"] += 1
            else:
                email_text = self.placeholder("email")
        site = None
        if website:
            site = rng.choice(
                (
                    website,
                    f"www.{website}",
                    f"http://{website}",
                    f"https://{website}/",
                    f"http://www.{website}/",
                    f"www.{website}".upper(),
                    f"https://www.{website}",
                )
            )
        elif rng.random() < 0.01:
            site = self.placeholder("website")
        addr_text = self.fmt_address(c.addr, c.city) if street else None
        return self.record(
            kind,
            cluster,
            name=name,
            is_company=True,
            client_type="company",
            vat=vat,
            kpp=kpp,
            ogrn=ogrn,
            phone=phone_text,
            mobile=mobile_text,
            email=self.spaces(email_text) if email_text else None,
            website=site,
            street=addr_text,
            city=self.fmt_city(c.city) if rng.random() < 0.92 else None,
            zip=self.zip_code(c.city) if addr_text and rng.random() < 0.4 else None,
            country_code=c.country,
            comment=comment if comment is not None else self.comment(),
        )

    def company_original(self, c, kind="original", style=None):
        rng = self.rng
        r = rng.random()
        if r < 0.85:
            phone = c.board.with_ext(str(rng.randrange(1, 999))) if rng.random() < 0.08 else c.board
        elif r < 0.94:
            phone = c.mobile
        else:
            phone = None
        mobile = c.mobile if phone is not c.mobile and rng.random() < 0.25 else None
        email = c.mailbox if rng.random() < 0.8 else None
        has_vat = c.inn and rng.random() < 0.88
        rec = self.company_record(
            c,
            kind,
            c.cluster,
            style or _COMPANY_STYLES(rng),
            phone,
            mobile,
            email,
            c.website if c.website and rng.random() < 0.55 else None,
            rng.random() < 0.7,
            c.inn if has_vat else None,
            c.kpp if has_vat and c.kpp and rng.random() < 0.65 else None,
            c.ogrn if c.ogrn and rng.random() < 0.35 else None,
        )
        c.shown_name = rec["name"]
        c.shown_phone = phone
        c.shown_email = email
        return rec

    def company_copy(self, c):
        rng = self.rng
        stats = self.stats
        scenario = _COMPANY_COPY_SCENARIOS(rng)
        if scenario == "inn" and not c.inn:
            scenario = "phone"
        stats[f"dup company: {scenario}"] += 1
        phone = mobile = email = website = None
        vat = kpp = ogrn = None
        street = False
        comment = None
        if scenario == "inn":
            vat = c.inn
            kpp = c.kpp if c.kpp and rng.random() < 0.4 else None
            ogrn = c.ogrn if c.ogrn and rng.random() < 0.2 else None
            if rng.random() < 0.4:  # entered by a second salesperson with their own contact's number
                mobile = self.mobile(c.country)
                stats["dup company: another contact phone"] += 1
            elif rng.random() < 0.6:
                phone = c.board
            email = c.mailbox if rng.random() < 0.3 else None
            street = rng.random() < 0.4
        elif scenario == "phone":
            phone = c.board.with_ext(str(rng.randrange(1, 999))) if rng.random() < 0.25 else c.board
            email = c.mailbox if rng.random() < 0.4 else None
        elif scenario == "email_web":
            if c.domain and rng.random() < 0.3:
                email = self.unique(lambda n: f"{_ROLE_BOXES(rng)}{n or ''}@{c.domain}")
                stats["dup company: other mailbox of the same domain"] += 1
            else:
                email = c.mailbox
            website = c.website if rng.random() < 0.5 else None
        elif scenario == "other_salesperson":
            mobile = self.mobile(c.country)
            if rng.random() < 0.5:
                phone, mobile = mobile, None
            email = c.mailbox if rng.random() < 0.3 else None
            street = True
            stats["dup company: another contact phone"] += 1
        elif scenario == "typo_street":
            street = True
        elif scenario == "name_city":
            if rng.random() < 0.5:
                phone = self.mobile(c.country)
        if vat is None and c.inn and rng.random() < 0.03:
            comment = f"ИНН {c.inn}"
            stats["dirt: INN in the comment"] += 1
        style = _COPY_COMPANY_STYLES(rng)
        stats[f"dup company name: {style}"] += 1
        if scenario == "typo_street" and not c.latin and len(c.core) >= 5:
            saved = c.core
            c.core = _typo(c.core, rng)
            rec = self.company_record(
                c,
                "duplicate",
                c.cluster,
                style,
                phone,
                mobile,
                email,
                website,
                street,
                vat,
                kpp,
                ogrn,
                copy=False,
                comment=comment,
            )
            c.core = saved
            stats["dup company: typo in the name"] += 1
            return rec
        return self.company_record(
            c,
            "duplicate",
            c.cluster,
            style,
            phone,
            mobile,
            email,
            website,
            street,
            vat,
            kpp,
            ogrn,
            copy=True,
            comment=comment,
        )

    # -- contacts -------------------------------------------------------------------------------
    def contacts(self, c):
        """Key people of a company, each a human being of their own (their own cluster)."""
        rng = self.rng
        r = rng.random()
        n = 0 if r < 0.55 else 1 if r < 0.83 else 2 if r < 0.95 else 3
        people = []
        taken = set()
        for _ in range(n):
            function = _FUNCTIONS(rng)
            if function[0] in taken:
                continue
            taken.add(function[0])
            p = self.person(c.country, fem=rng.random() < function[2], city=c.city)
            people.append((p, function))
        c.contacts = people
        return people

    def contact_record(self, c, p, function, style=None, copy=0):
        rng = self.rng
        stats = self.stats
        canonical, variants, _ = function
        r = rng.random()
        phone = mobile = email = None
        if r < 0.35:
            phone = c.board.with_ext(str(rng.randrange(100, 1000)))
            stats["contacts: switchboard with an extension"] += 1
        elif r < 0.5:
            phone = c.board
            stats["contacts: switchboard"] += 1
        elif r < 0.85:
            phone = p.mobiles[0]
        if rng.random() < 0.3:
            mobile = p.mobiles[0] if phone is not p.mobiles[0] else None
        r = rng.random()
        if c.domain and r < 0.35:
            if len(p.emails) < 2:
                p.emails.append(self.personal_email(p, domain=c.domain))
            email = p.emails[-1]
        elif r < 0.58:
            # the company's own mailbox copied onto the person, or the mailbox of their department
            box = _SHARED_BOX_OF.get(canonical, "office")
            email = f"{box}@{c.domain}" if c.domain and rng.random() < 0.5 else c.mailbox
            stats["contacts: shared mailbox"] += 1
        elif r < 0.7 and p.emails:
            email = p.emails[0]
        style = style or _CONTACT_STYLES(rng)
        name = self.spaces(self.dirty_name(self.person_name(p, style), p, copy))
        return self.record(
            "contact",
            p.cluster,
            name=name,
            is_company=False,
            function=rng.choice(variants) if rng.random() < 0.3 else canonical,
            phone=self.fmt(phone),
            mobile=self.fmt(mobile),
            email=email,
            city=self.fmt_city(c.city) if rng.random() < 0.3 else None,
            country_code=c.country,
            birthday=self.birthday(p.born) if rng.random() < 0.25 else None,
            comment=rng.choice(_CONTACT_COMMENTS) if rng.random() < 0.05 else None,
        )

    def company_client(self, country):
        c = self.company(country)
        original = self.company_original(c)
        self.stats["clients: company"] += 1
        group = [original]
        for p, function in self.contacts(c):
            group.append(self.contact_record(c, p, function))
            if self.rng.random() < 0.04:  # the same person entered twice under the company
                group.append(self.contact_record(c, p, function, copy=1))
                self.stats["contacts: entered twice"] += 1
        if country == "RU":
            self.remember(self.companies, c)
        return c, group

    def company_copy_group(self, c):
        rng = self.rng
        group = [self.company_copy(c)]
        if rng.random() < 0.25:
            if c.contacts and rng.random() < 0.6:  # the same director, under the second card of the company
                p, function = rng.choice(c.contacts)
                group.append(self.contact_record(c, p, function, copy=1))
                self.stats["contacts: again under a copy of the company"] += 1
            else:
                p = self.person(c.country, city=c.city)
                group.append(self.contact_record(c, p, _FUNCTIONS(rng)))
        return group

    # -- hard negatives ---------------------------------------------------------------------------
    def hard_negative(self, budget):
        """Other clients built to resemble an earlier one; a list of groups (may be empty)."""
        rng = self.rng
        kind = _HARD_NEGATIVES(rng)
        person_kinds = ("namesake", "family", "initials", "secretary")
        pool = self.persons if kind in person_kinds else self.companies
        if not pool:
            return []
        anchor = rng.choice(pool)
        groups = getattr(self, f"hn_{kind}")(anchor, budget)
        if groups:
            self.stats[f"hard negative: {kind}"] += len(groups)
        return groups

    def hn_person_record(self, q, ctype, style, phone, mobile, email, street):
        if ctype == "individual_entrepreneur":
            q.inn, q.ogrn = self.inn12(q.city.region), self.ogrnip(q.city.region)
        return self.person_record(q, "hard_negative", q.cluster, ctype, style, phone, mobile, email, street=street)

    def hn_namesake(self, anchor, budget):
        """The same full name in the same city, and nothing else in common."""
        p, ctype = anchor
        rng = self.rng
        q = self.person(p.country, fem=p.fem, city=p.city, sur_m=p.sur_m, giv=p.giv)
        q.pat = p.pat
        phone, mobile = self.person_phones(q)
        rec = self.hn_person_record(
            q,
            ctype if rng.random() < 0.5 else "private_person",
            "full",
            phone,
            mobile,
            q.emails[0] if q.emails else None,
            rng.random() < 0.4,
        )
        if rng.random() < 0.6 and p.shown_name:  # typed exactly as the other one
            rec["name"] = p.shown_name
        return [[rec]]

    def hn_family(self, anchor, budget):
        """A spouse or a child: same surname, same phone, same address, another person."""
        p, _ = anchor
        rng = self.rng
        shared = p.shown_phone or p.landline or p.mobiles[0]
        if rng.random() < 0.5:  # spouse
            q = self.person(
                p.country,
                fem=not p.fem,
                city=p.city,
                sur_m=p.sur_m,
                born=min(_BIRTH_HI, max(_BIRTH_LO, p.born + rng.randrange(-2200, 2200))),
            )
            self.stats["hard negative: family (spouse)"] += 1
        else:  # child; the patronymic is the father's name
            fem = rng.random() < 0.5
            born = min(_BIRTH_HI, p.born + rng.randrange(20 * 365, 35 * 365))
            q = self.person(p.country, fem=fem, city=p.city, sur_m=p.sur_m, born=born, father=None if p.fem else p.giv)
            self.stats["hard negative: family (child)"] += 1
        q.addr = p.addr
        q.landline = p.landline
        r = rng.random()
        phone, mobile = (shared, None) if r < 0.6 else (shared, q.mobiles[0]) if r < 0.85 else (None, shared)
        email = p.shown_email if p.shown_email and rng.random() < 0.1 else (q.emails[0] if q.emails else None)
        style = rng.choice(("full", "full", "sur_giv", "ini"))
        return [[self.hn_person_record(q, "private_person", style, phone, mobile, email, street=rng.random() < 0.6)]]

    def hn_initials(self, anchor, budget):
        """Same surname, disagreeing initials, one phone: Козлов В.Г. beside Козлов Виктор Петрович."""
        p, _ = anchor
        rng = self.rng
        if p.pat is None or not p.shown_phone:
            return []
        for _ in range(20):
            fem = p.fem if rng.random() < 0.7 else not p.fem
            q = self.person(p.country, fem=fem, city=p.city, sur_m=p.sur_m)
            if (q.giv[0], q.pat[0]) != (p.giv[0], p.pat[0]) and q.giv != p.giv:
                break
        else:
            return []
        if rng.random() < 0.5:  # same first initial, the patronymic tells them apart
            for _ in range(20):
                giv = (_FEMALE_RU if fem else _MALE_RU)(rng)
                father = _MALE_RU(rng)
                if giv[0] == p.giv[0] and giv != p.giv and _patronymic(father, fem)[0] != p.pat[0]:
                    q.giv, q.pat = giv, _patronymic(father, fem)
                    break
        style = rng.choice(("ini", "ini", "ini_sp", "ini_before", "full"))
        shared = p.shown_phone
        phone, mobile = (shared, None) if rng.random() < 0.7 else (None, shared)
        return [[self.hn_person_record(q, "private_person", style, phone, mobile, None, street=False)]]

    def hn_secretary(self, anchor, budget):
        """Another director reached through the same secretary: one phone, two unrelated names."""
        p, _ = anchor
        rng = self.rng
        if not p.shown_phone:
            return []
        q = self.person(p.country, city=p.city)
        if q.sur_m == p.sur_m:
            return []
        ctype = "individual_entrepreneur" if rng.random() < 0.3 else "private_person"
        email = q.emails[0] if q.emails and rng.random() < 0.5 else None
        return [[self.hn_person_record(q, ctype, _ORIGINAL_STYLES(rng), p.shown_phone, None, email, street=False)]]

    def hn_employees(self, c, budget):
        """Employees typed in as private persons with the office switchboard or a shared mailbox."""
        rng = self.rng
        groups = []
        r = rng.random()
        count = 1 if r < 0.45 else 2 if r < 0.9 else 3
        if c.shown_email and rng.random() < 0.5:
            shared = c.shown_email
        else:
            box = rng.choice(("office", "info", "buh", "zakaz", "sales"))
            shared = f"{box}@{c.domain}" if c.domain else c.mailbox
        for _ in range(min(budget, count)):
            q = self.person(c.country, city=c.city)
            r = rng.random()
            phone = c.board if r < 0.5 else c.board.with_ext(str(rng.randrange(100, 1000))) if r < 0.8 else None
            mobile = q.mobiles[0] if phone is None or rng.random() < 0.3 else None
            if rng.random() < 0.65:
                email = shared
                self.stats["hard negative: employee with a shared mailbox"] += 1
            else:
                email = q.emails[0] if q.emails else None
            groups.append(
                [self.hn_person_record(q, "private_person", _ORIGINAL_STYLES(rng), phone, mobile, email, street=False)]
            )
        return groups

    def hn_company(self, c, core, alts, form, city, same_name=False):
        d = self.company(c.country, prefix=c.prefix, core=core, alts=alts, form=form, city=city)
        rec = self.company_original(d, kind="hard_negative")
        if same_name and c.shown_name and self.rng.random() < 0.6:
            rec["name"] = c.shown_name
        return [[rec]]

    def hn_same_name(self, c, budget):
        return self.hn_company(c, c.core, c.alts, c.form, c.city, same_name=True)

    def hn_other_form(self, c, budget):
        others = [f for f in ("ООО", "АО", "ЗАО", "ПАО", "ОАО") if f != c.form]
        return self.hn_company(c, c.core, c.alts, self.rng.choice(others), c.city)

    def hn_brand_variant(self, c, budget):
        rng = self.rng
        core = c.core + rng.choice(_BRAND_VARIANTS)
        city = c.city if rng.random() < 0.6 else _CITIES["RU"](rng)
        return self.hn_company(c, core, (core,), c.form if rng.random() < 0.8 else _FORM_PICK["RU"](rng), city)

    def hn_branch(self, c, budget):
        """A branch: the INN of the head office, its own KPP, another city, its own phone; a client of its own."""
        rng = self.rng
        for _ in range(10):
            city = _CITIES["RU"](rng)
            if city.name != c.city.name:
                break
        else:
            return []
        d = self.company("RU", prefix=c.prefix, core=c.core, alts=c.alts, form=c.form, city=city)
        self.used.discard(d.inn)
        d.inn = c.inn
        d.kpp = f"{city.region}{rng.randrange(1, 52):02d}{rng.choice(('43', '45', '02'))}001"
        d.ogrn = c.ogrn
        if c.domain and rng.random() < 0.5:
            d.mailbox = self.unique(lambda n: f"{_slug(city.name)[:8]}{n or ''}@{c.domain}")
            d.website = c.website
        rec = self.company_original(d, kind="hard_negative")
        rec["vat"] = c.inn if rng.random() < 0.9 else None
        rec["kpp"] = d.kpp if rec["vat"] else None
        name = c.shown_name or rec["name"]
        r = rng.random()
        if r < 0.3:
            rec["name"] = f"{name} ({city.name})"
        elif r < 0.5:
            rec["name"] = f"Филиал {name} в г. {city.name}"
        elif r < 0.6:
            rec["name"] = f"{name} филиал {city.name}"
        elif r < 0.85:
            rec["name"] = name
        return [[rec]]

    def hn_holding(self, c, budget):
        """A holding and its subsidiary: other INN and name, the same website or mail domain."""
        rng = self.rng
        if not c.domain:
            return []
        if rng.random() < 0.7:
            core = f"{c.core} {rng.choice(_HOLDING_TAILS)}"
            prefix, form = None, "ООО"
        else:
            core, prefix, form = c.core, "ГК", "АО"
        d = self.company("RU", prefix=prefix, core=core, alts=(core,), form=form, city=c.city)
        d.domain, d.website = c.domain, c.website
        d.mailbox = self.unique(
            lambda n: f"{rng.choice(('info', 'office', 'hr', 'logistics', 'finance'))}{n or ''}@{c.domain}"
        )
        rec = self.company_original(d, kind="hard_negative")
        if rec["website"] is None and rec["email"] is None:
            rec["website"] = c.website
        return [[rec]]

    # -- the base -------------------------------------------------------------------------------
    def client(self, budget):
        """A new real-world client: its groups now, and its copies for later (within the budget)."""
        rng = self.rng
        country = _COUNTRY_PICK(rng)
        if country != "RU":
            self.stats[f"clients: foreign {country}"] += 1
        company = rng.random() < 0.45 if country not in ("DE", "US", "CN") else rng.random() < 0.75
        copies = 0
        if budget > 1 and rng.random() < 0.09:
            r = rng.random()
            copies = min(budget - 1, 1 if r < 0.8 else 2 if r < 0.96 else 3)
            self.stats[f"clusters: client entered {copies + 1} times"] += 1
        if company:
            c, group = self.company_client(country)
            later = [self.company_copy_group(c) for _ in range(copies)]
        else:
            p, ctype, original = self.person_client(country)
            group = [original]
            later = [[self.person_copy(p, ctype)] for _ in range(copies)]
        return [group], later


def _generate(size, seed, with_contacts, stats):
    # Millions of long-lived dicts and no cycles: the cyclic collector would only rescan them, again and again.
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _generate_records(size, seed, with_contacts, stats)
    finally:
        if enabled:
            gc.enable()


def _generate_records(size, seed, with_contacts, stats):
    gen = _Generator(seed, stats)
    rng = gen.rng
    out = []
    pending = []  # (due, sequence, group): copies wait until later in the list, as re-entries do
    planned = emitted = sequence = number = 0

    def emit(group):
        nonlocal number, emitted
        top = group[0]
        number += 1
        top["ref"] = f"{REF_PREFIX}-{number:07d}"
        out.append(top)
        emitted += 1
        for contact in group[1:]:
            number += 1  # counted even when contacts are left out, so refs stay the same
            if with_contacts:
                contact["ref"] = f"{REF_PREFIX}-{number:07d}"
                contact["parent_ref"] = top["ref"]
                out.append(contact)

    while planned < size:
        budget = size - planned
        if rng.random() < 0.052:
            now, later = gen.hard_negative(budget), []
        else:
            now, later = gen.client(budget)
        for group in now:
            emit(group)
        for group in later:
            delay = rng.randrange(1, 300) if rng.random() < 0.4 else rng.randrange(1, max(2, size // 2))
            heapq.heappush(pending, (emitted + delay, sequence, group))
            sequence += 1
        planned += len(now) + len(later)
        while pending and pending[0][0] <= emitted:
            emit(heapq.heappop(pending)[2])
    while pending:
        emit(heapq.heappop(pending)[2])
    return out


def generate(size, seed=0, with_contacts=True):
    """``size`` top-level records (clients, their copies, hard negatives), key contacts on top."""
    return _generate(size, seed, with_contacts, Counter())


def duplicate_pairs(records):
    """Every unordered pair of refs in one cluster, as sorted tuples."""
    clusters = defaultdict(list)
    for record in records:
        clusters[record["cluster"]].append(record["ref"])
    pairs = set()
    for refs in clusters.values():
        if len(refs) > 1:
            pairs.update(itertools.combinations(sorted(refs), 2))
    return pairs


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=1000, help="top-level records (contacts come on top)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--no-contacts", action="store_true", help="leave the key contacts out")
    parser.add_argument("--out", help="JSON lines file (default: stdout)")
    args = parser.parse_args(argv)
    stats = Counter()
    start = time.perf_counter()
    records = _generate(args.size, args.seed, not args.no_contacts, stats)
    seconds = time.perf_counter() - start
    stream = open(args.out, "w", encoding="utf-8") if args.out else sys.stdout
    try:
        for record in records:
            stream.write(json.dumps(record, ensure_ascii=False) + "\n")
    finally:
        if args.out:
            stream.close()
    kinds = Counter(record["kind"] for record in records)
    print(f"{len(records)} records in {seconds:.1f} s (size {args.size}, seed {args.seed})", file=sys.stderr)
    for kind, count in sorted(kinds.items()):
        print(f"  kind {kind}: {count}", file=sys.stderr)
    print(f"  duplicate pairs: {len(duplicate_pairs(records))}", file=sys.stderr)
    for key, count in sorted(stats.items()):
        print(f"  {key}: {count}", file=sys.stderr)


if __name__ == "__main__":
    main()
