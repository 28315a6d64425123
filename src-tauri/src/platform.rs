//! The shell's only OS-specific code.

/// Linux (WebKitGTK): run the web view without accelerated compositing unless the user chose
/// otherwise. Tijdig draws forms and tables, not animations; measured with `npm run bench`
/// under Xvfb, idle memory of all processes dropped from 286 MB to 219 MB PSS, and it avoids
/// the blank-window problem of some GPU drivers. Must run before the web view starts (and
/// before any other thread exists).
#[cfg(target_os = "linux")]
pub fn prepare_webview() {
    const KEY: &str = "WEBKIT_DISABLE_COMPOSITING_MODE";
    if std::env::var_os(KEY).is_none() {
        std::env::set_var(KEY, "1");
    }
}

#[cfg(not(target_os = "linux"))]
pub fn prepare_webview() {}

/// Linux (WebKitGTK): the "document viewer" cache model — no cache of earlier pages or of
/// resources for a later visit, which a browser keeps and an app that loads one page from
/// its own binary never uses. Set once the window exists; `idle_pss` in `npm run bench` shows
/// what the app's processes hold with it.
#[cfg(target_os = "linux")]
pub fn tune_webview(window: &tauri::WebviewWindow) {
    let tuned = window.with_webview(|webview| {
        use webkit2gtk::{CacheModel, WebContextExt, WebViewExt};
        if let Some(context) = webview.inner().context() {
            context.set_cache_model(CacheModel::DocumentViewer);
        }
    });
    if let Err(e) = tuned {
        eprintln!("tijdig: web view settings: {e}");
    }
}

#[cfg(not(target_os = "linux"))]
pub fn tune_webview(_window: &tauri::WebviewWindow) {}

/// Sends a PDF to the default printer with CUPS' `lp` (Linux, macOS). Returns false when that
/// is not possible here, so the caller can open the viewer instead.
#[cfg(unix)]
pub fn print_pdf(path: &std::path::Path) -> bool {
    std::process::Command::new("lp")
        .arg(path)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .map(|status| status.success())
        .unwrap_or(false)
}

#[cfg(not(unix))]
pub fn print_pdf(_path: &std::path::Path) -> bool {
    false
}
