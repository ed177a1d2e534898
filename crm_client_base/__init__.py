# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from . import controllers, models, report, tools, wizards
from .hooks import post_init_hook, post_load, pre_init_hook
