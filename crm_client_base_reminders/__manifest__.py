# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Client Base: Reminders",
    "summary": "Follow-ups, birthdays, holidays and custom reminders as activities",
    "version": "19.0.1.3.1",
    "category": "Sales/CRM",
    "author": "crm_client_base developers",
    "license": "AGPL-3",
    "depends": ["crm_client_base", "resource"],
    "post_init_hook": "post_init_hook",
    "data": [
        "security/ir.model.access.csv",
        "security/crm_client_reminder_security.xml",
        "data/mail_activity_type_data.xml",
        "data/crm_client_holiday_data.xml",
        "data/mail_template_data.xml",
        "data/ir_cron_data.xml",
        "views/crm_client_reminder_views.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "crm_client_base_reminders/static/tests/tours/**/*",
        ],
    },
}
