# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import SUPERUSER_ID, api
from odoo.exceptions import UserError
from odoo.sql_db import db_connect
from odoo.tests import BaseCase, tagged


@tagged("post_install", "-at_install")
class TestPoolConcurrency(BaseCase):
    """Two salespeople take the same pool client in two real, simultaneous transactions."""

    def setUp(self):
        super().setUp()
        self.db = db_connect(self.env_dbname())
        with self.db.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            self.client_id = env["res.partner"].create({"name": "Ничей клиент", "is_company": True}).id
            self.admin_id = env.ref("base.user_admin").id
            # Real commits: the two transactions below must see the client.
            cr.commit()  # pylint: disable=invalid-commit
        self.addCleanup(self._cleanup)

    @staticmethod
    def env_dbname():
        from odoo.tests.common import get_db_name

        return get_db_name()

    def _cleanup(self):
        with self.db.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            env["res.partner"].browse(self.client_id).unlink()
            cr.commit()  # pylint: disable=invalid-commit

    def test_exactly_one_wins(self):
        with self.db.cursor() as cr_a, self.db.cursor() as cr_b:
            anna = api.Environment(cr_a, self.admin_id, {})  # first salesperson
            bot = api.Environment(cr_b, SUPERUSER_ID, {})  # second one, in another transaction
            anna["res.partner"].browse(self.client_id).action_take_from_pool()  # holds the row, not committed
            with self.assertRaises(UserError) as busy:
                bot["res.partner"].browse(self.client_id).action_take_from_pool()
            self.assertIn("right now", str(busy.exception))
            cr_a.commit()
            cr_b.rollback()
            bot.invalidate_all()
            with self.assertRaises(UserError) as taken:
                bot["res.partner"].browse(self.client_id).action_take_from_pool()
            self.assertIn("was just taken by", str(taken.exception))
            cr_b.rollback()
        with self.db.cursor() as cr:
            cr.execute("SELECT user_id FROM res_partner WHERE id = %s", [self.client_id])
            self.assertEqual(cr.fetchone()[0], self.admin_id)
