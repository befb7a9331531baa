// Data safety as the user meets it: backup export and restore, bad files, a full disk,
// several tabs, the backup reminder.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useServerAndBrowser, openPage, watchPage, assertClean, appReady, axe, shot, chooseFile, counts } from './support.mjs';

const env = useServerAndBrowser();
const blns = JSON.parse(await readFile(new URL('../data/blns.json', import.meta.url), 'utf8'));

const meta = (id, updated = '2026-02-01T10:00:00Z') => ({
  id,
  created: '2026-01-01T10:00:00Z',
  updated,
  revision: 2,
});

/** A backup file as another device of the user would have written it. */
function backupFile({ contacts = 3, extra = {} } = {}) {
  const records = {
    contacts: Array.from({ length: contacts }, (_, i) => ({
      meta: meta(`c${i}`),
      first_name: ['Ada', 'Grace', 'Zoë'][i % 3],
      last_name: blns[i % blns.length],
      notes: `${blns[(i * 7) % blns.length]} — مرحبا 👋`,
      circle: 'core',
      tags: ['mentor'],
    })),
    interactions: [{ meta: meta('i1'), contact_id: 'c0', kind: 'call', date: '2026-01-20', summary: 'Talked about UX' }],
    follow_ups: [{ meta: meta('f1'), contact_id: 'c0', text: 'Send the article', due: '2026-01-21' }],
    photos: [{
      meta: meta('p1'),
      contact_id: 'c0',
      mime: 'image/png',
      data: 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
    }],
    interview_plans: [{ meta: meta('ip1'), contact_id: 'c1', goal: 'Learn how UX teams hire', duration_minutes: 25 }],
    questions: [{ meta: meta('q1'), text: 'What does a normal day look like?', family: 'daily_work', minutes: 4 }],
    templates: [{ meta: meta('t1'), purpose: 'message', name: 'Ask for 20 minutes', lang: 'de', body: 'Hallo {first_name}' }],
    messages: [{ meta: meta('m1'), contact_id: 'c1', channel: 'email', body: 'Dear Grace', status: 'sent' }],
  };
  const counts = Object.fromEntries(Object.entries(records).map(([k, v]) => [k, v.length]));
  return {
    format: 'netzweber-backup',
    format_version: 2,
    app_version: '0.1.0',
    created_at: '2026-02-02T09:00:00Z',
    counts,
    profile: {
      meta: meta('profile'),
      profile: { name: 'Erika <b>Mustermann</b>', headline: '<script>alert(1)</script> 🎓', email: 'erika@example.com' },
    },
    records,
    ...extra,
  };
}

const asFile = (name, content) => ({
  name,
  mimeType: 'application/json',
  buffer: Buffer.from(typeof content === 'string' ? content : JSON.stringify(content)),
});

async function importFile(page, file, mode = 'Merge') {
  await chooseFile(page, file);
  const backup = page.getByRole('region', { name: 'Backup and restore' });
  await backup.getByRole('heading', { name: 'What this backup would change' }).waitFor();
  await backup.getByRole('button', { name: mode === 'Merge' ? 'Merge' : 'Replace all…' }).click();
  if (mode !== 'Merge') await backup.getByRole('button', { name: 'Yes, replace everything' }).click();
  await backup.getByText(/^Backup (merged|restored)/).waitFor();
}

async function exportFile(page, button = page.getByRole('button', { name: 'Export backup' })) {
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  assert.match(download.suggestedFilename(), /^netzweber-backup-\d{4}-\d{2}-\d{2}\.json$/);
  return JSON.parse(await readFile(await download.path(), 'utf8'));
}

const withoutTimestamp = ({ created_at, ...rest }) => rest;

test('export, delete everything, import: the same data comes back', async () => {
  const { context, page, problems } = await openPage(env.browser, env.server);
  await page.goto(env.server.url('settings'));
  await appReady(page);
  const empty = await counts(page);
  assert.equal(empty.Contacts, '0');
  assert.equal(empty.Profile, 'not saved');

  // Data from another device, with hostile and right-to-left text.
  await chooseFile(page, asFile('from-laptop.json', backupFile({ contacts: 40 })));
  const backup = page.getByRole('region', { name: 'Backup and restore' });
  await backup.getByText('Backup from-laptop.json, written').waitFor();
  const row = backup.getByRole('row', { name: /^Contacts/ });
  assert.deepEqual(await row.locator('td').allInnerTexts(), ['40', '40', '0', '0', '0']);
  assert.deepEqual(await axe(page), []);
  await shot(page, 'backup-preview');
  await backup.getByRole('button', { name: 'Merge' }).click();
  await backup.getByText('Backup merged: 48 entries added or updated.').waitFor();
  const filled = await counts(page);
  assert.equal(filled.Contacts, '40');
  assert.equal(filled.Messages, '1');
  assert.equal(filled.Profile, 'saved');
  // Imported text is shown as text, never run as markup.
  assert.equal(await page.getByLabel('Headline').inputValue(), '<script>alert(1)</script> 🎓');
  assert.equal(await page.getByLabel('Name').inputValue(), 'Erika <b>Mustermann</b>');

  const first = await exportFile(page);
  assert.equal(first.format, 'netzweber-backup');
  assert.equal(first.counts.contacts, 40);
  await page.getByText('Backup saved as netzweber-backup-').waitFor();
  assert.notEqual(await page.getByText('Last backup').locator('xpath=following-sibling::dd[1]').innerText(), 'never');

  await page.getByRole('button', { name: 'Delete all data…' }).click();
  await page.getByText('This deletes all contacts').waitFor();
  assert.deepEqual(await axe(page), []);
  await page.getByRole('button', { name: 'Yes, delete everything' }).click();
  await page.getByText('All data on this device was deleted.').waitFor();
  await page.getByRole('region', { name: 'Your data' }).getByText('not saved').waitFor();
  assert.equal((await counts(page)).Contacts, '0');
  assert.equal(await page.getByLabel('Name').inputValue(), '');

  await importFile(page, asFile('restore.json', first), 'Replace');
  assert.equal((await counts(page)).Contacts, '40');
  assert.equal(await page.getByLabel('Name').inputValue(), 'Erika <b>Mustermann</b>');
  const second = await exportFile(page);
  assert.deepEqual(withoutTimestamp(second), withoutTimestamp(first));
  await shot(page, 'backup-restored');
  await assertClean(null, page, problems);
  await context.close();
});

test('every naughty string imports and stays text', async () => {
  const { context, page, problems } = await openPage(env.browser, env.server);
  page.on('dialog', (d) => problems.push(`dialog opened: ${d.message()}`));
  await page.goto(env.server.url('settings'));
  await appReady(page);
  await importFile(page, asFile('naughty.json', backupFile({ contacts: blns.length })));
  assert.equal((await counts(page)).Contacts, String(blns.length));
  await assertClean(null, page, problems);
  await context.close();
});

test('a bad file is explained and changes nothing', async () => {
  const { context, page, problems } = await openPage(env.browser, env.server);
  await page.goto(env.server.url('settings'));
  await appReady(page);
  await importFile(page, asFile('good.json', backupFile()));
  const before = await counts(page);
  const good = backupFile();
  const text = JSON.stringify(good);
  const dir = await mkdtemp(join(tmpdir(), 'netzweber-'));
  const huge = join(dir, 'huge.json');
  await writeFile(huge, Buffer.alloc(50 * 1024 * 1024, 32));
  const duplicate = backupFile();
  duplicate.records.contacts.push({ ...duplicate.records.contacts[0] });
  duplicate.counts.contacts += 1;
  // Dates beyond 2200 would overflow date arithmetic later: refused on import.
  const farFuture = backupFile();
  farFuture.records.interview_plans[0].scheduled = '+262142-01-01T00:00:00Z';
  const mistyped = backupFile();
  mistyped.records.contacts[1].first_name = 42;
  delete mistyped.records.interactions[0].date;
  const cases = [
    [asFile('empty.json', ''), 'The file is empty.'],
    [asFile('notes.txt', 'Dear diary, today I met Ada.'), 'it is not even JSON (line 1, column 1)'],
    [asFile('cut.json', text.slice(0, text.length / 2)), 'The file is incomplete'],
    [asFile('package.json', { name: 'left-pad', version: '1.3.0' }), 'It may come from another program.'],
    [asFile('future.json', { ...good, format_version: 99 }), 'written by a newer version of Netzweber (format 99)'],
    [asFile('duplicate.json', duplicate), 'Contacts no. 4 (id c0): its id appears more than once'],
    [asFile('far-future.json', farFuture), 'Interview plans no. 1 (id ip1): “scheduled” has a value that is not allowed'],
    [asFile('mistyped.json', mistyped), '2 problems found in the backup:'],
    [huge, 'The file is too large (52 MB; at most 42 MB).'],
  ];
  const backup = page.getByRole('region', { name: 'Backup and restore' });
  for (const [file, message] of cases) {
    await chooseFile(page, file);
    await backup.getByText('This file cannot be imported. Nothing was changed.').waitFor();
    await backup.getByText(message).waitFor();
    if (message.startsWith('2 problems')) {
      await backup.getByText(/Contacts no\. 2 \(id c1\): missing or wrong value \(invalid type: integer `42`/).waitFor();
      await backup.getByText(/Interactions no\. 1 \(id i1\): missing or wrong value \(missing field `date`\)/).waitFor();
      assert.deepEqual(await axe(page), []);
      await shot(page, 'backup-bad-file');
    }
    assert.deepEqual(await counts(page), before);
  }
  await assertClean(null, page, problems);
  await context.close();
});

/** Random bytes as base64, standing in for a large photo. */
const bigPhoto = (id, bytes) => ({
  meta: meta(id),
  contact_id: 'c0',
  mime: 'image/jpeg',
  data: Buffer.from(Array.from({ length: bytes }, (_, i) => (i * 7919) % 251)).toString('base64'),
});

test('a full disk is reported and the stored data is kept', async () => {
  const { context, page, problems } = await openPage(env.browser, env.server);
  // Chromium's own quota machinery: this site gets 5 MB (the app's offline copy uses
  // about 1.3 MB of it). Chromium applies the override only to an origin that has not
  // written yet in this session, so it is set before the first visit.
  const cdp = await context.newCDPSession(page);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: env.server.origin, quotaSize: 5_000_000 });
  await page.goto(env.server.url('settings'));
  await appReady(page);
  await page.getByLabel('Name').fill('Saved Before');
  await page.getByRole('button', { name: 'Save profile' }).click();
  await page.getByRole('status').getByText('Profile saved.').waitFor();
  await importFile(page, asFile('small.json', backupFile()));
  const before = await counts(page);

  // Four large photos do not fit.
  const big = backupFile();
  big.records.photos = [1, 2, 3, 4].map((n) => bigPhoto(`big${n}`, 1_500_000));
  big.counts.photos = 4;
  await chooseFile(page, asFile('photos.json', big));
  await page.getByRole('button', { name: 'Merge' }).click();
  const banner = page.getByRole('alert').filter({ hasText: 'Could not complete this: the storage is full.' });
  await banner.getByText('Export a backup in Settings, then delete photos or other things you no longer need.').waitFor();
  // All or nothing: not one record of that file was written, and the preview stays for a retry.
  assert.deepEqual(await counts(page), before);
  await page.getByRole('heading', { name: 'What this backup would change' }).waitFor();
  assert.deepEqual(await axe(page), []);
  await shot(page, 'import-storage-full');

  await cdp.send('Storage.overrideQuotaForOrigin', { origin: env.server.origin });
  await page.reload();
  await appReady(page);
  assert.deepEqual(await counts(page), before);
  await page.waitForFunction(() => document.querySelector('#profile-name')?.value === 'Saved Before');
  await assertClean(null, page, problems);
  await context.close();
});

test('a failed profile save keeps the typed text and the saved profile', async () => {
  const { context, page, problems } = await openPage(env.browser, env.server);
  await page.goto(env.server.url('settings'));
  await appReady(page);
  await page.getByLabel('Name').fill('Saved Before');
  await page.getByRole('button', { name: 'Save profile' }).click();
  await page.getByRole('status').getByText('Profile saved.').waitFor();
  // A quota tight enough to refuse this one-line profile would also have refused the save
  // above, so the disk fills up here the way the browser reports it: the write request
  // throws QuotaExceededError.
  await page.evaluate(() => {
    IDBObjectStore.prototype.put = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await page.getByLabel('Name').fill('Kept In Form');
  await page.getByRole('button', { name: 'Save profile' }).click();
  const banner = page.getByRole('alert').filter({ hasText: 'Could not save' });
  await banner.getByText('the storage is full. Export a backup in Settings').waitFor();
  assert.equal(await page.getByLabel('Name').inputValue(), 'Kept In Form');
  assert.deepEqual(await axe(page), []);
  await shot(page, 'settings-storage-full');
  await banner.getByRole('button', { name: 'Dismiss' }).click();
  assert.equal(await banner.count(), 0);
  await page.reload();
  await appReady(page);
  await page.waitForFunction(() => document.querySelector('#profile-name')?.value === 'Saved Before');
  await assertClean(null, page, problems);
  await context.close();
});

test('two tabs see each other’s changes, and a stale save asks instead of overwriting', async () => {
  const { context, page: a, problems } = await openPage(env.browser, env.server);
  await a.goto(env.server.url('settings'));
  await appReady(a);
  const b = await context.newPage();
  watchPage(b, problems, 'tab b');
  await b.goto(env.server.url('settings'));
  await appReady(b);

  await a.getByLabel('Name').fill('Written In A');
  await a.getByRole('button', { name: 'Save profile' }).click();
  await a.getByRole('status').getByText('Profile saved.').waitFor();
  // Tab B shows it without a reload, within a second.
  await b.waitForFunction(() => document.querySelector('#profile-name')?.value === 'Written In A', null, { timeout: 1000 });
  await b.getByRole('region', { name: 'Your data' }).getByText('saved', { exact: true }).waitFor();

  // Both edit; A saves first; B's save must not silently overwrite A's.
  await b.getByLabel('Headline').fill('B’s headline');
  await a.getByLabel('Headline').fill('A’s headline');
  await a.getByRole('button', { name: 'Save profile' }).click();
  await a.getByRole('status').getByText('Profile saved.').waitFor();
  await b.getByRole('button', { name: 'Save profile' }).click();
  const conflict = b.getByRole('alert').filter({ hasText: 'Changed in another tab' });
  await conflict.waitFor();
  await conflict.getByRole('button', { name: 'View both' }).click();
  const row = conflict.getByRole('row', { name: /^Headline/ });
  assert.deepEqual(await row.locator('td').allInnerTexts(), ['B’s headline', 'A’s headline']);
  assert.deepEqual(await axe(b), []);
  await shot(b, 'profile-conflict');
  await conflict.getByRole('button', { name: 'Keep mine' }).click();
  await b.getByRole('status').getByText('Profile saved.').waitFor();
  await a.waitForFunction(() => document.querySelector('#profile-headline')?.value === 'B’s headline', null, { timeout: 1000 });

  // "Take the other version" replaces the draft with the stored one.
  await a.getByLabel('Headline').fill('A again');
  await b.getByLabel('Headline').fill('B again');
  await b.getByRole('button', { name: 'Save profile' }).click();
  // The toast of the save before may still be showing (toasts stay 5 s).
  await b.getByRole('status').getByText('Profile saved.').last().waitFor();
  await a.getByRole('button', { name: 'Save profile' }).click();
  await a.getByRole('alert').filter({ hasText: 'Changed in another tab' }).getByRole('button', { name: 'Take the other version' }).click();
  assert.equal(await a.getByLabel('Headline').inputValue(), 'B again');
  await assertClean(null, a, problems);
  await context.close();
});

test('a tab is asked to reload when another tab upgrades the database', async () => {
  const { context, page: a, problems } = await openPage(env.browser, env.server);
  await a.goto(env.server.url('settings'));
  await appReady(a);
  await a.getByRole('region', { name: 'Your data' }).locator('dl').waitFor();
  const b = await context.newPage();
  await b.goto(env.server.url('settings'));
  await appReady(b);
  // A newer Netzweber opening the database at a higher version, as after an update.
  await b.evaluate(() => new Promise((resolve, reject) => {
    const request = indexedDB.open('netzweber', 99);
    request.onsuccess = () => { request.result.close(); resolve(); };
    request.onerror = () => reject(request.error);
  }));
  const banner = a.getByRole('alert').filter({ hasText: 'Netzweber was updated in another tab.' });
  await banner.waitFor();
  assert.deepEqual(await axe(a), []);
  await shot(a, 'db-updated-elsewhere');
  await banner.getByRole('button', { name: 'Reload this tab' }).waitFor();
  await a.getByLabel('Name').fill('Not lost');
  await a.getByRole('button', { name: 'Save profile' }).click();
  await a.getByRole('alert').filter({ hasText: 'Could not save: Netzweber was updated in another tab.' }).waitFor();
  assert.equal(await a.getByLabel('Name').inputValue(), 'Not lost');
  await assertClean(null, a, problems);
  await context.close();
});

test('a backup reminder appears when data changed and the last backup is old', async () => {
  const { context, page, problems } = await openPage(env.browser, env.server);
  const start = new Date('2026-11-01T09:00:00Z');
  await page.clock.install({ time: start });
  await page.goto(env.server.url('settings'));
  await appReady(page);
  await importFile(page, asFile('data.json', backupFile()));
  assert.equal(await page.getByText('You have not made a backup yet.').count(), 0);

  await page.clock.setSystemTime(new Date('2026-11-16T09:00:00Z'));
  await page.goto(env.server.url(''));
  await appReady(page);
  const banner = page.locator('.banners').getByText('You have not made a backup yet.');
  await banner.waitFor();
  assert.deepEqual(await axe(page), []);
  await shot(page, 'backup-reminder');
  await page.getByRole('button', { name: 'Later' }).click();
  assert.equal(await banner.count(), 0);
  await page.reload();
  await appReady(page);
  await page.getByRole('heading', { level: 1 }).waitFor();
  assert.equal(await page.locator('.banners').getByText('You have not made a backup yet.').count(), 0);

  // A week after dismissing, it is back; backing up from the banner quiets it.
  await page.clock.setSystemTime(new Date('2026-11-24T09:00:00Z'));
  await page.reload();
  await banner.waitFor();
  await exportFile(page, page.getByRole('button', { name: 'Back up now' }));
  await page.locator('.banners').getByText('You have not made a backup yet.').waitFor({ state: 'detached' });
  await assertClean(null, page, problems);
  await context.close();
});
