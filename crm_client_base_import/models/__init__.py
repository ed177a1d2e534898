# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
# crm_client_import defines the wizard; _values (reading a line), _properties (card properties
# in a line), _columns (the columns step) and _run (writing the lines) extend it, each one concern.
from . import (
    crm_client_import,
    crm_client_import_column,
    crm_client_import_columns,
    crm_client_import_consent,
    crm_client_import_line,
    crm_client_import_mapping,
    crm_client_import_properties,
    crm_client_import_run,
    crm_client_import_values,
    res_partner,
)
