#!/usr/bin/env python3
"""Search benchmark: Dinh's search page against Pagefind (PyPI pagefind-bin 1.5.2) on the same
1,000-item site, in the same run.

usage: bench-search.py [N]   (run with the tests' Python, .build/venv/bin/python: selenium, pagefind-bin)

The site is made as scripts/bench-pages.sh makes its own (same front matter, same Vietnamese text, no
media), but with the names a district has: relics, OCOP products, producers and pages whose names share
words and places ("Đình Hạ Mỗ", "Đình Thượng Mỗ", "Chùa Hạ Hiệp"…), so a query has neighbours to beat.
Dinh builds it; Pagefind indexes Dinh's built pages (the relic, product, producer and free pages, the
`<main>` of each). Both are asked the same 20 queries typed without diacritics in headless Chromium over
http://127.0.0.1: Dinh through its search page (typing in the field), Pagefind through its own
pagefind.js API (search, then the top results' data, which is what a result list shows).

Prints, for one query in a fresh browser, the bytes each downloads for search (Dinh: its index and its
script; Pagefind: everything under /pagefind/: entry, script, WebAssembly, meta, index and fragment
chunks), as sent by a plain server and gzip'd, and each query's rank of the intended item. Fails unless
Dinh has every intended item in its top 3.
"""
import functools
import gzip
import http.server
import os
import random
import shutil
import subprocess
import sys
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, 'Tests', 'Browser'))
from support import CHROMEDRIVER, CHROMIUM  # noqa: E402
from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402

N = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
WORK = os.path.join(ROOT, 'bench-out', 'search-%d' % N)
DINH = os.environ.get('DINH_BINARY') or os.path.join(ROOT, '.build', 'release', 'dinh')
TEXT = ("Đình làng là nơi thờ Thành hoàng và là trung tâm sinh hoạt văn hóa của cộng đồng làng xã Việt Nam. "
        "Kiến trúc đình mang đậm dấu ấn nghệ thuật dân gian với những mảng chạm khắc tinh xảo. ") * 6

# The 20 queries, typed as on a phone without a Vietnamese keyboard, and the page each means.
QUERIES = [
    ('dinh ha mo', 'heritage/dinh-ha-mo/'), ('quan phuong tri', 'heritage/quan-phuong-tri/'),
    ('dinh dai phung', 'heritage/dinh-dai-phung/'), ('lang mieu trieu tuong', 'heritage/lang-mieu-trieu-tuong/'),
    ('chua dai bi', 'heritage/chua-dai-bi/'), ('nghe tan hoi', 'heritage/nghe-tan-hoi/'),
    ('dinh thuong mo', 'heritage/dinh-thuong-mo/'), ('mat ong', 'products/mat-ong-hoa-nhan/'),
    ('che lam', 'products/che-lam-ha-trung/'), ('nem chua', 'products/nem-chua-ha-trung/'),
    ('banh gai', 'products/banh-gai-ha-trung/'), ('gao nep cai hoa vang', 'products/gao-nep-cai-hoa-vang/'),
    ('tra sen', 'products/tra-sen-dan-phuong/'), ('gio tre dan', 'products/gio-tre-dan/'),
    ('lan may tre', 'products/lan-may-tre-dan/'), ('ruou nep cai', 'products/ruou-nep-cai-ha-trung/'),
    ('htx che lam', 'producers/htx-che-lam-ha-trung/'), ('htx nong nghiep dan phuong', 'producers/htx-nong-nghiep-dan-phuong/'),
    ('co so may tre dan', 'producers/co-so-may-tre-dan-tho-xuan/'), ('huong dan tham quan', 'pages/huong-dan-tham-quan/'),
]
RELICS = [('Đình Hạ Mỗ', 'Hạ Mỗ'), ('Quán Phượng Trì', 'Phùng'), ('Đình Đại Phùng', 'Phùng'),
          ('Lăng miếu Triệu Tường', 'Hà Long'), ('Chùa Đại Bi', 'Thượng Mỗ'), ('Nghè Tân Hội', 'Tân Hội'),
          ('Đình Thượng Mỗ', 'Thượng Mỗ')]
PRODUCERS = [('HTX Chè lam Hà Trung', 'Hà Trung'), ('HTX Nông nghiệp Đan Phượng', 'Song Phượng'),
             ('Cơ sở mây tre đan Thọ Xuân', 'Thọ Xuân')]
PRODUCTS = [('Mật ong hoa nhãn', 1), ('Chè lam Hà Trung', 0), ('Nem chua Hà Trung', 0), ('Bánh gai Hà Trung', 0),
            ('Gạo nếp cái hoa vàng', 1), ('Trà sen Đan Phượng', 1), ('Giỏ tre đan', 2), ('Làn mây tre đan', 2),
            ('Rượu nếp cái Hà Trung', 0)]
PAGES = ['Hướng dẫn tham quan', 'Giới thiệu huyện Đan Phượng', 'Lịch lễ hội trong năm', 'Liên hệ', 'Chính sách bảo vệ dữ liệu',
         'Bản đồ di tích', 'Sản phẩm OCOP là gì', 'Hướng dẫn mua hàng', 'Tin tức văn hóa', 'Câu hỏi thường gặp']
# Neighbours: real commune and village names of Đan Phượng, Hà Trung and around, with kinds and products.
PLACES = ['Thượng Mỗ', 'Đồng Tháp', 'Song Phượng', 'Tân Hội', 'Tân Lập', 'Liên Hà', 'Liên Hồng', 'Liên Trung', 'Hồng Hà',
          'Trung Châu', 'Thọ An', 'Thọ Xuân', 'Phương Đình', 'Đan Phượng', 'Hà Long', 'Hà Ngọc', 'Hà Bắc', 'Hà Vinh', 'Yến Sơn',
          'Hà Sơn', 'Hà Lĩnh', 'Hà Đông', 'Hà Tân', 'Hà Lai', 'Hà Châu', 'Hà Thái', 'Hà Hải', 'Hà Phong', 'Hà Ninh', 'Hà Lâm',
          'Hà Tiến', 'Hà Bình', 'Hà Yên', 'Hà Dương', 'Hà Phú', 'Hà Thanh', 'Hoạt Giang', 'Lĩnh Toại', 'Yên Dương', 'Bỉm Sơn',
          'Vân Canh', 'Kim Chung', 'Đại Mỗ', 'Tây Mỗ', 'Mễ Trì', 'Phú Đô', 'Trung Văn', 'Đại Áng', 'Vạn Phúc', 'Cự Đà',
          'Chàng Sơn', 'Phù Lưu', 'Hạ Hiệp', 'Thượng Hiệp', 'Vĩnh Kỳ', 'Cổ Loa', 'Đa Sỹ', 'Hậu Ái', 'Phượng Cách', 'Tiên Phương']
KINDS = ['Đình', 'Chùa', 'Đền', 'Miếu', 'Nghè', 'Văn chỉ', 'Từ đường họ Nguyễn', 'Nhà thờ họ Lê', 'Quán', 'Phủ', 'Lăng']
GOODS = ['Chè xanh', 'Bánh đa', 'Bánh chưng', 'Bánh giầy', 'Giò lụa', 'Rượu nếp', 'Mắm tôm', 'Nhãn sấy', 'Miến dong',
         'Tương bần', 'Bún', 'Nấm sò', 'Dưa lưới', 'Gà đồi', 'Trứng vịt muối', 'Hương trầm', 'Chiếu cói', 'Nón lá', 'Rổ rá tre',
         'Mây tre đan', 'Gạo tám thơm', 'Trà hoa vàng', 'Mật mía', 'Bột sắn dây', 'Tinh bột nghệ', 'Nem nướng', 'Chả cá']
DIACRITICS = str.maketrans('àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ',
                           'aaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyyd')


def slug(name):
    return '-'.join(''.join(c if c.isalnum() and c.isascii() else ' ' for c in name.lower().translate(DIACRITICS)).split())


def make_site():
    rng = random.Random(14)
    c = os.path.join(WORK, 'content')
    shutil.rmtree(WORK, ignore_errors=True)
    os.makedirs(c)
    open(os.path.join(c, 'site.yaml'), 'w').write('title: Bench Đan Phượng\nbase_url: https://bench.example.vn/\nlanguages: [vi]\n')
    n_pages, n_producers = len(PAGES), max(len(PRODUCERS), N * 3 // 100)
    n_relics = (N - n_pages - n_producers) // 2
    n_products = N - n_pages - n_producers - n_relics
    names = set()

    def unique(make):
        while True:
            name = make()
            if name not in names and slug(name) not in {slug(x) for x in names}:
                names.add(name)
                return name

    def write(path, text):
        os.makedirs(os.path.dirname(path), exist_ok=True)
        open(path, 'w').write(text)

    names.update(n for n, _ in RELICS + PRODUCERS)
    names.update(n for n, _ in PRODUCTS)
    names.update(PAGES)
    producers = list(PRODUCERS) + [(unique(lambda: rng.choice(['HTX ', 'Cơ sở ', 'Hộ kinh doanh ']) + rng.choice(GOODS).lower()
                                           + ' ' + rng.choice(PLACES)), rng.choice(PLACES)) for _ in range(n_producers - len(PRODUCERS))]
    for name, place in producers:
        write(f'{c}/producers/{slug(name)}.yaml', f'name: {name}\nkind: cooperative\naddress: Xã {place}, Hà Nội\n'
                                                 f'description: Sản xuất và đóng gói sản phẩm truyền thống của làng {place}.\n')
    relics = list(RELICS) + [(unique(lambda: rng.choice(KINDS) + ' ' + rng.choice(PLACES)), None) for _ in range(n_relics - len(RELICS))]
    for i, (name, place) in enumerate(relics):
        place = place or name.split(' ', 1)[1].replace('họ Nguyễn ', '').replace('họ Lê ', '')
        kind = name.split(' ')[0].lower()
        write(f'{c}/heritage/{slug(name)}/index.md',
              f'---\ncode: D{i}\nname: {name}\nkind: {kind}\nranking: provincial\naddress: Xã {place}, huyện Đan Phượng, Hà Nội\n'
              f'geo: [21.08, 105.66]\nsummary: Ngôi {kind} cổ của làng {place} bên sông Hồng.\n---\n## Lịch sử\n\n{TEXT}\n')
    products = [(name, producers[p][0]) for name, p in PRODUCTS] + [
        (unique(lambda: rng.choice(GOODS) + ' ' + rng.choice(PLACES)), rng.choice(producers)[0]) for _ in range(n_products - len(PRODUCTS))]
    for i, (name, producer) in enumerate(products):
        write(f'{c}/products/{slug(name)}/index.md',
              f'---\ncode: P{i}\nname: {name}\nproducer: {slug(producer)}\ncategory: food\nocop: {{stars: {rng.choice([3, 4, 5])}, year: 2025}}\n'
              f'price: {rng.randrange(20, 300) * 1000}\nbrand: Bench\n---\n{name} là sản phẩm OCOP của địa phương. {TEXT}\n')
    for name in PAGES:
        write(f'{c}/pages/{slug(name)}/index.md', f'---\ntitle: {name}\n---\n{TEXT}\n')
    return len(relics) + len(products) + len(producers) + len(PAGES)


SERVED = []


class Recording(http.server.SimpleHTTPRequestHandler):
    """Serves the site and records each file sent and its bytes: Pagefind fetches from a Web Worker,
    which a page's network log does not see."""
    def copyfile(self, source, outputfile):
        data = source.read()
        outputfile.write(data)
        SERVED.append((self.path.split('?')[0], len(data)))

    def log_message(self, *args):
        pass


def chromium():
    o = webdriver.ChromeOptions()
    o.binary_location = CHROMIUM
    for arg in ('--headless=new', '--no-sandbox', '--window-size=390,844', '--disable-gpu',
                '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1', '--disable-background-networking'):
        o.add_argument(arg)
    return webdriver.Chrome(options=o, service=Service(CHROMEDRIVER))


def served_during(action):
    """Path → bytes the server sent while `action` ran (in a browser with an empty cache)."""
    del SERVED[:]
    action()
    time.sleep(0.5)
    return dict(SERVED)


def wait(d, script, timeout=30):
    end = time.time() + timeout
    while time.time() < end:
        value = d.execute_script(script)
        if value:
            return value
        time.sleep(0.05)
    raise SystemExit('timed out: ' + script)


def gzipped(site, paths):
    total = 0
    for path in paths:
        data = open(os.path.join(site, path.lstrip('/')), 'rb').read()
        total += min(len(data), len(gzip.compress(data, 9)))
    return total


def rank(found, want):
    for i, url in enumerate(found):
        if url.split('#')[0].rstrip('/').endswith('/' + want.rstrip('/')) or url.strip('/') == want.strip('/'):
            return i + 1
    return None


def main():
    items = make_site()
    site = os.path.join(WORK, 'public')
    if not os.access(DINH, os.X_OK):
        subprocess.run(['swift', 'build', '-c', 'release', '--product', 'dinh'], cwd=ROOT, check=True)
    start = time.time()
    build = subprocess.run([DINH, 'build', os.path.join(WORK, 'content'), '--output', site, '--quiet'], capture_output=True, text=True)
    if build.returncode != 0:  # (it warns that products without photos stay out of marketplace feeds)
        raise SystemExit('dinh build failed:\n' + build.stderr[-3000:])
    dinh_build = time.time() - start
    start = time.time()
    subprocess.run([sys.executable, '-m', 'pagefind_bin', '--site', site, '--root-selector', 'main', '--glob',
                    '{heritage,products,producers,pages}/*/index.html', '--output-subdir', 'pagefind'],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    pagefind_index = time.time() - start
    version = subprocess.run([sys.executable, '-m', 'pagefind_bin', '--version'], capture_output=True, text=True).stdout.strip()
    open(os.path.join(site, 'pagefind-bench.html'), 'w').write(
        '<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Pagefind</title></head><body><script type="module">'
        'const pf = await import("/pagefind/pagefind.js"); await pf.init();'
        'window.run = async (q, n) => { const r = await pf.search(q); const top = await Promise.all(r.results.slice(0, n).map(x => x.data()));'
        ' return top.map(d => d.url); }; window.ready = true;</script></body></html>\n')

    httpd = http.server.ThreadingHTTPServer(('127.0.0.1', 0), functools.partial(Recording, directory=site))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    base = 'http://127.0.0.1:%d/' % httpd.server_address[1]
    first = QUERIES[0][0]

    # Bytes for one query, each tool in a new browser (empty cache): Dinh's search page opened with
    # the query; Pagefind's script loaded, the query run and its top 3 results' data fetched.
    def dinh_query():
        d.get(base + 'search/?q=' + first.replace(' ', '+'))
        wait(d, 'return document.querySelectorAll("#search-results a").length')

    def pagefind_query():
        d.get(base + 'pagefind-bench.html')
        wait(d, 'return window.ready')
        d.execute_async_script('var done = arguments[arguments.length - 1]; run(arguments[0], 3).then(done);', first)

    d = chromium()
    try:
        dinh_files = {p: s for p, s in served_during(dinh_query).items() if p.endswith(('search/index.js', 'assets/search.js'))}
    finally:
        d.quit()
    d = chromium()
    try:
        pf_files = {p: s for p, s in served_during(pagefind_query).items() if p.startswith('/pagefind/')}

        # The 20 queries: Dinh by typing in its search page, Pagefind through its API (top 10 each).
        dinh_ranks, pf_ranks = [], []
        d.get(base + 'search/')
        wait(d, 'return window.dinhSearch')
        for query, want in QUERIES:
            found = d.execute_script(
                'var f = document.getElementById("search-q"); f.value = arguments[0]; f.dispatchEvent(new Event("input"));'
                'return [].slice.call(document.querySelectorAll("#search-results a"), 0, 10).map(function (a) { return a.href; });', query)
            dinh_ranks.append(rank(found, want))
        d.get(base + 'pagefind-bench.html')
        wait(d, 'return window.ready')
        for query, want in QUERIES:
            found = d.execute_async_script('var done = arguments[arguments.length - 1]; run(arguments[0], 10).then(done, function (e) { done([String(e)]); });', query)
            pf_ranks.append(rank(found, want))
    finally:
        d.quit()
        httpd.shutdown()

    def size(files):
        return sum(files.values())
    index_js = os.path.getsize(os.path.join(site, 'search', 'index.js'))
    print('search benchmark: %d items (relics, OCOP products, producers, pages), %d cores, load %s' % (
        items, os.cpu_count(), open('/proc/loadavg').read().split()[0]))
    print('  Dinh builds the site in %.1f s (search/index.js %d bytes, %.0f bytes an item); %s indexes its pages in %.1f s' % (
        dinh_build, index_js, index_js / items, version, pagefind_index))
    print('  downloaded for one query ("%s"), plain server / gzip:' % first)
    print('    Dinh      %7d B / %7d B   (%s)' % (size(dinh_files), gzipped(site, dinh_files), ', '.join(
        '%s %d' % (p.lstrip('/'), s) for p, s in sorted(dinh_files.items()))))
    print('    Pagefind  %7d B / %7d B   (%d files: %s)' % (size(pf_files), gzipped(site, pf_files), len(pf_files), ', '.join(
        '%s %d' % (p[len('/pagefind/'):], s) for p, s in sorted(pf_files.items(), key=lambda kv: -kv[1]))))
    print('  ratio Dinh / Pagefind: %.2f (plain), %.2f (gzip)' % (
        size(dinh_files) / max(1, size(pf_files)), gzipped(site, dinh_files) / max(1, gzipped(site, pf_files))))
    print('  20 queries typed without diacritics, rank of the intended item (- = not in the top 10):')
    for (query, want), a, b in zip(QUERIES, dinh_ranks, pf_ranks):
        print('    %-28s %-44s Dinh %-2s  Pagefind %s' % (query, want, a or '-', b or '-'))
    top3 = lambda ranks: sum(1 for r in ranks if r and r <= 3)  # noqa: E731
    print('  in the top 3: Dinh %d/20, Pagefind %d/20 (first: Dinh %d/20, Pagefind %d/20)' % (
        top3(dinh_ranks), top3(pf_ranks), dinh_ranks.count(1), pf_ranks.count(1)))
    if top3(dinh_ranks) < len(QUERIES):
        print('FAIL: Dinh must find every intended item in its top 3', file=sys.stderr)
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main())
