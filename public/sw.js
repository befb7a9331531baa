// Netzweber service worker: precaches every file of one build and serves the app offline.
//
// Update rule: a new worker installs its own cache next to the old one and then *waits*.
// The page shows "new version available"; only when the user chooses to reload does the
// page send SKIP_WAITING. So code never changes under a tab that is in use.
//
// scripts/post-build.mjs fills in the two placeholders below for every build.
const VERSION = '__NETZWEBER_VERSION__';
const ASSETS = ['__NETZWEBER_ASSETS__'];

const PREFIX = 'netzweber-';
const CACHE = PREFIX + VERSION;
const scopeUrl = (path) => new URL(path, self.registration.scope).href;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      // `reload` bypasses the HTTP cache so a new version never precaches stale files.
      cache.addAll(ASSETS.map((path) => new Request(scopeUrl(path), { cache: 'reload' }))),
    ),
  );
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'SKIP_WAITING') {
    self.skipWaiting();
  }
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(
        names.filter((n) => n.startsWith(PREFIX) && n !== CACHE).map((n) => caches.delete(n)),
      );
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;

  if (request.mode === 'navigate') {
    // Every screen is the same single page: answer navigations with the cached shell, so
    // deep links and reloads work offline and on hosts without SPA rewrites.
    event.respondWith(
      caches
        .open(CACHE)
        .then((cache) => cache.match(scopeUrl('index.html')))
        .then((shell) => shell || fetch(request)),
    );
    return;
  }

  event.respondWith(
    caches
      .open(CACHE)
      .then((cache) => cache.match(request))
      .then((hit) => hit || fetch(request)),
  );
});
