# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import ValidationError
from odoo.tests import BaseCase, TransactionCase, tagged

from odoo.addons.crm_client_base.tools import legal_forms, standards


@tagged("post_install", "-at_install")
class TestStandardFunctions(BaseCase):
    """The pure functions of tools/standards.py: no database."""

    def test_normalize_name(self):
        cases = {
            '  ООО   "Ромашка"  ': "ООО «Ромашка»",
            "ООО “Ромашка”": "ООО «Ромашка»",
            "ООО „Ромашка“": "ООО «Ромашка»",
            "ООО «Ромашка»": "ООО «Ромашка»",
            "ООО ''Ромашка''": "ООО «Ромашка»",
            'АО "Завод "Прогресс""': "АО «Завод «Прогресс»»",
            'ИП Иванов "': 'ИП Иванов "',
            "Anna\tSmith": "Anna Smith",
        }
        for typed, expected in cases.items():
            self.assertEqual(standards.normalize_name(typed), expected, typed)

    def test_normalize_email(self):
        self.assertEqual(standards.normalize_email(" Info@Romashka.RU "), ("Info@romashka.ru", []))
        self.assertEqual(standards.normalize_email("a@X.ru; b@Y.ru"), ("a@x.ru, b@y.ru", []))
        self.assertEqual(standards.normalize_email("no email")[1], ["no email"])
        self.assertEqual(standards.normalize_email("ivan@")[1], ["ivan@"])

    def test_normalize_telegram_links_and_codes(self):
        for typed in ("@ivan_petrov", "ivan_petrov", "https://t.me/ivan_petrov", "telegram.me/ivan_petrov/"):
            self.assertEqual(standards.normalize_telegram(typed), "@ivan_petrov", typed)
        self.assertIsNone(standards.normalize_telegram("@ivan"), "five characters at least")
        self.assertIsNone(standards.normalize_telegram("+7 916 123-45-67"))
        vk = standards.SOCIAL_HOSTS["vk"]
        self.assertEqual(standards.normalize_link(" vk.com/id1 ", vk), "https://vk.com/id1")
        self.assertEqual(standards.normalize_link("http://m.vk.com/id1", vk), "http://m.vk.com/id1")
        self.assertIsNone(standards.normalize_link("https://ok.ru/profile/1", vk))
        self.assertIsNone(standards.normalize_link("not a link", vk))
        self.assertEqual(standards.normalize_code(" 7736 01 001 "), "773601001")
        self.assertEqual(standards.normalize_code("7736ab001"), "7736AB001")

    def test_identifiers(self):
        self.assertIsNone(standards.check_inn("7707083893"))
        self.assertIsNone(standards.check_inn("771234568108"))
        self.assertEqual(standards.check_inn("7707083894"), "wrong INN checksum")
        self.assertIsNotNone(standards.check_inn("77070838"))
        self.assertIsNotNone(standards.check_inn("77070838 93"))
        self.assertIsNone(standards.check_kpp("773601001"))
        self.assertIsNone(standards.check_kpp("7736AB001"))
        self.assertIsNotNone(standards.check_kpp("77360100"))
        self.assertIsNone(standards.check_ogrn("1027700132195"))
        self.assertEqual(standards.check_ogrn("1027700132196"), "wrong OGRN checksum")
        self.assertIsNone(standards.check_ogrn("304500116000157"))
        self.assertEqual(standards.check_ogrn("304500116000158"), "wrong OGRNIP checksum")
        self.assertIsNotNone(standards.check_ogrn("12345"))

    def test_identifier_keys(self):
        # A cell that lost its leading zero gets it back only when the check digits then agree.
        self.assertEqual(standards.normalize_inn(" 770708 3893 "), "7707083893")
        self.assertEqual(standards.normalize_inn("274062111"), "0274062111")
        self.assertEqual(standards.normalize_inn("274062112"), "274062112")
        self.assertEqual(standards.phone_digits("8 (495) 123-45-67"), "74951234567")
        self.assertEqual(standards.phone_digits("+44 (0)20 7946 0958"), "442079460958")
        self.assertEqual(standards.phone_digits("12-34"), "")
        self.assertEqual(standards.first_email(" Info@Romashka.RU; sales@romashka.ru"), "info@romashka.ru")
        self.assertEqual(standards.first_email("нет"), "")
        self.assertEqual(standards.tax_id_digits("RU 7707083893"), "7707083893")
        self.assertEqual(standards.tax_id_digits("DE123456789"), "123456789")

    def test_legal_forms(self):
        self.assertEqual(legal_forms.forms_of("ООО «Ромашка»"), {"ooo"})
        self.assertEqual(legal_forms.forms_of("Ромашка, ООО"), {"ooo"})
        self.assertEqual(legal_forms.forms_of("Romashka L.L.C."), {"ooo"})
        # An ООО's English name is an LLC or a Ltd; a ТОО's (Kazakhstan) an LLP.
        self.assertEqual(legal_forms.forms_of("Romashka Ltd."), {"ooo"})
        self.assertEqual(legal_forms.forms_of("Romashka Limited"), {"ooo"})
        self.assertEqual(legal_forms.forms_of("Ladoga LLP"), legal_forms.forms_of("ТОО «Ладога»"))
        self.assertEqual(legal_forms.forms_of("Общество с ограниченной ответственностью «Ромашка»"), {"ooo"})
        self.assertEqual(legal_forms.forms_of("ИП Иванов И.И."), {"ip"})
        self.assertEqual(legal_forms.forms_of("Индивидуальный предприниматель Иванов"), {"ip"})
        self.assertLessEqual(legal_forms.forms_of("КФХ Колос"), legal_forms.ENTREPRENEUR_FORMS)
        # A form inside a word is not a form: "Аоки", "Зоопарк".
        self.assertEqual(legal_forms.forms_of("Аоки Зоопарк"), frozenset())
        self.assertEqual(legal_forms.forms_of(""), frozenset())


@tagged("post_install", "-at_install")
class TestStandardsOnWrite(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.ru = cls.env.ref("base.ru")
        cls.de = cls.env.ref("base.de")
        cls.env.company.country_id = cls.ru
        cls.Partner = cls.env["res.partner"]

    def _flush(self):
        self.env.flush_all()
        self.env.cr.flush()

    def test_russian_phone_stored_international(self):
        partner = self.Partner.create({"name": "Ромашка", "country_id": self.ru.id, "phone": "8 (495) 123-45-67"})
        self.assertEqual(partner.phone, "+7 495 123-45-67")
        partner.write({"mobile": "89161234567"})
        self.assertEqual(partner.mobile, "+7 916 123-45-67")
        partner.write({"whatsapp": "8-916-123-45-67"})
        self.assertEqual(partner.whatsapp, "+7 916 123-45-67")

    def test_phone_country_falls_back_to_company(self):
        partner = self.Partner.create({"name": "Без страны", "phone": "8 (812) 555-12-34"})
        self.assertEqual(partner.phone, "+7 812 555-12-34")
        contact = self.Partner.create(
            {
                "name": "Ганс",
                "parent_id": self.Partner.create({"name": "GmbH", "country_id": self.de.id}).id,
                "phone": "030 1234567",
            }
        )
        self.assertEqual(contact.phone, "+49 30 1234567")

    def test_russian_national_number_without_a_country_in_another_company(self):
        """8 and ten digits, no country, a company of another country: never silently another
        country's number (read in the US, "8 (495) 123-45-67" became +84 951 234 567)."""
        self.env.company.country_id = self.env.ref("base.us")
        with self.assertRaises(ValidationError) as error:
            self.Partner.create({"name": "Без страны", "phone": "8 (495) 123-45-67"})
        self.assertIn("8 (495) 123-45-67", str(error.exception))
        self.assertIn("+7", str(error.exception))
        # Unambiguous ways to write it: with the client's country, or with the country code.
        with_country = self.Partner.create({"name": "Россия", "country_id": self.ru.id, "phone": "8 (495) 123-45-67"})
        self.assertEqual(with_country.phone, "+7 495 123-45-67")
        international = self.Partner.create({"name": "Код страны", "phone": "+7 (495) 123-45-67"})
        self.assertEqual(international.phone, "+7 495 123-45-67")
        # A number of the company's own country is read there as before.
        american = self.Partner.create({"name": "USA", "phone": "(212) 736-5000"})
        self.assertEqual(american.phone, "+1 212-736-5000")
        # Keep and flag, by the company's policy.
        self.env.company.client_invalid_phone_policy = "flag"
        flagged = self.Partner.create({"name": "Помечен", "phone": "8 (495) 123-45-67"})
        self.assertEqual((flagged.phone, flagged.client_flagged_fields), ("8 (495) 123-45-67", "phone"))

    def test_checks_while_typing(self):
        """The INN checksum and the phone reading answer while the card is typed, not on save."""
        spec = {"phone": {}, "vat": {}, "country_id": {}}
        answer = self.Partner.onchange({"name": "Ромашка", "vat": "7707083894"}, ["vat"], spec)
        self.assertIn("7707083894", answer["warning"]["message"])
        answer = self.Partner.onchange({"name": "Ромашка", "phone": "12-34"}, ["phone"], spec)
        self.assertIn("12-34", answer["warning"]["message"])
        answer = self.Partner.onchange(
            {"name": "Ромашка", "vat": "7707083893", "phone": "8 495 1234567"}, ["vat"], spec
        )
        self.assertNotIn("warning", answer)
        self.env.company.country_id = self.env.ref("base.us")
        answer = self.Partner.onchange({"name": "Без страны", "phone": "8 (495) 123-45-67"}, ["phone"], spec)
        self.assertIn("+7", answer["warning"]["message"])

    def test_russian_national_phone_shape(self):
        self.assertTrue(standards.russian_national_phone("8 (495) 123-45-67"))
        self.assertTrue(standards.russian_national_phone("89161234567"))
        self.assertFalse(standards.russian_national_phone("+7 495 123-45-67"), "international already")
        self.assertFalse(standards.russian_national_phone("8 029 123-45-67"), "not a Russian number (Belarus)")
        self.assertFalse(standards.russian_national_phone("495 123-45-67"))

    def test_write_reads_each_partner_in_its_country(self):
        russian = self.Partner.create({"name": "RU", "country_id": self.ru.id})
        german = self.Partner.create({"name": "DE", "country_id": self.de.id})
        (russian | german).write({"phone": "+7 495 1234567"})
        self.assertEqual(russian.phone, "+7 495 123-45-67")
        self.assertEqual(german.phone, "+7 495 123-45-67")

    def test_unparseable_phone_refused_with_field_and_value(self):
        with self.assertRaises(ValidationError) as error:
            self.Partner.create({"name": "Ошибка", "country_id": self.ru.id, "phone": "12-34"})
        self.assertIn("12-34", str(error.exception))
        self.assertIn("Phone", str(error.exception))
        partner = self.Partner.create({"name": "Ромашка", "country_id": self.ru.id})
        with self.assertRaises(ValidationError) as error:
            partner.write({"mobile": "not a number"})
        self.assertIn("not a number", str(error.exception))
        self.assertIn("Mobile", str(error.exception))

    def test_keep_and_flag_policy(self):
        self.env.company.client_invalid_phone_policy = "flag"
        partner = self.Partner.create({"name": "Грязный импорт", "country_id": self.ru.id, "phone": "12-34"})
        self.assertEqual(partner.phone, "12-34")
        self.assertEqual(partner.client_flagged_fields, "phone")
        self.assertTrue(partner.client_needs_review)
        self.assertIn(partner, self.Partner.search([("client_needs_review", "=", True)]))
        partner.write({"phone": "+7 495 123 45 67"})
        self.assertFalse(partner.client_flagged_fields)
        self.assertFalse(partner.client_needs_review)

    def test_email_and_name(self):
        partner = self.Partner.create({"name": '  ООО   "Вектор" ', "email": "  Sales@Vector.RU "})
        self.assertEqual(partner.name, "ООО «Вектор»")
        self.assertEqual(partner.email, "Sales@vector.ru")
        with self.assertRaises(ValidationError) as error:
            partner.write({"email": "sales(at)vector.ru"})
        self.assertIn("sales(at)vector.ru", str(error.exception))
        self.assertEqual(partner.email, "Sales@vector.ru")

    def test_what_was_typed_stays_in_chatter(self):
        partner = self.Partner.create({"name": "Ромашка", "country_id": self.ru.id, "phone": "8 (495) 123-45-67"})
        self._flush()
        notes = partner.message_ids.filtered(lambda m: "8 (495) 123-45-67" in (m.body or ""))
        self.assertEqual(len(notes), 1)
        self.assertIn("+7 495 123-45-67", notes.body)
        # Trimming alone is not a rewrite worth a note.
        partner.write({"email": " a@b.ru "})
        self._flush()
        self.assertFalse(partner.message_ids.filtered(lambda m: " a@b.ru " in (m.body or "")))

    def test_inn_kpp_ogrn(self):
        company = self.Partner.create(
            {
                "name": "ООО Ромашка",
                "is_company": True,
                "country_id": self.ru.id,
                "vat": "7707083893",
                "kpp": "773601001",
                "ogrn": "1027700132195",
            }
        )
        branch = self.Partner.create(
            {
                "name": "ООО Ромашка (филиал)",
                "is_company": True,
                "country_id": self.ru.id,
                "vat": "7707083893",
                "kpp": "784201001",
            }
        )
        self.assertEqual(branch.vat, company.vat)
        bad = [
            ({"vat": "7707083894"}, "7707083894"),
            ({"kpp": "77360100"}, "77360100"),
            ({"ogrn": "1027700132196"}, "1027700132196"),
            ({"ogrn": "304500116000157"}, "304500116000157"),  # an OGRNIP on an organisation
            ({"vat": "771234568108"}, "771234568108"),  # a personal INN on an organisation
        ]
        for vals, value in bad:
            with self.subTest(vals=vals), self.assertRaises(ValidationError) as error:
                company.write(vals)
            self.assertIn(value, str(error.exception))

    def test_entrepreneur_identifiers(self):
        person = self.Partner.create(
            {
                "name": "ИП Кузнецов",
                "client_type": "individual_entrepreneur",
                "is_company": True,
                "country_id": self.ru.id,
                "vat": "771234568108",
                "ogrn": "304500116000157",
            }
        )
        with self.assertRaises(ValidationError):
            person.write({"kpp": "773601001"})
        with self.assertRaises(ValidationError):
            person.write({"vat": "7707083893"})

    def test_foreign_partner_not_held_to_russian_rules(self):
        partner = self.Partner.create({"name": "Acme GmbH", "country_id": self.de.id, "kpp": "whatever1"})
        self.assertEqual(partner.kpp, "WHATEVER1")

    def test_absent_marker_cleared_by_a_value(self):
        partner = self.Partner.create({"name": "Без почты", "email_absent": True, "phone_absent": True})
        self.assertTrue(partner.email_absent)
        partner.write({"email": "now@has.ru"})
        self.assertFalse(partner.email_absent)
        self.assertTrue(partner.phone_absent)

    def test_messengers_and_social_links(self):
        partner = self.Partner.create(
            {"name": "Соцсети", "telegram": "https://t.me/ivan_petrov", "social_vk": "vk.com/ivan"}
        )
        self.assertEqual(partner.telegram, "@ivan_petrov")
        self.assertEqual(partner.social_vk, "https://vk.com/ivan")
        for vals in (
            {"telegram": "@ab"},
            {"social_vk": "https://evil.example.com/vk.com"},
            {"social_instagram": "not a link"},
        ):
            with self.subTest(vals=vals), self.assertRaises(ValidationError):
                partner.write(vals)

    def test_absurd_dates_and_windows(self):
        partner = self.Partner.create({"name": "Даты"})
        for vals in (
            {"birthday": "1812-09-07"},
            {"birthday": "2999-01-01"},
            {"call_time_from": 25.0},
            {"call_time_to": -1.0},
        ):
            with self.subTest(vals=vals), self.assertRaises(ValidationError):
                partner.write(vals)
        partner.write({"call_time_from": 22.0, "call_time_to": 2.0})  # crosses midnight
        self.assertEqual(partner.call_time_to, 2.0)

    def test_mobile_is_tracked(self):
        partner = self.Partner.create({"name": "Трекинг", "country_id": self.ru.id})
        self._flush()
        partner.mobile = "+79161234567"
        self._flush()
        tracked = partner.message_ids.tracking_value_ids.filtered(lambda v: v.field_id.name == "mobile")
        self.assertEqual(tracked.new_value_char, "+7 916 123-45-67")


@tagged("post_install", "-at_install")
class TestTaxIdLabel(TransactionCase):
    def test_russian_company_forms_say_inn(self):
        """Odoo's own country label of the tax id: "INN" (ИНН) for a Russian company, Odoo's
        "Tax ID" for another."""
        self.env["res.lang"]._activate_lang("ru_RU")
        self.env.company.country_id = self.env.ref("base.ru")
        for lang, label in (("en_US", "INN"), ("ru_RU", "ИНН")):
            arch = self.env["res.partner"].with_context(lang=lang).get_view(view_type="form")["arch"]
            self.assertRegex(arch, rf'<field name="vat"[^>]* string="{label}"', lang)
        # The control: a French company of the same database keeps Odoo's label.
        french = self.env["res.company"].create({"name": "SARL Témoin", "country_id": self.env.ref("base.fr").id})
        self.env.user.company_ids |= french
        Partner = self.env["res.partner"].with_company(french).with_context(lang="en_US")
        self.assertNotIn('string="INN"', Partner.get_view(view_type="form")["arch"])
