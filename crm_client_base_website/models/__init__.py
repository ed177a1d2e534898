# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from . import (
    crm_client_website_attempt,
    crm_client_website_form,
    crm_client_website_spam,
    res_config_settings,
    website,
)
