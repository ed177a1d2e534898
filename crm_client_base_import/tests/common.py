# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Import files made by the tests: real XLSX, CSV and vCard bytes."""

import csv
import io

import openpyxl


def csv_file(rows, encoding="utf-8", delimiter=","):
    output = io.StringIO()
    csv.writer(output, delimiter=delimiter).writerows(rows)
    return output.getvalue().encode(encoding)


def xlsx_file(rows, title=None, merge_header=None, numbers=()):
    """``rows`` under an optional merged ``title`` line; ``merge_header`` a range of the header
    line to merge (e.g. "C2:D2"); ``numbers`` (row, column) cells written as numbers."""
    book = openpyxl.Workbook()
    sheet = book.active
    if title:
        sheet.append([title])
        sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(rows[0]))
    for row in rows:
        sheet.append(row)
    for row, column in numbers:
        cell = sheet.cell(row=row, column=column)
        cell.value = int(cell.value)
    if merge_header:
        sheet.merge_cells(merge_header)
    output = io.BytesIO()
    book.save(output)
    return output.getvalue()


VCARDS = """BEGIN:VCARD
VERSION:3.0
FN:Анна Петрова
N:Петрова;Анна;;;
ORG:ООО «Визитка»
TITLE:Директор
TEL;TYPE=WORK,VOICE:+7 495 700-10-20
TEL;TYPE=CELL:+7 916 700-10-21
EMAIL;TYPE=INTERNET:anna@vizitka.ru
ADR;TYPE=WORK:;;ул. Тверская, 1;Москва;;125009;Россия
BDAY:1985-04-12
END:VCARD
BEGIN:VCARD
VERSION:3.0
FN:Олег Сидоров
N:Сидоров;Олег;;;
TEL;TYPE=CELL:8 (916) 700-10-22
EMAIL:oleg@example.ru
END:VCARD
"""
