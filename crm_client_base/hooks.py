# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import logging

import psycopg2

from odoo.service import server
from odoo.tools import SQL
from odoo.tools.sql import column_exists, create_column

_logger = logging.getLogger(__name__)


def fill_client_owner(cr):
    """Create and fill the stored owner and team of every partner's client with one UPDATE
    (on install, and on upgrade from a version without them)."""
    for column in ("client_owner_id", "client_team_id"):
        if not column_exists(cr, "res_partner", column):
            create_column(cr, "res_partner", column, "int4")
    team = SQL("c.team_id") if column_exists(cr, "res_partner", "team_id") else SQL("NULL")
    cr.execute(
        SQL(
            "UPDATE res_partner p SET client_owner_id = c.user_id, client_team_id = %s"
            " FROM res_partner c WHERE c.id = p.commercial_partner_id",
            team,
        )
    )


def pre_init_hook(env):
    """Fill the new stored columns of res_partner in one SQL statement each.

    Left to the ORM, a stored computed field is computed partner by partner on install, and a
    tracked one posts a tracking message on every partner: slow at 100k clients and noise in
    every chatter.
    """
    cr = env.cr
    fill_client_owner(cr)
    if not column_exists(cr, "res_partner", "client_type"):
        create_column(cr, "res_partner", "client_type", "varchar")
        cr.execute(
            SQL("UPDATE res_partner SET client_type = CASE WHEN is_company THEN 'company' ELSE 'private_person' END")
        )


def post_init_hook(env):
    """Put existing clients at a lifecycle stage: those with a posted customer invoice are
    active, the others prospects. Contacts of a company have no stage of their own."""
    active = env.ref("crm_client_base.stage_active")
    prospect = env.ref("crm_client_base.stage_prospect")
    env.cr.execute(
        SQL(
            """
            UPDATE res_partner p
               SET client_stage_id = CASE WHEN EXISTS (
                       SELECT 1 FROM account_move m
                        WHERE m.commercial_partner_id = p.id
                          AND m.state = 'posted'
                          AND m.move_type IN ('out_invoice', 'out_refund')
                   ) THEN %s ELSE %s END
             WHERE p.parent_id IS NULL AND p.client_stage_id IS NULL
            """,
            active.id,
            prospect.id,
        )
    )
    # Existing clients get their completeness from the cron, in committed batches.
    env["res.partner"]._client_completeness_policy_changed()
    # Their value from the invoices already posted: one aggregate.
    env["crm.client.value"]._refresh()


def post_load():
    """Keep Odoo's production server (``--workers``) up when PostgreSQL restarts.

    When a worker dies because its connection died with PostgreSQL, Odoo's main process respawns
    it after a check that opens a cursor; PostgreSQL still starting makes that check raise, and
    the main process stops the whole server. Here the failed respawn is logged and tried again at
    the next beat (about a second later), until PostgreSQL answers: no one has to restart Odoo.
    Applied once, in every process that loads the module (the main process loads it when it
    preloads the database).
    """
    spawn = server.PreforkServer.process_spawn
    if getattr(spawn, "_client_base_patch", False):
        return

    def process_spawn(self):
        try:
            return spawn(self)
        except psycopg2.OperationalError as error:
            _logger.warning(
                "PostgreSQL does not answer (%s): the workers are respawned once it does.", str(error).strip()
            )
            return None

    process_spawn._client_base_patch = True
    server.PreforkServer.process_spawn = process_spawn
