"""Times `lecture preview` from a save to the reload event, for a one-cell edit
in each chapter of the bundled course, side by side with the loop without a
preview: the same edit, then `lecture build` (which a reader would follow with
a reload by hand). Prints medians and ratios as a Markdown table.

Each edit appends `print("edit RUN-N")` to the first plain `swift` cell of the
chapter (`print("build edit RUN-N")` in the other loop), with a new N each
time and RUN new for each run of the benchmark, so that the chapter really
compiles and runs again, in both loops; it is saved as editors save (a new file renamed over the old one). The
preview runs on a copy of lectures/ in a temporary folder, the `lecture build`
loop on another copy: the bundled lectures are never changed. Both share the
tool's cache of the library and of unchanged chapters, as an author's do.

A chapter whose run takes a while shows its page early, as soon as the edited
cell is done (the preview says so on its own line): the table gives the time
to that first reload, with the edit on the page, and to the last one, with
the whole chapter run again; for a short chapter the two are one. The
preview's line after each save says what the time went to (compiling the
chapter, running it, building the site); the table gives the medians.

Usage: python3 Benchmarks/preview/bench.py LECTURE_BINARY [--reps N]
"""
import argparse
import glob
import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid

root = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
STATUS = re.compile(r"preview: (?P<chapters>[^:]*): compile (?P<compile>[\d.]+) s, run (?P<run>[\d.]+) s, site (?P<site>[\d.]+) s")


def first_plain_cell_end(text):
    """The offset of the closing fence of the first cell fenced exactly ```swift."""
    lines = text.split("\n")
    offset = 0
    inside = False
    for line in lines:
        if not inside and line.strip() == "```swift":
            inside = True
        elif inside and line.strip() == "```":
            return offset
        offset += len(line) + 1
    raise ValueError("no plain swift cell")


RUN = uuid.uuid4().hex[:8]


def edited(text, number, who="edit"):
    """`text` with `print("edit RUN-N")` at the end of its first plain cell:
    RUN names this benchmark run, since compiled programs are cached by content
    from one run to the next."""
    end = first_plain_cell_end(text)
    return text[:end] + f'print("{who} {RUN}-{number}")\n' + text[end:]


def save(path, text):
    temporary = os.path.join(os.path.dirname(path), "." + os.path.basename(path) + ".swp")
    with open(temporary, "w", encoding="utf-8") as file:
        file.write(text)
    os.rename(temporary, path)


class Events:
    """The preview's reload events, read on a thread: (arrival time, payload)."""

    def __init__(self, port, session, since):
        self.sock = socket.create_connection(("127.0.0.1", port))
        self.sock.sendall(f"GET /_preview/events?session={session}&since={since} HTTP/1.1\r\n"
                          f"Host: 127.0.0.1:{port}\r\n\r\n".encode())
        self.received = []
        self.lock = threading.Lock()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        pending = b""
        while True:
            try:
                chunk = self.sock.recv(65536)
            except OSError:
                return
            if not chunk:
                return
            arrived = time.perf_counter()
            pending += chunk
            while b"\n" in pending:
                line, pending = pending.split(b"\n", 1)
                line = line.strip()
                if line.startswith(b"data: "):
                    with self.lock:
                        self.received.append((arrived, json.loads(line[6:])))

    def wait(self, page, after, timeout=600):
        """The first event after the first `after` that names `page`: its
        arrival time, and the number of events up to it."""
        deadline = time.time() + timeout
        while time.time() < deadline:
            with self.lock:
                for index, (arrived, payload) in enumerate(self.received[after:], start=after):
                    if payload["all"] or page in payload["changed"]:
                        return arrived, index + 1
            time.sleep(0.002)
        raise TimeoutError(f"no reload event for {page} within {timeout} s")

    def count(self):
        with self.lock:
            return len(self.received)


def get(port, path):
    with socket.create_connection(("127.0.0.1", port)) as sock:
        sock.sendall(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n".encode())
        data = b""
        while True:
            chunk = sock.recv(65536)
            if not chunk:
                break
            data += chunk
            head, _, body = data.partition(b"\r\n\r\n")
            length = re.search(rb"content-length: (\d+)", head, re.I)
            if length and len(body) >= int(length.group(1)):
                break
    return data.partition(b"\r\n\r\n")[2].decode(errors="replace")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("lecture")
    parser.add_argument("--reps", type=int, default=5)
    arguments = parser.parse_args()
    lecture = os.path.abspath(arguments.lecture)
    chapters = sorted(os.path.basename(path) for path in glob.glob(os.path.join(root, "lectures", "*.md")))

    scratch = tempfile.mkdtemp(prefix="preview-bench-")
    previewed = os.path.join(scratch, "preview")
    built = os.path.join(scratch, "build")
    for folder in (previewed, built):
        shutil.copytree(os.path.join(root, "lectures"), os.path.join(folder, "lectures"))
    log = open(os.path.join(scratch, "preview.out"), "w+", encoding="utf-8")
    env = dict(os.environ, CI="true")
    # Both copies are lectures of this package's course, run from its root.
    process = subprocess.Popen([lecture, "preview", "--port", "0", "--lectures", os.path.join(previewed, "lectures")], cwd=root,
                               stdout=log, stderr=subprocess.STDOUT, env=env)
    try:
        print("starting lecture preview on a copy of lectures/", file=sys.stderr)
        port = None
        deadline = time.time() + 1800
        while port is None and time.time() < deadline and process.poll() is None:
            log.seek(0)
            found = re.search(r"preview: serving .*?http://127\.0\.0\.1:(\d+)/", log.read())
            port = int(found.group(1)) if found else None
            time.sleep(0.2)
        if port is None:
            log.seek(0)
            sys.exit("the preview did not start:\n" + log.read())
        page = get(port, "/index.html")
        session, since = re.search(r"session=([0-9a-z]+)&since=(\d+)", page).groups()
        events = Events(port, session, since)
        rows = []
        number = 0
        for chapter in chapters:
            name = chapter[:-3] + ".html"
            originals = {}
            for folder in (previewed, built):
                with open(os.path.join(folder, "lectures", chapter), encoding="utf-8") as file:
                    originals[folder] = file.read()
            shown, reloads, parts, builds = [], [], [], []
            problems = 0
            for _ in range(arguments.reps):
                number += 1
                log.seek(0, os.SEEK_END)
                before = log.tell()
                seen = events.count()
                start = time.perf_counter()
                save(os.path.join(previewed, "lectures", chapter), edited(originals[previewed], number))
                arrived, seen = events.wait(name, seen)
                shown.append(arrived - start)
                time.sleep(0.05)
                log.seek(before)
                if f"preview: {chapter[:-3]}: shown while it runs" in log.read():
                    if f"edit {RUN}-{number}" not in get(port, "/" + name):
                        problems += 1
                    arrived, seen = events.wait(name, seen)
                    time.sleep(0.05)
                reloads.append(arrived - start)
                log.seek(before)
                status = [match for match in STATUS.finditer(log.read()) if chapter[:-3] in match.group("chapters").split(", ")]
                if status:
                    parts.append(tuple(float(status[-1].group(key)) for key in ("compile", "run", "site")))
                served = get(port, "/" + name)
                if f"edit {RUN}-{number}" not in served or "lecture-preview-problems" in served or "lecture-preview-running" in served:
                    problems += 1

                # Another text than the preview's: compiled programs are cached by content.
                save(os.path.join(built, "lectures", chapter), edited(originals[built], number, who="build edit"))
                start = time.perf_counter()
                result = subprocess.run([lecture, "build", "--lectures", os.path.join(built, "lectures"), "--out", os.path.join(built, "_site")], cwd=root,
                                        capture_output=True, text=True, env=env)
                builds.append(time.perf_counter() - start)
                if result.returncode != 0:
                    sys.exit(f"lecture build failed:\n{result.stdout}\n{result.stderr}")
            for folder in (previewed, built):
                save(os.path.join(folder, "lectures", chapter), originals[folder])
            time.sleep(1)
            median = statistics.median(reloads)
            first = statistics.median(shown)
            compile_, run, site = (statistics.median(part[index] for part in parts) for index in range(3)) if parts else (0, 0, 0)
            build = statistics.median(builds)
            rows.append((chapter, first, min(shown), max(shown), median, compile_, run, site, build, problems))
            print(f"{chapter}: edit shown {first:.2f} s, done {median:.2f} s (compile {compile_:.2f}, run {run:.2f}, site {site:.2f}); "
                  f"lecture build {build:.2f} s", file=sys.stderr)
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()
        shutil.rmtree(scratch, ignore_errors=True)

    print(f"\nSave to reload event, one-cell edit, median of {arguments.reps} (min–max): the first reload, with the "
          "edit on the page, and the last, with the chapter done; what the preview spent, medians; and the same edit "
          "followed by `lecture build`:\n")
    print("| chapter | save → edit on the page | save → chapter done | compile | run | site | rest | `lecture build` | build / preview |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for chapter, first, low, high, median, compile_, run, site, build, problems in rows:
        note = f" ({problems} without the edit or with errors)" if problems else ""
        rest = median - compile_ - run - site
        print(f"| {chapter} | {first:.2f} s ({low:.2f}–{high:.2f}){note} | {median:.2f} s | {compile_:.2f} s | {run:.2f} s "
              f"| {site:.2f} s | {rest:.2f} s | {build:.2f} s | {build / first:.1f}× |")
    print("\n(rest: the median save → chapter done less the medians of the three parts: the watcher, parsing, the "
          "cache's look-ups, the event; it can come out below zero)")
    if any(row[-1] for row in rows):
        sys.exit(1)


if __name__ == "__main__":
    main()
