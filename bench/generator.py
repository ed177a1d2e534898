#!/usr/bin/env python3
"""Generator of a realistic client base (res.partner) with labeled duplicates.

Used by the benchmarks (speed; precision and recall of the duplicate detector) and by the demo
database. Pure Python (stdlib and python-stdnum), deterministic for a given seed, and fast enough
for a million clients: every choice comes from precomputed lists and phone numbers are formatted
by hand rather than through phonenumbers.

``generate(size, seed)`` returns a list of dicts whose keys map onto res.partner fields, plus two
labels: ``cluster`` (records of the same real-world client share it; every other record has a
cluster of its own) and ``kind``:

* ``original``: a client as first entered;
* ``duplicate``: the same client entered again, with realistic dirt (typos, legal form moved or
  transliterated, another phone format, upper-cased email, missing fields...);
* ``hard_negative``: a different client that looks like an original (namesake firm with another
  INN, "X Плюс" next to "X", a branch with the same INN but another KPP, a namesake person);
* ``contact``: a key contact (child of a company), with a ``function``.

Every top-level record (``parent_ref`` is None) counts in ``size``; contacts come on top, each
right after its parent. Command line::

    python bench/generator.py --size 1000 --seed 1 --out clients.jsonl
"""

import argparse
import gc
import json
import random
import re
import sys
import time
from collections import Counter, defaultdict
from datetime import date
from itertools import combinations

from stdnum.ru.inn import calc_company_check_digit, calc_personal_check_digits

REF_PREFIX = "GEN"
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
KINDS = ("original", "duplicate", "hard_negative", "contact")


def _expand(pairs):
    """A list in which each value appears as many times as its (integer) weight: for choice()."""
    return tuple(value for value, weight in pairs for _ in range(weight))


# ---------------------------------------------------------------------------------------------
# Word lists
# ---------------------------------------------------------------------------------------------

RU_SINGLE = (
    "Ромашка Вектор Альфа Бета Омега Гранит Меридиан Орион Сириус Атлант Авангард Прогресс Импульс "
    "Спектр Континент Горизонт Эталон Стандарт Профиль Капитал Ресурс Лидер Успех Рассвет Восход "
    "Берёзка Ёлочка Колос Нива Радуга Парус Маяк Вымпел Факел Кристалл Алмаз Янтарь Малахит Сапфир "
    "Рубин Азимут Квадрат Пульсар Зенит Фаворит Гарант Магистраль Монолит Союз Темп Пилот Старт "
    "Оптима Премьер Арсенал Легион Элита Универсал Экспресс Дельта Сигма Гамма Титан Сатурн Юпитер "
    "Полюс Феникс Олимп Соболь Байкал Волга Урал Алтай Амур Енисей Ладога Нева Кама Сибирь Таврия "
    "Самоцвет Озёрный Журавль Кедр Сокол Тайга Родник Светлячок Уют Очаг Стимул Вершина Созвездие"
).split()
RU_PREFIX = (
    "Строй Техно Агро Энерго Транс Пром Газ Нефте Авто Мед Фарм Инфо Медиа Эко Гео Тех Электро "
    "Металл Хим Лес Торг Снаб Сельхоз Жил Гидро Термо Спец Рос Евро Сиб Урал Волго Мега Дор Кабель "
    "Нано Полимер Стекло Бетон Тепло"
).split()
RU_SUFFIX = (
    "Инвест Сервис Строй Трейд Групп Снаб Торг Монтаж Проект Ресурс Комплект Маркет Систем Лайн "
    "Холдинг Логистик Транс Софт Тех Пром Стандарт Альянс Центр Профи Мир Дом Маш Энерго Консалт "
    "Девелопмент Импорт Продукт"
).split()
REAL_BRANDS = ("Газпром", "Транснефть", "Ростех")  # well-known companies, not generated
RU_ADJ = (
    ("Северный", "Северная"),
    ("Южный", "Южная"),
    ("Зелёный", "Зелёная"),
    ("Белый", "Белая"),
    ("Новый", "Новая"),
    ("Золотой", "Золотая"),
    ("Первый", "Первая"),
    ("Сибирский", "Сибирская"),
    ("Уральский", "Уральская"),
    ("Звёздный", "Звёздная"),
    ("Тихий", "Тихая"),
    ("Красный", "Красная"),
    ("Русский", "Русская"),
    ("Вольный", "Вольная"),
    ("Светлый", "Светлая"),
    ("Центральный", "Центральная"),
    ("Восточный", "Восточная"),
    ("Западный", "Западная"),
    ("Балтийский", "Балтийская"),
    ("Весёлый", "Весёлая"),
)
RU_NOUNS = tuple((w, "m") for w in "Ветер Берег Путь Мост Дом Город Край Мир Остров Альянс Двор Сад".split()) + tuple(
    (w, "f") for w in "Река Звезда Волна Линия Гавань Долина Роща Вершина Пристань Поляна".split()
)
RU_TAILS = ("-М", "-2", "-Юг", "-Север", "-Центр", " НН", "-К", " 24", "-Проф", "-Урал", "-Запад", "-1", "-Д")
HN_SUFFIXES = (" Плюс", "-Сервис", " Групп", "-Трейд", "-Холдинг", " Про", "-Инвест", "-Строй", "-Регион")
EN_SUFFIXES = (" Group", " International", " Solutions", " Holdings", " Global", " & Partners")

EN_WORDS1 = (
    "Global Nordic Blue Apex Summit Vertex Pioneer Horizon Atlas Silver Green Bright Crown Delta "
    "Eagle Falcon Granite Harbor Liberty Maple Oak Phoenix Quantum Sterling Titan United Westfield "
    "Zenith Northstar Redwood"
).split()
EN_WORDS2 = (
    "Trading Logistics Solutions Systems Consulting Industries Technologies Partners Foods Energy "
    "Capital Holdings Labs Software Engineering Supply Ventures Media Marine Analytics"
).split()
DE_WORDS1 = "Nord Süd Rhein Alpen Elbe Berg Stahl Holz Tech Bau Licht Daten Sonnen Wasser Main".split()
DE_WORDS2 = "technik bau handel logistik systeme werke service consult maschinenbau software".split()

RU_FORMS = _expand((("ООО", 75), ("АО", 10), ("ПАО", 2), ("ЗАО", 5)))
KZ_FORMS = _expand((("ТОО", 85), ("АО", 15)))
BY_FORMS = _expand((("ООО", 55), ("ОАО", 10), ("ЗАО", 5), ("ЧУП", 20), ("ОДО", 10)))
DE_FORMS = _expand((("GmbH", 80), ("AG", 10), ("KG", 5), ("GmbH & Co. KG", 5)))
GB_FORMS = _expand((("Ltd", 80), ("PLC", 10), ("LLP", 10)))
US_FORMS = _expand((("LLC", 45), ("Inc.", 40), ("Corp.", 15)))
FORMS = {"RU": RU_FORMS, "KZ": KZ_FORMS, "BY": BY_FORMS, "DE": DE_FORMS, "GB": GB_FORMS, "US": US_FORMS}
LONG_FORMS = {
    "ООО": "Общество с ограниченной ответственностью",
    "АО": "Акционерное общество",
    "ПАО": "Публичное акционерное общество",
    "ЗАО": "Закрытое акционерное общество",
    "ОАО": "Открытое акционерное общество",
    "ТОО": "Товарищество с ограниченной ответственностью",
    "ЧУП": "Частное унитарное предприятие",
    "ОДО": "Общество с дополнительной ответственностью",
    "ИП": "Индивидуальный предприниматель",
}
LATIN_FORMS = {
    "ООО": ("LLC", "OOO", "Ltd"),
    "АО": ("JSC", "AO"),
    "ПАО": ("PJSC", "PAO"),
    "ЗАО": ("CJSC", "ZAO"),
    "ОАО": ("OJSC", "OAO"),
    "ТОО": ("LLP", "TOO"),
    "ЧУП": ("PUE", "ChUP"),
    "ОДО": ("ALC", "ODO"),
    "ИП": ("IP", "IE"),
}
# How people rewrite a foreign legal form (the first entry of each is "dropped").
FOREIGN_FORM_VARIANTS = {
    "GmbH": ("", "Gmbh", "G.m.b.H.", "GMBH"),
    "AG": ("", "A.G."),
    "KG": ("", "K.G."),
    "GmbH & Co. KG": ("", "GmbH & Co KG", "GmbH"),
    "Ltd": ("", "Limited", "Ltd.", "LTD"),
    "PLC": ("", "plc", "P.L.C."),
    "LLP": ("", "L.L.P."),
    "LLC": ("", "L.L.C.", ", LLC", "Llc"),
    "Inc.": ("", "Inc", ", Inc.", "Incorporated"),
    "Corp.": ("", "Corp", "Corporation"),
}
LATIN_COUNTRIES = ("DE", "GB", "US")

RU_SURNAMES = (
    "Иванов Петров Сидоров Смирнов Кузнецов Попов Васильев Соколов Михайлов Новиков Фёдоров Морозов "
    "Волков Алексеев Лебедев Семёнов Егоров Павлов Козлов Степанов Николаев Орлов Андреев Макаров "
    "Никитин Захаров Зайцев Соловьёв Борисов Яковлев Григорьев Романов Воробьёв Сергеев Кузьмин "
    "Фролов Александров Дмитриев Королёв Гусев Киселёв Ильин Максимов Поляков Сорокин Виноградов "
    "Ковалёв Белов Медведев Антонов Тарасов Жуков Баранов Филиппов Комаров Давыдов Беляев Герасимов "
    "Богданов Осипов Матвеев Титов Марков Миронов Крылов Куликов Карпов Власов Мельников Денисов "
    "Гаврилов Тихонов Казаков Афанасьев Данилов Савельев Тимофеев Фомин Чернов Абрамов Мартынов "
    "Ефимов Федотов Щербаков Назаров Калинин Исаев Чернышёв Быков Маслов Родионов Коновалов Лазарев "
    "Воронин Климов Филатов Пономарёв Голубев Кудрявцев Прохоров Наумов Потапов Журавлёв Овчинников "
    "Трофимов Леонов Соболев Ермаков Колесников Гончаров Емельянов Никифоров Грачёв Котов Гришин "
    "Ефремов Архипов Громов Кириллов Малышев Панов Моисеев Румянцев Акимов Кондратьев Бирюков "
    "Горбунов Анисимов Ерёмин Тихомиров Галкин Лукьянов Михеев Скворцов Юдин Белоусов Нестеров "
    "Симонов Прокофьев Харитонов Князев Цветков Левин Воронцов Аксёнов Мальцев Логинов Горшков Савин "
    "Краснов Майоров Демидов Елисеев Рыбаков Сафонов Плотников Хохлов Жданов Шевченко Бондаренко "
    "Коваленко Ткаченко Кравченко Черных Седых Белых Долгих Ким Цой Пак Вишневский Ковальский "
    "Островский Покровский Троицкий Успенский Булгаков Толстой Трубецкой Полевой"
).split()
KZ_SURNAMES = (
    "Ахметов Сериков Жумабаев Нурланов Касымов Абдрахманов Омаров Бекенов Искаков Султанов "
    "Тулегенов Садыков Ермеков Мусин Байжанов Калиев Сагинтаев Есенов"
).split()
BY_SURNAMES = "Лукашевич Новик Жук Бондарчук Ковальчук Мельник Кравчук Макаревич Шапошник Ярошевич".split()
# Father's name -> (male patronymic, female patronymic); the names double as male first names.
RU_FATHERS = (
    ("Александр", "Александрович", "Александровна"),
    ("Алексей", "Алексеевич", "Алексеевна"),
    ("Андрей", "Андреевич", "Андреевна"),
    ("Антон", "Антонович", "Антоновна"),
    ("Артём", "Артёмович", "Артёмовна"),
    ("Борис", "Борисович", "Борисовна"),
    ("Вадим", "Вадимович", "Вадимовна"),
    ("Василий", "Васильевич", "Васильевна"),
    ("Виктор", "Викторович", "Викторовна"),
    ("Владимир", "Владимирович", "Владимировна"),
    ("Вячеслав", "Вячеславович", "Вячеславовна"),
    ("Геннадий", "Геннадьевич", "Геннадьевна"),
    ("Георгий", "Георгиевич", "Георгиевна"),
    ("Григорий", "Григорьевич", "Григорьевна"),
    ("Денис", "Денисович", "Денисовна"),
    ("Дмитрий", "Дмитриевич", "Дмитриевна"),
    ("Евгений", "Евгеньевич", "Евгеньевна"),
    ("Егор", "Егорович", "Егоровна"),
    ("Иван", "Иванович", "Ивановна"),
    ("Игорь", "Игоревич", "Игоревна"),
    ("Илья", "Ильич", "Ильинична"),
    ("Кирилл", "Кириллович", "Кирилловна"),
    ("Константин", "Константинович", "Константиновна"),
    ("Лев", "Львович", "Львовна"),
    ("Максим", "Максимович", "Максимовна"),
    ("Михаил", "Михайлович", "Михайловна"),
    ("Никита", "Никитич", "Никитична"),
    ("Николай", "Николаевич", "Николаевна"),
    ("Олег", "Олегович", "Олеговна"),
    ("Павел", "Павлович", "Павловна"),
    ("Пётр", "Петрович", "Петровна"),
    ("Роман", "Романович", "Романовна"),
    ("Семён", "Семёнович", "Семёновна"),
    ("Сергей", "Сергеевич", "Сергеевна"),
    ("Станислав", "Станиславович", "Станиславовна"),
    ("Степан", "Степанович", "Степановна"),
    ("Тимур", "Тимурович", "Тимуровна"),
    ("Фёдор", "Фёдорович", "Фёдоровна"),
    ("Юрий", "Юрьевич", "Юрьевна"),
    ("Ярослав", "Ярославович", "Ярославовна"),
    ("Анатолий", "Анатольевич", "Анатольевна"),
    ("Валерий", "Валерьевич", "Валерьевна"),
    ("Руслан", "Русланович", "Руслановна"),
)
KZ_FATHERS = (
    ("Нурлан", "Нурланович", "Нурлановна"),
    ("Ерлан", "Ерланович", "Ерлановна"),
    ("Асхат", "Асхатович", "Асхатовна"),
    ("Серик", "Серикович", "Сериковна"),
    ("Бауыржан", "Бауыржанович", "Бауыржановна"),
    ("Марат", "Маратович", "Маратовна"),
    ("Дархан", "Дарханович", "Дархановна"),
    ("Айдар", "Айдарович", "Айдаровна"),
)
RU_MALE = tuple(f[0] for f in RU_FATHERS)
KZ_MALE = tuple(f[0] for f in KZ_FATHERS)
RU_FEMALE = (
    "Мария Анна Елена Ольга Наталья Ирина Татьяна Светлана Екатерина Юлия Анастасия Дарья Алёна "
    "Ксения Марина Галина Людмила Валентина Надежда Вера Любовь Софья Полина Виктория Алина Евгения "
    "Кристина Оксана Жанна Лариса"
).split()
KZ_FEMALE = "Айгуль Динара Асель Жанар Гульнара Алия Камила Мадина".split()
EN_MALE = "John James Michael David Robert William Richard Thomas Daniel Paul Mark George Peter Andrew".split()
EN_FEMALE = "Mary Jennifer Linda Elizabeth Susan Sarah Emma Olivia Emily Laura Anna Kate".split()
EN_SURNAMES = (
    "Smith Johnson Williams Brown Jones Miller Davis Wilson Taylor Anderson Thomas Moore Martin "
    "Clark Walker Wright Hughes Evans Roberts Turner"
).split()
DE_MALE = "Hans Klaus Stefan Thomas Michael Andreas Jürgen Markus Frank Uwe".split()
DE_FEMALE = "Anna Katrin Julia Sabine Petra Monika Claudia Ursula Sandra Birgit".split()
DE_SURNAMES = (
    "Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Schäfer Koch Bauer "
    "Richter Klein Wolf Schröder Neumann Schwarz Zimmermann"
).split()

RU_FUNCTIONS = _expand(
    (
        ("Генеральный директор", 12),
        ("Директор", 10),
        ("Главный бухгалтер", 12),
        ("Бухгалтер", 8),
        ("Менеджер по закупкам", 12),
        ("Коммерческий директор", 6),
        ("Финансовый директор", 4),
        ("Руководитель отдела продаж", 5),
        ("Офис-менеджер", 6),
        ("Юрист", 4),
        ("Главный инженер", 4),
        ("Секретарь", 4),
        ("Заместитель директора", 5),
        ("Начальник отдела снабжения", 5),
        ("Логист", 3),
    )
)
EN_FUNCTIONS = _expand(
    (
        ("CEO", 10),
        ("Managing Director", 8),
        ("CFO", 4),
        ("Purchasing Manager", 10),
        ("Sales Manager", 8),
        ("Accountant", 8),
        ("Office Manager", 6),
        ("Head of Logistics", 4),
    )
)
DE_FUNCTIONS = _expand((("Geschäftsführer", 10), ("Einkaufsleiter", 8), ("Buchhalterin", 6), ("Vertrieb", 6)))
FUNCTIONS = {"RU": RU_FUNCTIONS, "KZ": RU_FUNCTIONS, "BY": RU_FUNCTIONS}

COMMENTS_RU = (
    "Постоянный клиент",
    "Звонить после 14:00",
    "VIP",
    "Работаем по предоплате",
    "Просил не беспокоить в выходные",
    "Договор до конца года",
    "Интересуется оптом",
    "Пришёл с выставки",
    "Рекомендация партнёра",
    "Счета отправлять на почту",
    "Заявка с сайта",
    "Импорт из 1С",
)
COMMENTS_EN = ("Key account", "Met at the trade fair", "Prefers email", "Net 30 payment terms", "Referral")

# ---------------------------------------------------------------------------------------------
# Geography: cities with their INN region code, postcodes and phone area codes
# ---------------------------------------------------------------------------------------------


class City:
    __slots__ = ("country", "name", "region", "zips", "landlines", "slug")

    def __init__(self, country, name, region, zips, landlines):
        self.country = country
        self.name = name
        self.region = region  # INN / OGRN region code (Russia only)
        self.zips = zips  # (low, high, width) or a tuple of UK outward codes
        # (area code, allowed first digits of the subscriber number, subscriber number length)
        self.landlines = landlines
        self.slug = None


def _ru(name, region, zlo, zhi, areas):
    return City("RU", name, region, (zlo, zhi, 6), tuple((a, "23456789", 10 - len(a)) for a in areas))


RU_CITIES = (
    (_ru("Москва", "77", 101000, 129350, ("495", "499")), 30),
    (_ru("Санкт-Петербург", "78", 190000, 199406, ("812",)), 12),
    (_ru("Новосибирск", "54", 630000, 630132, ("383",)), 4),
    (_ru("Екатеринбург", "66", 620000, 620150, ("343",)), 4),
    (_ru("Казань", "16", 420000, 420140, ("843",)), 4),
    (_ru("Нижний Новгород", "52", 603000, 603163, ("831",)), 3),
    (_ru("Самара", "63", 443000, 443125, ("846",)), 3),
    (_ru("Ростов-на-Дону", "61", 344000, 344113, ("863",)), 3),
    (_ru("Краснодар", "23", 350000, 350089, ("861",)), 3),
    (_ru("Челябинск", "74", 454000, 454139, ("351",)), 3),
    (_ru("Омск", "55", 644000, 644123, ("3812",)), 2),
    (_ru("Уфа", "02", 450000, 450112, ("347",)), 2),
    (_ru("Красноярск", "24", 660000, 660135, ("391",)), 2),
    (_ru("Пермь", "59", 614000, 614113, ("342",)), 2),
    (_ru("Воронеж", "36", 394000, 394095, ("473",)), 2),
    (_ru("Волгоград", "34", 400000, 400138, ("8442",)), 2),
    (_ru("Владивосток", "25", 690000, 690109, ("423",)), 2),
    (_ru("Калининград", "39", 236000, 236044, ("4012",)), 1),
    (_ru("Тюмень", "72", 625000, 625054, ("3452",)), 1),
    (_ru("Иркутск", "38", 664000, 664082, ("3952",)), 1),
    (_ru("Хабаровск", "27", 680000, 680054, ("4212",)), 1),
    (_ru("Ярославль", "76", 150000, 150066, ("4852",)), 1),
    (_ru("Тула", "71", 300000, 300062, ("4872",)), 1),
    (_ru("Сочи", "23", 354000, 354399, ("862",)), 1),
    (_ru("Химки", "50", 141400, 141446, ("495", "498")), 1),
    (_ru("Подольск", "50", 142100, 142181, ("4967",)), 1),
)
KZ_CITIES = (
    (City("KZ", "Алматы", None, (50000, 50063, 6), (("727", "2379", 7),)), 5),
    (City("KZ", "Астана", None, (10000, 10017, 6), (("7172", "23456789", 6),)), 4),
    (City("KZ", "Караганда", None, (100000, 100029, 6), (("7212", "23456789", 6),)), 1),
    (City("KZ", "Шымкент", None, (160000, 160050, 6), (("7252", "23456789", 6),)), 1),
)
BY_CITIES = (
    (City("BY", "Минск", None, (220000, 220141, 6), (("17", "23456789", 7),)), 6),
    (City("BY", "Гомель", None, (246000, 246050, 6), (("232", "23456789", 6),)), 1),
    (City("BY", "Брест", None, (224000, 224030, 6), (("162", "23456789", 6),)), 1),
    (City("BY", "Витебск", None, (210000, 210041, 6), (("212", "23456789", 6),)), 1),
    (City("BY", "Гродно", None, (230000, 230029, 6), (("152", "23456789", 6),)), 1),
)
DE_CITIES = (
    (City("DE", "Berlin", None, (10115, 14199, 5), (("30", "23456789", 7), ("30", "23456789", 8))), 4),
    (City("DE", "München", None, (80331, 81929, 5), (("89", "23456789", 7), ("89", "23456789", 8))), 3),
    (City("DE", "Hamburg", None, (20095, 22769, 5), (("40", "23456789", 7), ("40", "23456789", 8))), 2),
    (City("DE", "Frankfurt am Main", None, (60306, 65936, 5), (("69", "23456789", 7),)), 2),
    (City("DE", "Köln", None, (50667, 51149, 5), (("221", "23456789", 7),)), 1),
)
GB_CITIES = (
    (City("GB", "London", None, ("EC1A", "EC2M", "W1D", "SW1A", "N1", "E1", "SE1", "WC2N"), (("20", "3478", 8),)), 5),
    (City("GB", "Manchester", None, ("M1", "M2", "M3", "M4"), (("161", "23456789", 7),)), 2),
    (City("GB", "Birmingham", None, ("B1", "B2", "B3", "B4"), (("121", "234567", 7),)), 2),
    (City("GB", "Edinburgh", None, ("EH1", "EH2", "EH3"), (("131", "2345678", 7),)), 1),
)
US_CITIES = (
    (City("US", "New York", None, (10001, 10282, 5), (("212", "23456789", 7), ("646", "23456789", 7))), 4),
    (City("US", "San Francisco", None, (94102, 94188, 5), (("415", "23456789", 7),)), 2),
    (City("US", "Chicago", None, (60601, 60661, 5), (("312", "23456789", 7),)), 2),
    (City("US", "Boston", None, (2108, 2137, 5), (("617", "23456789", 7),)), 1),
    (City("US", "Los Angeles", None, (90001, 90089, 5), (("213", "23456789", 7),)), 2),
    (City("US", "Seattle", None, (98101, 98199, 5), (("206", "23456789", 7),)), 1),
)
CITIES = {
    code: _expand(cities)
    for code, cities in (
        ("RU", RU_CITIES),
        ("KZ", KZ_CITIES),
        ("BY", BY_CITIES),
        ("DE", DE_CITIES),
        ("GB", GB_CITIES),
        ("US", US_CITIES),
    )
}
COUNTRIES = _expand((("RU", 80), ("KZ", 6), ("BY", 5), ("DE", 3), ("GB", 3), ("US", 3)))
CLIENT_TYPES = {
    "RU": _expand((("company", 58), ("individual_entrepreneur", 20), ("private_person", 22))),
    "KZ": _expand((("company", 70), ("individual_entrepreneur", 15), ("private_person", 15))),
    "BY": _expand((("company", 70), ("individual_entrepreneur", 15), ("private_person", 15))),
    "DE": _expand((("company", 85), ("private_person", 15))),
    "GB": _expand((("company", 85), ("private_person", 15))),
    "US": _expand((("company", 85), ("private_person", 15))),
}

# Mobile prefixes: (area code, allowed first digits, subscriber number length).
RU_MOBILE = tuple((f"9{i:02d}", "0123456789", 7) for i in (*range(30), *range(50, 70), *range(77, 100)))
KZ_MOBILE = tuple((a, "0123456789", 7) for a in "700 701 702 705 707 708 747 771 775 776 777 778".split())
# 29 numbers never start with 0 (phonenumbers' metadata): every generated number is valid.
BY_MOBILE = (("29", "123456789", 7), ("33", "0123456789", 7), ("44", "0123456789", 7))
DE_MOBILE = tuple((a, "0123456789", 8) for a in ("151", "152", "157", "176")) + tuple(
    (a, "0123456789", 7) for a in ("160", "170", "171", "172")
)
# 7700 is Ofcom's range reserved for drama: phonenumbers rightly calls it invalid.
GB_MOBILE = tuple(
    (f"7{d}{i:02d}", "0123456789", 6) for d in "45789" for i in range(0, 100, 7) if f"{d}{i:02d}" != "700"
)
US_MOBILE = ()  # US mobiles share the area codes of the city
MOBILES = {"RU": RU_MOBILE, "KZ": KZ_MOBILE, "BY": BY_MOBILE, "DE": DE_MOBILE, "GB": GB_MOBILE, "US": US_MOBILE}
CALLING_CODES = {"RU": "7", "KZ": "7", "BY": "375", "DE": "49", "GB": "44", "US": "1"}

# Phone formats, by calling code: {a} area code, {l} subscriber number, {d} / {s} subscriber number
# grouped 3-2-2 (or 2-2-2) with dashes / spaces, {h} split in two halves, {u} halves with a dash.
PHONE_STYLES = {
    "7": (
        ("+7 {a} {d}", 25),
        ("8 ({a}) {d}", 20),
        ("8{a}{l}", 8),
        ("+7({a}){l}", 5),
        ("7 {a} {s}", 5),
        ("+7{a}{l}", 10),
        ("+7 ({a}) {d}", 12),
        ("8-{a}-{d}", 5),
        ("8 {a} {s}", 5),
        ("8 ({a}) {l}", 5),
    ),
    "375": (
        ("+375 {a} {d}", 40),
        ("+375 ({a}) {d}", 30),
        ("+375{a}{l}", 15),
        ("+375-{a}-{d}", 10),
        ("+375 {a} {s}", 5),
    ),
    "49": (("+49 {a} {l}", 45), ("+49 (0){a} {l}", 20), ("+49{a}{l}", 15), ("+49 {a} {h}", 15), ("+49-{a}-{l}", 5)),
    "44": (("+44 {a} {h}", 50), ("+44 (0){a} {h}", 25), ("+44{a}{l}", 15), ("+44 {a}{l}", 10)),
    "1": (("+1 {a} {h}", 25), ("+1 ({a}) {u}", 35), ("+1-{a}-{u}", 20), ("+1{a}{l}", 15), ("+1 {a}-{u}", 5)),
}
PHONE_STYLE_CHOICE = {cc: _expand(enumerate(w for _, w in styles)) for cc, styles in PHONE_STYLES.items()}
PHONE_TEMPLATES = {cc: tuple(t for t, _ in styles) for cc, styles in PHONE_STYLES.items()}

# Streets named after someone or something (genitive): they go with any street type.
RU_STREETS = (
    "Ленина Мира Гагарина Пушкина Кирова Строителей Победы Чапаева Горького Лермонтова Чехова "
    "Свердлова Дзержинского Фрунзе Куйбышева Маяковского Суворова Космонавтов Энтузиастов"
).split() + ["Карла Маркса", "Льва Толстого", "50 лет Октября", "Красной Армии"]
# Adjectival (feminine) street names: "улица" only.
RU_STREETS_FEMININE = (
    "Советская Садовая Лесная Школьная Молодёжная Центральная Набережная Октябрьская Комсомольская "
    "Первомайская Заводская Полевая Московская Новая Солнечная Зелёная Юбилейная Спортивная Северная "
    "Южная Железнодорожная Пролетарская"
).split()
KZ_STREETS = ("Абая", "Сатпаева", "Толе би", "Жандосова", "Кабанбай батыра", "Достык", "Республики")
BY_STREETS = ("Независимости", "Немига", "Притыцкого", "Сурганова", "Победителей", "Кальварийская")
STREET_TYPES = _expand((("ул.", 70), ("пр-т", 10), ("пер.", 8), ("б-р", 4), ("ш.", 3), ("наб.", 2)))
DE_STREETS = (
    "Hauptstraße",
    "Bahnhofstraße",
    "Schulstraße",
    "Gartenstraße",
    "Berliner Straße",
    "Lindenstraße",
    "Friedrichstraße",
    "Kaiserstraße",
)
GB_STREETS = ("High Street", "Station Road", "Baker Street", "King Street", "Church Lane", "Victoria Road")
US_STREETS = ("Main Street", "Broadway", "Market Street", "5th Avenue", "Oak Street", "Park Avenue", "Elm Street")
UK_POSTCODE_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"

MAIL_DOMAINS = {
    "RU": _expand(
        (
            ("mail.ru", 30),
            ("yandex.ru", 25),
            ("gmail.com", 18),
            ("bk.ru", 6),
            ("inbox.ru", 5),
            ("list.ru", 5),
            ("rambler.ru", 5),
            ("ya.ru", 6),
        )
    ),
    "KZ": _expand((("mail.ru", 40), ("gmail.com", 35), ("yandex.kz", 15), ("inbox.ru", 10))),
    "BY": _expand((("mail.ru", 30), ("gmail.com", 35), ("yandex.by", 20), ("tut.by", 15))),
    "DE": _expand((("gmail.com", 30), ("gmx.de", 30), ("web.de", 30), ("t-online.de", 10))),
    "GB": _expand((("gmail.com", 45), ("outlook.com", 25), ("yahoo.co.uk", 15), ("btinternet.com", 15))),
    "US": _expand((("gmail.com", 50), ("outlook.com", 20), ("yahoo.com", 20), ("icloud.com", 10))),
}
TLDS = {
    "RU": _expand((("ru", 80), ("com", 8), ("net", 3), ("su", 2), ("org", 2), ("pro", 3), ("info", 2))),
    "KZ": _expand((("kz", 85), ("com", 15))),
    "BY": _expand((("by", 85), ("com", 15))),
    "DE": _expand((("de", 85), ("com", 15))),
    "GB": _expand((("co.uk", 70), ("com", 30))),
    "US": _expand((("com", 85), ("io", 5), ("net", 10))),
}
MAILBOXES = _expand(
    (
        ("info", 30),
        ("office", 12),
        ("sales", 10),
        ("mail", 6),
        ("zakaz", 6),
        ("buh", 5),
        ("secretary", 3),
        ("director", 3),
        ("manager", 4),
        ("order", 3),
        ("contact", 4),
        ("hello", 2),
        ("post", 3),
        ("client", 2),
    )
)
WEBSITE_FORMATS = ("https://{}", "www.{}", "http://www.{}", "{}", "https://www.{}")

# ---------------------------------------------------------------------------------------------
# Transliteration (two conventions: the dirt of a duplicate may use the other one)
# ---------------------------------------------------------------------------------------------

_TR_COMMON = {
    "а": "a",
    "б": "b",
    "в": "v",
    "г": "g",
    "д": "d",
    "е": "e",
    "ж": "zh",
    "з": "z",
    "и": "i",
    "к": "k",
    "л": "l",
    "м": "m",
    "н": "n",
    "о": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ф": "f",
    "ч": "ch",
    "ш": "sh",
    "ъ": "",
    "ы": "y",
    "ь": "",
    "э": "e",
}
_TR_A = {**_TR_COMMON, "ё": "e", "й": "y", "х": "kh", "ц": "ts", "щ": "shch", "ю": "yu", "я": "ya"}
_TR_B = {**_TR_COMMON, "ё": "yo", "й": "i", "х": "h", "ц": "c", "щ": "sch", "ю": "ju", "я": "ja"}
_UMLAUTS = {"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "«": '"', "»": '"'}


def _table(base):
    table = dict(_UMLAUTS)
    for cyr, lat in base.items():
        table[cyr] = lat
        table[cyr.upper()] = lat.capitalize()
    return str.maketrans(table)


TRANSLIT = _table(_TR_A)
TRANSLIT_ALT = _table(_TR_B)
_SLUG_JUNK = re.compile(r"[^a-z0-9]+")

for _cities in CITIES.values():
    for _city in set(_cities):
        _city.slug = _SLUG_JUNK.sub("-", _city.name.translate(TRANSLIT).lower()).strip("-")


def translit(text, alt=False):
    """Latin transliteration of Cyrillic text (and German umlauts): Ромашка -> Romashka."""
    return text.translate(TRANSLIT_ALT if alt else TRANSLIT)


def slug(text):
    """Lower-case ASCII slug for domain names and mailboxes: СтройИнвест-М -> stroyinvest-m."""
    return _SLUG_JUNK.sub("-", text.translate(TRANSLIT).lower()).strip("-")


def female_surname(surname):
    """Иванов -> Иванова, Вишневский -> Вишневская, Толстой -> Толстая; Шевченко, Ким unchanged."""
    if surname.endswith(("ов", "ев", "ёв", "ин", "ын")):
        return surname + "а"
    if surname.endswith(("ий", "ой")):
        return surname[:-2] + "ая"
    return surname


def normalized_digits(phone):
    """Digits of a phone number; a Russian trunk prefix 8XXXXXXXXXX becomes 7XXXXXXXXXX.

    "(0)", the optional trunk prefix written in European international formats, is dropped.
    """
    if not phone:
        return ""
    digits = "".join(ch for ch in phone.replace("(0)", "") if ch.isdigit())
    if len(digits) == 11 and digits[0] == "8":
        return "7" + digits[1:]
    return digits


def _group(local, sep):
    n = len(local)
    if n == 7:
        return f"{local[:3]}{sep}{local[3:5]}{sep}{local[5:]}"
    if n == 6:
        return f"{local[:2]}{sep}{local[2:4]}{sep}{local[4:]}"
    if n == 5:
        return f"{local[:1]}{sep}{local[1:3]}{sep}{local[3:]}"
    half = n // 2
    return f"{local[:half]}{sep}{local[half:]}"


def format_phone(cc, area, local, style):
    """Write the number +cc area local in one of the real-world formats of PHONE_STYLES[cc]."""
    half = len(local) // 2
    return PHONE_TEMPLATES[cc][style].format(
        a=area,
        l=local,
        d=_group(local, "-"),
        s=_group(local, " "),
        h=f"{local[:half]} {local[half:]}",
        u=f"{local[:3]}-{local[3:]}",
    )


# Person name layouts: 0 "S F P", 1 "S F", 2 "F S", 4 "F P S", 5 "S F. P.", 6 "S, F".
def person_str(person, style):
    surname, first, patronymic = person[0], person[1], person[2]
    if style == 0:
        return f"{surname} {first} {patronymic}"
    if style == 1:
        return f"{surname} {first}"
    if style == 2:
        return f"{first} {surname}"
    if style == 4:
        return f"{first} {patronymic} {surname}"
    if style == 5:
        return f"{surname} {first[0]}. {patronymic[0]}."
    return f"{surname}, {first}"


class Meta:
    """What a record was built from, to derive its duplicates and hard negatives."""

    __slots__ = ("mtype", "country", "city", "form", "core", "qstyle", "person", "pstyle", "domain", "phones")

    def __init__(self, mtype, country, city, form, core, qstyle, person, pstyle, domain, phones):
        self.mtype = mtype  # "co" (company), "ip" (individual entrepreneur), "pp" (private person)
        self.country = country
        self.city = city
        self.form = form
        self.core = core
        self.qstyle = qstyle
        self.person = person
        self.pstyle = pstyle
        self.domain = domain
        self.phones = phones  # {"phone": (cc, area, local, style), "mobile": ...}


def company_name(country, form, core, qstyle):
    if country in LATIN_COUNTRIES:
        return f"{core} {form}"
    if qstyle == 0:
        return f"{form} «{core}»"
    if qstyle == 1:
        return f'{form} "{core}"'
    if qstyle == 2:
        return f"{form} {core}"
    return f"{LONG_FORMS[form]} «{core}»"


def _ip_name(pstr, qstyle):
    return f"{LONG_FORMS['ИП']} {pstr}" if qstyle == 3 else f"ИП {pstr}"


_BIRTH_START = date(1950, 1, 1).toordinal()
_BIRTH_SPAN = date(2005, 12, 31).toordinal() - _BIRTH_START
_LEAP_YEARS = tuple(y for y in range(1952, 2005, 4))


class _Generator:
    def __init__(self, seed):
        self.rng = random.Random(seed)
        self.used_inn = set()
        self.used_ogrn = set()
        self.used_phone = set()
        self.used_email = set()
        self.used_domain = set()

    # -- identifiers --------------------------------------------------------------------------

    def inn_company(self, region):
        rng = self.rng
        while True:
            body = f"{region}{rng.randint(1, 51):02d}{rng.randrange(100000):05d}"
            inn = body + calc_company_check_digit(body)
            if inn not in self.used_inn:
                self.used_inn.add(inn)
                return inn

    def inn_person(self, region):
        rng = self.rng
        while True:
            body = f"{region}{rng.randint(1, 51):02d}{rng.randrange(1000000):06d}"
            inn = body + calc_personal_check_digits(body)
            if inn not in self.used_inn:
                self.used_inn.add(inn)
                return inn

    def ogrn(self, region, entrepreneur=False):
        rng = self.rng
        while True:
            year = rng.randint(2, 24)
            if entrepreneur:
                body = f"3{year:02d}{region}{rng.randrange(10**9):09d}"
                number = body + str(int(body) % 13 % 10)
            else:
                body = f"{'1' if rng.random() < 0.8 else '5'}{year:02d}{region}{rng.randrange(10**7):07d}"
                number = body + str(int(body) % 11 % 10)
            if number not in self.used_ogrn:
                self.used_ogrn.add(number)
                return number

    def kpp(self, inn):
        if self.rng.random() < 0.1:  # registered with another inspection of the region
            return f"{inn[:2]}{self.rng.randint(1, 51):02d}01001"
        return f"{inn[:4]}01001"

    def branch_kpp(self, city):
        # Reason code 43: a separate subdivision (branch), registered where it operates.
        return f"{city.region}{self.rng.randint(1, 51):02d}43{self.rng.randint(1, 9):03d}"

    # -- contact data -------------------------------------------------------------------------

    def phone(self, country, city, mobile):
        """A new phone number (unique in the base): (cc, area, local, style)."""
        rng = self.rng
        cc = CALLING_CODES[country]
        pool = MOBILES[country] if mobile and MOBILES[country] else city.landlines
        while True:
            area, firsts, length = rng.choice(pool)
            local = f"{rng.choice(firsts)}{rng.randrange(10 ** (length - 1)):0{length - 1}d}"
            if cc == "1" and local.startswith("555"):
                continue
            key = cc + area + local
            if key not in self.used_phone:
                self.used_phone.add(key)
                return (cc, area, local, rng.choice(PHONE_STYLE_CHOICE[cc]))

    def unique_email(self, local, domain):
        email = f"{local}@{domain}"
        rng = self.rng
        while email in self.used_email:
            email = f"{local}{rng.randint(1, 999)}@{domain}"
        self.used_email.add(email)
        return email

    def company_domain(self, core, country, city):
        rng = self.rng
        base = slug(core) or "company"
        tld = rng.choice(TLDS[country])
        candidates = (f"{base}.{tld}", f"{base}-{city.slug}.{tld}", f"{base}{rng.randint(1, 99)}.{tld}")
        for domain in candidates:
            if domain not in self.used_domain:
                break
        else:
            while domain in self.used_domain:
                domain = f"{base}-{rng.randint(100, 99999)}.{tld}"
        self.used_domain.add(domain)
        return domain

    def person_email(self, person, country):
        rng = self.rng
        surname, first = slug(person[0]), slug(person[1])
        r = rng.random()
        if r < 0.3:
            local = f"{surname}.{first}"
        elif r < 0.5:
            local = f"{first}.{surname}"
        elif r < 0.65:
            local = f"{first[0]}.{surname}"
        elif r < 0.8:
            local = f"{surname}{rng.randint(60, 99)}"
        elif r < 0.9:
            local = f"{first}{surname}{rng.randint(1, 99)}"
        else:
            local = f"{surname}_{first[0]}"
        return self.unique_email(local, rng.choice(MAIL_DOMAINS[country]))

    def street(self, country):
        rng = self.rng
        number = rng.randint(1, 150) if rng.random() < 0.8 else rng.randint(1, 20)
        if country in ("RU", "KZ", "BY"):
            if country == "RU" and rng.random() < 0.5:
                head = f"ул. {rng.choice(RU_STREETS_FEMININE)}"
            else:
                name = rng.choice(RU_STREETS if country == "RU" else KZ_STREETS if country == "KZ" else BY_STREETS)
                head = f"{rng.choice(STREET_TYPES)} {name}"
            r = rng.random()
            if r < 0.35:
                return f"{head}, д. {number}"
            if r < 0.55:
                return f"{head}, д. {number}, оф. {rng.randint(1, 950)}"
            if r < 0.7:
                return f"{head}, {number}"
            if r < 0.8:
                return f"{head}, д. {number}, корп. {rng.randint(1, 5)}"
            if r < 0.9:
                return f"{head}, д. {number}, стр. {rng.randint(1, 12)}"
            return f"{head}, д. {number}, кв. {rng.randint(1, 300)}"
        if country == "DE":
            return f"{rng.choice(DE_STREETS)} {number}"
        if country == "GB":
            return f"{number} {rng.choice(GB_STREETS)}"
        suite = f", Suite {rng.randint(1, 30) * 10}" if rng.random() < 0.3 else ""
        return f"{number} {rng.choice(US_STREETS)}{suite}"

    def zip(self, city):
        rng = self.rng
        if len(city.zips) == 3 and isinstance(city.zips[0], int):
            low, high, width = city.zips
            return f"{rng.randint(low, high):0{width}d}"
        letters = UK_POSTCODE_LETTERS
        return f"{rng.choice(city.zips)} {rng.randint(1, 9)}{rng.choice(letters)}{rng.choice(letters)}"

    def birthday(self):
        rng = self.rng
        if rng.random() < 0.01:
            return f"{rng.choice(_LEAP_YEARS)}-02-29"
        return date.fromordinal(_BIRTH_START + rng.randrange(_BIRTH_SPAN)).isoformat()

    def comment(self, country):
        if self.rng.random() < 0.15:
            return self.rng.choice(COMMENTS_EN if country in LATIN_COUNTRIES else COMMENTS_RU)
        return None

    # -- names --------------------------------------------------------------------------------

    def core(self, country):
        rng = self.rng
        if country == "DE":
            if rng.random() < 0.5:
                return f"{rng.choice(DE_WORDS1)}{rng.choice(DE_WORDS2)}"
            return f"{rng.choice(DE_SURNAMES)} {rng.choice(DE_WORDS2).capitalize()}"
        if country in LATIN_COUNTRIES:
            r = rng.random()
            if r < 0.7:
                return f"{rng.choice(EN_WORDS1)} {rng.choice(EN_WORDS2)}"
            if r < 0.85:
                return f"{rng.choice(EN_SURNAMES)} & {rng.choice(EN_SURNAMES)}"
            return f"{rng.choice(EN_SURNAMES)} {rng.choice(EN_WORDS2)}"
        r = rng.random()
        if r < 0.3:
            core = rng.choice(RU_SINGLE)
        elif r < 0.75:
            prefix, suffix = rng.choice(RU_PREFIX), rng.choice(RU_SUFFIX)
            while suffix == prefix or prefix + suffix in REAL_BRANDS:
                suffix = rng.choice(RU_SUFFIX)
            style = rng.random()
            if style < 0.55:
                core = prefix + suffix
            elif style < 0.85:
                core = prefix + suffix.lower()
            else:
                core = f"{prefix}-{suffix}"
        else:
            masculine, feminine = rng.choice(RU_ADJ)
            noun, gender = rng.choice(RU_NOUNS)
            core = f"{masculine if gender == 'm' else feminine} {noun}"
        if rng.random() < 0.15:
            core += rng.choice(RU_TAILS)
        if "ё" in core and rng.random() < 0.25:
            core = core.replace("ё", "е")
        return core

    def person(self, country):
        """(surname, first name, patronymic or None, gender), name layout."""
        rng = self.rng
        female = rng.random() < 0.45
        if country in LATIN_COUNTRIES:
            if country == "DE":
                first = rng.choice(DE_FEMALE if female else DE_MALE)
                surname = rng.choice(DE_SURNAMES)
            else:
                first = rng.choice(EN_FEMALE if female else EN_MALE)
                surname = rng.choice(EN_SURNAMES)
            return (surname, first, None, "f" if female else "m"), 2
        local = rng.random() < 0.5
        if country == "KZ" and local:
            surname, father = rng.choice(KZ_SURNAMES), rng.choice(KZ_FATHERS + RU_FATHERS[:10])
            first = rng.choice(KZ_FEMALE if female else KZ_MALE)
        else:
            surname = rng.choice(BY_SURNAMES if country == "BY" and local else RU_SURNAMES)
            father = rng.choice(RU_FATHERS)
            first = rng.choice(RU_FEMALE if female else RU_MALE)
        if female:
            surname, patronymic = female_surname(surname), father[2]
        else:
            patronymic = father[1]
        if rng.random() < 0.2:
            surname, first, patronymic = (w.replace("ё", "е") for w in (surname, first, patronymic))
        r = rng.random()
        style = 0 if r < 0.92 else 1 if r < 0.96 else 2
        return (surname, first, patronymic, "f" if female else "m"), style

    # -- records ------------------------------------------------------------------------------

    def client(self, cluster, country=None, ctype=None, city=None, form=None, core=None, qstyle=None, person=None):
        """A top-level client (original or hard negative): (record, Meta)."""
        rng = self.rng
        rand = rng.random
        country = country or rng.choice(COUNTRIES)
        ctype = ctype or rng.choice(CLIENT_TYPES[country])
        city = city or rng.choice(CITIES[country])
        russian = country == "RU"
        vat = kpp = ogrn = website = birthday = domain = None
        pstyle = None
        if ctype == "company":
            mtype = "co"
            form = form or rng.choice(FORMS[country])
            core = core or self.core(country)
            if qstyle is None:
                r = rand()
                qstyle = 0 if r < 0.8 else 1 if r < 0.9 else 2 if r < 0.95 else 3
            name = company_name(country, form, core, qstyle)
            if russian:
                vat = self.inn_company(city.region)
                kpp = self.kpp(vat)
                ogrn = self.ogrn(city.region)
            r = rand()
            if r < 0.7:
                domain = self.company_domain(core, country, city)
                email = self.unique_email(rng.choice(MAILBOXES), domain)
                if rand() < 0.55:
                    website = rng.choice(WEBSITE_FORMATS).format(domain)
            elif r < 0.9:
                email = self.unique_email(slug(core) or "office", rng.choice(MAIL_DOMAINS[country]))
            else:
                email = None
            phone = self.phone(country, city, mobile=rand() < 0.25) if rand() < 0.92 else None
            mobile = self.phone(country, city, mobile=True) if rand() < 0.25 else None
        else:
            if person is None:
                person, pstyle = self.person(country)
            else:
                person, pstyle = person
            pstr = person_str(person, pstyle)
            if ctype == "individual_entrepreneur":
                mtype = "ip"
                form, core = "ИП", pstr
                if qstyle is None:
                    qstyle = 3 if rand() < 0.1 else 0
                name = _ip_name(pstr, qstyle)
                if russian:
                    vat = self.inn_person(city.region)
                    ogrn = self.ogrn(city.region, entrepreneur=True)
                birthday = self.birthday() if rand() < 0.4 else None
                phone = self.phone(country, city, mobile=rand() < 0.5) if rand() < 0.9 else None
                mobile = self.phone(country, city, mobile=True) if rand() < 0.3 else None
            else:
                mtype = "pp"
                name = pstr
                if russian and rand() < 0.3:
                    vat = self.inn_person(city.region)
                birthday = self.birthday() if rand() < 0.7 else None
                phone = self.phone(country, city, mobile=rand() < 0.8) if rand() < 0.85 else None
                mobile = self.phone(country, city, mobile=True) if rand() < 0.2 else None
            email = self.person_email(person, country) if rand() < 0.75 else None
        phones = {}
        if phone:
            phones["phone"] = phone
            phone = format_phone(*phone)
        if mobile:
            phones["mobile"] = mobile
            mobile = format_phone(*mobile)
        record = {
            "ref": None,
            "parent_ref": None,
            "name": name,
            "is_company": mtype != "pp",
            "client_type": ctype,
            "function": None,
            "vat": vat,
            "kpp": kpp,
            "ogrn": ogrn,
            "phone": phone,
            "mobile": mobile,
            "email": email,
            "website": website,
            "street": self.street(country) if rand() < 0.85 else None,
            "city": city.name,
            "zip": self.zip(city) if rand() < 0.8 else None,
            "country_code": country,
            "birthday": birthday,
            "comment": self.comment(country),
            "cluster": cluster,
            "kind": "original",
        }
        meta = Meta(mtype, country, city, form, core, qstyle, person, pstyle, domain, phones)
        return record, meta

    def contacts(self, parent, meta):
        """Key contacts of a company (0-3), or rarely of an entrepreneur (0-1)."""
        rng = self.rng
        rand = rng.random
        if meta.mtype == "co":
            r = rand()
            count = 0 if r < 0.25 else 1 if r < 0.6 else 2 if r < 0.85 else 3
        elif meta.mtype == "ip":
            count = 1 if rand() < 0.1 else 0
        else:
            count = 0
        country, city = meta.country, meta.city
        functions = FUNCTIONS.get(country) or (DE_FUNCTIONS if country == "DE" and rand() < 0.5 else EN_FUNCTIONS)
        result = []
        for _ in range(count):
            person, pstyle = self.person(country)
            if country not in LATIN_COUNTRIES:
                pstyle = 0 if rand() < 0.85 else 2
            r = rand()
            if r < 0.6 and meta.domain:
                first, surname = slug(person[1]), slug(person[0])
                local = f"{first[0]}.{surname}" if rand() < 0.6 else f"{first}.{surname}"
                email = self.unique_email(local, meta.domain)
            elif r < 0.8:
                email = self.person_email(person, country)
            else:
                email = None
            r = rand()
            phone = self.phone(country, city, mobile=r < 0.7) if r < 0.85 else None
            mobile = self.phone(country, city, mobile=True) if rand() < 0.2 else None
            result.append(
                {
                    "ref": None,
                    "parent_ref": None,
                    "name": person_str(person, pstyle),
                    "is_company": False,
                    "client_type": "private_person",
                    "function": rng.choice(functions),
                    "vat": None,
                    "kpp": None,
                    "ogrn": None,
                    "phone": format_phone(*phone) if phone else None,
                    "mobile": format_phone(*mobile) if mobile else None,
                    "email": email,
                    "website": None,
                    "street": parent["street"],
                    "city": parent["city"],
                    "zip": parent["zip"],
                    "country_code": country,
                    "birthday": self.birthday() if rand() < 0.2 else None,
                    "comment": None,
                    "cluster": None,
                    "kind": "contact",
                }
            )
        return result

    # -- duplicates ---------------------------------------------------------------------------

    def typo(self, text, core=None):
        """Swap, drop, double or mistype one letter (inside the core name when it is found)."""
        rng = self.rng
        start, end = 0, len(text)
        if core and core in text and len(core) > 2:
            start = text.index(core)
            end = start + len(core)
        letters = [i for i in range(start, end) if text[i].isalpha()] or [i for i, c in enumerate(text) if c.isalpha()]
        if not letters:
            return text + "."
        for _ in range(8):
            i = rng.choice(letters)
            op = rng.random()
            if op < 0.3 and i + 1 < len(text) and text[i + 1].isalpha():
                new = text[:i] + text[i + 1] + text[i] + text[i + 2 :]
            elif op < 0.55 and len(letters) > 3:
                new = text[:i] + text[i + 1 :]
            elif op < 0.8:
                new = text[:i] + text[i] + text[i:]
            else:
                swap = {"о": "а", "а": "о", "е": "и", "и": "е", "o": "a", "a": "o", "e": "i", "i": "e"}
                ch = text[i]
                if ch.lower() not in swap:
                    continue
                repl = swap[ch.lower()]
                new = text[:i] + (repl.upper() if ch.isupper() else repl) + text[i + 1 :]
            if new != text:
                return new
        return text[:start] + text[start:end].replace(text[letters[0]], "", 1) + text[end:]

    def dirty_person(self, meta):
        """Another layout of the person's name: "Петров Иван" <-> "Иван Петров" etc."""
        person, style = meta.person, meta.pstyle
        if person[2]:
            options = [s for s in (0, 1, 2, 4, 5) if s != style]
        else:
            options = [s for s in (1, 6) if s != style]
        return person_str(person, self.rng.choice(options))

    def duplicate(self, original, meta):
        rng = self.rng
        rand = rng.random
        dup = dict(original)
        dup["kind"] = "duplicate"
        dup["comment"] = self.comment(meta.country) if rand() < 0.5 else None
        if dup["vat"]:
            if rand() < 0.12:
                dup["vat"] = dup["kpp"] = dup["ogrn"] = None
            else:
                if dup["kpp"] and rand() < 0.15:
                    dup["kpp"] = None
                if rand() < 0.4:
                    dup["ogrn"] = None
        if dup["website"] and rand() < 0.4:
            dup["website"] = None
        r = rand()
        if dup["street"] and r < 0.2:
            dup["street"] = None
        elif dup["street"] and r < 0.35:
            dup["street"] = dup["street"].replace("ул. ", "улица ").replace("д. ", "").replace("оф. ", "офис ")
        if dup["zip"] and rand() < 0.3:
            dup["zip"] = None
        if dup["birthday"] and rand() < 0.2:
            dup["birthday"] = None
        r = rand()
        if r < 0.05 and meta.country != "US":
            dup["city"] = f"г. {dup['city']}" if meta.country in ("RU", "KZ", "BY") else dup["city"].upper()
        elif r < 0.09:
            # Typed without its city: a name alone then says nothing, a birthday still does.
            dup["city"] = None

        cyrillic = meta.country not in LATIN_COUNTRIES
        weights = [("typo", 20), ("case", 7), ("spaces", 7)]
        if meta.mtype in ("co", "ip"):
            weights.append(("form", 14))
        if meta.person:
            weights.append(("order", 12))
        if cyrillic or any(ch in original["name"] for ch in "äöüß"):
            weights.append(("translit", 9))
        if "ё" in original["name"].lower():
            weights.append(("yo", 12))
        if meta.mtype == "co" and cyrillic:
            weights.append(("quotes", 8))
        if original["phone"] or original["mobile"]:
            weights.append(("phone", 22))
        if original["email"]:
            weights.append(("email", 10))
        if original["phone"] or original["mobile"] or original["email"]:
            weights.append(("drop", 10))
            if original["street"] or (meta.person and dup["birthday"]):
                # Entered again later from a new business card: new number, new mailbox, no
                # INN, only the name and the address (or a person's birthday) still in common.
                weights.append(("recontact", 6))
        r = rand()
        count = 1 if r < 0.45 else 2 if r < 0.8 else 3
        ops = set()
        while len(ops) < count and len(ops) < len(weights):
            ops.add(rng.choices([w[0] for w in weights], [w[1] for w in weights])[0])

        name = original["name"]
        # Structural changes first: the name is rebuilt from its parts.
        if ops & {"form", "order", "translit"}:
            name = self.rebuild_name(meta, name, ops)
        if "quotes" in ops:
            name = self.requote(name, meta.core)
        if "yo" in ops:
            name = name.replace("ё", "е").replace("Ё", "Е")
        if "typo" in ops:
            name = self.typo(name, meta.core if meta.mtype != "pp" else None)
        if "spaces" in ops:
            name = self.spaces(name)
        if "case" in ops:
            options = [name.upper(), name.lower(), " ".join(w.capitalize() for w in name.split(" "))]
            rng.shuffle(options)
            name = next((o for o in options if o != name), name)
        dup["name"] = name

        if "phone" in ops:
            self.rephone(dup, meta)
        if "email" in ops:
            email = dup["email"]
            local, _, domain = email.partition("@")
            options = (
                email.upper(),
                f"{local.capitalize()}@{domain.capitalize()}",
                f" {email} ",
                f"{email} ",
                f"{local} @{domain}",
                f"{local} @ {domain}",
            )
            dup["email"] = rng.choice(options)
        if "recontact" in ops:
            self.recontact(dup, meta, original["street"])
        if "drop" in ops:
            present = [k for k in ("email", "phone", "mobile") if dup[k]]
            if present:
                dup[rng.choice(present)] = None
        if all(dup[k] == original[k] for k in ("name", "phone", "mobile", "email", "vat")):
            dup["name"] = self.typo(dup["name"])
        return dup

    def rebuild_name(self, meta, name, ops):
        rng = self.rng
        form, core = meta.form, meta.core
        if meta.mtype == "co" and meta.country in LATIN_COUNTRIES:
            if "form" in ops:
                variant = rng.choice(FOREIGN_FORM_VARIANTS[form])
                name = f"{core}{variant}" if variant.startswith(",") else f"{core} {variant}".strip()
            if "translit" in ops:
                name = translit(name)
            return name
        if meta.mtype == "co":
            if "translit" in ops:
                latin = translit(core, alt=rng.random() < 0.3)
                latin_form = rng.choice(LATIN_FORMS[form])
                return rng.choice((f"{latin} {latin_form}", f"{latin_form} {latin}", f'{latin_form} "{latin}"', latin))
            if "form" in ops:
                options = [
                    f"{core} {form}",
                    f'{LONG_FORMS[form]} "{core}"',
                    f"{LONG_FORMS[form]} «{core}»",
                    f"{form} {core}",
                    core,
                    f"{core}, {form}",
                    f"«{core}» {form}",
                ]
                options = [o for o in options if o != name]
                return rng.choice(options)
            return name
        pstr = self.dirty_person(meta) if "order" in ops else person_str(meta.person, meta.pstyle)
        if "translit" in ops:
            pstr = translit(pstr, alt=rng.random() < 0.3)
        if meta.mtype == "pp":
            return pstr
        if "form" in ops:
            options = [f"{LONG_FORMS['ИП']} {pstr}", f"{pstr} ИП", pstr, f"ИП {pstr}", f"ИП {pstr.upper()}"]
            options = [o for o in options if o != name]
            return rng.choice(options)
        if "translit" in ops:
            return f"{rng.choice(LATIN_FORMS['ИП'])} {pstr}"
        return _ip_name(pstr, meta.qstyle)

    def requote(self, name, core):
        rng = self.rng
        if "«" in name or "»" in name:
            options = (
                name.replace("«", '"').replace("»", '"'),
                name.replace("«", "").replace("»", ""),
                name.replace("«", "“").replace("»", "”"),
                name.replace("«", "'").replace("»", "'"),
            )
        elif '"' in name:
            options = (name.replace('"', ""), name.replace('"', "«", 1).replace('"', "»", 1), name.replace('"', "'"))
        elif core and core in name:
            options = (name.replace(core, f"«{core}»"), name.replace(core, f'"{core}"'))
        else:
            return name
        return rng.choice(options)

    def spaces(self, name):
        rng = self.rng
        options = [f"{name} ", f" {name}", f"{name}  "]
        if " " in name:
            positions = [i for i, c in enumerate(name) if c == " "]
            i = rng.choice(positions)
            options += [name[:i] + "  " + name[i + 1 :]] * 3
            options.append(name[:i] + name[i + 1 :])
        if "«" in name:
            options.append(name.replace("«", "« ").replace("»", " »"))
        return rng.choice(options)

    def recontact(self, dup, meta, street):
        """New phone numbers and a new mailbox for the same client, its INN left out, its street
        kept (perhaps typed another way)."""
        rng = self.rng
        dup["vat"] = dup["kpp"] = dup["ogrn"] = None
        dup["street"] = dup["street"] or street
        for key in ("phone", "mobile"):
            if dup[key]:
                dup[key] = format_phone(*self.phone(meta.country, meta.city, mobile=key == "mobile"))
        if dup["email"]:
            if meta.person:
                dup["email"] = self.person_email(meta.person, meta.country)
            elif meta.domain:
                dup["email"] = self.unique_email(rng.choice(("sales", "zakaz", "office2", "manager")), meta.domain)
            else:
                dup["email"] = None
        if dup["street"] and rng.random() < 0.5:
            dup["street"] = dup["street"].replace("ул. ", "улица ").replace("д. ", "дом ")

    def rephone(self, dup, meta):
        """The same number(s) in another format; sometimes phone and mobile swapped."""
        rng = self.rng
        phones = meta.phones
        if dup["phone"] and dup["mobile"] and rng.random() < 0.2:
            dup["phone"], dup["mobile"] = dup["mobile"], dup["phone"]
            return
        keys = [k for k in ("phone", "mobile") if k in phones]
        if len(keys) == 2 and rng.random() < 0.6:
            keys = [rng.choice(keys)]
        for key in keys:
            cc, area, local, style = phones[key]
            styles = [s for s in range(len(PHONE_TEMPLATES[cc])) if s != style]
            dup[key] = format_phone(cc, area, local, rng.choice(styles))

    # -- hard negatives -----------------------------------------------------------------------

    def other_city(self, city):
        cities = CITIES[city.country]
        for _ in range(20):
            other = self.rng.choice(cities)
            if other is not city:
                return other
        return city

    def hard_negative(self, original, meta, cluster):
        rng = self.rng
        rand = rng.random
        country = meta.country
        if meta.mtype in ("ip", "pp"):
            # A namesake: same full name, another person (phone, email, birthday, city, INN).
            city = self.other_city(meta.city)
            ctype = original["client_type"]
            record, _ = self.client(
                cluster, country, ctype, city, qstyle=meta.qstyle, person=(meta.person, meta.pstyle)
            )
            if record["birthday"] and record["birthday"] == original["birthday"]:
                record["birthday"] = None
            if ctype == "private_person" and original["birthday"] and not record["birthday"] and rand() < 0.7:
                record["birthday"] = self.birthday()
                if record["birthday"] == original["birthday"]:
                    record["birthday"] = None
            record["kind"] = "hard_negative"
            return record
        r = rand()
        if country == "RU" and r < 0.35:
            # A branch: same legal entity (INN, OGRN, domain), another KPP, city and phone.
            city = self.other_city(meta.city)
            record, _ = self.client(cluster, country, "company", city, form=meta.form, core=meta.core)
            self.used_inn.discard(record["vat"])
            record["vat"], record["ogrn"] = original["vat"], original["ogrn"]
            record["kpp"] = self.branch_kpp(city)
            short = company_name(country, meta.form, meta.core, 0)
            r = rand()
            if r < 0.4:
                record["name"] = original["name"]
            elif r < 0.7:
                record["name"] = f"{short} (филиал, г. {city.name})"
            else:
                record["name"] = f"Филиал {short} (г. {city.name})"
            if meta.domain:
                record["email"] = self.unique_email(rng.choice((city.slug, "filial", "info", "sales")), meta.domain)
                record["website"] = original["website"]
        elif r < 0.65:
            # A namesake firm: same name, another INN, in another city.
            city = self.other_city(meta.city)
            record, _ = self.client(cluster, country, "company", city, form=meta.form, core=meta.core)
            if rand() < 0.7:
                record["name"] = original["name"]
        else:
            # "X" and "X Плюс": a similar name, another client, often in the same city.
            suffixes = EN_SUFFIXES if country in LATIN_COUNTRIES else HN_SUFFIXES
            suffix = rng.choice(suffixes)
            while suffix.strip(" -&").lower() in meta.core.lower():
                suffix = rng.choice(suffixes)
            city = meta.city if rand() < 0.5 else self.other_city(meta.city)
            record, _ = self.client(cluster, country, "company", city, form=meta.form, core=meta.core + suffix)
        record["kind"] = "hard_negative"
        return record


def generate(size, seed=0, duplicate_rate=0.08, hard_negative_rate=0.04, with_contacts=True):
    """A client base of ``size`` top-level clients (plus their key contacts), labeled.

    About ``duplicate_rate * size`` of the top-level records are duplicates of an original (same
    ``cluster``), about ``hard_negative_rate * size`` are look-alikes of an original that are other
    clients (a cluster of their own). Deterministic for a given seed; the top-level records do not
    depend on ``with_contacts``.
    """
    if size < 0:
        raise ValueError("size must be >= 0")
    if not (0 <= duplicate_rate < 1 and 0 <= hard_negative_rate < 1):
        raise ValueError("rates must be in [0, 1)")
    n_dup = round(size * duplicate_rate)
    n_hn = round(size * hard_negative_rate)
    n_orig = size - n_dup - n_hn
    if size and n_orig < 1:
        raise ValueError("duplicate_rate + hard_negative_rate leave no original")
    # Millions of small acyclic objects: the cyclic garbage collector would only slow this down.
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _generate(size, seed, n_dup, n_hn, n_orig, with_contacts)
    finally:
        if gc_was_enabled:
            gc.enable()


def _generate(size, seed, n_dup, n_hn, n_orig, with_contacts):
    gen = _Generator(seed)
    rng = gen.rng

    tops, metas = [], []
    for i in range(n_orig):
        record, meta = gen.client(i)
        tops.append(record)
        metas.append(meta)

    # Duplicates: clusters of 1 to 3 duplicates around distinct originals.
    counts = []
    remaining = n_dup
    while remaining > 0:
        r = rng.random()
        count = min(remaining, 1 if r < 0.72 else 2 if r < 0.93 else 3)
        counts.append(count)
        remaining -= count
    sources = rng.sample(range(n_orig), min(len(counts), n_orig)) if n_orig else []
    while len(sources) < len(counts):
        sources.append(rng.randrange(n_orig))
    for source, count in zip(sources, counts, strict=True):
        for _ in range(count):
            tops.append(gen.duplicate(tops[source], metas[source]))

    for j in range(n_hn):
        source = rng.randrange(n_orig)
        tops.append(gen.hard_negative(tops[source], metas[source], n_orig + j))

    order = list(range(len(tops)))
    rng.shuffle(order)

    # Contacts last and from a random stream of their own, so that top-level records are the same
    # with or without them.
    kids = {}
    if with_contacts:
        gen.rng = random.Random(f"{seed}/contacts")
        for i in range(n_orig):
            children = gen.contacts(tops[i], metas[i])
            if children:
                kids[i] = children

    # Refs in output order; clusters numbered in order of appearance, those of contacts after
    # those of the clients (which thus do not depend on the contacts either).
    width = max(6, len(str(size)))
    clusters = {}
    for position, index in enumerate(order, 1):
        record = tops[index]
        record["ref"] = f"{REF_PREFIX}-{position:0{width}d}"
        record["cluster"] = clusters.setdefault(record["cluster"], len(clusters))
    next_cluster = len(clusters)
    records = []
    for index in order:
        record = tops[index]
        ref = record["ref"]
        records.append(record)
        for number, child in enumerate(kids.get(index, ()), 1):
            child["ref"] = f"{ref}-C{number}"
            child["parent_ref"] = ref
            child["cluster"] = next_cluster
            next_cluster += 1
            records.append(child)
    return records


def duplicate_pairs(records):
    """Every unordered pair of refs (as a sorted tuple) of records that share a cluster."""
    groups = defaultdict(list)
    for record in records:
        groups[record["cluster"]].append(record["ref"])
    pairs = set()
    for refs in groups.values():
        if len(refs) > 1:
            pairs.update(tuple(sorted(pair)) for pair in combinations(refs, 2))
    return pairs


def main(argv=None):
    parser = argparse.ArgumentParser(description="Generate a labeled client base as JSON lines.")
    parser.add_argument("--size", type=int, default=1000, help="top-level clients (duplicates included)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--duplicate-rate", type=float, default=0.08)
    parser.add_argument("--hard-negative-rate", type=float, default=0.04)
    parser.add_argument("--no-contacts", action="store_true", help="no key contacts")
    parser.add_argument("--out", help="output file (default: standard output)")
    args = parser.parse_args(argv)

    start = time.perf_counter()
    records = generate(
        args.size,
        seed=args.seed,
        duplicate_rate=args.duplicate_rate,
        hard_negative_rate=args.hard_negative_rate,
        with_contacts=not args.no_contacts,
    )
    elapsed = time.perf_counter() - start
    lines = "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in records)
    if args.out:
        with open(args.out, "w", encoding="utf-8") as out:
            out.write(lines)
    else:
        sys.stdout.write(lines)
    kinds = Counter(record["kind"] for record in records)
    summary = " ".join(f"{kind}={kinds.get(kind, 0)}" for kind in KINDS)
    print(
        f"{len(records)} records ({summary}), {len(duplicate_pairs(records))} duplicate pairs, "
        f"generated in {elapsed:.2f}s" + (f" -> {args.out}" if args.out else ""),
        file=sys.stderr if not args.out else sys.stdout,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
