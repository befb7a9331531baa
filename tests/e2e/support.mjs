// Shared helpers for the end-to-end tests: a static file server that mimics real hosts,
// a Chromium launcher for this machine, and page probes (console errors, foreign requests,
// CSP violations, axe-core).
import { createServer } from 'node:http';
import { gzipSync } from 'node:zlib';
import { readFile, stat } from 'node:fs/promises';
import { readFileSync, mkdirSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { createRequire } from 'node:module';
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const root = new URL('../../', import.meta.url).pathname;

/** Directory of the release build made by `make e2e-build`. */
export const DIST = process.env.E2E_DIST ?? join(root, 'target/e2e-dist');
/** The sub-path the build is served under; must match its --public-url. */
export const BASE = process.env.E2E_BASE ?? '/netzweber/';
/** Where screenshots go for review. */
export const SHOTS = join(root, 'target/screenshots');
mkdirSync(SHOTS, { recursive: true });

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
};

/**
 * Serves DIST under BASE on a free loopback port.
 * `fallback404`: like GitHub Pages, unknown paths get 404.html (the app) with status 404;
 * without it the server is a plain static host that knows nothing of client routes.
 * `transform(path, body)`: lets a test alter a file on the fly (e.g. a "new version" of sw.js).
 * `gzip`: compress responses as production hosts do (for the benchmark's figures).
 * `dist`, `base`: serve another build (the storage benchmark page) under another path.
 */
export async function startServer({ fallback404 = true, transform, gzip = false, dist = DIST, base = BASE } = {}) {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://x');
    if (!url.pathname.startsWith(base)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    let rel = decodeURIComponent(url.pathname.slice(base.length)) || 'index.html';
    rel = normalize(rel).replace(/^(\.\.[/\\])+/, '');
    let file = join(dist, rel);
    let status = 200;
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      await stat(file);
    } catch {
      if (!fallback404) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      file = join(dist, '404.html');
      status = 404;
    }
    let body = await readFile(file);
    if (transform) body = transform(rel, body) ?? body;
    const headers = {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-cache',
    };
    if (gzip && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
      body = gzipSync(body);
      headers['content-encoding'] = 'gzip';
    }
    res.writeHead(status, headers);
    res.end(body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    url: (path = '') => origin + base + path.replace(/^\//, ''),
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/** Launches Debian's Chromium with flags that keep it off the (closed) network. */
export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
}

/**
 * Records a page's console errors and uncaught exceptions in `problems` (`tab` names the
 * page where a test has several). A deep link on a GitHub-Pages-like host arrives as
 * 404.html with status 404, and Chromium logs that document load as an error: it is the
 * host's doing, not the app's, and is left out.
 */
export function watchPage(page, problems, tab) {
  const where = tab ? ` (${tab})` : '';
  const deepLink404s = new Set();
  page.on('response', (res) => {
    if (res.status() === 404 && res.request().isNavigationRequest()) deepLink404s.add(res.url());
  });
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    if (deepLink404s.has(msg.location().url) && msg.text().includes('404')) return;
    problems.push(`console error${where}: ${msg.text()} (${msg.location().url})`);
  });
  page.on('pageerror', (err) => problems.push(`page error${where}: ${err.message}`));
}

/**
 * Opens a page in a fresh context and records what must never happen: console errors,
 * uncaught exceptions, requests to any other origin, and CSP violations.
 */
export async function openPage(browser, server, { locale = 'en-US', colorScheme = 'light', viewport, timezoneId, serviceWorkers, mobile = false } = {}) {
  const context = await browser.newContext({ locale, colorScheme, timezoneId, serviceWorkers, viewport: viewport ?? { width: 1100, height: 900 }, hasTouch: mobile, isMobile: mobile });
  const page = await context.newPage();
  const problems = [];
  watchPage(page, problems);
  context.on('request', (req) => {
    const url = req.url();
    if (!url.startsWith(server.origin) && !url.startsWith('data:') && !url.startsWith('blob:')) {
      problems.push(`request to another origin: ${url}`);
    }
  });
  await context.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__csp.push(`${e.violatedDirective}: ${e.blockedURI}`);
    });
  });
  return { context, page, problems };
}

/**
 * Every screen that arrives in a chunk of its own (src/ui/app.rs), by path and level-1
 * heading; the screens of an entry (a contact, a plan, a message) share their list's chunk.
 */
export const LAZY_SCREENS = [
  ['contacts', 'Contacts'],
  ['contacts/new', 'New contact'],
  ['contacts/capture', 'Quick capture'],
  ['contacts/introduce', 'Introduce two contacts'],
  ['contacts/duplicates', 'Duplicates'],
  ['contacts/greetings', /^Year-end greetings/],
  ['interviews', 'Interviews'],
  ['interviews/new', 'Plan an informational interview'],
  ['interviews/questions', 'Question library'],
  ['messages', 'Messages'],
  ['messages/new', 'Write a message'],
  ['insights', 'Insights'],
  ['settings', 'Settings'],
  ['more', 'More'],
];

/** Fails with every recorded problem, including CSP violations seen by the page. */
export async function assertClean(t, page, problems) {
  const csp = await page.evaluate(() => window.__csp ?? []);
  const all = [...problems, ...csp.map((v) => `CSP violation: ${v}`)];
  if (all.length) throw new Error(all.join('\n'));
}

/** Waits until the app has rendered its shell. */
export async function appReady(page) {
  await page.getByRole('main').waitFor();
  await page.locator('main h1').first().waitFor();
}

const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Runs axe-core (WCAG 2.x A/AA rules) and returns its violations, formatted. */
export async function axe(page) {
  // A toast fading in has a contrast that axe reads mid-way: measure what the user sees
  // once the animations that end have run (a loading bar's never does).
  await page.evaluate(() => Promise.all(document.getAnimations()
    .filter((a) => Number.isFinite(a.effect?.getComputedTiming().endTime))
    .map((a) => a.finished.catch(() => {}))));
  // Evaluated through the DevTools protocol, so the page's CSP does not block it.
  await page.evaluate(axeSource);
  const result = await page.evaluate(() =>
    window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } }),
  );
  return result.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).join('\n    ')}`,
  );
}

/** Saves a full-page screenshot under target/screenshots for review. */
export async function shot(page, name) {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

/**
 * Starts one server and one browser for a test file and stops them afterwards.
 * Returns an object whose `server` and `browser` are set once the `before` hook has run.
 */
export function useServerAndBrowser(serverOptions) {
  const env = {};
  before(async () => {
    env.server = await startServer(serverOptions);
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}

/** Chooses a file under Settings → Restore from a backup, once the input is enabled. */
export async function chooseFile(page, file) {
  // The input is disabled until the database is open.
  await page.waitForFunction(() => document.querySelector('#backup-file')?.disabled === false);
  await page.getByLabel('Backup file').setInputFiles(file);
}

/** The counts of the "Your data" section, as the user reads them. */
export async function counts(page) {
  const section = page.getByRole('region', { name: 'Your data' });
  await section.locator('dl').waitFor();
  const terms = await section.locator('dt').allInnerTexts();
  const values = await section.locator('dd').allInnerTexts();
  return Object.fromEntries(terms.map((t, i) => [t, values[i]]));
}

/** A photo as a phone would take it: 1200 × 900 pixels, made in the browser. */
export async function bigPhoto(page) {
  const dataUrl = await page.evaluate(() => {
    const c = document.createElement('canvas');
    c.width = 1200;
    c.height = 900;
    const g = c.getContext('2d');
    g.fillStyle = '#2a6f97';
    g.fillRect(0, 0, 1200, 900);
    g.fillStyle = '#f4a261';
    g.beginPath();
    g.arc(600, 420, 260, 0, Math.PI * 2);
    g.fill();
    return c.toDataURL('image/png');
  });
  return { name: 'portrait.png', mimeType: 'image/png', buffer: Buffer.from(dataUrl.split(',')[1], 'base64') };
}

/** Imports `records` as a backup from another device, the way a user restores one. */
export async function seed(page, server, records, profile = null) {
  const counts = Object.fromEntries(Object.entries(records).map(([k, v]) => [k, v.length]));
  const backup = { format: 'netzweber-backup', format_version: 2, app_version: '0.1.0', created_at: '2026-01-02T09:00:00Z', counts, profile, records };
  await page.goto(server.url('settings'));
  await appReady(page);
  await page.waitForFunction(() => document.querySelector('#backup-file')?.disabled === false);
  await page.getByLabel('Backup file').setInputFiles({ name: 'seed.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(backup)) });
  const region = page.getByRole('region', { name: 'Backup and restore' });
  await region.getByRole('button', { name: 'Merge' }).click();
  await region.getByText(/^Backup merged/).waitFor();
}

