# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""``odoo partner_indexes -d DB [--create]``: report, and optionally create, the missing indexes
on foreign keys to res_partner that make partner merges slow."""

import argparse
import sys

from odoo.cli.command import Command
from odoo.modules.registry import Registry
from odoo.tools import config

# Loaded as odoo.cli.partner_indexes, outside the addon's package: no relative import.
from odoo.addons.crm_client_base_dedup.tools import catalogue  # pylint: disable=odoo-addons-relative-import


class PartnerIndexes(Command):
    """Report (and with --create, create) missing indexes on foreign keys to res_partner."""

    name = "partner_indexes"

    def run(self, cmdargs):
        parser = argparse.ArgumentParser(prog=self.prog, description=self.__doc__)
        parser.add_argument("-c", "--config", help="Odoo configuration file")
        parser.add_argument("-d", "--database", required=True)
        parser.add_argument("--create", action="store_true", help="create the missing indexes")
        args = parser.parse_args(cmdargs)
        config.parse_config(["-c", args.config] if args.config else [], setup_logging=True)
        with Registry(args.database).cursor() as cr:
            missing = catalogue.missing_indexes(cr)
            for table, column in missing:
                sys.stdout.write(f"missing: {table}.{column}" + "\n")
            if args.create:
                catalogue.create_missing_indexes(cr)
                sys.stdout.write(f"created {len(missing)} indexes" + "\n")
            else:
                sys.stdout.write(f"{len(missing)} foreign keys to res_partner without an index" + "\n")
        sys.exit(0)
