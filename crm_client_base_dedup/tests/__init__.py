# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from . import (
    test_boundary,
    test_hidden_banner_tour,
    test_identifying_property,
    test_matching,
    test_merge,
    test_merge_properties,
    test_merge_tour,
    test_merge_undo,
    test_scan,
)
