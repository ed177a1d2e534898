# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from . import client_completeness_report, client_personal_data_report
