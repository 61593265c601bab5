#!/usr/bin/env python3
"""The pages of a built demo site on a 390×844 touch phone (and the header on a 1366-px screen).

usage: test_phone_layout.py SITE_DIR   (a folder built by `dinh build` from the demo content/)

Checks: the header is one compact row (content starts within 80 px) with a working menu; no page
scrolls sideways; the QR short address breaks only at its dots and slashes; map links and header
links are 44-px targets; the product filter says when nothing matches and keeps its choice in the
address across a reload; a product's description comes before its buy buttons; gallery photos carry
their captions and open large when tapped (over http and from file://); a producer's page shows its
description and photo; a product's photos are a row to swipe, its price within the first screen;
on Slow 4G the photo at the top of the home page, the product index and a
product page is asked for before the stylesheets are in (not left until layout, as lazy photos
are). Last line: `N passed, N failed`.
"""
import os
import re
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from support import Runner, Server, boxes, browser, out_of_reading_order, wait, widths  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402

SITE = os.path.abspath(sys.argv[1])
PAGES = ['', 'en/', 'heritage/dinh-dai-phung/', 'en/heritage/dinh-dai-phung/', 'heritage/dinh-ha-mo/', 'products/',
         'products/che-lam-ha-trung/', 'en/products/che-lam-ha-trung/', 'producers/htx-che-lam-ha-trung/',
         'pages/huong-dan-tham-quan/', 'qr/']
r = Runner()


def open_page(d, page):
    d.get(server.base + page)
    wait(d, 'return document.readyState == "complete"')


def compact_header(d):
    for page in PAGES[:-1]:
        open_page(d, page)
        top = d.execute_script('return document.querySelector("main").getBoundingClientRect().top')
        assert top <= 80, '%s: the content starts %d px down' % (page, top)


def menu_works(d):
    open_page(d, 'heritage/dinh-dai-phung/')
    links = d.find_elements(By.CSS_SELECTOR, '.menu nav a')
    assert links and not any(a.is_displayed() for a in links), 'the menu starts closed on a phone'
    d.find_element(By.CSS_SELECTOR, '.menu summary').click()
    assert all(a.is_displayed() for a in links)
    heights = [a.size['height'] for a in links]
    assert min(heights) >= 44, heights
    # A tap outside the open menu closes it and opens nothing (here, a card of the products page under it).
    open_page(d, 'products/')
    d.find_element(By.CSS_SELECTOR, '.menu summary').click()
    # A point of the window where a product's link is on top (not the open menu).
    x, y = d.execute_script('for (const a of document.querySelectorAll("main .cards a")) { const r = a.getBoundingClientRect(),'
                            ' x = r.left + r.width / 2, y = r.top + r.height / 2;'
                            ' if (y > 0 && y < innerHeight && a.contains(document.elementFromPoint(x, y))) return [x, y]; }')
    for kind, points in (('touchStart', [{'x': x, 'y': y}]), ('touchEnd', [])):
        d.execute_cdp_cmd('Input.dispatchTouchEvent', {'type': kind, 'touchPoints': points})
    time.sleep(0.5)
    assert d.execute_script('return location.pathname').endswith('/products/'), d.current_url
    assert not d.execute_script('return document.querySelector(".menu").open')
    d.find_element(By.CSS_SELECTOR, '.menu summary').click()
    links = d.find_elements(By.CSS_SELECTOR, '.menu nav a')
    links[1].click()
    wait(d, 'return /\\/products\\/$/.test(location.pathname)')


def no_sideways_scroll(d):
    for page in PAGES:
        open_page(d, page)
        wide = widths(d)
        assert wide[0] <= wide[1], '%s scrolls sideways: %s' % (page, wide)


def large_text(d):
    """With the phone's text twice as large (a font-size setting, the page's layout width unchanged), no page scrolls
    sideways, the header shows everything in it whole within the width, and the relic's facts stay in the width."""
    for page in PAGES[:-1]:
        open_page(d, page)
        d.execute_script('document.documentElement.style.fontSize = "200%"')
        wide = widths(d)
        assert wide[0] <= wide[1], '%s scrolls sideways with large text: %s' % (page, wide)
        found = boxes(d, d.find_elements(By.CSS_SELECTOR, '.site-header > a, .menu summary, .languages li:not(.current) > *'))
        width = d.execute_script('return document.documentElement.clientWidth')
        assert all(b[0] >= 0 and b[0] + b[2] <= width + 0.5 for b in found), '%s: the header beyond the %d-px width: %s' % (page, width, found)
        out = d.execute_script('return [].filter.call(document.querySelectorAll("dl dt, dl dd"), function (e) { return e.getBoundingClientRect().right > innerWidth + .5; }).length')
        assert not out, '%s: %d facts beyond the width' % (page, out)


LINES = '''
    var a = document.querySelector(arguments[0]), lines = [], top = null, range = document.createRange();
    var walker = document.createTreeWalker(a, NodeFilter.SHOW_TEXT), node;
    while ((node = walker.nextNode())) for (var i = 0; i < node.length; i++) {
      range.setStart(node, i); range.setEnd(node, i + 1);
      var y = Math.round(range.getClientRects()[0].top);
      if (top === null || y > top + 2) { lines.push(''); top = y; }
      lines[lines.length - 1] += node.data[i];
    }
    return lines;'''


def short_address(d):
    for page in ('heritage/dinh-dai-phung/', 'products/che-lam-ha-trung/'):
        open_page(d, page)
        lines = d.execute_script(LINES, '.short-url')
        assert len(lines) >= 2, 'expected the address to wrap at 390 px: %s' % lines
        for before, after in zip(lines, lines[1:]):
            assert before.endswith('/') or after.startswith('.'), '%s breaks mid-word: %s' % (page, lines)
        assert ''.join(lines) == d.find_element(By.CSS_SELECTOR, '.short-url').get_attribute('href')


def targets(d):
    for page in ('heritage/dinh-dai-phung/', 'producers/htx-che-lam-ha-trung/'):
        open_page(d, page)
        sizes = d.execute_script('return [].map.call(document.querySelectorAll(".map-links a, .site-header a, .site-header summary, dd a"),'
                                 ' function (a) { var b = a.getBoundingClientRect(); return [a.textContent, b.height]; })'
                                 '.filter(function (s) { return s[1] > 0; })')
        small = [s for s in sizes if s[1] < 44]
        assert sizes and not small, '%s: targets under 44 px: %s' % (page, small)


def no_match_combination(d):
    return d.execute_script('''
        var items = [].slice.call(document.querySelectorAll('#product-list > li'));
        var cats = [].map.call(document.querySelectorAll('select[name=category] option'), function (o) { return o.value; }).filter(String);
        var stars = [].map.call(document.querySelectorAll('select[name=stars] option'), function (o) { return o.value; }).filter(String);
        for (var i = 0; i < cats.length; i++) for (var j = 0; j < stars.length; j++)
          if (!items.some(function (li) { return li.dataset.category == cats[i] && li.dataset.stars == stars[j]; })) return [cats[i], stars[j]];''')


def choose(d, name, value):
    d.execute_script('var s = document.querySelector("select[name=" + arguments[0] + "]"); s.value = arguments[1];'
                     's.dispatchEvent(new Event("change", {bubbles: true}));', name, value)


def visible_products(d):
    return d.execute_script('return [].filter.call(document.querySelectorAll("#product-list > li"), function (li) { return !li.hidden; }).length')


def filter_message_and_address(d):
    open_page(d, 'products/')
    total = visible_products(d)
    # Each rating offered is some product's: alone, no choice shows nothing.
    empty = d.execute_script('var items = [].slice.call(document.querySelectorAll("#product-list > li"));'
                             'return [].map.call(document.querySelectorAll("select[name=stars] option"), o => o.value).filter(String)'
                             '.filter(v => !items.some(li => li.dataset.stars == v));')
    assert not empty, 'ratings no product has: %s' % empty
    category, stars = no_match_combination(d)
    choose(d, 'category', category)
    choose(d, 'stars', stars)
    assert visible_products(d) == 0
    status = d.find_element(By.CSS_SELECTOR, '.filter-status')
    assert status.is_displayed() and 'Không có sản phẩm nào' in status.text, status.text
    reset = d.find_element(By.CSS_SELECTOR, '.filter-reset button')
    assert reset.is_displayed()
    address = d.current_url
    assert 'category=%s' % category in address and 'stars=%s' % stars in address, address
    d.refresh()
    wait(d, 'return document.readyState == "complete"')
    assert d.execute_script('return [document.querySelector("select[name=category]").value, document.querySelector("select[name=stars]").value]') == [category, stars]
    assert visible_products(d) == 0 and 'Không có sản phẩm nào' in d.find_element(By.CSS_SELECTOR, '.filter-status').text
    d.find_element(By.CSS_SELECTOR, '.filter-reset button').click()
    assert visible_products(d) == total
    assert 'category=' not in d.current_url
    # A filter with matches shows the count.
    choose(d, 'category', 'food')
    shown = visible_products(d)
    assert 0 < shown < total and ('%d trên %d' % (shown, total)) in d.find_element(By.CSS_SELECTOR, '.filter-status').text
    assert not d.find_element(By.CSS_SELECTOR, '.filter-reset').is_displayed()


def description_before_buying(d):
    for page in ('products/che-lam-ha-trung/', 'en/products/che-lam-ha-trung/'):
        open_page(d, page)
        order = d.execute_script('''
            var text = document.querySelector('.description'), buy = document.querySelector('.buy-links a');
            return [text.textContent.trim().length, text.compareDocumentPosition(buy) & Node.DOCUMENT_POSITION_FOLLOWING,
                    text.getBoundingClientRect().top < buy.getBoundingClientRect().top];''')
        assert order[0] > 20 and order[1] and order[2], (page, order)
        # The page's own code (to show to another phone) comes after the ways to order and pay:
        # a buyer meets what they came for first.
        after = d.execute_script('''
            var code = document.querySelector('.short-url'), pay = document.querySelector('.pay-qr'), buy = document.querySelector('.buy-links a');
            return [buy.getBoundingClientRect().top < code.getBoundingClientRect().top, pay.getBoundingClientRect().top < code.getBoundingClientRect().top];''')
        assert after == [True, True], (page, after)
    # A buyer sees how to order in the first screen, under the price (a tall photo above).
    for page in ('products/che-lam-ha-trung/', 'products/mat-ong-hoa-nhan/', 'en/products/mat-ong-hoa-nhan/'):
        open_page(d, page)
        top = d.execute_script("return document.querySelector('.buy-links a').getBoundingClientRect().bottom")
        assert top < 844, (page, top)


def gallery(d, base):
    d.get(base + 'heritage/dinh-dai-phung/index.html' if base.startswith('file:') else base + 'heritage/dinh-dai-phung/')
    wait(d, 'return document.readyState == "complete"')
    captions = [e.text for e in d.find_elements(By.CSS_SELECTOR, '.gallery figure figcaption')]
    assert captions == ['Cổng tam quan nhìn từ sân đình', 'Mảng chạm khắc gỗ thời Lê trên đầu dư'], captions
    link = d.find_element(By.CSS_SELECTOR, '.gallery figure a')
    assert re.search(r'-1600w\.[0-9a-f]+\.jpg$', link.get_attribute('href')), link.get_attribute('href')
    d.execute_script('arguments[0].scrollIntoView({block: "center"})', link)
    time.sleep(0.3)
    link.click()
    wait(d, 'return /-1600w\\.[0-9a-f]+\\.jpg$/.test(location.href)')
    width = wait(d, 'var i = document.querySelector("img"); return i && i.complete && i.naturalWidth;')
    assert width == 1600, width


def disk_links(d):
    """From disk a folder's address shows a file listing: every way on from a page opens a page."""
    disk = 'file://' + SITE + '/'
    d.get(disk + 'heritage/dinh-dai-phung/index.html')
    wait(d, 'return document.readyState == "complete"')
    steps = [('.menu summary', None), ('.menu nav a[href$="products/"]', 'products/index.html'),
             ('.site-header .languages a[lang="en"]', 'en/products/index.html'),
             ('.card a', 'en/products/[a-z-]+/index.html'), ('.site-header .brand', 'en/index.html'),
             ('.site-header .search-link', 'en/search/index.html')]
    for selector, page in steps:
        link = d.find_element(By.CSS_SELECTOR, selector)
        d.execute_script('arguments[0].scrollIntoView({block: "center"})', link)
        link.click()
        if page:
            wait(d, 'return location.href.indexOf(arguments[0]) == 0 && new RegExp("^" + arguments[1] + "$").test(location.href.slice(arguments[0].length))'
                    ' && document.readyState == "complete"', 20, disk, page)
            assert d.find_elements(By.CSS_SELECTOR, 'main h1'), '%s: not a page: %s' % (location(d), d.title)


def code_in_small_letters(d):
    """A code typed from a board in small letters (q/dp01) opens its page; a page that is not there
    offers the home page in each language; a code that is not the site's says so and offers the search."""
    d.get(server.base + 'q/dp01')
    wait(d, 'return /heritage\\/dinh-dai-phung\\/$/.test(location.pathname) && document.readyState == "complete"', 20)
    d.get(server.base + 'en/khong-co/')
    wait(d, 'return document.readyState == "complete"')
    link = d.find_element(By.CSS_SELECTOR, 'main p[lang="en"] a')
    assert link.get_attribute('href') == server.base + 'en/', link.get_attribute('href')
    link.click()
    wait(d, 'return location.href == arguments[0] && document.documentElement.lang == "en"', 20, server.base + 'en/')
    # A code mistyped from the board: said so in each language, with the search and the code in it; the code as
    # printed finds its relic, and one with a zero left out is answered with the code meant.
    d.get(server.base + 'Q/DP99')
    wait(d, 'return document.readyState == "complete"')
    said = [e.text for e in d.find_elements(By.CSS_SELECTOR, '[data-nf-code]') if e.is_displayed()]
    assert len(said) == 2 and said[0].startswith('Không có mã này') and said[1].startswith('There is no such code'), said
    field = d.find_element(By.ID, 'nf-q')
    assert field.get_attribute('value') == 'DP99', field.get_attribute('value')
    field.clear()
    field.send_keys('DP01\n')
    wait(d, 'var a = document.querySelector(".search-results a"); return a && a.textContent.indexOf("Đình Đại Phùng") >= 0', 20)
    d.get(server.base + 'search/?q=DP1')
    status = wait(d, 'var s = document.querySelector(".search-status"); return s && s.textContent', 20)
    assert status == 'Không có mã DP1. Có phải mã DP01?', status
    assert 'Đình Đại Phùng' in d.find_element(By.CSS_SELECTOR, '.search-results a').text
    # A word with a slip: the results of the word meant, and said so (it said "try fewer words").
    d.get(server.base + 'search/?q=che+lamm')
    status = wait(d, 'var s = document.querySelector(".search-status"); return s && s.textContent', 20)
    assert status == 'Không tìm thấy “che lamm”. Kết quả cho “che lam”:', status
    assert 'Chè lam' in d.find_element(By.CSS_SELECTOR, '.search-results a').text
    # Two words found apart but not together: fewer words; a word nothing has: the spelling.
    for query, advice in (('nem dinh', 'Hãy thử ít từ hơn'), ('che xyzq', 'Hãy xem lại chính tả')):
        d.get(server.base + 'search/?q=' + query.replace(' ', '+'))
        status = wait(d, 'var s = document.querySelector(".search-status"); return s && s.textContent', 20)
        assert advice in status, (query, status)


def code_in_visitors_language(d):
    """A board's code opens its page in the visitor's language, or the one they chose in a page's header; a
    visitor whose languages the site does not have (French, Korean) gets English, not Vietnamese."""
    agent = d.execute_script('return navigator.userAgent')
    try:
        for accept, page in (('vi-VN,vi', 'heritage/dinh-dai-phung/'), ('en-GB', 'en/heritage/dinh-dai-phung/'),
                             ('fr-FR,fr', 'en/heritage/dinh-dai-phung/'), ('ko-KR', 'en/heritage/dinh-dai-phung/'),
                             ('fr-FR,vi', 'heritage/dinh-dai-phung/')):
            d.execute_cdp_cmd('Emulation.setUserAgentOverride', {'userAgent': agent, 'acceptLanguage': accept})
            d.get(server.base + 'Q/DP01')
            wait(d, 'return location.href == arguments[0] && document.readyState == "complete"', 20, server.base + page)
        # A Vietnamese visitor whose phone speaks English chooses Tiếng Việt once: the next board opens in
        # Vietnamese (it opened in English at every board).
        d.execute_cdp_cmd('Emulation.setUserAgentOverride', {'userAgent': agent, 'acceptLanguage': 'en-US,en'})
        d.get(server.base + 'Q/DP02')
        wait(d, 'return /\\/en\\/heritage\\//.test(location.pathname) && document.readyState == "complete"', 20)
        d.execute_script('document.querySelector(".languages a[hreflang=vi]").click()')
        wait(d, 'return !/\\/en\\//.test(location.pathname) && document.readyState == "complete"', 20)
        d.get(server.base + 'Q/DP01')
        wait(d, 'return location.href == arguments[0] && document.readyState == "complete"', 20, server.base + 'heritage/dinh-dai-phung/')
    finally:
        d.execute_script('localStorage.removeItem("dinhLang")')
        d.execute_cdp_cmd('Emulation.setUserAgentOverride', {'userAgent': agent, 'acceptLanguage': 'en-US'})


def location(d):
    return d.execute_script('return location.href')


def gallery_english(d):
    open_page(d, 'en/heritage/dinh-dai-phung/')
    captions = [e.text for e in d.find_elements(By.CSS_SELECTOR, '.gallery figcaption')]
    assert captions == ['The three-entrance gate seen from the courtyard', 'Le-dynasty wood carving on a bracket'], captions


def producer(d):
    for page, words in (('producers/htx-che-lam-ha-trung/', 'thủ công mỗi sáng'), ('en/producers/htx-che-lam-ha-trung/', 'by hand every morning')):
        open_page(d, page)
        text = d.find_element(By.CSS_SELECTOR, '.producer .description').text
        assert words in text, text
        assert d.find_elements(By.CSS_SELECTOR, '.producer .description strong'), 'the description is Markdown'
        img = d.find_element(By.CSS_SELECTOR, '.producer-photo img')
        assert d.execute_script('return arguments[0].complete && arguments[0].naturalWidth', img) > 0


def product_photos_swipe(d):
    """A product's photos are one row to swipe: its price is within the first screen, the next
    photo shows at the edge, and the row (not the page) scrolls to it."""
    for page in ('products/che-lam-ha-trung/', 'en/products/che-lam-ha-trung/'):
        open_page(d, page)
        price = d.execute_script('return document.querySelector(".facts .price").getBoundingClientRect().top')
        assert price < 844 - 40, '%s: the price is %d px down, below the first screen' % (page, price)
        row = d.find_element(By.CSS_SELECTOR, '.product-photos')
        seen = d.execute_script('''var row = arguments[0], second = row.querySelectorAll("img")[1];
            var before = second.getBoundingClientRect().left;
            row.scrollLeft = row.scrollWidth;
            return [before, second.getBoundingClientRect().left, second.getBoundingClientRect().right,
                    document.documentElement.scrollWidth, document.documentElement.clientWidth];''', row)
        before, left, right, page_width, width = seen
        assert before < width, '%s: the second photo does not show at the edge (%d)' % (page, before)
        assert 0 <= left and right <= width, '%s: swiping the row does not bring the second photo in: %s' % (page, seen)
        assert page_width <= width, '%s: the page scrolls sideways' % page


def top_photo_with_the_page(_):
    """A first visit on Slow 4G (1.6 Mbps, 150 ms), each page in a new browser (nothing cached, no
    service worker): the photo at the top of a page is asked for while the page is read, before
    its stylesheets have arrived; a lazy one would wait for them and the layout."""
    for page, selector in (('', '#relics .card img'), ('products/', '#product-list img'),
                           ('products/che-lam-ha-trung/', '.product-photos img'), ('en/products/che-lam-ha-trung/', '.product-photos img')):
        d = browser(phone=True, webgl=False)
        try:
            d.set_network_conditions(offline=False, latency=150, download_throughput=int(1.6e6 / 8), upload_throughput=int(750e3 / 8))
            open_page(d, page)
            first = d.find_elements(By.CSS_SELECTOR, selector)[0]
            photo, styles = d.execute_script('''
                var entries = performance.getEntriesByType("resource"), src = arguments[0].currentSrc;
                var photo = entries.find(function (e) { return e.name == src; });
                var styles = entries.filter(function (e) { return /\\.css$/.test(e.name); }).map(function (e) { return e.responseEnd; });
                return [photo ? photo.startTime : null, Math.max.apply(null, styles)];''', first)
            assert photo is not None and photo < styles, \
                '/%s: the first photo was asked for at %s ms, the stylesheets were in at %.0f ms' % (page, photo, styles)
        finally:
            d.quit()


def desktop_header(d):
    open_page(d, 'heritage/dinh-dai-phung/')
    # Shown without opening the menu: the link is what is drawn at its own centre (WebDriver's
    # is_displayed() calls any child of a closed <details> hidden, even where CSS shows it).
    shown = d.execute_script('''return [].map.call(document.querySelectorAll(".menu nav a"), function (a) {
        var b = a.getBoundingClientRect();
        return b.width > 0 && document.elementFromPoint(b.left + b.width / 2, b.top + b.height / 2) === a; });''')
    assert shown and all(shown), 'on a wide screen the links are shown in the header: %s' % shown
    assert not d.find_element(By.CSS_SELECTOR, '.menu summary').is_displayed()
    top = d.execute_script('return document.querySelector("main").getBoundingClientRect().top')
    assert top <= 80, top


def header_tab_order(d):
    """On a wide screen the Tab key goes through the header as it is seen: the site's name, the search
    icon, the menu's links, the languages (CSS `order` had put the languages second)."""
    for page in ('heritage/dinh-dai-phung/', 'en/heritage/dinh-dai-phung/', 'products/'):
        open_page(d, page)
        d.find_element(By.TAG_NAME, 'body').send_keys(Keys.TAB)  # the skip link
        met = []
        for _ in range(12):
            d.switch_to.active_element.send_keys(Keys.TAB)
            if not d.execute_script('return !!document.activeElement.closest(".site-header")'):
                break
            met.append(d.switch_to.active_element)
        names = [b[4] for b in boxes(d, met)]
        wrong = out_of_reading_order(boxes(d, met))
        assert not wrong, '%s: Tab goes back against the eye: %s (all: %s)' % (page, wrong, names)
        assert len(names) >= 5 and names[-1] in ('English', 'Tiếng Việt'), '%s: Tab met %s' % (page, names)


def header_rows(limit):
    """At 200 % zoom (195 px) and in a 320-px window the header takes two rows, at 360 px one, with everything in it
    shown whole in the width: the site's name, the search icon, the menu and the other language (it took three rows)."""
    return lambda d: header_two_rows(d, limit)


def header_two_rows(d, limit=2):
    for page in PAGES[:-1]:
        open_page(d, page)
        found = boxes(d, d.find_elements(By.CSS_SELECTOR, '.site-header > a, .menu summary, .languages li:not(.current) > *'))
        names = [b[4] for b in found]
        assert names[:2] == ['brand', 'search-link'] and len(found) == 4, '%s: shown in the header: %s' % (page, names)
        width = d.execute_script('return document.documentElement.clientWidth')
        assert all(b[0] >= 0 and b[0] + b[2] <= width + 0.5 for b in found), '%s: beyond the %d-px width: %s' % (page, width, found)
        rows = []
        for b in sorted(found, key=lambda b: b[1]):
            middle = b[1] + b[3] / 2
            if rows and rows[-1][0] <= middle <= rows[-1][1]:
                rows[-1][1] = max(rows[-1][1], b[1] + b[3])
            else:
                rows.append([b[1], b[1] + b[3]])
        assert len(rows) <= limit, '%s: the header takes %d rows at %d px: %s' % (page, len(rows), width, found)


server = Server(SITE)
phone = browser(phone=True, webgl=False)
try:
    r.run('phone: the header is one row, content within 80 px, on every kind of page', compact_header, phone)
    r.run('phone: the menu opens, its links are 44-px targets and lead on', menu_works, phone)
    r.run('phone: no page scrolls sideways', no_sideways_scroll, phone)
    r.run('phone with text twice as large: no page scrolls sideways, the header and the facts within the width', large_text, phone)
    r.run('phone: the QR short address breaks only at dots and slashes', short_address, phone)
    r.run('phone: map, header and contact links are 44-px targets', targets, phone)
    r.run('phone: filter says when nothing matches, keeps the choice in the address across a reload', filter_message_and_address, phone)
    r.run('phone: a product\'s description comes before its buy buttons, and those and its payment before its page\'s code', description_before_buying, phone)
    r.run('phone: gallery captions, and a tap opens the 1600-px photo (http)', gallery, phone, server.base)
    r.run('phone: gallery captions in English', gallery_english, phone)
    r.run('phone: gallery captions, and a tap opens the 1600-px photo (file://)', gallery, phone, 'file://' + SITE + '/')
    r.run('phone: from disk, links between pages open the pages, not a file listing', disk_links, phone)
    r.run('phone: a code typed in small letters opens its page; the 404 page leads home in each language; a search word with a slip finds the word meant', code_in_small_letters, phone)
    r.run('phone: a code opens its page in the language the visitor chose, else the phone\'s, else in English', code_in_visitors_language, phone)
    r.run('phone: a producer shows its description (Markdown) and photo', producer, phone)
    r.run('phone: a product\'s photos are a row to swipe, its price within the first screen', product_photos_swipe, phone)
    r.run('phone, Slow 4G: the photo at the top of the home page, product index and product page is asked for first', top_photo_with_the_page, phone)
finally:
    phone.quit()
for narrow in (195, 320, 360):
    small = browser(phone=True, webgl=False, phone_width=narrow)
    try:
        rows = 1 if narrow == 360 else 2
        r.run('phone at %s: the header in %s, everything in it shown' % ('200 %% zoom (%d px)' % narrow if narrow == 195 else '%d px' % narrow,
                                                                        'one row' if rows == 1 else 'two rows'),
              header_rows(rows), small)
    finally:
        small.quit()
wide = browser(webgl=False)
try:
    r.run('1366 px: the header shows its links in one row', desktop_header, wide)
    r.run('1366 px: Tab goes through the header left to right, as it is seen', header_tab_order, wide)
finally:
    wide.quit()
server.stop()
sys.exit(r.finish())
