# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Card properties' values, as the completeness, the merge and the import read them."""


def empty_value(value):
    """True for a property value that says nothing: none, False, an empty text or list (0 is a value)."""
    return value is None or value is False or value == "" or value == []
