# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from . import test_activity_types, test_reminder_tour, test_reminders
