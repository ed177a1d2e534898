# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from . import crm_client_import, mailing_contact, res_partner
