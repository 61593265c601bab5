"""Browser test of a real built relic page (the demo's Đình Đại Phùng) in headless Chromium.

usage: test_relic_page.py SITE_DIR   (a folder built by `dinh build` from content/)
Checks: the panorama renders (canvas not uniform), no console error, a scene hotspot changes the
scene and the per-scene narration follows, the URL hash opens a given scene, the captions track is
present, and without WebGL the fallback image and scene list stay. Last line: `N passed, N failed`.
"""
import os, sys, time, traceback
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
sys.path.insert(0, os.path.dirname(__file__))
from test_viewer import browser, serve, wait, settle, canvas_image, errors, STATE  # noqa: E402

site = sys.argv[1]
server = serve(site)
page = 'http://127.0.0.1:%d/heritage/dinh-dai-phung/' % server.server_address[1]
passed = failed = 0


def run(name, fn, driver):
    global passed, failed
    try:
        fn(driver)
        passed += 1
        print('PASS ' + name)
    except Exception:
        failed += 1
        print('FAIL ' + name)
        traceback.print_exc(limit=3)


def renders(d):
    d.get(page)
    settle(d, 'san-dinh')
    img = canvas_image(d).convert('L')
    lo, hi = img.getextrema()
    assert hi - lo > 40, 'the canvas is nearly uniform: %s..%s' % (lo, hi)


def hotspot(d):
    d.get(page)
    settle(d, 'san-dinh')
    button = wait(d, 'return Array.from(document.querySelectorAll(".dinh-pano button")).find(b => /main hall|đại đình/i.test(b.getAttribute("aria-label")||b.textContent))')
    button.send_keys(Keys.ENTER)
    wait(d, 'var s=(function(){%s})(); return s && s.scene=="dai-dinh";' % STATE)
    src = d.execute_script('return document.querySelector("audio[data-dinh-scene-narration]").getAttribute("src")')
    assert src is None or 'dai-dinh' not in src, src  # dai-dinh has no own narration: the player keeps the last one


def hash_opens(d):
    d.get(page + '#scene=dai-dinh')
    settle(d, 'dai-dinh')


def captions(d):
    d.get(page)
    tracks = d.find_elements(By.CSS_SELECTOR, 'audio[data-dinh-narration] track[kind="captions"]')
    assert tracks and tracks[0].get_attribute('src').endswith('thuyet-minh.vi.vtt')
    cues = d.find_elements(By.CSS_SELECTOR, '.transcript li')
    assert len(cues) == 3, len(cues)
    preload = d.execute_script('return Array.from(document.querySelectorAll("audio")).map(a => a.preload)')
    assert all(p == 'none' for p in preload), preload


def no_console_errors(d):
    d.get(page)
    settle(d, 'san-dinh')
    assert not errors(d), errors(d)


driver = browser(webgl=True)
try:
    for name, fn in [('the panorama renders (canvas not uniform)', renders), ('a scene hotspot changes the scene', hotspot),
                     ('#scene= opens that scene', hash_opens), ('the captions track and transcript are present, audio not preloaded', captions),
                     ('no console error', no_console_errors)]:
        run(name, fn, driver)
finally:
    driver.quit()


def fallback(d):
    d.get(page)
    time.sleep(1)
    img = d.find_element(By.CSS_SELECTOR, '.dinh-pano-fallback')
    assert img.is_displayed()
    assert len(d.find_elements(By.CSS_SELECTOR, '.dinh-pano-scenes a')) == 2
    assert not errors(d), errors(d)


nogl = browser(webgl=False)
try:
    run('without WebGL the preview image and the scene list are shown', fallback, nogl)
finally:
    nogl.quit()
server.shutdown()
print('%d passed, %d failed' % (passed, failed))
sys.exit(1 if failed else 0)
