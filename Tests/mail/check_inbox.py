#!/usr/bin/python3
"""Reads what smtp_sink.py received and prints it as JSON, parsed by Python's own e-mail package
(an independent reader of the MIME NextSend writes).

Usage: check_inbox.py DIR [HTML_OUT_DIR]

Prints a list, oldest first: envelope sender and recipients, whether TLS and AUTH were on, the
decoded headers, each part's content type and charset, the decoded text and HTML, and the longest
raw line. With HTML_OUT_DIR, writes each message's HTML part there as <recipient>.html.
"""
import email
import glob
import json
import os
import sys
from email import policy


def main():
    folder = sys.argv[1]
    html_out = sys.argv[2] if len(sys.argv) > 2 else None
    messages = []
    for path in sorted(glob.glob(os.path.join(folder, "*.json"))):
        meta = json.load(open(path))
        raw = open(path[:-5] + ".eml", "rb").read()
        message = email.message_from_bytes(raw, policy=policy.default)
        parts = [{"type": p.get_content_type(), "charset": p.get_content_charset(), "encoding": p["Content-Transfer-Encoding"]}
                 for p in message.iter_parts()]
        text = message.get_body(("plain",))
        html = message.get_body(("html",))
        entry = {
            "envelopeFrom": meta["from"], "envelopeTo": meta["to"], "tls": meta["tls"], "auth": meta["auth"],
            "from": str(message["From"]), "to": str(message["To"]), "subject": str(message["Subject"]),
            "messageId": str(message["Message-ID"]), "date": str(message["Date"]), "contentType": message.get_content_type(),
            "autoSubmitted": message["Auto-Submitted"], "listUnsubscribe": message["List-Unsubscribe"],
            "parts": parts, "text": text.get_content() if text else None, "html": html.get_content() if html else None,
            "longestLine": max(len(line) for line in raw.split(b"\r\n")),
            "bareNewlines": raw.replace(b"\r\n", b"").count(b"\n"),
        }
        messages.append(entry)
        if html_out and entry["html"]:
            os.makedirs(html_out, exist_ok=True)
            with open(os.path.join(html_out, meta["to"][0] + ".html"), "w") as out:
                out.write(entry["html"])
    json.dump(messages, sys.stdout)


if __name__ == "__main__":
    main()
