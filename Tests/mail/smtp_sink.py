#!/usr/bin/python3
"""A real SMTP server on loopback for NextSend's delivery tests (aiosmtpd, from Debian or PyPI).

Usage: smtp_sink.py DIR [--cert PEM --key PEM] [--user U --password P] [--tempfail ADDR:N]...
                        [--permfail ADDR]... [--data-delay SECONDS]

Listens on a free port of 127.0.0.1 and prints "PORT <n>" once it accepts connections. With a
certificate it offers STARTTLS and requires it before anything else; with a user it requires
AUTH (PLAIN or LOGIN), only over TLS. --tempfail answers 451 to RCPT for ADDR the first N times,
--permfail answers 550 for ADDR. Each accepted message is written to DIR as <n>.eml (the bytes
as received) with <n>.json beside it (envelope sender, recipients, whether TLS and AUTH were on).
Runs until killed.
"""
import argparse
import asyncio
import json
import os
import socket
import ssl
import sys
import time

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Sink:
    def __init__(self, folder, tempfail, permfail, data_delay):
        self.folder = folder
        self.tempfail = tempfail
        self.permfail = permfail
        self.data_delay = data_delay
        self.count = 0

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        left = self.tempfail.get(address.lower(), 0)
        if left > 0:
            self.tempfail[address.lower()] = left - 1
            return "451 4.3.0 Try again later"
        if address.lower() in self.permfail:
            return "550 5.1.1 No such user here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.data_delay:
            await asyncio.sleep(self.data_delay)
        self.count += 1
        stem = os.path.join(self.folder, f"{time.time_ns()}-{self.count:04d}")
        with open(stem + ".json.tmp", "w") as meta:
            json.dump({"from": envelope.mail_from, "to": envelope.rcpt_tos, "tls": session.ssl is not None,
                       "auth": session.authenticated}, meta)
        with open(stem + ".eml", "wb") as message:
            message.write(envelope.original_content)
        os.rename(stem + ".json.tmp", stem + ".json")
        return "250 2.0.0 Accepted"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("folder")
    parser.add_argument("--cert")
    parser.add_argument("--key")
    parser.add_argument("--user")
    parser.add_argument("--password")
    parser.add_argument("--tempfail", action="append", default=[])
    parser.add_argument("--permfail", action="append", default=[])
    parser.add_argument("--data-delay", type=float, default=0)
    args = parser.parse_args()
    os.makedirs(args.folder, exist_ok=True)
    tempfail = {}
    for item in args.tempfail:
        address, _, times = item.rpartition(":")
        tempfail[address.lower()] = int(times)
    handler = Sink(args.folder, tempfail, {a.lower() for a in args.permfail}, args.data_delay)
    options = {}
    if args.cert:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(args.cert, args.key)
        options.update(tls_context=context, require_starttls=True)
    if args.user:
        def authenticator(server, session, envelope, mechanism, auth_data):
            ok = isinstance(auth_data, LoginPassword) and auth_data.login.decode() == args.user \
                and auth_data.password.decode() == args.password
            return AuthResult(success=ok, handled=False)
        options.update(authenticator=authenticator, auth_required=True, auth_require_tls=True)
    port = free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port, server_hostname="localhost", **options)
    controller.start()
    print(f"PORT {port}", flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
