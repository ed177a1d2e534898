# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo.modules.module import load_script
from odoo.tests import Form, TransactionCase, tagged
from odoo.tools import SQL

from ..tools import keys, matching


@tagged("post_install", "-at_install")
class TestScan(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.user.group_ids |= cls.env.ref("sales_team.group_sale_manager")
        Partner = cls.env["res.partner"]
        ru = cls.env.ref("base.ru").id
        common = {"is_company": True, "country_id": ru, "city": "Москва"}
        cls.first = Partner.create({**common, "name": "ООО «Ромашка»", "phone": "+7 495 111-22-33"})
        cls.second = Partner.create({**common, "name": "Romashka LLC", "phone": "8 (495) 1112233"})
        cls.third = Partner.create({**common, "name": "Ромашка", "email": "info@romashka.ru", "phone": "84951112233"})
        cls.branch = Partner.create(
            {**common, "name": "ООО «Вектор»", "vat": "7707083893", "kpp": "770701001", "phone": "+74952223344"}
        )
        cls.branch_2 = Partner.create(
            {**common, "name": "ООО «Вектор»", "vat": "7707083893", "kpp": "540601001", "city": "Новосибирск"}
        )
        cls.plus = Partner.create({**common, "name": "ООО «Вектор Плюс»", "phone": "+74955556677"})
        cls.Duplicate = cls.env["crm.client.duplicate"]
        cls.Finder = cls.env["crm.client.duplicate.finder"]

    def _groups_of(self, partner):
        return self.Duplicate.search([("partner_ids", "in", partner.ids)])

    def test_scan_groups_and_keeps_groups(self):
        open_groups = self.Duplicate.scan()
        group = self._groups_of(self.first)
        self.assertEqual(len(group), 1)
        self.assertIn(group, open_groups)
        self.assertEqual(group.partner_ids, self.first | self.second | self.third)
        self.assertGreaterEqual(group.score, 80)
        self.assertIn("+74951112233", group.reasons)
        self.assertFalse(self._groups_of(self.branch), "same INN, another KPP: a branch")
        self.assertFalse(self._groups_of(self.plus))
        self.Duplicate.scan()
        self.assertEqual(self._groups_of(self.first), group, "a rescan keeps the group, never repeats it")

    def test_data_review_counts_the_company_s_open_suspects(self):
        self.Duplicate.scan()
        other = self.env["res.company"].create({"name": "Другая компания"})
        self.Duplicate.create({"partner_ids": [(6, 0, (self.branch | self.plus).ids)], "company_id": other.id})
        mine = self.Duplicate.search_count([("state", "=", "open"), ("company_id", "in", (self.env.company.id, False))])
        self.assertTrue(mine)
        items = self.env["res.partner"]._client_data_review_items(self.env.company, [("parent_id", "=", False)])
        self.assertIn(f"Duplicate suspects to review: {mine}", items)

    def test_dismissed_pairs_never_come_back(self):
        self.Duplicate.scan()
        self._groups_of(self.first).action_dismiss()
        open_groups = self.Duplicate.scan()
        self.assertFalse(open_groups.filtered(lambda g: g.partner_ids & (self.first | self.second | self.third)))
        # A new duplicate of the same client is proposed with the new card only.
        newcomer = self.env["res.partner"].create({"name": "Ромашка ООО", "phone": "+7 495 111 22 33"})
        self.env.flush_all()
        groups = self.Duplicate.scan_partners(newcomer)
        self.assertEqual(len(groups), 1)
        self.assertIn(newcomer, groups.partner_ids)
        dismissed = self.env["crm.client.duplicate.dismissal"].search_count(
            [("partner_a_id", "in", (self.first | self.second | self.third).ids)]
        )
        self.assertEqual(dismissed, 3)

    def test_incremental_scan_extends_an_open_group(self):
        self.Duplicate.scan()
        group = self._groups_of(self.first)
        newcomer = self.env["res.partner"].create({"name": "РОМАШКА", "email": "Info@Romashka.ru"})
        self.env.flush_all()
        self.Duplicate.scan_partners(newcomer)
        self.assertIn(newcomer, group.partner_ids)
        self.assertEqual(self._groups_of(newcomer), group)

    def test_incremental_scan_finds_a_name_with_a_typo_next_to_it(self):
        """No key in common: the changed card's name is found among the names next to it in its
        city (the index of each order), as the full scan finds it."""
        Partner = self.env["res.partner"]
        common = {"is_company": True, "city": "Казань", "street": "ул. Баумана, д. 12"}
        known = Partner.create({**common, "name": "ООО «Стройинвест»"})
        for index in range(30):
            Partner.create({**common, "name": f"ООО «Фирма {index:02d}»", "street": f"ул. Кремлёвская, {index}"})
        typo = Partner.create({**common, "name": "Стройинвесг", "city": "г. Казань"})
        self.env.flush_all()
        groups = self.Duplicate.scan_partners(typo)
        self.assertEqual(groups.partner_ids, known | typo)
        self.assertEqual(self.Finder._changed_candidates(typo), {(known.id, typo.id)})

    def test_cards_of_one_address_whatever_the_order_of_names(self):
        """The full scan, the hourly scan, the lookup while typing and an import's matching all
        compare the cards of one address whose names share a word ("Марина Попова" and "Попова
        Марина Никитична" are apart in every order of names), never the neighbours'."""
        Partner = self.env["res.partner"]
        common = {"city": "Москва", "client_type": "private_person"}
        known = Partner.create(
            {**common, "name": "Марина Попова", "street": "ул. Новая, д. 956", "birthday": "1987-03-14"}
        )
        neighbour = Partner.create({**common, "name": "Петров Иван", "street": "ул. Новая, д. 956"})
        again = Partner.create({**common, "name": "Попова Марина Никитична", "street": "улица Новая, 956, кв. 3"})
        self.env.flush_all()
        self.assertEqual(known.dedup_address_key, "moskva/nova 956")
        self.assertEqual(self.Finder._changed_candidates(again), {(known.id, again.id)})
        self.assertEqual(self.Finder._changed_candidates(neighbour), set())
        self.Duplicate.scan()
        self.assertEqual(self._groups_of(known).partner_ids, known | again)
        self.assertFalse(self._groups_of(neighbour))
        typed = {**common, "name": "Попова Марина Никитична", "street": "Новая 956"}
        found = self.Finder._find_similar(typed, exclude_ids=again.ids)
        self.assertEqual([item["partner"] for item in found], [known])
        self.assertEqual(self.Finder._match_values([typed])[0]["partner_id"], again.id)
        # An address of more cards than a block holds (a business centre) pairs none.
        probe = self.Finder._place_probe(
            again.id, again.dedup_name_key, again.dedup_address_key, again.dedup_city_key, False
        )
        self.assertEqual(self.Finder._place_pairs([probe], max_block=3), {(again.id, known.id), (again.id, again.id)})
        self.assertEqual(self.Finder._place_pairs([probe], max_block=2), set())

    def test_cards_born_on_one_day_in_one_city_whatever_the_names(self):
        """A person's two cards, the name written two ways ("Преображенская И. Г." and
        "Преображенская Ирина Геннадьевна"), sharing nothing else but the city and the
        birthday: the full scan, the hourly scan, the lookup while typing and an import's
        matching compare them; a namesake born another day, or on that day in another city, is
        not compared with the first."""
        Partner = self.env["res.partner"]
        common = {"city": "Казань", "client_type": "private_person", "birthday": "1956-02-13"}
        known = Partner.create({**common, "name": "Преображенская Ирина Геннадьевна", "phone": "+7 991 604-18-27"})
        again = Partner.create({**common, "name": "Преображенская И. Г.", "zip": "420115"})
        elsewhere = Partner.create({**common, "city": "Самара", "name": "Преображенская И. Г."})
        other_day = Partner.create({**common, "birthday": "1956-02-14", "name": "Преображенская И. Г."})
        stranger = Partner.create({**common, "name": "Петров Иван"})
        pairs = self._assert_found_everywhere(known, again, {**common, "name": "Преображенская И. Г."})
        self.assertEqual(pairs, {(known.id, again.id)})
        for partner in (elsewhere, other_day, stranger):
            self.assertFalse(self._groups_of(partner), partner.name)

    def test_one_name_born_on_one_day(self):
        """A person entered again under the same name and birthday, with a new number, no
        street and the city left out: the full scan, the hourly scan, the lookup while typing
        and an import's matching find the first card; a twin (another given name) is not one
        client with it. A card typed without its city is shown the cards of its name born on
        its birthday in any city."""
        Partner = self.env["res.partner"]
        common = {"client_type": "private_person", "birthday": "1961-07-19"}
        known = Partner.create(
            {**common, "name": "Зарецкая Алла Викторовна", "city": "Казань", "phone": "+7 917 220-45-18"}
        )
        renumbered = Partner.create({**common, "name": "Зарецкая Алла Викторовна", "phone": "+7 986 999-12-03"})
        twin = Partner.create({**common, "name": "Зарецкая Ольга Викторовна", "phone": "+7 986 999-12-04"})
        typed = {**common, "name": "Алла Викторовна Зарецкая", "phone": "+7 986 999-12-05"}
        self._assert_found_everywhere(known, renumbered, {**typed, "city": "Казань"})
        self.assertNotIn(twin, self._groups_of(known).partner_ids)
        # Typed without its city: the cards of that name born that day, wherever they live.
        elsewhere = Partner.create({**common, "name": "Зарецкая Алла Викторовна", "city": "Самара"})
        self.env.flush_all()
        found = self.Finder._find_similar(typed, exclude_ids=renumbered.ids)
        self.assertEqual({item["partner"].id for item in found}, {known.id, elsewhere.id})
        elsewhere.active = False
        self._assert_found_everywhere(known, renumbered, typed)

    def _assert_found_everywhere(self, known, again, typed):
        """``again`` is ``known``'s duplicate for the hourly scan and the full scan, and a card
        typed with ``typed`` is found as ``known`` while typed and by an import's matching.
        Only the test's own cards are looked at; returns the hourly scan's pairs of ``known``
        with them."""
        ours = self.env["res.partner"].search([("create_date", ">=", known.create_date)]) | known
        self.env.flush_all()
        pairs = {pair for pair in self.Finder._changed_candidates(known) if set(pair) <= set(ours.ids)}
        self.assertIn((known.id, again.id), pairs)
        self.Duplicate.scan()
        self.assertEqual(self._groups_of(known).partner_ids & ours, known | again)
        # As a card's form gives them: False for an empty field (no parent), not None.
        found = self.Finder._find_similar({**typed, "parent_id": False}, exclude_ids=again.ids)
        self.assertEqual([item["partner"] for item in found if item["partner"] in ours], [known])
        again.active = False
        self.assertEqual((self.Finder._match_values([typed])[0] or {}).get("partner_id"), known.id)
        again.active = True
        return pairs

    def test_copies_each_matching_the_original_make_a_likely_group(self):
        """A card typed with the firm's phone and another with its street are one client with
        it, though the two copies share only the name and the city (a pair for review alone):
        the group is as sure as its weakest link, and a group found again takes that score."""
        Partner = self.env["res.partner"]
        common = {
            "is_company": True,
            "city": "Тула",
            "name": "ООО «Западная Роща»",
            "country_id": self.env.ref("base.ru").id,
        }
        original = Partner.create({**common, "phone": "+7 4872 76-25-30", "street": "ул. Зелёная, д. 49"})
        by_phone = Partner.create({**common, "phone": "84872762530"})
        by_street = Partner.create({**common, "street": "улица Зелёная, 49"})
        self.Duplicate.scan()
        group = self._groups_of(original)
        self.assertEqual(group.partner_ids, original | by_phone | by_street)
        self.assertTrue(group.likely, group.score)
        group.score = matching.REVIEW_SCORE
        self.Duplicate.scan()
        self.assertEqual(self._groups_of(original), group, "found again: kept")
        self.assertTrue(group.likely, "and scored anew")

    def test_cron_scans_changed_partners(self):
        self.env["ir.config_parameter"].set_param("crm_client_base_dedup.last_scan", "2000-01-01 00:00:00")
        self.Duplicate._cron_scan_changed()
        self.assertTrue(self._groups_of(self.first))

    def test_lookup_before_saving(self):
        with Form(self.env["res.partner"]) as form:
            form.name = "ООО Ромашка"
            form.phone = "+7 (495) 111-22-33"
            self.assertIn(self.first, form.dedup_candidate_ids)
            self.assertIn("Ромашка", form.dedup_candidate_info)
            form.name = "Совсем другая фирма"
            form.phone = "+7 495 999 00 00"
            self.assertFalse(form.dedup_candidate_ids)

    def test_banner_names_whose_phone_mailbox_or_name_it_is(self):
        """A shared phone or mailbox under another name, or the exact name in the same city, is
        said in the banner as whose it is (score 0), not claimed as the same client."""
        cases = [
            # A switchboard: another firm answers on this phone.
            ({"name": "ИП Кузнецов", "phone": "+7 495 111 22 33"}, self.first, "+74951112233"),
            ({"name": "Кафе «Берёзка»", "email": "INFO@romashka.ru"}, self.third, "info@romashka.ru"),
            # A namesake in the same city with nothing else in common.
            ({"name": "ООО «Вектор Плюс»", "city": "Москва", "phone": "+7 495 000 00 01"}, self.plus, "same city"),
        ]
        for values, existing, said in cases:
            # Typed, never saved.
            with self.subTest(values=values):
                form = Form(self.env["res.partner"].with_context(lang="en_US"))
                for field, value in values.items():
                    setattr(form, field, value)
                info = form.dedup_candidate_info
                self.assertIn("Already on other cards", info)
                self.assertIn(f"/odoo/contacts/{existing.id}", info)
                self.assertIn(said, info)
                self.assertNotIn("may already be in the base", info, "not claimed as the same client")
        found = self.Finder._find_similar({"name": "ИП Кузнецов", "phone": "+74951112233"})
        self.assertFalse(found, "without notices, a shared phone alone is no match")
        # Another city: a namesake there is no notice.
        form = Form(self.env["res.partner"])
        form.name = "ООО «Вектор Плюс»"
        form.city = "Казань"
        self.assertFalse(form.dedup_candidate_info)

    def test_find_similar_query_count(self):
        values = {"name": "Ромашка", "phone": "+7 495 111-22-33"}
        self.Finder._find_similar(values)
        self.env.invalidate_all()
        with self.assertQueryCount(3):
            found = self.Finder._find_similar(values)
        self.assertEqual(found[0]["partner"], self.first)

    def test_import_updates_the_matching_client(self):
        self.env["ir.config_parameter"].set_param("crm_client_base_dedup.import_match", "1")
        Partner = self.env["res.partner"].with_context(import_file=True)
        before = Partner.search_count([])
        result = Partner.load(
            ["name", "phone", "comment"],
            [["Ромашка", "8 495 111 22 33", "imported"], ["ООО «Новая»", "+7 495 777 88 99", "new"]],
        )
        self.assertFalse(result["messages"], result["messages"])
        self.assertEqual(Partner.search_count([]), before + 1)
        self.assertEqual(result["ids"][0], self.first.id)
        self.assertIn("imported", str(self.first.comment))

    def test_locale_check_passes_on_utf8(self):
        self.Finder._check_trigram_locale()

    def test_upgrade_recomputes_the_name_keys_it_reads_anew(self):
        """What an upgrade changing how names are read does (the migrations of 19.0.2.7.0 and
        19.0.2.10.0): the name keys of the partners matching its condition, archived ones too,
        are computed again; the others are left as they are."""
        long_form = self.env["res.partner"].create(
            {"name": "Общество с ограниченной  ответственностью «Алмаз»", "is_company": True, "active": False}
        )
        self.env.flush_all()
        stale = (long_form | self.first).ids
        self.env.cr.execute(SQL("UPDATE res_partner SET dedup_name_key = 'stale' WHERE id = ANY(%s)", stale))
        self.env.invalidate_all()
        self._migrate("19.0.2.10.0", installed="19.0.2.9.0")
        self.assertEqual(long_form.with_context(active_test=False).dedup_name_key, "almaz")
        self.assertEqual(self.first.dedup_name_key, "stale", "not matched by the condition")

    def test_upgrade_recomputes_the_address_keys_it_reads_anew(self):
        """The migrations of 19.0.2.12.0 and 19.0.2.13.0: the address keys of the partners whose
        street holds a soft or hard sign or two numbers (then a street type typed in full or an
        ordinal) are computed again, archived ones too; the others are left."""
        Partner = self.env["res.partner"].with_context(active_test=False)
        moscow = keys.city_key("Москва")
        signed = Partner.create(
            {"name": "Клиент", "city": "Москва", "street": "ул. Октябрьская, д. 141", "active": False}
        )
        numbered = Partner.create({"name": "Клиент", "city": "Москва", "street": "ул. 50 лет Октября, д. 85"})
        plain = Partner.create({"name": "Клиент", "city": "Москва", "street": "ул. Садовая, д. 3"})
        self.env.flush_all()
        stale = (signed | numbered | plain).ids
        self.env.cr.execute(SQL("UPDATE res_partner SET dedup_address_key = 'stale' WHERE id = ANY(%s)", stale))
        self.env.invalidate_all()
        # From before 19.0.2.11.0, that migration has computed every key: this one does nothing.
        self._migrate("19.0.2.12.0", installed="19.0.2.10.0")
        self.assertEqual(signed.dedup_address_key, "stale")
        self._migrate("19.0.2.12.0", installed="19.0.2.11.0")
        self.assertEqual(signed.dedup_address_key, keys.address_key("Октябрская, 141", moscow))
        self.assertEqual(numbered.dedup_address_key, "moskva/oktabra 85")
        self.assertEqual(plain.dedup_address_key, "stale", "not matched by the condition")
        english = Partner.create({"name": "Клиент", "city": "London", "street": "Baker Street 12"})
        ordinal = Partner.create({"name": "Клиент", "city": "Москва", "street": "Тверская-Ямская 1-я, 10"})
        self.env.flush_all()
        renewed = (english | ordinal).ids
        self.env.cr.execute(SQL("UPDATE res_partner SET dedup_address_key = 'stale' WHERE id = ANY(%s)", renewed))
        self.env.invalidate_all()
        self._migrate("19.0.2.13.0", installed="19.0.2.12.0")
        self.assertEqual(english.dedup_address_key, "london/baker 12")
        self.assertEqual(ordinal.dedup_address_key, "moskva/amska 10")
        self.assertEqual(plain.dedup_address_key, "stale", "not matched by the condition")

    def test_upgrade_fills_the_new_address_key(self):
        """The migration of 19.0.2.11.0, which adds the address key: its pre-migration creates the
        column empty, so that the ORM does not compute it for every partner at once (see
        tests/test_lifecycle.py), and its post-migration fills it for the partners with a street
        and a city, archived ones too."""
        Partner = self.env["res.partner"].with_context(active_test=False)
        archived = Partner.create({"name": "Клиент", "city": "Москва", "street": "ул. Садовая, д. 3", "active": False})
        cityless = Partner.create({"name": "Клиент", "street": "ул. Садовая, д. 3"})
        active = Partner.create({"name": "Клиент", "city": "Москва", "street": "Ленина ул., 5а"})
        self.env.flush_all()
        self.env.cr.execute(SQL("UPDATE res_partner SET dedup_address_key = NULL"))
        self.env.invalidate_all()
        self._migrate("19.0.2.11.0", installed="19.0.2.10.0")
        self.assertEqual(archived.dedup_address_key, "moskva/sadova 3")
        self.assertFalse(cityless.dedup_address_key)
        self.assertEqual(active.dedup_address_key, "moskva/lenina 5")

    def _migrate(self, version, installed):
        """Run the post-migration of ``version`` as an upgrade from ``installed`` does."""
        script = load_script(f"crm_client_base_dedup/migrations/{version}/post-migration.py", "post_migration")
        script.migrate(self.env.cr, installed)
        self.env.invalidate_all()
