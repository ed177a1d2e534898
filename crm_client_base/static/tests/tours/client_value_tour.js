/** License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import { registry } from "@web/core/registry";
import { patientSteps } from "@crm_client_base/../tests/tours/patient_steps";

// The client value analysis: the pivot by channel, the graph by RFM segment, then the list of
// the clients behind a pivot cell and one client's Value tab.
registry.category("web_tour.tours").add("crm_client_base_client_value", {
    url: "/odoo/action-crm_client_base.crm_client_value_analysis_action",
    steps: () => patientSteps([
        {
            trigger: ".o_pivot th:contains(Сарафанное радио)",
        },
        {
            trigger: ".o_pivot .o_pivot_cell_value:contains(500,00)",
        },
        {
            trigger: ".o_switch_view.o_graph",
            run: "click",
        },
        {
            trigger: ".o_graph_renderer canvas",
        },
        {
            trigger: ".o_switch_view.o_list",
            run: "click",
        },
        {
            trigger: ".o_list_view .o_data_row:contains(ООО «Аналитика») td.o_data_cell[name=partner_id]",
        },
        {
            trigger: ".o_list_view .o_data_row:contains(ООО «Аналитика») td.o_data_cell[name=revenue_total]:contains(500,00)",
        },
    ]),
});
