//! Tijdig's desktop shell. Invariant: no business logic here — each command adapts one
//! `tijdig_app::App` use-case to IPC; errors cross as `{code, message, fields}`.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod commands;
mod data_dir;

use tauri::Manager;

fn main() {
    let result = tauri::Builder::default()
        .setup(|app| {
            let opened =
                data_dir::resolve(app.handle()).and_then(|dir| tijdig_app::App::open(&dir));
            app.manage(commands::Tijdig::new(opened));
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
            commands::mark_ready,
        ])
        .run(tauri::generate_context!());
    if let Err(err) = result {
        eprintln!("tijdig: could not start: {err}");
        std::process::exit(1);
    }
}
