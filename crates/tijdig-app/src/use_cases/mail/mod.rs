//! Sending by e-mail (issue "Sending by e-mail") from the user's own mailbox: the SMTP settings
//! (the password only in the OS keychain), "Test verbinding" with a plain Dutch account of what
//! failed, and the transport — `lettre` over rustls, TLS always required.

mod interrupted;
mod offer_mail;
mod schedule;
mod send;
mod template_settings;
mod templates;

use crate::plumbing::format::say;
use std::net::ToSocketAddrs;
use std::time::Duration;

use lettre::transport::smtp::authentication::{Credentials, Mechanism};
use lettre::transport::smtp::client::{Certificate, Tls, TlsParameters};
use lettre::SmtpTransport;
use tijdig_domain::Language;
use tijdig_store::Store;

use crate::{dto, App, AppError, ErrorCode, FieldMessage};

const HOST: &str = "mail_host";
const PORT: &str = "mail_port";
const SECURITY: &str = "mail_security";
const USERNAME: &str = "mail_username";
const FROM_NAME: &str = "mail_from_name";
const FROM_ADDRESS: &str = "mail_from_address";
const REPLY_TO: &str = "mail_reply_to";
const BCC_SELF: &str = "mail_bcc_self";

/// How long Tijdig waits for the mail server before saying it does not answer.
const TIMEOUT: Duration = Duration::from_secs(20);

/// The stored settings, read once per action.
#[derive(Debug, Clone)]
pub(crate) struct MailConfig {
    pub host: String,
    pub port: u16,
    pub security: dto::MailSecurity,
    pub username: String,
    pub from_name: String,
    pub from_address: String,
    pub reply_to: String,
    pub bcc_self: bool,
}

fn keychain_account(username: &str, host: &str) -> String {
    format!("smtp-password:{username}@{host}")
}

fn read_config(store: &Store) -> Result<Option<MailConfig>, tijdig_store::StoreError> {
    let get = |k: &str| -> Result<String, tijdig_store::StoreError> {
        Ok(store.setting(k)?.unwrap_or_default())
    };
    let host = get(HOST)?;
    let Ok(port) = get(PORT)?.parse::<u16>() else {
        return Ok(None);
    };
    if host.is_empty() || get(FROM_ADDRESS)?.is_empty() {
        return Ok(None);
    }
    Ok(Some(MailConfig {
        host,
        port,
        security: if get(SECURITY)? == "tls" {
            dto::MailSecurity::Tls
        } else {
            dto::MailSecurity::Starttls
        },
        username: get(USERNAME)?,
        from_name: get(FROM_NAME)?,
        from_address: get(FROM_ADDRESS)?,
        reply_to: get(REPLY_TO)?,
        bcc_self: get(BCC_SELF)? == "1",
    }))
}

fn field(name: &str, message: String) -> FieldMessage {
    FieldMessage {
        field: name.into(),
        code: "invalid".into(),
        message,
    }
}

/// An address the mail server takes (lettre's parser) and a person means: a domain with a dot,
/// no characters RFC 5322 only allows quoted (`tijdig_domain::validate::email`).
pub(crate) fn valid_address(text: &str) -> bool {
    text.parse::<lettre::Address>().is_ok() && tijdig_domain::validate::email(text).is_ok()
}

impl App {
    /// Settings → E-mail.
    pub fn mail_settings(&self) -> Result<dto::MailSettings, AppError> {
        self.with_store(|store, lang| {
            let get = |k: &str| store.setting(k).map(Option::unwrap_or_default);
            let run = || -> Result<dto::MailSettings, tijdig_store::StoreError> {
                let config = read_config(store)?;
                let (host, username) = (get(HOST)?, get(USERNAME)?);
                let has_password = !username.is_empty()
                    && matches!(
                        self.vault.get(&keychain_account(&username, &host)),
                        Ok(Some(_))
                    );
                Ok(dto::MailSettings {
                    configured: config.is_some() && has_password,
                    host,
                    port: get(PORT)?,
                    security: if get(SECURITY)? == "tls" {
                        dto::MailSecurity::Tls
                    } else {
                        dto::MailSecurity::Starttls
                    },
                    username,
                    has_password,
                    from_name: get(FROM_NAME)?,
                    from_address: get(FROM_ADDRESS)?,
                    reply_to: get(REPLY_TO)?,
                    bcc_self: get(BCC_SELF)? == "1",
                })
            };
            run().map_err(|e| AppError::from_store(e, lang))
        })
    }

    /// Saves the settings; a new password goes into the keychain only (first, so a refused
    /// keychain saves nothing).
    pub fn save_mail_settings(
        &self,
        form: &dto::MailSettingsForm,
    ) -> Result<dto::MailSettings, AppError> {
        crate::plumbing::text_screen::screen_text(form, self.lang())?;
        let lang = self.lang();
        let mut fields = Vec::new();
        let host = form.host.trim();
        if host.is_empty() || host.contains(char::is_whitespace) {
            fields.push(field(
                "host",
                say(
                    lang,
                    "Vul de naam van de mailserver in, bijvoorbeeld smtp.jouwprovider.nl.",
                    "Enter the mail server's name, for example smtp.yourprovider.com.",
                ),
            ));
        }
        let port = form.port.trim().parse::<u16>().ok().filter(|p| *p > 0);
        if port.is_none() {
            fields.push(field(
                "port",
                say(
                    lang,
                    "De poort is een getal van 1 tot 65535 (meestal 587 of 465).",
                    "The port is a number from 1 to 65535 (usually 587 or 465).",
                ),
            ));
        }
        if form.username.trim().is_empty() {
            fields.push(field(
                "username",
                say(
                    lang,
                    "Vul de gebruikersnaam van je mailaccount in.",
                    "Enter your mail account's user name.",
                ),
            ));
        }
        if !valid_address(form.from_address.trim()) {
            fields.push(field(
                "fromAddress",
                say(
                    lang,
                    "Dit is geen geldig e-mailadres.",
                    "This is not a valid e-mail address.",
                ),
            ));
        }
        if !form.reply_to.trim().is_empty() && !valid_address(form.reply_to.trim()) {
            fields.push(field(
                "replyTo",
                say(
                    lang,
                    "Dit is geen geldig e-mailadres.",
                    "This is not a valid e-mail address.",
                ),
            ));
        }
        if !fields.is_empty() {
            let mut err = AppError::validation(&[], lang);
            err.fields = fields;
            return Err(err);
        }
        let port = port.unwrap_or(587);
        if !form.password.is_empty() {
            self.vault
                .set(&keychain_account(form.username.trim(), host), form.password.as_bytes())
                .map_err(|e| {
                    eprintln!("tijdig: keychain: {}", e.0);
                    AppError {
                        code: ErrorCode::KeychainUnavailable,
                        message: say(lang, "Het wachtwoord kon niet in de sleutelhanger van je computer worden bewaard (vergrendeld of niet gestart). Er is niets opgeslagen; ontgrendel de sleutelhanger en probeer het opnieuw.", "The password could not be kept in your computer's keychain (locked or not running). Nothing was saved; unlock the keychain and try again."),
                        fields: Vec::new(),
                    }
                })?;
        }
        self.with_store(|store, lang| {
            let pairs = [
                (HOST, host.to_string()),
                (PORT, port.to_string()),
                (
                    SECURITY,
                    match form.security {
                        dto::MailSecurity::Starttls => "starttls".into(),
                        dto::MailSecurity::Tls => "tls".into(),
                    },
                ),
                (USERNAME, form.username.trim().to_string()),
                (FROM_NAME, form.from_name.trim().to_string()),
                (FROM_ADDRESS, form.from_address.trim().to_string()),
                (REPLY_TO, form.reply_to.trim().to_string()),
                (BCC_SELF, if form.bcc_self { "1" } else { "0" }.to_string()),
            ];
            let refs: Vec<(&str, &str)> = pairs.iter().map(|(k, v)| (*k, v.as_str())).collect();
            store
                .set_settings(&refs)
                .map_err(|e| AppError::from_store(e, lang))
        })?;
        self.mail_settings()
    }

    /// The stored settings and the password, or why sending cannot start.
    pub(crate) fn mail_setup(
        &self,
        store: &Store,
        lang: Language,
    ) -> Result<(MailConfig, String), AppError> {
        let not_set = || AppError {
            code: ErrorCode::Validation,
            message: say(
                lang,
                "Stel eerst je mailserver in (Instellingen → E-mail).",
                "Set up your mail server first (Settings → E-mail).",
            ),
            fields: Vec::new(),
        };
        let config = read_config(store)
            .map_err(|e| AppError::from_store(e, lang))?
            .ok_or_else(not_set)?;
        let password = self
            .vault
            .get(&keychain_account(&config.username, &config.host))
            .map_err(|e| {
                eprintln!("tijdig: keychain: {}", e.0);
                AppError {
                    code: ErrorCode::KeychainUnavailable,
                    message: say(lang, "De sleutelhanger van je computer is niet beschikbaar (vergrendeld of niet gestart), dus Tijdig kan het wachtwoord van je mailserver niet lezen. Er is niets verstuurd.", "Your computer's keychain is not available (locked or not running), so Tijdig cannot read your mail server's password. Nothing was sent."),
                    fields: Vec::new(),
                }
            })?
            .ok_or_else(not_set)?;
        Ok((config, String::from_utf8_lossy(&password).into_owned()))
    }

    /// The SMTP transport for `config`: TLS required (STARTTLS or from the start), the
    /// system's web PKI roots plus any given to this Tijdig (tests' own server).
    pub(crate) fn transport(
        &self,
        config: &MailConfig,
        password: String,
    ) -> Result<SmtpTransport, lettre::transport::smtp::Error> {
        let mut tls = TlsParameters::builder(config.host.clone());
        for pem in &self.mail_roots {
            tls = tls.add_root_certificate(Certificate::from_pem(pem)?);
        }
        let tls = tls.build()?;
        Ok(SmtpTransport::builder_dangerous(&config.host)
            .port(config.port)
            .tls(match config.security {
                dto::MailSecurity::Starttls => Tls::Required(tls),
                dto::MailSecurity::Tls => Tls::Wrapper(tls),
            })
            .credentials(Credentials::new(config.username.clone(), password))
            .authentication(vec![Mechanism::Plain, Mechanism::Login])
            .timeout(Some(TIMEOUT))
            .build())
    }

    /// "Test verbinding": connects, secures and logs in; sends nothing.
    pub fn test_mail_connection(&self) -> Result<dto::MailTestResult, AppError> {
        // The settings under the store's lock; the server without it (it may take a while).
        let (config, password) = self.with_store(|store, lang| self.mail_setup(store, lang))?;
        let lang = self.lang();
        if let Some(problem) = unresolvable(&config, lang) {
            return Ok(dto::MailTestResult {
                ok: false,
                message: problem,
            });
        }
        let outcome = self
            .transport(&config, password)
            .and_then(|t| t.test_connection());
        Ok(match outcome {
            Ok(true) => dto::MailTestResult {
                ok: true,
                message: say(
                    lang,
                    &format!(
                        "Verbonden met {}:{} en ingelogd als {}. Er is niets verstuurd.",
                        config.host, config.port, config.username
                    ),
                    &format!(
                        "Connected to {}:{} and logged in as {}. Nothing was sent.",
                        config.host, config.port, config.username
                    ),
                ),
            },
            Ok(false) => dto::MailTestResult {
                ok: false,
                message: say(
                    lang,
                    "De server antwoordde niet zoals een mailserver.",
                    "The server did not answer like a mail server.",
                ),
            },
            Err(e) => dto::MailTestResult {
                ok: false,
                message: explain(&e, &config, lang),
            },
        })
    }
}

/// The host name does not resolve: the DNS case, said before any connection is tried.
pub(crate) fn unresolvable(config: &MailConfig, lang: Language) -> Option<String> {
    let found = (config.host.as_str(), config.port)
        .to_socket_addrs()
        .map(|mut addrs| addrs.next().is_some())
        .unwrap_or(false);
    match found {
        true => None,
        false => Some(match lang {
            Language::Nl => format!("De mailserver {} is niet te vinden (DNS): controleer de naam van de server en je internetverbinding.", config.host),
            Language::En => format!("The mail server {} cannot be found (DNS): check the server's name and your internet connection.", config.host),
        }),
    }
}

/// What went wrong, in the user's words: unreachable, TLS, the login, or the server's answer.
pub(crate) fn explain(
    e: &lettre::transport::smtp::Error,
    config: &MailConfig,
    lang: Language,
) -> String {
    let text = e.to_string();
    eprintln!("tijdig: mail via {}:{}: {text}", config.host, config.port);
    let nl = lang == Language::Nl;
    let server = format!("{}:{}", config.host, config.port);
    let lower = text.to_lowercase();
    // The server's reply code, from the error or, failing that, from its text.
    let code = e.status().map(|c| c.to_string()).unwrap_or_else(|| {
        text.split(|c: char| !c.is_ascii_digit())
            .find(|w| w.len() == 3 && (w.starts_with('4') || w.starts_with('5')))
            .unwrap_or_default()
            .to_string()
    });
    if lower.contains("no compatible authentication mechanism") {
        return if nl {
            format!("De server {server} biedt over deze verbinding geen inlogmethode aan die Tijdig kent (PLAIN of LOGIN). Kies de andere beveiliging (STARTTLS of TLS), of vraag je provider welke instellingen horen.")
        } else {
            format!("The server {server} offers no login method Tijdig knows (PLAIN or LOGIN) over this connection. Choose the other security (STARTTLS or TLS), or ask your provider for the right settings.")
        };
    }
    if code.starts_with("535")
        || code.starts_with("534")
        || code.starts_with("530")
        || lower.contains("authentication failed")
        || lower.contains("credentials")
    {
        return if nl {
            format!("De server {server} weigert je gebruikersnaam of wachtwoord{}. Controleer ze, of maak bij je provider een app-wachtwoord.", if code.is_empty() { String::new() } else { format!(" ({code})") })
        } else {
            format!("The server {server} refuses your user name or password{}. Check them, or create an app password with your provider.", if code.is_empty() { String::new() } else { format!(" ({code})") })
        };
    }
    if e.is_timeout() || lower.contains("timed out") {
        return if nl {
            format!("De server {server} antwoordt niet (time-out). Klopt de poort, en laat je netwerk deze verbinding toe?")
        } else {
            format!("The server {server} does not answer (time-out). Is the port right, and does your network allow this connection?")
        };
    }
    if lower.contains("refused") || lower.contains("unreachable") {
        return if nl {
            format!("Tijdig kan de server {server} niet bereiken: de verbinding wordt geweigerd. Klopt de poort (meestal 587 of 465)?")
        } else {
            format!("Tijdig cannot reach the server {server}: the connection is refused. Is the port right (usually 587 or 465)?")
        };
    }
    if lower.contains("tls")
        || lower.contains("certificate")
        || lower.contains("handshake")
        || lower.contains("starttls")
    {
        return if nl {
            format!("De beveiligde verbinding (TLS) met {server} is mislukt: {text}. Kies de andere beveiliging (STARTTLS of TLS) of controleer de servernaam.")
        } else {
            format!("The secure connection (TLS) with {server} failed: {text}. Choose the other security (STARTTLS or TLS) or check the server name.")
        };
    }
    if nl {
        format!("Versturen via {server} is mislukt: {text}")
    } else {
        format!("Sending through {server} failed: {text}")
    }
}
