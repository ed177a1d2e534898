/** License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */

/**
 * The closing check of a banner tour, once the banner is shown: no error dialog, and none of
 * ``secrets`` (what the salesperson may not read of the client found) in the banner.
 */
export function bannerShowsNothingOf(secrets) {
    return {
        trigger: ".o_dedup_candidates",
        run() {
            if (document.querySelector(".o_error_dialog")) {
                throw new Error("an error dialog was shown");
            }
            const text = this.anchor.textContent;
            for (const secret of secrets) {
                if (text.includes(secret)) {
                    throw new Error(`the banner shows the hidden client's data (${secret}): ${text}`);
                }
            }
        },
    };
}

/**
 * The opening of a banner tour: a new card from the client list, made a private person's.
 */
export function newPrivateCardSteps() {
    return [
        {
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=company_type] input[data-value=person]",
            run: "click",
        },
        {
            // The server has made it a private person's card: its personal data shows.
            trigger: ".o_notebook a.nav-link[name=client_personal_data]",
        },
    ];
}
