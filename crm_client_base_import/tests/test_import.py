# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
from unittest.mock import patch

from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.crm_client_base.tests.common import ClientBaseCase, text_leaks

from ..models import crm_client_import_run
from .common import VCARDS, csv_file, xlsx_file

HEADER = ["Наименование", "ИНН", "Телефон", "Эл. почта", "Город", "Контактное лицо", "Должность"]


@tagged("post_install", "-at_install")
class TestImport(ClientBaseCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.user.group_ids |= cls.env.ref("sales_team.group_sale_manager")
        cls.ru = cls.env.ref("base.ru")
        cls.env.company.country_id = cls.ru
        cls.Partner = cls.env["res.partner"]
        cls.existing = cls.Partner.create(
            {
                "name": "ООО «Ромашка»",
                "is_company": True,
                "vat": "7707083893",
                "country_id": cls.ru.id,
                "city": "Москва",
            }
        )
        cls.rows = [
            HEADER,
            ["ООО «Ромашка»", "7707083893", "+7 495 111-22-33", "", "Москва", "", ""],
            ["ООО «Север»", "5001007329", "8 (495) 222-33-44", "sever@example.ru", "Москва", "Иван Петров", "Директор"],
            ["ООО «Юг»", "7712345670", "", "", "Ростов-на-Дону", "", ""],
            ["ООО Север", "5001007329", "", "", "Москва", "", ""],
            ["ИП Смирнов", "", "позвонить", "", "Тверь", "", ""],
            ["ООО «Формула»", "", "", '=HYPERLINK("http://evil.example")', "", "", ""],
            ["", "", "", "", "", "", ""],
            ["ООО «Восток»", "5401234566", "", "info@vostok.example", "Новосибирск", "", ""],
        ]

    def _wizard(self, name, data, **values):
        wizard = self.env["crm.client.import"].create({"file": base64.b64encode(data), "file_name": name, **values})
        wizard.action_preview()
        return wizard

    def _outcomes(self, wizard):
        return {line.line_number: line.action for line in wizard.line_ids}

    def test_dry_run_then_import(self):
        before = self.Partner.search_count([])
        wizard = self._wizard("клиенты.csv", csv_file(self.rows, encoding="cp1251", delimiter=";"))
        self.assertEqual(
            self._outcomes(wizard),
            {2: "update", 3: "create", 4: "refuse", 5: "refuse", 6: "refuse", 7: "refuse", 9: "create"},
        )
        messages = {line.line_number: line.message for line in wizard.line_ids}
        self.assertIn("7712345670", messages[4])
        self.assertIn("check digits", messages[4])
        self.assertEqual(messages[5], "Duplicate of line 3")
        self.assertIn("позвонить", messages[6])
        self.assertIn("formula", messages[7])
        self.assertIn("Phone", messages[2])
        self.assertEqual(wizard.line_ids.filtered(lambda line: line.line_number == 2).partner_id, self.existing)
        self.assertEqual((wizard.create_count, wizard.update_count, wizard.refuse_count), (2, 1, 4))
        self.assertEqual(self.Partner.search_count([]), before, "the dry run writes no client")
        self.assertFalse(self.existing.phone)

        wizard.action_import()
        self.assertEqual(wizard.state, "done")
        self.assertEqual(wizard.done_count, 3)
        self.assertTrue(self.existing.phone.startswith("+7 495"))
        north = self.Partner.search([("vat", "=", "5001007329"), ("parent_id", "=", False)])
        self.assertEqual(len(north), 1)
        self.assertTrue(north.is_company)
        self.assertEqual(north.client_type, "company")
        self.assertTrue(north.phone.startswith("+7 495 222"), "brought to the phone standard")
        self.assertEqual(north.child_ids.name, "Иван Петров")
        self.assertEqual(north.child_ids.function, "Директор")
        self.assertFalse(north.user_id, "new clients go to the free pool by default")
        self.assertEqual(wizard.partner_ids, north | self.existing | self.Partner.search([("vat", "=", "5401234566")]))
        self.assertEqual(self.Partner.search_count([]), before + 3, "two clients and one contact")

    def test_legal_form_tells_the_client_type(self):
        rows = [
            ["Наименование", "Тип клиента", "Город"],
            ["ИП Смирнов Олег", "", "Тверь"],
            ["Колос, КФХ", "", "Тверь"],
            ["ООО «Вектор»", "", "Тверь"],
            ["Сидоров Пётр", "ИП", "Тверь"],
            ["Альфа", "ООО", "Тверь"],
        ]
        wizard = self._wizard("типы.csv", csv_file(rows))
        self.assertEqual(set(self._outcomes(wizard).values()), {"create"})
        wizard.action_import()
        imported = self.Partner.search([("city", "=", "Тверь"), ("parent_id", "=", False)])
        self.assertEqual(
            {partner.name: partner.client_type for partner in imported},
            {
                "ИП Смирнов Олег": "individual_entrepreneur",
                "Колос, КФХ": "individual_entrepreneur",
                "ООО «Вектор»": "company",
                "Сидоров Пётр": "individual_entrepreneur",
                "Альфа": "company",
            },
        )

    def test_outcomes_are_worded_in_the_readers_language(self):
        """A line's outcome is stored as a code and worded when read: a manager reading a
        Russian salesperson's import in English reads it in English, and the other way round."""
        self.env["res.lang"]._activate_lang("ru_RU")
        wizard = self._wizard("клиенты.csv", csv_file(self.rows))
        line = wizard.line_ids.filtered(lambda line: line.line_number == 5)
        self.assertEqual(line.message_data["code"], "repeated")
        self.assertEqual(line.with_context(lang="en_US").message, "Duplicate of line 3")
        self.assertEqual(line.with_context(lang="ru_RU").message, "Дубликат строки 3")
        update = wizard.line_ids.filtered(lambda line: line.line_number == 2)
        english = update.with_context(lang="en_US").message
        russian = update.with_context(lang="ru_RU").message
        self.assertIn("Updates ООО «Ромашка» (same INN 7707083893", english)
        self.assertIn("Phone", english)
        self.assertIn("тот же ИНН 7707083893", russian)
        self.assertIn("Телефон", russian)

    def test_chatter_says_what_the_standards_rewrote(self):
        """An imported card's creation message, and an updated card's note, say what the file
        had and what was stored, as for a card typed in the form."""
        rows = [HEADER, ["ООО «Ромашка»", "7707083893", "8 495 1112233", "", "Москва", "", ""], self.rows[2]]
        wizard = self._wizard("клиенты.csv", csv_file(rows))
        wizard.with_context(lang="en_US").action_import()
        north = self.Partner.search([("vat", "=", "5001007329"), ("parent_id", "=", False)])
        bodies = north.message_ids.mapped("body")
        self.assertEqual(len(bodies), 1, "one creation message, completed")
        self.assertIn("8 (495) 222-33-44", bodies[0])
        self.assertIn(north.phone, bodies[0])
        self.assertIn("Brought to the data standards", bodies[0])
        notes = [body for body in self.existing.message_ids.mapped("body") if "Brought" in body]
        self.assertEqual(len(notes), 1)
        note = notes[0]
        self.assertIn("8 495 1112233", note)
        self.assertIn(self.existing.phone, note)

    def test_all_or_nothing(self):
        before = self.Partner.search_count([])
        wizard = self._wizard("клиенты.csv", csv_file(self.rows))
        # A line that passed the check but fails on writing (here, tampered with): nothing stays.
        last = wizard.line_ids.filtered(lambda line: line.line_number == 9)
        last.values = {**last.values, "partner": {**last.values["partner"], "email": "not an email"}}
        with self.assertRaises(UserError) as caught:
            wizard.action_import()
        self.assertIn("Line 9", caught.exception.args[0])
        self.assertIn("Nothing was imported", caught.exception.args[0])
        self.assertEqual(self.Partner.search_count([]), before)
        self.assertFalse(self.existing.phone)

    def test_existing_values_kept_unless_overwrite(self):
        self.existing.phone = "+7 495 999-99-99"
        data = csv_file(self.rows[:2])
        wizard = self._wizard("c.csv", data)
        self.assertEqual(self._outcomes(wizard), {2: "unchanged"})
        wizard = self._wizard("c.csv", data, overwrite=True)
        self.assertEqual(self._outcomes(wizard), {2: "update"})
        wizard.action_import()
        self.assertTrue(self.existing.phone.startswith("+7 495 111"))

    def test_known_contact_not_added_twice(self):
        self.Partner.create({"name": "Иван Петров", "parent_id": self.existing.id})
        rows = [HEADER, ["ООО «Ромашка»", "7707083893", "", "", "Москва", "Петров Иван", "Директор"]]
        wizard = self._wizard("c.csv", csv_file(rows))
        self.assertEqual(self._outcomes(wizard), {2: "unchanged"})

    def test_xlsx_leading_zero_and_spread(self):
        alice, bob = self.anna, self.boris
        rows = [
            ["Name", "INN", "City"],
            ["North Star LLC", "274062111", "Ufa"],
            ["Dawn LLC", "7712345671", "Moscow"],
        ]
        data = xlsx_file(rows, title="Clients", numbers=[(3, 2), (4, 2)])
        wizard = self._wizard("list.xlsx", data, assign_mode="spread", user_ids=[(6, 0, (alice | bob).ids)])
        self.assertEqual(self._outcomes(wizard), {3: "create", 4: "create"})
        wizard.action_import()
        star = self.Partner.search([("name", "=", "North Star LLC")])
        self.assertEqual(star.vat, "0274062111", "the leading zero Excel dropped is back")
        self.assertEqual(wizard.partner_ids.user_id, alice | bob)

    def test_vcard(self):
        wizard = self._wizard("contacts.vcf", VCARDS.encode())
        self.assertEqual(wizard.create_count, 2)
        wizard.action_import()
        company = self.Partner.search([("name", "=", "ООО «Визитка»")])
        self.assertTrue(company.is_company)
        anna = company.child_ids
        self.assertEqual((anna.name, anna.function), ("Анна Петрова", "Директор"))
        self.assertEqual(str(anna.birthday), "1985-04-12")
        oleg = self.Partner.search([("name", "=", "Олег Сидоров")])
        self.assertEqual(oleg.client_type, "private_person")
        self.assertTrue(oleg.mobile.startswith("+7 916"))

    def test_outlook_export_as_it_is(self):
        header = ["First Name", "Middle Name", "Last Name", "Company", "Job Title", "Business Phone"]
        header += ["Mobile Phone", "E-mail Address", "Birthday", "Categories"]
        data = csv_file(
            [
                header,
                ["Анна", "Игоревна", "Лебедева", "ООО «Экспорт»", "Бухгалтер", "+7 495 700-20-30", "", "", "", ""],
                ["Пётр", "", "Соколов", "", "", "", "+7 916 700-20-31", "sokolov@example.ru", "7/1/1990", "VIP"],
                ["Олег", "", "Рыбин", "ООО «Экспорт»", "Директор", "+7 495 700-20-30", "", "", "", ""],
            ]
        )
        wizard = self._wizard("outlook.csv", data)
        self.assertIn("Outlook", wizard.file_notes)
        self.assertIn("Categories", wizard.file_notes, "a column with values not taken is said")
        self.assertEqual(wizard.create_count, 2)
        self.assertEqual(self._outcomes(wizard), {2: "create", 3: "create", 4: "joined"})
        joined = wizard.line_ids.filtered(lambda line: line.line_number == 4)
        self.assertEqual(joined.message, "The same client as line 2: its contact is added to that client")
        wizard.action_import()
        company = self.Partner.search([("name", "=", "ООО «Экспорт»")])
        self.assertTrue(company.is_company)
        self.assertEqual(
            sorted(company.child_ids.mapped(lambda contact: (contact.name, contact.function))),
            [("Лебедева Анна Игоревна", "Бухгалтер"), ("Рыбин Олег", "Директор")],
            "each person of the company a contact of it, none refused as a duplicate line",
        )
        petr = self.Partner.search([("name", "=", "Соколов Пётр")])
        self.assertEqual((petr.client_type, petr.email), ("private_person", "sokolov@example.ru"))
        self.assertEqual(str(petr.birthday), "1990-07-01")

    def test_lines_of_one_client_follow_the_first(self):
        """The later lines of a client join its first line: its values the first lacks are taken,
        its contact added; refused with it, and 'there already' when the client has the contact."""
        self.Partner.create({"name": "Иван Петров", "parent_id": self.existing.id})
        header = ["Наименование", "ИНН", "Телефон", "Сайт", "Контактное лицо", "Должность"]
        rows = [
            header,
            ["ООО «Экспорт»", "5401234566", "+7 495 700-20-30", "", "Анна Лебедева", "Бухгалтер"],
            ["ООО «Экспорт»", "5401234566", "", "export.example.ru", "Олег Рыбин", "Директор"],
            ["ООО «Экспорт»", "5401234566", "+7 495 700-20-31", "", "", ""],
            ["ООО «Ромашка»", "7707083893", "", "", "", ""],
            ["ООО «Ромашка»", "7707083893", "", "", "Петров Иван", "Директор"],
        ]
        wizard = self._wizard("c.csv", csv_file(rows))
        outcomes = {2: "create", 3: "joined", 4: "refuse", 5: "unchanged", 6: "unchanged"}
        self.assertEqual(self._outcomes(wizard), outcomes)
        messages = {line.line_number: line.message for line in wizard.line_ids}
        self.assertEqual(
            messages[3],
            "The same client as line 2: its contact is added to that client, and Website Link taken into it",
        )
        self.assertEqual(messages[4], "Duplicate of line 2", "a second phone of the company is not its own")
        self.assertEqual(messages[6], "The same client as line 5: its contact is there already")
        wizard.action_import()
        company = self.Partner.search([("vat", "=", "5401234566"), ("parent_id", "=", False)])
        self.assertEqual(company.website, "http://export.example.ru")
        self.assertEqual(sorted(company.child_ids.mapped("name")), ["Анна Лебедева", "Олег Рыбин"])
        self.assertEqual(self.existing.child_ids.mapped("name"), ["Иван Петров"])

        # A client the salesperson may not update: its later lines are refused with the first.
        self.existing.user_id = self.boris
        wizard = (
            self.env["crm.client.import"]
            .with_user(self.anna)
            .create({"file": base64.b64encode(csv_file([header, *rows[4:]])), "file_name": "held.csv"})
        )
        wizard.action_preview()
        self.assertEqual(self._outcomes(wizard), {2: "refuse", 3: "refuse"})
        refused = wizard.line_ids.filtered(lambda line: line.line_number == 3)
        self.assertEqual(refused.message, "The same client as line 2, which is refused: not imported either")
        self.assertNotIn("Иван", " ".join(wizard.line_ids.mapped("message")))

    def test_consent_column_recorded_on_the_person(self):
        """A consent column (152-FZ): "yes" or a date, recorded with source import and the file's
        name on the private person, or on the key person of a company's line."""
        rows = [
            ["Наименование", "Телефон", "Контактное лицо", "Согласие на обработку ПД"],
            ["Орлова Вера", "+7 916 700-60-70", "", "да"],
            ["ООО «Согласие»", "+7 495 700-60-71", "Кузнецов Олег", "01.02.2026"],
            ["Лисин Иван", "+7 916 700-60-72", "", "нет"],
            ["Зайцев Марк", "+7 916 700-60-73", "", "может быть"],
        ]
        greetings = self.env.ref("crm_client_base.consent_purpose_greetings")
        wizard = self._wizard("согласия.csv", csv_file(rows))
        wizard.consent_purpose_ids |= greetings
        self.assertEqual(self._outcomes(wizard)[5], "refuse", "neither yes nor a date")
        wizard.action_import()
        vera = self.Partner.search([("name", "=", "Орлова Вера")])
        self.assertEqual(
            sorted(vera.client_consent_ids.mapped(lambda c: (c.purpose_id.code, c.source, c.source_ref))),
            [("contract", "import", "согласия.csv"), ("greetings", "import", "согласия.csv")],
        )
        company = self.Partner.search([("name", "=", "ООО «Согласие»")])
        self.assertFalse(company.client_consent_ids, "a company is no person")
        self.assertEqual(str(company.child_ids.client_consent_ids[:1].date.date()), "2026-02-01")
        self.assertFalse(self.Partner.search([("name", "=", "Лисин Иван")]).client_consent_ids)

    def test_forgetting_a_person_clears_their_import_lines_and_file(self):
        rows = [["Наименование", "Телефон", "Эл. почта"], ["Запамятов Олег", "+7 916 444-55-66", "oleg@zapam.example"]]
        wizard = self._wizard("люди.csv", csv_file(rows))
        wizard.action_import()
        person = self.Partner.search([("name", "=", "Запамятов Олег")])
        person._client_forget("Просьба человека")
        needles = ["Запамятов", "oleg@zapam.example", "444-55-6", "79164445566"]
        self.assertEqual(text_leaks(self.env, needles), [])
        self.assertEqual(wizard.create_count, 1, "the import keeps its counts")

    def test_salesperson_imports_for_themselves(self):
        seller = self.anna
        data = csv_file([["Name", "Email"], ["Own Client", "own@client.example"]])
        wizard = (
            self.env["crm.client.import"]
            .with_user(seller)
            .create({"file": base64.b64encode(data), "file_name": "mine.csv", "assign_mode": "me"})
        )
        wizard.action_preview()
        wizard.action_import()
        self.assertEqual(wizard.partner_ids.user_id, seller)

    def test_bad_files(self):
        with self.assertRaisesRegex(UserError, "No header line"):
            self._wizard("x.csv", b"1;2;3\n4;5;6\n")
        with self.assertRaisesRegex(UserError, "up to 30 MB"):
            self._wizard("big.csv", b"Name;Phone\n" + b"x;1\n" * (13 * 1024 * 1024))

    def test_large_import_runs_in_background_batch_by_batch(self):
        seller = self.anna
        rows = [["Name", "Email"]] + [[f"Client {n}", f"client{n}@bg.example"] for n in range(1, 6)]
        record = (
            self.env["crm.client.import"]
            .with_user(seller)
            .create({"file": base64.b64encode(csv_file(rows)), "file_name": "bg.csv", "assign_mode": "me"})
        )
        record.action_preview()
        fourth = record.line_ids.filtered(lambda line: line.line_number == 5)
        good = fourth.values
        fourth.sudo().values = {**good, "partner": {**good["partner"], "email": "broken"}}
        with patch.object(crm_client_import_run, "INLINE_LINES", 1), patch.object(crm_client_import_run, "BATCH", 2):
            record.action_import()
            self.assertEqual(record.state, "running")
            self.assertFalse(self.Partner.search([("email", "like", "@bg.example")]), "queued, not yet imported")
            self.env["crm.client.import"]._cron_run()
            self.assertEqual(record.state, "failed")
            self.assertIn("Line 5", record.error)
            imported = self.Partner.search([("email", "like", "@bg.example")])
            self.assertEqual(sorted(imported.mapped("name")), ["Client 1", "Client 2"], "the batch before stays")
            self.assertEqual(imported.create_uid, seller, "run as the user who confirmed it")
            self.assertEqual(imported.user_id, seller)
            fourth.sudo().values = good
            record.action_resume()
            self.env["crm.client.import"]._cron_run()
        self.assertEqual(record.state, "done")
        self.assertEqual(len(self.Partner.search([("email", "like", "@bg.example")])), 5)
        self.assertEqual(record.done_count, 5)
        other = self.boris
        self.assertFalse(self.env["crm.client.import"].with_user(other).search([("id", "=", record.id)]))

    def test_dry_run_runs_the_vat_check_of_a_write(self):
        """An INN on a Belarusian client fails Odoo's own VAT check: refused in the dry run, not
        at the import."""
        minsk = self.Partner.create(
            {
                "name": "ОДО «Белая Поляна»",
                "is_company": True,
                "country_id": self.env.ref("base.by").id,
                "email": "info@polyana.example",
                "phone": "+375 17 123-45-67",
            }
        )
        rows = [
            ["Наименование", "ИНН", "Эл. почта", "Телефон"],
            ["ОДО «Белая Поляна»", "7707083893", "info@polyana.example", "+375 17 123-45-67"],
        ]
        wizard = self._wizard("by.csv", csv_file(rows))
        line = wizard.line_ids
        self.assertEqual((line.action, line.partner_id), ("refuse", minsk), line.message)
        self.assertIn("7707083893", line.message)
