//! Generates one permission per app command, so the capability can grant exactly these.

const COMMANDS: &[&str] = &[
    "app_state",
    "set_ui_language",
    "get_profile",
    "save_profile",
    "set_logo",
    "remove_logo",
    "list_clients",
    "get_client",
    "create_client",
    "update_client",
    "set_client_archived",
    "list_invoices",
    "get_invoice",
    "preview_invoice",
    "create_invoice",
    "update_invoice",
    "delete_invoice",
    "issue_invoice",
    "duplicate_invoice",
    "credit_invoice",
    "add_payment",
    "open_invoice_pdf",
    "save_invoice_pdf",
    "print_invoice_pdf",
    "get_invoice_settings",
    "save_invoice_settings",
    "list_interest_rates",
    "add_interest_rate",
    "remove_interest_rate",
    "today_overview",
    "get_follow_up_policy",
    "save_follow_up_policy",
    "produce_letter",
    "record_contact",
    "skip_step",
    "get_dossier",
    "open_dispute",
    "resolve_dispute",
    "open_letter_pdf",
    "save_letter_pdf",
    "print_letter_pdf",
    "export_dossier",
    "preview_arrangement",
    "create_arrangement",
    "get_arrangement",
    "list_arrangements",
    "add_arrangement_payment",
    "record_instalment_contact",
    "produce_instalment_reminder",
    "open_arrangement_pdf",
    "print_arrangement_pdf",
    "mark_ready",
];

fn main() {
    let manifest = tauri_build::AppManifest::new().commands(COMMANDS);
    if let Err(err) = tauri_build::try_build(tauri_build::Attributes::new().app_manifest(manifest))
    {
        println!("cargo::error=tauri-build failed: {err:#}");
    }
}
