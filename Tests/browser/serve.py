"""A static server on the loopback address that compresses text as web hosts
do (gzip for HTML, CSS, JavaScript and SVG when the browser accepts it), so
that a page's weight can be measured as a reader downloads it.
"""

import gzip
import http.server
import io
import os
import threading

COMPRESSED = {".html", ".css", ".js", ".svg", ".json", ".txt"}


class Handler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *arguments):
        pass

    def send_head(self):
        path = self.translate_path(self.path)
        extension = os.path.splitext(path)[1]
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (os.path.isfile(path) and extension in COMPRESSED and accepts):
            return super().send_head()
        with open(path, "rb") as file:
            body = gzip.compress(file.read(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


class Server:
    """Serves `folder` at http://127.0.0.1:PORT/ until `stop`."""

    def __init__(self, folder):
        handler = lambda *arguments: Handler(*arguments, directory=folder)  # noqa: E731
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def stop(self):
        self.httpd.shutdown()
        self.httpd.server_close()
