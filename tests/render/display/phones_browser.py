#!/usr/bin/env python3
"""Two phones vote through nofly's vote page (`nofly view --class`), as
students would: headless Chromium, driven over the DevTools protocol
(python3-websocket, from Debian), with one browser context a phone so that
each has its own cookies. Phone A types a wrong code first and is refused,
then joins and votes; phone B joins and votes; phone A tries again and is
refused. Only the given loopback URL is opened.

Usage: phones_browser.py URL CODE CHOICE_A CHOICE_B SCREENSHOT

Prints one line per check ("ok: ..." or "FAIL: ..."), exits 1 if any failed,
2 if the browser could not be driven. Used by classroom_display_test.cpp.
"""
import base64
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time

try:
    import websocket  # python3-websocket
except ImportError:
    print("FAIL: python3-websocket is not installed (.ci/install-deps test installs it)")
    sys.exit(2)


class Browser:
    def __init__(self):
        self.profile = tempfile.mkdtemp(prefix="nofly-phones-")
        self.process = subprocess.Popen(
            ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             "--remote-debugging-port=0", "--user-data-dir=" + self.profile, "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        ws = None
        deadline = time.time() + 60
        while time.time() < deadline and ws is None:
            m = re.search(r"DevTools listening on (ws://\S+)", self.process.stderr.readline())
            if m:
                ws = m.group(1)
        if ws is None:
            raise RuntimeError("chromium did not open its DevTools port")
        self.socket = websocket.create_connection(ws, timeout=60)
        self.next_id = 0

    def call(self, method, session=None, **params):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params}
        if session:
            message["sessionId"] = session
        self.socket.send(json.dumps(message))
        while True:
            reply = json.loads(self.socket.recv())
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(method + ": " + json.dumps(reply["error"]))
                return reply.get("result", {})

    def close(self):
        try:
            self.socket.close()
        finally:
            self.process.kill()
            self.process.wait()
            shutil.rmtree(self.profile, ignore_errors=True)


class Phone:
    """A page in a browser context of its own: its own cookies, as a phone has."""

    def __init__(self, browser, url):
        self.browser = browser
        context = browser.call("Target.createBrowserContext")["browserContextId"]
        target = browser.call("Target.createTarget", url="about:blank", browserContextId=context,
                              width=390, height=800)["targetId"]
        self.session = browser.call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        browser.call("Page.enable", session=self.session)
        browser.call("Page.navigate", session=self.session, url=url)
        self.wait_for("document.readyState === 'complete' && !!document.getElementById('code')")

    def js(self, expression):
        result = self.browser.call("Runtime.evaluate", session=self.session, expression=expression,
                                   returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            raise RuntimeError("page script failed: " + json.dumps(result["exceptionDetails"])[:400])
        return result["result"].get("value")

    def wait_for(self, expression, seconds=30):
        deadline = time.time() + seconds
        while time.time() < deadline:
            try:
                if self.js(expression):
                    return True
            except RuntimeError:
                pass
            time.sleep(0.05)
        raise RuntimeError("timed out waiting for " + expression)

    def click(self, selector):
        box = self.js("(() => { const r = document.querySelector(%s).getBoundingClientRect();"
                      " return [r.x + r.width / 2, r.y + r.height / 2]; })()" % json.dumps(selector))
        for kind in ("mouseMoved", "mousePressed", "mouseReleased"):
            self.browser.call("Input.dispatchMouseEvent", session=self.session, type=kind, x=box[0], y=box[1],
                              button="left", clickCount=1)

    def type_code(self, code):
        self.click("#code")
        self.js("document.getElementById('code').value = ''")
        self.browser.call("Input.insertText", session=self.session, text=code)
        self.click("#join")

    def status(self):
        return self.js("document.getElementById('status').textContent")

    def screenshot(self, path):
        data = self.browser.call("Page.captureScreenshot", session=self.session, format="png")["data"]
        with open(path, "wb") as f:
            f.write(base64.b64decode(data))


failures = 0


def check(condition, what):
    global failures
    print(("ok: " if condition else "FAIL: ") + what, flush=True)
    if not condition:
        failures += 1


def main():
    url, code, choice_a, choice_b, screenshot = sys.argv[1:6]
    if not re.match(r"^http://127\.0\.0\.1:\d+/?$", url):
        print("FAIL: the phones open the loopback address only, not " + url)
        return 2
    wrong = "9" * len(code) if code != "9" * len(code) else "1" * len(code)
    browser = Browser()
    try:
        a = Phone(browser, url)
        b = Phone(browser, url)
        # a wrong code is refused, and nothing is shown to vote on
        a.type_code(wrong)
        a.wait_for("document.getElementById('status').textContent.length > 0")
        check("Wrong code" in a.status(), "a wrong code is refused: " + a.status())
        check(a.js("document.querySelectorAll('button.choice').length") == 0, "no choices behind a wrong code")
        # the right code: the question open in the window, its choices as buttons
        for phone in (a, b):
            phone.type_code(code)
            phone.wait_for("document.querySelectorAll('button.choice').length > 0")
        check(a.js("document.getElementById('ask').textContent").startswith("Will the"),
              "the question shows: " + a.js("document.getElementById('ask').textContent"))
        a.click("button.choice[data-choice=%s]" % json.dumps(choice_a))
        a.wait_for("document.getElementById('status').textContent.length > 0")
        check(a.status().startswith("Counted: " + choice_a), "phone A's vote is counted: " + a.status())
        b.click("button.choice[data-choice=%s]" % json.dumps(choice_b))
        b.wait_for("document.getElementById('status').textContent.length > 0")
        check(b.status().startswith("Counted: " + choice_b), "phone B's vote is counted: " + b.status())
        check(a.js("[...document.querySelectorAll('button.choice')].every(b => b.disabled)"),
              "phone A's buttons are off once it has voted")
        # a second vote from the same phone, sent past the page's buttons, is refused by the server
        again = a.js("(async () => { const key = JSON.parse(await (await fetch('/question?code=%s')).text()).key;"
                     " const r = await fetch('/vote', {method: 'POST', body: new URLSearchParams("
                     "{code: '%s', key: key, choice: %s})});"
                     " return [r.status, (await r.json()).message]; })()" % (code, code, json.dumps(choice_b)))
        check(again[0] == 409 and "already voted" in again[1], "a second vote from phone A is refused: %s" % again)
        a.screenshot(screenshot)
    finally:
        browser.close()
    return 1 if failures else 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except Exception as e:  # the browser could not be driven
        print("FAIL: " + str(e))
        sys.exit(2)
