# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import datetime
import io

import openpyxl

from odoo.tests import BaseCase, tagged

from ..tools import columns, reader, template
from .common import VCARDS, csv_file, xlsx_file


@tagged("post_install", "-at_install")
class TestReader(BaseCase):
    def test_headers_in_both_languages(self):
        self.assertEqual(columns.recognise("  ИНН "), "vat")
        self.assertEqual(columns.recognise("E-mail"), "email")
        self.assertEqual(columns.recognise("Эл. почта"), "email")
        self.assertEqual(columns.recognise("Телефон контакта"), "contact_phone")
        self.assertEqual(columns.recognise("Наименование"), "name")
        self.assertIsNone(columns.recognise("Баланс"))
        self.assertEqual(columns.map_header(["Name", "Phone", "Phone", "Phone"]), ["name", "phone", "mobile", None])

    def test_csv_cp1251_semicolons_empty_lines(self):
        data = csv_file(
            [
                ["Наименование", "ИНН", "Телефон"],
                ["ООО «Ромашка»", "7707083893", "+7 495 111-22-33"],
                [],
                ["", "", ""],
                ["ИП Ёлкин", "", ""],
            ],
            encoding="cp1251",
            delimiter=";",
        )
        table = reader.read("клиенты.csv", data)
        self.assertEqual((table.encoding, table.separator), ("windows-1251", ";"))
        self.assertEqual([number for number, _values in table.lines], [2, 5], "file line numbers, empty lines skipped")
        self.assertEqual(table.lines[0][1], {"name": "ООО «Ромашка»", "vat": "7707083893", "phone": "+7 495 111-22-33"})
        self.assertEqual(table.lines[1][1]["name"], "ИП Ёлкин")

    def test_csv_utf8_bom_and_unknown_columns(self):
        data = "\ufeffName,Email,Balance\nAcme,info@acme.example,100\n".encode()
        table = reader.read("list.csv", data)
        self.assertEqual((table.encoding, table.separator), ("utf-8", ","))
        self.assertEqual(table.unknown, ["Balance"])
        self.assertEqual(table.lines, [(2, {"name": "Acme", "email": "info@acme.example"})])

    def test_xlsx_title_merged_header_numbers_and_formula(self):
        rows = [
            ["Наименование", "ИНН", "Телефон", None, "Эл. почта", "День рождения"],
            ["ООО «Север»", "274062111", "+7 495 111-00-01", "+7 916 111-00-02", '=HYPERLINK("http://x")', None],
        ]
        data = xlsx_file(rows, title="Клиенты на 01.11.2026", merge_header="C2:D2", numbers=[(3, 2)])
        table = reader.read("list.xlsx", data)
        number, values = table.lines[0]
        self.assertEqual(number, 3)
        self.assertEqual(values["vat"], "274062111", "a number cell, read without decimals")
        self.assertEqual((values["phone"], values["mobile"]), ("+7 495 111-00-01", "+7 916 111-00-02"))
        self.assertTrue(reader.is_formula(values["email"]))
        self.assertFalse(reader.is_formula("+7 916 111-00-02"))
        self.assertFalse(reader.is_formula("-5"))

    def test_template_sample_line_and_client_types(self):
        for russian in (True, False):
            data = template.xlsx(russian)
            sheet = openpyxl.load_workbook(io.BytesIO(data)).worksheets[0]
            self.assertEqual(sheet["A2"].value, "ООО «Пример»", "a sample line under the header")
            allowed = sheet.data_validations.dataValidation[0].formula1
            self.assertIn("Индивидуальный предприниматель" if russian else "Individual entrepreneur", allowed)
            self.assertEqual(reader.read("t.xlsx", data).lines, [], "the sample line, left in, is not imported")
            text = template.csv_bytes(russian).decode("utf-8-sig").replace("ООО «Пример»", "ООО «Своё»")
            (_number, values), *_more = reader.read("t.csv", text.encode()).lines
            self.assertEqual(values["name"], "ООО «Своё»", "filled in, the line is a client like any other")
            self.assertEqual(values["client_type"], "Компания" if russian else "Company")

    def test_formula_signs_phones_and_handles(self):
        """=, +, -, @ start a formula unless a phone, a number or a handle follows (OWASP)."""
        formulas = [
            "=1+1",
            "+1+cmd|' /C calc'!A0",
            "-2+3+cmd|' /C calc'!A0",
            "@SUM(A1:A2)",
            "+A1",
            '-HYPERLINK("http://x")',
            "\t=1",
            "\r=1",
        ]
        values = [
            "+7 (999) 123-45-67",
            "+7 495 111-00-01 доб. 12",
            "-5",
            "-12.5",
            "@ivan_petrov",
            "@shop.msk",
            "@Иван_Петров",
            "ivan@example.ru",
            "Ромашка",
        ]
        for text in formulas:
            self.assertTrue(reader.is_formula(text), text)
        for text in values:
            self.assertFalse(reader.is_formula(text), text)

    def test_vcard_company_and_person(self):
        table = reader.read("contacts.vcf", VCARDS.encode())
        (first_number, first), (_n, second) = table.lines
        self.assertEqual(first_number, 1)
        self.assertEqual(first["name"], "ООО «Визитка»")
        self.assertEqual((first["contact_name"], first["contact_function"]), ("Анна Петрова", "Директор"))
        self.assertEqual(first["phone"], "+7 495 700-10-20")
        self.assertEqual(first["contact_phone"], "+7 916 700-10-21")
        self.assertEqual((first["city"], first["zip"]), ("Москва", "125009"))
        self.assertEqual(
            second,
            {
                "name": "Олег Сидоров",
                "mobile": "8 (916) 700-10-22",
                "email": "oleg@example.ru",
                "client_type": "private_person",
            },
        )

    def test_refusals(self):
        with self.assertRaises(reader.ReadError) as caught:
            reader.read("big.csv", b"x" * (reader.MAX_BYTES + 1))
        self.assertEqual(caught.exception.code, "too_big")
        with self.assertRaises(reader.ReadError) as caught:
            reader.read("list.csv", b"a,b\n1,2\n")
        self.assertEqual(caught.exception.code, "header")
        with self.assertRaises(reader.ReadError) as caught:
            reader.read("old.xls", b"\xd0\xcf\x11\xe0")
        self.assertEqual(caught.exception.code, "format")

    def test_templates_read_back(self):
        for russian in (True, False):
            table = reader.read("t.xlsx", template.xlsx(russian))
            self.assertEqual(table.lines, [])
            self.assertEqual(table.unknown, [])
            header = reader.read("t.csv", template.csv_bytes(russian) + "Ромашка;;7707083893\n".encode())
            self.assertEqual(header.lines[0][1], {"name": "Ромашка", "vat": "7707083893"})
        self.assertEqual(reader._cell(datetime.datetime(2026, 1, 2)), datetime.date(2026, 1, 2))
