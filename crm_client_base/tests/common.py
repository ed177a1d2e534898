# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Shared test set-up of the suite's addons."""

from odoo.tests import HttpCase, TransactionCase, new_test_user
from odoo.tools import SQL

# Seconds a browser tour may take. Odoo's default (60 s) includes building the web assets on the
# first page, which on a busy 2-core machine alone can take longer: a tour waits on its steps'
# triggers, so a generous bound only matters when something is really stuck.
TOUR_TIMEOUT = 600
# Seconds one request of a test may take (Odoo's default is 12 s).
REQUEST_TIMEOUT = 300


class ClientTourCase(HttpCase):
    """An ``HttpCase`` whose tours and requests wait for a busy machine."""

    def url_open(self, url, data=None, files=None, timeout=REQUEST_TIMEOUT, **kwargs):
        return super().url_open(url, data=data, files=files, timeout=timeout, **kwargs)

    def start_tour(self, url_path, tour_name, step_delay=None, **kwargs):
        kwargs.setdefault("timeout", TOUR_TIMEOUT)
        return super().start_tour(url_path, tour_name, step_delay=step_delay, **kwargs)


class ClientBaseCase(TransactionCase):
    """The cast of a Russian company's sales department, for the tests that need its people:
    ``anna`` and ``boris``, salespeople who see their own documents only (Анна Иванова, Борис
    Петров), ``manager``, a sales manager, ``accountant``, an invoicing user who may edit
    contacts, and ``ru``, Russia. The company itself is Russian."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.ru = cls.env.ref("base.ru")
        cls.env.company.country_id = cls.ru
        salesman = "sales_team.group_sale_salesman"
        cls.anna = new_test_user(cls.env, login="ccb_anna", groups=salesman, name="Анна Иванова")
        cls.boris = new_test_user(cls.env, login="ccb_boris", groups=salesman, name="Борис Петров")
        cls.manager = new_test_user(
            cls.env, login="ccb_manager", groups="sales_team.group_sale_manager", name="Мария Сидорова"
        )
        cls.accountant = new_test_user(
            cls.env,
            login="ccb_accountant",
            groups="account.group_account_invoice,base.group_partner_manager",
            name="Ольга Бухгалтер",
        )


def text_leaks(env, needles):
    """(table.column) of every text column of the database holding one of ``needles`` (any
    case): what a forgotten person may not leave anywhere."""
    env.flush_all()
    env.cr.flush()
    columns = env.execute_query(
        SQL(
            """SELECT c.table_name, c.column_name FROM information_schema.columns c
                 JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
                WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
                  AND c.data_type IN ('character varying', 'text', 'jsonb')"""
        )
    )
    patterns = [f"%{needle}%" for needle in needles]
    return [
        f"{table}.{column}"
        for table, column in columns
        if env.execute_query(
            SQL(
                "SELECT 1 FROM %s WHERE %s::text ILIKE ANY(%s) LIMIT 1",
                SQL.identifier(table),
                SQL.identifier(column),
                patterns,
            )
        )
    ]
