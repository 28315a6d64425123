// The tests' own SMTP server on loopback (TLS and a login), the one the Rust mail tests use:
// every message it receives lands in `inbox` as N.eml with its envelope in N.json.
import { spawn } from "node:child_process";
import { join } from "node:path";
import { createInterface } from "node:readline";

/** Starts the server (STARTTLS, user sanne / geheim); resolves to `{ server, port }`. */
export async function startSmtpServer(inbox) {
  const certs = process.env.TIJDIG_SMTP_TEST_DIR;
  const server = spawn(".venv/bin/python", ["scripts/smtp_test_server.py", "--dir", inbox,
    "--cert", join(certs, "cert.pem"), "--key", join(certs, "key.pem"),
    "--user", "sanne", "--password", "geheim", "--mode", "starttls"], { stdio: ["pipe", "pipe", "inherit"] });
  const line = await new Promise((resolve) => createInterface({ input: server.stdout }).once("line", resolve));
  return { server, port: line.split(" ")[1] };
}
