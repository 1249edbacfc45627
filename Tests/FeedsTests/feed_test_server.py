#!/usr/bin/env python3
"""Local HTTP server for FeedFetcherTests: binds 127.0.0.1 on a free port, prints the port,
serves until stdin closes (so it dies with the test process).
--bare: a site with no feed at the well-known paths (/feed, /rss.xml, /atom.xml, …), for
feed discovery that must find nothing.
--root DIR [--delay SECONDS]: instead, serve the files of DIR by name (404 when missing), plain
200s without validators (a rewritten file is always fetched again), sleeping SECONDS per
request (the end-to-end refresh test)."""
import gzip, os, sys, threading, time, zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

RSS = """<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{title}</title>
<item><guid>1</guid><title>Served item</title><description>Hello over HTTP</description></item></channel></rss>"""
ATOM = """<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom over HTTP</title>
<entry><id>a1</id><title>Atom item</title><link href="/a1"/><content type="html">&lt;p&gt;x&lt;/p&gt;</content></entry></feed>"""
RDF = """<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
<channel rdf:about="x"><title>RDF over HTTP</title></channel><item rdf:about="r1"><title>RDF item</title><link>http://x/r1</link></item></rdf:RDF>"""
JSONFEED = """{"version": "https://jsonfeed.org/version/1.1", "title": "JSON over HTTP",
"items": [{"id": "j1", "title": "JSON item", "content_html": "<p>j</p>"}]}"""
SJIS = '<?xml version="1.0"?><rss><channel><title>T</title><item><guid>1</guid><title>'.encode() + "日本".encode("shift_jis") + b'</title></item></channel></rss>'

# Web pages for feed discovery (FeedDiscoveryTests, FeedDiscoveryCLITests).
PAGES = {
    # One feed, linked by a path relative to the page (/site/ + ../feed.xml = /feed.xml).
    "/site/one.html": """<!DOCTYPE html><html><head><title>One</title>
<link rel="stylesheet" href="/style.css"><link rel="alternate" type="text/html" hreflang="fr" href="/fr/">
<link rel="alternate" type="application/rss+xml" title="Site RSS" href="../feed.xml"></head>
<body><p>Hello</p></body></html>""",
    # <base href> moves relative links: atom.xml is /atom.xml, not /site/atom.xml.
    "/site/base.html": """<html><head><base href="/"><link rel="alternate" type="application/atom+xml" href="atom.xml"></head><body></body></html>""",
    # Several feeds; the WordPress-style JSON API link (no feed-ish title) is not one.
    "/site/several.html": """<!doctype html><html><head>
<link rel="alternate" type="application/json" href="/wp-json/wp/v2/pages/2">
<LINK REL="Alternate" TYPE="application/rss+xml; charset=utf-8" TITLE="All posts &amp; news" HREF="/feed.xml">
<link rel="alternate" type="application/atom+xml" title="Atom" href="/atom.xml">
<link rel="alternate" type="application/json" title="JSON Feed" href="/feed.json">
<link rel="alternate" type="application/rss+xml" title="Duplicate" href="/feed.xml">
</head><body></body></html>""",
    # No <link>: the well-known paths of the site are tried.
    "/site/none.html": """<!DOCTYPE html><html><head><title>Nothing declared</title></head><body><p>x</p></body></html>""",
    # Served with a text/html type but it is an RSS feed: stays a feed.
    "/site/feed-as-html": None,
}

ETAG = '"v1"'


def bomb_segments(wbits):
    """A compressed stream of zeros as (header, segment): after a full flush each segment is
    independent, so header + segment * N inflates to (N + 1) MiB for about 1 KiB per MiB."""
    c = zlib.compressobj(9, zlib.DEFLATED, wbits)
    mib = b"\0" * (1 << 20)
    return c.compress(mib) + c.flush(zlib.Z_FULL_FLUSH), c.compress(mib) + c.flush(zlib.Z_FULL_FLUSH)


GZIP_BOMB = bomb_segments(31)
DEFLATE_BOMB = bomb_segments(15)
LAST_MODIFIED = "Tue, 05 Mar 2024 10:00:00 GMT"


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def send(self, status, body=b"", ctype="application/rss+xml; charset=utf-8", headers=()):
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        for k, v in headers:
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def serve_root(self):
        time.sleep(DELAY)
        path = os.path.join(ROOT, os.path.basename(self.path))
        if os.path.isfile(path):
            with open(path, "rb") as f:
                self.send(200, f.read(), "application/xml; charset=utf-8")
        else:
            self.send(404, b"not here", "application/xml; charset=utf-8")

    def do_GET(self):
        if ROOT is not None:
            return self.serve_root()
        p = self.path
        if BARE and p in ("/feed", "/rss.xml", "/atom.xml", "/index.xml", "/feed.xml", "/feed.json"):
            self.send(404, b"not found", "text/plain")
        elif p in PAGES:
            if PAGES[p] is None:
                self.send(200, RSS.format(title="Mislabelled feed").encode(), "text/html; charset=utf-8")
            else:
                self.send(200, PAGES[p].encode(), "text/html; charset=utf-8")
        elif p == "/feed.xml":
            if self.headers.get("If-None-Match") == ETAG or self.headers.get("If-Modified-Since") == LAST_MODIFIED:
                self.send_response(304)
                self.send_header("ETag", ETAG)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            self.send(200, RSS.format(title="HTTP feed").encode(), headers=[("ETag", ETAG), ("Last-Modified", LAST_MODIFIED)])
        elif p == "/ua.xml":
            ua = self.headers.get("User-Agent", "")
            self.send(200, RSS.format(title=ua.replace("&", "&amp;").replace("<", "&lt;")).encode())
        elif p == "/atom.xml":
            self.send(200, ATOM.encode(), "application/atom+xml")
        elif p == "/rdf.xml":
            self.send(200, RDF.encode(), "application/rdf+xml")
        elif p == "/feed.json":
            self.send(200, JSONFEED.encode(), "application/feed+json")
        elif p == "/sjis.xml":
            self.send(200, SJIS, "text/xml; charset=Shift_JIS")
        elif p.startswith("/status/"):
            self.send(int(p.split("/")[2]), b"error page", "text/html")
        elif p.startswith("/redirect/"):
            n = int(p.split("/")[2])
            target = "/feed.xml" if n <= 1 else "/redirect/%d" % (n - 1)  # /redirect/N = N redirects
            self.send(302, b"", "text/plain", [("Location", target)])
        elif p == "/redirect-file":
            self.send(302, b"", "text/plain", [("Location", "file:///etc/passwd")])
        elif p == "/redirect-ftp":
            self.send(301, b"", "text/plain", [("Location", "ftp://127.0.0.1/feed.xml")])
        elif p == "/slow":
            time.sleep(15)
            self.send(200, RSS.format(title="slow").encode())
        elif p == "/huge":
            body = RSS.format(title="x" * (3 * 1024 * 1024)).encode()
            self.send(200, body)
        elif p == "/huge-chunked":
            # No Content-Length: only counting the bytes can stop it.
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("Connection", "close")
            self.end_headers()
            try:
                for _ in range(64):
                    self.wfile.write(b"x" * 65536)
            except (BrokenPipeError, ConnectionResetError):
                pass
            self.close_connection = True
        elif p == "/gzip.xml":
            if "gzip" in self.headers.get("Accept-Encoding", ""):
                self.send(200, gzip.compress(RSS.format(title="gzipped feed").encode()), headers=[("Content-Encoding", "gzip")])
            else:
                self.send(200, RSS.format(title="plain, client did not ask for gzip").encode())
        elif p == "/gzip-bomb.xml":
            self.send(200, gzip.compress(b" " * (8 * 1024 * 1024)), headers=[("Content-Encoding", "gzip")])
        elif p in ("/bomb/gzip", "/bomb/deflate", "/bomb/gzip-close"):
            self.hostile_bomb(p)
        elif p == "/bomb/gzip-endless":
            # Inflates without end, as fast as the client reads (about 1 GiB per MB sent).
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Connection", "close")
            self.end_headers()
            head, segment = GZIP_BOMB
            sent = [False]

            def next_chunk():
                if not sent[0]:
                    sent[0] = True
                    return head
                return segment * 16
            self.stream(next_chunk)
        elif p.startswith("/endless"):
            # Plain bytes forever; "/endless-length" announces 10 GB, which the size cap refuses up front.
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            if p == "/endless-length":
                self.send_header("Content-Length", str(10 << 30))
            self.send_header("Connection", "close")
            self.end_headers()
            self.stream(lambda: b"<x>" + b"y" * 65530 + b"</x>")
        elif p == "/drip":
            # A byte every 0.2 s: never idle long enough for an idle timeout, only a total one stops it.
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("Connection", "close")
            self.end_headers()
            self.stream(lambda: b" ", pause=0.2)
        elif p == "/stall-headers":
            time.sleep(30)
        elif p == "/huge-headers":
            # Header lines forever (a 1 KB line at a time): the client must give up, not buffer them.
            self.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\n")
            self.stream(lambda: b"X-Filler: " + b"h" * 1000 + b"\r\n")
        elif p == "/redirect-loop":
            self.send(302, b"", "text/plain", [("Location", "/redirect-loop")])
        elif p == "/redirect-javascript":
            self.send(302, b"", "text/plain", [("Location", "javascript:alert(1)")])
        elif p == "/redirect-data":
            self.send(302, b"", "text/plain", [("Location", "data:text/xml,<rss><channel><title>data</title></channel></rss>")])
        elif p == "/image.png":
            self.send(200, b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "image/png")
        elif p == "/html-page":
            self.send(200, b"<!doctype html><html><head><title>Not a feed</title></head><body><p>hi</p></body></html>", "text/html")
        else:
            self.send(404, b"not found", "text/plain")

    def stream(self, chunk, pause=0.0):
        """Writes chunk() until the client goes away (or 10 minutes pass)."""
        deadline = time.time() + 600
        try:
            while time.time() < deadline:
                self.wfile.write(chunk())
                if pause:
                    self.wfile.flush()
                    time.sleep(pause)
        except (BrokenPipeError, ConnectionResetError, OSError):
            pass
        self.close_connection = True

    def hostile_bomb(self, p):
        """A finite bomb: 512 MiB of zeros in about 0.5 MB on the wire, with a Content-Length
        except for /bomb/gzip-close (the end is the connection closing)."""
        head, segment = DEFLATE_BOMB if p == "/bomb/deflate" else GZIP_BOMB
        count = 511
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml")
        self.send_header("Content-Encoding", "deflate" if p == "/bomb/deflate" else "gzip")
        if p != "/bomb/gzip-close":
            self.send_header("Content-Length", str(len(head) + len(segment) * count))
        self.send_header("Connection", "close")
        self.end_headers()
        try:
            self.wfile.write(head)
            for _ in range(count):
                self.wfile.write(segment)
        except (BrokenPipeError, ConnectionResetError, OSError):
            pass
        self.close_connection = True


BARE = "--bare" in sys.argv[1:]


def option(name, default=None):
    args = sys.argv[1:]
    return args[args.index(name) + 1] if name in args[:-1] else default


ROOT = option("--root")
DELAY = float(option("--delay", "0"))


def main():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    print(server.server_address[1], flush=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    sys.stdin.read()  # the test closes our stdin (or dies): stop


if __name__ == "__main__":
    main()
