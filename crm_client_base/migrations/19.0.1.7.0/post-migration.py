# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""19.0.1.7.0: each client's missing requirements, one per check whatever the client type, from
its missing rules (the requirement records are loaded by now)."""

from odoo.tools import SQL


def migrate(cr, version):
    cr.execute(
        SQL(
            """
            INSERT INTO res_partner_client_missing_requirement_rel (partner_id, requirement_id)
            SELECT DISTINCT rel.partner_id, requirement.id
              FROM res_partner_client_missing_rule_rel rel
              JOIN crm_client_completeness_rule rule ON rule.id = rel.rule_id
              JOIN crm_client_requirement requirement ON requirement.code = rule.requirement
            ON CONFLICT DO NOTHING
            """
        )
    )
