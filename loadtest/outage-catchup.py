#!/usr/bin/env python3
"""Catch-up after a receiver outage, measured against a running relay.

Starts a small HTTP receiver, adds it through the admin API, takes it down, issues advisories at
--rate per second for --outage seconds, brings the receiver back on the same port and reports how
long after its return the last waiting advisory arrived. The relay must allow private receiver
addresses (BOUSAI_RECEIVER_URLS_ALLOW_PRIVATE_ADDRESSES=true), as the receiver listens on loopback.

  python3 loadtest/outage-catchup.py --relay http://127.0.0.1:18090 --outage 60 --rate 2
"""
import argparse
import json
import threading
import time
import urllib.request
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

EXAMPLE = Path(__file__).resolve().parent.parent / "config" / "examples" / "evacuation-order.json"
arrivals = {}
lock = threading.Lock()


class Receiver(BaseHTTPRequestHandler):
    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", "0")))
        with lock:
            arrivals.setdefault(self.headers.get("X-Bousai-Document"), time.monotonic())
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args):
        pass


def serve(port):
    ThreadingHTTPServer.allow_reuse_address = True
    server = ThreadingHTTPServer(("127.0.0.1", port), Receiver)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def post(url, key, body):
    request = urllib.request.Request(url, data=json.dumps(body).encode(), method="POST",
                                     headers={"Content-Type": "application/json", "Authorization": "Bearer " + key})
    with urllib.request.urlopen(request, timeout=10) as answer:
        return answer.status


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--relay", default="http://127.0.0.1:8080")
    parser.add_argument("--key", default="demo-chiyoda", help="API key that may issue for 131016")
    parser.add_argument("--admin-key", default="demo-admin")
    parser.add_argument("--outage", type=float, default=60, help="seconds the receiver is down")
    parser.add_argument("--rate", type=float, default=2, help="advisories per second during the outage")
    parser.add_argument("--limit", type=float, default=120, help="seconds to wait for the catch-up")
    args = parser.parse_args()

    server = serve(0)
    port = server.server_address[1]
    receiver_id = "catch-up-" + uuid.uuid4().hex[:8]
    post(args.relay + "/api/v1/admin/receivers", args.admin_key, {
        "id": receiver_id, "url": "http://127.0.0.1:%d/hook" % port, "protocol": "webhook-json",
        "areas": ["13"], "secret": "outage-catch-up-secret", "timeoutSeconds": 2})
    server.shutdown()
    server.server_close()

    example = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    issued = []
    start = time.monotonic()
    while time.monotonic() - start < args.outage:
        advisory = dict(example, documentId=str(uuid.uuid4()), distributionId=str(uuid.uuid4()))
        if post(args.relay + "/api/v1/advisories", args.key, advisory) == 201:
            issued.append(advisory["documentId"])
        time.sleep(max(0.0, start + len(issued) / args.rate - time.monotonic()))

    server = serve(port)
    back = time.monotonic()
    while time.monotonic() - back < args.limit:
        with lock:
            if all(doc in arrivals for doc in issued):
                break
        time.sleep(0.05)
    with lock:
        arrived = [arrivals[doc] - back for doc in issued if doc in arrivals]
    print("receiver %s down %.0f s, %d advisories issued at %.1f/s; after it came back: %d delivered, "
          "the last after %.2f s" % (receiver_id, args.outage, len(issued), args.rate, len(arrived),
                                      max(arrived) if arrived else float("nan")))
    server.shutdown()


if __name__ == "__main__":
    main()
