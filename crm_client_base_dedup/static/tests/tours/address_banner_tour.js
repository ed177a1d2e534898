/** License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_utils";
import { patientSteps } from "@crm_client_base/../tests/tours/patient_steps";
import { bannerShowsNothingOf, newPrivateCardSteps } from "@crm_client_base_dedup/../tests/tours/banner_steps";

// A salesperson types a private client with the patronymic and the surname first, at the address
// of a colleague's client written with neither: the banner says the client exists and who holds
// it, and nothing of the client's phone, mailbox or birthday.
registry.category("web_tour.tours").add("crm_client_base_dedup_address_banner", {
    url: "/odoo/action-crm_client_base.res_partner_action",
    steps: () => patientSteps([
        ...newPrivateCardSteps(),
        {
            trigger: ".o_field_widget[name=name] input",
            run: "edit Воронцова Ксения Константиновна",
        },
        {
            trigger: ".o_field_widget[name=street] input",
            run: "edit улица Лесная, 173, кв. 8",
        },
        {
            trigger: ".o_field_widget[name=city] input",
            run: "edit Москва",
        },
        {
            // Leaving the field sends the change to the server, as a user moving on does.
            trigger: ".o_field_widget[name=email] input",
            run: "click",
        },
        {
            trigger: ".o_dedup_candidates:contains(Борис Петров):contains(уже есть в базе):contains(та же улица)",
        },
        bannerShowsNothingOf(["Ксения Воронцова", "936", "voroncova@", "1991"]),
        ...stepUtils.discardForm(),
    ]),
});
