# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError
from odoo.tests import tagged

from odoo.addons.crm_client_base.tests.common import ClientBaseCase


@tagged("post_install", "-at_install")
class TestLeadAccess(ClientBaseCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.boris_client = cls.env["res.partner"].create(
            {"name": "Клиент Бориса", "is_company": True, "user_id": cls.boris.id, "email": "b@client.ru"}
        )
        cls.lead = cls.env["crm.lead"].create(
            {"name": "Сделка Анны", "user_id": cls.anna.id, "partner_id": cls.boris_client.id, "type": "opportunity"}
        )

    def test_own_lead_on_a_colleague_client_opens(self):
        views = self.env["crm.lead"].with_user(self.anna).get_views([[False, "form"]])
        spec = {
            name: {"fields": {"display_name": {}}} if field["type"] in ("many2one", "one2many", "many2many") else {}
            for name, field in views["models"]["crm.lead"]["fields"].items()
        }
        self.env.invalidate_all()
        values = self.lead.with_user(self.anna).web_read(spec)[0]
        self.assertEqual(values["partner_id"]["display_name"], "Клиент Бориса")
        self.assertFalse(values["partner_email_update"])
        # The client's card itself stays out of reach.
        with self.assertRaises(AccessError):
            self.boris_client.with_user(self.anna).read(["email"])
