# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Exports of address books and other systems, written as those systems write them (headers
from their documentation and real exports), read as they are."""

from odoo.tests import BaseCase, tagged

from ..tools import formats, reader
from .common import csv_file, xlsx_file

GOOGLE_HEADER = (
    "First Name,Middle Name,Last Name,Phonetic First Name,Phonetic Middle Name,Phonetic Last Name,Name Prefix,"
    "Name Suffix,Nickname,File As,Organization Name,Organization Title,Organization Department,Birthday,Notes,"
    "Photo,Labels,E-mail 1 - Label,E-mail 1 - Value,E-mail 2 - Label,E-mail 2 - Value,Phone 1 - Label,"
    "Phone 1 - Value,Phone 2 - Label,Phone 2 - Value,Address 1 - Label,Address 1 - Formatted,Address 1 - Street,"
    "Address 1 - City,Address 1 - PO Box,Address 1 - Region,Address 1 - Postal Code,Address 1 - Country,"
    "Address 1 - Extended Address,Website 1 - Label,Website 1 - Value"
).split(",")

OUTLOOK_HEADER = (
    "Title,First Name,Middle Name,Last Name,Suffix,Company,Department,Job Title,Business Street,Business Street 2,"
    "Business City,Business State,Business Postal Code,Business Country/Region,Home Street,Home City,"
    "Home Postal Code,Home Country/Region,Business Fax,Business Phone,Company Main Phone,Home Phone,Mobile Phone,"
    "Birthday,Categories,E-mail Address,E-mail Type,E-mail Display Name,E-mail 2 Address,Notes,Web Page"
).split(",")

OUTLOOK_RU_HEADER = [
    "Обращение",
    "Имя",
    "Отчество",
    "Фамилия",
    "Суффикс",
    "Организация",
    "Отдел",
    "Должность",
    "Улица (раб. адрес)",
    "Город (раб. адрес)",
    "Индекс (раб. адрес)",
    "Страна или регион (раб. адрес)",
    "Улица (дом. адрес)",
    "Город (дом. адрес)",
    "Рабочий телефон",
    "Основной телефон организации",
    "Домашний телефон",
    "Телефон переносной",
    "День рождения",
    "Заметки",
    "Адрес эл. почты",
    "Тип эл. почты",
    "Адрес 2 эл. почты",
    "Веб-страница",
]


def row(header, **cells):
    """A line of ``header`` with ``cells`` given by header."""
    return [cells.get(name, "") for name in header]


@tagged("post_install", "-at_install")
class TestFormats(BaseCase):
    def test_google_contacts(self):
        lines = [
            GOOGLE_HEADER,
            row(
                GOOGLE_HEADER,
                **{
                    "First Name": "Анна",
                    "Middle Name": "Сергеевна",
                    "Last Name": "Петрова",
                    "Organization Name": "ООО «Визитка»",
                    "Organization Title": "Директор",
                    "Labels": "* myContacts",
                    "Notes": "Звонить после обеда,\nлучше на мобильный",
                    "E-mail 1 - Label": "* Work",
                    "E-mail 1 - Value": "office@vizitka.ru",
                    "E-mail 2 - Label": "Home",
                    "E-mail 2 - Value": "anna@example.ru",
                    "Phone 1 - Label": "Mobile",
                    "Phone 1 - Value": "+7 916 700-10-21",
                    "Phone 2 - Label": "Work",
                    "Phone 2 - Value": "+7 495 700-10-20 ::: +7 495 700-10-29",
                    "Address 1 - Street": "ул. Тверская, 1",
                    "Address 1 - City": "Москва",
                    "Address 1 - Postal Code": "125009",
                    "Birthday": "1985-03-14",
                },
            ),
            row(GOOGLE_HEADER, **{"First Name": "Олег", "Last Name": "Сидоров", "Phone 1 - Label": "Mobile"}),
            row(
                GOOGLE_HEADER,
                **{"First Name": "John", "Last Name": "Smith", "Phone 1 - Value": "+1 212 555 0100", "Labels": "x"},
            ),
        ]
        table = reader.read("contacts.csv", csv_file(lines))
        self.assertEqual(table.format, "google")
        self.assertEqual([number for number, _values in table.lines], [2, 4, 5], "file lines: a note spans two")
        first = table.lines[0][1]
        self.assertEqual((first["name"], first["contact_name"]), ("ООО «Визитка»", "Петрова Анна Сергеевна"))
        self.assertEqual(first["contact_function"], "Директор")
        self.assertEqual(first["phone"], "+7 495 700-10-20", "the company's: the first work phone")
        self.assertEqual(first["contact_phone"], "+7 916 700-10-21", "the person's mobile")
        self.assertEqual((first["email"], first["contact_email"]), ("office@vizitka.ru", "anna@example.ru"))
        self.assertEqual((first["street"], first["city"], first["zip"]), ("ул. Тверская, 1", "Москва", "125009"))
        self.assertEqual(first["contact_birthday"], "1985-03-14")
        self.assertEqual(first["comment"], "Звонить после обеда,\nлучше на мобильный", "a quoted line break kept")
        self.assertEqual(table.lines[1][1], {"name": "Сидоров Олег", "client_type": "private_person"})
        self.assertEqual(table.lines[2][1]["name"], "John Smith", "a Latin name in its written order")
        # Columns of no use that hold a value are said; the empty ones are not.
        self.assertEqual(table.unknown, ["Labels"])

    def test_outlook_in_english_and_russian(self):
        english = [
            OUTLOOK_HEADER,
            row(
                OUTLOOK_HEADER,
                **{
                    "First Name": "Ivan",
                    "Last Name": "Petrov",
                    "Mobile Phone": "+7 916 111-22-33",
                    "Home Phone": "+7 495 111-22-34",
                    "E-mail Address": "ivan@example.ru",
                    "Birthday": "3/14/1985",
                    "Home Street": "Lenina 5",
                    "Home City": "Kazan",
                },
            ),
            row(OUTLOOK_HEADER, **{"Company": "Acme", "Business Phone": "+7 495 000-00-01", "Birthday": "0/0/00"}),
        ]
        table = reader.read("outlook.csv", csv_file(english))
        self.assertEqual(table.format, "outlook")
        ivan = table.lines[0][1]
        self.assertEqual((ivan["name"], ivan["client_type"]), ("Ivan Petrov", "private_person"))
        self.assertEqual((ivan["mobile"], ivan["phone"]), ("+7 916 111-22-33", "+7 495 111-22-34"))
        self.assertEqual(ivan["birthday"], "1985-03-14", "Outlook's month first")
        self.assertEqual((ivan["street"], ivan["city"]), ("Lenina 5", "Kazan"), "a person's home address")
        self.assertEqual(table.lines[1][1], {"name": "Acme", "phone": "+7 495 000-00-01"}, "no date: no birthday")

        russian = [
            OUTLOOK_RU_HEADER,
            row(
                OUTLOOK_RU_HEADER,
                **{
                    "Имя": "Василий",
                    "Отчество": "Борисович",
                    "Фамилия": "Хохлов",
                    "Организация": "ИП Хохлов",
                    "Должность": "Владелец",
                    "Рабочий телефон": "8 (843) 200-30-40",
                    "Телефон переносной": "8 917 200-30-41",
                    "Адрес эл. почты": "hohlov@example.ru",
                    "Улица (раб. адрес)": "ул. Баумана, 12",
                    "Город (раб. адрес)": "Казань",
                    "День рождения": "0.0.00",
                },
            ),
        ]
        table = reader.read("контакты.csv", csv_file(russian, encoding="cp1251", delimiter=";"))
        self.assertEqual((table.format, table.encoding, table.separator), ("outlook_ru", "windows-1251", ";"))
        values = table.lines[0][1]
        self.assertEqual((values["name"], values["contact_name"]), ("ИП Хохлов", "Хохлов Василий Борисович"))
        self.assertEqual((values["phone"], values["contact_phone"]), ("8 (843) 200-30-40", "8 917 200-30-41"))
        self.assertEqual(values["contact_email"], "hohlov@example.ru", "one mailbox: the person's")
        self.assertEqual((values["street"], values["city"]), ("ул. Баумана, 12", "Казань"))
        self.assertNotIn("contact_birthday", values)

    def test_bitrix24_amocrm_and_1c(self):
        bitrix = [
            ["ID", "Название компании", "Тип компании", "Рабочий телефон", "Рабочий e-mail", "Адрес", "ИНН"],
            ["15", "ООО «Альфа»", "Клиент", "+7 495 123-45-67", "info@alfa.ru, sales@alfa.ru", "Москва, Ленина 1", ""],
        ]
        table = reader.read("company.csv", b"\xef\xbb\xbf" + csv_file(bitrix, delimiter=";"))
        self.assertEqual(table.format, "bitrix24")
        self.assertEqual(
            table.lines[0][1],
            {
                "name": "ООО «Альфа»",
                "phone": "+7 495 123-45-67",
                "email": "info@alfa.ru, sales@alfa.ru",
                "street": "Москва, Ленина 1",
            },
        )
        self.assertEqual(table.unknown, ["ID", "Тип компании"])

        amo = [
            ["ID", "Тип", "Полное имя контакта", "Название компании", "Рабочий телефон", "Личный email", "Должность"],
            ["1", "контакт", "Козлов Виталий", "ООО «Бета»", "+7 495 222-33-44", "kozlov@example.ru", "Снабженец"],
            ["2", "компания", "ООО «Гамма»", "", "+7 495 222-33-55", "", ""],
        ]
        table = reader.read("amocrm.csv", csv_file(amo, delimiter=";"))
        self.assertEqual(table.format, "amocrm")
        first, second = (values for _number, values in table.lines)
        self.assertEqual((first["name"], first["contact_name"]), ("ООО «Бета»", "Козлов Виталий"))
        self.assertEqual(first["contact_function"], "Снабженец")
        self.assertEqual(second, {"name": "ООО «Гамма»", "phone": "+7 495 222-33-55"}, "a company's line")

        one_c = [
            ["Наименование", "Полное наименование", "ИНН", "КПП", "Юр. / физ. лицо", "Юридический адрес", "Телефон"],
            [
                "Ромашка",
                "Общество с ограниченной ответственностью «Ромашка»",
                7707083893,
                "770701001",
                "Юр. лицо",
                "г. Москва, ул. Ленина, д. 1",
                "+7 495 333-44-55",
            ],
        ]
        table = reader.read("контрагенты.xlsx", xlsx_file(one_c, numbers=[(2, 3)]))
        self.assertEqual(table.format, "1c")
        self.assertEqual(
            table.lines[0][1],
            {
                "name": "Ромашка",
                "vat": "7707083893",
                "kpp": "770701001",
                "client_type": "Юр. лицо",
                "street": "г. Москва, ул. Ленина, д. 1",
                "phone": "+7 495 333-44-55",
            },
        )

    def test_vcards_of_phones_and_outlook(self):
        # Android and Outlook write vCard 2.1: quoted-printable UTF-8, or Windows-1251 bytes,
        # kinds as bare parameters (TEL;CELL), a photo inline.
        android = (
            b"BEGIN:VCARD\r\nVERSION:2.1\r\n"
            b"N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=D0=9F=D0=B5=D1=82=D1=80=D0=BE=D0=B2;=D0=98=D0=B2=D0=B0=D0=BD;;;\r\n"
            b"FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:"
            b"=D0=98=D0=B2=D0=B0=D0=BD =D0=9F=D0=B5=D1=82=D1=80=D0=BE=D0=B2\r\n"
            b"TEL;CELL:+79161234567\r\nTEL;WORK;PREF:+74951234567\r\nEMAIL;HOME:ivan@example.ru\r\n"
            b"PHOTO;ENCODING=BASE64;JPEG:/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHR8eHR\r\n"
            b" 8cHCAkLiknICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4zNDL/\r\n\r\nEND:VCARD\r\n"
            b"BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=WINDOWS-1251:"
            + "Сидоров;Олег".encode("cp1251")
            + b"\r\nTEL;CELL;VOICE:8 916 000-00-01\r\nEND:VCARD\r\n"
        )
        table = reader.read("contacts.vcf", android)
        self.assertEqual(
            [values for _number, values in table.lines],
            [
                {
                    "name": "Иван Петров",
                    "phone": "+74951234567",
                    "mobile": "+79161234567",
                    "email": "ivan@example.ru",
                    "client_type": "private_person",
                },
                {"name": "Сидоров Олег", "mobile": "8 916 000-00-01", "client_type": "private_person"},
            ],
        )
        # vCard 4.0: a number as a URI, a birthday without its year (kept in the notes).
        modern = (
            "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Пётр Иванов\r\nN:Иванов;Пётр;;;\r\n"
            "TEL;TYPE=cell;VALUE=uri:tel:+7-916-555-44-34\r\nEMAIL;TYPE=work:petr@example.ru\r\n"
            "BDAY:--0415\r\nEND:VCARD\r\n"
        )
        ((_number, petr),) = reader.read("petr.vcf", modern.encode()).lines
        self.assertEqual(petr["mobile"], "+7-916-555-44-34")
        self.assertNotIn("birthday", petr)
        self.assertEqual(petr["comment"], "День рождения / Birthday: 15.04")

    def test_other_files_keep_their_columns(self):
        self.assertIsNone(formats.detect(["Наименование", "ИНН", "Телефон", "Email"]))
        self.assertIsNone(formats.detect(["Name", "Phone", "Email", "First Name"]))
        self.assertEqual(formats.person_name("Иванов", "Иван", "Иванович"), "Иванов Иван Иванович")
        self.assertEqual(formats.person_name("", "", "", "Иван Иванов"), "Иван Иванов")
