"""A minimal Chrome DevTools Protocol client over a WebSocket, standard library only.

Starts headless Chromium with a DevTools port, attaches to one page and sends
commands to it; events (console messages, exceptions, load) are collected as
they arrive.
"""

import base64
import json
import os
import re
import shutil
import socket
import struct
import subprocess
import tempfile
import time
from urllib.parse import urlparse


class WebSocket:
    """A client WebSocket: text frames out (masked), text frames in."""

    def __init__(self, url, timeout=30):
        parts = urlparse(url)
        self.sock = socket.create_connection((parts.hostname, parts.port), timeout=timeout)
        key = base64.b64encode(os.urandom(16)).decode()
        request = (
            f"GET {parts.path} HTTP/1.1\r\nHost: {parts.hostname}:{parts.port}\r\n"
            f"Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: {key}\r\n"
            "Sec-WebSocket-Version: 13\r\n\r\n"
        )
        self.sock.sendall(request.encode())
        response = b""
        while b"\r\n\r\n" not in response:
            chunk = self.sock.recv(4096)
            if not chunk:
                raise ConnectionError("DevTools closed the connection during the handshake")
            response += chunk
        head, self.buffer = response.split(b"\r\n\r\n", 1)
        if b" 101 " not in head.split(b"\r\n", 1)[0]:
            raise ConnectionError("WebSocket handshake failed: " + head.decode(errors="replace"))

    def send(self, text):
        payload = text.encode()
        header = bytearray([0x81])
        length = len(payload)
        if length < 126:
            header.append(0x80 | length)
        elif length < 1 << 16:
            header.append(0x80 | 126)
            header += struct.pack(">H", length)
        else:
            header.append(0x80 | 127)
            header += struct.pack(">Q", length)
        mask = os.urandom(4)
        masked = bytes(byte ^ mask[index % 4] for index, byte in enumerate(payload))
        self.sock.sendall(bytes(header) + mask + masked)

    def _read(self, count):
        while len(self.buffer) < count:
            chunk = self.sock.recv(max(65536, count - len(self.buffer)))
            if not chunk:
                raise ConnectionError("DevTools closed the connection")
            self.buffer += chunk
        data, self.buffer = self.buffer[:count], self.buffer[count:]
        return data

    def receive(self):
        """The next complete text message."""
        message = b""
        while True:
            first, second = self._read(2)
            opcode = first & 0x0F
            length = second & 0x7F
            if length == 126:
                length = struct.unpack(">H", self._read(2))[0]
            elif length == 127:
                length = struct.unpack(">Q", self._read(8))[0]
            mask = self._read(4) if second & 0x80 else None
            payload = self._read(length)
            if mask:
                payload = bytes(byte ^ mask[index % 4] for index, byte in enumerate(payload))
            if opcode == 0x8:
                raise ConnectionError("DevTools closed the WebSocket")
            if opcode == 0x9:
                continue
            message += payload
            if first & 0x80:
                return message.decode()

    def close(self):
        try:
            self.sock.close()
        except OSError:
            pass


def find_chromium():
    for name in ("chromium", "chromium-browser", "google-chrome", "chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


class Browser:
    """Headless Chromium with one page attached over CDP."""

    def __init__(self, executable):
        self.profile = tempfile.mkdtemp(prefix="site-browser-")
        self.process = subprocess.Popen(
            [executable, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
             "--no-first-run", "--no-default-browser-check", "--remote-debugging-port=0",
             f"--user-data-dir={self.profile}", "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        url = None
        deadline = time.time() + 30
        while time.time() < deadline:
            line = self.process.stderr.readline()
            if not line and self.process.poll() is not None:
                break
            found = re.search(r"DevTools listening on (ws://\S+)", line)
            if found:
                url = found.group(1)
                break
        if not url:
            self.quit()
            raise RuntimeError("Chromium did not start its DevTools server")
        self.socket = WebSocket(url)
        self.next_id = 0
        self.events = []
        self.scripts = True
        target = self.command("Target.createTarget", url="about:blank")["targetId"]
        self.session = self.command("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        for domain in ("Page", "Runtime", "Log", "DOM", "CSS"):
            self.page(f"{domain}.enable")

    def command(self, method, session=None, **params):
        self.next_id += 1
        identifier = self.next_id
        message = {"id": identifier, "method": method, "params": params}
        if session:
            message["sessionId"] = session
        self.socket.send(json.dumps(message))
        while True:
            reply = json.loads(self.socket.receive())
            if reply.get("id") == identifier:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error'].get('message')}")
                return reply.get("result", {})
            if "method" in reply:
                self.events.append(reply)

    def page(self, method, **params):
        return self.command(method, session=self.session, **params)

    def wait_for(self, method, timeout=20):
        deadline = time.time() + timeout
        self.socket.sock.settimeout(timeout)
        while time.time() < deadline:
            for index, event in enumerate(self.events):
                if event["method"] == method:
                    del self.events[index]
                    return event
            self.events.append(json.loads(self.socket.receive()))
        raise TimeoutError(f"no {method} within {timeout} s")

    def evaluate(self, expression, await_promise=False, timeout=30):
        self.socket.sock.settimeout(timeout)
        result = self.page("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=await_promise)
        if "exceptionDetails" in result:
            raise RuntimeError("script failed: " + json.dumps(result["exceptionDetails"])[:500])
        return result["result"].get("value")

    def open(self, url):
        """Loads `url` and waits for its load event, its fonts and a short settle."""
        self.events = [event for event in self.events if event["method"] != "Page.loadEventFired"]
        self.page("Page.navigate", url=url)
        self.wait_for("Page.loadEventFired")
        if self.scripts:
            self.evaluate("document.fonts.ready.then(() => true)", await_promise=True)
            self.pause(0.1)
        else:
            time.sleep(0.3)

    def set_viewport(self, width, height):
        """Emulates a window `width` x `height` CSS px; under 600 px wide, a phone."""
        self.page("Emulation.setDeviceMetricsOverride", width=width, height=height,
                  deviceScaleFactor=1, mobile=width < 600)

    def set_color_scheme(self, dark):
        self.page("Emulation.setEmulatedMedia",
                  features=[{"name": "prefers-color-scheme", "value": "dark" if dark else "light"}])

    def reset_emulation(self):
        self.page("Emulation.clearDeviceMetricsOverride")
        self.page("Emulation.setEmulatedMedia", features=[])

    def set_scripts(self, enabled):
        """Turns the page's JavaScript on or off for the next loads. With it
        off, `evaluate` cannot run: read the page with `select`."""
        self.page("Emulation.setScriptExecutionDisabled", value=not enabled)
        self.scripts = enabled

    def select(self, selector, style=None):
        """The elements matching `selector`, through the DOM domain, which
        works with the page's scripts off: their number, or with `style` the
        value of that computed style for each."""
        root = self.page("DOM.getDocument", depth=0)["root"]["nodeId"]
        nodes = self.page("DOM.querySelectorAll", nodeId=root, selector=selector)["nodeIds"]
        if style is None:
            return len(nodes)
        values = []
        for node in nodes:
            computed = self.page("CSS.getComputedStyleForNode", nodeId=node)["computedStyle"]
            values.append(next((entry["value"] for entry in computed if entry["name"] == style), None))
        return values

    def center(self, selector):
        """The centre of the first element matching `selector`, in the
        viewport, through the DOM domain (scripts may be off)."""
        root = self.page("DOM.getDocument", depth=0)["root"]["nodeId"]
        node = self.page("DOM.querySelector", nodeId=root, selector=selector)["nodeId"]
        quad = self.page("DOM.getBoxModel", nodeId=node)["model"]["border"]
        return (sum(quad[0::2]) / 4, sum(quad[1::2]) / 4)

    KEYS = {"Escape": 27, "Tab": 9, "Enter": 13, "ArrowLeft": 37, "ArrowUp": 38, "ArrowRight": 39, "ArrowDown": 40, "/": 191}

    def key(self, name, text=None):
        """Presses and releases key `name` as a person would, in the focused element."""
        code = self.KEYS.get(name, 0)
        down = {"type": "keyDown", "key": name, "windowsVirtualKeyCode": code}
        if text:
            down.update(type="keyDown", text=text)
        self.page("Input.dispatchKeyEvent", **down)
        self.page("Input.dispatchKeyEvent", type="keyUp", key=name, windowsVirtualKeyCode=code)

    def click(self, x, y):
        """A left click (or tap) at page coordinates `x`, `y` of the viewport."""
        for kind in ("mousePressed", "mouseReleased"):
            self.page("Input.dispatchMouseEvent", type=kind, x=x, y=y, button="left", clickCount=1)

    def pause(self, seconds):
        self.evaluate(f"new Promise(done => setTimeout(() => done(true), {int(seconds * 1000)}))", await_promise=True)

    def weigh(self, url):
        """Loads `url` with the cache off: each response's address and the
        bytes it took to arrive (compressed, when the server compressed it)."""
        self.page("Network.enable")
        self.page("Network.setCacheDisabled", cacheDisabled=True)
        self.events = [event for event in self.events if not event["method"].startswith("Network.")]
        self.open(url)
        self.pause(0.5)
        addresses = {event["params"]["requestId"]: event["params"]["response"]["url"]
                     for event in self.events if event["method"] == "Network.responseReceived"}
        sizes = [(addresses.get(event["params"]["requestId"], "?"), int(event["params"]["encodedDataLength"]))
                 for event in self.events if event["method"] == "Network.loadingFinished"]
        self.events = [event for event in self.events if not event["method"].startswith("Network.")]
        self.page("Network.disable")
        return sizes

    def take_errors(self):
        """Console errors, uncaught exceptions and failed loads since the last call."""
        errors = []
        for event in self.events:
            params = event.get("params", {})
            if event["method"] == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
                errors.append("console: " + " ".join(str(arg.get("value", arg.get("description", ""))) for arg in params.get("args", [])))
            elif event["method"] == "Runtime.exceptionThrown":
                details = params.get("exceptionDetails", {})
                errors.append("exception: " + details.get("exception", {}).get("description", details.get("text", "")))
            elif event["method"] == "Log.entryAdded" and params.get("entry", {}).get("level") == "error":
                entry = params["entry"]
                errors.append(f"log: {entry.get('text')} {entry.get('url', '')}".strip())
        self.events = [event for event in self.events
                       if event["method"] not in ("Runtime.consoleAPICalled", "Runtime.exceptionThrown", "Log.entryAdded")]
        return errors

    def screenshot(self, path, width, height, dark=False, full_page=True):
        self.set_viewport(width, height)
        self.set_color_scheme(dark)
        self.pause(0.2)
        params = {"format": "png"}
        if full_page:
            size = self.evaluate("[document.documentElement.scrollWidth, document.documentElement.scrollHeight]")
            params.update(captureBeyondViewport=True, clip={"x": 0, "y": 0, "width": width, "height": min(size[1], 12000), "scale": 1})
        data = self.page("Page.captureScreenshot", **params)["data"]
        with open(path, "wb") as file:
            file.write(base64.b64decode(data))
        self.reset_emulation()

    def quit(self):
        if getattr(self, "socket", None):
            self.socket.close()
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
        shutil.rmtree(self.profile, ignore_errors=True)
