// Every backup Netzweber writes must be restorable by Netzweber, as the user meets it:
// deleting a contact others point at (and undoing it), an old backup whose references
// point nowhere, double clicks on buttons that write, addresses naming a contact that does
// not exist, input that would make a backup unreadable, and a backup from the far future.
// Each test ends with an export that the app restores, or with input refused on its field
// and nothing saved.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { useServerAndBrowser, openPage, assertClean, appReady, axe, shot, seed as seedWith } from './support.mjs';

const env = useServerAndBrowser();

const meta = (id) => ({ id, created: '2026-01-01T10:00:00Z', updated: '2026-01-01T10:00:00Z', revision: 1 });
const person = (id, first_name, last_name, more = {}) => ({ meta: meta(id), first_name, last_name, ...more });
const seed = (page, records) => seedWith(page, env.server, records);

const asFile = (name, content) => ({
  name,
  mimeType: 'application/json',
  buffer: Buffer.from(typeof content === 'string' ? content : JSON.stringify(content)),
});

/** A backup file as an older Netzweber on another device wrote it. */
const backupFile = (records) => ({
  format: 'netzweber-backup',
  format_version: 2,
  app_version: '0.1.0',
  created_at: '2026-01-02T09:00:00Z',
  counts: Object.fromEntries(Object.entries(records).map(([k, v]) => [k, v.length])),
  profile: null,
  records,
});

const withoutTimestamp = ({ created_at, ...rest }) => rest;

const nav = (page) => page.getByRole('navigation', { name: 'Main' });

async function openSettings(page) {
  await nav(page).getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
}

async function chooseFile(page, file) {
  // The input is disabled until the database is open.
  await page.waitForFunction(() => document.querySelector('#backup-file')?.disabled === false);
  await page.getByLabel('Backup file').setInputFiles(file);
}

/** The counts of the "Your data" section, as the user reads them. */
async function counts(page) {
  const section = page.getByRole('region', { name: 'Your data' });
  await section.locator('dl').waitFor();
  const terms = await section.locator('dt').allInnerTexts();
  const values = await section.locator('dd').allInnerTexts();
  return Object.fromEntries(terms.map((t, i) => [t, values[i]]));
}

async function exportFile(page) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export backup' }).click()]);
  assert.match(download.suggestedFilename(), /^netzweber-backup-\d{4}-\d{2}-\d{2}\.json$/);
  await page.getByText('Backup saved as netzweber-backup-').last().waitFor();
  return JSON.parse(await readFile(await download.path(), 'utf8'));
}

/**
 * Settings → Export backup, then the app restores that very file with "Replace all…":
 * the preview needs no repairs, and a second export equals the first (but for its time).
 * Returns the exported backup.
 */
async function exportAndRestore(page) {
  await openSettings(page);
  const first = await exportFile(page);
  const backup = page.getByRole('region', { name: 'Backup and restore' });
  await chooseFile(page, asFile('restore.json', first));
  await backup.getByRole('heading', { name: 'What this backup would change' }).waitFor();
  // A file Netzweber wrote itself refers only to entries it holds.
  assert.equal(await backup.getByText(/will be cleared|will be left out/).count(), 0, 'a fresh export needs no repairs');
  await backup.getByRole('button', { name: 'Replace all…' }).click();
  await backup.getByRole('button', { name: 'Yes, replace everything' }).click();
  await backup.getByText(/^Backup restored: \d+ entries\.$/).waitFor();
  assert.equal(await page.getByText(/^(This file cannot be imported|Could not)/).count(), 0);
  const second = await exportFile(page);
  assert.deepEqual(withoutTimestamp(second), withoutTimestamp(first));
  return first;
}

/** The accessible description of a form control: the texts its aria-describedby names. */
const description = (locator) =>
  locator.evaluate((el) =>
    (el.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .filter(Boolean)
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' '),
  );

/** Anna Schmidt, who introduced five people, got a message, and has plans and promises. */
function annasNetwork() {
  const introduced = [
    ['c001', 'Ben', 'Weber'],
    ['c002', 'Clara', 'Hoffmann'],
    ['c003', 'David', 'Klein'],
    ['c004', 'Eva', 'Wolf'],
    ['c005', 'Finn', 'Neumann'],
  ].map(([id, first, last]) => person(id, first, last, { introduced_by: 'c000' }));
  return {
    contacts: [person('c000', 'Anna', 'Schmidt', { company: 'Acme', role: 'UX Research Lead' }), ...introduced],
    interactions: [
      { meta: meta('i-call'), contact_id: 'c000', kind: 'call', date: '2026-02-01', summary: 'Talked about research jobs at Acme' },
      { meta: meta('i-intro-a'), contact_id: 'c000', kind: 'introduction', date: '2026-02-10', summary: 'Both care about accessibility', other_contact_id: 'c001' },
      { meta: meta('i-intro-b'), contact_id: 'c001', kind: 'introduction', date: '2026-02-10', summary: 'Both care about accessibility', other_contact_id: 'c000' },
    ],
    follow_ups: [
      { meta: meta('f-send'), contact_id: 'c000', kind: 'i_promised', text: 'Send Anna the portfolio', due: '2026-03-12' },
      { meta: meta('f-other'), contact_id: 'c000', kind: 'reminder', text: 'Write to someone else at Acme', due: '2026-02-06', message_id: 'm-anna' },
    ],
    interview_plans: [{ meta: meta('p-anna'), contact_id: 'c000', goal: 'Learn how Acme hires researchers', duration_minutes: 30 }],
    messages: [{
      meta: meta('m-anna'),
      contact_id: 'c000',
      channel: 'email',
      purpose: 'informational_interview',
      lang: 'en',
      subject: 'Twenty minutes of your time?',
      body: 'Dear Anna, Ben told me about your research team.',
      status: 'sent',
      sent: '2026-02-03T09:00:00Z',
    }],
  };
}

test('deleting a contact others point at: undo restores everything, a second delete keeps the name, the backup restores', async () => {
  const { context, page, problems } = await openPage(env.browser, env.server);
  await page.clock.install({ time: new Date('2026-03-10T10:00:00') });
  await seed(page, annasNetwork());
  const before = await exportFile(page);
  await nav(page).getByRole('link', { name: 'Contacts' }).click();
  await page.getByText('6 of 6 contacts').waitFor();
  await page.getByRole('link', { name: /Anna Schmidt/ }).click();
  await page.getByRole('heading', { level: 1, name: 'Anna Schmidt' }).waitFor();

  // The confirmation says what goes along and what stays.
  await page.getByRole('button', { name: 'Delete contact…' }).click();
  const confirm = page.getByRole('group', { name: /^Delete Anna Schmidt\?/ });
  await confirm.getByText('Delete Anna Schmidt? Their timeline (2) and promises (2) go with them. You can undo this right after.').waitFor();
  await confirm.getByText('5 people were introduced by Anna Schmidt: they stay, with the name noted.').waitFor();
  await confirm.getByText('Interview plans and messages with Anna Schmidt stay in your history, with the name noted.').waitFor();
  assert.deepEqual(await axe(page), []);
  await shot(page, 'integrity-delete-confirm');
  await confirm.getByRole('button', { name: 'Delete', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Contacts' }).waitFor();
  await page.getByText('Anna Schmidt was deleted.').waitFor();
  await page.getByText('5 of 5 contacts').waitFor();

  // Undo brings back exactly what was there: Anna, her timeline and promises, and the
  // links from the people she introduced.
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.getByText('Restored.', { exact: true }).waitFor();
  await page.getByText('6 of 6 contacts').waitFor();
  await page.getByRole('link', { name: /Ben Weber/ }).click();
  await page.getByRole('heading', { level: 1, name: 'Ben Weber' }).waitFor();
  const details = page.getByRole('region', { name: 'Details' });
  await details.getByRole('link', { name: 'Anna Schmidt' }).waitFor();
  await page.getByRole('region', { name: 'Timeline' }).getByRole('link', { name: 'Anna Schmidt' }).waitFor();
  await details.getByRole('link', { name: 'Anna Schmidt' }).click();
  await page.getByRole('heading', { level: 1, name: 'Anna Schmidt' }).waitFor();
  await page.getByRole('region', { name: 'Timeline' }).getByText('Talked about research jobs at Acme').waitFor();
  const promises = page.getByRole('region', { name: 'Promises and follow-ups' });
  await promises.getByText('Send Anna the portfolio').waitFor();
  await promises.getByText('Write to someone else at Acme').waitFor();
  await page.getByRole('region', { name: 'Details' }).getByRole('link', { name: 'Finn Neumann' }).waitFor();
  // Exactly: every record as it was before the delete.
  await openSettings(page);
  const undone = await exportFile(page);
  assert.deepEqual(undone.records, before.records);
  await nav(page).getByRole('link', { name: 'Contacts' }).click();
  await page.getByRole('link', { name: /Anna Schmidt/ }).click();
  await page.getByRole('heading', { level: 1, name: 'Anna Schmidt' }).waitFor();

  // Deleted for good this time.
  await page.getByRole('button', { name: 'Delete contact…' }).click();
  await page.getByText('5 people were introduced by Anna Schmidt: they stay, with the name noted.').waitFor();
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Contacts' }).waitFor();
  await page.getByText('5 of 5 contacts').waitFor();
  await page.getByRole('link', { name: /Ben Weber/ }).click();
  await page.getByRole('heading', { level: 1, name: 'Ben Weber' }).waitFor();
  await details.getByText('Introduced by').waitFor();
  await details.getByText('Anna Schmidt (deleted)', { exact: true }).waitFor();
  assert.equal(await page.getByRole('link', { name: 'Anna Schmidt' }).count(), 0);
  await page.getByRole('region', { name: 'Timeline' }).getByText('Anna Schmidt (deleted)', { exact: true }).waitFor();
  assert.equal(await page.getByText('(deleted contact)').count(), 0, 'the name is kept, not lost');
  assert.deepEqual(await axe(page), []);
  await shot(page, 'integrity-deleted-introducer');
  // The others she introduced keep her name too.
  await nav(page).getByRole('link', { name: 'Contacts' }).click();
  await page.getByRole('link', { name: /Finn Neumann/ }).click();
  await page.getByRole('heading', { level: 1, name: 'Finn Neumann' }).waitFor();
  await page.getByRole('region', { name: 'Details' }).getByText('Anna Schmidt (deleted)', { exact: true }).waitFor();
  // The plan and the message to her stay in the history under her name.
  await nav(page).getByRole('link', { name: 'Interviews' }).click();
  await page.getByRole('heading', { level: 1, name: 'Interviews' }).waitFor();
  await page.getByRole('link', { name: 'Anna Schmidt' }).waitFor();
  await nav(page).getByRole('link', { name: 'Messages' }).click();
  await page.getByRole('heading', { level: 1, name: 'Messages' }).waitFor();
  await page.getByRole('link', { name: 'Anna Schmidt' }).waitFor();

  const backup = await exportAndRestore(page);
  const { contacts, interactions, follow_ups, interview_plans, messages } = backup.records;
  assert.deepEqual(contacts.map((c) => c.meta.id), ['c001', 'c002', 'c003', 'c004', 'c005']);
  for (const c of contacts) {
    assert.equal(c.introduced_by ?? null, null, c.meta.id);
    assert.equal(c.introduced_by_name, 'Anna Schmidt', c.meta.id);
  }
  assert.deepEqual(interactions.map((i) => [i.meta.id, i.other_contact_id ?? null, i.other_contact_name]), [['i-intro-b', null, 'Anna Schmidt']]);
  assert.deepEqual(follow_ups, []);
  assert.equal(interview_plans[0].contact_id ?? null, null);
  assert.equal(interview_plans[0].person_name, 'Anna Schmidt');
  assert.equal(messages[0].contact_id ?? null, null);
  assert.equal(messages[0].recipient_name, 'Anna Schmidt');
  assert.equal((await counts(page)).Contacts, '5');
  await assertClean(null, page, problems);
  await context.close();
});

/** Base64 of a 1 × 1 PNG. */
const PIXEL = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

test('an old backup with references to entries not in it is repaired as deleting them would, merged, and its export restores', async () => {
  const { context, page, problems } = await openPage(env.browser, env.server);
  await page.clock.install({ time: new Date('2026-03-10T10:00:00') });
  // Written by a Netzweber that let such references dangle.
  const old = backupFile({
    contacts: [
      person('c1', 'Lena', 'Vogt', { introduced_by: 'gone1' }),
      person('c2', 'Omar', 'Haddad', { introduced_by: 'gone2' }),
      person('c3', 'Ute', 'Berg'),
    ],
    interactions: [
      { meta: meta('i1'), contact_id: 'c3', kind: 'introduction', date: '2025-06-01', summary: 'Introduced to someone since deleted', other_contact_id: 'gone1' },
      { meta: meta('i2'), contact_id: 'gone3', kind: 'call', date: '2025-06-02', summary: 'A call with someone long gone' },
      { meta: meta('i3'), contact_id: 'c3', kind: 'call', date: '2025-06-03', summary: 'Catch-up with Ute' },
    ],
    follow_ups: [
      { meta: meta('f1'), contact_id: 'gone3', kind: 'i_promised', text: 'A promise to nobody', due: '2025-06-10' },
      { meta: meta('f2'), contact_id: 'c3', kind: 'reminder', text: 'Follow up with Ute', due: '2025-06-10', message_id: 'gone-m' },
    ],
    photos: [{ meta: meta('ph1'), contact_id: 'gone3', mime: 'image/png', data: PIXEL }],
    interview_plans: [{ meta: meta('p1'), contact_id: 'gone4', goal: 'A plan whose contact went', duration_minutes: 30 }],
    messages: [{ meta: meta('m1'), contact_id: 'gone4', channel: 'email', body: 'Dear someone', status: 'sent' }],
  });
  await page.goto(env.server.url('settings'));
  await appReady(page);
  await chooseFile(page, asFile('old-laptop.json', old));
  const backup = page.getByRole('region', { name: 'Backup and restore' });
  await backup.getByRole('heading', { name: 'What this backup would change' }).waitFor();
  const cleared = backup.locator('.notice').filter({ hasText: 'will be cleared' });
  await cleared.getByText('6 references to entries that are not in the file will be cleared, as deleting those entries does:').waitFor();
  assert.deepEqual((await cleared.getByRole('listitem').allInnerTexts()).sort(), [
    'Contacts (id c1): “introduced_by” refers to gone1',
    'Contacts (id c2): “introduced_by” refers to gone2',
    'Interactions (id i1): “other_contact_id” refers to gone1',
    'Interview plans (id p1): “contact_id” refers to gone4',
    'Messages (id m1): “contact_id” refers to gone4',
    'Promises and follow-ups (id f2): “message_id” refers to gone-m',
  ]);
  const left = backup.locator('.notice').filter({ hasText: 'will be left out' });
  await left.getByText('3 entries belong to contacts that are not in the file and will be left out:').waitFor();
  assert.deepEqual((await left.getByRole('listitem').allInnerTexts()).sort(), [
    'Interactions (id i2): “contact_id” refers to gone3',
    'Photos (id ph1): “contact_id” refers to gone3',
    'Promises and follow-ups (id f1): “contact_id” refers to gone3',
  ]);
  assert.equal(await backup.getByText('This file cannot be imported').count(), 0);
  assert.deepEqual(await axe(page), []);
  await shot(page, 'integrity-import-repairs');
  await backup.getByRole('button', { name: 'Merge' }).click();
  await backup.getByText('Backup merged: 8 entries added or updated.').waitFor();
  const after = await counts(page);
  assert.deepEqual(
    [after.Contacts, after.Interactions, after['Promises and follow-ups'], after.Photos, after['Interview plans'], after.Messages],
    ['3', '2', '1', '0', '1', '1'],
  );

  // What is left reads as after those deletions.
  await nav(page).getByRole('link', { name: 'Contacts' }).click();
  await page.getByRole('link', { name: /Lena Vogt/ }).click();
  await page.getByRole('heading', { level: 1, name: 'Lena Vogt' }).waitFor();
  assert.equal(await page.getByRole('region', { name: 'Details' }).getByText('Introduced by').count(), 0);
  await nav(page).getByRole('link', { name: 'Contacts' }).click();
  await page.getByRole('link', { name: /Ute Berg/ }).click();
  await page.getByRole('heading', { level: 1, name: 'Ute Berg' }).waitFor();
  const timeline = page.getByRole('region', { name: 'Timeline' });
  await timeline.getByText('Introduced to someone since deleted').waitFor();
  await timeline.getByText('Catch-up with Ute').waitFor();
  await page.getByRole('region', { name: 'Promises and follow-ups' }).getByText('Follow up with Ute').waitFor();
  assert.equal(await page.getByText('A call with someone long gone').count(), 0);
  await nav(page).getByRole('link', { name: 'Interviews' }).click();
  await page.getByRole('heading', { level: 1, name: 'Interviews' }).waitFor();
  await page.getByText('A plan whose contact went').waitFor();

  const restored = await exportAndRestore(page);
  assert.equal(restored.records.contacts.find((c) => c.meta.id === 'c1').introduced_by ?? null, null);
  assert.equal(restored.records.follow_ups.find((f) => f.meta.id === 'f2').message_id ?? null, null);
  await assertClean(null, page, problems);
  await context.close();
});

test('a double click on “Add” or “Record introduction” writes once', async () => {
  const { context, page, problems } = await openPage(env.browser, env.server);
  await page.clock.install({ time: new Date('2026-03-10T10:00:00') });
  await seed(page, { contacts: [person('c-anna', 'Anna', 'Schmidt', { company: 'Acme' }), person('c-ben', 'Ben', 'Weber')] });
  await nav(page).getByRole('link', { name: 'Contacts' }).click();
  await page.getByRole('link', { name: /Anna Schmidt/ }).click();
  await page.getByRole('heading', { level: 1, name: 'Anna Schmidt' }).waitFor();

  const promises = page.getByRole('region', { name: 'Promises and follow-ups' });
  await page.getByLabel('What was promised').fill('Send Anna the article on diary studies');
  const add = page.getByRole('button', { name: 'Add', exact: true });
  await add.dblclick();
  await page.getByText('Promise added.').first().waitFor();
  await promises.getByText('Send Anna the article on diary studies').waitFor();
  await page.waitForFunction(() => [...document.querySelectorAll('button[aria-busy="true"]')].length === 0);
  assert.equal(await add.getAttribute('aria-busy'), 'false');
  assert.equal(await promises.getByText('Send Anna the article on diary studies').count(), 1);

  // The introduction, with two quick clicks of the mouse.
  await page.getByRole('link', { name: 'Introduce to someone' }).click();
  await page.getByRole('heading', { level: 1, name: 'Introduce two contacts' }).waitFor();
  await page.getByText('Anna Schmidt (Acme)').waitFor();
  await page.getByLabel('Second person').fill('ben');
  await page.getByRole('button', { name: 'Ben Weber' }).click();
  await page.getByLabel('Why they should meet').fill('Both moved from teaching into UX');
  const record = page.getByRole('button', { name: 'Record introduction' });
  const box = await record.boundingBox();
  const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
  await page.mouse.click(x, y);
  await page.mouse.click(x, y);
  await page.getByText('Introduction recorded:').waitFor();
  await page.waitForFunction(() => [...document.querySelectorAll('button[aria-busy="true"]')].length === 0);

  // Read back from storage: one promise, one entry on each timeline, one reminder.
  await page.getByRole('status').getByRole('link', { name: 'Anna Schmidt' }).click();
  await page.getByRole('heading', { level: 1, name: 'Anna Schmidt' }).waitFor();
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Anna Schmidt' }).waitFor();
  const timeline = page.getByRole('region', { name: 'Timeline' });
  await timeline.getByText('Both moved from teaching into UX').waitFor();
  assert.equal(await timeline.getByRole('listitem').count(), 1);
  assert.equal(await timeline.getByText('Both moved from teaching into UX').count(), 1);
  // Promises come with the whole network, a moment after the page's own timeline.
  await promises.getByText('Ask how the introduction to Ben Weber went').waitFor();
  assert.equal(await promises.getByText('Send Anna the article on diary studies').count(), 1);
  assert.equal(await promises.getByText('Ask how the introduction to Ben Weber went').count(), 1);
  assert.equal(await promises.getByRole('listitem').count(), 2);
  await page.getByRole('region', { name: 'Give and take' }).getByText('You have given more than you received.').waitFor();
  await timeline.getByRole('link', { name: 'Ben Weber' }).click();
  await page.getByRole('heading', { level: 1, name: 'Ben Weber' }).waitFor();
  await timeline.getByText('Both moved from teaching into UX').waitFor();
  assert.equal(await timeline.getByRole('listitem').count(), 1);

  const backup = await exportAndRestore(page);
  assert.deepEqual(backup.records.interactions.map((i) => [i.contact_id, i.kind, i.other_contact_id]).sort(), [
    ['c-anna', 'introduction', 'c-ben'],
    ['c-ben', 'introduction', 'c-anna'],
  ]);
  assert.deepEqual(backup.records.follow_ups.map((f) => [f.contact_id, f.kind, f.text]).sort(), [
    ['c-anna', 'i_promised', 'Send Anna the article on diary studies'],
    ['c-anna', 'reminder', 'Ask how the introduction to Ben Weber went'],
  ]);
  await assertClean(null, page, problems);
  await context.close();
});

test('an address naming a contact that does not exist creates no plan and no message', async () => {
  const { context, page, problems } = await openPage(env.browser, env.server);
  await page.clock.install({ time: new Date('2026-03-10T10:00:00') });
  await seed(page, { contacts: [person('c-anna', 'Anna', 'Schmidt')] });
  const missing = 'This contact does not exist (any more). Choose someone else or enter a new person.';

  await page.goto(env.server.url('interviews/new?contact=no-such-contact'));
  await page.getByRole('heading', { level: 1, name: 'Plan an informational interview' }).waitFor();
  await page.getByLabel('Goal of the conversation').fill('Learn how research teams hire');
  await page.getByRole('button', { name: 'Create plan' }).click();
  await page.getByRole('alert').filter({ hasText: missing }).waitFor();
  assert.equal(new URL(page.url()).pathname, '/netzweber/interviews/new');
  assert.equal(await page.getByLabel('Goal of the conversation').inputValue(), 'Learn how research teams hire');
  await nav(page).getByRole('link', { name: 'Interviews' }).click();
  await page.getByRole('heading', { name: 'No interviews planned yet' }).waitFor();

  await page.goto(env.server.url('messages/new?contact=no-such-contact'));
  await page.getByRole('heading', { level: 1, name: 'Write a message' }).waitFor();
  await page.getByRole('button', { name: 'Start writing' }).click();
  await page.getByRole('alert').filter({ hasText: missing }).waitFor();
  assert.equal(new URL(page.url()).pathname, '/netzweber/messages/new');
  await nav(page).getByRole('link', { name: 'Messages' }).click();
  await page.getByRole('heading', { name: 'No messages yet' }).waitFor();

  await openSettings(page);
  const stored = await counts(page);
  assert.deepEqual([stored.Contacts, stored['Interview plans'], stored.Messages], ['1', '0', '0']);
  await assertClean(null, page, problems);
  await context.close();
});

test('input a backup could not hold is refused on its field and nothing is saved', async () => {
  const { context, page, problems } = await openPage(env.browser, env.server);
  await page.clock.install({ time: new Date('2026-03-10T10:00:00') });
  await seed(page, { contacts: [person('c-anna', 'Anna', 'Schmidt')] });

  // A 200-character profile link without scheme: with https:// it would be 208.
  const link = `example.org/${'a'.repeat(188)}`;
  assert.equal(link.length, 200);
  await page.getByLabel('Name', { exact: true }).fill('Erika Mustermann');
  const url = page.getByLabel('Profile link');
  await url.fill(link);
  await page.getByRole('button', { name: 'Save profile' }).click();
  await page.getByText('Please correct the marked fields; nothing was saved.').waitFor();
  assert.equal(await url.getAttribute('aria-invalid'), 'true');
  assert.match(await description(url), /Please keep this under 200 characters\./);
  assert.equal(await page.getByText('Profile saved.').count(), 0);
  assert.equal((await counts(page)).Profile, 'not saved');
  await page.reload();
  await appReady(page);
  await page.getByRole('region', { name: 'Your data' }).getByText('not saved').waitFor();
  assert.equal(await page.getByLabel('Profile link').inputValue(), '');

  // The contact form takes no more than a backup can hold.
  await page.goto(env.server.url('contacts/new'));
  await page.getByRole('heading', { level: 1, name: 'New contact' }).waitFor();
  assert.equal(await page.getByLabel('Email').getAttribute('maxlength'), '500');
  assert.equal(await page.getByLabel('Phone').getAttribute('maxlength'), '500');

  // A keyword over 500 characters on the timeline form.
  await page.goto(env.server.url('contacts/c-anna'));
  await page.getByRole('heading', { level: 1, name: 'Anna Schmidt' }).waitFor();
  await page.getByLabel('Type of contact').selectOption({ label: 'Call' });
  await page.getByLabel('Summary').fill('A call with a very long keyword');
  const keywords = page.getByLabel('Keywords (comma-separated)');
  await keywords.fill(`research, ${'k'.repeat(501)}`);
  await page.getByRole('button', { name: 'Add to timeline' }).click();
  await page.getByText('Each keyword may have at most 500 characters.').waitFor();
  const timeline = page.getByRole('region', { name: 'Timeline' });
  await timeline.getByText('Nothing recorded yet.', { exact: false }).waitFor();
  assert.equal(await page.getByText('Added to the timeline.').count(), 0);
  // The message belongs to the field it is about (checked at the end, so that a
  // misplaced message does not hide what follows).
  const keywordField = {
    invalid: await keywords.getAttribute('aria-invalid'),
    description: await description(keywords),
    dateInvalid: await page.getByLabel('Date', { exact: true }).getAttribute('aria-invalid'),
  };
  await shot(page, 'integrity-keyword-too-long');

  // A promise due after 2200: the date input offers no such day, and typing one is refused.
  const due = page.getByLabel('Due');
  assert.deepEqual([await due.getAttribute('min'), await due.getAttribute('max')], ['1900-01-01', '2200-12-31']);
  await page.getByLabel('What was promised').fill('Send the article one day');
  await due.fill('2201-01-01');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await page.getByText('Please choose a date between 1900 and 2200.').waitFor();
  await page.getByRole('region', { name: 'Promises and follow-ups' }).getByText('No promises yet.').waitFor();
  assert.equal(await page.getByText('Promise added.').count(), 0);
  const dueField = {
    invalid: await due.getAttribute('aria-invalid'),
    description: await description(due),
    textInvalid: await page.getByLabel('What was promised').getAttribute('aria-invalid'),
  };
  await shot(page, 'integrity-due-out-of-range');

  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Anna Schmidt' }).waitFor();
  await page.getByRole('region', { name: 'Timeline' }).getByText('Nothing recorded yet.', { exact: false }).waitFor();
  await page.getByRole('region', { name: 'Promises and follow-ups' }).getByText('No promises yet.').waitFor();
  await openSettings(page);
  const stored = await counts(page);
  assert.deepEqual([stored.Contacts, stored.Interactions, stored['Promises and follow-ups'], stored.Profile], ['1', '0', '0', 'not saved']);
  await assertClean(null, page, problems);
  assert.equal(keywordField.invalid, 'true', 'the Keywords field is marked invalid');
  assert.match(keywordField.description, /Each keyword may have at most 500 characters\./, 'the Keywords field is described by the message');
  assert.notEqual(keywordField.dateInvalid, 'true', 'the Date field, which is fine, is not marked invalid');
  assert.equal(dueField.invalid, 'true', 'the Due field is marked invalid');
  assert.match(dueField.description, /Please choose a date between 1900 and 2200\./, 'the Due field is described by the message');
  assert.notEqual(dueField.textInvalid, 'true', 'the promise text, which is fine, is not marked invalid');
  await context.close();
});

test('a backup with a plan in the year 262142 is refused and the interviews still open', async () => {
  const { context, page, problems } = await openPage(env.browser, env.server);
  await page.goto(env.server.url('settings'));
  await appReady(page);
  const far = backupFile({
    contacts: [person('c1', 'Ada', 'Lovelace')],
    interview_plans: [{ meta: meta('ip1'), contact_id: 'c1', goal: 'Learn about the far future', duration_minutes: 25, scheduled: '+262142-01-01T00:00:00Z' }],
  });
  await chooseFile(page, asFile('far-future.json', far));
  const backup = page.getByRole('region', { name: 'Backup and restore' });
  await backup.getByText('This file cannot be imported. Nothing was changed.').waitFor();
  await backup.getByText('Interview plans no. 1 (id ip1): “scheduled” has a value that is not allowed').waitFor();
  assert.equal(await backup.getByRole('button', { name: 'Merge' }).count(), 0);
  const stored = await counts(page);
  assert.deepEqual([stored.Contacts, stored['Interview plans']], ['0', '0']);

  await nav(page).getByRole('link', { name: 'Interviews' }).click();
  await page.getByRole('heading', { level: 1, name: 'Interviews' }).waitFor();
  await page.getByRole('heading', { name: 'No interviews planned yet' }).waitFor();
  await page.reload();
  await page.getByRole('heading', { name: 'No interviews planned yet' }).waitFor();
  await assertClean(null, page, problems);
  await context.close();
});
