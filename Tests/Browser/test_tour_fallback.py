#!/usr/bin/env python3
"""The relic page's tour when its viewer does not come, in headless Chromium as a 390×844 touch phone.

usage: test_tour_fallback.py SITE_DIR   (a folder built by `dinh build` from the demo content/)

On a flaky rural network (or behind a blocker) viewer.js may fail or never arrive. The demo's Đình Đại
Phùng is served with viewer.js answering 404, blocked (CDP Network.setBlockedURLs), or held by the
server without an answer: the panorama's flat photo and the scene links must show (at once for a
404 or a block, after the page's timeout when the script hangs; a viewer arriving late then takes
over). With viewer.js working, on an emulated slow 4G, the photo must not be fetched before the
panorama's first pixels (it would compete with the preview for the phone's bandwidth) and stays
hidden. Last line: `N passed, N failed`.
"""
import functools
import http.server
import os
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from support import Quiet, Runner, browser, severe, wait  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402

SITE = os.path.abspath(sys.argv[1])
PAGE = 'heritage/dinh-dai-phung/'
VIEWER = 'assets/viewer.js'
TIMEOUT = 8  # the page's own wait for a viewer that has not started
r = Runner()


class Flaky(Quiet):
    """Serves the site; viewer.js as `mode` says: 'ok', '404', or 'hang' (no answer until `release` is set)."""
    mode = 'ok'
    release = threading.Event()
    asked = []  # (time, path) of every request, as the server saw it arrive

    def do_GET(self):
        Flaky.asked.append((time.time(), self.path.split('?')[0]))
        if self.path.split('?')[0].endswith(VIEWER) and Flaky.mode != 'ok':
            if Flaky.mode == 'hang':
                Flaky.release.wait(60)
            else:
                self.send_error(404)
                return
        super().do_GET()


http.server.ThreadingHTTPServer.allow_reuse_address = True
httpd = http.server.ThreadingHTTPServer(('127.0.0.1', 0), functools.partial(Flaky, directory=SITE))
threading.Thread(target=httpd.serve_forever, daemon=True).start()
URL = 'http://127.0.0.1:%d/%s' % (httpd.server_address[1], PAGE)
STATE = 'var p=document.querySelector(".dinh-pano"),v=p&&p.dinhViewer,s=v&&v.state();return s||null;'
PHOTO_SHOWN = ('var i=document.querySelector(".dinh-pano-fallback");'
               'return i.offsetWidth>300&&i.offsetHeight>100&&i.complete&&i.naturalWidth>0;')


def fresh(d):
    """A first visit: no service worker, no cache."""
    d.get('about:blank')
    d.execute_cdp_cmd('Network.enable', {})
    d.execute_cdp_cmd('Network.setCacheDisabled', {'cacheDisabled': True})
    d.execute_cdp_cmd('Network.setBypassServiceWorker', {'bypass': True})
    d.get_log('browser')  # this visit's messages only


def photo_and_links(d, within):
    """The photo shows (loaded, full width), the scene links are there and visible, no viewer."""
    wait(d, PHOTO_SHOWN, within)
    links = d.find_elements(By.CSS_SELECTOR, 'ol.dinh-scenes a')
    assert len(links) == 2 and all(a.is_displayed() for a in links), [a.text for a in links]
    assert [a.text for a in links] == ['Sân đình', 'Đại đình'], [a.text for a in links]
    assert not d.find_elements(By.CSS_SELECTOR, '.dinh-stage'), 'no viewer'
    assert d.find_element(By.CSS_SELECTOR, 'audio[data-dinh-narration]').is_displayed(), 'the narration stays'


def not_found(d):
    Flaky.mode = '404'
    try:
        fresh(d)
        start = time.time()
        d.get(URL)
        photo_and_links(d, 5)
        took = time.time() - start
        assert took < TIMEOUT - 2, 'shown after %.1f s: at once, not after the timeout' % took
        d.save_screenshot('/tmp/dinh-tour-fallback-404.png')
    finally:
        Flaky.mode = 'ok'


def blocked(d):
    d.execute_cdp_cmd('Network.setBlockedURLs', {'urls': ['*/' + VIEWER]})
    try:
        fresh(d)
        start = time.time()
        d.get(URL)
        photo_and_links(d, 5)
        assert time.time() - start < TIMEOUT - 2, 'shown at once'
    finally:
        d.execute_cdp_cmd('Network.setBlockedURLs', {'urls': []})


def hangs(d):
    Flaky.mode = 'hang'
    Flaky.release.clear()
    try:
        fresh(d)
        d.get(URL)  # returns at once (page_load='none'): the page's load never ends while viewer.js is pending
        wait(d, 'return document.querySelector("ol.dinh-scenes a")', 10)
        time.sleep(2)
        hidden = d.execute_script('var i=document.querySelector(".dinh-pano-fallback");'
                                  'return [i.offsetWidth, performance.getEntriesByType("resource").some(e => e.name == i.src)]')
        assert hidden == [0, False], 'while viewer.js may still come, the photo waits (hidden, not fetched): %s' % hidden
        photo_and_links(d, TIMEOUT + 4)
        d.save_screenshot('/tmp/dinh-tour-fallback-hang.png')
        # viewer.js arrives at last: the viewer takes the photo's place.
        Flaky.mode = 'ok'
        Flaky.release.set()
        wait(d, 'var s=(function(){%s})(); return s && s.drawn;' % STATE, 20)
        assert not d.find_element(By.CSS_SELECTOR, '.dinh-pano-fallback').is_displayed()
        assert d.execute_script('return !document.querySelector(".dinh-pano").classList.contains("dinh-pano--off")')
    finally:
        Flaky.mode = 'ok'
        Flaky.release.set()


PROBE = '''window.dinhFirst=null;(function f(){requestAnimationFrame(function(){
var p=document.querySelector(".dinh-pano"),v=p&&p.dinhViewer,s=v&&v.state(),i=p&&p.querySelector(".dinh-pano-fallback");
if(s&&s.drawn){window.dinhFirst=[performance.timeOrigin+performance.now(),performance.getEntriesByType("resource").map(function(e){return e.name}),
new URL(i.getAttribute("src"),location.href).pathname];return}f()})})();'''


def photo_waits(d):
    """Slow 4G (1.6 Mbps, 150 ms), as bench-tour.py: the preview first, the photo not at all before it."""
    fresh(d)
    d.execute_cdp_cmd('Network.emulateNetworkConditions', {'offline': False, 'latency': 150,
                                                           'downloadThroughput': 1.6e6 / 8, 'uploadThroughput': 750e3 / 8})
    probe = d.execute_cdp_cmd('Page.addScriptToEvaluateOnNewDocument', {'source': PROBE})
    try:
        del Flaky.asked[:]
        d.get(URL)
        at, fetched, photo = wait(d, 'return window.dinhFirst', 30)
        start = Flaky.asked[0][0]
        asked = [(t - start, p) for t, p in Flaky.asked if t * 1000 <= at]  # requests that reached the server before the first pixels
        assert any(n.endswith('/preview.jpg') for n in fetched), fetched
        assert not [p for _, p in asked if p == photo], 'the photo %s was asked for before the first pixels: %s' % (photo, asked)
        assert not d.find_element(By.CSS_SELECTOR, '.dinh-pano-fallback').is_displayed()
        print('  first pixels %.0f ms after the page was asked for; asked before them: %s'
              % (at - start * 1000, ', '.join(p.rsplit('/', 1)[-1] or p for _, p in asked)))
        bad = severe(d)
        assert not bad, bad
    finally:
        d.execute_cdp_cmd('Page.removeScriptToEvaluateOnNewDocument', probe)
        d.execute_cdp_cmd('Network.emulateNetworkConditions', {'offline': False, 'latency': 0,
                                                               'downloadThroughput': -1, 'uploadThroughput': -1})


driver = browser(phone=True)
try:
    r.run('viewer.js answers 404: the photo and the scene links show at once', not_found, driver)
    r.run('viewer.js blocked: the photo and the scene links show at once', blocked, driver)
    r.run('viewer.js works (slow 4G): the photo is not fetched before the first pixels, and stays hidden', photo_waits, driver)
finally:
    driver.quit()
driver = browser(phone=True, page_load='none')
try:
    r.run('viewer.js never arrives: the photo waits, shows after the timeout; a late viewer takes over', hangs, driver)
finally:
    driver.quit()
    Flaky.release.set()
    httpd.shutdown()
sys.exit(r.finish())
