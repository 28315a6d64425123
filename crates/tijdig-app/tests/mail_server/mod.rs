//! The e-mail tests' own SMTP server on loopback (aiosmtpd from `.venv`,
//! `scripts/smtp_test_server.py`) with a test CA, and the settings that reach it.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::io::BufRead;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use crate::support::*;
use tijdig_app::dto::*;
use tijdig_app::App;

pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// A throwaway CA and a server certificate it issued for "localhost" / 127.0.0.1
/// (`cert.pem`, `key.pem`); returns the CA's PEM, which Tijdig is told to trust.
pub fn certificate(dir: &Path) -> Vec<u8> {
    let openssl = |args: &[&str]| openssl(dir, args);
    openssl(&[
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-days",
        "3650",
        "-subj",
        "/CN=Test CA",
        "-keyout",
        "ca.key",
        "-out",
        "ca.pem",
    ]);
    openssl(&[
        "req",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-subj",
        "/CN=localhost",
        "-keyout",
        "key.pem",
        "-out",
        "server.csr",
    ]);
    std::fs::write(
        dir.join("server.ext"),
        "basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\n\
         extendedKeyUsage=serverAuth\nsubjectAltName=DNS:localhost,IP:127.0.0.1\n",
    )
    .unwrap();
    openssl(&[
        "x509",
        "-req",
        "-in",
        "server.csr",
        "-CA",
        "ca.pem",
        "-CAkey",
        "ca.key",
        "-set_serial",
        "7",
        "-days",
        "3650",
        "-extfile",
        "server.ext",
        "-out",
        "cert.pem",
    ]);
    std::fs::read(dir.join("ca.pem")).unwrap()
}

/// The test server; killed when dropped (its stdin closes too).
pub struct Server {
    child: Child,
    pub port: u16,
    inbox: PathBuf,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Server {
    pub fn start(dir: &Path, mode: &str) -> Server {
        let python = repo_root().join(".venv/bin/python");
        assert!(
            python.exists(),
            "run `bash scripts/setup.sh test` (part of `npm test`): .venv with aiosmtpd"
        );
        let inbox = dir.join(format!("inbox-{mode}"));
        let mut child = Command::new(python)
            .arg(repo_root().join("scripts/smtp_test_server.py"))
            .arg("--dir")
            .arg(&inbox)
            .args([
                "--cert",
                "cert.pem",
                "--key",
                "key.pem",
                "--user",
                "sanne",
                "--password",
                "geheim",
                "--mode",
                mode,
            ])
            .current_dir(dir)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        let mut line = String::new();
        std::io::BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let port = line
            .trim()
            .strip_prefix("ready ")
            .expect("the server says ready")
            .parse()
            .unwrap();
        Server { child, port, inbox }
    }

    /// The messages received, in order: raw bytes and envelope.
    pub fn received(&self) -> Vec<(Vec<u8>, serde_json::Value)> {
        (1..)
            .map(|n| self.inbox.join(format!("{n}.eml")))
            .take_while(|p| p.exists())
            .map(|p| {
                let envelope = std::fs::read(p.with_extension("json")).unwrap();
                (
                    std::fs::read(&p).unwrap(),
                    serde_json::from_slice(&envelope).unwrap(),
                )
            })
            .collect()
    }
}

pub fn settings(port: u16, security: MailSecurity, password: &str) -> MailSettingsForm {
    MailSettingsForm {
        host: "localhost".into(),
        port: port.to_string(),
        security,
        username: "sanne".into(),
        password: password.into(),
        from_name: "Sanne Jansen".into(),
        from_address: "sanne@studiojansen.nl".into(),
        reply_to: "administratie@studiojansen.nl".into(),
        bcc_self: true,
    }
}

pub fn issued_invoice(app: &App, client: i64) -> i64 {
    let draft = app
        .create_invoice(&invoice_form(
            client,
            vec![line("Ontwerp", "10", "100", VatTreatment::Standard21)],
        ))
        .unwrap();
    app.issue_invoice(draft.id).unwrap().id
}
