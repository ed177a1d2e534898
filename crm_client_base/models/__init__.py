# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
# The visibility mixin first: the suite's models that carry a client's data inherit it.
from . import crm_client_visibility_mixin  # isort: skip
from . import (
    account_move,
    base,
    crm_client_channel_report,
    crm_client_completeness_rule,
    crm_client_completeness_snapshot,
    crm_client_export_log,
    crm_client_family_member,
    crm_client_hobby,
    crm_client_interaction,
    crm_client_requirement,
    crm_client_retention_batch,
    crm_client_role,
    crm_client_segment,
    crm_client_stage,
    crm_client_value,
    crm_client_value_analysis,
    crm_client_weekday,
    crm_team,
    ir_rule,
    mail_activity,
    res_company,
    res_config_settings,
    res_partner,
    utm_campaign,
)
