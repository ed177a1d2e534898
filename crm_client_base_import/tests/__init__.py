# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from . import test_columns, test_formats, test_import, test_import_tour, test_reader
