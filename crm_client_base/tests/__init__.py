# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from . import (
    test_access,
    test_card_properties,
    test_client_card_tour,
    test_client_type,
    test_client_value,
    test_completeness,
    test_consent,
    test_forget,
    test_history,
    test_interaction,
    test_module_page,
    test_personal_data,
    test_pool_concurrency,
    test_standards,
    test_visibility,
)
