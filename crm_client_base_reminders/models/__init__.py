# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from . import (
    crm_client_cadence,
    crm_client_holiday,
    crm_client_reminder,
    crm_client_reminder_engine,
    crm_client_reminder_log,
    mail_activity_type,
    res_company,
    res_config_settings,
    res_partner,
)
