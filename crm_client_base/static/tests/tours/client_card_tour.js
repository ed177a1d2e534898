/** License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_utils";
import { patientSteps } from "@crm_client_base/../tests/tours/patient_steps";

// Opens Contacts > Clients, creates a client and sets its client type.
registry.category("web_tour.tours").add("crm_client_base_client_card", {
    url: "/odoo/action-crm_client_base.res_partner_action",
    steps: () => patientSteps([
        {
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=name] input",
            run: "edit ИП Тестов Тест Тестович",
        },
        {
            trigger: ".o_field_widget[name=client_type] .o_select_menu_toggler",
            run: "click",
        },
        {
            // The test user works in Russian, as our users do.
            trigger: ".o_select_menu_item:contains(Индивидуальный предприниматель)",
            run: "click",
        },
        ...stepUtils.saveForm(),
        {
            trigger: ".breadcrumb-item a:contains(Клиенты)",
            run: "click",
        },
        {
            trigger: ".o_data_row:contains(ИП Тестов Тест Тестович):contains(Индивидуальный)",
        },
    ]),
});
