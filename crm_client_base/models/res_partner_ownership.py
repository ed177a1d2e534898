# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Ownership: the free pool (taking clients, safely under races; handing them back), who
holds a new card, reassignment rights, hand-off by stage, return to the pool."""

from datetime import timedelta

from psycopg2 import errors as pg_errors

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import SQL, mute_logger


class ResPartner(models.Model):
    _inherit = "res.partner"

    @api.model_create_multi
    def create(self, vals_list):
        owner = self._client_new_card_owner()
        if owner:
            for vals in vals_list:
                if not vals.get("parent_id") and "user_id" not in vals:
                    vals["user_id"] = owner.id
        return super().create(vals_list)

    def write(self, vals):
        if "user_id" in vals:
            self._client_check_reassign(vals["user_id"])
        result = super().write(vals)
        if vals.get("client_stage_id"):
            self._client_hand_off()
        return result

    def _client_check_reassign(self, user_id):
        """Only sales managers and "All documents" salespeople give clients to others; a salesperson
        with "Own documents only" takes pool clients for themselves or hands their own back;
        other users (invoicing, accounting) never change who owns a client."""
        if self.env.su or self.env.user.has_group("sales_team.group_sale_salesman_all_leads"):
            return
        new_id = user_id.id if isinstance(user_id, models.BaseModel) else (user_id or False)
        me = self.env.user
        changed = self.filtered(lambda p: p.user_id.id != new_id)
        if not changed:
            return
        if me.has_group("sales_team.group_sale_salesman") and new_id in (me.id, False):
            if all(p.user_id in (me, self.env["res.users"]) for p in changed):
                return
        if all(p.user_id == me for p in changed):
            raise AccessError(
                self.env._(
                    "Only sales managers give clients to another salesperson: hand %(clients)s back to the "
                    "free pool, or ask a sales manager.",
                    clients=", ".join(changed[:5].mapped("display_name")),
                )
            )
        raise AccessError(
            self.env._(
                "Only sales managers reassign clients: %(clients)s belong to another salesperson.",
                # Named only as far as the user may read them.
                clients=", ".join(changed._filtered_access("read")[:5].mapped("display_name"))
                or self.env._("these clients"),
            )
        )

    @api.model
    def default_get(self, fields_list):
        # A form shows the new card's holder from the start (the web client sends every field
        # of the form on save, an empty salesperson included).
        defaults = super().default_get(fields_list)
        if "user_id" in fields_list and not defaults.get("user_id") and not defaults.get("parent_id"):
            owner = self._client_new_card_owner()
            if owner:
                defaults["user_id"] = owner.id
        return defaults

    @api.model
    def _client_new_card_owner(self):
        """Who holds a card a user creates without naming its salesperson: the creator when a
        salesperson and the company says so, else no one (the free pool)."""
        if self.env.su or self.env.company.client_new_card_owner != "creator":
            return self.env["res.users"]
        user = self.env.user
        return user if user.has_group("sales_team.group_sale_salesman") else self.env["res.users"]

    def action_take_from_pool(self):
        """Give the selected free-pool clients to the current user.

        Safe when two salespeople take the same client at the same moment: the row is locked
        without waiting, so exactly one of them gets it and the other a clear message.
        """
        me = self.env.user
        company = self.env.company
        limit = company.client_limit_per_salesperson
        if limit:
            held = self.search_count([("user_id", "=", me.id), ("parent_id", "=", False)])
            if held + len(self) > limit:
                raise UserError(
                    self.env._(
                        "You already hold %(held)s clients and the limit is %(limit)s: hand some back to "
                        "the pool first.",
                        held=held,
                        limit=limit,
                    )
                )
        # Read as superuser: a colleague's client is answered below, naming its holder only.
        own = self.sudo().filtered(lambda p: not p.partner_share or p.ref_company_ids).with_env(self.env)
        if own:
            raise UserError(
                self.env._(
                    "%(partner)s is a partner of the company itself (a company or a user), not a client of the "
                    "free pool.",
                    partner=own[0].display_name,
                )
            )
        self.flush_recordset(["user_id"])
        # The client may have left this user's sight since the list was loaded (taken by a
        # colleague): the answer names its new holder, and the client only if the user may still
        # read it, so that no id reveals a colleague's client.
        readable = set(self._filtered_access("read").ids)
        for partner in self:
            name = partner.display_name if partner.id in readable else self.env._("This client")
            try:
                # A busy row is an expected answer here, not an error worth logging.
                with self.env.cr.savepoint(flush=False), mute_logger("odoo.sql_db"):
                    self.env.cr.execute(
                        SQL("SELECT user_id FROM res_partner WHERE id = %s FOR UPDATE NOWAIT", partner.id)
                    )
                    row = self.env.cr.fetchone()
            except (pg_errors.LockNotAvailable, pg_errors.SerializationFailure):
                raise UserError(self.env._("Someone is taking %(client)s right now: try again.", client=name)) from None
            if not row:
                raise UserError(self.env._("This client no longer exists."))
            owner_id = row[0]
            if owner_id and owner_id != me.id:
                owner = self.env["res.users"].sudo().browse(owner_id)
                raise UserError(self.env._("%(client)s was just taken by %(owner)s.", client=name, owner=owner.name))
            partner.invalidate_recordset(["user_id"])
        # Free clients only, and only those this user may edit (company rules still hold).
        self.check_access("write")
        self.sudo().write({"user_id": me.id})
        self._client_take_pool_activities(me)
        return True

    def _client_pool_activity_users(self):
        """The users who hold the activities of free-pool clients until someone takes them."""
        return self.env.ref("base.user_root")

    def _client_take_pool_activities(self, user):
        """The open activities of these clients (and their contacts) held for the pool pass to
        ``user``, who took them."""
        activities = (
            self.env["mail.activity"]
            .sudo()
            .search(
                [
                    ("res_model", "=", "res.partner"),
                    ("res_id", "in", self.search([("commercial_partner_id", "in", self.ids)]).ids),
                    "|",
                    ("user_id", "=", False),
                    ("user_id", "in", self._client_pool_activity_users().ids),
                ]
            )
        )
        activities.write({"user_id": user.id})

    def action_release_to_pool(self):
        """Hand one's own clients back to the free pool."""
        self.write({"user_id": False})
        return True

    def _client_hand_off(self):
        """Clients entering a stage that hands off to a team pass to that team."""
        for partner in self.filtered(lambda p: p.client_stage_id.handoff_team_id and not p.parent_id):
            team = partner.client_stage_id.handoff_team_id
            if partner.team_id == team and partner.user_id in team.member_ids | team.user_id:
                continue
            owner = team.user_id or self._client_least_busy(team.member_ids)
            partner.sudo().write({"team_id": team.id, "user_id": owner.id})

    @api.model
    def _client_least_busy(self, users):
        if not users:
            return self.env["res.users"]
        counts = dict(
            self._read_group([("user_id", "in", users.ids), ("parent_id", "=", False)], ["user_id"], ["__count"])
        )
        return min(users, key=lambda user: (counts.get(user, 0), user.id))

    @api.model
    def _cron_return_to_pool(self):
        """Return to the free pool the clients without interaction for the company's number of
        days, and tell each salesperson which clients they lost."""
        for company in self.env["res.company"].search([("client_pool_return_days", ">", 0)]):
            limit = fields.Datetime.now() - timedelta(days=company.client_pool_return_days)
            stale = self.search(
                [
                    ("user_id", "!=", False),
                    ("parent_id", "=", False),
                    ("company_id", "in", (company.id, False)),
                    "|",
                    ("last_contact_date", "<", limit),
                    "&",
                    ("last_contact_date", "=", False),
                    ("create_date", "<", limit),
                ]
            )
            for salesperson, clients in stale.grouped("user_id").items():
                clients.write({"user_id": False})
                clients[:1].message_notify(
                    partner_ids=salesperson.partner_id.ids,
                    subject=self.env._("Clients returned to the free pool"),
                    body=self.env._(
                        "No interaction for %(days)s days: %(clients)s went back to the free pool.",
                        days=company.client_pool_return_days,
                        clients=", ".join(clients.mapped("display_name")),
                    ),
                )
