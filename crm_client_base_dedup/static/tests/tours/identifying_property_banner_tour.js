/** License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_utils";
import { patientSteps } from "@crm_client_base/../tests/tours/patient_steps";
import { bannerShowsNothingOf } from "@crm_client_base_dedup/../tests/tours/banner_steps";

// A salesperson types a new company card with the client number (a card property chosen as
// identifying the client) of a colleague's client, written another way: the banner says the
// client exists, who holds it and why, and shows nothing else of it.
registry.category("web_tour.tours").add("crm_client_base_dedup_identifying_property_banner", {
    url: "/odoo/action-crm_client_base.res_partner_action",
    steps: () => patientSteps([
        {
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=name] input",
            run: "edit ООО «Новая вывеска»",
        },
        {
            trigger: ".o_field_widget[name=client_type] .o_select_menu_toggler",
            run: "click",
        },
        {
            // The test user works in Russian, as our users do.
            trigger: ".o_select_menu_item:contains(Компания)",
            run: "click",
        },
        {
            trigger: ".o_client_card_properties .o_property_field:contains(Код 1С) .o_property_field_value input",
            run: "edit к 0042",
        },
        {
            // Leaving the field sends the change to the server, as a user moving on does.
            trigger: ".o_field_widget[name=phone] input",
            run: "click",
        },
        {
            trigger: ".o_dedup_candidates:contains(Борис Петров):contains(тот же номер клиента)",
        },
        bannerShowsNothingOf(["Альфа"]),
        ...stepUtils.discardForm(),
    ]),
});
