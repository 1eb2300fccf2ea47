#!/usr/bin/env python3
"""Drive headless Chromium through the DevTools protocol over a pipe, for the server's page
tests: read a list of steps (JSON) on stdin, run them in one tab, print the results of the
`eval` steps as a JSON list on stdout. No third-party packages: Chromium's own
--remote-debugging-pipe (fd 3 in, fd 4 out, messages ending in NUL).

Steps:
  {"navigate": URL}                 load URL, wait for the load event
  {"eval": JS}                      evaluate JS in the page, append its value to the results
  {"act": JS}                       evaluate JS that navigates (a form submit, a click), wait for the load
  {"screenshot": PATH}              save a PNG of the page

Exit 0 with the results; 2 when Chromium is missing; 1 on any other failure (named on stderr).
"""
import base64, json, os, shutil, subprocess, sys, tempfile

TIMEOUT_SECONDS = 60


class Browser:
    def __init__(self, executable):
        self.profile = tempfile.mkdtemp(prefix="ledger-chromium-")
        to_child_r, self.to_child = os.pipe()
        self.from_child, from_child_w = os.pipe()

        def wire():
            # Copies first, so that neither end can be overwritten by the other's move to 3 or 4.
            reading, writing = os.dup(to_child_r), os.dup(from_child_w)
            os.dup2(reading, 3, inheritable=True)
            os.dup2(writing, 4, inheritable=True)

        self.process = subprocess.Popen(
            [executable, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--remote-debugging-pipe", f"--user-data-dir={self.profile}", "--window-size=1100,1400",
             "about:blank"],
            close_fds=False, preexec_fn=wire,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_child_r)
        os.close(from_child_w)
        self.next_id = 0
        self.buffer = b""
        self.events = []
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        self.call("Page.enable", session=self.session)
        self.call("Runtime.enable", session=self.session)

    def send(self, method, params=None, session=None):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self.to_child, json.dumps(message).encode() + b"\0")
        return self.next_id

    def receive(self):
        while b"\0" not in self.buffer:
            chunk = os.read(self.from_child, 1 << 16)
            if not chunk:
                raise RuntimeError("chromium closed the pipe")
            self.buffer += chunk
        message, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(message)

    def call(self, method, params=None, session=None):
        wanted = self.send(method, params, session)
        while True:
            message = self.receive()
            if message.get("id") == wanted:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})
            self.events.append(message)

    def wait_for_load(self):
        while True:
            for index, event in enumerate(self.events):
                if event.get("method") == "Page.loadEventFired" and event.get("sessionId") == self.session:
                    del self.events[: index + 1]
                    return
            self.events.append(self.receive())

    def evaluate(self, expression):
        result = self.call("Runtime.evaluate", {"expression": expression, "returnByValue": True,
                                                "awaitPromise": True}, self.session)
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression}: {result['exceptionDetails'].get('text')}")
        return result["result"].get("value")

    def close(self):
        self.process.kill()
        self.process.wait()
        shutil.rmtree(self.profile, ignore_errors=True)


def main():
    # Debian's /usr/bin/chromium is a shell wrapper; the binary itself keeps the pipe's fds.
    real = "/usr/lib/chromium/chromium"
    executable = (real if os.access(real, os.X_OK) else None) or shutil.which("chromium") \
        or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if executable is None:
        print("chromium is not installed", file=sys.stderr)
        return 2
    steps = json.load(sys.stdin)
    browser = Browser(executable)
    results = []
    try:
        for step in steps:
            if "navigate" in step:
                browser.events.clear()
                browser.call("Page.navigate", {"url": step["navigate"]}, browser.session)
                browser.wait_for_load()
            elif "act" in step:
                browser.events.clear()
                browser.evaluate(step["act"])
                browser.wait_for_load()
            elif "eval" in step:
                results.append(browser.evaluate(step["eval"]))
            elif "screenshot" in step:
                shot = browser.call("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True},
                                    browser.session)
                with open(step["screenshot"], "wb") as file:
                    file.write(base64.b64decode(shot["data"]))
            else:
                raise RuntimeError(f"unknown step {step}")
    finally:
        browser.close()
    json.dump(results, sys.stdout)
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except Exception as error:  # named on stderr for the test's failure message
        print(f"drive.py: {error}", file=sys.stderr)
        sys.exit(1)
