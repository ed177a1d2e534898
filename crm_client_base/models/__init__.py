# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
# The visibility mixin first: the suite's models that carry a client's data inherit it.
from . import crm_client_visibility_mixin  # isort: skip
from . import (
    account_move,
    base,
    crm_client_card,
    crm_client_channel_report,
    crm_client_completeness_rule,
    crm_client_completeness_snapshot,
    crm_client_consent,
    crm_client_consent_purpose,
    crm_client_export_log,
    crm_client_family_member,
    crm_client_forget_log,
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
    format_vat_label_mixin,
    ir_rule,
    mail_activity,
    res_company,
    res_config_settings,
    utm_campaign,
)

# The partner, one concern per file. Each file's create and write wrap those of the files
# imported before it: the card (default stage) and the identifiers closest to Odoo, then the
# standards, which write the partners of one country together (what comes before them runs once
# per country), then the boundary and ownership (reassignment checked before anything is
# written), completeness (computed once, after everything is stored) and the rest.
from . import res_partner  # isort: skip
from . import res_partner_identifiers  # isort: skip
from . import res_partner_standards  # isort: skip
from . import res_partner_access  # isort: skip
from . import res_partner_ownership  # isort: skip
from . import res_partner_completeness  # isort: skip
from . import res_partner_hygiene  # isort: skip
from . import res_partner_interactions  # isort: skip
from . import res_partner_value  # isort: skip
from . import res_partner_card  # isort: skip
from . import res_partner_consent  # isort: skip
from . import res_partner_personal_data  # isort: skip
from . import res_partner_forget  # isort: skip
