// The split build (issue 12): Today paints from the main module alone, every other screen
// fetches its chunk on first use (by link and by direct URL), a chunk that cannot be
// fetched says so and Retry loads it, and the service worker precaches every file.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { DIST, LAZY_SCREENS, startServer, launch, openPage, assertClean, appReady, axe, shot } from './support.mjs';

let browser;
let server;
before(async () => {
  browser = await launch();
  server = await startServer();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** The wasm files the page itself asks for (not the service worker's precaching). */
function wasmRequests(page) {
  const seen = [];
  page.on('request', (req) => {
    const name = new URL(req.url()).pathname.split('/').pop();
    if (name.endsWith('.wasm')) seen.push(name);
  });
  return seen;
}

/** Makes the first request for a chunk of `group` fail as offline; returns the count of requests. */
async function failFirstFetch(context, group) {
  const requests = { count: 0 };
  await context.route(new RegExp(`split_${group}[^/]*\\.wasm$`), (route) => {
    if (requests.count++ === 0) return route.abort('internetdisconnected');
    return route.continue();
  });
  return requests;
}

/** The page's problems other than the logged failure to fetch a chunk of `group`. */
function unexpectedBesidesFetchOf(group, problems) {
  return problems.filter((p) => !new RegExp(`split_${group}|failed to load|ERR_INTERNET_DISCONNECTED|Failed to fetch`, 'i').test(p));
}

test('Today paints from the main module; a screen fetches its chunk only when opened', async () => {
  const { context, page, problems } = await openPage(browser, server);
  const wasm = wasmRequests(page);
  await page.goto(server.url(''));
  await appReady(page);
  await page.getByRole('heading', { level: 2, name: 'Welcome to Netzweber' }).waitFor();
  assert.deepEqual(wasm, ['app_bg.wasm'], 'the first load fetches the main module only');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Contacts' }).click();
  await page.getByRole('heading', { level: 1, name: 'Contacts' }).waitFor();
  assert.ok(wasm.some((f) => /^split_contacts/.test(f)), `the contacts chunk arrived: ${wasm}`);
  assert.ok(!wasm.some((f) => /^split_(outreach|settings)/.test(f)), `only it: ${wasm}`);

  // Back and forth: a loaded chunk is not fetched again.
  const count = wasm.length;
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Today' }).click();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Contacts' }).click();
  await page.getByRole('heading', { level: 1, name: 'Contacts' }).waitFor();
  assert.equal(wasm.length, count);
  await assertClean(null, page, problems);
  await context.close();
});

test('every lazy screen opens by direct URL, cold and warm, and passes axe', async () => {
  // Cold: a new context each time, nothing cached, no worker yet.
  for (const [path, heading] of LAZY_SCREENS) {
    const { context, page, problems } = await openPage(browser, server);
    await page.goto(server.url(path));
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
    assert.deepEqual(await axe(page), [], path);
    await assertClean(null, page, problems);
    await context.close();
  }
  // Warm: one context, every chunk cached by the worker, each screen reloaded in turn.
  const { context, page, problems } = await openPage(browser, server);
  await page.goto(server.url(''));
  await appReady(page);
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, { timeout: 30_000 });
  for (const [path, heading] of LAZY_SCREENS) {
    await page.goto(server.url(path));
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  }
  await assertClean(null, page, problems);
  await context.close();
});

test('a chunk that cannot be fetched says so, changes nothing, and Retry loads it', async () => {
  // No service worker: the request must reach the network, where it fails once.
  const { context, page, problems } = await openPage(browser, server, { serviceWorkers: 'block' });
  const requests = await failFirstFetch(context, 'contacts');
  await page.goto(server.url('contacts'));
  const alert = page.getByRole('alert').filter({ hasText: 'This screen could not be loaded' });
  await alert.waitFor();
  await page.getByRole('heading', { level: 1, name: 'This screen could not be loaded' }).waitFor();
  assert.deepEqual(await axe(page), []);
  await shot(page, 'lazy-failed');
  await page.getByRole('button', { name: 'Try again' }).click();
  await page.getByRole('heading', { level: 1, name: 'Contacts' }).waitFor();
  assert.equal(requests.count, 2);
  // Leaving and coming back tries again too; a loaded chunk stays loaded.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Today' }).click();
  await page.getByRole('heading', { level: 2, name: 'Welcome to Netzweber' }).waitFor();
  await page.goBack();
  await page.getByRole('heading', { level: 1, name: 'Contacts' }).waitFor();
  assert.equal(requests.count, 2);
  // The failed fetch is logged by the browser and the loader; nothing else may be.
  assert.deepEqual(unexpectedBesidesFetchOf('contacts', problems), []);
  await context.close();
});

test('the code that saves arrives with the first save; if it cannot be fetched, nothing is saved and trying again works', async () => {
  const { context, page, problems } = await openPage(browser, server, { serviceWorkers: 'block' });
  const wasm = wasmRequests(page);
  const requests = await failFirstFetch(context, 'writer');
  await page.goto(server.url('contacts/new'));
  await appReady(page);
  await page.getByRole('heading', { level: 1, name: 'New contact' }).waitFor();
  assert.ok(!wasm.some((f) => f.startsWith('split_writer')), `nothing is written yet: ${wasm}`);
  await page.getByLabel('First name').fill('Ada');
  await page.getByLabel('Last name').fill('Lovelace');
  const save = page.getByRole('button', { name: 'Save contact' });
  await save.click();
  await page.getByRole('alert').filter({ hasText: 'the part of Netzweber that saves could not be loaded' }).waitFor();
  assert.deepEqual(await axe(page), []);
  await shot(page, 'writer-not-loaded');
  // Nothing was stored, and the form keeps what was typed.
  const stored = await page.evaluate(() => new Promise((resolve, reject) => {
    const open = indexedDB.open('netzweber');
    open.onsuccess = () => {
      const req = open.result.transaction('contacts').objectStore('contacts').count();
      req.onsuccess = () => { open.result.close(); resolve(req.result); };
      req.onerror = () => reject(req.error);
    };
  }));
  assert.equal(stored, 0);
  assert.equal(await page.getByLabel('First name').inputValue(), 'Ada');
  await save.click();
  await page.getByRole('heading', { level: 1, name: 'Ada Lovelace' }).waitFor();
  assert.equal(requests.count, 2);
  assert.deepEqual(unexpectedBesidesFetchOf('writer', problems), []);
  await context.close();
});

test('a database of the first version is upgraded with its data; only then is the code that writes fetched', async () => {
  const { context, page, problems } = await openPage(browser, server);
  const wasm = wasmRequests(page);
  // A page of the app's origin without the app, to write the database as version 1 did.
  await page.goto(server.url('manifest.webmanifest'));
  await page.evaluate(() => new Promise((resolve, reject) => {
    const request = indexedDB.open('netzweber', 1);
    request.onupgradeneeded = () => {
      const db = request.result;
      db.createObjectStore('contacts', { keyPath: 'id' });
      const interactions = db.createObjectStore('interactions', { keyPath: 'id' });
      interactions.createIndex('contact', 'contact');
      interactions.createIndex('date', 'date');
      const followUps = db.createObjectStore('follow_ups', { keyPath: 'id' });
      followUps.createIndex('contact', 'contact');
      followUps.createIndex('due', 'due');
      db.createObjectStore('photos', { keyPath: 'id' }).createIndex('contact', 'contact');
      db.createObjectStore('meta', { keyPath: 'id' });
    };
    request.onsuccess = () => {
      const db = request.result;
      const tx = db.transaction(['contacts', 'interactions'], 'readwrite');
      // Version 1 kept the common fields at the top level of each record.
      const stamp = { created: '2025-06-01T08:00:00Z', updated: '2025-07-01T08:00:00Z' };
      const row = (id, record, index = {}) => ({ id, json: JSON.stringify({ id, ...stamp, ...record }), ...index });
      tx.objectStore('contacts').put(row('c1', { first_name: 'Jürgen', last_name: 'Vogel', company: 'Altbau GmbH' }));
      tx.objectStore('interactions').put(row('i1', { contact_id: 'c1', date: '2025-06-30', kind: 'call', summary: 'Talked about the move into UX' }, { contact: 'c1', date: '2025-06-30' }));
      tx.oncomplete = () => { db.close(); resolve(); };
      tx.onerror = () => reject(tx.error);
    };
    request.onerror = () => reject(request.error);
  }));
  // Offline for the migrations: the app says so and leaves the database as it was.
  await page.route('**/split_writer*.wasm', (route) => route.abort('internetdisconnected'));
  await page.goto(server.url('contacts'));
  await page.getByRole('alert').filter({ hasText: 'the update for it could not be loaded' }).waitFor();
  await shot(page, 'migrations-not-loaded');
  const before = await page.evaluate(() => indexedDB.databases().then((d) => d.find((x) => x.name === 'netzweber').version));
  assert.equal(before, 1, 'nothing was changed');
  await page.unroute('**/split_writer*.wasm');
  await page.reload();
  await appReady(page);
  await page.getByRole('link', { name: /Jürgen Vogel/ }).click();
  await page.getByRole('heading', { level: 1, name: 'Jürgen Vogel' }).waitFor();
  await page.getByText('Talked about the move into UX').waitFor();
  assert.ok(wasm.some((f) => f.startsWith('split_writer')), `the writer chunk (with the migrations) was fetched: ${wasm}`);
  const version = await page.evaluate(() => indexedDB.databases().then((d) => d.find((x) => x.name === 'netzweber').version));
  assert.ok(version >= 4, `upgraded to ${version}`);
  // The browser asks the origin for /favicon.ico on the manifest page; the app never does.
  // The browser asks the origin for /favicon.ico on the manifest page (the app never
  // does) and logs the fetch it was denied.
  const expected = /favicon\.ico|split_writer|ERR_INTERNET_DISCONNECTED|Failed to fetch|failed to load/i;
  await assertClean(null, page, problems.filter((p) => !expected.test(p)));
  await context.close();
});

test('the service worker precaches every file of the build, chunks included, but the install dialog\'s screenshots', async () => {
  const walk = (dir) => readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
  const files = walk(DIST)
    .map((f) => relative(DIST, f).split(sep).join('/'))
    .filter((f) => f !== 'sw.js' && f !== '404.html' && !f.startsWith('screenshots/'))
    .sort();
  const sw = readFileSync(join(DIST, 'sw.js'), 'utf8');
  const assets = JSON.parse(sw.match(/const ASSETS = (\[.*\]);/)[1]);
  assert.deepEqual(assets.filter((a) => a !== './').sort(), files);
  const chunks = files.filter((f) => /\/(split|chunk)_[^/]*\.wasm$/.test(f));
  for (const group of ['contacts', 'outreach', 'settings', 'writer', 'insights', 'capture', 'more', 'unlock']) {
    assert.ok(chunks.some((f) => f.includes(`/split_${group}`)), `a chunk for ${group}: ${chunks}`);
  }
  assert.ok(files.some((f) => f.endsWith('/__wasm_split.js')));
});

test('messages, templates and questions are read when a screen first needs them, and follow imports from then on', async (t) => {
  const { context, page, problems } = await openPage(browser, server);
  const meta = (id) => ({ id, created: '2026-11-01T10:00:00Z', updated: '2026-11-01T10:00:00Z', revision: 1 });
  const backup = (records) => ({
    format: 'netzweber-backup', format_version: 2, app_version: '0.1.0', created_at: '2026-11-02T09:00:00Z',
    counts: Object.fromEntries(Object.entries(records).map(([k, v]) => [k, v.length])), profile: null, records,
  });
  const merge = async (name, records) => {
    await page.getByRole('link', { name: 'Settings', exact: true }).click();
    await page.waitForFunction(() => document.querySelector('#backup-file')?.disabled === false);
    await page.getByLabel('Backup file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(backup(records))) });
    const region = page.getByRole('region', { name: 'Backup and restore' });
    await region.getByRole('button', { name: 'Merge' }).click();
    await region.getByText(/^Backup merged/).waitFor();
  };
  await page.goto(server.url(''));
  await appReady(page);
  // Imported while no screen has asked for messages, templates or questions yet.
  await merge('first.json', {
    contacts: [{ meta: meta('c1'), first_name: 'Grace', last_name: 'Hopper' }],
    questions: [{ meta: meta('q1'), text: 'What does a normal day look like?', family: 'daily_work', minutes: 4 }],
    templates: [{ meta: meta('t1'), purpose: 'message', name: 'Ask for 20 minutes', lang: 'en', body: 'Hello {first_name}' }],
    messages: [{ meta: meta('m1'), contact_id: 'c1', channel: 'email', body: 'Dear Grace', status: 'draft' }],
  });
  await page.getByRole('link', { name: 'Messages', exact: true }).click();
  await page.getByRole('link', { name: 'Grace Hopper' }).waitFor();
  await page.getByRole('link', { name: 'Ask for 20 minutes' }).waitFor();
  await page.getByRole('link', { name: 'Interviews', exact: true }).click();
  await page.getByRole('link', { name: 'Question library', exact: true }).click();
  await page.getByText('What does a normal day look like?').waitFor();

  // Now that they are read, an import shows on them too.
  await merge('second.json', {
    contacts: [{ meta: meta('c2'), first_name: 'Ada', last_name: 'Lovelace' }],
    questions: [{ meta: meta('q2'), text: 'Whom else should I ask?', family: 'advice', minutes: 3 }],
    templates: [{ meta: meta('t2'), purpose: 'message', name: 'Thank you note', lang: 'en', body: 'Thank you, {first_name}' }],
    messages: [{ meta: meta('m2'), contact_id: 'c2', channel: 'email', body: 'Dear Ada', status: 'draft' }],
  });
  await page.getByRole('link', { name: 'Messages', exact: true }).click();
  for (const name of ['Grace Hopper', 'Ada Lovelace', 'Ask for 20 minutes', 'Thank you note']) {
    await page.getByRole('link', { name }).waitFor();
  }
  await page.getByRole('link', { name: 'Interviews', exact: true }).click();
  await page.getByRole('link', { name: 'Question library', exact: true }).click();
  await page.getByText('Whom else should I ask?').waitFor();
  await page.getByText('What does a normal day look like?').waitFor();
  await assertClean(t, page, problems);
  await context.close();
});
