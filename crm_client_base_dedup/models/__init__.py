# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from . import (
    crm_client_card,
    crm_client_duplicate,
    crm_client_duplicate_dismissal,
    crm_client_duplicate_finder,
    crm_client_duplicate_finder_scan,
    crm_client_merge,
    crm_client_merge_job,
    crm_client_merge_log,
    crm_client_merge_undo,
    res_company,
    res_config_settings,
    res_partner,
)
