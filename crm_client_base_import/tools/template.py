# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The import template: our columns, headed in the user's language (both are recognised)."""

import csv
import io

from . import columns


def headers(russian):
    return [russian_header if russian else english for _key, english, russian_header, _other in columns.COLUMNS]


def xlsx(russian):
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Клиенты" if russian else "Clients"
    sheet.append(headers(russian))
    for index, cell in enumerate(sheet[1], 1):
        cell.font = openpyxl.styles.Font(bold=True)
        sheet.column_dimensions[openpyxl.utils.get_column_letter(index)].width = max(14, len(str(cell.value)) + 4)
        # Text cells: an INN or a phone typed in stays as typed (no lost leading zero).
        for row in range(2, 1002):
            sheet.cell(row=row, column=index).number_format = "@"
    sheet.freeze_panes = "A2"
    output = io.BytesIO()
    book.save(output)
    return output.getvalue()


def csv_bytes(russian):
    # Semicolons and a BOM: what Excel opens as columns in Russian and English locales alike.
    output = io.StringIO()
    csv.writer(output, delimiter=";").writerow(headers(russian))
    return output.getvalue().encode("utf-8-sig")
