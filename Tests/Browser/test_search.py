#!/usr/bin/env python3
"""The search page of a built demo site in headless Chromium as a 390×844 touch phone.

usage: test_search.py SITE_DIR   (a folder built by `dinh build` from the demo content/)
       DINH_FOLD_CASES=FILE      optional: JSON [[text, folded], …] made by Swift's Fold, which the
                                 page's script must fold alike

Checks: the header's search link is a 44-px target on every page kind, keeps the header one row and
opens the search page with the field focused; a keyboard alone reaches it; over http and from
file:// "dinh ha mo" lists "Đình Hạ Mỗ" (with its kind) and following it lands on the relic page;
"quan phuong tri" and "mat ong" find their items first; typed with diacritics, exact names rank
first ("Hà" before "Hạ", "Hạ" before "Hà"); the English page finds the same relic under its English
name and links into /en/; Back returns to the same results; the search still works offline once
visited (service worker); without JavaScript the page says so. Last line: `N passed, N failed`.
"""
import json
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from support import Runner, Server, browser, severe, wait  # noqa: E402
from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402

from support import CHROMEDRIVER, CHROMIUM  # noqa: E402

SITE = os.path.abspath(sys.argv[1])
r = Runner()


def open_page(d, url):
    d.get(url)
    wait(d, 'return document.readyState == "complete"')


def results(d):
    """The listed results as [name, kind, href]."""
    return d.execute_script('return [].map.call(document.querySelectorAll("#search-results a"), function (a) {'
                            ' var k = a.querySelector(".search-kind"); return [a.firstChild.textContent, k && k.textContent, a.href]; });')


def type_query(d, text):
    field = d.find_element(By.ID, 'search-q')
    field.clear()
    field.send_keys(text)
    wait(d, 'return document.querySelectorAll("#search-results a").length > 0 || /Không|Nothing/.test(document.querySelector(".search-status").textContent)')
    return results(d)


def header_link(d):
    for page in ('', 'en/', 'heritage/dinh-ha-mo/', 'products/', 'products/mat-ong-hoa-nhan/', 'producers/htx-che-lam-ha-trung/',
                 'pages/huong-dan-tham-quan/', 'search/'):
        open_page(d, server.base + page)
        box = d.execute_script('var b = document.querySelector(".site-header .search-link").getBoundingClientRect();'
                               'return [b.width, b.height, b.right, document.documentElement.clientWidth, document.querySelector("main").getBoundingClientRect().top,'
                               ' document.documentElement.scrollWidth]')
        assert box[0] >= 44 and box[1] >= 44, '%s: the search link is %sx%s px' % (page, box[0], box[1])
        assert box[2] <= box[3] and box[5] <= box[3], '%s: the header is wider than the phone: %s' % (page, box)
        assert box[4] <= 80, '%s: the content starts %d px down' % (page, box[4])
    open_page(d, server.base + 'heritage/dinh-ha-mo/')
    d.find_element(By.CSS_SELECTOR, '.site-header .search-link').click()
    wait(d, 'return /\\/search\\/$/.test(location.pathname) && document.activeElement && document.activeElement.id == "search-q"')


def keyboard(d):
    open_page(d, server.base + 'products/')
    body = d.find_element(By.TAG_NAME, 'body')
    body.send_keys(Keys.TAB)
    for _ in range(20):
        if d.execute_script('return document.activeElement.classList.contains("search-link")'):
            break
        d.switch_to.active_element.send_keys(Keys.TAB)
    else:
        raise AssertionError('Tab never reaches the search link')
    d.switch_to.active_element.send_keys(Keys.ENTER)
    wait(d, 'return document.activeElement && document.activeElement.id == "search-q"')
    d.switch_to.active_element.send_keys('mat ong' + Keys.ENTER)
    wait(d, 'return /[?&]q=mat/.test(location.search) && document.querySelectorAll("#search-results a").length > 0')
    assert results(d)[0][0] == 'Mật ong hoa nhãn', results(d)
    d.switch_to.active_element.send_keys(Keys.TAB)
    assert d.execute_script('return document.activeElement.tagName') in ('BUTTON', 'A')


def find_and_follow(d, base, file_mode):
    open_page(d, base + ('search/index.html' if file_mode else 'search/'))
    found = type_query(d, 'dinh ha mo')
    assert found[0][0] == 'Đình Hạ Mỗ' and found[0][1] == 'Di tích', found
    status = d.find_element(By.CSS_SELECTOR, '.search-status').text
    assert 'kết quả' in status, status
    d.find_element(By.CSS_SELECTOR, '#search-results a').click()
    wait(d, 'return document.readyState == "complete" && /heritage\\/dinh-ha-mo\\/(index\\.html)?$/.test(location.pathname)')
    assert d.find_element(By.TAG_NAME, 'h1').text == 'Đình Hạ Mỗ'
    assert not severe(d), severe(d)


def over_http(d):
    find_and_follow(d, server.base, False)


def from_disk(d):
    find_and_follow(d, 'file://' + SITE + '/', True)


def names_found_first(d):
    open_page(d, server.base + 'search/')
    for query, name in (('quan phuong tri', 'Quán Phượng Trì'), ('mat ong', 'Mật ong hoa nhãn'),
                        ('nem chua', 'Nem chua Hà Trung'), ('che la', 'Chè lam Hà Trung'), ('  QUAN   phuong ', 'Quán Phượng Trì')):
        found = type_query(d, query)
        assert found and found[0][0] == name, '%r: %s' % (query, found)
    found = type_query(d, 'htx che lam')
    assert found[0][:2] == ['HTX Chè lam Hà Trung', 'Chủ thể sản xuất'], found
    found = type_query(d, 'xyzzy')
    assert not found and 'Không tìm thấy' in d.find_element(By.CSS_SELECTOR, '.search-status').text


def diacritics_rank_first(d):
    open_page(d, server.base + 'search/')
    names = [f[0] for f in type_query(d, 'Hà')]
    hạ = names.index('Đình Hạ Mỗ')
    assert hạ > 0 and all('Hà' in n for n in names[:hạ]), names
    names = [f[0] for f in type_query(d, 'Hạ')]
    assert names[0] == 'Đình Hạ Mỗ' and any('Hà' in n for n in names[1:]), names
    # Without diacritics both are found; the more specific query decides.
    names = [f[0] for f in type_query(d, 'ha mo')]
    assert names[0] == 'Đình Hạ Mỗ', names


def english(d):
    open_page(d, server.base + 'en/search/')
    found = type_query(d, 'dinh ha mo')
    assert found[0][:2] == ['Ha Mo Communal House', 'Heritage site'] and found[0][2].endswith('/en/heritage/dinh-ha-mo/'), found
    found = type_query(d, 'honey')
    assert found[0][0] == 'Longan flower honey', found
    assert len(found) == 1, 'one honey in the demo: %s' % found
    status = d.find_element(By.CSS_SELECTOR, '.search-status').text
    assert status == '1 result', status
    assert d.execute_script('return document.documentElement.lang') == 'en'


def back_keeps_results(d):
    open_page(d, server.base + 'search/')
    type_query(d, 'mat ong')
    d.find_element(By.CSS_SELECTOR, '#search-results a').click()
    wait(d, 'return /products\\/mat-ong-hoa-nhan\\/$/.test(location.pathname)')
    d.back()
    wait(d, 'return /\\/search\\/$/.test(location.pathname) && document.querySelectorAll("#search-results a").length > 0')
    assert results(d)[0][0] == 'Mật ong hoa nhãn' and d.find_element(By.ID, 'search-q').get_attribute('value') == 'mat ong'


def offline(d):
    """Visited once with the service worker in control, the page and its index answer offline."""
    local = Server(SITE)
    try:
        open_page(d, local.base + 'search/')
        wait(d, 'return navigator.serviceWorker.controller != null', 30)
        open_page(d, local.base + 'search/')
        type_query(d, 'mat ong')
    finally:
        local.stop()
    time.sleep(0.5)
    open_page(d, local.base + 'search/?q=quan+phuong')
    wait(d, 'return document.querySelectorAll("#search-results a").length > 0', 15)
    assert results(d)[0][0] == 'Quán Phượng Trì', results(d)


def fold_like_swift(d):
    path = os.environ.get('DINH_FOLD_CASES')
    cases = json.load(open(path, encoding='utf-8')) if path else [['Đình Hạ Mỗ', 'dinh ha mo'], ['  QUÁN\tPhượng  Trì ', 'quan phuong tri']]
    open_page(d, server.base + 'search/')
    got = d.execute_script('return arguments[0].map(function (c) { return dinhSearch.words(c[0]).join(" "); })', cases)
    wrong = [(c[0], c[1], g) for c, g in zip(cases, got) if c[1] != g]
    assert len(cases) >= 2 and not wrong, wrong


def without_javascript():
    o = webdriver.ChromeOptions()
    o.binary_location = CHROMIUM
    for arg in ('--headless=new', '--no-sandbox', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'):
        o.add_argument(arg)
    o.add_experimental_option('prefs', {'profile.managed_default_content_settings.javascript': 2})
    d = webdriver.Chrome(options=o, service=Service(CHROMEDRIVER))
    try:
        d.get(server.base + 'search/')
        text = d.find_element(By.TAG_NAME, 'main').text
        assert 'Tìm kiếm cần JavaScript' in text, text
    finally:
        d.quit()


server = Server(SITE)
driver = browser(phone=True, webgl=False)
try:
    r.run('the header links to search: 44 px, one row, field focused', header_link, driver)
    r.run('a keyboard alone reaches and uses search', keyboard, driver)
    r.run('over http: "dinh ha mo" lists Đình Hạ Mỗ, followed to its page', over_http, driver)
    r.run('from file://: "dinh ha mo" lists Đình Hạ Mỗ, followed to its page', from_disk, driver)
    r.run('names typed without diacritics come first', names_found_first, driver)
    r.run('typed with diacritics, exact names rank first', diacritics_rank_first, driver)
    r.run('the English search page', english, driver)
    r.run('Back returns to the same results', back_keeps_results, driver)
    r.run('the page folds as Swift folds', fold_like_swift, driver)
    r.run('searched once, search works offline', offline, driver)
    r.run('without JavaScript the page says so', without_javascript)
finally:
    driver.quit()
    server.stop()
sys.exit(r.finish())
