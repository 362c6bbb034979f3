#!/usr/bin/python3
"""A chat webhook stand-in on loopback for NextSend's delivery tests.

Usage: webhook_sink.py DIR [--throttle N]

Prints "PORT <n>" once it listens. Answers the first N POSTs (default 1) with 429 and
"Retry-After: 1", then 200; writes every request's path and JSON body to DIR/<n>.json.
"""
import json
import os
import sys
from http.server import BaseHTTPRequestHandler, HTTPServer

folder = sys.argv[1]
throttle = int(sys.argv[3]) if len(sys.argv) > 3 and sys.argv[2] == "--throttle" else 1
os.makedirs(folder, exist_ok=True)
count = 0


class Handler(BaseHTTPRequestHandler):
    def do_POST(self):
        global count
        count += 1
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        status = 429 if count <= throttle else 200
        with open(os.path.join(folder, f"{count:03d}.json"), "w") as out:
            json.dump({"path": self.path, "status": status, "contentType": self.headers.get("Content-Type"),
                       "body": json.loads(body or b"null")}, out)
        self.send_response(status)
        if status == 429:
            self.send_header("Retry-After", "1")
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"ok")

    def log_message(self, *args):
        pass


server = HTTPServer(("127.0.0.1", 0), Handler)
print(f"PORT {server.server_address[1]}", flush=True)
server.serve_forever()
