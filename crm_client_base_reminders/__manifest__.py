# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Client Base: Reminders",
    "summary": "Follow-ups, birthdays, holidays and custom reminders as activities",
    "version": "19.0.1.0.0",
    "category": "Sales/CRM",
    "author": "crm_client_base developers",
    "license": "AGPL-3",
    "depends": ["crm_client_base"],
    "data": [
        "data/mail_activity_type_data.xml",
    ],
}
