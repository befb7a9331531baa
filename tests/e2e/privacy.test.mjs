// Protection with a passphrase (issue 15), as a user meets it: turning it on with a
// thousand contacts, the unlock screen, the recovery key, locking by hand, by time and
// from another tab, changing the passphrase, encrypted backups, and turning it off.
// The raw IndexedDB rows are read from the test to prove no personal text is stored.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdtemp } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join, dirname } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { useServerAndBrowser, openPage, assertClean, appReady, axe, shot, seed, chooseFile, SHOTS } from './support.mjs';

/** A screenshot of one part of the screen, where a full page would bury it. */
const partShot = (locator, name) => locator.screenshot({ path: join(SHOTS, `${name}.png`) });

const env = useServerAndBrowser();
const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const PASS = 'rote Tasse, grüner Mond';
const NEW_PASS = 'ein ganz neuer Satz hier';

const meta = (id) => ({ id, created: '2026-09-01T10:00:00Z', updated: '2026-09-01T10:00:00Z', revision: 1 });
const many = (n) => Array.from({ length: n }, (_, i) => ({
  meta: meta(`c${String(i).padStart(4, '0')}`),
  first_name: `Anneliese${i}`,
  last_name: 'Zuckerbrot',
  email: `anneliese${i}@example.org`,
  notes: `seemed bored by her job ${i}`,
}));
const SECRETS = ['Anneliese', 'Zuckerbrot', 'example.org', 'bored by her job', 'Geheimprojekt'];

/** Every row of every store and all of localStorage, as text (binary fields as bytes). */
function rawStorage(page) {
  return page.evaluate(async () => {
    const db = await new Promise((resolve, reject) => {
      const r = indexedDB.open('netzweber');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const names = [...db.objectStoreNames];
    const tx = db.transaction(names, 'readonly');
    const text = [];
    for (const name of names) {
      const rows = await new Promise((resolve) => { const r = tx.objectStore(name).getAll(); r.onsuccess = () => resolve(r.result); });
      for (const row of rows) {
        for (const [k, v] of Object.entries(row)) {
          const value = v instanceof ArrayBuffer || ArrayBuffer.isView(v)
            ? String.fromCharCode(...new Uint8Array(v.buffer ?? v))
            : String(v);
          text.push(`${name}.${k}=${value}`);
        }
      }
    }
    db.close();
    for (let i = 0; i < localStorage.length; i++) text.push(`ls:${localStorage.key(i)}=${localStorage.getItem(localStorage.key(i))}`);
    return text.join('\n');
  });
}

async function protect(page, passphrase = PASS) {
  await page.goto(page.url().replace(/\/netzweber\/.*/, '/netzweber/settings'));
  await appReady(page);
  const region = page.getByRole('region', { name: 'Privacy', exact: true });
  await region.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await region.getByLabel('Repeat the passphrase').fill(passphrase);
  await region.getByRole('button', { name: 'Protect with a passphrase' }).click();
  await region.getByRole('heading', { name: 'Your recovery key' }).waitFor({ timeout: 60_000 });
  const key = (await region.getByLabel('Recovery key', { exact: true }).innerText()).trim();
  return { region, key };
}

async function unlock(page, secret, { recovery = false } = {}) {
  await page.getByRole('heading', { level: 1, name: 'Netzweber is locked' }).waitFor();
  if (recovery) await page.getByRole('button', { name: 'Use recovery key' }).click();
  await page.getByLabel(recovery ? 'Recovery key' : 'Passphrase', { exact: true }).fill(secret);
  await page.getByRole('button', { name: 'Unlock' }).click();
}

test('protection encrypts a thousand contacts; the unlock screen, recovery key, new passphrase and turning it off work', async (t) => {
  const { context, page, problems } = await openPage(env.browser, env.server);
  await seed(page, env.server, { contacts: many(1000) }, { meta: meta('profile'), profile: { name: 'Geheimprojekt Person' } });
  assert.ok((await rawStorage(page)).includes('Zuckerbrot'), 'the check reads plain rows');

  // The weak and the mismatched are refused at their fields; nothing changes.
  await page.goto(env.server.url('settings'));
  await appReady(page);
  let region = page.getByRole('region', { name: 'Privacy', exact: true });
  assert.deepEqual(await axe(page), []);
  await region.getByLabel('Passphrase', { exact: true }).fill('Passwort123');
  await region.getByLabel('Repeat the passphrase').fill('Passwort123');
  await region.getByRole('button', { name: 'Protect with a passphrase' }).click();
  await region.getByText('Too common: everybody tries this one first').first().waitFor();
  await region.getByLabel('Passphrase', { exact: true }).fill(PASS);
  await region.getByLabel('Repeat the passphrase').fill(`${PASS}!`);
  await region.getByRole('button', { name: 'Protect with a passphrase' }).click();
  await region.getByText('The two passphrases differ.').waitFor();
  await partShot(region, 'privacy-settings-off-errors');
  assert.ok((await rawStorage(page)).includes('Zuckerbrot'));

  const started = Date.now();
  const { key } = await protect(page);
  const protectMs = Date.now() - started;
  assert.match(key, /^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/);
  await partShot(page.getByRole('region', { name: 'Privacy', exact: true }), 'privacy-recovery-key');
  assert.deepEqual(await axe(page), []);
  region = page.getByRole('region', { name: 'Privacy', exact: true });
  await region.getByLabel('I have saved my recovery key').check();
  await region.getByRole('button', { name: 'Done' }).click();
  await region.getByText('Protection is on.').waitFor();
  await partShot(region, 'privacy-settings-on');
  await partShot(page.getByRole('banner'), 'privacy-header-lock');
  assert.deepEqual(await axe(page), []);

  const raw = await rawStorage(page);
  for (const secret of SECRETS) assert.ok(!raw.includes(secret), `${secret} stored in plain text`);
  assert.ok(raw.includes('contacts.ct='), 'rows are sealed');

  // A new start asks for the passphrase; a wrong one is refused.
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Netzweber is locked' }).waitFor();
  assert.deepEqual(await axe(page), []);
  await shot(page, 'privacy-unlock');
  await unlock(page, 'rote Tasse, grüner Mund');
  await page.getByText('That passphrase does not fit.').waitFor();
  const unlockStart = Date.now();
  await unlock(page, PASS);
  // In the app from here: a reload would lock again (the key lives only in this page).
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Contacts' }).click();
  await page.getByRole('link', { name: /Anneliese0 Zuckerbrot/ }).first().waitFor();
  const unlockMs = Date.now() - unlockStart;
  await page.getByRole('searchbox', { name: 'Search' }).fill('anneliese999');
  await page.getByRole('link', { name: /Anneliese999 Zuckerbrot/ }).first().waitFor();
  t.diagnostic(`turning protection on with 1,000 contacts: ${protectMs} ms; unlock to the contact list: ${unlockMs} ms`);

  // Lock now, then the recovery key.
  await page.getByRole('button', { name: 'Lock now' }).click();
  await unlock(page, key.toLowerCase().replaceAll('-', ' '), { recovery: true });
  await page.getByRole('heading', { level: 1 }).first().waitFor();

  // A new passphrase: the old one no longer opens.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  await appReady(page);
  region = page.getByRole('region', { name: 'Privacy', exact: true });
  await region.getByText('Change passphrase', { exact: true }).first().click();
  await region.getByLabel('Current passphrase or recovery key').first().fill(PASS);
  await region.getByLabel('New passphrase').fill(NEW_PASS);
  await region.getByLabel('Repeat the passphrase').fill(NEW_PASS);
  await region.getByText('Turn protection off', { exact: true }).first().click();
  await partShot(region, 'privacy-change-and-off-open');
  await region.getByRole('button', { name: 'Change passphrase' }).click();
  await page.getByText('Passphrase changed.').waitFor({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Lock now' }).first().click();
  await unlock(page, PASS);
  await page.getByText('That passphrase does not fit.').waitFor();
  await unlock(page, NEW_PASS);
  await page.getByRole('heading', { level: 1 }).first().waitFor();

  // Turning it off: the rows are plain again.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  await appReady(page);
  region = page.getByRole('region', { name: 'Privacy', exact: true });
  await region.getByText('Turn protection off', { exact: true }).first().click();
  await region.getByLabel('Current passphrase or recovery key').last().waitFor();
  await region.getByLabel('Current passphrase or recovery key').last().fill(NEW_PASS);
  await region.getByRole('button', { name: 'Turn protection off' }).click();
  await page.getByText('Protection is off').first().waitFor({ timeout: 60_000 });
  const plain = await rawStorage(page);
  assert.ok(plain.includes('Zuckerbrot') && !plain.includes('contacts.ct='));
  await page.reload();
  await appReady(page);
  assert.equal(await page.getByRole('heading', { level: 1, name: 'Netzweber is locked' }).count(), 0);
  await assertClean(t, page, problems);
  await context.close();
});

test('auto-lock after 15 minutes without use, and locking one tab locks the other', async (t) => {
  const { context, page, problems } = await openPage(env.browser, env.server);
  await page.clock.install();
  await seed(page, env.server, { contacts: many(3) });
  const { region } = await protect(page);
  await region.getByLabel('I have saved my recovery key').check();
  await region.getByRole('button', { name: 'Done' }).click();
  assert.equal(await region.getByLabel('Lock automatically').inputValue(), '15');

  // A second tab asks for the passphrase itself.
  const other = await context.newPage();
  await other.goto(env.server.url('contacts'));
  await unlock(other, PASS);
  await other.getByRole('link', { name: /Anneliese1 Zuckerbrot/ }).waitFor();

  await page.clock.fastForward('14:00');
  await page.getByRole('region', { name: 'Privacy', exact: true }).waitFor();
  assert.equal(await page.getByRole('heading', { name: 'Netzweber is locked' }).count(), 0, 'not before 15 minutes');
  await page.clock.fastForward('01:30');
  await page.clock.runFor(2000);
  await page.getByRole('heading', { level: 1, name: 'Netzweber is locked' }).waitFor();
  // The other tab was locked with it.
  await other.getByRole('heading', { level: 1, name: 'Netzweber is locked' }).waitFor();
  await shot(other, 'privacy-locked-other-tab');
  await assertClean(t, page, problems);
  await context.close();
});

test('an encrypted backup restores on a new device with its passphrase, and is refused with a wrong one', async (t) => {
  const { context, page, problems } = await openPage(env.browser, env.server);
  await seed(page, env.server, { contacts: many(25) });
  const { region } = await protect(page);
  await region.getByLabel('I have saved my recovery key').check();
  await region.getByRole('button', { name: 'Done' }).click();
  const backup = page.getByRole('region', { name: 'Backup and restore' });
  assert.ok(await backup.getByLabel('Encrypt the backup with my passphrase').isChecked());
  await partShot(backup, 'privacy-backup-choice');
  const [download] = await Promise.all([page.waitForEvent('download'), backup.getByRole('button', { name: 'Export backup' }).click()]);
  assert.match(download.suggestedFilename(), /^netzweber-backup-\d{4}-\d{2}-\d{2}\.encrypted\.json$/);
  const text = await readFile(await download.path(), 'utf8');
  for (const secret of SECRETS) assert.ok(!text.includes(secret), `${secret} in the encrypted backup`);
  assert.equal(JSON.parse(text).format, 'netzweber-encrypted-backup');

  // The documented script decrypts it without Netzweber.
  const doc = readFileSync(join(root, 'docs/backup-format.md'), 'utf8');
  const script = doc.slice(doc.indexOf('// decrypt-backup.mjs'), doc.indexOf('```', doc.indexOf('// decrypt-backup.mjs')));
  const dir = await mkdtemp(join(tmpdir(), 'nw-'));
  await writeFile(join(dir, 'decrypt.mjs'), script);
  await writeFile(join(dir, 'backup.json'), text);
  const out = execFileSync('node', [join(dir, 'decrypt.mjs'), join(dir, 'backup.json')], { input: `${PASS}\n` }).toString();
  const plain = JSON.parse(out);
  assert.equal(plain.format, 'netzweber-backup');
  assert.equal(plain.records.contacts.length, 25);

  // Another passphrase for this backup is typed twice: a typo would leave a file nobody
  // can open, so differing entries export nothing.
  const other = 'Sommerfest am Rheinufer 2026';
  await backup.getByLabel('Encrypt with another passphrase').check();
  await backup.getByLabel('Passphrase for this backup').fill(other);
  await backup.getByLabel('Repeat the passphrase').fill(`${other}.`);
  let downloaded = false;
  const count = () => { downloaded = true; };
  page.on('download', count);
  await backup.getByRole('button', { name: 'Export backup' }).click();
  await backup.getByText('The two passphrases differ.').waitFor();
  await partShot(backup, 'privacy-backup-other-mismatch');
  page.off('download', count);
  assert.equal(downloaded, false, 'differing passphrases exported a file');
  await backup.getByLabel('Repeat the passphrase').fill(other);
  const [second] = await Promise.all([page.waitForEvent('download'), backup.getByRole('button', { name: 'Export backup' }).click()]);
  const otherText = await readFile(await second.path(), 'utf8');
  await writeFile(join(dir, 'other.json'), otherText);
  const otherOut = execFileSync('node', [join(dir, 'decrypt.mjs'), join(dir, 'other.json')], { input: `${other}\n` }).toString();
  assert.equal(JSON.parse(otherOut).records.contacts.length, 25);

  // A new device (a fresh browser profile): a wrong passphrase changes nothing.
  const fresh = await openPage(env.browser, env.server);
  await fresh.page.goto(env.server.url('settings'));
  await appReady(fresh.page);
  await chooseFile(fresh.page, { name: download.suggestedFilename(), mimeType: 'application/json', buffer: Buffer.from(text) });
  const restore = fresh.page.getByRole('region', { name: 'Backup and restore' });
  await restore.getByLabel('Passphrase of the backup').fill('falsch falsch falsch');
  await restore.getByRole('button', { name: 'Open backup' }).click();
  await restore.getByText('That passphrase does not open this backup.').waitFor({ timeout: 30_000 });
  assert.deepEqual(await axe(fresh.page), []);
  await partShot(restore, 'privacy-backup-wrong-passphrase');
  await restore.getByLabel('Passphrase of the backup').fill(PASS);
  await restore.getByRole('button', { name: 'Open backup' }).click();
  await restore.getByRole('button', { name: 'Merge' }).click({ timeout: 30_000 });
  await restore.getByText(/^Backup merged: 25 entries/).waitFor();
  await fresh.page.goto(env.server.url('contacts'));
  await fresh.page.getByRole('link', { name: /Anneliese24 Zuckerbrot/ }).waitFor();
  await assertClean(t, fresh.page, fresh.problems);
  await fresh.context.close();

  // This device, wiped: the backup comes back, sealed again (protection stays on).
  await page.getByRole('button', { name: 'Delete all data…' }).click();
  await page.getByRole('button', { name: 'Yes, delete everything' }).click();
  await page.getByText('All data on this device was deleted.').waitFor();
  assert.ok(!(await rawStorage(page)).includes('contacts.ct='), 'no contacts left');
  await chooseFile(page, { name: download.suggestedFilename(), mimeType: 'application/json', buffer: Buffer.from(text) });
  await backup.getByLabel('Passphrase of the backup').fill(PASS);
  await backup.getByRole('button', { name: 'Open backup' }).click();
  await backup.getByRole('button', { name: 'Merge' }).click({ timeout: 30_000 });
  await backup.getByText(/^Backup merged: 25 entries/).waitFor();
  const restored = await rawStorage(page);
  assert.ok(restored.includes('contacts.ct=') && !restored.includes('Zuckerbrot'), 'restored sealed');

  // A damaged file is named as such.
  const damaged = JSON.parse(text);
  damaged.data = damaged.data.slice(0, -12) + 'AAAAAAAAAAAA';
  await chooseFile(page, { name: 'damaged.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(damaged)) });
  await backup.getByLabel('Passphrase of the backup').fill(PASS);
  await backup.getByRole('button', { name: 'Open backup' }).click();
  await backup.getByText('This encrypted backup is damaged or incomplete').waitFor({ timeout: 30_000 });
  await assertClean(t, page, problems);
  await context.close();
});

test('the unlock screen in German, dark, on a phone', async (t) => {
  const { context, page, problems } = await openPage(env.browser, env.server, { colorScheme: 'dark', viewport: { width: 360, height: 740 }, mobile: true });
  await seed(page, env.server, { contacts: many(2) });
  await page.goto(env.server.url('settings'));
  await appReady(page);
  await page.getByLabel('Deutsch').check();
  const region = page.getByRole('region', { name: 'Privatsphäre' });
  await region.getByLabel('Passphrase', { exact: true }).fill(PASS);
  await region.getByLabel('Passphrase wiederholen').fill(PASS);
  await region.getByRole('button', { name: 'Mit Passphrase schützen' }).click();
  await region.getByRole('heading', { name: 'Ihr Wiederherstellungsschlüssel' }).waitFor({ timeout: 60_000 });
  await region.getByLabel('Ich habe meinen Wiederherstellungsschlüssel gesichert').check();
  await region.getByRole('button', { name: 'Fertig' }).click();
  await page.getByRole('button', { name: 'Jetzt sperren' }).first().tap();
  await page.getByRole('heading', { level: 1, name: 'Netzweber ist gesperrt' }).waitFor();
  assert.deepEqual(await axe(page), []);
  await shot(page, 'privacy-unlock-de-dark-phone');
  await page.getByLabel('Passphrase', { exact: true }).fill(PASS);
  await page.getByRole('button', { name: 'Entsperren' }).tap();
  await page.getByRole('navigation').first().waitFor();
  assert.equal(await page.getByRole('heading', { name: 'Netzweber ist gesperrt' }).count(), 0);
  await assertClean(t, page, problems);
  await context.close();
});
