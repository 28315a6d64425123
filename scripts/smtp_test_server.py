"""A real SMTP server on loopback for Tijdig's e-mail tests (aiosmtpd, installed into .venv by
`bash scripts/setup.sh test`): TLS (implicit, or STARTTLS) with the given certificate, AUTH
PLAIN/LOGIN for one user, and every accepted message written byte for byte to DIR/<n>.eml with
its envelope in DIR/<n>.json. Prints "ready <port>" on stdout once it listens, then runs until
killed (or until stdin closes, so a test that dies takes it along).

    python smtp_test_server.py --dir DIR --cert cert.pem --key key.pem \
        --user sanne --password geheim [--mode starttls|tls] [--port 0]
"""

import argparse
import asyncio
import json
import logging
import socket
import ssl
import sys
import threading
import warnings
from pathlib import Path

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


class Saver:
    def __init__(self, folder: Path):
        self.folder = folder
        self.count = 0

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        stem = self.folder / str(self.count)
        stem.with_suffix(".eml").write_bytes(envelope.original_content)
        stem.with_suffix(".json").write_text(
            json.dumps(
                {
                    "mail_from": envelope.mail_from,
                    "rcpt_tos": envelope.rcpt_tos,
                    "login": session.auth_data,
                }
            )
        )
        return "250 2.0.0 Ok: queued as TIJDIG%04d" % self.count


def main() -> None:
    # aiosmtpd logs a warning about its own use of a deprecated attribute on every login.
    warnings.filterwarnings("ignore", category=DeprecationWarning)
    logging.getLogger("mail.log").setLevel(logging.ERROR)
    parser = argparse.ArgumentParser()
    parser.add_argument("--dir", required=True)
    parser.add_argument("--cert", required=True)
    parser.add_argument("--key", required=True)
    parser.add_argument("--user", required=True)
    parser.add_argument("--password", required=True)
    parser.add_argument("--mode", choices=["starttls", "tls"], default="starttls")
    parser.add_argument("--port", type=int, default=0)
    args = parser.parse_args()

    folder = Path(args.dir)
    folder.mkdir(parents=True, exist_ok=True)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(args.cert, args.key)

    def authenticator(server, session, envelope, mechanism, auth_data):
        ok = (
            isinstance(auth_data, LoginPassword)
            and auth_data.login.decode() == args.user
            and auth_data.password.decode() == args.password
        )
        if ok:
            return AuthResult(success=True, auth_data=args.user)
        return AuthResult(success=False, handled=False)

    port = args.port
    if port == 0:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]

    common = dict(
        hostname="127.0.0.1",
        port=port,
        authenticator=authenticator,
        # With implicit TLS aiosmtpd does not see the connection as TLS; it is, so allow AUTH.
        auth_require_tls=args.mode == "starttls",
        auth_exclude_mechanism=["CRAM-MD5"],
        server_hostname="localhost",
    )
    if args.mode == "tls":
        controller = Controller(Saver(folder), ssl_context=context, **common)
    else:
        controller = Controller(Saver(folder), tls_context=context, require_starttls=True, **common)
    controller.start()
    print(f"ready {port}", flush=True)

    # Stop when the parent goes away (stdin closes) or on a signal.
    stop = threading.Event()

    def watch_stdin():
        sys.stdin.read()
        stop.set()

    threading.Thread(target=watch_stdin, daemon=True).start()
    try:
        stop.wait()
    except KeyboardInterrupt:
        pass
    controller.stop()


if __name__ == "__main__":
    main()
