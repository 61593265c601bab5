"""Runs axe-core (the engine of Lighthouse's accessibility audit) in headless Chromium on pages
of a built site and fails on any serious or critical WCAG 2.2 A/AA violation (axe-core 4.12, shipped by
PyPI axe-playwright-python 0.1.8, installed without Playwright; tags wcag2a, wcag2aa, wcag21aa, wcag22aa, which
include the 24-px target size).

usage: axe_check.py SITE_DIR PAGE [PAGE...]   (pages relative to the site root, e.g. en/index.html)
"""
import functools, http.server, os, sys, threading
import axe_playwright_python
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

site, pages = sys.argv[1], sys.argv[2:]
handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=site)
http.server.SimpleHTTPRequestHandler.log_message = lambda *a: None
server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
threading.Thread(target=server.serve_forever, daemon=True).start()
base = f"http://127.0.0.1:{server.server_address[1]}/"

options = webdriver.ChromeOptions()
options.binary_location = "/usr/lib/chromium/chromium"
for flag in ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=390,844",
             "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"]:
    options.add_argument(flag)
driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
axe_source = open(os.path.join(os.path.dirname(axe_playwright_python.__file__), "axe.min.js")).read()

passed = failed = 0
try:
    for page in pages:
        driver.get(base + page)
        driver.execute_script(axe_source)
        result = driver.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']}})"
            ".then(r => done(r.violations)).catch(e => done([{id: 'axe-error', impact: 'critical', help: String(e), nodes: []}]));")
        bad = [v for v in result if v.get("impact") in ("serious", "critical")]
        if bad:
            failed += 1
            for v in bad:
                targets = [n.get("target") for n in v.get("nodes", [])][:3]
                print(f"FAIL {page}: {v['id']} ({v['impact']}): {v['help']} {targets}")
        else:
            passed += 1
            print(f"ok   {page}")
finally:
    driver.quit()
    server.shutdown()
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
