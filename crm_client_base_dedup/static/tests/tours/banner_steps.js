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
