# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import logging

import psycopg2
from markupsafe import Markup

from odoo import api, fields, models
from odoo.tools import SQL, mute_logger, parse_version, sql

from ..tools import keys

_logger = logging.getLogger(__name__)

# The detector's stored keys (computed by _compute_dedup_keys).
DEDUP_COLUMNS = (
    "dedup_name_key",
    "dedup_phone_key",
    "dedup_mobile_key",
    "dedup_email_key",
    "dedup_vat_key",
    "dedup_city_key",
    "dedup_ref_key",
    "dedup_address_key",
)
# Columns a duplicate profile is built from (see matching.Profile).
PROFILE_COLUMNS = (
    "id",
    "name",
    "phone",
    "mobile",
    "email",
    "vat",
    "kpp",
    "city",
    "birthday",
    "client_type",
    "is_company",
    "street",
    "zip",
    "website",
    "parent_id",
    "company_id",
    *DEDUP_COLUMNS,
)
# The fields of a card being typed that the duplicate finder compares (see _dedup_probe_values).
PROBE_FIELDS = tuple(column for column in PROFILE_COLUMNS[1:] if not column.startswith("dedup_"))
# Imported columns a row is matched on (plain values, not relations or dates to parse).
IMPORT_MATCH_FIELDS = ("name", "phone", "mobile", "email", "vat", "kpp", "city", "street", "zip", "website")


class ResPartner(models.Model):
    _inherit = "res.partner"

    # Blocking keys of the duplicate detector, kept on every write.
    dedup_name_key = fields.Char(
        compute="_compute_dedup_keys",
        store=True,
        index="trigram",
        help="The name without case, quotes, ё, legal forms or script, words sorted.",
    )
    # The trigram index serves similarity; equality (imports look up thousands of keys at
    # once) needs a btree: through the trigram index, one equal key cost ~4 ms at 100k clients.
    _dedup_name_key_idx = models.Index("(dedup_name_key) WHERE dedup_name_key IS NOT NULL")
    dedup_phone_key = fields.Char(compute="_compute_dedup_keys", store=True, index="btree_not_null")
    dedup_mobile_key = fields.Char(compute="_compute_dedup_keys", store=True, index="btree_not_null")
    dedup_email_key = fields.Char(compute="_compute_dedup_keys", store=True, index="btree_not_null")
    dedup_vat_key = fields.Char(compute="_compute_dedup_keys", store=True, index="btree_not_null")
    # The value of the card property chosen as identifying a client (crm.client.card), if any.
    dedup_ref_key = fields.Char(compute="_compute_dedup_ref_key", store=True, index="btree_not_null")
    # The city as the detector compares it: the scans walk the names of each city in order, by
    # the name key, the key reversed and the key without spaces (one index each).
    dedup_city_key = fields.Char(compute="_compute_dedup_keys", store=True)
    _dedup_city_name_idx = models.Index(
        '(dedup_city_key COLLATE "C", dedup_name_key COLLATE "C")'
        " WHERE dedup_name_key IS NOT NULL AND dedup_city_key IS NOT NULL"
    )
    _dedup_city_reversed_idx = models.Index(
        '(dedup_city_key COLLATE "C", (reverse(dedup_name_key)) COLLATE "C")'
        " WHERE dedup_name_key IS NOT NULL AND dedup_city_key IS NOT NULL"
    )
    _dedup_city_compact_idx = models.Index(
        """(dedup_city_key COLLATE "C", (replace(dedup_name_key, ' ', '')) COLLATE "C")"""
        " WHERE dedup_name_key IS NOT NULL AND dedup_city_key IS NOT NULL"
    )
    # The city, the house number and the street's name (keys.address_key): the cards of one
    # address are compared whatever their names' order, initials or missing words.
    dedup_address_key = fields.Char(compute="_compute_dedup_address_key", store=True, index="btree_not_null")
    # The cards born on one day in one city (the finder's _place_pairs): a person's two cards,
    # the name written two ways ("Малышева И. Г." and "Малышева Ирина Геннадьевна").
    _dedup_birthday_city_idx = models.Index("(birthday, dedup_city_key) WHERE birthday IS NOT NULL")
    dedup_candidate_ids = fields.Many2many(
        "res.partner",
        compute="_compute_dedup_candidates",
        string="Likely duplicates",
        help="Existing clients this card may duplicate, checked while it is typed.",
    )
    dedup_candidate_info = fields.Html(compute="_compute_dedup_candidates", sanitize=False)
    # What tells two same-name cards apart before a merge (the merge wizard, the comparison).
    dedup_invoice_count = fields.Integer("Invoice count", compute="_compute_dedup_card_counts")
    dedup_message_count = fields.Integer("Message count", compute="_compute_dedup_card_counts")

    def _auto_init(self):
        # Odoo creates pg_trgm only in databases made by its own database manager; without it
        # the trigram index of the name key would be skipped, silently. On install and upgrade.
        if not self.pool.has_trigram:
            try:
                with mute_logger("odoo.sql_db"), self.env.cr.savepoint():
                    self.env.cr.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
                self.pool.has_trigram = True
            except psycopg2.Error as error:
                _logger.warning("pg_trgm could not be created (%s): duplicate detection will refuse to run", error)
        # No card has an identifying property yet: the column starts empty, without a
        # computation over every partner (a million of them) that would find nothing.
        if not sql.column_exists(self.env.cr, self._table, "dedup_ref_key"):
            sql.create_column(self.env.cr, self._table, "dedup_ref_key", "varchar")
        return super()._auto_init()

    @api.model
    def _dedup_recompute_key(self, field_name, condition):
        """Compute the stored key ``field_name`` again for the partners (archived too) whose row
        matches ``condition`` (an SQL condition on res_partner), 5,000 at a time: for an
        upgrade that changes how names or addresses are read."""
        ids = [row[0] for row in self.env.execute_query(SQL("SELECT id FROM res_partner WHERE %s", condition))]
        Partner = self.with_context(active_test=False)
        key = self._fields[field_name]
        for start in range(0, len(ids), 5000):
            # Each slice is read on its own and then dropped from the cache: at a million
            # partners, the cache of them all outgrows the server's memory limit.
            self.env.add_to_compute(key, Partner.browse(ids[start : start + 5000]))
            self.env.flush_all()
            self.env.invalidate_all()

    @api.model
    def _dedup_recompute_address_keys(self, version, condition):
        """_dedup_recompute_key of the address key, for an upgrade from ``version`` that reads
        addresses anew: nothing from before 19.0.2.11.0, whose migration has just computed every
        address key with the rules of now."""
        if parse_version(version) >= parse_version("19.0.2.11.0"):
            self._dedup_recompute_key("dedup_address_key", condition)

    @api.depends("name", "phone", "mobile", "email", "vat", "parent_id", "city")
    def _compute_dedup_keys(self):
        for partner in self:
            partner.dedup_city_key = keys.city_key(partner.city) or False
            partner.dedup_name_key = keys.name_key(partner.name) or False
            partner.dedup_phone_key = keys.phone_key(partner.phone) or False
            partner.dedup_mobile_key = keys.phone_key(partner.mobile) or False
            partner.dedup_email_key = keys.email_key(partner.email) or False
            # A contact carries its company's tax id: it identifies the company only.
            partner.dedup_vat_key = (not partner.parent_id and keys.vat_key(partner.vat)) or False

    @api.depends("street", "city")
    def _compute_dedup_address_key(self):
        for partner in self:
            partner.dedup_address_key = keys.address_key(partner.street, keys.city_key(partner.city)) or False

    @api.depends("client_type", "client_properties")
    def _compute_dedup_ref_key(self):
        chosen = self.env["crm.client.card"]._dedup_properties()
        for partner in self:
            name = chosen.get(partner.client_type)
            value = name and partner._client_property_values().get(name)
            partner.dedup_ref_key = (value and keys.ref_key(name, value)) or False

    @api.depends(*PROBE_FIELDS, "client_properties")
    def _compute_dedup_candidates(self):
        Finder = self.env["crm.client.duplicate.finder"]
        for partner in self:
            found = []
            # Only while a card is being typed: opening a saved card costs nothing.
            if not isinstance(partner.id, int) and partner.name:
                values = partner._dedup_probe_values()
                exclude = partner._origin.ids
                found = Finder._find_similar(values, exclude_ids=exclude, limit=5, notices=True)
            hidden = self._client_hidden_ids([match["partner"].id for match in found]) if found else set()
            partner.dedup_candidate_ids = [match["partner"].id for match in found if match["partner"].id not in hidden]
            partner.dedup_candidate_info = self._dedup_candidate_html(found, hidden) if found else False

    def _compute_dedup_card_counts(self):
        """Each card's own customer invoices and credit notes (not cancelled) and chatter
        messages, in two queries. Counted as superuser: the reader may read the card, not
        always the journals (a sales manager without Invoicing); only numbers are shown."""
        ids = [pid for pid in self.ids if isinstance(pid, int)]
        invoices = messages = {}
        if ids:
            invoices = {
                partner.id: count
                for partner, count in self.env["account.move"]
                .sudo()
                ._read_group(
                    [
                        ("partner_id", "in", ids),
                        ("move_type", "in", ("out_invoice", "out_refund")),
                        ("state", "!=", "cancel"),
                    ],
                    ["partner_id"],
                    ["__count"],
                )
            }
            messages = dict(
                self.env["mail.message"]
                .sudo()
                ._read_group(
                    [("model", "=", "res.partner"), ("res_id", "in", ids), ("message_type", "!=", "user_notification")],
                    ["res_id"],
                    ["__count"],
                )
            )
        for partner in self:
            partner.dedup_invoice_count = invoices.get(partner.id, 0)
            partner.dedup_message_count = messages.get(partner.id, 0)

    def _dedup_probe_values(self):
        """This card's values as the duplicate finder takes them (see _find_similar)."""
        self.ensure_one()
        values = {column: self[column] for column in PROBE_FIELDS}
        values["parent_id"] = self.parent_id.id
        values["company_id"] = self.company_id.id
        values["dedup_ref_key"] = self.dedup_ref_key
        return values

    def _dedup_candidate_html(self, found, hidden=()):
        """The banner of a card being typed: the likely duplicates the user may read, linked, with
        their score and reasons; for a client the user may not read, only that it exists, what the
        cards share and who holds it. Then the cards that only share a phone, the mailbox or the
        exact name in the same city (score 0): whose they are, not a claim of one client."""
        Finder = self.env["crm.client.duplicate.finder"]
        likely, shared = [], []
        for match in found:
            partner = match["partner"]
            if partner.id in hidden:
                values = {
                    "shared": Finder._reason_kinds(match["reason_codes"]),
                    "holder": self._client_holder_name(partner.id),
                }
                if not match["score"]:
                    text = self.env._("A client held by %(holder)s has %(shared)s.", **values)
                elif self.env.company.client_hidden_duplicate_policy == "activity":
                    text = self.env._(
                        "A client with %(shared)s is already in the base, held by %(holder)s: ask %(holder)s "
                        "or a sales manager before creating another card. If you save this one, %(holder)s "
                        "will be asked to check it.",
                        **values,
                    )
                else:
                    text = self.env._(
                        "A client with %(shared)s is already in the base, held by %(holder)s: ask %(holder)s "
                        "or a sales manager before creating another card.",
                        **values,
                    )
                item = Markup("<li>%s</li>") % text
            elif match["score"]:
                item = Markup('<li><a href="/odoo/contacts/%s" target="_blank"><b>%s</b></a> (%s%%): %s</li>') % (
                    partner.id,
                    partner.display_name,
                    match["score"],
                    match["reasons"],
                )
            else:
                item = Markup('<li><a href="/odoo/contacts/%s" target="_blank"><b>%s</b></a>: %s</li>') % (
                    partner.id,
                    partner.display_name,
                    match["reasons"],
                )
            (likely if match["score"] else shared).append(item)
        parts = []
        if likely:
            parts.append(
                Markup("<p>%s</p><ul>%s</ul>")
                % (self.env._("This client may already be in the base:"), Markup("").join(likely))
            )
        if shared:
            parts.append(
                Markup("<p>%s</p><ul>%s</ul>")
                % (
                    self.env._("Already on other cards (a shared phone or mailbox, or a namesake):"),
                    Markup("").join(shared),
                )
            )
        return Markup("").join(parts)

    @api.model_create_multi
    def create(self, vals_list):
        partners = super().create(vals_list)
        # A card saved by hand (one at a time, not an import) that is likely a client the user
        # may not read: its holder is asked to check it, by the company's policy.
        if len(partners) == 1 and not self.env.su and not self.env.context.get("import_file"):
            partners._dedup_ask_holders()
        return partners

    def _dedup_ask_holders(self):
        """Give the holder of each client the user may not read and this card likely duplicates
        (score at or above the import threshold) an activity to check it."""
        self.ensure_one()
        if self.env.company.client_hidden_duplicate_policy != "activity" or self.parent_id:
            return
        if self.env["ir.rule"]._compute_domain("res.partner", "read").is_true():
            return
        Finder = self.env["crm.client.duplicate.finder"]
        values = self._dedup_probe_values()
        threshold = Finder._import_threshold()
        found = [m for m in Finder._find_similar(values, exclude_ids=self.ids) if m["score"] >= threshold]
        hidden = self._client_hidden_ids([match["partner"].id for match in found])
        for match in found:
            if match["partner"].id not in hidden:
                continue
            client = match["partner"].sudo().commercial_partner_id
            holder = client.user_id or client.team_id.user_id
            if not holder:
                continue
            # Worded for its reader, the holder, in their language (not the creator's).
            env = self.with_context(lang=holder.lang or self.env.lang).env
            client.activity_schedule(
                "mail.mail_activity_data_todo",
                user_id=holder.id,
                summary=env._("Check a possible duplicate"),
                note=Markup("<p>%s</p>")
                % env._(
                    "%(user)s created the card %(card)s, which looks like this client (%(shared)s): merge the "
                    "two cards or hand the client over.",
                    user=self.env.user.name,
                    card=Markup('<a href="/odoo/contacts/%s">%s</a>') % (self.id, self.display_name),
                    shared=Finder.with_env(env)._reason_kinds(match["reason_codes"]),
                ),
            )

    @api.model
    def load(self, fields, data):
        """On a file import with matching switched on, a row without an id that is a likely
        duplicate (score at or above the threshold) of an existing client updates that client."""
        params = self.env["ir.config_parameter"].sudo()
        if (
            not self.env.context.get("import_file")
            or not params.get_param("crm_client_base_dedup.import_match")
            or "id" in fields
            or ".id" in fields
        ):
            return super().load(fields, data)
        threshold = self.env["crm.client.duplicate.finder"]._import_threshold()
        simple = {name: index for index, name in enumerate(fields) if name in IMPORT_MATCH_FIELDS}
        values_list = [{name: row[index] for name, index in simple.items() if index < len(row)} for row in data]
        # Rows without a name are left to Odoo (which refuses or ignores them).
        named = [index for index, values in enumerate(values_list) if values.get("name")]
        matches = dict.fromkeys(range(len(data)))
        found = self.env["crm.client.duplicate.finder"]._match_values([values_list[i] for i in named], threshold)
        matches.update(zip(named, found, strict=True))
        rows = [[str(matches[i]["partner_id"]) if matches[i] else "", *row] for i, row in enumerate(data)]
        return super().load([".id", *fields], rows)

    def _dedup_profile_rows(self, where):
        """Rows of PROFILE_COLUMNS for the active partners matching ``where`` (an SQL)."""
        return self.env.execute_query(
            SQL(
                "SELECT %s FROM res_partner WHERE active AND %s",
                SQL(", ").join(SQL.identifier(column) for column in PROFILE_COLUMNS),
                where,
            )
        )

    @api.model
    def _client_data_review_items(self, company, domain):
        items = super()._client_data_review_items(company, domain)
        duplicates = (
            self.env["crm.client.duplicate"]
            .sudo()
            .search_count([("state", "=", "open"), ("company_id", "in", (company.id, False))])
        )
        items.append(self.env._("Duplicate suspects to review: %s", duplicates))
        return items

    @api.model
    def _client_forget_scrub(self, old):
        """A forgotten person's data in the merge logs: the names and snapshots of the merges
        they were part of are cleared (those merges can then no longer be undone)."""
        result = super()._client_forget_scrub(old)
        Log = self.env["crm.client.merge.log"].sudo()
        pid = str(old["id"])
        logs = Log.search(["|", ("survivor_id", "=", old["id"]), ("merged_ids", "like", pid)]).filtered(
            lambda log: log.survivor_id.id == old["id"] or pid in (log.merged_ids or "").split(",")
        )
        logs.write(
            {
                "survivor_name": self.browse(old["id"]).name,
                "merged_names": False,
                "snapshot": False,
                "chosen_values": False,
                "undo_data": False,
                "undo_note": False,
            }
        )
        return result
