# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo.exceptions import ValidationError
from odoo.tests import Form, TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestClientType(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Partner = cls.env["res.partner"].with_context(tracking_disable=False)

    def test_default_from_is_company(self):
        company = self.Partner.create({"name": "ООО Ромашка", "is_company": True})
        person = self.Partner.create({"name": "Иван Петров"})
        self.assertEqual(company.client_type, "company")
        self.assertEqual(person.client_type, "private_person")

    def test_entrepreneur_kept_when_flag_changes(self):
        partner = self.Partner.create({"name": "ИП Сидоров", "client_type": "individual_entrepreneur"})
        partner.is_company = True
        self.assertEqual(partner.client_type, "individual_entrepreneur")

    def test_switched_to_person_on_the_form(self):
        """A new card opens as a company (the clients' list): switched to "Person" it is a
        private person's, with its personal data."""
        with Form(self.env["res.partner"].with_context(default_is_company=True)) as form:
            form.name = "Марина Попова"
            self.assertEqual(form.client_type, "company")
            form.company_type = "person"
            self.assertEqual(form.client_type, "private_person")
            form.birthday = "1992-08-30"
        self.assertEqual(form.record.client_type, "private_person")
        self.assertEqual(str(form.record.birthday), "1992-08-30")

    def _created(self, vals, lang=None):
        """A partner created in an earlier step: Odoo tracks no change on a record created in
        the same unflushed transaction."""
        partner = self.Partner.with_context(lang=lang).create(vals)
        self.env.flush_all()
        self.env.cr.flush()
        return partner

    def test_change_is_tracked(self):
        partner = self._created({"name": "Анна Смирнова"})
        partner.client_type = "individual_entrepreneur"
        # Tracking values are written when the transaction is about to commit.
        self.env.flush_all()
        self.env.cr.flush()
        values = partner.message_ids.tracking_value_ids.filtered(lambda v: v.field_id.name == "client_type")
        self.assertEqual(len(values), 1)
        self.assertEqual(values.old_value_char, "Private person")
        self.assertEqual(values.new_value_char, "Individual entrepreneur")

    def test_tracking_in_russian(self):
        self.env["res.lang"]._activate_lang("ru_RU")
        partner = self._created({"name": "Пётр Сидоров"}, lang="ru_RU")
        partner.client_type = "company"
        self.env.flush_all()
        self.env.cr.flush()
        values = partner.message_ids.tracking_value_ids.filtered(lambda v: v.field_id.name == "client_type")
        self.assertEqual(values.new_value_char, "Компания")

    def test_form_shows_client_type(self):
        with Form(self.env["res.partner"]) as form:
            form.name = "ООО Вектор"
            form.company_type = "company"
            self.assertEqual(form.client_type, "company")
            form.client_type = "individual_entrepreneur"
        self.assertEqual(form.record.client_type, "individual_entrepreneur")


@tagged("post_install", "-at_install")
class TestInn(TransactionCase):
    def test_personal_inn_with_check_remainder_ten(self):
        # 771234568108: the first check sum leaves 10, so the check digit is 0; base_vat's own
        # check refused it.
        person = self.env["res.partner"].create(
            {"name": "ИП Кузнецов", "country_id": self.env.ref("base.ru").id, "vat": "771234568108"}
        )
        self.assertEqual(person.vat, "771234568108")

    def test_wrong_inn_refused(self):
        with self.assertRaises(ValidationError):
            self.env["res.partner"].create(
                {"name": "ООО Ошибка", "country_id": self.env.ref("base.ru").id, "vat": "7707083894"}
            )
