# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Client Base: Duplicates",
    "summary": "Fuzzy duplicate detection, review queue and a merge that loses nothing",
    "version": "19.0.1.0.0",
    "category": "Sales/CRM",
    "author": "crm_client_base developers",
    "license": "AGPL-3",
    "depends": ["crm_client_base"],
    "data": [
        "security/ir.model.access.csv",
        "security/crm_client_duplicate_security.xml",
        "views/crm_client_duplicate_views.xml",
    ],
}
