#!/usr/bin/env python3
"""Time to the first panorama pixels of the demo relic page on a phone over a slow network.

usage: bench-tour.py [SITE_DIR]   (default: builds content/ with .build/release/dinh, or debug)

Headless Chromium as a 390×844 phone (DPR 2, touch) with WebGL (SwiftShader), throttled by DevTools
to "Slow 4G" (1.6 Mbps down, 750 kbps up, 150 ms latency), cache disabled; the site is served on
127.0.0.1, the service worker bypassed (a first visit). First pixels: the first animation frame in which the viewer has drawn its preview (read
by a requestAnimationFrame probe injected before the page, so the viewer is unchanged), confirmed
by a screenshot that is not uniform. Bytes: transfer sizes (Resource Timing, headers included) of
the page and every resource that finished before the first pixels. Goal: ≤ 1.2 s. Median of 5 runs.
"""
import functools, http.server, os, shutil, statistics, subprocess, sys, tempfile, threading, time
from PIL import Image
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..'))
PAGE = 'heritage/dinh-dai-phung/'
RUNS = 5
GOAL = 1.2
PROBE = '''window.dinhFirst=null;(function f(){requestAnimationFrame(function(){
var p=document.querySelector(".dinh-pano"),v=p&&p.dinhViewer,s=v&&v.state();
if(s&&s.drawn){window.dinhFirst=performance.now();return}f()})})();'''


def site_dir():
    if len(sys.argv) > 1:
        return sys.argv[1], None
    dinh = next((p for p in ('.build/release/dinh', '.build/debug/dinh') if os.path.exists(os.path.join(ROOT, p))), None)
    if not dinh:
        sys.exit('build dinh first (make build)')
    subprocess.run(['bash', 'scripts/demo-media.sh'], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    tmp = tempfile.mkdtemp(prefix='dinh-bench-tour-')
    subprocess.run([os.path.join(ROOT, dinh), 'build', 'content', '--output', os.path.join(tmp, 'public'), '--quiet'],
                   cwd=ROOT, check=True)
    return os.path.join(tmp, 'public'), tmp


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def main():
    site, tmp = site_dir()
    server = http.server.ThreadingHTTPServer(('127.0.0.1', 0), functools.partial(Quiet, directory=site))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = 'http://127.0.0.1:%d/%s' % (server.server_address[1], PAGE)
    o = webdriver.ChromeOptions()
    o.binary_location = os.environ.get('DINH_CHROMIUM', '/usr/lib/chromium/chromium')
    for arg in ('--headless=new', '--no-sandbox', '--use-gl=angle', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
                '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1', '--no-first-run', '--disable-background-networking',
                '--disable-component-update', '--disable-sync'):
        o.add_argument(arg)
    o.add_experimental_option('mobileEmulation', {'deviceMetrics': {'width': 390, 'height': 844, 'pixelRatio': 2, 'touch': True},
                                                  'userAgent': 'Mozilla/5.0 (Linux; Android 14) Mobile'})
    d = webdriver.Chrome(options=o, service=Service(os.environ.get('DINH_CHROMEDRIVER', '/usr/bin/chromedriver')))
    times, sizes, firsts = [], [], None
    try:
        d.execute_cdp_cmd('Network.enable', {})
        d.execute_cdp_cmd('Network.setCacheDisabled', {'cacheDisabled': True})
        d.execute_cdp_cmd('Network.setBypassServiceWorker', {'bypass': True})  # a first visit: nothing kept yet
        d.execute_cdp_cmd('Network.emulateNetworkConditions', {'offline': False, 'latency': 150,
                                                            'downloadThroughput': 1.6e6 / 8, 'uploadThroughput': 750e3 / 8})
        d.execute_cdp_cmd('Page.addScriptToEvaluateOnNewDocument', {'source': PROBE})
        for run in range(RUNS):
            d.get('about:blank')
            d.get(url)
            end = time.time() + 30
            while not d.execute_script('return window.dinhFirst') and time.time() < end:
                time.sleep(0.05)
            first = d.execute_script('return window.dinhFirst')
            if not first:
                sys.exit('the panorama did not draw within 30 s')
            got = d.execute_script('''var t=arguments[0],n=performance.getEntriesByType("navigation")[0];
                return [[n.name,n.transferSize,n.responseEnd]].concat(performance.getEntriesByType("resource")
                .filter(function(e){return e.responseEnd<=t}).map(function(e){return [e.name,e.transferSize,e.responseEnd]}))''', first)
            times.append(first / 1000)
            sizes.append(sum(g[1] for g in got))
            firsts = got
        shot = os.path.join(tempfile.gettempdir(), 'dinh-bench-tour.png')
        d.find_element('css selector', '.dinh-view').screenshot(shot)
        lo, hi = Image.open(shot).convert('L').getextrema()
        if hi - lo < 40:
            sys.exit('the panorama is uniform on screen (%d..%d)' % (lo, hi))
    finally:
        d.quit()
        server.shutdown()
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)
    print('fetched before the first pixels (last run):')
    for name, size, at in sorted(firsts, key=lambda g: g[2]):
        print('  %6.0f ms  %7d B  %s' % (at, size, name.split('/', 3)[-1]))
    median = statistics.median(times)
    print('first panorama pixels, 390-px phone, Slow 4G (1.6 Mbps, 150 ms), cache disabled: median %.2f s '
          '(runs: %s), %d B fetched before them; goal ≤ %.1f s %s'
          % (median, ' '.join('%.2f' % t for t in times), statistics.median(sizes), GOAL, '✔' if median <= GOAL else '✘'))


if __name__ == '__main__':
    main()
