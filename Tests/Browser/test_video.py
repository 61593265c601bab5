#!/usr/bin/env python3
"""Browser test of the demo's festival clip (Lăng miếu Triệu Tường) in headless Chromium as a phone.

usage: test_video.py SITE_DIR   (a folder built by `dinh build` from content/)
The clip plays (its time advances), and its captions show the right words at about 1.3 s in the page's
language, both served over http and opened from disk (file://, where the browser refuses to fetch
the .vtt and the page makes the track from the cues written into it). A control page without the
page's captions script, opened from disk, shows none: the check can fail. Last line: `N passed, N failed`.
"""
import os
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
from support import Runner, Server, browser, wait  # noqa: E402

site = os.path.abspath(sys.argv[1])
RELIC = 'heritage/lang-mieu-trieu-tuong/index.html'
CUE_AT = """
var v = document.querySelector('video'), shown = [];
for (var i = 0; i < v.textTracks.length; i++) {
  var t = v.textTracks[i];
  if (t.mode == 'showing' && t.activeCues) for (var j = 0; j < t.activeCues.length; j++) shown.push(t.activeCues[j].text);
}
return shown.join(' | ');
"""


def plays_with_captions(driver, url, words):
    driver.get(url)
    wait(driver, "return document.querySelector('video') && document.readyState == 'complete'")
    poster = driver.execute_script("return document.querySelector('video').poster")
    assert poster.endswith('.jpg'), 'the clip has its poster: %r' % poster
    driver.execute_script("var v = document.querySelector('video'); v.muted = true;"
                          "v.ontimeupdate = function () { if (v.currentTime > 1.2) v.pause(); }; v.play();")
    wait(driver, "var v = document.querySelector('video'); return v.paused && v.currentTime > 1.2", 15)
    at = driver.execute_script("return document.querySelector('video').currentTime")
    assert at < 3, 'paused within the first caption: %.2f s' % at
    shown = wait(driver, CUE_AT, 10)
    assert words in shown, 'caption at %.2f s: %r, expected %r' % (at, shown, words)


def no_captions_without_the_script(driver, folder):
    # The same page from disk without the captions script: the native track cannot load there.
    page = os.path.join(folder, RELIC)
    html = open(page, encoding='utf-8').read()
    assert 'captions.js' in html
    open(page, 'w', encoding='utf-8').write(html.replace('assets/captions.js', 'assets/none.js'))
    driver.get('file://' + page)
    wait(driver, "return document.readyState == 'complete'")
    driver.execute_script("var v = document.querySelector('video'); v.muted = true; v.currentTime = 1.5;")
    import time
    time.sleep(2)
    shown = driver.execute_script(CUE_AT)
    assert shown == '', 'no captions expected without the script, got %r' % shown


server = Server(site)
runner = Runner()
phone = browser(phone=True)
try:
    runner.run('plays with Vietnamese captions over http', plays_with_captions, phone, server.base + RELIC, 'Lễ hội Lăng miếu Triệu Tường')
    runner.run('plays with English captions over http', plays_with_captions, phone, server.base + 'en/' + RELIC, 'The Trieu Tuong temple festival')
    runner.run('plays with Vietnamese captions from disk', plays_with_captions, phone, 'file://' + os.path.join(site, RELIC), 'Lễ hội Lăng miếu Triệu Tường')
    runner.run('plays with English captions from disk', plays_with_captions, phone, 'file://' + os.path.join(site, 'en', RELIC), 'The Trieu Tuong temple festival')
    copy = tempfile.mkdtemp(prefix='dinh-video-')
    shutil.copytree(site, copy, dirs_exist_ok=True)
    runner.run('control: from disk without the script, no captions', no_captions_without_the_script, phone, copy)
    shutil.rmtree(copy, ignore_errors=True)
finally:
    phone.quit()
    server.stop()
sys.exit(runner.finish())
