# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from . import (
    crm_client_completeness_rule,
    crm_client_completeness_snapshot,
    crm_client_export_log,
    crm_client_family_member,
    crm_client_hobby,
    crm_client_interaction,
    crm_client_retention_batch,
    crm_client_role,
    crm_client_stage,
    crm_client_weekday,
    crm_team,
    mail_activity,
    res_company,
    res_config_settings,
    res_partner,
)
