# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from . import base_partner_merge_automatic_wizard, crm_client_merge_wizard
