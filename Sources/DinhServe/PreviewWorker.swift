import DinhSite

/// What `dinh serve` answers at `/sw.js` instead of the site's service worker. The site's worker
/// answers from what it kept (tiles and scripts first from its cache), so a preview would show an
/// earlier build; and every build is a new worker to install. This one keeps nothing: it takes the
/// place of any worker an earlier preview on this address left, empties that worker's caches, and
/// tells a relic page that asks it to keep files that nothing is kept here (its button then hides).
/// Having no `fetch` listener, it sees none of the page's requests.
enum PreviewWorker {
    /// Where the site publishes its own worker.
    static let path = "/" + ServiceWorker.path

    static let script = """
    /* dinh serve: a preview keeps nothing for offline use (the published site's worker does). */
    self.addEventListener("install", function () { self.skipWaiting(); });
    self.addEventListener("activate", function (e) {
      e.waitUntil(caches.keys().then(function (keys) {
        return Promise.all(keys.filter(function (k) { return k.indexOf("dinh-") === 0; }).map(function (k) { return caches.delete(k); }));
      }));
    });
    self.addEventListener("message", function (e) { if (e.source) e.source.postMessage({ id: (e.data || {}).id, off: true }); });

    """
}
