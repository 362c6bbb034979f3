#!/usr/bin/env python3
"""Fixed-rate load on `nextsend serve` for Scripts/load-test: GET /v1/groups/{id}/next at RATE
requests a second for SECONDS, over the group ids in IDS_FILE in turn, from 127.0.0.1 only.

    paced.py PORT IDS_FILE TOKEN AS_OF RATE SECONDS

wrk has no rate option, and its closed loop slows down with a slow server. This is an open loop:
every request has its scheduled time, and its latency counts from that time, so a server that
cannot keep up shows it as latency rather than as a lower rate. Workers hold keep-alive
connections; a request waits for a free worker, which is part of its latency too.

Prints, one per line: paced_requests, paced_errors (non-2xx or failed), paced_rate (requests a
second achieved), paced_p50_ms, paced_p99_ms, paced_max_ms.
"""
import http.client
import queue
import sys
import threading
import time

port, ids_file, token, as_of = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
rate, seconds = float(sys.argv[5]), float(sys.argv[6])
with open(ids_file) as handle:
    ids = [line.strip() for line in handle if line.strip()]
if not ids:
    sys.exit("paced.py: no group ids")

jobs: "queue.Queue" = queue.Queue()
latencies = []
errors = 0
lock = threading.Lock()


def connect():
    return http.client.HTTPConnection("127.0.0.1", port, timeout=60)


def worker():
    global errors
    connection = connect()
    while True:
        job = jobs.get()
        if job is None:
            connection.close()
            return
        scheduled, group = job
        try:
            connection.request("GET", f"/v1/groups/{group}/next?asOf={as_of}", headers={"Authorization": f"Bearer {token}"})
            response = connection.getresponse()
            response.read()
            ok = 200 <= response.status < 300
        except (OSError, http.client.HTTPException):
            ok = False
            connection.close()
            connection = connect()
        finished = time.monotonic()
        with lock:
            latencies.append((finished - scheduled) * 1000)
            if not ok:
                errors += 1


workers = [threading.Thread(target=worker, daemon=True) for _ in range(16)]
for thread in workers:
    thread.start()
start = time.monotonic()
total = int(rate * seconds)
for number in range(total):
    due = start + number / rate
    wait = due - time.monotonic()
    if wait > 0:
        time.sleep(wait)
    jobs.put((due, ids[number % len(ids)]))
for _ in workers:
    jobs.put(None)
for thread in workers:
    thread.join()
elapsed = time.monotonic() - start

latencies.sort()


def percentile(p):
    return latencies[min(len(latencies) - 1, int(p / 100 * len(latencies)))]


print(f"paced_requests {len(latencies)}")
print(f"paced_errors {errors}")
print(f"paced_rate {len(latencies) / elapsed:.1f}")
print(f"paced_p50_ms {percentile(50):.3f}")
print(f"paced_p99_ms {percentile(99):.3f}")
print(f"paced_max_ms {latencies[-1]:.3f}")
