# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Completeness: the score and the missing requirements of each client by its type's policy,
stored on every change of a field a requirement reads, recomputed in batches after a policy
change, and the activities asking salespeople to complete their cards."""

import json
import logging
from contextlib import contextmanager

from psycopg2 import errors as pg_errors

from odoo import api, fields, models
from odoo.tools import SQL, mute_logger

from ..tools.cron import cron_progress
from ..tools.properties import empty_value

_logger = logging.getLogger(__name__)

COMPLETENESS_VERSION = "crm_client_base.completeness_version"
# Batches in a row a cron run takes again after a concurrent write before it gives up until its
# next run (the clients left stay pending).
SERIALIZATION_RETRIES = 20
# What decides which policy applies to a partner, and whether it is a client or a key person.
# Key in the cursor cache of the partners whose completeness a running create computes at its end.
COMPLETENESS_DEFERRED = "crm_client_completeness_deferred"
COMPLETENESS_STRUCTURE = ("client_type", "parent_id", "active", "is_company", "type")


class ResPartner(models.Model):
    _inherit = "res.partner"

    client_completeness = fields.Integer(
        "Completeness",
        readonly=True,
        copy=False,
        index=True,
        aggregator="avg",
        help="How complete the card is, 0 to 100, by the completeness policy of its client type.",
    )
    client_missing_fields = fields.Text("Missing", readonly=True, copy=False, translate=True)
    client_completeness_version = fields.Integer(readonly=True, copy=False, index=True)
    client_missing_rule_ids = fields.Many2many(
        "crm.client.completeness.rule",
        "res_partner_client_missing_rule_rel",
        "partner_id",
        "rule_id",
        string="Missing requirements",
        readonly=True,
        copy=False,
    )
    # The same, one record per requirement whatever the client type: what the control groups by.
    client_missing_requirement_ids = fields.Many2many(
        "crm.client.requirement",
        "res_partner_client_missing_requirement_rel",
        "partner_id",
        "requirement_id",
        string="Missing, by requirement",
        readonly=True,
        copy=False,
    )
    client_incomplete = fields.Integer(
        "Below threshold",
        readonly=True,
        copy=False,
        aggregator="sum",
        help="1 when the completeness is below the company's threshold: summed, the number of incomplete clients.",
    )

    @api.model
    def _client_completeness_checks(self):
        """{requirement: (fields, predicate)}: how each requirement of the completeness policy is
        met, ``predicate(partner, has_key_person)``, and the card fields it reads, whose change
        recomputes the score. A requirement of your own: extend this and add its
        crm.client.requirement record."""

        def filled(*names):
            return names, lambda partner, _key_person: any(partner[name] for name in names)

        phone = ("phone", "mobile", "phone_absent", "mobile_absent")
        return {
            "phone": filled(*phone),
            "phone_or_email": filled(*phone, "email", "email_absent"),
            "email": filled("email", "email_absent"),
            "vat": filled("vat", "vat_absent"),
            "kpp": filled("kpp"),
            "ogrn": filled("ogrn"),
            "address": (("street", "city"), lambda partner, _key_person: bool(partner.street and partner.city)),
            # Key people are contacts: their creation, type and archiving recompute their company.
            "key_person": ((), lambda _partner, key_person: key_person),
            "birthday": filled("birthday", "birthday_absent"),
            "website": filled("website", "website_absent"),
            "salesperson": filled("user_id"),
            "source": filled("source_id"),
            "preferred_channel": filled("preferred_channel"),
            "call_window": filled("call_time_from", "call_time_to", "call_weekday_ids"),
            # Which property: the rule's (see _client_rule_met); met when the property has a value.
            "property": (
                ("client_properties", "client_type"),
                lambda partner, _key_person, name=None: not empty_value(partner._client_property_values().get(name)),
            ),
        }

    @api.model
    def _client_rule_met(self, checks, rule, partner, key_person):
        """True when ``partner`` meets the completeness ``rule``."""
        predicate = checks[rule.requirement][1]
        if rule.requirement == "property":
            return predicate(partner, key_person, name=rule.property_name)
        return predicate(partner, key_person)

    @api.model
    def _client_completeness_fields(self):
        """The fields whose change can change a client's completeness: those the requirements
        read, and those deciding which policy applies and who is a key person of whom."""
        names = set(COMPLETENESS_STRUCTURE)
        for fields_read, _predicate in self._client_completeness_checks().values():
            names.update(fields_read)
        return names

    @contextmanager
    def _client_completeness_deferred(self):
        """Within this block, writes only note the partners whose completeness may change; it
        is computed once for them all at the end (one query per batch, not per write). Yields
        a list that receives the records created inside, to be computed with the others."""
        deferred = self.env.cr.cache.setdefault(COMPLETENESS_DEFERRED, [])
        deferred.append(set())
        created = []
        try:
            yield created
        finally:
            noted = deferred.pop()
        partners = self.browse().union(*created)
        others = self.browse(noted) - partners
        if deferred:
            deferred[-1].update(partners.ids, partners.parent_id.ids, others.ids)
        else:
            (partners.exists() | partners.parent_id | others.exists())._client_compute_completeness()

    def _client_forget_pending(self):
        """After rolling back a ``savepoint(flush=False)``: drop the ORM's caches and the changes
        and computations still pending (they belonged to the work undone), as Odoo's flushing
        savepoint does, but keep the precommit hooks of the work done before it (its tracking)
        and the partners noted for a deferred completeness computation."""
        deferred = self.env.cr.cache.get(COMPLETENESS_DEFERRED)
        self.env.transaction.clear()
        if deferred is not None:
            self.env.cr.cache[COMPLETENESS_DEFERRED] = deferred

    @api.model_create_multi
    def create(self, vals_list):
        # Odoo's create writes each new contact again (the commercial fields synced from its
        # company): those writes only note the partners, computed once here for the batch.
        with self._client_completeness_deferred() as created:
            partners = super().create(vals_list)
            created.append(partners)
        return partners

    def write(self, vals):
        result = super().write(vals)
        if not self._client_completeness_fields().isdisjoint(vals):
            deferred = self.env.cr.cache.get(COMPLETENESS_DEFERRED)
            if deferred:
                deferred[-1].update(self.ids, self.parent_id.ids)
            else:
                (self | self.parent_id)._client_compute_completeness()
        return result

    def _client_compute_completeness(self):
        """Store the completeness score and the missing requirements (in every installed
        language) of the clients among ``self``, in one UPDATE per batch."""
        clients = self.filtered(lambda p: p.id and not p.parent_id)
        if not clients:
            return
        version = int(self.env["ir.config_parameter"].sudo().get_param(COMPLETENESS_VERSION, 0))
        rules = self.env["crm.client.completeness.rule"].sudo().search([("active", "=", True)])
        by_type = rules.grouped("client_type")
        # en_US is what Odoo falls back on when a language has no value of its own.
        langs = list(dict.fromkeys(["en_US", *(code for code, _name in self.env["res.lang"].get_installed())]))
        labels = {rule: {lang: rule.with_context(lang=lang).name for lang in langs} for rule in rules}
        with_people = {
            parent.id
            for parent, _count in self.sudo()._read_group(
                [("parent_id", "in", clients.ids), ("type", "=", "contact")], ["parent_id"], ["__count"]
            )
        }
        checks = self._client_completeness_checks()
        rows = []
        for partner in clients.sudo():
            applicable = by_type.get(partner.client_type, rules.browse())
            total = sum(applicable.mapped("weight"))
            missing = applicable.filtered(
                lambda r, p=partner: not self._client_rule_met(checks, r, p, p.id in with_people)
            )
            score = round(100 * (total - sum(missing.mapped("weight"))) / total) if total else 100
            text = {lang: ", ".join(labels[rule][lang] for rule in missing) for lang in langs} if missing else None
            threshold = (partner.company_id or self.env.company).client_completeness_threshold
            rows.append((partner.id, score, json.dumps(text) if text else None, int(score < threshold), missing.ids))
        self.env.execute_query(
            SQL(
                """
                UPDATE res_partner p
                   SET client_completeness = v.score,
                       client_missing_fields = v.missing::jsonb,
                       client_incomplete = v.incomplete,
                       client_completeness_version = %s
                  FROM (SELECT unnest(%s::int[]) AS id, unnest(%s::int[]) AS score, unnest(%s::text[]) AS missing,
                               unnest(%s::int[]) AS incomplete) v
                 WHERE p.id = v.id
                """,
                version,
                [row[0] for row in rows],
                [row[1] for row in rows],
                [row[2] for row in rows],
                [row[3] for row in rows],
            )
        )
        requirement_of = {
            (requirement.code, requirement.property_name or False): requirement.id
            for requirement in self.env["crm.client.requirement"]
            .sudo()
            .search([("code", "in", rules.mapped("requirement"))])
        }
        code_of = {rule.id: rule._requirement_key() for rule in rules}
        ids = [row[0] for row in rows]
        for table, column, pairs in (
            (
                "res_partner_client_missing_rule_rel",
                "rule_id",
                {(row[0], rule_id) for row in rows for rule_id in row[4]},
            ),
            (
                "res_partner_client_missing_requirement_rel",
                "requirement_id",
                {
                    (row[0], requirement_of[code_of[rule_id]])
                    for row in rows
                    for rule_id in row[4]
                    if code_of[rule_id] in requirement_of
                },
            ),
        ):
            self.env.execute_query(SQL("DELETE FROM %s WHERE partner_id = ANY(%s)", SQL.identifier(table), ids))
            if pairs:
                self.env.execute_query(
                    SQL(
                        "INSERT INTO %s (partner_id, %s) SELECT unnest(%s::int[]), unnest(%s::int[])",
                        SQL.identifier(table),
                        SQL.identifier(column),
                        [pair[0] for pair in pairs],
                        [pair[1] for pair in pairs],
                    )
                )
        clients.invalidate_recordset(
            [
                "client_completeness",
                "client_missing_fields",
                "client_completeness_version",
                "client_incomplete",
                "client_missing_rule_ids",
                "client_missing_requirement_ids",
            ]
        )

    def action_client_request_completion(self):
        """Give each salesperson one activity per incomplete client among ``self``, listing what
        is missing; a client that already has such an open activity gets no second one."""
        activity_type = self.env.ref("crm_client_base.mail_activity_type_client_complete")
        incomplete = self.filtered(lambda p: not p.parent_id and p.client_incomplete and p.user_id)
        if not incomplete:
            return 0
        already = {
            activity.res_id
            for activity in self.env["mail.activity"]
            .sudo()
            .search(
                [
                    ("res_model", "=", "res.partner"),
                    ("res_id", "in", incomplete.ids),
                    ("activity_type_id", "=", activity_type.id),
                ]
            )
        }
        todo = incomplete.filtered(lambda p: p.id not in already)
        model_id = self.env["ir.model"]._get_id("res.partner")
        self.env["mail.activity"].sudo().create(
            [
                {
                    "res_model_id": model_id,
                    "res_id": partner.id,
                    "activity_type_id": activity_type.id,
                    "user_id": partner.user_id.id,
                    "summary": activity_type.with_context(lang=partner.user_id.lang).summary,
                    "note": partner.with_context(lang=partner.user_id.lang).client_missing_fields,
                }
                for partner in todo
            ]
        )
        return len(todo)

    @api.model
    def _cron_client_request_completion(self):
        incomplete = self.search([("parent_id", "=", False), ("client_incomplete", "=", 1), ("user_id", "!=", False)])
        incomplete.action_client_request_completion()

    @api.model
    def _client_completeness_policy_changed(self):
        """A new policy: every client is recomputed in the background, in batches."""
        params = self.env["ir.config_parameter"].sudo()
        params.set_param(COMPLETENESS_VERSION, int(params.get_param(COMPLETENESS_VERSION, 0)) + 1)
        cron = self.env.ref("crm_client_base.ir_cron_client_completeness", raise_if_not_found=False)
        if cron:
            cron.sudo()._trigger()

    @api.model
    def _client_completeness_pending_domain(self):
        version = int(self.env["ir.config_parameter"].sudo().get_param(COMPLETENESS_VERSION, 0))
        return [("parent_id", "=", False), ("client_completeness_version", "<", version)]

    @api.model
    def _cron_client_completeness(self, batch=1000):
        """Recompute the clients computed under an older policy, batch by batch; each batch is
        committed on its own, so the partner rows stay locked for a moment only. A batch that
        meets a salesperson's write (a serialization failure) is taken again in a transaction of
        its own: the cron goes on under load instead of failing."""
        Partner = self.with_context(active_test=False).sudo()
        in_cron = bool(self.env.context.get("ir_cron_progress_id"))
        conflicts = 0
        while True:
            todo = Partner.search(self._client_completeness_pending_domain(), limit=batch, order="id")
            if not todo:
                return
            try:
                # The conflict is expected and handled here: not a bad query worth logging.
                with self.env.cr.savepoint(), mute_logger("odoo.sql_db"):
                    todo._client_compute_completeness()
            except pg_errors.SerializationFailure:
                # Outside a cron the caller owns the transaction: its snapshot cannot move on.
                conflicts += 1
                if not in_cron or conflicts > SERIALIZATION_RETRIES:
                    raise
                _logger.info("completeness: batch met a concurrent write, taken again (%s)", conflicts)
                cron_progress(self.env, 0)
                continue
            conflicts = 0
            if not in_cron:
                continue
            remaining = Partner.search_count(self._client_completeness_pending_domain())
            if not cron_progress(self.env, len(todo), remaining=remaining):
                return
