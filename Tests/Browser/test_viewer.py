#!/usr/bin/env python3
"""Browser tests of the panorama viewer (Sources/DinhSite/Theme/assets/viewer.js) in headless Chromium.

Builds a page with two synthetic scenes tiled by the real Swift tiler (`dinh-bench panorama`), whose
colour is a known function of direction, serves it on 127.0.0.1 and checks rendering, alignment of
every face with the tiler's conventions (WebGL over http://; CSS 3D from file:// and when tiles come
from another origin, where WebGL may not read them), hotspots and their keyboard order, the scene
list, the loading label, the message when the view cannot start, zoom limits, the URL hash, texture
release, the fallback without WebGL, and on a 390-px touch phone the controls and the gyroscope
permission. Offline: every host but 127.0.0.1 fails to resolve.

    .build/venv/bin/python Tests/Browser/test_viewer.py      # last line: "N passed, N failed"
"""
import functools
import http.server
import json
import math
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import traceback

from PIL import Image, ImageStat
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))
THEME = os.path.join(ROOT, 'Sources', 'DinhSite', 'Theme', 'assets')
CHROMIUM = os.environ.get('DINH_CHROMIUM', '/usr/lib/chromium/chromium')
CHROMEDRIVER = os.environ.get('DINH_CHROMEDRIVER', '/usr/bin/chromedriver')


def bench_binary():
    path = os.environ.get('DINH_BENCH')
    if path:
        return path
    subprocess.run(['swift', 'build', '--product', 'dinh-bench'], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)
    out = subprocess.run(['swift', 'build', '--show-bin-path'], cwd=ROOT, check=True,
                         capture_output=True, text=True).stdout.strip()
    return os.path.join(out, 'dinh-bench')


def colour(d, invert=False):
    n = math.sqrt(sum(c * c for c in d))
    rgb = [127.5 * (1 + c / n) for c in d]
    return [255 - v for v in rgb] if invert else rgb


def make_site(site):
    bench = bench_binary()
    scenes = []
    for sid, invert in (('san-trong', False), ('hau-cung', True)):
        src = os.path.join(site, sid + '.ppm')
        subprocess.run([bench, 'panorama-synth', '2048', src] + (['--invert'] if invert else []), check=True)
        out = os.path.join(site, 'pano', sid)
        subprocess.run([bench, 'panorama', src, out, '--tile', '256', '--encoder', 'jpeg'], check=True,
                       stdout=subprocess.DEVNULL)
        # Until dinh-bench's sink uses DinhImaging's JPEG encoder it writes PPM: encode those with Pillow
        # (the pixels are still the Swift tiler's).
        for folder, _, files in os.walk(out):
            for name in files:
                if name.endswith('.ppm'):
                    path = os.path.join(folder, name)
                    Image.open(path).save(path[:-4] + '.jpg', quality=92)
                    os.remove(path)
        if sid == 'san-trong':
            Image.open(src).resize((512, 256), Image.LANCZOS).save(os.path.join(site, 'fallback.jpg'), quality=80)
        os.remove(src)
        scene = json.load(open(os.path.join(out, 'scene.json')))
        scene['base'] = 'pano/%s/' % sid
        scenes.append(scene)
    a, b = scenes
    a.update(title='Sân trong', view={'yaw': 0, 'pitch': 0, 'fov': 90}, north=30, hotspots=[
        {'yaw': 20, 'pitch': -5, 'scene': 'hau-cung', 'label': 'Vào hậu cung'},
        {'yaw': -25, 'pitch': 10, 'text': 'Hoành phi thế kỷ XIX'}])
    b.update(title='Hậu cung', view={'yaw': 180, 'pitch': 0, 'fov': 90}, hotspots=[
        {'yaw': 170, 'pitch': 0, 'scene': 'san-trong', 'label': 'Ra sân'}])
    for name in ('viewer.js', 'viewer-css3d.js', 'viewer.css'):
        shutil.copy(os.path.join(THEME, name), site)
    write_page(site, 'index.html', scenes)


def write_page(site, name, scenes, tiles=''):
    """The test page; `tiles` (a URL ending in /) serves the tiles from elsewhere."""
    scenes = json.loads(json.dumps(scenes))
    for s in scenes:
        s['base'] = tiles + s['base']
    tour = {'scenes': scenes, 'strings': {'close': 'Đóng', 'loading': 'Đang tải', 'fail': 'Không mở được ảnh 360°',
             'weak': 'Mạng yếu, chưa tải được ảnh 360°.', 'retry': 'Thử lại',
             'view': 'Panorama', 'fullscreen': 'Full screen', 'gyro': 'Look around by moving the phone', 'north': 'Turn to north',
             'zoomIn': 'Zoom in', 'zoomOut': 'Zoom out', 'scenes': 'Scenes'}}
    html = '''<!doctype html><html lang="vi"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1"><title>Viewer test</title>
<link rel="icon" href="data:,"><link rel="stylesheet" href="viewer.css">
<style>body{margin:0} .dinh-pano{width:%s}</style></head><body>
<nav class="languages"><a href="en.html" lang="en">English</a></nav>
<div class="dinh-pano" data-scenes="#tour">
<img class="dinh-pano-fallback" src="fallback.jpg" alt="Toàn cảnh sân trong" width="512" height="256">
</div>
<ol class="dinh-scenes"><li><a href="#scene=san-trong">Sân trong</a><ul><li>Hoành phi thế kỷ XIX</li></ul></li><li><a href="#scene=hau-cung">Hậu cung</a></li></ol>
<script type="application/json" id="tour">%s</script>
<script>window.dinhEvents=[];document.querySelector('.dinh-pano').addEventListener('dinh:scenechange',function(e){dinhEvents.push(e.detail.scene)});</script>
<script src="viewer.js" defer></script>
</body></html>''' % (WIDTH, json.dumps(tour, ensure_ascii=False).replace('</', '<\\/'))
    with open(os.path.join(site, name), 'w', encoding='utf-8') as f:
        f.write(html)


# The finest synthetic level is 768 px a face: at 480 CSS px wide the narrowest view is 2·atan(480/768) ≈ 64°.
WIDTH = '480px'
FINEST = 768


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(folder):
    server = http.server.ThreadingHTTPServer(('127.0.0.1', 0), functools.partial(Quiet, directory=folder))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def browser(webgl=True, phone=False, width=390):
    """`width`: the phone's in CSS px (195: a 390-px phone at 200 % zoom)."""
    o = webdriver.ChromeOptions()
    o.binary_location = CHROMIUM
    if phone:
        o.add_experimental_option('mobileEmulation', {'deviceMetrics': {'width': width, 'height': 844 * width // 390,
                                                                        'pixelRatio': 780 / width, 'touch': True},
                                                      'userAgent': 'Mozilla/5.0 (Linux; Android 14) Mobile'})
    for arg in ('--headless=new', '--no-sandbox', '--window-size=1000,800', '--disable-gpu-sandbox',
                '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1', '--no-first-run',
                '--disable-background-networking', '--disable-component-update', '--disable-sync'):
        o.add_argument(arg)
    if webgl:
        for arg in ('--use-gl=angle', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'):
            o.add_argument(arg)
    else:
        o.add_argument('--disable-webgl')
        o.add_argument('--disable-3d-apis')
    o.set_capability('goog:loggingPrefs', {'browser': 'ALL'})
    return webdriver.Chrome(options=o, service=Service(CHROMEDRIVER))


def wait(driver, script, timeout=20):
    end = time.time() + timeout
    while time.time() < end:
        value = driver.execute_script(script)
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError('timed out waiting for: ' + script)


STATE = 'var v=document.querySelector(".dinh-pano").dinhViewer; return v && v.state();'


def settle(driver, scene=None):
    """Waits until the viewer shows `scene` and has drawn its preview and some tiles."""
    cond = 'var s=(function(){%s})(); return s && s.textures>=3%s;' % (
        STATE, ' && s.scene==%s' % json.dumps(scene) if scene else '')
    wait(driver, cond)
    time.sleep(0.6)  # a few frames for the tiles just uploaded


def canvas_image(driver):
    """The panorama as shown, without the controls and hotspots drawn over it."""
    driver.execute_script('var s=document.getElementById("no-ui")||document.head.appendChild(document.createElement("style"));'
                          's.id="no-ui";s.textContent=".dinh-top,.dinh-bar,.dinh-spots,.dinh-load{visibility:hidden}"')
    canvas = driver.find_element(By.CSS_SELECTOR, '.dinh-view')
    path = os.path.join(tempfile.gettempdir(), 'dinh-viewer-shot.png')
    canvas.screenshot(path)
    driver.execute_script('document.getElementById("no-ui").textContent=""')
    return Image.open(path).convert('RGB')


def patch(img, x, y, r=3):
    px = sorted((img.getpixel((i, j)) for i in range(x - r, x + r + 1) for j in range(y - r, y + r + 1)),
                key=lambda p: sum(p))
    return px[len(px) // 2]


def ray(yaw, pitch, fov, w, h, sx, sy):
    """Direction through screen point (sx, sy) in the viewer's conventions (fov spans the longer side)."""
    if w >= h:
        fy = 1 / (math.tan(math.radians(fov) / 2) * h / w)
    else:
        fy = 1 / math.tan(math.radians(fov) / 2)
    fx = fy * h / w
    nx, ny = (2 * (sx + 0.5) / w - 1) / fx, (1 - 2 * (sy + 0.5) / h) / fy
    y, p = math.radians(yaw), math.radians(pitch)
    F = (math.cos(p) * math.sin(y), math.sin(p), -math.cos(p) * math.cos(y))
    R = (math.cos(y), 0, math.sin(y))
    U = (-math.sin(p) * math.sin(y), math.cos(p), math.sin(p) * math.cos(y))
    return [F[i] + nx * R[i] + ny * U[i] for i in range(3)]


def off_grid(yaw, pitch, fov, w, h, x, y):
    """Moves a sample point off the synthetic panorama's 10° grid lines (they are darker on purpose)."""
    for dx, dy in [(0, 0)] + [(i * 20, j * 20) for i in (1, -1, 2, -2, 3, -3) for j in (1, -1, 2, -2, 3, -3)]:
        d = ray(yaw, pitch, fov, w, h, x + dx, y + dy)
        lon = math.degrees(math.atan2(d[0], -d[2]))
        lat = math.degrees(math.atan2(d[1], math.hypot(d[0], d[2])))
        if abs(math.remainder(lon, 10)) > 1.5 and abs(math.remainder(lat, 10)) > 1.5:
            return x + dx, y + dy, d
    return x, y, ray(yaw, pitch, fov, w, h, x, y)


RESULTS = []


def check(name):
    def wrap(fn):
        RESULTS.append((name, fn))
        return fn
    return wrap


def errors(driver):
    return [e for e in driver.get_log('browser') if e.get('level') == 'SEVERE']


def colours_match(driver, views, invert=False, tolerance=10, scene='san-trong'):
    """Opens each (yaw, pitch, fov) view and compares 9 points of the shown view with the direction's colour."""
    worst = 0
    for yaw, pitch, fov in views:
        driver.execute_script('location.hash=%s' % json.dumps('scene=%s&yaw=%s&pitch=%s&fov=%s' % (scene, yaw, pitch, fov)))
        time.sleep(0.2)
        settle(driver, scene)
        fov = driver.execute_script(STATE)['fov']  # zoom stops at what the tiles can show
        img = canvas_image(driver)
        w, h = img.size
        for fx in (0.2, 0.5, 0.8):
            for fy in (0.2, 0.5, 0.8):
                x, y, d = off_grid(yaw, pitch, fov, w, h, int(fx * w), int(fy * h))
                want = colour(d, invert)
                got = patch(img, x, y)
                err = max(abs(g - c) for g, c in zip(got, want))
                worst = max(worst, err)
                assert err <= tolerance, 'view %s at %s: got %s want %s' % ((yaw, pitch, fov), (x, y), got,
                                                                             [round(c) for c in want])
    return worst


VIEWS = ((0, 0, 60), (90, 0, 60), (180, 0, 60), (-90, 0, 60), (45, 30, 90), (0, 89, 60), (0, -89, 60), (135, 60, 40), (-60, -45, 30))


def focus_ring(driver, element):
    return driver.execute_script('var s=getComputedStyle(arguments[0]);return s.outlineStyle!="none"&&parseFloat(s.outlineWidth)>=2', element)


def main():
    site = tempfile.mkdtemp(prefix='dinh-viewer-')
    make_site(site)
    server = serve(site)
    other = serve(site)  # a second origin for the tiles
    scenes = json.loads(open(os.path.join(site, 'index.html'), encoding='utf-8').read().split('<script type="application/json" id="tour">')[1].split('</script>')[0].replace('<\\/', '</'))['scenes']
    write_page(site, 'cross-origin.html', scenes, 'http://127.0.0.1:%d/' % other.server_address[1])
    base = 'http://127.0.0.1:%d/index.html' % server.server_address[1]
    disk = 'file://' + os.path.join(site, 'index.html')
    driver = browser(webgl=True)
    passed = failed = 0

    @check('renders: canvas is not uniform and the fallback is hidden')
    def _():
        driver.get(base)
        settle(driver, 'san-trong')
        img = canvas_image(driver)
        assert max(ImageStat.Stat(img).stddev) > 20, ImageStat.Stat(img).stddev
        assert not driver.find_element(By.CSS_SELECTOR, '.dinh-pano-fallback').is_displayed()
        assert driver.execute_script('return dinhEvents') == ['san-trong']
        assert driver.execute_script(STATE)['renderer'] == 'webgl'
        time.sleep(0.4)
        assert driver.execute_script('return location.hash') == '', 'a page opened plainly keeps its URL'

    @check('every face lines up with the tiler conventions (colour = direction)')
    def _():
        worst = colours_match(driver, VIEWS)
        print('  max colour error over 81 points: %.1f/255' % worst)

    @check('zoom stops where the finest tiles would blur, at the sharpest level')
    def _():
        driver.execute_script('location.hash="scene=san-trong&yaw=10&pitch=0&fov=30"')
        settle(driver, 'san-trong')
        state = wait(driver, 'var s=(function(){%s})(); return s.level==2 && s;' % STATE)
        assert state['textures'] <= 64 + 6 + 1, state  # MAX_TEXTURES finer tiles, level 0, preview
        want = math.degrees(2 * math.atan(int(WIDTH[:-2]) / FINEST))
        assert abs(state['fov'] - want) < 0.5 and abs(state['minFov'] - want) < 0.5, (state, want)
        driver.find_element(By.CSS_SELECTOR, '[aria-label="Zoom in"]').click()
        assert abs(driver.execute_script(STATE)['fov'] - want) < 0.5

    @check('keyboard: arrows turn, + zooms')
    def _():
        driver.execute_script('location.hash="scene=san-trong&yaw=0&pitch=0&fov=90"')
        time.sleep(0.3)
        view = driver.find_element(By.CSS_SELECTOR, '.dinh-view')
        view.send_keys(Keys.ARROW_RIGHT, Keys.ARROW_RIGHT, '+')
        s = driver.execute_script(STATE)
        assert s['yaw'] > 5 and s['fov'] < 90, s

    @check('mouse drag turns the view, wheel zooms')
    def _():
        driver.execute_script('location.hash="scene=san-trong&yaw=0&pitch=0&fov=90"')
        time.sleep(0.3)
        view = driver.find_element(By.CSS_SELECTOR, '.dinh-view')
        ActionChains(driver).move_to_element(view).click_and_hold().move_by_offset(-120, 40).release().perform()
        s = driver.execute_script(STATE)
        assert s['yaw'] > 5 and s['pitch'] > 2, s
        driver.execute_script('arguments[0].dispatchEvent(new WheelEvent("wheel",{deltaY:-100,bubbles:true,cancelable:true}))', view)
        assert driver.execute_script(STATE)['fov'] < 90

    @check('compass follows north and turns the view to it')
    def _():
        compass = driver.find_element(By.CSS_SELECTOR, '.dinh-compass')
        assert compass.is_displayed() and compass.get_attribute('aria-label')
        compass.click()
        wait(driver, 'var s=(function(){%s})(); return Math.abs(s.yaw-30)<0.5 && Math.abs(s.pitch)<0.5;' % STATE)

    @check('fullscreen button: Fullscreen API or full-window fallback, and back')
    def _():
        b = driver.find_element(By.CSS_SELECTOR, '.dinh-fs')
        b.click()
        wait(driver, 'return !!document.fullscreenElement || document.querySelector(".dinh-pano").classList.contains("dinh-full")')
        b.click()
        wait(driver, 'return !document.fullscreenElement && !document.querySelector(".dinh-pano").classList.contains("dinh-full")')

    @check('URL hash follows the view')
    def _():
        driver.execute_script('document.querySelector(".dinh-view").focus()')
        driver.switch_to.active_element.send_keys(Keys.ARROW_LEFT)
        s = driver.execute_script(STATE)
        wait(driver, 'return location.hash.indexOf("scene=san-trong&yaw=%.1f")>0' % s['yaw'])

    @check('text hotspot opens a readable popup, Escape closes it')
    def _():
        driver.execute_script('location.hash="scene=san-trong&yaw=0&pitch=0&fov=90"')
        time.sleep(0.3)
        spot = driver.find_element(By.CSS_SELECTOR, '.dinh-spot-text')
        assert spot.get_attribute('aria-label') == 'Hoành phi thế kỷ XIX'
        spot.click()
        pop = driver.find_element(By.CSS_SELECTOR, '.dinh-pop')
        assert pop.is_displayed() and 'Hoành phi' in pop.text and 'Đóng' in pop.text
        driver.switch_to.active_element.send_keys(Keys.ESCAPE)
        assert not pop.is_displayed()

    @check('Tab: scene list, view, hotspots left to right, then controls; Space and Enter act; focus ring shows')
    def _():
        driver.get('about:blank')
        driver.get(base)
        settle(driver, 'san-trong')
        sel = driver.find_element(By.CSS_SELECTOR, '.dinh-sel select')
        driver.execute_script('arguments[0].focus()', sel)
        order = []
        for _ in range(6):
            driver.switch_to.active_element.send_keys(Keys.TAB)
            a = driver.switch_to.active_element
            order.append(a.get_attribute('class') if a.get_attribute('role') == 'img' else a.get_attribute('aria-label'))
            if 'dinh-spot' in (a.get_attribute('class') or ''):
                assert focus_ring(driver, a), 'no visible focus ring on a hotspot'
            if a.get_attribute('role') == 'img':
                # The view's ring as seen, over the panorama (a box shadow was painted under the canvas).
                path = os.path.join(site, 'focus.png')
                a.screenshot(path)
                shot = Image.open(path).convert('RGB')
                edge = shot.getpixel((1, shot.size[1] // 2))
                assert all(abs(c - g) <= 8 for c, g in zip(edge, (255, 191, 71))), 'no focus ring seen on the view: %s' % (edge,)
        # the compass (top right) comes before the view; hotspots: -25° (note) before 20° (door)
        assert order[:4] == ['Turn to north', 'dinh-view', 'Hoành phi thế kỷ XIX', 'Vào hậu cung'], order
        assert order[4] in ('Full screen', 'Look around by moving the phone'), order
        note = driver.find_element(By.CSS_SELECTOR, '.dinh-spot-text')
        note.send_keys(Keys.SPACE)
        pop = driver.find_element(By.CSS_SELECTOR, '.dinh-pop')
        assert pop.is_displayed()
        driver.switch_to.active_element.send_keys(Keys.ENTER)  # the Close button
        assert not pop.is_displayed() and driver.switch_to.active_element == note

    @check('Enter on a scene hotspot moves to the linked scene')
    def _():
        spot = driver.find_element(By.CSS_SELECTOR, '.dinh-spot-scene')
        assert spot.get_attribute('aria-label') == 'Vào hậu cung' and spot.tag_name == 'button'
        spot.send_keys(Keys.ENTER)
        settle(driver, 'hau-cung')
        assert driver.execute_script('return dinhEvents').count('hau-cung') == 1
        img = canvas_image(driver)
        w, h = img.size
        x, y, d = off_grid(180, 0, 90, w, h, w // 2 + 20, h // 2 + 20)
        want = colour(d, invert=True)
        got = patch(img, x, y)
        assert max(abs(g - c) for g, c in zip(got, want)) <= 16, (got, want)
        wait(driver, 'return location.hash.indexOf("scene=hau-cung")>0')

    @check('the current scene is named on the view, the page list marks it, no compass without north')
    def _():
        # The name is drawn whole on the view; the list over it, transparent (WebDriver calls it not displayed), has it chosen.
        sel = driver.find_element(By.CSS_SELECTOR, '.dinh-sel select')
        name = driver.find_element(By.CSS_SELECTOR, '.dinh-sel')
        assert name.is_displayed() and name.text.startswith('Hậu cung') and sel.get_attribute('value') == 'hau-cung', name.text
        assert driver.execute_script('return arguments[0].selectedOptions[0].textContent', sel) == 'Hậu cung'
        current = driver.find_elements(By.CSS_SELECTOR, '.dinh-scenes a[aria-current="true"]')
        assert [a.text for a in current] == ['Hậu cung'], [a.text for a in current]
        assert not driver.find_element(By.CSS_SELECTOR, '.dinh-compass').is_displayed()
        assert driver.find_element(By.CSS_SELECTOR, '.dinh-scenes').is_displayed()

    @check('choosing a scene in the list on the view moves there')
    def _():
        from selenium.webdriver.support.ui import Select
        Select(driver.find_element(By.CSS_SELECTOR, '.dinh-sel select')).select_by_value('san-trong')
        settle(driver, 'san-trong')
        assert driver.find_element(By.CSS_SELECTOR, '.dinh-compass').is_displayed()

    @check('clicking a scene hotspot moves back and forth')
    def _():
        driver.find_element(By.CSS_SELECTOR, '.dinh-spot-scene').click()
        settle(driver, 'hau-cung')
        driver.find_element(By.CSS_SELECTOR, '.dinh-spot-scene').click()
        settle(driver, 'san-trong')

    @check('an off-screen hotspot is still reachable by Tab and turns the view to it')
    def _():
        driver.execute_script('location.hash="scene=san-trong&yaw=180&pitch=0&fov=60"')
        time.sleep(0.4)
        spot = driver.find_element(By.CSS_SELECTOR, '.dinh-spot-scene')
        assert 'dinh-off' in spot.get_attribute('class')
        driver.execute_script('arguments[0].focus()', spot)
        wait(driver, 'var s=(function(){%s})(); return Math.abs(s.yaw-20)<1;' % STATE)
        assert 'dinh-off' not in spot.get_attribute('class')

    @check('repeated scene switches free textures')
    def _():
        v = 'document.querySelector(".dinh-pano").dinhViewer'
        for i in range(8):
            driver.execute_script(v + '.go(%s)' % json.dumps('hau-cung' if i % 2 == 0 else 'san-trong'))
            settle(driver, 'hau-cung' if i % 2 == 0 else 'san-trong')
        s = driver.execute_script(STATE)
        assert s['textures'] <= 20, s

    @check('#scene=… opens that scene and view')
    def _():
        driver.get('about:blank')
        driver.get(base + '#scene=hau-cung&yaw=90&pitch=10&fov=70')
        settle(driver, 'hau-cung')
        s = driver.execute_script(STATE)
        assert abs(s['yaw'] - 90) < 0.01 and abs(s['pitch'] - 10) < 0.01 and abs(s['fov'] - 70) < 0.01, s

    @check('no console errors')
    def _():
        found = errors(driver)
        assert not found, found

    @check('slow network: a loading label with progress, in the middle until the preview shows')
    def _():
        driver.get('about:blank')
        driver.execute_cdp_cmd('Network.enable', {})
        driver.execute_cdp_cmd('Network.setCacheDisabled', {'cacheDisabled': True})
        driver.execute_cdp_cmd('Network.emulateNetworkConditions', {'offline': False, 'latency': 700,
                                                                     'downloadThroughput': 60000, 'uploadThroughput': 60000})
        watch = driver.execute_cdp_cmd('Page.addScriptToEvaluateOnNewDocument', {'source':
            'window.seen=[];new MutationObserver(function(){var l=document.querySelector(".dinh-load.dinh-on");'
            'if(l)seen.push([l.textContent,l.getAttribute("role"),document.querySelector(".dinh-stage").classList.contains("dinh-wait")])})'
            '.observe(document,{subtree:true,childList:true,attributes:true,characterData:true})'})
        try:
            driver.get(base)
            wait(driver, 'var s=(function(){%s})(); return s && s.drawn;' % STATE, 20)
            seen = driver.execute_script('return seen')
            assert seen and all(t.startswith('Đang tải') and t.endswith('%') and role == 'status' for t, role, _ in seen), seen
            assert seen[0][2] and not seen[-1][2], 'in the middle until the preview shows, then aside: %s' % seen
            assert len(set(t for t, _, _ in seen)) >= 3, 'the percentage moves: %s' % seen
        finally:
            driver.execute_cdp_cmd('Page.removeScriptToEvaluateOnNewDocument', watch)
            driver.execute_cdp_cmd('Network.emulateNetworkConditions', {'offline': False, 'latency': 0,
                                                                         'downloadThroughput': -1, 'uploadThroughput': -1})
        wait(driver, 'return !document.querySelector(".dinh-load.dinh-on")', 20)
        assert not driver.execute_script('return document.querySelector(".dinh-stage").classList.contains("dinh-wait")')

    @check('a view whose preview never comes (asked four times) says so; the photo, the scene links and a button to try again')
    def _():
        driver.execute_cdp_cmd('Network.setBlockedURLs', {'urls': ['*preview.jpg']})
        try:
            driver.get('about:blank')
            driver.get(base)
            msg = wait(driver, 'var m=document.querySelector(".dinh-pano .dinh-msg"); return m && m.offsetHeight && m', 15)
            assert msg.text.startswith('Mạng yếu') and msg.get_attribute('role') == 'alert', msg.text
            assert msg.find_element(By.TAG_NAME, 'button').text == 'Thử lại'
            img = driver.find_element(By.CSS_SELECTOR, '.dinh-pano-fallback')
            assert img.is_displayed()
            wait(driver, 'return document.querySelector(".dinh-pano-fallback").naturalWidth==512')
            assert all(a.is_displayed() for a in driver.find_elements(By.CSS_SELECTOR, '.dinh-scenes a'))
            assert not driver.find_element(By.CSS_SELECTOR, '.dinh-stage').is_displayed()
        finally:
            driver.execute_cdp_cmd('Network.setBlockedURLs', {'urls': []})

    @check('tiles from another origin: WebGL may not read them, the CSS 3D view shows them, colours right')
    def _():
        driver.get('about:blank')
        driver.get(base.replace('index.html', 'cross-origin.html'))
        wait(driver, 'var s=(function(){%s})(); return s && s.renderer=="css";' % STATE)
        worst = colours_match(driver, VIEWS[:5], tolerance=14)
        print('  max colour error (CSS 3D, other origin): %.1f/255' % worst)
        assert not [e for e in errors(driver) if 'SecurityError' not in e['message']], errors(driver)

    for name, fn in RESULTS:
        try:
            fn()
            passed += 1
            print('PASS', name)
        except Exception:
            failed += 1
            print('FAIL', name)
            traceback.print_exc(limit=2)
    driver.quit()
    RESULTS.clear()

    # From disk: Chromium refuses file:// tiles to WebGL; the CSS 3D renderer shows every face.
    disk_driver = browser(webgl=True)

    @check('file://: the view shows the panorama (CSS 3D), every face lines up, hotspots work')
    def _():
        d = disk_driver
        d.get(disk)
        settle(d, 'san-trong')
        assert d.execute_script(STATE)['renderer'] == 'css'
        worst = colours_match(d, VIEWS, tolerance=14)
        print('  max colour error over 81 points (file://): %.1f/255' % worst)
        d.execute_script('location.hash="scene=san-trong&yaw=0&pitch=0&fov=90"')
        time.sleep(0.3)
        d.find_element(By.CSS_SELECTOR, '.dinh-spot-scene').click()
        settle(d, 'hau-cung')
        colours_match(d, ((180, 0, 90), (90, -20, 80)), invert=True, tolerance=14, scene='hau-cung')
        assert not errors(d), errors(d)

    @check('file://: zoom in loads the sharper levels as images')
    def _():
        d = disk_driver
        d.execute_script('location.hash="scene=san-trong&yaw=30&pitch=10&fov=30"')
        settle(d, 'san-trong')
        wait(d, 'var s=(function(){%s})(); return s.level==2;' % STATE)
        wait(d, 'return document.querySelectorAll(".dinh-cube img[style*=\'z-index: 2\']").length>0')
        colours_match(d, ((30, 10, 30),), tolerance=14)

    # A phone: 390×844, touch.
    phone = browser(webgl=True, phone=True)

    @check('phone: controls grouped in a corner, targets of 24 px or more')
    def _():
        d = phone
        d.get(base.replace('index.html', 'index.html?phone'))
        d.execute_script('document.querySelector(".dinh-pano").style.width="390px"')
        settle(d, 'san-trong')
        boxes = d.execute_script('var v=document.querySelector(".dinh-view").getBoundingClientRect();'
                                 'return [v.width, v.bottom, [].map.call(document.querySelectorAll(".dinh-stage button:not(.dinh-spot),.dinh-sel"),'
                                 'function(b){var r=b.getBoundingClientRect();return [r.left,r.top,r.width,r.height,b.className]})]')
        width, bottom, controls = boxes
        assert all(w >= 24 and h >= 24 for _, _, w, h, _ in controls if w), controls
        low = [c for c in controls if c[2] and c[1] + c[3] > bottom - 60]
        assert sum(c[2] for c in low) <= width / 2, (width, low)
        assert any(c[4] == 'dinh-gyro' for c in controls), 'a touch phone gets the gyroscope button'

    @check('phone: a finger dragged from a hotspot label turns the view (no scene change); a tap on it opens its scene')
    def _():
        d = phone
        d.get(base.replace('index.html', 'index.html?label'))
        settle(d, 'san-trong')
        label = ('var b=[].find.call(document.querySelectorAll(".dinh-spot-scene"),function(b){return !b.classList.contains("dinh-off")});'
                 'var r=b.getBoundingClientRect();return [r.left+r.width/2,r.top+r.height/2]')

        def touch(kind, points):
            d.execute_cdp_cmd('Input.dispatchTouchEvent', {'type': kind, 'touchPoints': [{'x': x, 'y': y} for x, y in points]})
        x, y = d.execute_script(label)
        yaw = d.execute_script(STATE)['yaw']
        touch('touchStart', [(x, y)])
        for i in range(1, 9):
            touch('touchMove', [(x + 10 * i, y)])
            time.sleep(0.02)
        touch('touchEnd', [])
        time.sleep(0.5)
        state = d.execute_script(STATE)
        assert state['scene'] == 'san-trong', 'a drag is not a tap: %s' % state
        assert abs(state['yaw'] - yaw) > 5, 'the view turned with the finger: %s → %s' % (yaw, state['yaw'])
        x, y = d.execute_script(label)
        touch('touchStart', [(x, y)])
        touch('touchEnd', [])
        wait(d, 'var s=(function(){%s})(); return s && s.scene=="hau-cung";' % STATE)
        d.get(base.replace('index.html', 'index.html?phone'))  # as the next check expects it
        settle(d, 'san-trong')

    @check('phone: Back returns to the scene before a hotspot; the language link keeps the view; a tap on the view closes a note; full window fills the screen')
    def _():
        d = phone
        d.get(base.replace('index.html', 'index.html?history'))
        settle(d, 'san-trong')

        def tap(x, y):
            for kind, points in (('touchStart', [{'x': x, 'y': y}]), ('touchEnd', [])):
                d.execute_cdp_cmd('Input.dispatchTouchEvent', {'type': kind, 'touchPoints': points})
        spot = d.find_element(By.CSS_SELECTOR, '.dinh-spot-scene').rect
        tap(spot['x'] + spot['width'] / 2, spot['y'] + spot['height'] / 2)
        wait(d, 'return location.hash.indexOf("scene=hau-cung") >= 0')
        lang = d.find_element(By.CSS_SELECTOR, '.languages a').get_attribute('href')
        assert lang.split('#')[1] == d.execute_script('return location.hash.slice(1)'), lang
        d.back()
        wait(d, 'var s=(function(){%s})(); return s && s.scene=="san-trong";' % STATE)
        assert d.execute_script('return location.pathname').endswith('/index.html'), 'still on the page'
        settle(d, 'san-trong')
        # Forward and Back walk the same two steps; a scene chosen in the page's list is one step too.
        steps = d.execute_script('return history.length')
        d.forward()
        wait(d, 'var s=(function(){%s})(); return s && s.scene=="hau-cung";' % STATE)
        d.back()
        wait(d, 'var s=(function(){%s})(); return s && s.scene=="san-trong" && !location.hash;' % STATE)
        time.sleep(0.6)
        assert d.execute_script('return history.length') == steps and not d.execute_script('return location.hash'), 'no step added'
        d.execute_script('document.querySelector(\'.dinh-scenes a[href="#scene=hau-cung"]\').click()')
        wait(d, 'var s=(function(){%s})(); return s && s.scene=="hau-cung";' % STATE)
        time.sleep(0.6)
        d.back()
        wait(d, 'var s=(function(){%s})(); return s && s.scene=="san-trong";' % STATE)
        settle(d, 'san-trong')
        d.find_element(By.CSS_SELECTOR, '.dinh-spot-text').click()
        pop = d.find_element(By.CSS_SELECTOR, '.dinh-pop')
        assert pop.is_displayed()
        view = d.find_element(By.CSS_SELECTOR, '.dinh-view').rect
        tap(view['x'] + 30, view['y'] + view['height'] / 2)
        wait(d, 'return document.querySelector(".dinh-pop").hidden')
        # Where there is no Fullscreen API (iPhone), the view takes the whole window.
        d.execute_script('Element.prototype.requestFullscreen = undefined')
        d.find_element(By.CSS_SELECTOR, '.dinh-fs').click()
        size = d.execute_script('var r=document.querySelector(".dinh-pano").getBoundingClientRect();return [r.width,r.height,innerWidth,innerHeight]')
        assert abs(size[0] - size[2]) < 1 and abs(size[1] - size[3]) < 1, size
        d.find_element(By.CSS_SELECTOR, '.dinh-fs').click()
        d.get(base.replace('index.html', 'index.html?phone'))  # as the next check expects it
        d.execute_script('document.querySelector(".dinh-pano").style.width="390px"')
        settle(d, 'san-trong')

    @check('phone: the gyroscope button asks DeviceOrientationEvent.requestPermission() within the tap')
    def _():
        d = phone
        d.execute_script('window.asked=[];DeviceOrientationEvent.requestPermission=function(){'
                         'asked.push(navigator.userActivation.isActive);return Promise.resolve("granted")}')
        b = d.find_element(By.CSS_SELECTOR, '.dinh-gyro')
        b.click()
        wait(d, 'return document.querySelector(".dinh-gyro").getAttribute("aria-pressed")=="true"')
        assert d.execute_script('return asked') == [True]
        y0 = d.execute_script(STATE)['yaw']
        for alpha in (0, 40):
            d.execute_script('var e=new Event("deviceorientation");e.alpha=%d;e.beta=90;e.gamma=0;window.dispatchEvent(e)' % alpha)
        assert abs(abs(d.execute_script(STATE)['yaw'] - y0) - 40) < 1, d.execute_script(STATE)

    for name, fn in RESULTS:
        try:
            fn()
            passed += 1
            print('PASS', name)
        except Exception:
            failed += 1
            print('FAIL', name)
            traceback.print_exc(limit=2)
    disk_driver.quit()
    phone.quit()

    # Without WebGL (over http, as on a phone whose graphics the browser does not trust) the CSS renderer
    # draws the tour, and the list of scenes walks it (the relic page's test shows the photo where neither can).
    nogl = browser(webgl=False)
    name = 'without WebGL the CSS renderer draws the tour and the scene list walks it'
    try:
        nogl.get(base)
        wait(nogl, 'var s=(function(){%s})(); return s && s.drawn && s.renderer=="css"' % STATE)
        assert not nogl.find_elements(By.CSS_SELECTOR, '.dinh-msg')
        scenes = nogl.execute_script('return [].map.call(document.querySelectorAll(".dinh-scenes a"), a => a.hash.slice(7))')
        assert len(scenes) == 2, scenes
        nogl.execute_script('document.querySelectorAll(".dinh-scenes a")[1].click()')
        wait(nogl, 'var s=(function(){%s})(); return s && s.drawn && s.scene==%s' % (STATE, json.dumps(scenes[1])))
        assert not errors(nogl), errors(nogl)
        passed += 1
        print('PASS', name)
    except Exception:
        failed += 1
        print('FAIL', name)
        traceback.print_exc(limit=2)
    finally:
        nogl.quit()
    server.shutdown()
    other.shutdown()
    size = sum(os.path.getsize(os.path.join(THEME, n)) for n in ('viewer.js', 'viewer.css'))
    print('viewer.js + viewer.css: %d bytes (source; viewer-css3d.js %d more where needed)'
          % (size, os.path.getsize(os.path.join(THEME, 'viewer-css3d.js'))))
    shutil.rmtree(site, ignore_errors=True)
    print('%d passed, %d failed' % (passed, failed))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
