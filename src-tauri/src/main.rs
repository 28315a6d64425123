//! Tijdig's desktop shell. Invariant: no business logic here — each command adapts one
//! `tijdig_app::App` use-case to IPC; errors cross as `{code, message, fields}`.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod bank;
mod commands;
mod data_dir;
mod demo;
mod documents;
mod invoice_import;
mod mail;
mod offers;
mod platform;
mod schedules;
mod signing;
mod test_hooks;

use tauri::Manager;

fn main() {
    platform::prepare_webview();
    let result = tauri::Builder::default()
        .plugin(tauri_plugin_opener::init())
        .plugin(tauri_plugin_dialog::init())
        .setup(|app| {
            let opened = data_dir::resolve(app.handle())
                .and_then(|dir| tijdig_app::App::open(&dir))
                .map(data_dir::apply_fixed_today)
                .map(data_dir::apply_mail_root)
                .inspect(|app| {
                    // Before anything is sent: a message left `sending` was cut off last time.
                    if let Err(e) = app.recover_interrupted_emails() {
                        eprintln!("tijdig: interrupted e-mail: {}", e.message);
                    }
                });
            app.manage(commands::Tijdig::new(opened));
            // The start-up backup runs beside the first screen (it takes the store's lock
            // briefly; at most once an hour).
            let handle = app.handle().clone();
            std::thread::spawn(move || {
                if let Ok(tijdig_app) = handle.state::<commands::Tijdig>().app() {
                    tijdig_app.backup_at_startup();
                    // Periodic invoices and scheduled e-mails: those whose day or moment passed
                    // while Tijdig was closed, then every minute while it is open (each once).
                    loop {
                        if let Err(e) = tijdig_app.make_scheduled_invoices() {
                            eprintln!("tijdig: periodic invoices: {}", e.message);
                        }
                        if let Err(e) = tijdig_app.send_due_emails() {
                            eprintln!("tijdig: scheduled e-mail: {}", e.message);
                        }
                        std::thread::sleep(std::time::Duration::from_secs(60));
                    }
                }
            });
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::app_state,
            commands::set_ui_language,
            commands::get_profile,
            commands::save_profile,
            commands::set_logo,
            commands::remove_logo,
            commands::list_clients,
            commands::get_client,
            commands::create_client,
            commands::update_client,
            commands::set_client_archived,
            commands::list_invoices,
            commands::get_invoice,
            commands::preview_invoice,
            commands::create_invoice,
            commands::update_invoice,
            commands::delete_invoice,
            commands::issue_invoice,
            commands::payment_link_example,
            commands::duplicate_invoice,
            commands::credit_invoice,
            commands::add_payment,
            commands::payment_proposal,
            commands::waive_interest_and_costs,
            commands::get_invoice_settings,
            commands::save_invoice_settings,
            documents::open_invoice_pdf,
            documents::save_invoice_pdf,
            documents::save_invoice_ubl,
            commands::list_interest_rates,
            commands::add_interest_rate,
            commands::remove_interest_rate,
            commands::today_overview,
            commands::get_follow_up_policy,
            commands::save_follow_up_policy,
            commands::produce_letter,
            commands::record_contact,
            commands::skip_step,
            commands::get_dossier,
            commands::open_dispute,
            commands::resolve_dispute,
            documents::open_letter_pdf,
            documents::save_letter_pdf,
            documents::export_dossier,
            commands::preview_arrangement,
            commands::create_arrangement,
            commands::get_arrangement,
            commands::list_arrangements,
            commands::add_arrangement_payment,
            commands::record_instalment_contact,
            commands::produce_instalment_reminder,
            documents::open_arrangement_pdf,
            documents::list_printers,
            documents::print_document,
            documents::todays_letters,
            documents::print_todays_letters,
            commands::get_dashboard,
            commands::get_payment_history,
            documents::open_dashboard_report,
            commands::backup_status,
            commands::make_backup,
            commands::inspect_backup,
            commands::restore_backup,
            documents::choose_backup_folder,
            documents::export_csv,
            documents::export_everything,
            signing::signing_status,
            signing::create_signing_certificate,
            signing::save_signing_certificate,
            signing::check_pdf,
            signing::import_signing_certificate,
            mail::mail_settings,
            mail::save_mail_settings,
            mail::test_mail_connection,
            mail::invoice_email_draft,
            mail::send_invoice_email,
            mail::retry_email,
            mail::confirm_email_sent,
            mail::invoice_emails,
            mail::unsent_emails,
            mail::letter_email_draft,
            mail::send_letter_email,
            mail::send_due_emails,
            mail::mail_templates,
            mail::save_mail_template,
            commands::set_letter_delivered,
            commands::mark_letter_posted,
            bank::import_bank_statement,
            bank::import_bank_csv,
            invoice_import::preview_invoice_import,
            invoice_import::confirm_invoice_import,
            invoice_import::preview_client_import,
            invoice_import::confirm_client_import,
            documents::vat_return,
            documents::vat_return_quarters,
            documents::open_vat_return_pdf,
            documents::export_vat_return,
            documents::message_draft,
            documents::open_message,
            demo::open_example_data,
            demo::leave_example_data,
            schedules::list_invoice_schedules,
            schedules::save_invoice_schedule,
            schedules::preview_invoice_schedule,
            schedules::pause_invoice_schedule,
            schedules::resume_invoice_schedule,
            schedules::end_invoice_schedule,
            bank::bank_overview,
            bank::confirm_bank_transaction,
            bank::assign_bank_transaction,
            bank::ignore_bank_transaction,
            bank::assignable_invoices,
            offers::new_offer_form,
            offers::preview_offer,
            offers::save_offer,
            offers::delete_offer,
            offers::list_offers,
            offers::get_offer,
            offers::finalise_offer,
            offers::reject_offer,
            offers::accept_offer,
            offers::register_countersigned,
            offers::mark_agreement_delivered,
            offers::invoice_agreement_line,
            offers::save_offer_pdf,
            offers::open_offer_pdf,
            offers::save_agreement_pdf,
            offers::open_agreement_pdf,
            offers::list_terms_documents,
            offers::save_late_payment_terms,
            offers::client_terms,
            offers::record_terms_acceptance,
            offers::remove_terms_acceptance,
            offers::upload_terms_document,
            offers::list_text_blocks,
            offers::add_text_block,
            offers::delete_text_block,
            offers::get_client_acceptance,
            offers::save_client_acceptance,
            offers::offer_contacts,
            offers::record_offer_follow_up,
            offers::record_satisfaction_check,
            mail::offer_email_draft,
            mail::agreement_email_draft,
            mail::send_offer_email,
            mail::send_agreement_email,
            mail::offer_emails,
            mail::mark_letter_emailed,
            commands::mark_ready,
        ])
        .run(tauri::generate_context!());
    if let Err(err) = result {
        eprintln!("tijdig: could not start: {err}");
        std::process::exit(1);
    }
}
