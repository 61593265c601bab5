// Dinh's service worker (published as /sw.js, over http and https only). Inside a relic there is
// often no network: the worker keeps every page and file the visitor opened, and what a relic page
// asks it to keep (its tour, narration, captions and photos), and answers from them when the
// network fails. The build writes its version below: a new build installs a new worker, which
// fetches again what the old one kept (unchanged files come back as "not modified") and drops the old files.
var CACHE = "dinh-" + "DINH_VERSION", FACES = "frbldu";
// Beside the kept files, kept from one version to the next: the language the visitor last read in.
var READ = "dinh.read";
// Per language (the default first): its pages' folder and what to say offline (written by the build).
var OFFLINE = DINH_OFFLINE;

self.addEventListener("install", function (e) {
  e.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(old(keys).map(function (k) {
      return caches.open(k).then(function (c) {
        return c.keys().then(function (reqs) { return keep(reqs.map(function (r) { return r.url; }), c); });
      });
    }));
  }).then(function () { return self.skipWaiting(); }));
});

self.addEventListener("activate", function (e) {
  e.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(old(keys).map(function (k) { return caches.delete(k); }));
  }).then(function () { return self.clients.claim(); }));
});

function old(keys) { return keys.filter(function (k) { return k.indexOf("dinh-") === 0 && k !== CACHE; }); }

// Fetches `urls` into the cache (six at a time), skipping those already kept; `from` is an older
// cache to fall back on when a file cannot be fetched. Reports progress to `tell`.
function keep(urls, from, tell) {
  var i = 0, done = 0, failed = 0;
  return caches.open(CACHE).then(function (cache) {
    function next() {
      if (i >= urls.length) return;
      var url = urls[i++];
      return cache.match(url).then(function (hit) {
        if (hit) return;
        return fetch(url, { cache: "no-cache" }).then(function (r) {
          if (!r.ok) throw r.status;
          return cache.put(url, r);
        }).catch(function () {
          return (from ? from.match(url) : Promise.resolve()).then(function (r) {
            if (r) return cache.put(url, r);
            failed++;
          });
        });
      }).then(function () {
        done++;
        if (tell && (done % 10 === 0 || done === urls.length)) tell({ done: done, total: urls.length, failed: failed });
        return next();
      });
    }
    return Promise.all([next(), next(), next(), next(), next(), next()]);
  }).then(function () { return failed; });
}

// A page asks to keep its files and its tour's tiles up to `level` (coarsest is 0); or, with
// `check`, whether all of them are kept already (then it offers nothing more to keep).
self.addEventListener("message", function (e) {
  var m = e.data || {}, urls = (m.urls || []).slice(), client = e.source;
  (m.scenes || []).forEach(function (s) {
    var base = new URL(s.base, m.page).href;
    urls.push(base + "preview.jpg");
    s.levels.forEach(function (size, l) {
      if (l > m.level) return;
      for (var f = 0, n = Math.max(1, Math.round(size / s.tileSize)); f < 6; f++)
        for (var r = 0; r < n; r++) for (var c = 0; c < n; c++) urls.push(base + l + "/" + FACES[f] + r + "_" + c + ".jpg");
    });
  });
  urls = urls.filter(function (u, i) { return u && urls.indexOf(u) === i; });
  // The language the visitor reads in (maybe chosen over the phone's): a board scanned offline opens in it.
  if (m.lang && !m.check) caches.open(READ).then(function (c) { return c.put("language", new Response(m.lang)); });
  function tell(p) { p.id = m.id; if (client) client.postMessage(p); }
  e.waitUntil(m.check
    ? caches.open(CACHE).then(function (c) { return Promise.all(urls.map(function (u) { return c.match(u); })); })
        .then(function (found) { tell({ checked: true, kept: found.every(Boolean) }); })
    : keep(urls, null, tell).then(function (failed) { tell({ finished: true, failed: failed }); }));
});

self.addEventListener("fetch", function (e) {
  var req = e.request, url = new URL(req.url);
  // An event stream never ends: the worker would try to keep it (a copy read without end), and
  // Chromium, which activates a new worker when the old one's requests are done and holds
  // navigations until then, could leave the page's next navigation waiting for minutes.
  if (req.method !== "GET" || url.origin !== location.origin || /event-stream/.test(req.headers.get("accept"))) return;
  if (req.mode === "navigate") return e.respondWith(page(req));
  e.respondWith(caches.match(req.url).then(function (hit) {
    if (hit) return req.headers.get("range") ? part(hit, req.headers.get("range")) : hit;
    return fetch(req).then(function (r) {
      if (r.status === 200 && r.type === "basic" && !req.headers.get("range")) {
        var copy = r.clone();
        caches.open(CACHE).then(function (c) { c.put(req.url, copy); });
      }
      return r;
    }).catch(function () {
      // A picture never fetched (a card's, lazy, below the first screen), without network: a plain
      // blank rather than the browser's broken-image sign. Not a tile: the viewer shows the coarser
      // level it has instead.
      return sibling(url).then(function (r) {
        return r || (req.destination === "image" && !/\/tiles\//.test(url.pathname)
          ? new Response('<svg xmlns="http://www.w3.org/2000/svg" width="4" height="3"><rect width="4" height="3" fill="#e4dccd"/></svg>',
                         { headers: { "Content-Type": "image/svg+xml" } })
          : Response.error());
      });
    });
  }));
});

// Pages: from the network when it answers within 4 s (a page is always as fresh as the site), else kept.
function page(req) {
  var net = fetch(req).then(function (r) {
    if (r.ok) { var copy = r.clone(); caches.open(CACHE).then(function (c) { c.put(req.url.split("#")[0], copy); }); }
    return r;
  });
  var kept = function () {
    var bare = req.url.replace(/[?#].*/, "");
    return caches.match(req.url, { ignoreSearch: true }).then(function (r) {
      // A photo opened on its own (the gallery's large size) falls back on a smaller one kept.
      return r || sibling(new URL(req.url)).then(function (smaller) {
        // A folder's address without its final "/" (a board's code), or with index.html.
        return smaller || caches.match(bare.replace(/\/?$/, "/")).then(function (r) {
          return r || caches.match(bare.replace(/\/?$/, "/index.html"));
        });
      });
    });
  };
  return new Promise(function (resolve) {
    var timer = setTimeout(function () { kept().then(function (r) { if (r) resolve(r); }); }, 4000);
    net.then(function (r) { clearTimeout(timer); resolve(r); }, function () {
      clearTimeout(timer);
      kept().then(function (r) { resolve(r || offline(req)); });
    });
  });
}

// A board's code scanned again without network (its landing was opened before the worker ran, so
// is not kept): the kept page that names the code (`…/q/CODE"`, its short address), in the
// visitor's language, else English, else any.
// The visitor's languages, best first: the one last read in, the phone's, then English (for a visitor
// whose languages the site has not).
function visitorLanguages() {
  return caches.open(READ).then(function (c) { return c.match("language"); }).then(function (r) { return r ? r.text() : ""; }, function () { return ""; })
    .then(function (read) {
      return [read].concat(navigator.languages || [navigator.language || ""], "en").map(function (l) { return l.toLowerCase().split("-")[0]; });
    });
}

// The language a page of the site is in, by its path from the root (`en/…`; the first language has none).
function languageOf(path) {
  return OFFLINE.filter(function (l) { return l.prefix && path.indexOf(l.prefix) === 0; })[0] || OFFLINE[0];
}

function landing(code, root, langs) {
  return caches.open(CACHE).then(function (c) {
    return c.keys().then(function (reqs) {
      return Promise.all(reqs.map(function (r) {
        if (!/\/(index\.html)?$/.test(r.url) || /\/q\/[^\/]*\/(index\.html)?$/i.test(r.url)) return null;
        return c.match(r).then(function (x) { return x.text(); }).then(function (h) { return h.indexOf("/q/" + code + '"') < 0 ? null : r.url; }, function () { return null; });
      }));
    });
  }).then(function (found) {
    found = found.filter(Boolean);
    var rank = function (u) {
      var l = languageOf(u.slice(root.length)), i = langs.indexOf(l && l.lang);
      return i < 0 ? langs.length : i;
    };
    return found.sort(function (a, b) { return rank(a) - rank(b); })[0];
  });
}

// A page not kept, without network: says so in the page's language, with a link to each page kept
// (named by its heading; not the search page nor the codes' landings), those in that language first,
// those in another named with it (the other language of a relic kept is there: a visitor who switched
// language on a weak signal is not left without a way on), instead of the browser's "site can't be reached".
function offline(req) {
  var root = self.registration.scope, path = req.url.slice(root.length), code = /^q\/([a-z0-9]+)\/?(index\.html)?([?#].*)?$/i.exec(path);
  return visitorLanguages().then(function (langs) {
    return (code ? landing(code[1].toUpperCase(), root, langs) : Promise.resolve()).then(function (page) {
      return page ? Response.redirect(page, 302) : noNetwork(langs, req, root, path);
    });
  });
}

function noNetwork(langs, req, root, path) {
  var seen = {};
  // A page's language is in its path; a code's address has none: the visitor's, as its landing chooses,
  // and the pages kept in any language are listed (a visitor may have kept the other's).
  var code = /^q\//i.test(path), t = code
    ? OFFLINE.slice().sort(function (a, b) { return (langs.indexOf(a.lang) + 1 || 99) - (langs.indexOf(b.lang) + 1 || 99); })[0]
    : languageOf(path);
  if (!t || !(/\/(index\.html)?([?#].*)?$/.test(req.url) || /^q\//i.test(path))) return Response.error();
  return caches.open(CACHE).then(function (c) {
    return c.keys().then(function (reqs) {
      return Promise.all(reqs.map(function (r) {
        var u = r.url.replace(/[?#].*/, "").replace(/index\.html$/, ""), p = u.slice(root.length), own = languageOf(p);
        if (seen[u] || u.indexOf(root) || !/(^|\/)$/.test(p) || /^(q|search)\//i.test(p.slice(own.prefix.length))) return "";
        seen[u] = 1;
        return c.match(r).then(function (x) { return x.text(); }).then(function (h) {
          var m = /<h1[^>]*>([^<]*)</.exec(h) || /<title>([^<]*)/.exec(h), other = own !== t;
          return (other ? "1" : "0") + '<li><a href="' + u + '"' + (other ? ' lang="' + own.lang + '"' : "") + ">" + (m ? m[1] : u) +
            (other ? " (" + own.name + ")" : "") + "</a></li>";
        }, function () { return ""; });
      }));
    });
  }).then(function (items) {
    // Those in the page's language first (each item starts with its rank, dropped here).
    items = items.filter(Boolean).sort().map(function (i) { return i.slice(1); });
    // A board scanned: its code, as printed, so the visitor knows which page waits for a network.
    var scanned = code ? "<p>" + t.code + " " + path.slice(2).replace(/[\/?#].*/, "").toUpperCase().replace(/[^A-Z0-9]/g, "") + "</p>" : "";
    return new Response('<!DOCTYPE html><html lang="' + t.lang + '"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">' +
      "<title>" + t.no_network + '</title><link rel="stylesheet" href="' + root + 'assets/style.css"></head><body><main id="main"><h1>' + t.no_network +
      "</h1>" + scanned + "<p>" + (items.length ? t.no_network_kept : t.no_network_none) + '</p><ul class="offline-pages">' + items.join("") +
      '</ul><p><a class="button" href="">' + t.try_again + "</a></p></main></body></html>",
      { status: 503, headers: { "Content-Type": "text/html; charset=utf-8" } });
  });
}

// A photo in another width (`name-480w.<hash>.jpg` for `name-960w.<hash>.jpg`), when the screen
// now asks for a width that was not kept.
function sibling(url) {
  var m = /^(.*-)\d+w\.[0-9a-f]+\.(jpg|png)$/.exec(url.href);
  if (!m) return Promise.resolve();
  return caches.open(CACHE).then(function (c) { return c.keys(); }).then(function (reqs) {
    var hit = reqs.filter(function (r) { return r.url.indexOf(m[1]) === 0 && /^\d+w\./.test(r.url.slice(m[1].length)); })[0];
    return hit && caches.match(hit);
  });
}

// Audio and video ask for byte ranges: answered from the whole kept file.
function part(r, range) {
  var m = /bytes=(\d*)-(\d*)/.exec(range);
  return r.arrayBuffer().then(function (b) {
    var start = m && m[1] ? +m[1] : 0, end = m && m[2] ? Math.min(+m[2], b.byteLength - 1) : b.byteLength - 1;
    return new Response(b.slice(start, end + 1), { status: 206, headers: {
      "Content-Type": r.headers.get("Content-Type") || "", "Content-Range": "bytes " + start + "-" + end + "/" + b.byteLength,
      "Content-Length": String(end - start + 1) } });
  });
}
