#!/usr/bin/env python3
"""Replays recorded HTTP responses on 127.0.0.1 and injects faults, for Daybook's fetch tests.

    replay_server.py SCENARIO.json [--log REQUESTS.jsonl]

Prints "PORT <n>" on its first line of standard output once it listens (port chosen by the
system), then serves until killed. Never listens anywhere but 127.0.0.1.

A scenario is {"routes": [ROUTE, ...]}; a ROUTE is
    {"path": "/api/daily_papers", "query": {"date": "2026-12-01", "p": "0"}, "responses": [RESPONSE, ...]}
where "query" must be a subset of the request's query parameters. The route's responses are
served in turn, the last one again and again. A RESPONSE is
    {"status": 200, "headers": {"Content-Type": "..."}, "body": "text" | "body_file": "recordings/x.json",
     "etag": "\"v1\"", "last_modified": "...", "fault": null | "stall" | "truncate" | "close"}
- etag / last_modified: sent as ETag / Last-Modified; a request whose If-None-Match (or
  If-Modified-Since) matches gets 304 Not Modified instead (and does not use up the response).
- stall: send the head and half the body, then nothing for 60 s.
- truncate: send a Content-Length for the whole body, half the body, then close.
- close: close the connection without answering.
Paths of body_file are relative to the scenario file. A request no route matches gets 404.
Every request is appended to the log as one JSON object per line: time, path, query, headers.
"""
import json
import os
import signal
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, urlsplit


def main():
    # A parent may start us with SIGTERM blocked (Foundation's Process on Linux passes its mask on).
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})
    args = sys.argv[1:]
    if not args:
        sys.exit(__doc__)
    scenario_path = args[0]
    log_path = args[args.index("--log") + 1] if "--log" in args else None
    with open(scenario_path, encoding="utf-8") as f:
        scenario = json.load(f)
    base = os.path.dirname(os.path.abspath(scenario_path))
    routes = scenario["routes"]
    served = [0] * len(routes)
    lock = threading.Lock()

    def body_of(response):
        if "body_file" in response:
            with open(os.path.join(base, response["body_file"]), "rb") as f:
                return f.read()
        return response.get("body", "").encode("utf-8")

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *a):
            pass

        def do_GET(self):
            parts = urlsplit(self.path)
            query = dict(parse_qsl(parts.query, keep_blank_values=True))
            if log_path:
                entry = {"time": time.time(), "path": parts.path, "query": query,
                         "headers": {k.lower(): v for k, v in self.headers.items()}}
                with lock, open(log_path, "a", encoding="utf-8") as log:
                    log.write(json.dumps(entry) + "\n")
            for index, route in enumerate(routes):
                if route["path"] == parts.path and all(query.get(k) == v for k, v in route.get("query", {}).items()):
                    break
            else:
                return self.answer(404, {"Content-Type": "text/plain"}, b"no recording for " + self.path.encode())
            with lock:
                responses = route["responses"]
                response = responses[min(served[index], len(responses) - 1)]
                etag, modified = response.get("etag"), response.get("last_modified")
                if (etag and self.headers.get("If-None-Match") == etag) or \
                        (modified and not etag and self.headers.get("If-Modified-Since") == modified):
                    not_modified = True
                else:
                    not_modified = False
                    served[index] += 1
            headers = dict(response.get("headers", {}))
            if etag:
                headers["ETag"] = etag
            if modified:
                headers["Last-Modified"] = modified
            if not_modified:
                return self.answer(304, headers, b"")
            body = body_of(response)
            fault = response.get("fault")
            if fault == "close":
                self.close_connection = True
                self.connection.shutdown(2)
                return
            if fault in ("stall", "truncate"):
                self.send_response(response.get("status", 200))
                for k, v in headers.items():
                    self.send_header(k, v)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body[: len(body) // 2])
                self.wfile.flush()
                if fault == "stall":
                    time.sleep(60)
                self.close_connection = True
                return
            self.answer(response.get("status", 200), headers, body)

        def answer(self, status, headers, body):
            self.send_response(status)
            for k, v in headers.items():
                self.send_header(k, v)
            if status != 304:
                self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if status != 304:
                self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    print(f"PORT {server.server_address[1]}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
