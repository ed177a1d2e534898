# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import tagged

from odoo.addons.crm_client_base.tests.common import ClientTourCase


@tagged("post_install", "-at_install")
class TestReminderTour(ClientTourCase):
    def test_create_custom_recurring_reminder(self):
        self.env["res.lang"]._activate_lang("ru_RU")
        self.env.ref("base.user_admin").lang = "ru_RU"
        client = self.env["res.partner"].create({"name": "ООО Напоминание", "is_company": True})
        self.start_tour(
            f"/odoo/action-crm_client_base.res_partner_action/{client.id}",
            "crm_client_base_reminders_custom",
            login="admin",
        )
        reminder = self.env["crm.client.reminder"].search([("partner_id", "=", client.id)])
        self.assertEqual((reminder.name, reminder.recurrence), ("Уточнить план закупок", "weekly"))
