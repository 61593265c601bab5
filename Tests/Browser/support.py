"""Helpers shared by the browser tests of built pages (test_offline.py, test_phone_layout.py):
headless Chromium (optionally as a 390×844 touch phone), a local server that can be stopped, waits,
and a tiny runner that prints `PASS`/`FAIL` per check and `N passed, N failed` last.
"""
import functools
import http.server
import os
import tempfile
import threading
import time
import traceback

from PIL import Image
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

CHROMIUM = os.environ.get('DINH_CHROMIUM', '/usr/lib/chromium/chromium')
CHROMEDRIVER = os.environ.get('DINH_CHROMEDRIVER', '/usr/bin/chromedriver')
PHONE = {'deviceMetrics': {'width': 390, 'height': 844, 'pixelRatio': 2, 'touch': True},
         'userAgent': 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) '
                      'Chrome/126.0 Mobile Safari/537.36'}


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def send_error(self, code, message=None, explain=None):
        """A missing address gets the site's 404.html, as static hosts (GitHub Pages, Netlify, nginx's error_page) serve it."""
        page = os.path.join(self.directory, '404.html')
        if code != 404 or not os.path.isfile(page):
            return super().send_error(code, message, explain)
        body = open(page, 'rb').read()
        self.send_response(404)
        self.send_header('Content-Type', 'text/html; charset=utf-8')
        self.send_header('Content-Length', str(len(body)))
        self.end_headers()
        if self.command != 'HEAD':
            self.wfile.write(body)


class Server:
    """Serves a folder on 127.0.0.1 (a secure context: service workers run). `stop()` closes the
    listening socket, so later requests are refused as with no network."""

    def __init__(self, folder, port=0):
        http.server.ThreadingHTTPServer.allow_reuse_address = True
        self.httpd = http.server.ThreadingHTTPServer(('127.0.0.1', port), functools.partial(Quiet, directory=folder))
        self.port = self.httpd.server_address[1]
        self.base = 'http://127.0.0.1:%d/' % self.port
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def stop(self):
        self.httpd.shutdown()
        self.httpd.server_close()


def browser(phone=False, webgl=True, width=1366, height=900, page_load='normal', lang=None, phone_width=390):
    """Headless Chromium; `page_load='none'`: navigation returns at once (for a page whose load never ends);
    `lang`: the browser's languages (`'en-US,en'`), for its pages and its service workers alike; `phone_width`:
    the phone's width in CSS px (195: a 390-px phone at 200 % zoom, its screen's pixels the same)."""
    o = webdriver.ChromeOptions()
    o.page_load_strategy = page_load
    o.binary_location = CHROMIUM
    for arg in ('--headless=new', '--no-sandbox', '--window-size=%d,%d' % (width, height), '--disable-gpu-sandbox',
                '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1', '--no-first-run',
                '--disable-background-networking', '--disable-component-update', '--disable-sync',
                '--hide-scrollbars'):
        o.add_argument(arg)
    if webgl:
        for arg in ('--use-gl=angle', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'):
            o.add_argument(arg)
    if phone:
        metrics = {'width': phone_width, 'height': 844 * phone_width // 390, 'pixelRatio': 780 / phone_width, 'touch': True}
        o.add_experimental_option('mobileEmulation', dict(PHONE, deviceMetrics=metrics))
    if lang:
        o.add_argument('--lang=' + lang.split(',')[0])
        o.add_experimental_option('prefs', {'intl.accept_languages': lang})
    o.set_capability('goog:loggingPrefs', {'browser': 'ALL'})
    return webdriver.Chrome(options=o, service=Service(CHROMEDRIVER))


def wait(driver, script, timeout=20, *args):
    end = time.time() + timeout
    while time.time() < end:
        value = driver.execute_script(script, *args)
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError('timed out waiting for: ' + script)


def widths(driver):
    """[the page's width, the phone's]: the page scrolls sideways when the first is larger.
    Not `innerWidth`: a phone widens its layout viewport to take in content that overflows."""
    return driver.execute_script('return [document.documentElement.scrollWidth, document.documentElement.clientWidth]')


def canvas_spread(driver, selector='.dinh-pano canvas'):
    """The grey-level range of the panorama canvas as shown (0 when uniform or black)."""
    canvas = driver.find_element(By.CSS_SELECTOR, selector)
    path = os.path.join(tempfile.gettempdir(), 'dinh-canvas-%d.png' % os.getpid())
    canvas.screenshot(path)
    lo, hi = Image.open(path).convert('L').getextrema()
    return hi - lo


def boxes(driver, elements):
    """[left, top, width, height, name] of each of `elements` that is shown."""
    return driver.execute_script(
        'return [].filter.call(arguments[0], e => e.checkVisibility()).map(e => { var r = e.getBoundingClientRect();'
        ' return [r.left, r.top, r.width, r.height, e.getAttribute("aria-label") || e.className || e.textContent.trim()]; })', elements)


def out_of_reading_order(boxes):
    """The pairs of boxes, taken in Tab order, where the second is read before the first: above it, or
    left of it on the same row (the middle of one within the other's height)."""
    def row(a, b):
        return a[1] < b[1] + b[3] / 2 < a[1] + a[3] or b[1] < a[1] + a[3] / 2 < b[1] + b[3]
    return [(a[4], b[4]) for a, b in zip(boxes, boxes[1:]) if (b[0] < a[0] - 1 if row(a, b) else b[1] < a[1])]


def severe(driver):
    return [e for e in driver.get_log('browser') if e.get('level') == 'SEVERE']


class Runner:
    def __init__(self):
        self.passed = self.failed = 0

    def run(self, name, fn, *args):
        try:
            fn(*args)
            self.passed += 1
            print('PASS ' + name, flush=True)
        except Exception:
            self.failed += 1
            print('FAIL ' + name, flush=True)
            traceback.print_exc(limit=4)

    def finish(self):
        print('%d passed, %d failed' % (self.passed, self.failed))
        return 1 if self.failed else 0
