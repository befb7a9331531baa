// PWA behaviour: the manifest, offline use after the first visit, deep links on a plain
// static host, and safe updates ("new version available — reload").
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { LAZY_SCREENS, startServer, launch, openPage, assertClean, appReady, shot } from './support.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

async function waitForControl(page) {
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, { timeout: 30_000 });
}

test('the manifest describes an installable app with relative scope', async () => {
  const server = await startServer();
  const res = await fetch(server.url('manifest.webmanifest'));
  const manifest = await res.json();
  assert.equal(manifest.display, 'standalone');
  assert.equal(manifest.start_url, './');
  assert.equal(manifest.scope, './');
  const sizes = manifest.icons.map((i) => `${i.sizes} ${i.purpose}`);
  assert.ok(sizes.includes('192x192 any'));
  assert.ok(sizes.includes('512x512 any'));
  assert.ok(sizes.includes('512x512 maskable'));
  for (const icon of manifest.icons) {
    assert.equal((await fetch(server.url(icon.src))).status, 200, icon.src);
  }
  await server.close();
});

test('after one visit the app works offline, on every screen', async () => {
  const server = await startServer();
  const { context, page, problems } = await openPage(browser, server);
  await page.goto(server.url(''));
  await appReady(page);
  await waitForControl(page);
  await context.setOffline(true);
  await page.reload();
  await page.getByRole('heading', { level: 2, name: 'Welcome to Netzweber' }).waitFor();
  // Each screen's chunk was precached by the worker, not only the ones visited.
  for (const [path, heading] of LAZY_SCREENS) {
    await page.goto(server.url(path));
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  }
  // A profile shared from another app while offline opens the sheet, filled in.
  await page.goto(server.url('contacts/capture?url=https%3A%2F%2Fwww.linkedin.com%2Fin%2Fanna-lena-weiss-12345'));
  await page.getByRole('heading', { level: 1, name: 'Quick capture' }).waitFor();
  assert.equal(await page.getByLabel('Name', { exact: true }).inputValue(), 'Anna-Lena Weiss');
  await page.goto(server.url('settings'));
  await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
  await page.getByLabel('Name').fill('Offline Olga');
  await page.getByRole('button', { name: 'Save profile' }).click();
  await page.getByRole('status').getByText('Profile saved.').waitFor();
  await shot(page, 'settings-offline');
  await context.setOffline(false);
  await assertClean(null, page, problems);
  await context.close();
  await server.close();
});

test('a plain static host serves deep links after the first visit', async () => {
  // This host knows nothing of client routes: /netzweber/settings is a 404 there.
  const server = await startServer({ fallback404: false });
  assert.equal((await fetch(server.url('settings'))).status, 404);
  const { context, page, problems } = await openPage(browser, server);
  await page.goto(server.url(''));
  await appReady(page);
  await waitForControl(page);
  await page.goto(server.url('settings'));
  await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
  await assertClean(null, page, problems);
  await context.close();
  await server.close();
});

test('a new version waits for the user, then reloads into it', async () => {
  let release = 'one';
  // The second release differs only in its service worker, as a real deploy would.
  const server = await startServer({
    transform: (path, body) =>
      path === 'sw.js' ? Buffer.from(body.toString().replace(/const VERSION = '([^']*)'/, `const VERSION = '$1-${release}'`)) : body,
  });
  const { context, page, problems } = await openPage(browser, server);
  await page.goto(server.url('settings'));
  await appReady(page);
  await waitForControl(page);
  const banner = page.getByText('A new version of Netzweber is ready.');
  assert.equal(await banner.count(), 0);

  // The user is typing when the new version arrives.
  await page.getByLabel('Name').fill('Half-typed');
  release = 'two';
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
  await banner.waitFor({ timeout: 30_000 });
  // Nothing was swapped under the user: the page and the text are as they were.
  assert.equal(await page.getByLabel('Name').inputValue(), 'Half-typed');
  const before = await page.evaluate(() => navigator.serviceWorker.controller.scriptURL);
  await shot(page, 'update-available');

  await page.getByRole('button', { name: 'Reload now' }).click();
  await page.waitForEvent('load');
  await appReady(page);
  await waitForControl(page);
  assert.equal(await banner.count(), 0);
  const caches = await page.evaluate(() => caches.keys());
  assert.equal(caches.length, 1, `old caches left behind: ${caches}`);
  assert.ok(caches[0].endsWith('-two'), caches[0]);
  assert.ok(before);
  await assertClean(null, page, problems);
  await context.close();
  await server.close();
});
