# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from itertools import combinations

from odoo.tests import BaseCase, tagged

from ..tools import blocking, keys, matching
from ..tools.keys import name_key
from ..tools.matching import Profile, score_pair


def company(pid, name, **kw):
    return Profile(pid, name, **kw)


def person(pid, name, **kw):
    return Profile(pid, name, person=True, **kw)


@tagged("post_install", "-at_install")
class TestNormalization(BaseCase):
    def test_name_case_quotes_and_yo(self):
        self.assertEqual(name_key('ООО "Ёлка"'), name_key("ооо «елка»"))
        self.assertEqual(name_key("ООО “Ёлка”"), name_key("ЁЛКА"))

    def test_legal_forms_short_long_and_latin(self):
        expected = name_key("Ромашка")
        for variant in (
            "ООО Ромашка",
            "Общество с ограниченной ответственностью «Ромашка»",
            "Ромашка, ООО",
            "Romashka LLC",
            "OOO Romashka",
            "L.L.C. Romashka",
        ):
            self.assertEqual(name_key(variant), expected, variant)
        self.assertEqual(name_key("Nordtechnik G.m.b.H."), name_key("Nordtechnik GmbH"))
        self.assertEqual(keys.split_name("ООО Ромашка")[1], keys.split_name("Romashka LLC")[1])
        # The English name of a firm at its address, with other phones: the same firm.
        kirova = {"city": "Самара", "street": "ул. Кирова, д. 14, корп. 3"}
        latin = company(1, 'Ltd "Delta"', phones=["+7 846 960-99-05"], **kirova)
        self.assertGreaterEqual(
            score_pair(latin, company(2, "ООО «Дельта»", phones=["+7 846 814-59-27"], **kirova))[0], matching.LIKELY
        )
        self.assertEqual(score_pair(latin, company(3, "АО «Дельта»", phones=["+7 846 814-59-27"], **kirova))[0], 0)
        almaty = {"city": "Алматы", "street": "ул. Достык, 103"}
        self.assertGreaterEqual(
            score_pair(company(4, "SpetsMash LLP", **almaty), company(5, "ТОО «СпецМаш»", **almaty))[0], matching.LIKELY
        )

    def test_transliteration_both_conventions(self):
        self.assertEqual(name_key("Щукин Юрий"), name_key("Shchukin Yuriy"))
        self.assertEqual(name_key("Щукин Юрий"), name_key("Schukin Jurij"))
        self.assertEqual(name_key("Хрущёв"), name_key("Hruschev"))
        self.assertEqual(name_key("Müller Bau"), name_key("Mueller Bau"))

    def test_word_order(self):
        self.assertEqual(name_key("Петров Иван Сергеевич"), name_key("Иван Сергеевич Петров"))

    def test_phone_formats(self):
        expected = "74951234567"
        for variant in ("+7 (495) 123-45-67", "8 495 123 45 67", "+74951234567", "7-495-1234567"):
            self.assertEqual(keys.phone_key(variant), expected, variant)
        self.assertEqual(keys.phone_key("+49 (0)30 1234567"), "49301234567")
        self.assertEqual(keys.phone_key("12"), "", "too short to identify anyone")

    def test_email_and_vat(self):
        self.assertEqual(keys.email_key(" Info @ Romashka.RU "), "info@romashka.ru")
        self.assertEqual(keys.email_key("a@b.ru, c@d.ru"), "a@b.ru")
        self.assertEqual(keys.vat_key("RU 7701234567"), "7701234567")

    def test_city_and_street(self):
        self.assertEqual(keys.city_key("г. Москва"), keys.city_key("МОСКВА"))
        self.assertEqual(keys.street_key("ул. Ленина, д. 5, оф. 3"), keys.street_key("улица Ленина, 5, офис 3"))
        # Address words typed in full, as the tokenizer reads them ("street" -> "stret").
        self.assertEqual(keys.street_key("Россия, ул. Ленина, д. 5, строение 2"), keys.street_key("Ленина 5 стр 2"))
        self.assertEqual(keys.street_key("12 Baker Street"), keys.street_key("12 Baker St"))

    def test_address_key(self):
        moscow = keys.city_key("Москва")
        for street in ("ул. Ленина, д. 5, кв. 3", "Ленина ул., 5а", "101000, г. Москва, улица Ленина, дом 5"):
            self.assertEqual(keys.address_key(street, moscow), "moskva/lenina 5", street)
        # A number starting the street's name is part of it; the house follows a word of the name.
        for street in ("ул. 50 лет Октября, д. 113, оф. 7", "50 лет Октября 113"):
            self.assertEqual(keys.address_key(street, moscow), "moskva/oktabra 113", street)
        self.assertNotEqual(keys.address_key("ул. 50 лет Октября, д. 85", moscow), "moskva/oktabra 113")
        for street in ("86 King Street", "Flat 3, 86 King Street", "86 King Street, Flat 3"):
            self.assertEqual(keys.address_key(street, keys.city_key("London")), "london/king 86", street)
        for street in ("Baker Street 12", "12 Baker Street", "Baker St., 12"):
            self.assertEqual(keys.address_key(street, keys.city_key("London")), "london/baker 12", street)
        self.assertEqual(keys.address_key("Россия, Южный район, 5", moscow), keys.address_key("Южный, 5", moscow))
        # An ordinal is part of the street's name, written before or after it.
        for street in ("1-я Тверская-Ямская, 10", "Тверская-Ямская 1-я, 10", "ул. 1-я Тверская-Ямская ул., д. 10"):
            self.assertEqual(keys.address_key(street, moscow), "moskva/amska 10", street)
        self.assertEqual(
            keys.address_key("Южный 2-й пер., д. 5", moscow), keys.address_key("2-й Южный пер., 5", moscow)
        )
        self.assertEqual(keys.address_key("ул. Ленина, корп. 2", moscow), "", "a building, no house")
        self.assertEqual(keys.address_key("ул. Ленина, д. 7", moscow), "moskva/lenina 7")
        self.assertEqual(keys.address_key("ул. Ленина, д. 5", keys.city_key("Казань")), "kazan/lenina 5")
        for street in ("ул. Ленина", "нет", "", None):
            self.assertEqual(keys.address_key(street, moscow), "", street)
        self.assertEqual(keys.address_key("ул. Ленина, д. 5", ""), "", "no city")
        # A soft sign is a letter of the street's name, typed or forgotten.
        october = keys.address_key("ул. Октябрьская, д. 141", moscow)
        self.assertEqual(keys.address_key("Октябрская ул., 141", moscow), october)
        self.assertNotEqual(keys.address_key("ул. Декабрьская, д. 141", moscow), october)
        self.assertEqual(len(keys.street_tokens("ул. Октябрьская, д. 141")[0]), 1, "one word")
        # "Набережная" names many a street: it is not dropped as a street type.
        self.assertEqual(keys.address_key("ул. Набережная, д. 5", moscow), keys.address_key("Набережная 5", moscow))
        self.assertTrue(keys.address_key("ул. Набережная, д. 5", moscow))


@tagged("post_install", "-at_install")
class TestScoring(BaseCase):
    def test_same_phone_any_format_with_a_typo(self):
        a = company(1, "ООО «Ромашка»", phones=["+7 495 123-45-67"], city="Москва")
        b = company(2, "Ромашкка", phones=["8 (495) 1234567"], city="Москва")
        score, reasons = score_pair(a, b)
        self.assertGreaterEqual(score, 90)
        self.assertIn(("same_phone", "74951234567"), reasons)

    def test_identifying_property_same_and_different(self):
        number = keys.ref_key("code", "К-0042")
        a = company(1, "ООО «Альфа»", city="Москва", ref=number)
        b = company(2, "Торговый дом Север", city="Казань", ref=keys.ref_key("code", "к 0042"))
        score, reasons = score_pair(a, b)
        self.assertGreaterEqual(score, matching.LIKELY)
        self.assertIn(("same_ref", "к0042"), reasons)
        # One name, one phone, two numbers: two clients; and never chained into one group.
        c = company(3, "ООО «Альфа»", phones=["+74951234567"], ref=keys.ref_key("code", "К-0043"))
        d = company(4, "Альфа", phones=["84951234567"])
        self.assertEqual(score_pair(a, c), (0, [("ref_conflict", None)]))
        self.assertGreaterEqual(score_pair(c, d)[0], matching.LIKELY)
        scored = {(1, 2): score_pair(a, b), (3, 4): score_pair(c, d), (2, 4): (90, [])}
        groups = matching.group_pairs(scored, {p.id: p for p in (a, b, c, d)})
        self.assertNotIn({1, 2, 3, 4}, groups)
        # Blocking pairs them by the value alone.
        self.assertIn((1, 2), blocking.candidate_pairs([a, b, c, d]))
        self.assertEqual(keys.ref_key("code", " "), "")

    def test_same_inn_different_kpp_is_a_branch(self):
        a = company(1, "ООО «Ромашка»", vat="7707083893", kpp="770701001", city="Москва")
        b = company(2, "ООО «Ромашка»", vat="7707083893", kpp="540601001", city="Новосибирск")
        self.assertEqual(score_pair(a, b)[0], 0)

    def test_same_inn_one_kpp_missing_same_phone(self):
        a = company(1, "ООО «Ромашка»", vat="7707083893", kpp="770701001", phones=["+74951234567"])
        b = company(2, "Ромашка", vat="7707083893", phones=["84951234567"])
        self.assertGreaterEqual(score_pair(a, b)[0], 90)

    def test_namesake_firms_with_other_inn(self):
        a = company(1, "ООО «Ромашка»", vat="7707083893", city="Москва")
        b = company(2, "ООО «Ромашка»", vat="7736207543", city="Москва")
        self.assertEqual(score_pair(a, b)[0], 0)

    def test_x_and_x_plus(self):
        a = company(1, "ООО «Вектор»", phones=["+74951234567"], city="Москва", street="ул. Ленина, 5")
        b = company(2, "ООО «Вектор Плюс»", phones=["+74957654321"], city="Москва", street="ул. Ленина, 5")
        self.assertEqual(score_pair(a, b)[0], 0)

    def test_namesake_persons(self):
        a = person(1, "Иванов Иван Иванович", phones=["+79161234567"], city="Москва", birthday="1980-01-01")
        b = person(2, "Иванов Иван Иванович", phones=["+79031234567"], city="Казань")
        c = person(3, "Иванов Иван Иванович", city="Москва", birthday="1975-05-05")
        self.assertEqual(score_pair(a, b)[0], 0)
        self.assertEqual(score_pair(a, c)[0], 0, "different birthdays")

    def test_person_initials_and_missing_patronymic(self):
        a = person(1, "Петров Иван Сергеевич", city="Москва", street="ул. Мира, 1", email="petrov@mail.ru")
        b = person(2, "Петров И. С.", city="Москва", street="улица Мира, д. 1")
        c = person(3, "Иван Петров", city="Москва", street="ул. Мира, 1")
        self.assertGreater(score_pair(a, b)[0], 0)
        self.assertGreater(score_pair(a, c)[0], 0)

    def test_other_first_name_is_another_person(self):
        a = person(1, "Соколов Владимир Михайлович", city="Москва", street="ул. Мира, 1")
        b = person(2, "Жуков Владимир Михайлович", city="Москва", street="ул. Мира, 1")
        self.assertEqual(score_pair(a, b)[0], 0)

    def test_name_alone_needs_the_address(self):
        a = company(1, "ООО «Темп»", city="Минск")
        b = company(2, "ООО «Темп»", city="Минск", phones=["+375171234567"])
        score, reasons = score_pair(a, b)
        self.assertGreater(score, 0, "the same firm name in the same city is worth a look")
        self.assertLess(score, matching.LIKELY, "but it is not claimed to be one client")
        self.assertIn(("same_city", "minsk"), reasons)
        a.street = b.street = keys.street_key("ул. Немига, 5")
        self.assertGreaterEqual(score_pair(a, b)[0], matching.LIKELY)

    def test_legal_forms_tell_apart(self):
        a = company(1, "ООО «Амур»", city="Минск", street="ул. Немига, 5")
        b = company(2, "ЧУП «Амур»", city="Минск", street="ул. Немига, 5")
        self.assertEqual(score_pair(a, b)[0], 0)

    def test_company_and_its_contact(self):
        a = company(1, "ООО «Ромашка»", phones=["+74951234567"])
        b = person(2, "Ромашка", phones=["+74951234567"], parent_id=1)
        self.assertEqual(score_pair(a, b)[0], 0)

    def test_other_companies_never_match(self):
        a = company(1, "ООО «Ромашка»", vat="7707083893", company_id=1)
        b = company(2, "ООО «Ромашка»", vat="7707083893", company_id=2)
        self.assertEqual(score_pair(a, b)[0], 0)

    def test_blocks_never_pair_everyone(self):
        profiles = [company(i, f"Фирма {i}", phones=[f"+7495{i:07d}"], city="Москва") for i in range(300)]
        pairs = blocking.candidate_pairs(profiles)
        self.assertLess(len(pairs), 300 * 12, "sorted neighbourhoods, not all 44850 pairs")

    def test_names_alike_share_more_than_the_name_to_be_candidates(self):
        # Namesakes with a typo in one city: scored only when they share an address, a phone...
        a = person(1, "Смирнов Андрей Петрович", city="Казань", street="ул. Ленина, д. 5")
        b = person(2, "Смирнов Андрей Петровичь", city="Казань", street="Ленина 5, оф. 3")
        c = person(3, "Смирнова Андрей Петрович", city="Казань", street="ул. Баумана, 12")
        d = person(4, "Смирнов Андрей Петрович", city="Казань", phones=["+79161234567"])
        e = person(5, "Смирнов Андрей Петрови", city="Казань", phones=["+79161234567"], street="Баумана 7")
        pairs = blocking.candidate_pairs([a, b, c, d, e])
        self.assertIn((1, 2), pairs, "the same house")
        self.assertIn((4, 5), pairs, "the same phone")
        self.assertIn((1, 4), pairs, "the same name: left to score_pair")
        self.assertNotIn((1, 3), pairs, "nothing but a name alike")
        self.assertNotIn((2, 3), pairs)
        # What the full scan leaves out this way, score_pair refuses anyway.
        self.assertEqual(score_pair(a, c)[0], 0)
        self.assertEqual(score_pair(b, c)[0], 0)

    def test_groups_do_not_chain_through_conflicts(self):
        a = company(1, "ООО «Ромашка»", vat="7707083893")
        b = company(2, "Ромашка")
        c = company(3, "ООО «Ромашка»", vat="7736207543")
        groups = matching.group_pairs({(1, 2): (90, []), (2, 3): (85, [])}, {1: a, 2: b, 3: c})
        self.assertEqual(groups, [{1, 2}])


def private(pid, name, **kw):
    """A card as the finder builds it from a private person's values."""
    return matching.profile_from_values(pid, {"name": name, "client_type": "private_person", **kw})


@tagged("post_install", "-at_install")
class TestRussianNames(BaseCase):
    """Names as people write them: initials, word order, omissions, and the people who share a
    phone or a mailbox without being one client."""

    def test_person_words_split_initials(self):
        self.assertEqual(
            [(latin, initial) for _key, latin, initial in keys.person_words("ИП Хохлов В.Б.")],
            [("khokhlov", False), ("v", True), ("b", True)],
        )
        for variant in ("Хохлов В. Б.", "В.Б. Хохлов", "Хохлов ВБ", "Индивидуальный предприниматель Хохлов В.Б."):
            self.assertEqual(len(keys.person_words(variant)), 3, variant)
        self.assertEqual(len(keys.person_words("ХОХЛОВ ВБ")), 2, "all capitals: ВБ may be a word")

    def test_initials_against_the_full_name(self):
        full = private(1, "Хохлов Василий Борисович", phone="+79161234567")
        for variant in ("Хохлов В.Б.", "В.Б. Хохлов", "Хохлов В. Б.", "ХОХЛОВ В.Б.", "ИП Хохлов В.Б."):
            other = private(2, variant, phone="8 916 123-45-67")
            self.assertGreaterEqual(score_pair(full, other)[0], matching.LIKELY, variant)
        a = private(1, "В.Г. Козлов", mobile="+79031112233")
        b = private(2, "Козлов Виталий Германович", phone="+7 903 111-22-33")
        self.assertGreaterEqual(score_pair(a, b)[0], matching.LIKELY)

    def test_disagreeing_initials_are_two_people_even_with_one_phone(self):
        a = private(1, "Козлов В.Г.", phone="+74951234567")
        b = private(2, "Козлов Виктор Петрович", phone="+74951234567")
        self.assertEqual(score_pair(a, b)[0], 0)
        c = private(3, "Козлов П.Г.", phone="+74951234567")
        self.assertEqual(score_pair(a, c)[0], 0)

    def test_order_and_omission(self):
        full = private(1, "Хохлов Василий Борисович", email="hohlov@mail.ru")
        for variant in ("Василий Хохлов", "Хохлов Василий", "Василий Борисович Хохлов", "Khokhlov Vasily", "Хохлов"):
            other = private(2, variant, email="HOHLOV@mail.ru")
            self.assertGreaterEqual(score_pair(full, other)[0], matching.LIKELY, variant)

    def test_cards_of_one_address_whatever_the_order_of_names(self):
        """A name written with a word less or in another order is far from the other in every
        order of names: the cards of one address are compared when their names share a word or
        are alike, and nowhere else."""
        a = private(1, "Марина Попова", city="Москва", street="ул. Новая, д. 56", birthday="1992-08-30")
        b = private(
            2, "Попова Марина Никитична", city="г. Москва", street="улица Новая, 56, кв. 3", phone="89249364017"
        )
        neighbour = private(3, "Петров Иван", city="Москва", street="ул. Новая, д. 56")
        elsewhere = private(4, "Попова Марина Никитична", city="Казань", street="ул. Новая, д. 56")
        self.assertEqual(blocking.candidate_pairs([a, b, neighbour, elsewhere]), {(1, 2)})
        self.assertGreaterEqual(score_pair(a, b)[0], matching.LIKELY)
        self.assertEqual(blocking.candidate_pairs([a, b], max_block=1), set(), "a business centre pairs none")
        members = [(1, "marina popova"), (2, "a k popova"), (3, "a k ivanova"), (5, "azimut"), (6, "azmut")]
        pairs = blocking.place_block_pairs(members)
        self.assertEqual(pairs, {(1, 2), (5, 6)}, "a word in common, initials aside, or a whole name alike")

    def test_one_rule_for_names_at_one_address(self):
        """The block of an address (the full scan) and the pairwise test (the hourly scan, the
        lookup while typing, the import) pair the same names."""
        names = [
            "Марина Попова",
            "Попова Марина Никитична",
            "М. Н. Попова",
            "М Попова",
            "А К Попов",
            "А К Иванова",
            "Азимут",
            "Азмут",
            "ООО «Азимут-М»",
            "Попова Мария",
            "Мариан Попов",
            "Popova Marina",
            "Кузнецова Ольга",
            "КУЗНЕЦОВАОЛЬГА",
            "Ольга",
            "Строй Инвест",
            "Стройинвест",
        ]
        members = [(pid, name_key(name)) for pid, name in enumerate(names) if name_key(name)]
        pairwise = {(a, b) for (a, key), (b, other) in combinations(members, 2) if blocking.names_related(key, other)}
        self.assertTrue(pairwise, "the list holds related names")
        self.assertLess(len(pairwise), len(members) * (len(members) - 1) // 2, "and unrelated ones")
        self.assertEqual(blocking.place_block_pairs(list(reversed(members))), pairwise)

    def test_switchboard_and_mailbox_of_other_people(self):
        a = private(1, "Смирнова Ольга Ивановна", phone="+74951234567", email="office@romashka.ru")
        b = private(2, "Кузнецов Дмитрий Олегович", phone="+74951234567", email="office@romashka.ru")
        self.assertEqual(score_pair(a, b)[0], 0, "one office, two people")
        family_a = private(3, "Иванов Пётр", phone="+74957654321", city="Москва", street="ул. Мира, 1")
        family_b = private(4, "Иванова Мария", phone="+74957654321", city="Москва", street="ул. Мира, 1")
        self.assertEqual(score_pair(family_a, family_b)[0], 0, "a family phone")

    def test_company_switchboard_on_an_employee_card(self):
        firm = matching.profile_from_values(
            1, {"name": "ООО «Ромашка»", "client_type": "company", "is_company": True, "phone": "+74951234567"}
        )
        employee = private(2, "Ромашкин Иван", phone="+7 495 123-45-67")
        self.assertEqual(score_pair(firm, employee)[0], 0)

    def test_a_typo_in_a_word_needs_more_in_common(self):
        a = private(1, "Горшков Игорь Никитич", phone="+79960125548", birthday="1989-01-21")
        b = private(2, "Горшков Егор Никитич", phone="+79960125548")
        self.assertEqual(score_pair(a, b)[0], 0, "Игорь and Егор with one phone: maybe two people")
        b = private(2, "Горшков Егор Никитич", phone="+79960125548", birthday="1989-01-21")
        self.assertGreaterEqual(score_pair(a, b)[0], matching.LIKELY, "and the same birthday: one person")

    def test_a_typo_in_a_name_at_the_same_address(self):
        """Nothing identifying in common: a person's name with a typo in a word (two letters
        swapped) is the same client with the street or the birthday in common, unless the two
        words are two given names; a firm's name must be near-identical, firms of alike names
        share a building."""
        home = {"city": "Санкт-Петербург", "street": "ул. Октябрьская, д. 141"}
        a = private(1, "Егоров Семён Кириллович", phone="+79069042908", birthday="1955-12-03", **home)
        b = private(2, "Егоров Семнё Кириллович", phone="+78129180906", birthday="1955-12-03", **home)
        self.assertGreaterEqual(score_pair(a, b)[0], matching.LIKELY)
        moved = private(2, "Егоров Семнё Кириллович", birthday="1955-12-03", city=home["city"], street="Садовая, 3")
        self.assertGreaterEqual(score_pair(a, moved)[0], matching.LIKELY, "or the birthday alone")
        twin_a = private(7, "Егорова Дина Петровна", birthday="2001-05-17", **home)
        twin_b = private(8, "Егорова Диана Петровна", birthday="2001-05-17", **home)
        self.assertEqual(score_pair(twin_a, twin_b)[0], 0, "two given names a letter apart: twins")
        street = "ул. Суворова, д. 124, оф. 822"
        c = private(3, "Тарасов Виктор Григорьевич", city="Тула", street=street)
        d = private(4, "Тарасов Виткор Григорьевич", city="Тула", street=street)
        self.assertGreaterEqual(score_pair(c, d)[0], matching.LIKELY)
        self.assertEqual(score_pair(c, private(4, d._name, city="Тула"))[0], 0, "the city alone does not carry it")
        office = {"city": "London", "street": "86 King Street"}
        firm_a = company(5, "Jones & Miller Ltd", phones=["+442034503363"], **office)
        firm_b = company(6, "Johnson & Miller Ltd", phones=["+442038367711"], **office)
        self.assertEqual(score_pair(firm_a, firm_b)[0], 0, "two firms of one building")

    def test_legal_form_before_or_after_and_short_names(self):
        a = company(1, "Ромашка, ООО", phones=["+74951234567"])
        b = company(2, "ООО «Ромашка»", phones=["84951234567"])
        self.assertGreaterEqual(score_pair(a, b)[0], matching.LIKELY)
        short_a = company(3, "ООО «А»", city="Москва", street="ул. Ленина, 5")
        short_b = company(4, "ООО «Б»", city="Москва", street="ул. Ленина, 5")
        self.assertEqual(score_pair(short_a, short_b)[0], 0)

    def test_company_typo_with_the_same_street(self):
        a = company(1, "ООО «Стройинвест»", city="Казань", street="ул. Баумана, д. 12")
        b = company(2, "Стройинвесг ООО", city="г. Казань", street="Баумана 12")
        self.assertGreaterEqual(score_pair(a, b)[0], matching.LIKELY)

    def test_new_number_at_the_same_address(self):
        """A client entered again with its new phone and mailbox, no INN: the name, the city and
        the street still say it is one client; namesakes at another address stay two."""
        old = company(
            1,
            "ООО «Импульс»",
            phones=["+79786148652"],
            email="mail@impuls.ru",
            city="Москва",
            street="ул. Юбилейная, д. 147",
        )
        new = company(
            2,
            'ООО "Импульс"',
            phones=["+74958326238"],
            email="zakaz@impuls.ru",
            city="г. Москва",
            street="улица Юбилейная, дом 147",
        )
        self.assertGreaterEqual(score_pair(old, new)[0], matching.LIKELY)
        self.assertIn((old.id, new.id), blocking.candidate_pairs([old, new]))
        elsewhere = company(3, 'ООО "Импульс"', phones=["+74958326239"], city="Москва", street="ул. Садовая, д. 3")
        self.assertEqual(score_pair(old, elsewhere)[0], 0, "another phone, another street: a namesake")
        old.zip, new.zip = "111359", "129090"
        self.assertEqual(score_pair(old, new)[0], 0, "the same street of another postcode: another place")
        colleague_a = private(7, "James Hughes", phone="+447877346725", city="London", street="88 King Street")
        colleague_b = private(8, "James Hughes", phone="+447500109299", city="London", street="88 King Street")
        self.assertGreaterEqual(score_pair(colleague_a, colleague_b)[0], matching.LIKELY)
        colleague_a.parent_id, colleague_b.parent_id = 100, 101
        self.assertEqual(score_pair(colleague_a, colleague_b)[0], 0, "contacts: the address is their company's")
        person_a = private(4, "Попова Марина Никитична", phone="+79249364017", city="Москва", street="ул. Новая, д. 56")
        person_b = private(5, "Попова Марина", phone="+79031112233", city="Москва", street="улица Новая, 56")
        self.assertGreaterEqual(score_pair(person_a, person_b)[0], matching.LIKELY)
        family = private(6, "Попова Ольга", phone="+79031112234", city="Москва", street="ул. Новая, д. 56")
        self.assertEqual(score_pair(person_a, family)[0], 0, "another member of the family at that address")

    def test_one_name_born_on_one_day(self):
        """A person entered again with a new number and mailbox, no street: the same name (or
        its initials) and birthday in the same city say one person, as they do when one card was typed without its
        city; twins (two given names), namesakes born another day or living in another city stay
        two, and without the birthday a name alone says nothing outside a city."""
        born = {"birthday": "1961-07-19"}
        old = private(
            1, "Зарецкая Алла Викторовна", phone="+79172204518", email="alla.z@mail.ru", city="Казань", **born
        )
        new = private(2, "Алла Викторовна Зарецкая", phone="+79869991203", email="zaretskaya61@yandex.ru", **born)
        self.assertEqual(score_pair(old, private(2, new._name, phone="+79869991203", city="Казань"))[0], 0)
        renumbered = private(2, new._name, phone="+79869991203", email="zaretskaya61@yandex.ru", city="Казань", **born)
        score, reasons = score_pair(old, renumbered)
        self.assertGreaterEqual(score, matching.LIKELY, "another number, the same birthday: one person")
        self.assertIn("same_city", [code for code, _value in reasons])
        initials = private(5, "Зарецкая А. В.", phone="+79869991203", city="Казань", **born)
        self.assertGreaterEqual(score_pair(old, initials)[0], matching.LIKELY, "the name in initials")
        score, reasons = score_pair(old, new)
        self.assertGreaterEqual(score, matching.LIKELY, "a card without its city")
        self.assertNotIn("same_city", [code for code, _value in reasons])
        self.assertIn((1, 2), blocking.candidate_pairs([old, new]))
        for other in (
            private(3, "Зарецкая Ольга Викторовна", phone="+79869991203", city="Казань", **born),
            private(3, "Зарецкая Ольга Викторовна", **born),
            private(3, new._name, phone="+79869991203", city="Самара", **born),
            private(3, new._name, phone="+79869991203", birthday="1961-07-20"),
            private(3, new._name, phone="+79869991203"),
        ):
            with self.subTest(other=(other._name, other.city, other.birthday)):
                self.assertEqual(score_pair(old, other)[0], 0)
        contact_a = private(6, old._name, phone="+74952223344", city="Москва", parent_id=100, **born)
        contact_b = private(7, old._name, phone="+78123334455", city="Москва", parent_id=101, **born)
        self.assertEqual(score_pair(contact_a, contact_b)[0], 0, "two firms' contacts: their phones are the firms'")
        contact_b.parent_id = 100
        self.assertGreaterEqual(score_pair(contact_a, contact_b)[0], matching.LIKELY, "one firm's contact twice")
        firm = company(4, "Зарецкая Алла Викторовна", **born)
        self.assertEqual(score_pair(old, firm)[0], 0, "a person's birthday says nothing of a firm's card")

    def test_words_typed_without_spaces(self):
        self.assertEqual(keys.split_name("Общество с ограниченной  ответственностью «Алмаз»")[1], {"ooo"})
        self.assertEqual(keys.split_name("Товариществос ограниченной ответственностью «Эталон»"), (["etalon"], {"too"}))
        a = company(1, "Общество с ограниченной  ответственностью «Алмаз»", phones=["+79614369877"])
        b = company(2, "ООО «Алмаз»", phones=["+7 961 436-98-77"])
        self.assertGreaterEqual(score_pair(a, b)[0], matching.LIKELY)
        self.assertEqual(
            [latin for _key, latin, _initial in keys.person_words("Кузнецова ТатьянаТимуровна")],
            ["kuznetsova", "tatyana", "timurovna"],
        )
        full = private(3, "Кузнецова Татьяна Тимуровна", email="tatyana.kuznetsova@mail.ru")
        joined = private(4, "Кузнецова ТатьянаТимуровна", email="tatyana.kuznetsova@mail.ru")
        self.assertGreaterEqual(score_pair(full, joined)[0], matching.LIKELY)
        other = private(5, "Кузнецова ОльгаТимуровна", email="tatyana.kuznetsova@mail.ru")
        self.assertEqual(score_pair(full, other)[0], 0, "another given name, joined or not")
        # In capitals nothing tells where the first word ends: the words of the other name do.
        capitals = private(6, "КУЗНЕЦОВАТАТЬЯНА ТИМУРОВНА", email="tatyana.kuznetsova@mail.ru")
        self.assertGreaterEqual(score_pair(full, capitals)[0], matching.LIKELY)
        self.assertGreaterEqual(score_pair(capitals, full)[0], matching.LIKELY)
        other = private(7, "КУЗНЕЦОВАОЛЬГА ТИМУРОВНА", email="tatyana.kuznetsova@mail.ru")
        self.assertEqual(score_pair(full, other)[0], 0, "another given name in capitals")
        # A patronymic made of a given name is not that name and another word.
        father = private(8, "ИП Ерлан Ахметов", city="Алматы", street="ул. Толе би, д. 20")
        daughter = private(9, "ИП Ахметова Алия Ерлановна", city="Алматы", street="ул. Толе би, д. 20, стр. 7")
        self.assertEqual(score_pair(father, daughter)[0], 0)
        # A capital second letter is two letters swapped with the Shift, not a word of one letter.
        self.assertEqual(
            [latin for _key, latin, _initial in keys.person_words("мДитриев Борис")], ["mditriev", "boris"]
        )
        typed = private(10, "ИП уБлгаков Степан", email="bulgakov_s@mail.ru", street="ул. Школьная, д. 130")
        full = private(11, "ИП Булгаков Степан Павлович", email="bulgakov_s@mail.ru", street="Школьная, 130")
        self.assertGreaterEqual(score_pair(typed, full)[0], matching.LIKELY)

    def test_review_pairs_never_join_a_likely_group(self):
        a, b, c = company(1, "ООО «Темп»", city="Минск"), company(2, "ООО «Темп»", city="Минск"), company(3, "Темп")
        groups = matching.group_pairs({(1, 3): (90, []), (1, 2): (matching.REVIEW_SCORE, [])}, {1: a, 2: b, 3: c})
        self.assertEqual(groups, [{1, 3}])
        groups = matching.group_pairs({(1, 2): (matching.REVIEW_SCORE, [])}, {1: a, 2: b})
        self.assertEqual(groups, [{1, 2}])

    def test_a_group_is_as_sure_as_its_weakest_link(self):
        """Two copies that each match the original firmly are one client with it, however little
        they share with each other (here only the firm name and the city: a pair for review)."""
        scored = {(1, 2): (100, []), (1, 3): (75, []), (2, 3): (matching.REVIEW_SCORE, [])}
        self.assertEqual(matching.group_score({1, 2, 3}, scored), 75)
        self.assertEqual(matching.group_score({1, 2}, scored), 100)
        scored = {(1, 2): (100, []), (2, 3): (matching.REVIEW_SCORE, [])}
        self.assertEqual(matching.group_score({1, 2, 3}, scored), matching.REVIEW_SCORE, "joined by a review pair")

    def test_given_names_in_their_everyday_forms(self):
        a = private(1, "Иванов Александр Петрович", phone="+79161112233")
        for variant in ("Саша Иванов", "Иванов Саша", "Иванов Шура"):
            self.assertGreaterEqual(score_pair(a, private(2, variant, phone="89161112233"))[0], matching.LIKELY)
        self.assertEqual(score_pair(private(3, "Иванова Маша", phone="+79161112233"), a)[0], 0)
        b = private(4, "Смирнова Наталия", email="smirnova@mail.ru")
        self.assertGreaterEqual(score_pair(b, private(5, "Смирнова Наталья Ивановна", email="smirnova@mail.ru"))[0], 50)


@tagged("post_install", "-at_install")
class TestAddressesAsTyped(BaseCase):
    def test_cities_by_their_nicknames(self):
        for variant in ("СПб", "Питер", "г. Санкт-Петербург", "С.-Петербург", "St. Petersburg"):
            self.assertEqual(keys.city_key(variant), keys.city_key("Санкт-Петербург"), variant)
        self.assertEqual(keys.city_key("г.Москва"), keys.city_key("Moscow"))

    def test_a_pasted_postal_address_is_the_same_street(self):
        full = keys.street_tokens("125009, г. Москва, ул. Ленина, д. 5, оф. 12", keys.city_key("Москва"))
        self.assertTrue(keys.streets_agree(full, keys.street_tokens("ул.Ленина,д.5")))
        self.assertFalse(keys.streets_agree(full, keys.street_tokens("Ленина 15")))
        self.assertFalse(
            keys.streets_agree(keys.street_tokens("Ленина 5, оф. 12"), keys.street_tokens("Ленина 5, оф. 14")),
            "one business centre, two offices: two addresses",
        )
        a = company(1, "ООО «Стройинвест»", city="Москва", street="125009, г. Москва, ул. Ленина, д. 5")
        b = company(2, "Стройинвест", city="г.Москва", street="Ленина 5")
        self.assertGreaterEqual(score_pair(a, b)[0], matching.LIKELY)

    def test_latin_letters_in_a_cyrillic_name(self):
        self.assertEqual(name_key("ООО «Pомашка»"), name_key("ООО «Ромашка»"), "a Latin P")
        self.assertEqual(keys.fold_lookalikes("OOO Romashka"), "OOO Romashka", "one script: untouched")

    def test_numbers_in_names_are_kept_whole(self):
        self.assertNotEqual(name_key("ООО «СК-100»"), name_key("ООО «СК-10»"))
        self.assertEqual(name_key("Филиппова"), name_key("Филипова"), "doubled letters are one")
