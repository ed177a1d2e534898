/** License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import { registry } from "@web/core/registry";
import { patientSteps } from "@crm_client_base/../tests/tours/patient_steps";

// A new import: the template downloads before any file is chosen (no "missing fields" dialog).
registry.category("web_tour.tours").add("crm_client_base_import_template_first", {
    steps: () => patientSteps([
        {
            trigger: ".o_form_view a.o_template_xlsx",
            async run() {
                for (const link of document.querySelectorAll("a.o_template_xlsx, a.o_template_csv")) {
                    const response = await fetch(link.getAttribute("href"));
                    if (response.status !== 200) {
                        throw new Error(`${link.getAttribute("href")} answered ${response.status}`);
                    }
                }
                if (document.querySelector(".o_error_dialog, .o_dialog .modal-body")) {
                    throw new Error("a dialog was shown");
                }
            },
        },
    ]),
});

// A line with a Telegram handle is a new client, not a refused formula.
registry.category("web_tour.tours").add("crm_client_base_import_telegram", {
    steps: () => patientSteps([
        {
            trigger: ".o_form_view .o_statusbar_buttons button[name=action_preview]",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=line_ids] .o_data_row:contains(ООО «Телеграм»):contains(Новый клиент)",
        },
        {
            trigger: ".o_form_view .o_statusbar_buttons button[name=action_import]",
            run: "click",
        },
        {
            trigger: ".modal-footer .btn-primary",
            run: "click",
        },
        {
            trigger: ".o_form_view .o_field_widget[name=summary]:contains(Создано клиентов: 1)",
        },
    ]),
});
