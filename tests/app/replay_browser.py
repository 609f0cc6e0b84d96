#!/usr/bin/env python3
"""Plays a nofly replay page in headless Chromium, driven over the DevTools
protocol (python3-websocket, from Debian), as a person would: real mouse
clicks on the page's buttons and map, Play at a high speed until the clock
passes a time, Pause, then reads what the page shows.

Usage: replay_browser.py flagship PAGE SCREENSHOT
       replay_browser.py kastrup PAGE SCREENSHOT

Prints one line per check ("ok: ..." or "FAIL: ..."), exits 1 if any failed,
2 if the browser could not be driven. Used by tests/app/replay_test.cpp.
"""
import base64
import json
import os
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


class Page:
    def __init__(self, url):
        self.profile = tempfile.mkdtemp(prefix="nofly-cdp-")
        self.browser = subprocess.Popen(
            ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             "--remote-debugging-port=0", "--window-size=1600,900",
             "--user-data-dir=" + self.profile, url],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        ws = None
        deadline = time.time() + 60
        while time.time() < deadline and ws is None:
            line = self.browser.stderr.readline()
            m = re.search(r"DevTools listening on (ws://\S+)", line)
            if m:
                ws = m.group(1)
        if ws is None:
            raise RuntimeError("chromium did not open its DevTools port")
        self.socket = websocket.create_connection(ws, timeout=60)
        self.next_id = 0
        targets = self.call("Target.getTargets")["targetInfos"]
        page = [t for t in targets if t["type"] == "page"][0]
        self.session = self.call("Target.attachToTarget", targetId=page["targetId"], flatten=True)["sessionId"]
        self.wait_for("document.body && document.body.dataset.ready === 'yes'")

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

    def page(self, method, **params):
        return self.call(method, session=self.session, **params)

    def js(self, expression):
        result = self.page("Runtime.evaluate", expression=expression, returnByValue=True)
        if "exceptionDetails" in result:
            raise RuntimeError("page script failed: " + json.dumps(result["exceptionDetails"])[:400])
        return result["result"].get("value")

    def wait_for(self, expression, seconds=60):
        deadline = time.time() + seconds
        while time.time() < deadline:
            try:
                if self.js(expression):
                    return True
            except RuntimeError:
                pass
            time.sleep(0.05)
        raise RuntimeError("timed out waiting for " + expression)

    def click_at(self, x, y):
        for kind in ("mouseMoved", "mousePressed", "mouseReleased"):
            self.page("Input.dispatchMouseEvent", type=kind, x=x, y=y, button="left", clickCount=1)

    def click_element(self, selector):
        box = self.js("(() => { const r = document.querySelector(%s).getBoundingClientRect();"
                      " return [r.x + r.width / 2, r.y + r.height / 2]; })()" % json.dumps(selector))
        self.click_at(box[0], box[1])

    def click_on_map(self, pane, thing):
        """A click where the page draws a flight, its cancelled take-off or an airport."""
        at = self.js("(() => { const p = panes[%d]; const a = screenOf(p, %s);"
                     " const r = p.canvas.getBoundingClientRect(); return a && [r.x + a[0], r.y + a[1]]; })()"
                     % (pane, json.dumps(thing)))
        if not at:
            raise RuntimeError(thing + " is not drawn on the map now")
        self.click_at(at[0], at[1])

    def play_until(self, clock):
        """Play until the page's clock passes `clock` (HH:MM), then pause: at 600x to half an hour
        before, paused while the speed goes back to 60x (as a teacher would), then at 60x. A click
        on a busy machine can take a second or two: at 600x that is 10-20 simulated minutes, at
        3000x (the top speed) it was an hour, past the time the test asks for."""
        hours, minutes = (int(x) for x in clock.split(":"))
        early = "%02d:%02d:00" % divmod((hours * 60 + minutes - 30) % (24 * 60), 60)
        for _ in range(3):
            self.click_element("#faster")  # 60x -> 120x, 300x, 600x
        self.click_element("#play")
        self.wait_for("document.body.dataset.time >= %s" % json.dumps(early), 120)
        self.click_element("#play")  # pause
        for _ in range(3):
            self.click_element("#slower")  # back to 60x
        self.click_element("#play")
        self.wait_for("document.body.dataset.time >= %s" % json.dumps(clock + ":00"), 120)
        self.click_element("#play")

    def screenshot(self, path):
        data = self.page("Page.captureScreenshot", format="png")["data"]
        with open(path, "wb") as f:
            f.write(base64.b64decode(data))

    def close(self):
        try:
            self.socket.close()
        finally:
            self.browser.kill()
            self.browser.wait()
            shutil.rmtree(self.profile, ignore_errors=True)


failures = 0


def check(ok, what, seen=""):
    global failures
    print(("ok: " if ok else "FAIL: ") + what + ("" if ok else " (saw: " + str(seen)[:300] + ")"))
    if not ok:
        failures += 1


def flagship(page, shot):
    b = "document.body.dataset"
    # the class predicts before playing: a real click on the wedding question's "cancelled"
    page.click_element("button[data-q='wedding'][data-c='cancelled']")
    check(page.js("state.answers['wedding']") == "cancelled", "the click on 'cancelled' records the prediction")
    check("national-ban" in page.js(b + ".inForce").split(), "the ban is drawn in force from the first frame")
    page.play_until("11:05")
    t = page.js(b + ".time")
    check("11:05:00" <= t < "11:30:00", "played and paused just after 11:05", t)
    check("national-ban" in page.js(b + ".inForce").split(), "the ban is drawn in force at " + t)
    page.click_on_map(0, "wedding-photos")
    card = page.js("document.getElementById('card').textContent")
    check(page.js("document.getElementById('card').dataset.selected") == "wedding-photos",
          "the click on its cancelled take-off selects the wedding photographer")
    check(card.startswith("Flight wedding-photos at 11:00: cancelled\n"), "its verdict card opens", card)
    check("Prohibited by Nationwide civil drone ban" in card, "the card says which rule stopped it", card)
    reveal = page.js("document.querySelector('[data-question=\"wedding\"] .reveal').textContent")
    check(reveal.startswith("What happened: cancelled") and reveal.endswith("right"),
          "the answer is revealed and the prediction marked right", reveal)
    page.screenshot(shot)


def kastrup(page, shot):
    b = "document.body.dataset"
    check(page.js(b + ".closed") == "", "EKCH is open at the start")
    page.play_until("20:30")
    t = page.js(b + ".time")
    check("20:30:00" <= t < "21:00:00", "played and paused just after 20:30", t)
    check(page.js(b + ".closed") == "EKCH", "EKCH is drawn closed", page.js(b + ".closed"))
    tracks = page.js(b + ".tracks").split()
    check("T17:unknown" in tracks, "track T17 is on the map, unknown", tracks)
    page.click_on_map(0, "EKCH")
    card = page.js("document.getElementById('card').textContent")
    check(card.startswith("Airport EKCH at 20:26:07: closed\n"), "a click on EKCH opens its closure card", card)
    check("because track T17, unknown" in card, "the card names the track that closed it", card)
    page.screenshot(shot)


def main():
    which, html, shot = sys.argv[1], os.path.abspath(sys.argv[2]), sys.argv[3]
    try:
        page = Page("file://" + html)
    except Exception as e:  # noqa: BLE001 - the browser itself could not be driven
        print("FAIL: could not drive chromium: %s" % e)
        return 2
    try:
        {"flagship": flagship, "kastrup": kastrup}[which](page, shot)
    except Exception as e:  # noqa: BLE001
        check(False, "the page could be driven to the end", e)
    finally:
        page.close()
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
