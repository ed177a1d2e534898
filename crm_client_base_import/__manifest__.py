# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Client Base: Import",
    "summary": "Client lists from Excel, CSV and vCard: template, dry run, matching, all-or-nothing import",
    "version": "19.0.1.6.2",
    "category": "Sales/CRM",
    "author": "crm_client_base developers",
    "license": "AGPL-3",
    "depends": ["crm_client_base_dedup", "base_import"],
    "external_dependencies": {"python": ["openpyxl", "vobject"]},
    "data": [
        "security/ir.model.access.csv",
        "security/crm_client_import_security.xml",
        "data/ir_cron.xml",
        "views/crm_client_import_views.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "crm_client_base_import/static/tests/tours/**/*",
        ],
    },
}
