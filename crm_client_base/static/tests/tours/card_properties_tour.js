/** License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import { registry } from "@web/core/registry";
import { patientSteps } from "@crm_client_base/../tests/tours/patient_steps";

// A sales manager adds a field to the company card, without programming, and fills it in on a
// client's card: "Add Property" in the card's block.
registry.category("web_tour.tours").add("crm_client_base_card_properties", {
    steps: () => patientSteps([
        {
            trigger: ".o_form_view .o_client_card_properties",
        },
        {
            trigger: ".o_client_card_properties .o_field_property_add button",
            run: "click",
        },
        {
            trigger: ".o_property_field_popover .o_field_property_definition_header",
            run: "edit Sector",
        },
        {
            // Closed by a click outside it.
            trigger: ".o_form_view .o_form_sheet_bg",
            run: "click",
        },
        {
            trigger: "body:not(:has(.o_property_field_popover))",
        },
        {
            trigger: ".o_client_card_properties .o_property_field:contains(Sector) .o_property_field_value input",
            run: "edit retail",
        },
        {
            trigger: ".o_form_button_save:enabled",
            run: "click",
        },
        {
            trigger: ".o_form_readonly, .o_form_saved",
        },
    ]),
});
