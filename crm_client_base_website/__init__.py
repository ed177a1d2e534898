# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from . import controllers, models


def uninstall_hook(env):
    """Keep the channel Website: the clients who came through the form keep their channel."""
    env["ir.model.data"].search(
        [("module", "=", "crm_client_base_website"), ("name", "=", "utm_source_website")]
    ).unlink()
