# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from freezegun import freeze_time

from odoo import fields
from odoo.exceptions import ValidationError
from odoo.tests import new_test_user, tagged
from odoo.tools import SQL

from odoo.addons.account.tests.common import AccountTestInvoicingCommon


@tagged("post_install", "-at_install")
@freeze_time("2026-06-15")
class TestClientValue(AccountTestInvoicingCommon):
    """Figures against hand-computed fixtures: two companies, two currencies, a refund, a
    cancelled and a draft invoice, one invoice out of the 12-month window."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.user.group_ids |= cls.env.ref("sales_team.group_sale_manager")
        cls.eur = cls.setup_other_currency("EUR")  # 2 EUR = 1 company currency since 2017
        cls.company_b = cls.setup_other_company(name="Второе юрлицо")["company"]
        Partner = cls.env["res.partner"]
        cls.client = Partner.create({"name": "ООО «Ценный»", "is_company": True})
        cls.contact = Partner.create({"name": "Иван Ценный", "parent_id": cls.client.id})
        cls.other = Partner.create({"name": "ООО «Другой»", "is_company": True})
        cls.phones = cls.env["product.category"].create({"name": "Телефоны"})
        cls.phone = cls.env["product.product"].create({"name": "Телефон", "categ_id": cls.phones.id, "list_price": 800})
        cls.cheap_phone = cls.env["product.product"].create(
            {"name": "Телефон эконом", "categ_id": cls.phones.id, "list_price": 500}
        )

        def invoice(partner, amount, date, move_type="out_invoice", post=True, **kw):
            return cls.init_invoice(
                move_type,
                partner=partner,
                invoice_date=fields.Date.to_date(date),
                amounts=[amount],
                taxes=[],
                post=post,
                **kw,
            )

        cls.invoice = staticmethod(invoice)
        # Company A, in company currency unless said otherwise.
        cls.first = invoice(cls.contact, 100, "2026-01-10")  # a contact's invoice is its company's
        cls.in_eur = invoice(cls.client, 200, "2026-03-01", currency=cls.eur)  # = 100
        cls.refund = invoice(cls.client, 50, "2026-03-05", move_type="out_refund")  # = -50
        cls.old = invoice(cls.client, 80, "2025-02-01")  # out of the 12 months
        cls.cancelled = invoice(cls.client, 1000, "2026-04-01")
        cls.cancelled.button_cancel()
        cls.draft = invoice(cls.client, 500, "2026-04-02", post=False)
        # Company B.
        invoice(cls.client, 300, "2026-05-01", company=cls.company_b)

    def _row(self, partner, company):
        return self.env["crm.client.value"].search([("partner_id", "=", partner.id), ("company_id", "=", company.id)])

    def test_figures_per_company(self):
        row = self._row(self.client, self.env.company)
        self.assertAlmostEqual(row.revenue_total, 100 + 100 - 50 + 80)
        self.assertAlmostEqual(row.revenue_12m, 100 + 100 - 50)
        self.assertEqual(row.invoice_count, 3)
        self.assertEqual(row.invoice_count_12m, 2)
        self.assertEqual(row.first_purchase_date, fields.Date.to_date("2025-02-01"))
        self.assertEqual(row.last_purchase_date, fields.Date.to_date("2026-03-01"))
        self.assertAlmostEqual(row.average_invoice, 230 / 3, places=2)
        self.assertEqual(row.frequency_class, "rare")
        other = self._row(self.client, self.company_b)
        self.assertAlmostEqual(other.revenue_total, 300)
        self.assertEqual(other.frequency_class, "one_off")
        self.assertFalse(self._row(self.contact, self.env.company), "figures belong to the commercial partner")

    def test_card_shows_current_company(self):
        self.assertAlmostEqual(self.client.client_revenue, 230)
        self.assertAlmostEqual(self.contact.client_revenue, 230, msg="a contact shows its company's figures")
        self.assertAlmostEqual(self.client.with_company(self.company_b).client_revenue, 300)
        self.assertEqual(self.other.client_frequency_class, False)
        found = self.env["res.partner"].search([("client_revenue", ">", 200)])
        self.assertIn(self.client, found)
        self.assertNotIn(self.other, found)
        self.assertIn(self.client, self.env["res.partner"].search([("client_frequency_class", "=", "rare")]))

    def test_kept_current_on_reset_cancel_and_threshold(self):
        self.first.button_draft()
        self.assertAlmostEqual(self._row(self.client, self.env.company).revenue_total, 130)
        self.first.action_post()
        self.draft.action_post()
        row = self._row(self.client, self.env.company)
        self.assertAlmostEqual(row.revenue_total, 730)
        self.assertEqual(row.invoice_count_12m, 3)
        self.env.company.client_regular_invoices = 3
        self.env["crm.client.value"]._cron_refresh()
        self.assertEqual(self._row(self.client, self.env.company).frequency_class, "regular")
        for move in (self.first, self.in_eur, self.old, self.draft):
            move.button_draft()
            move.button_cancel()
        self.refund.button_draft()
        self.assertFalse(self._row(self.client, self.env.company), "no posted invoice left: no row")

    def test_rfm_scores(self):
        for day in ("2026-06-01", "2026-06-02", "2026-06-03"):
            self.invoice(self.other, 5000, day)
        self.env["crm.client.value"]._cron_refresh()
        best = self._row(self.other, self.env.company)
        lesser = self._row(self.client, self.env.company)
        # Two buyers: the higher value of each measure is above all four quintile bounds.
        self.assertEqual((best.rfm_recency, best.rfm_frequency, best.rfm_monetary), (5, 5, 5))
        self.assertEqual(best.rfm_segment, "champion")
        self.assertEqual((lesser.rfm_recency, lesser.rfm_frequency, lesser.rfm_monetary), (1, 1, 1))
        self.assertEqual(lesser.rfm_segment, "hibernating")
        self.assertEqual(self.other.client_rfm_score, "555")
        # A twin of the best client: equal values score the same, here the middle of three.
        twin = self.env["res.partner"].create({"name": "ООО «Близнец»", "is_company": True})
        for day in ("2026-06-01", "2026-06-02", "2026-06-03"):
            self.invoice(twin, 5000, day)
        self.env["crm.client.value"]._cron_refresh()
        best, twin_row = self._row(self.other, self.env.company), self._row(twin, self.env.company)
        self.assertEqual((best.rfm_recency, best.rfm_frequency, best.rfm_monetary), (3, 3, 3))
        self.assertEqual((twin_row.rfm_recency, twin_row.rfm_frequency, twin_row.rfm_monetary), (3, 3, 3))
        self.assertEqual(twin_row.rfm_segment, "loyal")
        self.assertEqual(self._row(self.client, self.env.company).rfm_recency, 1)

    def test_rfm_quintiles(self):
        """Four more buyers, one invoice each on the same day: the scores follow the quintiles
        of the 12-month figures, and a value equal to a bound is not above it."""
        Partner = self.env["res.partner"]
        # 12-month revenues, with the client's 150: 150, 200, 300, 400, 500.
        # 20/40/60/80 % bounds: 190, 260, 340, 420 (interpolated between neighbours).
        buyers = {}
        for amount in (200, 300, 400, 500):
            buyers[amount] = Partner.create({"name": f"ООО «Покупатель {amount}»", "is_company": True})
            self.invoice(buyers[amount], amount, "2026-03-01")
        self.env["crm.client.value"]._cron_refresh()
        scores = {amount: self._row(partner, self.env.company).rfm_monetary for amount, partner in buyers.items()}
        self.assertEqual(scores, {200: 2, 300: 3, 400: 4, 500: 5})
        self.assertEqual(self._row(self.client, self.env.company).rfm_monetary, 1)
        # Last purchases: the client's 2026-03-01 and the buyers' all the same day: every bound
        # is that day, and nobody is above it.
        self.assertEqual({self._row(p, self.env.company).rfm_recency for p in buyers.values()}, {1})
        # Invoices in 12 months: the client's 2 against four 1s: bounds 1, 1, 1, 1.2.
        self.assertEqual(self._row(self.client, self.env.company).rfm_frequency, 5)
        self.assertEqual(self._row(buyers[500], self.env.company).rfm_frequency, 1)

    def test_rows_follow_deleted_and_merged_clients(self):
        """The table has no foreign keys (a faster nightly rewrite): deleting and merging
        partners is handled by the ORM instead."""
        self.assertFalse(
            self.env.execute_query(
                SQL("SELECT 1 FROM pg_constraint WHERE contype = 'f' AND conrelid = 'crm_client_value'::regclass")
            )
        )
        Value = self.env["crm.client.value"].sudo()
        gone = self.env["res.partner"].create({"name": "ООО «Ушедший»", "is_company": True})
        Value.create({"partner_id": gone.id, "company_id": self.env.company.id, "revenue_total": 10})
        gone.unlink()
        self.assertFalse(Value.search([("partner_id", "=", gone.id)]))
        # Odoo's own merge: the merged client's rows go, the survivor's figures count its invoices.
        source = self.env["res.partner"].create({"name": "ООО «Ценный» (дубль)", "is_company": True})
        self.invoice(source, 40, "2026-06-01")
        self.assertTrue(self._row(source, self.env.company))
        self.env["base.partner.merge.automatic.wizard"]._merge([self.client.id, source.id], self.client)
        self.assertFalse(Value.search([("partner_id", "=", source.id)]))
        self.assertAlmostEqual(self._row(self.client, self.env.company).revenue_total, 230 + 40)
        self.assertEqual(self._row(self.client, self.env.company).invoice_count, 4)

    def test_overdue(self):
        # Without payment terms the invoices fall due on the day they were entered (today).
        self.assertAlmostEqual(self.client.client_overdue, 0.0)
        with freeze_time("2026-07-01"):
            self.client.invalidate_recordset(["client_overdue"])
            self.assertAlmostEqual(self.client.client_overdue, 100 + 100 - 50 + 80, places=2)
            self.assertAlmostEqual(self.client.with_company(self.company_b).client_overdue, 300, places=2)

    def test_purchase_history_filter_edge_dates(self):
        buyers = {}
        for name, product, date in (
            ("Купил 1 апреля", self.phone, "2026-04-01"),
            ("Купил 31 мая", self.phone, "2026-05-31"),
            ("Купил 31 марта", self.phone, "2026-03-31"),
            ("Купил 1 июня", self.phone, "2026-06-01"),
            ("Купил дешёвый", self.cheap_phone, "2026-04-15"),
        ):
            partner = self.env["res.partner"].create({"name": name})
            self.init_invoice(
                "out_invoice",
                partner=partner,
                invoice_date=fields.Date.to_date(date),
                products=[product],
                taxes=[],
                post=True,
            )
            buyers[name] = partner
        domain = [
            (
                "client_purchase_line_ids",
                "any",
                [
                    ("product_id.categ_id", "child_of", self.phones.id),
                    ("price_subtotal", ">", 700),
                    ("date", ">=", "2026-04-01"),
                    ("date", "<=", "2026-05-31"),
                ],
            )
        ]
        found = self.env["res.partner"].search(domain)
        self.assertEqual(found, buyers["Купил 1 апреля"] | buyers["Купил 31 мая"])

    def test_channel_effectiveness_and_cost_per_client(self):
        source = self.env["utm.source"].create({"name": "Выставка"})
        campaign = self.env["utm.campaign"].create({"title": "Выставка 2026", "client_acquisition_cost": 3000})
        self.client.write({"source_id": source.id, "campaign_id": campaign.id})
        self.other.write({"source_id": source.id, "campaign_id": campaign.id})
        self.env.flush_all()  # the report is a query over the tables, not a model the ORM tracks
        rows = self.env["crm.client.channel.report"].search([("campaign_id", "=", campaign.id)])
        mine = rows.filtered(lambda r: r.company_id == self.env.company)
        self.assertEqual(mine.client_count, 1, "the client that bought in this company")
        self.assertAlmostEqual(mine.revenue, 230)
        self.assertAlmostEqual(mine.revenue_per_client, 230)
        self.assertAlmostEqual(mine.cost_per_client, 1500, msg="3000 for the 2 clients acquired")
        never = rows.filtered(lambda r: not r.company_id)
        self.assertEqual((never.client_count, never.buyer_count, never.revenue), (1, 0, 0))

    def test_salesperson_sees_own_clients_value(self):
        salesperson = new_test_user(
            self.env, login="value_sales", groups="sales_team.group_sale_salesman", company_id=self.env.company.id
        )
        colleague = new_test_user(
            self.env, login="value_colleague", groups="sales_team.group_sale_salesman", company_id=self.env.company.id
        )
        self.client.user_id = salesperson
        self.other.user_id = colleague
        self.invoice(self.other, 10, "2026-06-01")
        Value = self.env["crm.client.value"].with_user(salesperson)
        self.assertEqual(Value.search([]).partner_id, self.client)
        # The analysis reads the salesperson from the card: a reassignment shows at once.
        self.env.flush_all()
        analysis = self.env["crm.client.value.analysis"].with_user(salesperson).search([])
        self.assertEqual((analysis.partner_id, analysis.user_id), (self.client, salesperson))
        self.assertAlmostEqual(analysis.revenue_total, 230)
        Partner = self.env["res.partner"].with_user(salesperson)
        self.assertEqual(Partner.search([("client_revenue", ">", 0)]), self.client)
        bought = Partner.search([("client_purchase_line_ids", "any", [("price_subtotal", ">", 90)])])
        self.assertIn(self.client, bought)


@tagged("post_install", "-at_install")
@freeze_time("2026-06-15")
class TestClientSegment(AccountTestInvoicingCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.user.group_ids |= cls.env.ref("sales_team.group_sale_manager")
        Partner = cls.env["res.partner"]
        cls.big = Partner.create({"name": "ООО «Крупный»", "is_company": True, "city": "Москва"})
        cls.small = Partner.create({"name": "ООО «Мелкий»", "is_company": True, "city": "Москва"})
        cls.far = Partner.create({"name": "ООО «Далёкий»", "is_company": True, "city": "Казань"})
        for partner, amount in ((cls.big, 5000), (cls.small, 100), (cls.far, 9000)):
            cls.init_invoice(
                "out_invoice",
                partner=partner,
                invoice_date=fields.Date.to_date("2026-05-01"),
                amounts=[amount],
                taxes=[],
                post=True,
            )
        cls.segment = cls.env["crm.client.segment"].create(
            {"name": "Крупные московские", "rule": "[('city', '=', 'Москва'), ('client_revenue', '>', 1000)]"}
        )

    def test_rule_membership_is_computed_and_searchable(self):
        self.segment.action_refresh()
        self.assertEqual(self.segment.partner_ids, self.big)
        self.assertEqual(self.segment.member_count, 1)
        Partner = self.env["res.partner"]
        self.assertEqual(Partner.search([("client_segment_ids", "in", self.segment.ids)]), self.big)
        # A client that stops matching leaves the segment; one that starts matching joins it.
        self.big.city = "Казань"
        self.far.city = "Москва"
        self.env["crm.client.segment"]._cron_refresh()
        self.assertEqual(self.segment.partner_ids, self.far)
        self.assertEqual(self.big.client_segment_ids, self.env["crm.client.segment"])

    def test_manual_segment_and_group_by(self):
        manual = self.env["crm.client.segment"].create(
            {"name": "VIP", "kind": "manual", "partner_ids": [fields.Command.set((self.small | self.far).ids)]}
        )
        self.segment.action_refresh()
        manual.action_refresh()  # no effect on a manual segment
        self.assertEqual(manual.partner_ids, self.small | self.far)
        groups = self.env["res.partner"]._read_group(
            [("id", "in", (self.big | self.small | self.far).ids)], ["client_segment_ids"], ["__count"]
        )
        counts = dict(groups)
        self.assertEqual(counts[manual], 2)
        self.assertEqual(counts[self.segment], 1)

    def test_invalid_rule_is_refused(self):
        with self.assertRaisesRegex(ValidationError, "not a valid filter"):
            self.env["crm.client.segment"].create({"name": "Сломанный", "rule": "[('no_such_field', '=', 1)]"})
