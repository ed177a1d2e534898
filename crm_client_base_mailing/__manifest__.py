# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Client Base: Email Marketing bridge",
    "summary": "Mailing contacts in as clients through the import's dry run; mailings follow the consents",
    "version": "19.0.1.1.0",
    "category": "Sales/CRM",
    "author": "crm_client_base developers",
    "license": "AGPL-3",
    "depends": ["crm_client_base_import", "mass_mailing"],
    "data": ["views/crm_client_import_views.xml"],
    "auto_install": True,
}
