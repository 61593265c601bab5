#!/usr/bin/env python3
"""A relic page without network, in headless Chromium as a 390×844 touch phone.

usage: test_offline.py SITE_DIR   (a folder built by `dinh build` from the demo content/)

The demo's Đình Đại Phùng is visited once over http://127.0.0.1:PORT (at the gate), the service
worker keeps what the page needs, the server is stopped (no network inside the sanctuary) and the
page is reloaded: it must show, both scenes of the tour must draw (canvas pixels, not just a
canvas), the narration audio and its captions, the scene audio and the photos must load; another
scene says no failure nobody asked about, and a phone offline is offered no button to keep files. Then,
with the network back, "save for offline" keeps the sharper tile levels. The home page kept shows its
cards' pictures never fetched as plain blanks, not broken images. Controls: the same visit with
service workers unavailable must fail offline (so this test does detect a missing worker), and
from file:// nothing of this runs and nothing breaks. Last line: `N passed, N failed`.
"""
import os
import re
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from support import Runner, Server, browser, canvas_spread, severe, wait  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402

SITE = os.path.abspath(sys.argv[1])
PAGE = 'heritage/dinh-dai-phung/'
VERSION = re.search(r'"dinh-" ?\+ ?"([0-9a-f]+)"', open(os.path.join(SITE, 'sw.js'), encoding='utf-8').read()).group(1)
# The language the worker knows the visitor last read in.
READ = ('var done = arguments[arguments.length - 1];'
        'caches.open("dinh.read").then(c => c.match("/language")).then(r => r ? r.text() : "").then(done);')
CACHED = ('var done = arguments[arguments.length - 1];'
          'caches.open("dinh-' + VERSION + '").then(c => c.keys()).then(k => done(k.map(r => r.url)));')
r = Runner()


def scene_drawn(d, scene):
    wait(d, 'var v = document.querySelector(".dinh-pano").dinhViewer, s = v && v.state();'
            'return s && s.scene == arguments[0] && s.textures >= 3;', 30, scene)
    end = time.time() + 10
    while canvas_spread(d) <= 40:
        assert time.time() < end, 'the canvas stays uniform (%s)' % canvas_spread(d)
        time.sleep(0.3)


def audio_files(d):
    """Every narration file the page may play: the player's, the main guide's and each scene's."""
    return d.execute_script('''
        var urls = [];
        [].forEach.call(document.querySelectorAll("audio[src],audio source[src],[data-audio],[data-main]"), function (e) {
          ["src", "data-audio", "data-main"].forEach(function (a) {
            var v = e.getAttribute(a);
            if (v && urls.indexOf(new URL(v, location.href).href) < 0) urls.push(new URL(v, location.href).href);
          });
        });
        return urls;''')


def audio_loads(d, url):
    """Loads an audio file as a player does (it is never preloaded on the page): its duration, or the error."""
    return d.execute_async_script('''
        var done = arguments[arguments.length - 1], a = new Audio();
        a.addEventListener('loadedmetadata', function () { done(a.duration); });
        a.addEventListener('error', function () { done('error ' + (a.error && a.error.code)); });
        a.preload = 'auto'; a.src = arguments[0];''', url)


def captions_load(d):
    """Cues of the captions track, or (narration with inline cues) of the transcript; and every .vtt named."""
    return d.execute_async_script('''
        var done = arguments[arguments.length - 1], t = document.querySelector('audio track');
        var vtts = [].map.call(document.querySelectorAll('track[src],[data-vtt]'), function (e) { return e.getAttribute('src') || e.getAttribute('data-vtt'); });
        Promise.all(vtts.map(function (u) { return fetch(u).then(function (r) { return r.ok; }, function () { return false; }); })).then(function (ok) {
          if (ok.indexOf(false) >= 0) return done('a .vtt file fails');
          if (!t) return done(document.querySelectorAll('.transcript li').length);
          t.track.mode = 'hidden';
          (function poll() {
            if (t.readyState == 2) return done(t.track.cues.length);
            if (t.readyState == 3) return done('error');
            setTimeout(poll, 100);
          })();
        });''')


def photos_load(d):
    return d.execute_async_script('''
        var done = arguments[arguments.length - 1], imgs = [].slice.call(document.querySelectorAll('.gallery img'));
        imgs.forEach(function (i) { i.loading = 'eager'; i.scrollIntoView(); });
        var end = Date.now() + 15000;
        (function poll() {
          var ok = imgs.filter(function (i) { return i.complete && i.naturalWidth > 0; }).length;
          if (ok == imgs.length || Date.now() > end) return done([ok, imgs.length]);
          setTimeout(poll, 100);
        })();''')


def at_the_gate(d, server):
    d.get(server.base + PAGE)
    state = wait(d, 'return document.documentElement.getAttribute("data-dinh-offline")', 60)
    assert state == 'ready', state
    assert d.execute_script('return !!navigator.serviceWorker.controller')
    status = d.find_element(By.CSS_SELECTOR, '.offline [role=status]').text
    assert 'không có mạng' in status, status
    button = d.find_element(By.CSS_SELECTOR, '.offline button')
    assert button.is_displayed() and re.search(r'\(\d+,\d MB\)$', button.text), button.text  # a Vietnamese decimal comma
    kept = d.execute_async_script(CACHED)
    for scene in ('san-dinh', 'dai-dinh'):  # dai-dinh was never shown: it is kept all the same
        assert any('/tiles/%s/0/f0_0.jpg' % scene in u for u in kept), (scene, kept)
        assert any('/tiles/%s/preview.jpg' % scene in u for u in kept), scene
    for name in ('thuyet-minh.vi.mp3', 'san-dinh.vi.mp3', 'assets/viewer.js', 'assets/style.css', '/en/' + PAGE):
        assert any(u.endswith(name) for u in kept), name  # the page in English too
    assert not any(u.endswith('search/index.js') for u in kept), 'the search index (it grows with the site) kept unasked'
    keys = d.execute_async_script('var done = arguments[arguments.length - 1]; caches.keys().then(done);')
    # One cache of this version, and apart, kept from one version to the next, the language read in.
    assert sorted(keys) == ['dinh-' + VERSION, 'dinh.read'], keys
    assert d.execute_async_script(READ) == 'vi', d.execute_async_script(READ)


def offline_page(d):
    d.refresh()
    h1 = wait(d, 'var h = document.querySelector("h1"); return h && h.textContent;', 20)
    assert h1 == 'Đình Đại Phùng', h1
    # The network really is gone: a file never fetched before fails.
    assert d.execute_async_script('var done = arguments[arguments.length - 1];'
                                  'fetch("/robots.txt?never").then(() => done(false), () => done(true));')


def offline_tour(d):
    scene_drawn(d, 'san-dinh')
    d.get('about:blank')
    d.get(server.base + PAGE + '#scene=dai-dinh')
    scene_drawn(d, 'dai-dinh')


def offline_audio(d):
    urls = audio_files(d)
    assert any(u.endswith('/thuyet-minh.vi.mp3') for u in urls) and any(u.endswith('/san-dinh.vi.mp3') for u in urls), urls
    for url in urls:
        duration = audio_loads(d, url)
        assert isinstance(duration, (int, float)) and duration > 0.2, (url, duration)
    cues = captions_load(d)
    assert isinstance(cues, int) and cues >= 3, cues


def offline_photos(d):
    ok, total = photos_load(d)
    assert total >= 2 and ok == total, (ok, total)


def offline_large_photo(d):
    """A gallery photo tapped offline opens its large size; not kept, a smaller size kept stands in."""
    d.get(server.base + PAGE)
    wait(d, 'return document.readyState == "complete"', 20)
    href = d.find_element(By.CSS_SELECTOR, '.gallery figure a').get_attribute('href')
    assert re.search(r'-1600w\.[0-9a-f]+\.jpg$', href), href
    d.get(href)
    width = wait(d, 'var i = document.querySelector("img"); return i && i.complete && i.naturalWidth;', 20)
    assert width and width < 1600, 'a kept smaller size: %s' % width


def offline_page_not_kept(d):
    """A page never opened, without network: the site says so in the page's language (not the browser's
    "site can't be reached") and links the pages kept, which open; a page kept only in another language is
    there too, named with its language (an English visitor is not left without a way on)."""
    for page, title in (('products/', 'Không có mạng'), ('en/products/', 'No network')):
        d.get(server.base + page)
        h1 = wait(d, 'var h = document.querySelector("h1"); return h && h.textContent;', 20)
        assert h1 == title, (page, h1)
        links = d.execute_script('return [].map.call(document.querySelectorAll(".offline-pages a"), a => [a.textContent, a.href, a.lang])')
        # The pages kept: the relic (opened in Vietnamese, kept in English with it), once, without the codes'
        # landings nor the search page; the page's language first, the other named.
        vi, en = server.base + PAGE, server.base + 'en/' + PAGE
        assert links == ([['Đình Đại Phùng', vi, ''], ['Dai Phung Communal House (English)', en, 'en']] if page == 'products/'
                         else [['Dai Phung Communal House', en, ''], ['Đình Đại Phùng (Tiếng Việt)', vi, 'vi']]), (page, links)
    assert d.execute_script('return document.documentElement.lang') == 'en'
    d.get(server.base + 'products/')
    wait(d, 'var h = document.querySelector("h1"); return h && h.textContent == "Không có mạng";', 20)
    d.find_element(By.CSS_SELECTOR, '.offline-pages a[href="%s"]' % (server.base + PAGE)).click()
    wait(d, 'var h = document.querySelector("h1"); return h && h.textContent == "Đình Đại Phùng";', 20)


def offline_english(d):
    """Without network inside the đình, a companion switches to English: the English page was kept with the
    Vietnamese one (it said "No network")."""
    d.get(server.base + PAGE)
    wait(d, 'var h = document.querySelector("h1"); return h && h.textContent == "Đình Đại Phùng";', 20)
    d.execute_script('document.querySelector(".languages a[hreflang=en]").click()')
    wait(d, 'var h = document.querySelector("h1"); return h && h.textContent == "Dai Phung Communal House";', 20)
    d.execute_script('localStorage.removeItem("dinhLang")')  # the choice the header remembered: the phone's again


def board_scanned_again(d):
    """The board's code scanned again without network: its landing was never opened while the worker ran and the
    browser's own cache is gone, yet the kept relic page opens (not the browser's "site can't be reached"), from the
    address the symbol carries (upper case, no final slash) and as typed; a code of a page not kept says there is
    no network. It opens in the language the visitor last read in (Vietnamese), though the phone speaks English
    and the English page is kept too."""
    d.get(server.base + PAGE)  # read in Vietnamese: the page tells the worker
    end = time.time() + 20
    while time.time() < end and d.execute_async_script(READ) != 'vi':
        time.sleep(0.3)
    assert d.execute_async_script(READ) == 'vi', d.execute_async_script(READ)
    d.execute_cdp_cmd('Network.clearBrowserCache', {})
    for address in ('Q/DP01', 'q/DP01/', 'q/dp01'):
        d.get(server.base + address)
        h1 = wait(d, 'var h = document.querySelector("h1"); return h && h.textContent;', 20)
        assert h1 == 'Đình Đại Phùng' and d.current_url == server.base + PAGE, (address, h1, d.current_url)
    d.get(server.base + 'Q/HT42')
    h1 = wait(d, 'var h = document.querySelector("h1"); return h && h.textContent;', 20)
    assert h1 == 'Không có mạng', 'in the language read in (Vietnamese), not the phone\'s: ' + h1
    said = d.execute_script('return document.querySelector("main").textContent')
    assert 'Mã HT42' in said, 'the code scanned is not said: ' + said
    links = d.execute_script('return [].map.call(document.querySelectorAll("a"), function (a) { return a.href; })')
    assert any(l.endswith('/' + PAGE) for l in links), 'the Vietnamese page kept is listed: %s' % links


def save_sharper(d):
    d.get(server.base + PAGE)
    wait(d, 'return document.documentElement.getAttribute("data-dinh-offline") == "ready"', 60)
    d.find_element(By.CSS_SELECTOR, '.offline button').click()
    state = wait(d, 'var s = document.documentElement.getAttribute("data-dinh-offline"); return s != "ready" && s;', 60)
    assert state == 'saved', state
    kept = d.execute_async_script(CACHED)
    for scene in ('san-dinh', 'dai-dinh'):
        top = max(int(n) for n in os.listdir(os.path.join(SITE, PAGE, 'tiles', scene)) if n.isdigit())
        tiles = [n for n in os.listdir(os.path.join(SITE, PAGE, 'tiles', scene, str(top)))]
        held = [u for u in kept if '/tiles/%s/%d/' % (scene, top) in u]
        assert len(held) == len(tiles), (scene, len(held), len(tiles))
    assert any(re.search(r'cong-dinh-1600w\.[0-9a-f]+\.jpg$', u) for u in kept), 'the large photos the gallery opens are kept too'
    for name in ('/search/', 'search/index.js', 'assets/search.js'):  # and the search page, to find the next relic
        assert any(u.endswith(name) for u in kept), name
    assert not d.find_element(By.CSS_SELECTOR, '.offline button').is_displayed(), 'all kept: nothing left to offer'
    # A later visit knows it too: no offer to keep again what is kept.
    d.get(server.base + PAGE)
    wait(d, 'return document.documentElement.getAttribute("data-dinh-offline") == "saved"', 60)
    assert not d.find_element(By.CSS_SELECTOR, '.offline button').is_displayed()


def without_worker(d):
    """Control: the same visit with no service worker available; offline, the reload must fail."""
    d.execute_cdp_cmd('Page.addScriptToEvaluateOnNewDocument',
                      {'source': 'Object.defineProperty(Navigator.prototype, "serviceWorker", {get: function () {}});'})
    d.get(server.base + PAGE)
    wait(d, 'return document.readyState == "complete"')
    time.sleep(3)
    assert d.execute_script('return document.documentElement.getAttribute("data-dinh-offline")') is None
    assert d.find_element(By.CSS_SELECTOR, '.offline').get_attribute('hidden') is not None
    server.stop()
    d.refresh()
    time.sleep(1)
    h1 = d.execute_script('var h = document.querySelector("h1"); return h && h.textContent;')
    assert h1 != 'Đình Đại Phùng', 'the page still loads offline without a service worker: the test would not tell'


def english_board_not_kept(d):
    """An English visitor, offline, scans the board of a page not kept: "No network" in English, with the English
    page kept (a code's address has no language in its path: it said it in Vietnamese and listed nothing)."""
    d.get(server.base + 'en/' + PAGE)
    wait(d, 'return document.documentElement.getAttribute("data-dinh-offline") == "ready"', 60)
    label = d.find_element(By.CSS_SELECTOR, '.offline button').text
    assert re.search(r'\(\d+\.\d MB\)$', label), label  # an English decimal point
    assert label.startswith('Keep this page'), label  # offline.js's words in the page's language
    server.stop()
    d.get(server.base + 'Q/HT42')
    h1 = wait(d, 'var h = document.querySelector("h1"); return h && h.textContent;', 20)
    assert h1 == 'No network', h1
    links = d.execute_script('return [].map.call(document.querySelectorAll("a"), function (a) { return a.href; })')
    assert any(l.endswith('/en/' + PAGE) for l in links), links


def offline_says_nothing_unasked(d):
    """Offline, walking to another scene keeps nothing behind the visitor's back that it then says failed ("not
    everything could be kept" to a visitor who asked for nothing); with the phone offline (navigator.onLine false)
    the button that needs a network is not offered."""
    d.get(server.base + PAGE)
    scene_drawn(d, 'san-dinh')
    d.execute_script('location.hash = "#scene=dai-dinh"')
    scene_drawn(d, 'dai-dinh')
    time.sleep(4)  # what a new scene shows is kept 1.5 s after it
    state = d.execute_script('return document.documentElement.getAttribute("data-dinh-offline")')
    status = d.find_element(By.CSS_SELECTOR, '.offline [role=status]').text
    assert state != 'failed' and 'Chưa lưu' not in status, (state, status)
    d.execute_cdp_cmd('Network.enable', {})
    d.execute_cdp_cmd('Network.emulateNetworkConditions', {'offline': True, 'latency': 0, 'downloadThroughput': -1, 'uploadThroughput': -1})
    try:
        d.refresh()
        wait(d, 'var h = document.querySelector("h1"); return h && h.textContent == "Đình Đại Phùng";', 20)
        time.sleep(4)  # offline.js comes 1.5 s after the load event
        assert not d.find_element(By.CSS_SELECTOR, '.offline button').is_displayed(), 'a button to keep files, offered offline'
    finally:
        d.execute_cdp_cmd('Network.emulateNetworkConditions', {'offline': False, 'latency': 0, 'downloadThroughput': -1, 'uploadThroughput': -1})


def offline_home_pictures(d):
    """The home page kept, offline: the pictures of its cards never fetched (lazy, below the first screen) are plain
    blanks, not the browser's broken-image sign."""
    d.get(server.base)
    wait(d, 'return !!navigator.serviceWorker.controller', 30)
    d.refresh()  # now through the worker, which keeps it
    wait(d, 'return document.readyState == "complete"', 20)
    time.sleep(1)
    server.stop()
    d.refresh()
    wait(d, 'return document.readyState == "complete"', 20)
    broken = d.execute_async_script('''
        var done = arguments[arguments.length - 1], imgs = [].slice.call(document.querySelectorAll('main img'));
        imgs.forEach(function (i) { i.loading = 'eager'; });
        window.scrollTo(0, document.body.scrollHeight);
        var end = Date.now() + 15000;
        (function poll() {
          if (imgs.every(function (i) { return i.complete; }) || Date.now() > end)
            return done([imgs.length, imgs.filter(function (i) { return !i.naturalWidth; }).map(function (i) { return i.src; })]);
          setTimeout(poll, 100);
        })();''')
    assert broken[0] >= 6 and not broken[1], 'broken pictures offline: %s' % broken


def from_disk(d):
    d.get('file://' + os.path.join(SITE, PAGE, 'index.html'))
    wait(d, 'return document.readyState == "complete"')
    time.sleep(1.5)
    assert d.find_element(By.CSS_SELECTOR, '.offline').get_attribute('hidden') is not None
    # Only this feature's errors: the viewer's own life from file:// is test_relic_page's concern.
    bad = [e for e in severe(d) if re.search(r'offline\.js|sw\.js|serviceWorker|index\.html \d+:', e['message'])]
    assert not bad, bad


server = Server(SITE)
port = server.port
phone = browser(phone=True)
try:
    r.run('at the gate: the worker keeps the page, both scenes, narration, captions (one cache, this version)', at_the_gate, phone, server)
    server.stop()
    r.run('offline: the reload shows the page', offline_page, phone)
    r.run('offline: both scenes of the tour draw (canvas not uniform)', offline_tour, phone)
    r.run('offline: narration audio, its captions and the scene audio load', offline_audio, phone)
    r.run('offline: the photos load', offline_photos, phone)
    r.run('offline: a gallery photo tapped opens, from a smaller size kept', offline_large_photo, phone)
    r.run('offline: a page never opened says there is no network, in its language, and links the pages kept', offline_page_not_kept, phone)
    r.run('offline: the page in English opens, kept with the relic page', offline_english, phone)
    r.run('offline: the board scanned again opens the kept relic page, from the code as printed and as typed; a board not kept says its code', board_scanned_again, phone)
    r.run('offline: another scene says no failure nobody asked about; a phone offline is offered no button to keep files', offline_says_nothing_unasked, phone)
    server = Server(SITE, port)
    r.run('"save for offline" keeps the sharpest level of every scene, the large photos and the search page', save_sharper, phone)
finally:
    phone.quit()
    server.stop()

server = Server(SITE, 0)
english = browser(phone=True, lang='en-US,en')
try:
    r.run('offline, an English phone: the button to keep files in English; a board not kept says "No network" in English and links the English page kept', english_board_not_kept, english)
finally:
    english.quit()
    server.stop()

server = Server(SITE, 0)
home = browser(phone=True)
try:
    r.run('offline, the home page kept: its cards\' pictures never fetched are plain blanks, not broken images', offline_home_pictures, home)
finally:
    home.quit()
    server.stop()

server = Server(SITE, 0)
control = browser(phone=True)
try:
    r.run('control: without a service worker the offline reload fails', without_worker, control)
    r.run('from file:// the offline control stays hidden, no error from it', from_disk, control)
finally:
    control.quit()
sys.exit(r.finish())
