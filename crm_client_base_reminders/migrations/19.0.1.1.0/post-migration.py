# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    """The shipped activity types are loaded once (noupdate): give "Send a gift" its week of
    lead time on databases that had the addon before lead times existed."""
    env = api.Environment(cr, SUPERUSER_ID, {})
    gift = env.ref("crm_client_base_reminders.mail_activity_type_client_gift", raise_if_not_found=False)
    if gift and not gift.client_reminder_lead_days:
        gift.client_reminder_lead_days = 7
