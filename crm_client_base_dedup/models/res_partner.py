# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import logging

import psycopg2
from markupsafe import Markup, escape

from odoo import api, fields, models
from odoo.tools import SQL, mute_logger

from ..tools import matching

_logger = logging.getLogger(__name__)

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
    "street",
    "zip",
    "website",
    "parent_id",
    "company_id",
)
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
    dedup_candidate_ids = fields.Many2many(
        "res.partner",
        compute="_compute_dedup_candidates",
        string="Likely duplicates",
        help="Existing clients this card may duplicate, checked while it is typed.",
    )
    dedup_candidate_info = fields.Html(compute="_compute_dedup_candidates", sanitize=False)

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
        return super()._auto_init()

    @api.depends("name", "phone", "mobile", "email", "vat", "parent_id")
    def _compute_dedup_keys(self):
        for partner in self:
            partner.dedup_name_key = matching.name_key(partner.name) or False
            partner.dedup_phone_key = matching.phone_key(partner.phone) or False
            partner.dedup_mobile_key = matching.phone_key(partner.mobile) or False
            partner.dedup_email_key = matching.email_key(partner.email) or False
            # A contact carries its company's tax id: it identifies the company only.
            partner.dedup_vat_key = (not partner.parent_id and matching.vat_key(partner.vat)) or False

    @api.depends(
        "name", "phone", "mobile", "email", "vat", "kpp", "city", "birthday", "street", "zip", "website", "client_type"
    )
    def _compute_dedup_candidates(self):
        Duplicate = self.env["crm.client.duplicate"]
        for partner in self:
            found = []
            # Only while a card is being typed: opening a saved card costs nothing.
            if not isinstance(partner.id, int) and partner.name:
                values = {column: partner[column] for column in PROFILE_COLUMNS[1:] if column in partner._fields}
                values["parent_id"] = partner.parent_id.id
                values["company_id"] = partner.company_id.id
                exclude = partner._origin.ids
                found = Duplicate.find_similar(values, exclude_ids=exclude, limit=5)
            partner.dedup_candidate_ids = [match["partner"].id for match in found]
            partner.dedup_candidate_info = self._dedup_candidate_html(found) if found else False

    def _dedup_candidate_html(self, found):
        rows = Markup("").join(
            Markup("<li><b>%s</b> (%s): %s</li>") % (match["partner"].display_name, match["score"], match["reasons"])
            for match in found
        )
        title = escape(self.env._("This client may already be in the base:"))
        return Markup("<p>%s</p><ul>%s</ul>") % (title, rows)

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
        threshold = self.env["crm.client.duplicate"]._import_threshold()
        simple = {name: index for index, name in enumerate(fields) if name in IMPORT_MATCH_FIELDS}
        values_list = [{name: row[index] for name, index in simple.items() if index < len(row)} for row in data]
        # Rows without a name are left to Odoo (which refuses or ignores them).
        named = [index for index, values in enumerate(values_list) if values.get("name")]
        matches = dict.fromkeys(range(len(data)))
        found = self.env["crm.client.duplicate"].match_values([values_list[i] for i in named], threshold)
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
