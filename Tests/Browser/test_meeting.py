#!/usr/bin/env python3
"""The demo's meeting pack as a delegate meets it: a 390×844 touch phone scans the code on the table.

usage: test_meeting.py SITE_DIR   (a folder built by `dinh build` from the demo content/)

Checks: the code's landing q/HOP2612/ (and the upper-case Q/HOP2612/ a QR symbol may carry) leads
to the pack over http and from file://; the pack is marked noindex and lists its documents in agenda
order with title and size, as 44-px targets, without sideways scroll; every document link returns
the very bytes of the source PDF (SHA-256) as application/pdf, over http and from disk; a tap opens
the PDF itself; the A4 placard printed by Chromium is one A4 page whose QR code zbar and zxing-cpp
both read as the code's address; the sitemap, search index and home page do not name the pack.
Last line: `N passed, N failed`.
"""
import hashlib
import os
import re
import subprocess
import sys
import tempfile
import urllib.parse
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from support import CHROMIUM, Runner, Server, browser, wait, widths  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402

SITE = os.path.abspath(sys.argv[1])
REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SLUG, CODE = 'hop-ubnd-thang-12-2026', 'HOP2612'
SOURCE = os.path.join(REPO, 'content', 'meetings', SLUG)
AGENDA = [('chuong-trinh.pdf', 'Chương trình họp', 'Agenda'),
          ('bao-cao-kinh-te-xa-hoi-2026.pdf', 'Báo cáo tình hình kinh tế – xã hội năm 2026',
           'Report on the economy and society in 2026')]
PACK = re.compile(r'/(en/)?meetings/%s/(index\.html)?$' % SLUG)
r = Runner()


def sha256(data):
    return hashlib.sha256(data).hexdigest()


def source_hash(name):
    with open(os.path.join(SOURCE, name), 'rb') as f:
        return sha256(f.read())


def reach_pack(d, start):
    """Opens a landing and waits until its refresh (or language switch) has led to the pack."""
    d.get(start)
    wait(d, 'return new RegExp(arguments[0]).test(location.pathname) && document.readyState == "complete"', 20, PACK.pattern)
    assert PACK.search(urllib.parse.urlparse(d.current_url).path), d.current_url


def documents(d):
    return d.find_elements(By.CSS_SELECTOR, 'ol.documents a.document')


def landing_over_http(d):
    reach_pack(d, server.base + 'q/%s/' % CODE)
    english = '/en/' in d.current_url
    robots = d.find_elements(By.CSS_SELECTOR, 'head meta[name="robots"]')
    assert robots and robots[0].get_attribute('content') == 'noindex', 'the pack is marked noindex'
    titles = [a.find_element(By.CSS_SELECTOR, '.document-title').text for a in documents(d)]
    assert titles == [t[2] if english else t[1] for t in AGENDA], titles
    sizes = [a.find_element(By.CSS_SELECTOR, '.document-meta').text for a in documents(d)]
    assert all(re.fullmatch(r'PDF · \d+ KB', s) for s in sizes), sizes


def large_targets(d):
    reach_pack(d, server.base + 'q/%s/' % CODE)
    for a in documents(d):
        size = a.size
        assert size['height'] >= 44 and size['width'] >= 300, 'a document link is a large target: %s' % size
    wide = widths(d)
    assert wide[0] <= wide[1], 'the pack scrolls sideways: %s' % wide


def same_bytes_over_http(d):
    reach_pack(d, server.base + 'q/%s/' % CODE)
    links = [a.get_attribute('href') for a in documents(d)]
    assert len(links) == len(AGENDA), links
    for href, (name, _, _) in zip(links, AGENDA):
        assert href.startswith(server.base) and href.endswith('/' + name), href
        with urllib.request.urlopen(href) as response:
            assert response.headers.get_content_type() == 'application/pdf', response.headers
            body = response.read()
        assert sha256(body) == source_hash(name), '%s differs from the source PDF' % href


def uppercase_address(d):
    reach_pack(d, server.base + 'Q/%s/' % CODE)


def same_bytes_from_disk(d):
    reach_pack(d, 'file://' + SITE + '/q/%s/index.html' % CODE)
    links = [a.get_attribute('href') for a in documents(d)]
    assert len(links) == len(AGENDA), links
    for href, (name, _, _) in zip(links, AGENDA):
        assert href.startswith('file://'), href
        path = urllib.parse.unquote(urllib.parse.urlparse(href).path)
        with open(path, 'rb') as f:
            assert sha256(f.read()) == source_hash(name), '%s differs from the source PDF' % href


def tap_opens_the_pdf(d):
    reach_pack(d, server.base + 'q/%s/' % CODE)
    first = documents(d)[0]
    kept = d.execute_script('return arguments[0].hasAttribute("download") || arguments[0].hasAttribute("target")', first)
    assert not kept, 'the PDF opens in place, in the phone\'s viewer (no download, no new window)'
    href = first.get_attribute('href')
    first.click()
    wait(d, 'return location.href == arguments[0]', 20, href)


def placard_reads_back(_):
    out = tempfile.mkdtemp(prefix='dinh-meeting-')
    pdf = os.path.join(out, 'placard.pdf')
    subprocess.run([CHROMIUM, '--headless=new', '--no-sandbox', '--disable-gpu', '--no-pdf-header-footer',
                    '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1', '--print-to-pdf=' + pdf,
                    'file://' + SITE + '/qr/%s-placard.html' % CODE], capture_output=True, timeout=120)
    info = subprocess.run(['pdfinfo', pdf], capture_output=True, text=True).stdout
    assert re.search(r'Pages:\s+1\n', info), info
    assert re.search(r'Page size:\s+59[45](\.\d+)? x 84[12](\.\d+)? pts', info), 'an A4 page: ' + info
    subprocess.run(['pdftoppm', '-r', '150', '-png', '-singlefile', pdf, os.path.join(out, 'placard')], check=True)
    png = os.path.join(out, 'placard.png')
    zbar = subprocess.run(['zbarimg', '-q', '--raw', png], capture_output=True, text=True).stdout.split()
    from PIL import Image
    import zxingcpp
    zxing = [b.text for b in zxingcpp.read_barcodes(Image.open(png).convert('L'))]
    with open(os.path.join(SITE, 'robots.txt')) as f:
        base = re.search(r'Sitemap: (\S+)sitemap\.xml', f.read()).group(1)
    expected = (base + 'q/' + CODE).upper()
    assert [t.upper() for t in zbar] == [expected], 'zbar read %s, expected %s' % (zbar, expected)
    assert [t.upper() for t in zxing] == [expected], 'zxing-cpp read %s, expected %s' % (zxing, expected)
    # The decoded address, as a phone would open it, is a landing of the site (upper or lower case).
    path = urllib.parse.urlparse(zbar[0]).path.strip('/')
    assert os.path.isfile(os.path.join(SITE, path, 'index.html')), path


def nowhere_listed(_):
    for name in ('sitemap.xml', 'search/index.js', 'en/search/index.js', 'index.html', 'en/index.html', 'qr/index.html'):
        with open(os.path.join(SITE, name), encoding='utf-8') as f:
            text = f.read()
        assert SLUG not in text and CODE not in text, '%s names the hidden pack' % name


server = Server(SITE)
phone = browser(phone=True, webgl=False)
try:
    r.run('phone: q/%s/ leads to the pack, noindex, documents in agenda order with sizes (http)' % CODE, landing_over_http, phone)
    r.run('phone: document links are 44-px targets, no sideways scroll', large_targets, phone)
    r.run('phone: every document link returns the source PDF byte for byte, as application/pdf (http)', same_bytes_over_http, phone)
    r.run('phone: the upper-case Q/%s/ the symbol carries leads to the pack' % CODE, uppercase_address, phone)
    r.run('phone: from file:// the landing leads to the pack and the links are the source PDFs', same_bytes_from_disk, phone)
    r.run('phone: a tap opens the PDF itself', tap_opens_the_pdf, phone)
finally:
    phone.quit()
server.stop()
r.run('A4 placard printed by Chromium: one A4 page, zbar and zxing-cpp read the code\'s address', placard_reads_back, None)
r.run('the sitemap, search index, home page and sheet of placards do not name the hidden pack', nowhere_listed, None)
sys.exit(r.finish())
