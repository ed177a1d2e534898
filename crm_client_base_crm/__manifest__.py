# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Client Base: CRM bridge",
    "summary": "Salespeople open their leads whatever client the lead is about",
    "version": "19.0.1.1.0",
    "category": "Sales/CRM",
    "author": "crm_client_base developers",
    "license": "AGPL-3",
    "depends": ["crm_client_base", "crm"],
    "auto_install": True,
}
