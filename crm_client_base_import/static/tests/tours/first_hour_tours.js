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

// A file with columns the reader does not know: the salesperson says what one holds, names the
// mapping, checks the file and imports it.
registry.category("web_tour.tours").add("crm_client_base_import_columns", {
    steps: () => patientSteps([
        {
            trigger: ".o_form_view .o_statusbar_buttons button[name=action_preview]",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=column_ids] .o_data_row:contains(Источник):contains(выставка) .o_data_cell[name=target]",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=column_ids] .o_selected_row .o_field_widget[name=target] input",
            run: "click",
        },
        {
            trigger: ".o_select_menu_item:contains(В комментарий)",
            run: "click",
        },
        {
            trigger: ".o_form_view .o_field_widget[name=mapping_name] input",
            run: "edit Таблица отдела",
        },
        {
            trigger: ".o_form_view .o_statusbar_buttons button[name=action_preview]",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=line_ids] .o_data_row:contains(ООО «Колонка»):contains(Новый клиент)",
        },
        {
            trigger: ".o_form_view .o_field_widget[name=file_notes]:contains(Отрасль)",
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
