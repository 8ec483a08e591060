// The service worker (built by vite-plugin-pwa's injectManifest into /sw.js, IIFE).
//
// What it does, and deliberately nothing more:
//  - precaches the app shell (hashed JS/CSS chunks, icons, index.html) listed in __WB_MANIFEST;
//  - answers same-origin requests for those files from the cache;
//  - navigations to app routes go to the network first (a fresh index.html carries the host's
//    current <meta name="pcloud-local-api"> and security headers) and fall back to the precached
//    index.html only when the network cannot answer — that is what makes the app open offline;
//  - receives the Web Share Target POST, keeps the files in IndexedDB and redirects to the page
//    that asks for a folder.
// It never touches other origins (the pCloud API, content hosts), never caches at run time, and
// never sees a token: API calls carry them, and API calls are not same-origin.
import { batchFromForm, shareReceived } from './features/share-target/inbox';
import { isAppRoute, SHARE_TARGET_PATH } from './app/pwa/routes';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (string | { url: string; revision: string | null })[] };

const PREFIX = 'pcloud-web-shell-';
const manifest = self.__WB_MANIFEST.map((e) => (typeof e === 'string' ? { url: e, revision: null } : e));
const toPath = (url: string) => new URL(url, self.location.origin).pathname;
const precached = new Set(manifest.map((e) => toPath(e.url)));
const SHELL = '/index.html';
const NAVIGATION_TIMEOUT_MS = 4000;

// One cache per manifest version: its name changes whenever any file or revision changes.
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}
const CACHE = PREFIX + hash(manifest.map((e) => `${e.url}#${e.revision ?? ''}`).join('\n'));

// The network, for the few requests this worker answers itself (the app's own lint rule keeps
// `fetch` inside src/api; a worker is not app code).
const network = (req: Request | string, init?: RequestInit) => self.fetch(req, init);

self.addEventListener('install', (event) => {
  // No skipWaiting(): a new version waits until the user chooses "Reload" (src/app/pwa).
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      await cache.addAll(manifest.map((e) => new Request(toPath(e.url), { cache: 'reload', credentials: 'same-origin' })));
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
      // the first install takes the open tabs at once, so they work offline without a reload;
      // later versions only activate after "Reload", which reloads the page anyway
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('message', (event) => {
  if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});

async function fromCache(req: Request): Promise<Response> {
  const cache = await caches.open(CACHE);
  return (await cache.match(new URL(req.url).pathname)) ?? network(req);
}

async function navigation(req: Request): Promise<Response> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), NAVIGATION_TIMEOUT_MS);
  try {
    const res = await network(req, { signal: controller.signal });
    if (res.status < 500) return res;
    throw new Error(`HTTP ${res.status}`);
  } catch {
    const cache = await caches.open(CACHE);
    const shell = await cache.match(SHELL);
    if (shell) return shell;
    return new Response('pCloud Web is offline and not installed yet.', { status: 503, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  } finally {
    clearTimeout(timer);
  }
}

async function receiveShare(req: Request): Promise<Response> {
  try {
    await shareReceived(batchFromForm(await req.formData()));
    return Response.redirect(SHARE_TARGET_PATH, 303);
  } catch {
    return Response.redirect(`${SHARE_TARGET_PATH}?failed=1`, 303);
  }
}

self.addEventListener('fetch', (event) => {
  const req = event.request;
  const url = new URL(req.url);
  if (url.origin !== self.location.origin) return; // the API and content hosts: always the network
  if (req.method === 'POST' && url.pathname === SHARE_TARGET_PATH) {
    event.respondWith(receiveShare(req));
    return;
  }
  if (req.method !== 'GET') return;
  if (req.mode === 'navigate') {
    if (isAppRoute(url.pathname)) event.respondWith(navigation(req));
    return;
  }
  if (!url.search && precached.has(url.pathname) && url.pathname !== SHELL) event.respondWith(fromCache(req));
});
