# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The import template: our columns, headed in the user's language (both are recognised)."""

import csv
import io

from . import columns

# The template's example line: a filled-in client with its key person. Left in a file, it is
# skipped on reading (see is_sample), so it never becomes a client.
SAMPLE = {
    "name": "ООО «Пример»",
    "vat": "7707083893",
    "kpp": "773601001",
    "ogrn": "1027700132195",
    "phone": "+7 495 123-45-67",
    "email": "info@primer.example",
    "website": "primer.example",
    "street": "ул. Ленина, 1",
    "city": "Москва",
    "zip": "101000",
    "telegram": "@primer_shop",
    "comment": "Пример: удалите эту строку или оставьте, она не импортируется",
    "contact_name": "Иванов Иван Иванович",
    "contact_function": "Директор",
    "contact_phone": "+7 916 123-45-67",
    "contact_email": "ivanov@primer.example",
    "contact_birthday": "15.06.1980",
}
SAMPLE_LOCALIZED = {
    "client_type": ("Компания", "Company"),
    "country_id": ("Россия", "Russia"),
    "comment": (SAMPLE["comment"], "Example: delete this line or keep it, it is not imported"),
}
# The values a "Client type" cell may take (other spellings are recognised too).
CLIENT_TYPES = (
    ("Компания", "Company"),
    ("Индивидуальный предприниматель", "Individual entrepreneur"),
    ("Частное лицо", "Private person"),
)


def headers(russian, extra=()):
    """The template's header line; ``extra`` the headers of the company's card properties."""
    return [russian_header if russian else english for _key, english, russian_header, _other in columns.COLUMNS] + list(
        extra
    )


def sample_row(russian, extra=()):
    row = []
    for key, *_rest in columns.COLUMNS:
        if key in SAMPLE_LOCALIZED:
            row.append(SAMPLE_LOCALIZED[key][0 if russian else 1])
        else:
            row.append(SAMPLE.get(key, ""))
    return row + [""] * len(extra)


def is_sample(values):
    """True for the template's example line, as read back from a file."""
    return str(values.get("name") or "") == SAMPLE["name"] and str(values.get("vat") or "") == SAMPLE["vat"]


def xlsx(russian, extra=()):
    import openpyxl
    from openpyxl.worksheet.datavalidation import DataValidation

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Клиенты" if russian else "Clients"
    sheet.append(headers(russian, extra))
    sheet.append(sample_row(russian, extra))
    allowed = [pair[0 if russian else 1] for pair in CLIENT_TYPES]
    type_column = openpyxl.utils.get_column_letter([key for key, *_ in columns.COLUMNS].index("client_type") + 1)
    choice = DataValidation(type="list", formula1='"' + ",".join(allowed) + '"', allow_blank=True, showDropDown=False)
    sheet.add_data_validation(choice)
    choice.add(f"{type_column}2:{type_column}1001")
    for cell in sheet[2]:
        cell.font = openpyxl.styles.Font(italic=True, color="808080")
    help_sheet = book.create_sheet("Справка" if russian else "Help")
    help_sheet.append(["Тип клиента" if russian else "Client type"])
    for value in allowed:
        help_sheet.append([value])
    help_sheet.append([])
    help_sheet.append(
        ["Строка 2 — пример: она не импортируется." if russian else "Line 2 is an example: it is not imported."]
    )
    for index, cell in enumerate(sheet[1], 1):
        cell.font = openpyxl.styles.Font(bold=True)
        sheet.column_dimensions[openpyxl.utils.get_column_letter(index)].width = max(14, len(str(cell.value)) + 4)
        # Text cells: an INN or a phone typed in stays as typed (no lost leading zero).
        for row in range(3, 1002):
            sheet.cell(row=row, column=index).number_format = "@"
    sheet.freeze_panes = "A2"
    output = io.BytesIO()
    book.save(output)
    return output.getvalue()


def csv_bytes(russian, extra=()):
    # Semicolons and a BOM: what Excel opens as columns in Russian and English locales alike.
    output = io.StringIO()
    writer = csv.writer(output, delimiter=";")
    writer.writerow(headers(russian, extra))
    writer.writerow(sample_row(russian, extra))
    return output.getvalue().encode("utf-8-sig")
