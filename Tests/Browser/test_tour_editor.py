#!/usr/bin/env python3
"""Browser test of the tour editor of `dinh serve` (Sources/DinhServe/TourEditorScript.swift) in headless
Chromium with WebGL (SwiftShader), against the real binary.

A content folder with one relic of two scenes is generated: the panoramas are grey with coloured discs at
known yaw and pitch, and index.md is saved as Windows saves it (UTF-8 BOM, CRLF) with comments. The test
finds each disc in the rendered view (a screenshot, so the oracle is what the viewer drew), clicks on it to
add a note, drags the hotspot onto another disc, deletes it, uses the current view, sets north, reorders
the scenes and undoes that; after each change the hotspot or view written into index.md is checked
(within 1° of the disc), and a byte comparison shows that only lines of the scenes block changed (BOM,
CRLF, other fields, comments and the body stay). A content error in the file blocks editing with its
file:line message.

    DINH_BINARY=.build/debug/dinh .build/venv/bin/python Tests/Browser/test_tour_editor.py
"""
import difflib
import io
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time

from PIL import Image, ImageDraw
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from support import Runner, browser, severe, wait  # noqa: E402

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))
SLUG = 'den-thu'
# Discs (yaw, pitch, colour) on the first scene's panorama.
RED = (30.0, 10.0, (230, 20, 20))
GREEN = (-35.0, -12.0, (20, 200, 20))
BLUE = (-8.0, 18.0, (30, 40, 230))

RELIC = '''---
code: DT01   # printed on the board
name:
  vi: Đền Thử
  en: Test Temple
kind: đền
ranking: provincial
address: Xã Thử, huyện Đan Phượng, Hà Nội
geo: [21.08, 105.66]
scenes:
  # the courtyard opens first
  - id: san-trong
    title: {vi: Sân trong, en: Courtyard}   # a comment that stays
    panorama: san-trong.png
    view: {yaw: 0, pitch: 0, fov: 90}
    hotspots:
      - {yaw: 170, pitch: 0, scene: hau-cung}
  - id: hau-cung
    title: {vi: Hậu cung, en: Sanctuary}
    panorama: hau-cung.png
summary:
  vi: Một di tích để thử.
  en: A relic to test with.
---
Lịch sử của đền.

# Một tiêu đề
'''
ORIGINAL = b'\xef\xbb\xbf' + RELIC.replace('\n', '\r\n').encode('utf-8')


def panorama(path, discs, grey=118):
    """An equirectangular panorama 2048×1024: grey, with a disc of 2.2° radius at each (yaw, pitch)."""
    w, h = 2048, 1024
    img = Image.new('RGB', (w, h), (grey, grey, grey))
    d = ImageDraw.Draw(img)
    for yaw, pitch, colour in discs:
        x, y = (yaw / 360 + 0.5) * w, (0.5 - pitch / 180) * h
        r = 2.2 / 360 * w
        stretch = 1 / math.cos(math.radians(pitch))  # a round disc on the sphere is wider near the poles
        d.ellipse((x - r * stretch, y - r, x + r * stretch, y + r), fill=colour)
    img.save(path)


def make_content(folder):
    content = os.path.join(folder, 'content')
    relic = os.path.join(content, 'heritage', SLUG)
    os.makedirs(relic)
    with open(os.path.join(content, 'site.yaml'), 'w', encoding='utf-8') as f:
        f.write('title:\n  vi: Di sản thử\n  en: Test heritage\nbase_url: https://disan.example.vn/\n'
                'languages: [vi, en]\ncurrency: VND\npublisher:\n  name: UBND huyện\n')
    panorama(os.path.join(relic, 'san-trong.png'), [RED, GREEN, BLUE])
    panorama(os.path.join(relic, 'hau-cung.png'), [(0, 0, (230, 200, 20))], grey=90)
    with open(os.path.join(relic, 'index.md'), 'wb') as f:
        f.write(ORIGINAL)
    with open(os.path.join(relic, 'index.en.md'), 'w', encoding='utf-8') as f:
        f.write('History of the temple.\n')
    return content


class Serve:
    """`dinh serve` on a free port, its output read in the background."""

    def __init__(self, content, *extra):
        binary = os.environ.get('DINH_BINARY') or os.path.join(ROOT, '.build', 'debug', 'dinh')
        self.out = []
        self.p = subprocess.Popen([binary, 'serve', content, '--port', '0', '--lang', 'en'] + list(extra),
                                  stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        threading.Thread(target=self._read, daemon=True).start()
        end = time.time() + 120
        while time.time() < end:
            m = re.search(r'http://127\.0\.0\.1:(\d+)/', ''.join(self.out))
            if m:
                self.base = 'http://127.0.0.1:%s/' % m.group(1)
                return
            if self.p.poll() is not None:
                break
            time.sleep(0.1)
        raise AssertionError('dinh serve printed no address: ' + ''.join(self.out))

    def _read(self):
        for line in self.p.stdout:
            self.out.append(line)

    def stop(self):
        self.p.send_signal(2)
        try:
            self.p.wait(10)
        except subprocess.TimeoutExpired:
            self.p.kill()


def read(path):
    with open(path, 'rb') as f:
        return f.read()


def scene_block(data):
    """Line numbers (0-based, end exclusive) of the scenes block: from `scenes:` to the next top-level field."""
    lines = data.split(b'\r\n')
    start = lines.index(b'scenes:')
    end = next(i for i in range(start + 1, len(lines)) if re.match(rb'^[a-z_]+:', lines[i]) or lines[i] == b'---')
    return start, end


def only_scene_lines_changed(before, after):
    """BOM and CRLF kept, and every differing line inside the scenes block of both versions."""
    assert after.startswith(b'\xef\xbb\xbf'), 'the BOM is gone'
    body = after[3:]
    assert b'\n' not in body.replace(b'\r\n', b'') and b'\r' not in body.replace(b'\r\n', b''), 'a line lost its CRLF'
    a, b = before[3:].split(b'\r\n'), body.split(b'\r\n')
    (sa, ea), (sb, eb) = scene_block(before), scene_block(after)
    assert a[:sa + 1] == b[:sb + 1] and a[ea:] == b[eb:], 'lines outside the scenes block changed'
    changed = [op for op in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes() if op[0] != 'equal']
    for _, i1, i2, j1, j2 in changed:
        assert sa < i1 and i2 <= ea and sb < j1 and j2 <= eb, 'a change outside the scenes: %r' % (changed,)
    return changed


def spots(data, scene):
    """The hotspots written for a scene (flow style, as the editor writes them): [(yaw, pitch, line)]."""
    text = data[3:].decode('utf-8').replace('\r\n', '\n')
    block = text.split('- id: ' + scene, 1)[1].split('\n  - id:', 1)[0].split('\nsummary:', 1)[0]
    return [(float(m.group(1)), float(m.group(2)), m.group(0))
            for m in re.finditer(r'(?<=- )\{yaw: (-?[\d.]+), pitch: (-?[\d.]+)[^\n]*', block)]


def angle_diff(a, b):
    return abs((a - b + 180) % 360 - 180)


class Editor:
    def __init__(self, driver, base, index):
        self.d, self.base, self.index = driver, base, index

    def open(self):
        self.d.get(self.base + 'heritage/%s/' % SLUG)
        self.ready()

    def ready(self):
        wait(self.d, 'var e=document.querySelector(".dinh-editor[data-ready]"), v=document.querySelector(".dinh-pano").dinhViewer;'
                     'return e && v && v.state().drawn && v.state().textures >= 3;', 60)
        time.sleep(0.8)

    def state(self):
        return self.d.execute_script('return document.querySelector(".dinh-pano").dinhViewer.state()')

    def editing(self):
        if self.d.find_element(By.CSS_SELECTOR, '[data-edit=toggle]').get_attribute('aria-pressed') != 'true':
            self.d.find_element(By.CSS_SELECTOR, '[data-edit=toggle]').click()
        wait(self.d, 'return !document.querySelector("[data-edit=view]").disabled')

    def change(self, action, timeout=30):
        """Runs `action`, waits for index.md to change and for the page to reload with the rebuilt site."""
        before = read(self.index)
        self.d.execute_script('window.__before = 1')
        action()
        end = time.time() + timeout
        while time.time() < end and read(self.index) == before:
            time.sleep(0.05)
        after = read(self.index)
        assert after != before, 'index.md did not change; status: %s' % self.status()
        wait(self.d, 'return window.__before === undefined', timeout)
        self.ready()
        return before, after

    def status(self):
        return self.d.execute_script('var s=document.querySelector("[data-edit=status]"),a=document.querySelector("[data-edit=alert]");'
                                     'return (s?s.textContent:"")+" | "+(a?a.textContent:"")')

    def find(self, colour):
        """Centre (CSS px in the view) of the pixels of a disc's colour in what the viewer shows."""
        pane = self.d.find_element(By.CSS_SELECTOR, '.dinh-view')
        self.d.execute_script('arguments[0].scrollIntoView({block: "center"})', pane)
        time.sleep(0.3)
        self.d.execute_script('document.querySelector(".dinh-edit-layer")&&(document.querySelector(".dinh-edit-layer").style.visibility="hidden")')
        img = Image.open(io.BytesIO(pane.screenshot_as_png)).convert('RGB')
        self.d.execute_script('document.querySelector(".dinh-edit-layer")&&(document.querySelector(".dinh-edit-layer").style.visibility="")')
        xs, ys = [], []
        px = img.load()
        for y in range(0, img.height):
            for x in range(0, img.width):
                r, g, b = px[x, y]
                if sum(abs(c - t) for c, t in zip((r, g, b), colour)) < 90:
                    xs.append(x)
                    ys.append(y)
        assert len(xs) > 20, 'disc %r not seen (%d pixels)' % (colour, len(xs))
        scale = img.width / pane.size['width']
        return (sum(xs) / len(xs) + 0.5) / scale, (sum(ys) / len(ys) + 0.5) / scale

    def offset(self, point):
        pane = self.d.find_element(By.CSS_SELECTOR, '.dinh-view')
        return pane, round(point[0] - pane.size['width'] / 2), round(point[1] - pane.size['height'] / 2)


def main():
    folder = tempfile.mkdtemp(prefix='dinh-tour-editor-')
    content = make_content(folder)
    index = os.path.join(content, 'heritage', SLUG, 'index.md')
    server = Serve(content)
    driver = browser(width=1100, height=900)
    ed = Editor(driver, server.base, index)
    runner = Runner()
    history = []

    def editor_is_there():
        ed.open()
        assert driver.find_elements(By.CSS_SELECTOR, 'script[src="/__dinh/editor.js"]'), 'no editor script on the relic page'
        ed.editing()
        for sel in ('[data-edit=toggle]', '[data-edit=centre]', '[data-edit=view]', '[data-edit=north]', '[data-edit=undo]'):
            b = driver.find_element(By.CSS_SELECTOR, sel)
            assert b.tag_name == 'button' and b.text.strip(), sel
        # Keyboard: the toggle and the tools are reached with Tab.
        driver.find_element(By.CSS_SELECTOR, '[data-edit=toggle]').send_keys(Keys.TAB)
        reached = []
        for _ in range(6):
            reached.append(driver.execute_script('return document.activeElement.getAttribute("data-edit")'))
            driver.switch_to.active_element.send_keys(Keys.TAB)
        assert 'centre' in reached and 'view' in reached and 'north' in reached, reached
        driver.get(server.base)
        assert not driver.find_elements(By.CSS_SELECTOR, 'script[src="/__dinh/editor.js"]'), 'the editor is on a page that is not a relic'

    def click_adds_a_note_at_the_disc():
        ed.open()
        ed.editing()
        x, y = ed.find(RED[2])
        pane, dx, dy = ed.offset((x, y))

        def add():
            scrolled = driver.execute_script('return scrollY')
            ActionChains(driver).move_to_element_with_offset(pane, dx, dy).click().perform()
            wait(driver, 'var f=document.querySelector("[data-edit=form]"); return f && !f.hidden')
            # The page stays where it was, and the point clicked is marked on the panorama while the
            # form is filled in (the officer saw neither: the page scrolled the panorama away).
            assert driver.execute_script('return scrollY') == scrolled, 'the page scrolled when the form opened'
            mark = driver.execute_script('var m = document.querySelector(".dinh-edit-new"), r = m && m.getBoundingClientRect();'
                                         'return r && [r.left + r.width / 2, r.top + r.height / 2]')
            click = driver.execute_script('var r = arguments[0].getBoundingClientRect(); return [r.left + arguments[1], r.top + arguments[2]]',
                                          pane, dx + pane.size['width'] / 2, dy + pane.size['height'] / 2)
            assert mark and abs(mark[0] - click[0]) <= 3 and abs(mark[1] - click[1]) <= 3, 'the new point is not marked where clicked: %s %s' % (mark, click)
            # The form in sight beside the point, not over it (under the panorama, a laptop's screen ended
            # above it).
            form = driver.execute_script('var r = document.querySelector("[data-edit=form]").getBoundingClientRect();'
                                         'return [r.left, r.top, r.right, r.bottom, innerWidth, innerHeight]')
            assert form[0] >= 0 and form[1] >= 0 and form[2] <= form[4] and form[3] <= form[5], 'the form is out of sight: %s' % form
            assert not (form[0] <= mark[0] <= form[2] and form[1] <= mark[1] <= form[3]), 'the form covers the point: %s %s' % (form, mark)
            # Each choice's radio button beside its words, not above them.
            for label in driver.find_elements(By.CSS_SELECTOR, '.dinh-choice'):
                box, radio = label.rect, label.find_element(By.TAG_NAME, 'input').rect
                assert radio['y'] >= box['y'] and radio['y'] + radio['height'] <= box['y'] + box['height'] and box['height'] < 50, (box, radio)
            driver.find_element(By.CSS_SELECTOR, '[data-edit=kind-note]').click()
            driver.find_element(By.CSS_SELECTOR, '[data-edit=text-vi]').send_keys('Hoành phi: "thế kỷ XIX"')
            driver.find_element(By.CSS_SELECTOR, '[data-edit=text-en]').send_keys('19th-century board')
            driver.find_element(By.CSS_SELECTOR, '[data-edit=add]').click()
        before, after = ed.change(add)
        history.append(after)
        only_scene_lines_changed(before, after)
        written = spots(after, 'san-trong')
        assert len(written) == 2, written
        yaw, pitch, line = written[1]
        assert angle_diff(yaw, RED[0]) <= 1 and abs(pitch - RED[1]) <= 1, 'written %s, disc at %s' % (line, RED[:2])
        print('  click: written yaw %.1f pitch %.1f, disc at %.1f %.1f' % (yaw, pitch, RED[0], RED[1]))
        assert 'text: {vi: "Hoành phi: \\"thế kỷ XIX\\"", en: 19th-century board}' in line, line
        assert re.match(r'\{yaw: -?\d+(\.\d)?, pitch: -?\d+(\.\d)?, text', line), 'not rounded to 0.1°: ' + line
        # The reloaded page shows it: a marker in edit mode, the note in the viewer otherwise.
        wait(driver, 'return document.querySelectorAll(".dinh-edit-spot").length === 2')

    def drag_moves_it_to_another_disc():
        gx, gy = ed.find(GREEN[2])
        marker = driver.find_elements(By.CSS_SELECTOR, '.dinh-edit-spot[data-index="1"]')[0]
        pane = driver.find_element(By.CSS_SELECTOR, '.dinh-view')
        start = marker.location
        origin = pane.location
        mx = start['x'] + marker.size['width'] / 2 - origin['x']
        my = start['y'] + marker.size['height'] / 2 - origin['y']

        def drag():
            ActionChains(driver).click_and_hold(marker).move_by_offset(round((gx - mx) / 2), round((gy - my) / 2)) \
                .move_by_offset(round(gx - mx) - round((gx - mx) / 2), round(gy - my) - round((gy - my) / 2)).release().perform()
        before, after = ed.change(drag)
        only_scene_lines_changed(before, after)
        written = spots(after, 'san-trong')
        assert len(written) == 2, written
        yaw, pitch, line = written[1]
        assert angle_diff(yaw, GREEN[0]) <= 1 and abs(pitch - GREEN[1]) <= 1, 'written %s, disc at %s' % (line, GREEN[:2])
        print('  drag: written yaw %.1f pitch %.1f, disc at %.1f %.1f' % (yaw, pitch, GREEN[0], GREEN[1]))
        assert 'Hoành phi' in line, line

    def arrow_keys_move_it():
        before = spots(read(index), 'san-trong')[1]
        marker = driver.find_elements(By.CSS_SELECTOR, '.dinh-edit-spot[data-index="1"]')[0]
        driver.execute_script('arguments[0].focus()', marker)

        def keys():
            for key in [Keys.ARROW_RIGHT] * 3 + [Keys.ARROW_UP] * 2:
                driver.switch_to.active_element.send_keys(key)
            driver.switch_to.active_element.send_keys(Keys.ENTER)
        _, after = ed.change(keys)
        yaw, pitch, line = spots(after, 'san-trong')[1]
        assert abs(yaw - (before[0] + 3)) < 0.01 and abs(pitch - (before[1] + 2)) < 0.01, (before, line)

    def delete_removes_it():
        def delete():
            driver.find_elements(By.CSS_SELECTOR, '[data-edit=spots] li[data-index="1"] [data-edit=delete]')[0].click()
        before, after = ed.change(delete)
        only_scene_lines_changed(before, after)
        assert after == ORIGINAL, 'deleting the note did not give back the original file:\n' + after.decode('utf-8', 'replace')

    def use_this_view_writes_the_view():
        pane = driver.find_element(By.CSS_SELECTOR, '.dinh-view')
        pane.click()  # focus; in edit mode a click opens the form, which is cancelled
        wait(driver, 'var f=document.querySelector("[data-edit=form]"); return f && !f.hidden')
        driver.find_element(By.CSS_SELECTOR, '[data-edit=cancel]').click()
        driver.execute_script('document.querySelector(".dinh-view").focus()')
        for key in [Keys.ARROW_RIGHT] * 5 + [Keys.ARROW_UP] * 2:
            driver.switch_to.active_element.send_keys(key)
        time.sleep(0.5)
        s = ed.state()
        assert angle_diff(s['yaw'], 0) > 5, s
        before, after = ed.change(lambda: driver.find_element(By.CSS_SELECTOR, '[data-edit=view]').click())
        changed = only_scene_lines_changed(before, after)
        m = re.search(rb'view: \{yaw: (-?[\d.]+), pitch: (-?[\d.]+), fov: ([\d.]+)\}', after)
        assert m and len(changed) == 1, changed
        yaw, pitch, fov = (float(g) for g in m.groups())
        assert angle_diff(yaw, s['yaw']) <= 0.051 and abs(pitch - s['pitch']) <= 0.051 and abs(fov - s['fov']) <= 0.051, (m.group(0), s)

    def north_is_here_writes_north():
        s = ed.state()
        before, after = ed.change(lambda: driver.find_element(By.CSS_SELECTOR, '[data-edit=north]').click())
        only_scene_lines_changed(before, after)
        m = re.search(rb'\r\n    north: (-?[\d.]+)\r\n', after)
        assert m and angle_diff(float(m.group(1)), s['yaw']) <= 0.051, (m, s)

    def reorder_and_undo():
        before, after = ed.change(lambda: driver.find_element(By.CSS_SELECTOR, '[data-edit=scenes] li[data-scene=hau-cung] [data-edit=up]').click())
        only_scene_lines_changed(before, after)
        assert after.index(b'- id: hau-cung') < after.index(b'- id: san-trong')
        assert sorted(before.split(b'\r\n')) == sorted(after.split(b'\r\n')), 'reordering changed lines'
        items = driver.find_elements(By.CSS_SELECTOR, '[data-edit=scenes] li')
        assert items[0].get_attribute('data-scene') == 'hau-cung', [i.get_attribute('data-scene') for i in items]
        again, undone = ed.change(lambda: driver.find_element(By.CSS_SELECTOR, '[data-edit=undo]').click())
        assert undone == before, 'undo did not restore the file'
        assert driver.find_element(By.CSS_SELECTOR, '[data-edit=undo]').get_attribute('disabled') is not None

    def saves_in_quick_succession_reload_every_time():
        """An officer saving again and again: after each build the page reloads and finishes loading.
        The preview's service worker keeps nothing and sees no request (the site's own worker, which
        passed the event stream through, once held a reload for minutes), and the relic page's
        "keep for offline" control hides."""
        driver.set_page_load_timeout(30)
        try:
            ed.open()
            worker = driver.execute_script('return fetch("/sw.js").then(r => r.text())')
            assert 'a preview keeps nothing' in worker and 'fetch' not in worker, worker[:200]
            wait(driver, 'return navigator.serviceWorker.getRegistration().then(r => !!(r && r.active))', 20)
            wait(driver, 'return document.querySelector("[data-dinh-offline]").hidden', 20)
            assert driver.execute_script('return caches.keys()') == [], 'the preview kept files'
            good = read(index)
            for n in range(12):
                def save():
                    with open(index, 'wb') as f:
                        f.write(good + b'\r\n' if n % 2 == 0 else good)
                ed.change(save)
            assert read(index) == good
        finally:
            driver.set_page_load_timeout(300)

    def the_editor_passes_axe():
        import axe_playwright_python
        axe = open(os.path.join(os.path.dirname(axe_playwright_python.__file__), 'axe.min.js')).read()
        ed.open()
        ed.editing()
        pane = driver.find_element(By.CSS_SELECTOR, '.dinh-view')
        driver.execute_script('arguments[0].scrollIntoView({block: "center"})', pane)
        ActionChains(driver).move_to_element(pane).click().perform()
        wait(driver, 'var f=document.querySelector("[data-edit=form]"); return f && !f.hidden')
        driver.find_element(By.CSS_SELECTOR, '[data-edit=kind-note]').click()
        assert driver.execute_script('return document.activeElement.getAttribute("data-edit")') == 'kind-note'
        driver.execute_script(axe)
        result = driver.execute_async_script(
            'const done = arguments[arguments.length - 1];'
            'axe.run({include: [[".dinh-editor"], [".dinh-edit-layer"]]}, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"]}})'
            '.then(r => done(r.violations)).catch(e => done([{id: "axe-error", impact: "critical", help: String(e), nodes: []}]));')
        bad = [(v['id'], v['help'], [n.get('target') for n in v.get('nodes', [])][:3]) for v in result if v.get('impact') in ('serious', 'critical')]
        assert not bad, bad
        driver.find_element(By.CSS_SELECTOR, '[data-edit=cancel]').click()

    def an_error_in_the_file_blocks_editing():
        good = read(index)
        with open(index, 'wb') as f:
            f.write(good.replace(b'geo: [21.08, 105.66]', b'geo: [21.08, abc]'))
        try:
            wait(driver, 'return window.__dinhErrorSeen || (document.getElementById("__dinh_errors") !== null)', 30)
            driver.get(server.base + 'heritage/%s/' % SLUG)
            wait(driver, 'var e=document.querySelector(".dinh-editor[data-ready]"); return e', 60)
            text = wait(driver, 'var a=document.querySelector("[data-edit=alert]"); return a && a.textContent')
            assert re.search(r'heritage/den-thu/index\.md:9:', text), text
            assert driver.find_element(By.CSS_SELECTOR, '[data-edit=view]').get_attribute('disabled') is not None
            bad = read(index)
            driver.execute_script('document.querySelector("[data-edit=north]").disabled=false;'
                                  'document.querySelector("[data-edit=north]").click()')
            time.sleep(1)
            assert read(index) == bad, 'a file with an error was edited'
        finally:
            with open(index, 'wb') as f:
                f.write(good)

    runner.run('the editor is on relic pages, with labelled buttons reached by keyboard', editor_is_there)
    runner.run('a click on a disc opens the form in sight beside it and adds a note within 1° of it; only scene lines change', click_adds_a_note_at_the_disc)
    runner.run('dragging the hotspot moves it onto another disc', drag_moves_it_to_another_disc)
    runner.run('arrow keys and Enter move the focused hotspot', arrow_keys_move_it)
    runner.run('deleting the hotspot gives back the original bytes', delete_removes_it)
    runner.run('"use this view" writes the current view', use_this_view_writes_the_view)
    runner.run('"north is here" writes north', north_is_here_writes_north)
    runner.run('scenes are reordered and one undo restores the file', reorder_and_undo)
    runner.run('saves in quick succession: the page reloads after every build; no offline copies', saves_in_quick_succession_reload_every_time)
    runner.run('the editor, its form and markers pass axe-core (WCAG 2.2 AA)', the_editor_passes_axe)
    runner.run('an error in the file blocks editing with its file:line', an_error_in_the_file_blocks_editing)
    bad = [e for e in severe(driver) if 'favicon' not in e.get('message', '')]
    runner.run('no errors in the console', lambda: (_ for _ in ()).throw(AssertionError(bad)) if bad else None)
    driver.quit()
    server.stop()
    if runner.failed or os.environ.get('DINH_SERVE_LOG'):
        print('dinh serve printed:\n' + ''.join(server.out)[-6000:])
    shutil.rmtree(folder, ignore_errors=True)
    return runner.finish()


if __name__ == '__main__':
    sys.exit(main())
