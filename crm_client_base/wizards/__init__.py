# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from . import (
    base_partner_merge_automatic_wizard,
    crm_client_assign_wizard,
    crm_client_forget_wizard,
    crm_client_history_wizard,
    crm_client_reassign_wizard,
    crm_client_retention_wizard,
)
