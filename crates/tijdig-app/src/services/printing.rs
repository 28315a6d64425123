//! Afdrukken: the printers the system knows and sending a PDF to one — the app layer's other
//! platform-specific piece (beside the keychain). On Linux and macOS that is CUPS through its
//! command-line tools (`lpstat`, `lpoptions`, `lp`; macOS ships the same CUPS); elsewhere
//! ([`NoPrinting`], Windows for now) there are no printers and the dialog offers "Opslaan als
//! PDF" instead.
//!
//! Every job is sent at 100 %: `print-scaling=none` and `fit-to-page=false`, because the
//! address must sit in the envelope window (ENVELOPE_WINDOW in the documents crate). The PDF
//! goes to `lp` on standard input, with the document's name as job title: CUPS 2.4.2 (Debian 12)
//! was seen to crash when `lp` was given a file path with a space in it.

use std::io::Write;
use std::process::{Command, Stdio};
use std::sync::Mutex;

/// A printer as the dialog lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrinterInfo {
    /// The queue name CUPS knows it by ("HP_LaserJet", "PDF").
    pub name: String,
    /// Its description, when it has one ("HP LaserJet op kantoor").
    pub description: Option<String>,
    pub is_default: bool,
    /// The printer can print on both sides (its PPD offers duplex).
    pub two_sided: bool,
    /// The queue is stopped, with CUPS' reason (`None`: ready).
    pub stopped: Option<String>,
}

/// One print job: a PDF with its title, how many copies, one- or two-sided.
#[derive(Debug, Clone, Copy)]
pub struct PrintJob<'a> {
    pub printer: &'a str,
    pub title: &'a str,
    pub pdf: &'a [u8],
    pub copies: u32,
    pub two_sided: bool,
}

/// Why a job did not reach the printer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PrintError {
    /// No print system here (no CUPS, its scheduler not running, or another platform).
    NoPrintSystem(String),
    /// The printer does not exist (any more).
    NoSuchPrinter { printer: String },
    /// The queue is stopped; jobs would wait in it.
    Stopped { printer: String, reason: String },
    /// The queue refuses new jobs.
    NotAccepting { printer: String, reason: String },
    /// Anything else, with what the print system answered.
    Failed { printer: String, answer: String },
}

/// A print system: lists printers and takes jobs. Returns the job's id ("PDF-12").
pub trait PrintSystem: Send + Sync {
    fn printers(&self) -> Result<Vec<PrinterInfo>, PrintError>;
    fn print(&self, job: &PrintJob<'_>) -> Result<String, PrintError>;
}

impl<T: PrintSystem> PrintSystem for std::sync::Arc<T> {
    fn printers(&self) -> Result<Vec<PrinterInfo>, PrintError> {
        (**self).printers()
    }

    fn print(&self, job: &PrintJob<'_>) -> Result<String, PrintError> {
        (**self).print(job)
    }
}

/// CUPS through its command-line tools, with the C locale so its answers can be read.
pub struct Cups;

fn run(program: &str, args: &[&str]) -> Result<(bool, String, String), PrintError> {
    let out = Command::new(program)
        .args(args)
        .env("LC_ALL", "C")
        .env("LANG", "C")
        .stdin(Stdio::null())
        .output()
        .map_err(|e| PrintError::NoPrintSystem(format!("{program}: {e}")))?;
    Ok((
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).trim().to_string(),
    ))
}

impl PrintSystem for Cups {
    fn printers(&self) -> Result<Vec<PrinterInfo>, PrintError> {
        let (ok, names, err) = run("lpstat", &["-e"])?;
        if !ok {
            // "No destinations added." is an empty list, a stopped scheduler no print system.
            return if err.contains("No destinations") {
                Ok(Vec::new())
            } else {
                Err(PrintError::NoPrintSystem(err))
            };
        }
        let (_, default, _) = run("lpstat", &["-d"])?;
        let default = parse_default(&default);
        let mut out = Vec::new();
        for name in parse_destinations(&names) {
            let (_, long, _) = run("lpstat", &["-l", "-p", &name])?;
            let (_, options, _) = run("lpoptions", &["-p", &name, "-l"])?;
            let (stopped, description) = parse_printer_state(&long);
            out.push(PrinterInfo {
                is_default: default.as_deref() == Some(name.as_str()),
                two_sided: offers_duplex(&options),
                stopped,
                description,
                name,
            });
        }
        Ok(out)
    }

    fn print(&self, job: &PrintJob<'_>) -> Result<String, PrintError> {
        let printer = job.printer.to_string();
        // A stopped queue takes jobs and keeps them: say so instead of "sent".
        let (ok, long, err) = run("lpstat", &["-l", "-p", job.printer])?;
        if !ok {
            return Err(classify_lp_error(job.printer, &err));
        }
        if let (Some(reason), _) = parse_printer_state(&long) {
            return Err(PrintError::Stopped { printer, reason });
        }
        let copies = job.copies.to_string();
        let sides = if job.two_sided {
            "sides=two-sided-long-edge"
        } else {
            "sides=one-sided"
        };
        let args = [
            "-d",
            job.printer,
            "-t",
            job.title,
            "-n",
            &copies,
            "-o",
            "print-scaling=none",
            "-o",
            "fit-to-page=false",
            "-o",
            sides,
            "-",
        ];
        let mut child = Command::new("lp")
            .args(args)
            .env("LC_ALL", "C")
            .env("LANG", "C")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| PrintError::NoPrintSystem(format!("lp: {e}")))?;
        if let Some(mut stdin) = child.stdin.take() {
            stdin.write_all(job.pdf).map_err(|e| PrintError::Failed {
                printer: printer.clone(),
                answer: e.to_string(),
            })?;
        }
        let out = child.wait_with_output().map_err(|e| PrintError::Failed {
            printer: printer.clone(),
            answer: e.to_string(),
        })?;
        let stdout = String::from_utf8_lossy(&out.stdout);
        let stderr = String::from_utf8_lossy(&out.stderr);
        match (out.status.success(), parse_job_id(&stdout)) {
            (true, Some(id)) => Ok(id),
            (true, None) => Err(PrintError::Failed {
                printer,
                answer: stdout.trim().to_string(),
            }),
            (false, _) => Err(classify_lp_error(job.printer, stderr.trim())),
        }
    }
}

/// No print system (Windows for now): no printers, every job refused.
pub struct NoPrinting;

impl PrintSystem for NoPrinting {
    fn printers(&self) -> Result<Vec<PrinterInfo>, PrintError> {
        Ok(Vec::new())
    }

    fn print(&self, job: &PrintJob<'_>) -> Result<String, PrintError> {
        Err(PrintError::NoSuchPrinter {
            printer: job.printer.to_string(),
        })
    }
}

/// The platform's print system.
pub fn system_printing() -> Box<dyn PrintSystem> {
    if cfg!(unix) {
        Box::new(Cups)
    } else {
        Box::new(NoPrinting)
    }
}

/// A lock on the test printers' lists (a panicked test leaves them readable).
fn held<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// A job a [`MemoryPrinters`] took.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrintedJob {
    pub printer: String,
    pub title: String,
    pub copies: u32,
    pub two_sided: bool,
    pub pdf: Vec<u8>,
}

/// Printers in memory, for tests: records every job, and a printer can be stopped or removed.
#[derive(Default)]
pub struct MemoryPrinters {
    pub printers: Mutex<Vec<PrinterInfo>>,
    /// Every job, in the order sent.
    pub jobs: Mutex<Vec<PrintedJob>>,
}

impl MemoryPrinters {
    /// One ready printer, the default, one-sided only.
    pub fn with_printer(name: &str) -> MemoryPrinters {
        MemoryPrinters {
            printers: Mutex::new(vec![PrinterInfo {
                name: name.to_string(),
                description: None,
                is_default: true,
                two_sided: false,
                stopped: None,
            }]),
            jobs: Mutex::default(),
        }
    }
}

impl PrintSystem for MemoryPrinters {
    fn printers(&self) -> Result<Vec<PrinterInfo>, PrintError> {
        Ok(held(&self.printers).clone())
    }

    fn print(&self, job: &PrintJob<'_>) -> Result<String, PrintError> {
        let printers = held(&self.printers);
        let Some(printer) = printers.iter().find(|p| p.name == job.printer) else {
            return Err(PrintError::NoSuchPrinter {
                printer: job.printer.to_string(),
            });
        };
        if let Some(reason) = &printer.stopped {
            return Err(PrintError::Stopped {
                printer: job.printer.to_string(),
                reason: reason.clone(),
            });
        }
        let mut jobs = held(&self.jobs);
        jobs.push(PrintedJob {
            printer: job.printer.to_string(),
            title: job.title.to_string(),
            copies: job.copies,
            two_sided: job.two_sided,
            pdf: job.pdf.to_vec(),
        });
        Ok(format!("{}-{}", job.printer, jobs.len()))
    }
}

/// `lpstat -e`: one destination per line.
pub(crate) fn parse_destinations(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(String::from)
        .collect()
}

/// `lpstat -d`: "system default destination: PDF" or "no system default destination".
pub(crate) fn parse_default(text: &str) -> Option<String> {
    text.lines()
        .find_map(|l| l.trim().strip_prefix("system default destination:"))
        .map(|name| name.trim().to_string())
        .filter(|name| !name.is_empty())
}

/// `lpstat -l -p NAME`: whether the queue is stopped ("printer PDF disabled since …" with the
/// reason on the next line) and its description ("\tDescription: …").
pub(crate) fn parse_printer_state(text: &str) -> (Option<String>, Option<String>) {
    let mut lines = text.lines();
    let mut stopped = None;
    let mut description = None;
    while let Some(line) = lines.next() {
        let trimmed = line.trim();
        if trimmed.starts_with("printer ") && trimmed.contains(" disabled") {
            let reason = lines
                .clone()
                .next()
                .map(str::trim)
                .filter(|r| !r.is_empty() && !r.contains(':'))
                .unwrap_or("gestopt")
                .to_string();
            stopped = Some(reason);
        }
        if let Some(d) = trimmed.strip_prefix("Description:") {
            let d = d.trim();
            if !d.is_empty() {
                description = Some(d.to_string());
            }
        }
    }
    (stopped, description)
}

/// `lpoptions -p NAME -l`: the PPD offers duplex ("Duplex/2-Sided Printing: *None
/// DuplexNoTumble …").
pub(crate) fn offers_duplex(text: &str) -> bool {
    text.lines().any(|l| {
        let key = l.split('/').next().unwrap_or("").trim();
        (key == "Duplex" || key == "sides" || key == "EFDuplex") && l.contains("DuplexNoTumble")
            || l.contains("two-sided-long-edge")
    })
}

/// `lp`'s answer: "request id is PDF-12 (0 file(s))".
pub(crate) fn parse_job_id(text: &str) -> Option<String> {
    text.lines().find_map(|l| {
        let rest = l.trim().strip_prefix("request id is ")?;
        rest.split_whitespace().next().map(String::from)
    })
}

/// What `lp` or `lpstat` said when it refused.
pub(crate) fn classify_lp_error(printer: &str, stderr: &str) -> PrintError {
    let answer = stderr
        .trim()
        .trim_start_matches("lp:")
        .trim_start_matches("lpstat:")
        .trim()
        .trim_start_matches("Error -")
        .trim()
        .to_string();
    let printer = printer.to_string();
    if stderr.contains("does not exist")
        || stderr.contains("Invalid destination")
        || stderr.contains("Unknown destination")
    {
        PrintError::NoSuchPrinter { printer }
    } else if stderr.contains("not accepting jobs") {
        PrintError::NotAccepting {
            printer,
            reason: answer,
        }
    } else if stderr.contains("Scheduler is not running") || stderr.contains("Unable to connect") {
        PrintError::NoPrintSystem(answer)
    } else {
        PrintError::Failed { printer, answer }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cups_answers_are_read_in_the_c_locale() {
        assert_eq!(
            parse_destinations("PDF\nHP_LaserJet\n\n"),
            vec!["PDF", "HP_LaserJet"]
        );
        assert_eq!(
            parse_default("system default destination: PDF\n").as_deref(),
            Some("PDF")
        );
        assert_eq!(parse_default("no system default destination\n"), None);
        assert_eq!(
            parse_job_id("request id is PDF-12 (0 file(s))\n").as_deref(),
            Some("PDF-12")
        );
        assert_eq!(parse_job_id(""), None);
    }

    #[test]
    fn a_stopped_queue_is_recognised_with_its_reason() {
        let idle = "printer PDF is idle.  enabled since Fri Dec  4 12:28:41 2026\n\tForm mounted:\n\tDescription: PDF-printer\n";
        assert_eq!(
            parse_printer_state(idle),
            (None, Some("PDF-printer".to_string()))
        );
        let stopped = "printer PDF disabled since Fri Dec  4 12:40:01 2026 -\n\tPaused\n\tDescription: PDF-printer\n";
        assert_eq!(parse_printer_state(stopped).0.as_deref(), Some("Paused"));
        let no_reason = "printer PDF disabled since Fri Dec  4 12:40:01 2026 -\n\tForm mounted:\n";
        assert_eq!(parse_printer_state(no_reason).0.as_deref(), Some("gestopt"));
    }

    #[test]
    fn duplex_is_read_from_the_printers_options() {
        assert!(offers_duplex(
            "PageSize/Page Size: *A4 Letter\nDuplex/2-Sided Printing: *None DuplexNoTumble DuplexTumble\n"
        ));
        assert!(!offers_duplex(
            "PageSize/Page Size: *A4\nResolution/Output Resolution: 150dpi *300dpi\n"
        ));
    }

    #[test]
    fn lp_refusals_are_told_apart() {
        assert_eq!(
            classify_lp_error("X", "lp: Error - The printer or class does not exist."),
            PrintError::NoSuchPrinter {
                printer: "X".into()
            }
        );
        assert!(matches!(
            classify_lp_error("PDF", "lp: Destination \"PDF\" is not accepting jobs."),
            PrintError::NotAccepting { .. }
        ));
        assert!(matches!(
            classify_lp_error("PDF", "lpstat: Scheduler is not running."),
            PrintError::NoPrintSystem(_)
        ));
        assert_eq!(
            classify_lp_error("PDF", "lp: Error - something else"),
            PrintError::Failed {
                printer: "PDF".into(),
                answer: "something else".into()
            }
        );
    }
}
