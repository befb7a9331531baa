// Bringing a network in and taking it out, as a user does it: LinkedIn's connections
// file (preview, import, a second import that changes nothing, bad files), and vCard,
// spreadsheet and calendar exports read back from the downloaded files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { useServerAndBrowser, openPage, assertClean, appReady, axe, shot, counts, seed, bigPhoto } from './support.mjs';

const env = useServerAndBrowser();

const PREAMBLE = [
  'Notes:',
  '"When exporting your connection data, you may notice that some of the email addresses are missing. You will only see email addresses for connections who have allowed their connections to see or download their email address using this setting https://www.linkedin.com/psettings/privacy/email."',
  '',
];

/** A Connections.csv as LinkedIn writes it today: BOM (after a spreadsheet re-save),
 * preamble, CRLF, quotes only where needed, and three hidden profiles. */
function connections(count) {
  const rows = ['First Name,Last Name,URL,Email Address,Company,Position,Connected On'];
  const companies = ['Acme, Inc.', 'Stadtwerke Köln', 'Beta GmbH', 'Kight, MS'];
  for (let i = 0; i < count; i++) {
    const [first, last] = i === 7 ? ['Martina', 'Müller'] : [`Person${i}`, `Name${i}`];
    const company = companies[i % companies.length];
    const quoted = company.includes(',') ? `"${company}"` : company;
    const email = i % 5 === 0 ? `p${i}@example.org` : i % 5 === 1 ? 'urn:li:member:12345' : '';
    rows.push(`${first},${last},https://www.linkedin.com/in/person-${i},${email},${quoted},Role ${i},0${(i % 9) + 1} Oct 2024`);
    if (i % 700 === 0) rows.push(',,,,,,05 Dec 2024');
  }
  return '\ufeff' + [...PREAMBLE, ...rows].join('\r\n') + '\r\n';
}

const csvFile = (name, text) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });

async function chooseImport(page, file) {
  await page.waitForFunction(() => document.querySelector('#import-file')?.disabled === false);
  await page.getByLabel('Contacts file: LinkedIn\'s Connections.csv, a vCard (.vcf) or a spreadsheet (.csv)').setInputFiles(file);
}

/** The preview's counts, as the user reads them. */
async function previewCounts(region) {
  const list = region.locator('dl.import-counts');
  await list.waitFor();
  const terms = await list.locator('dt').allInnerTexts();
  const values = await list.locator('dd').allInnerTexts();
  return Object.fromEntries(terms.map((t, i) => [t, values[i]]));
}

test('2,000 LinkedIn connections: preview, import, found by search, no flood on Today, a second import changes nothing', async () => {
  const { context, page, problems } = await openPage(env.browser, env.server);
  await page.goto(env.server.url('contacts'));
  await appReady(page);
  await page.getByRole('link', { name: 'Import your LinkedIn connections' }).click();
  const region = page.getByRole('region', { name: 'Import contacts' });
  await region.waitFor();
  await region.getByText('How to get your LinkedIn connections').click();
  assert.deepEqual(await axe(page), []);

  const file = csvFile('Connections.csv', connections(2000));
  const picked = Date.now();
  await chooseImport(page, file);
  await region.getByRole('heading', { name: 'What this import would do' }).waitFor();
  const toPreview = Date.now() - picked;
  const c = await previewCounts(region);
  assert.equal(c['New contacts'], '2,000');
  assert.equal(c['Left out'], '3');
  assert.equal(c['Possible duplicates (same name only)'], '0');
  await region.locator('summary', { hasText: 'Left out (rows or cards)' }).click();
  await region.getByText('Line 6: hidden profile (LinkedIn exports only the date)').waitFor();
  assert.deepEqual(await axe(page), []);
  await shot(page, 'import-linkedin-preview');

  const started = Date.now();
  await region.getByRole('button', { name: 'Import' }).click();
  await region.getByText('Import finished. New contacts: 2,000; completed: 0; timeline entries: 0.').waitFor({ timeout: 30000 });
  const written = Date.now() - started;
  console.log(`# LinkedIn 2,000 rows: file to preview ${toPreview} ms, written in ${written} ms`);
  assert.equal((await counts(page)).Contacts, '2,000');
  assert.deepEqual(await axe(page), []);

  // Found without typing the umlaut.
  await page.goto(env.server.url('contacts'));
  await page.getByRole('searchbox', { name: 'Search' }).fill('muller');
  const list = page.getByRole('list', { name: 'Contacts' });
  await list.getByText('Martina Müller').waitFor();
  await page.getByText('1 of 2,000 contacts').waitFor();
  // What the search shows, as a vCard file.
  const [shown] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export these contacts as vCard' }).click()]);
  const found = await readFile(await shown.path(), 'utf8');
  assert.equal(found.match(/BEGIN:VCARD/g).length, 1);
  assert.ok(found.includes('FN:Martina Müller\r\n'));
  await list.getByRole('link', { name: /Martina Müller/ }).first().click();
  await page.getByRole('heading', { level: 1, name: 'Martina Müller' }).waitFor();
  await page.getByText('Role 7 · Kight, MS').waitFor();

  // Reminders are off for imported people: nobody is "due for contact".
  await page.goto(env.server.url(''));
  await appReady(page);
  await page.getByRole('heading', { name: 'Worth reviving this week' }).waitFor();
  assert.equal(await page.getByRole('heading', { name: 'Due for contact' }).count(), 0);

  // The same file again: everything is there already.
  await page.goto(env.server.url('settings'));
  await appReady(page);
  await chooseImport(page, file);
  const again = await previewCounts(region);
  assert.equal(again['New contacts'], '0');
  assert.equal(again['Already in Netzweber, nothing new'], '2,000');
  await region.getByText('Nothing to import: Netzweber already has everything in this file.').waitFor();
  assert.equal(await region.getByRole('button', { name: 'Import' }).count(), 0);
  await region.getByRole('button', { name: 'Cancel' }).click();
  assert.equal((await counts(page)).Contacts, '2,000');
  await assertClean(null, page, problems);
  await context.close();
});

test('a contact the user has is completed, never overwritten; equal names stay apart', async () => {
  const { context, page, problems } = await openPage(env.browser, env.server);
  const meta = (id) => ({ id, created: '2026-01-01T10:00:00Z', updated: '2026-01-01T10:00:00Z', revision: 2 });
  await seed(page, env.server, {
    contacts: [
      { meta: meta('m1'), first_name: 'Martina', last_name: 'Müller', company: 'Her own firm', links: ['https://linkedin.com/in/martina'], circle: 'core' },
      { meta: meta('a1'), first_name: 'Anna', last_name: 'Schmidt', company: 'Delta' },
    ],
  });
  const text = [
    'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
    'Martina,Müller,https://www.linkedin.com/in/martina/,,Acme,Head of Research,09 Oct 2024',
    'Anna,Schmidt,,,Epsilon,Designer,10 Oct 2024',
  ].join('\n');
  await chooseImport(page, csvFile('Connections.csv', text));
  const region = page.getByRole('region', { name: 'Import contacts' });
  const c = await previewCounts(region);
  assert.equal(c['Contacts you have that it completes (empty fields and tags only)'], '1');
  assert.equal(c['Possible duplicates (same name only)'], '1');
  await region.getByText('Possible duplicates', { exact: true }).click();
  await region.getByText('Line 3: Anna Schmidt').waitFor();
  await shot(page, 'import-linkedin-duplicates');
  // Leave the possible duplicate out.
  await region.getByLabel('Add the possible duplicates as separate contacts (1)').uncheck();
  await region.getByRole('button', { name: 'Import' }).click();
  await region.getByText('Import finished. New contacts: 0; completed: 1; timeline entries: 0.').waitFor();
  assert.equal((await counts(page)).Contacts, '2');
  await page.goto(env.server.url('contacts/m1'));
  await page.getByText('Head of Research · Her own firm').waitFor();
  await assertClean(null, page, problems);
  await context.close();
});

test('files that are not a connections list are refused with a reason, and nothing changes', async () => {
  const { context, page, problems } = await openPage(env.browser, env.server);
  await page.goto(env.server.url('settings'));
  await appReady(page);
  const region = page.getByRole('region', { name: 'Import contacts' });
  const cases = [
    [{ name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0xff, 0xfe]) }, 'The file is not a text file.'],
    [csvFile('empty.csv', ''), 'The file is empty.'],
    [csvFile('header-only.csv', 'Name;Telefon\n'), 'There is no one in the file.'],
    [csvFile('header.csv', 'First Name,Last Name,URL\n'), 'There is no one in the file.'],
    [csvFile('cut.csv', 'First Name,Last Name\n"Anna,Müller\n'), 'a quote opened on line 2 never closes'],
  ];
  for (const [file, message] of cases) {
    await chooseImport(page, file);
    await region.getByText('This file cannot be imported. Nothing was changed.').waitFor();
    await region.getByText(message).waitFor();
  }
  assert.deepEqual(await axe(page), []);
  await shot(page, 'import-refused');
  assert.equal((await counts(page)).Contacts, '0');
  await assertClean(null, page, problems);
  await context.close();
});

test('contacts as vCard and spreadsheet, and the calendar, read back from the downloaded files', async () => {
  const { context, page, problems } = await openPage(env.browser, env.server);
  const meta = (id) => ({ id, created: '2026-01-01T10:00:00Z', updated: '2026-01-01T10:00:00Z', revision: 2 });
  await seed(page, env.server, {
    contacts: [
      {
        meta: meta('c1'), first_name: 'Zoë', last_name: 'Müller, Jr.', company: 'Acme; Inc.', role: 'Lead', email: 'zoe@example.org',
        phone: '+49 221 1', links: ['https://www.linkedin.com/in/zoe'], tags: ['UX', 'Köln'], notes: 'Line one\nLine two',
        birthday: { month: 4, day: 14 }, met: { occasion: 'UX Barcamp', date: '2025-11-03', hook: 'bikes 🚲' },
      },
      { meta: meta('c2'), first_name: 'Kai', last_name: '=cmd()', circle: 'periphery' },
    ],
    interactions: [{ meta: meta('i1'), contact_id: 'c1', kind: 'call', date: '2026-01-20', summary: 'Talked' }],
    follow_ups: [{ meta: meta('f1'), contact_id: 'c1', text: 'Send the article', due: '2026-12-24' }],
    interview_plans: [{ meta: meta('ip1'), contact_id: 'c1', goal: 'Learn how UX teams hire', scheduled: '2026-12-10T14:00:00Z', duration_minutes: 30, place: 'Café Rosa', items: [{ text: 'What does a normal day look like?', minutes: 4 }] }],
  });
  const region = page.getByRole('region', { name: 'Export contacts and calendar' });
  await region.waitFor();
  assert.deepEqual(await axe(page), []);
  await shot(page, 'export-section');
  const download = async (name, pattern) => {
    const [file] = await Promise.all([page.waitForEvent('download'), region.getByRole('button', { name }).click()]);
    assert.match(file.suggestedFilename(), pattern);
    return readFile(await file.path(), 'utf8');
  };

  const vcf = await download('Contacts as vCard (.vcf)', /^netzweber-contacts-\d{4}-\d{2}-\d{2}\.vcf$/);
  const unfolded = vcf.replace(/\r\n[ \t]/g, '');
  assert.equal(unfolded.match(/BEGIN:VCARD\r\n/g).length, 2);
  for (const line of ['N:Müller\\, Jr.;Zoë;;;', 'ORG:Acme\\; Inc.', 'BDAY:--0414', 'CATEGORIES:UX,Köln', 'EMAIL;TYPE=INTERNET:zoe@example.org']) {
    assert.ok(unfolded.includes(`${line}\r\n`), `${line} in ${unfolded}`);
  }
  assert.ok(vcf.split('\r\n').every((l) => Buffer.byteLength(l) <= 75));

  const csv = await download('Contacts as spreadsheet (.csv)', /^netzweber-contacts-\d{4}-\d{2}-\d{2}\.csv$/);
  assert.ok(csv.startsWith('\ufeffFirst name,Last name,'), csv.slice(0, 40));
  assert.ok(csv.includes('"Müller, Jr."'));
  assert.ok(csv.includes('"\'=cmd()"'), 'a formula is guarded');
  assert.ok(csv.includes(',2026-01-20,'), 'last contact computed');

  const ics = await download('Calendar (.ics)', /^netzweber-calendar-\d{4}-\d{2}-\d{2}\.ics$/);
  const events = ics.replace(/\r\n[ \t]/g, '');
  for (const line of [
    'UID:interview-ip1@netzweber.app', 'DTSTART:20261210T140000Z', 'DTEND:20261210T143000Z', 'LOCATION:Café Rosa',
    'UID:promise-f1@netzweber.app', 'DTSTART;VALUE=DATE:20261224', 'UID:birthday-c1@netzweber.app', 'RRULE:FREQ=YEARLY',
  ]) {
    assert.ok(events.includes(`${line}\r\n`), `${line} in ${events}`);
  }
  await page.getByText(/^Saved as netzweber-calendar-/).waitFor();

  // One contact from its page, one interview from its plan.
  await page.goto(env.server.url('contacts/c1'));
  await page.getByRole('heading', { level: 1, name: 'Zoë Müller, Jr.' }).waitFor();
  const [card] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Share as vCard' }).click()]);
  assert.match(card.suggestedFilename(), /^netzweber-zoë-müller-jr-\d{4}-\d{2}-\d{2}\.vcf$/);
  const one = (await readFile(await card.path(), 'utf8')).replace(/\r\n[ \t]/g, '');
  assert.equal(one.match(/BEGIN:VCARD/g).length, 1);
  assert.ok(one.includes('X-NETZWEBER-HOOK:bikes 🚲\r\n'));
  await page.goto(env.server.url('interviews/ip1'));
  const [event] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Add to calendar' }).click()]);
  const single = (await readFile(await event.path(), 'utf8')).replace(/\r\n[ \t]/g, '');
  assert.equal(single.match(/BEGIN:VEVENT/g).length, 1);
  assert.ok(single.includes('UID:interview-ip1@netzweber.app\r\n'), 'the same event as in the full calendar');
  assert.ok(single.includes('- What does a normal day look like?'));
  await assertClean(null, page, problems);
  await context.close();
});

test('vCards from a phone with a photo, a broken card listed, and Netzweber\'s own vCard export imported again', async () => {
  const { context, page, problems } = await openPage(env.browser, env.server);
  await page.goto(env.server.url('settings'));
  await appReady(page);
  const region = page.getByRole('region', { name: 'Import contacts' });
  const fixture = async (name) => ({ name, mimeType: 'text/vcard', buffer: await readFile(new URL(`../data/interop/${name}`, import.meta.url)) });

  await chooseImport(page, await fixture('broken.vcf'));
  let c = await previewCounts(region);
  assert.equal(c['New contacts'], '2');
  assert.equal(c['Left out'], '2');
  await region.locator('summary', { hasText: 'Left out (rows or cards)' }).click();
  await region.getByText('Card 2: no name').waitFor();
  await region.getByText('Card 4: the card ends too early (the file may be cut off)').waitFor();
  await region.locator('summary', { hasText: 'Photos left out' }).click();
  await region.getByText('Card 3', { exact: true }).waitFor();
  assert.deepEqual(await axe(page), []);
  await shot(page, 'import-vcard-broken');
  await region.getByRole('button', { name: 'Cancel' }).click();

  await chooseImport(page, await fixture('apple-3.0.vcf'));
  c = await previewCounts(region);
  assert.equal(c['New contacts'], '2');
  await region.getByRole('button', { name: 'Import' }).click();
  await region.getByText('Import finished. New contacts: 2; completed: 0; timeline entries: 0.').waitFor();
  await page.goto(env.server.url('contacts'));
  await page.getByRole('link', { name: /Anna-Lena Weiß/ }).first().click();
  await page.getByRole('heading', { level: 1, name: 'Anna-Lena Weiß' }).waitFor();
  await page.getByRole('img', { name: 'Photo of Anna-Lena Weiß' }).waitFor();
  await page.getByText('Head of Research · Acme, Inc.').waitFor();

  // Out as vCard, everything deleted, back in: the same contacts with the same fields.
  await page.goto(env.server.url('settings'));
  await appReady(page);
  const exportRegion = page.getByRole('region', { name: 'Export contacts and calendar' });
  const [file] = await Promise.all([page.waitForEvent('download'), exportRegion.getByRole('button', { name: 'Contacts as vCard (.vcf)' }).click()]);
  const first = await readFile(await file.path());
  await page.getByRole('button', { name: 'Delete all data…' }).click();
  await page.getByRole('button', { name: 'Yes, delete everything' }).click();
  await page.getByText('All data on this device was deleted.').waitFor();
  await chooseImport(page, { name: 'netzweber-contacts.vcf', mimeType: 'text/vcard', buffer: first });
  c = await previewCounts(region);
  assert.equal(c['New contacts'], '2');
  await region.getByRole('button', { name: 'Import' }).click();
  await region.getByText('Import finished. New contacts: 2; completed: 0; timeline entries: 0.').waitFor();
  const [again] = await Promise.all([page.waitForEvent('download'), exportRegion.getByRole('button', { name: 'Contacts as vCard (.vcf)' }).click()]);
  // Only the order of cards may differ (new ids).
  const cardsOf = (text) => text.split('BEGIN:VCARD').sort();
  assert.deepEqual(cardsOf((await readFile(await again.path())).toString()), cardsOf(first.toString()));
  // And the same file once more changes nothing.
  await chooseImport(page, { name: 'netzweber-contacts.vcf', mimeType: 'text/vcard', buffer: first });
  await region.getByText('Nothing to import: Netzweber already has everything in this file.').waitFor();
  await assertClean(null, page, problems);
  await context.close();
});

test('a large photo in a vCard is scaled like a picked one; one the browser cannot draw is listed as left out', async () => {
  const { context, page, problems } = await openPage(env.browser, env.server);
  await page.goto(env.server.url('settings'));
  await appReady(page);
  const region = page.getByRole('region', { name: 'Import contacts' });
  // A 1,200 × 900 photo as a phone's contacts app exports it.
  const large = (await bigPhoto(page)).buffer.toString('base64');
  // PNG's signature followed by nothing a browser can draw.
  const damaged = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]).toString('base64');
  const card = (name, photo) => ['BEGIN:VCARD', 'VERSION:4.0', `FN:${name}`, `PHOTO:data:image/png;base64,${photo}`, 'END:VCARD'].join('\r\n');
  const text = [card('Greta Groß', large), card('Paul Pixel', damaged)].join('\r\n') + '\r\n';
  await chooseImport(page, { name: 'phone.vcf', mimeType: 'text/vcard', buffer: Buffer.from(text) });
  const c = await previewCounts(region);
  assert.equal(c['New contacts'], '2');
  await region.locator('summary', { hasText: 'Photos left out' }).click();
  await region.getByText('Card 2', { exact: true }).waitFor();
  await region.getByRole('button', { name: 'Import' }).click();
  await region.getByText('Import finished. New contacts: 2; completed: 0; timeline entries: 0.').waitFor();

  await page.goto(env.server.url('contacts'));
  await page.getByRole('link', { name: /Greta Groß/ }).first().click();
  const img = page.getByRole('img', { name: 'Photo of Greta Groß' });
  await img.waitFor();
  await page.waitForFunction(() => document.querySelector('img[alt="Photo of Greta Groß"]')?.complete);
  const shown = await img.evaluate((el) => ({ w: el.naturalWidth, h: el.naturalHeight, src: el.src.slice(0, 23) }));
  assert.deepEqual(shown, { w: 256, h: 192, src: 'data:image/jpeg;base64,' });
  await page.goto(env.server.url('contacts'));
  await page.getByRole('link', { name: /Paul Pixel/ }).first().click();
  await page.getByRole('heading', { level: 1, name: 'Paul Pixel' }).waitFor();
  assert.equal(await page.getByRole('img', { name: 'Photo of Paul Pixel' }).count(), 0);
  await assertClean(null, page, problems);
  await context.close();
});

test('LinkedIn messages chosen with the connections become timeline entries once', async () => {
  const { context, page, problems } = await openPage(env.browser, env.server);
  await page.goto(env.server.url('settings'));
  await appReady(page);
  const region = page.getByRole('region', { name: 'Import contacts' });
  const fixture = async (name) => ({ name, mimeType: 'text/csv', buffer: await readFile(new URL(`../data/interop/${name}`, import.meta.url)) });
  const files = [await fixture('linkedin-2024.csv'), await fixture('linkedin-messages.csv')];
  // The connections first: Martina's last contact is the day they connected.
  await chooseImport(page, files[0]);
  await previewCounts(region);
  await region.getByRole('button', { name: 'Import' }).click();
  await region.getByText('Import finished. New contacts: 6; completed: 0; timeline entries: 0.').waitFor();
  const martina = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: /Martina Müller/ }) });
  await page.goto(env.server.url('contacts'));
  await martina.waitFor();
  // Connected, but nothing said yet.
  assert.equal(await martina.getByText(/^Last contact /).count(), 0, await martina.innerText());

  await page.goto(env.server.url('settings'));
  await appReady(page);
  await chooseImport(page, files);
  const c = await previewCounts(region);
  assert.equal(c['Already in Netzweber, nothing new'], '6');
  assert.equal(c['New timeline entries from LinkedIn messages'], '2');
  assert.equal(c['Conversations with people who are not your contacts (left out)'], '2');
  // No profile link yet: the user is asked who they are, the busiest person guessed.
  const who = region.getByLabel('Which of these people are you?');
  assert.equal(await who.locator('option:checked').innerText(), 'Mia Sommer (3 conversations)');
  await region.getByText('Netzweber remembers your choice as your profile link under “My profile”.').waitFor();
  assert.deepEqual(await axe(page), []);
  await shot(page, 'import-linkedin-messages');
  // A wrong choice changes whose side each message is on, and the preview with it.
  await who.selectOption({ label: 'Martina Müller (1 conversation)' });
  await page.waitForFunction(() => document.querySelector('#import-owner option:checked')?.textContent.startsWith('Martina'));
  assert.equal((await previewCounts(region))['New timeline entries from LinkedIn messages'], '0');
  await region.getByLabel('Which of these people are you?').selectOption({ label: 'Mia Sommer (3 conversations)' });
  await page.waitForFunction(() => document.querySelector('#import-owner option:checked')?.textContent.startsWith('Mia'));
  assert.equal((await previewCounts(region))['New timeline entries from LinkedIn messages'], '2');
  await region.getByRole('button', { name: 'Import' }).click();
  await region.getByText('Import finished. New contacts: 0; completed: 0; timeline entries: 2.').waitFor();
  // Remembered: the profile now holds the link, so the next file is not asked about.
  await page.getByLabel('Profile link').and(page.locator('input')).first().waitFor();
  await page.waitForFunction(() => document.querySelector('#profile-url')?.value === 'https://www.linkedin.com/in/mia-sommer');

  await page.goto(env.server.url('contacts'));
  await martina.getByText(/^Last contact /).waitFor();
  assert.equal(await martina.getByText(/^Last contact /).innerText(), 'Last contact 12 Oct 2024', 'the day of the last message');
  await page.getByRole('link', { name: /Martina Müller/ }).first().click();
  await page.getByRole('heading', { level: 1, name: 'Martina Müller' }).waitFor();
  await page.getByText(/LinkedIn: Coffee\?/).waitFor();
  await page.getByText(/You: Thanks again!/).waitFor();

  // Both files again: nothing new.
  await page.goto(env.server.url('settings'));
  await appReady(page);
  await chooseImport(page, files);
  const again = await previewCounts(region);
  await region.getByText('Your own messages were recognised as those of Mia Sommer.').waitFor();
  assert.equal(await region.getByLabel('Which of these people are you?').count(), 0);
  assert.equal(again['New timeline entries from LinkedIn messages'], '0');
  assert.equal(again['Timeline entries imported before'], '2');
  await region.getByText('Nothing to import: Netzweber already has everything in this file.').waitFor();
  await assertClean(null, page, problems);
  await context.close();
});

test('a spreadsheet from Google or Outlook: columns guessed from their names, corrected by the user, previewed, imported', async () => {
  const { context, page, problems } = await openPage(env.browser, env.server);
  await page.goto(env.server.url('settings'));
  await appReady(page);
  const region = page.getByRole('region', { name: 'Import contacts' });
  const google = [
    'Name,Given Name,Family Name,E-mail 1 - Type,E-mail 1 - Value,Organization 1 - Name,Organization 1 - Title,Birthday,Group Membership,Website 1 - Value,Notes',
    'Anna Weiß,Anna,Weiß,* Work,anna@example.org,"Acme, Inc.",Researcher,1985-04-14,* myContacts ::: UX,https://www.linkedin.com/in/anna-weiss,=cmd()',
    'Bo,,,,bo@example.org,Beta,,--06-01,,,',
  ].join('\r\n');
  await chooseImport(page, csvFile('google.csv', google));
  await region.getByRole('heading', { name: 'Which column holds what?' }).waitFor();
  assert.equal(await region.getByLabel('Given Name').inputValue(), 'first_name');
  assert.equal(await region.getByLabel('E-mail 1 - Type').inputValue(), 'ignore');
  assert.equal(await region.getByLabel('E-mail 1 - Value').inputValue(), 'email');
  assert.equal(await region.getByLabel('Organization 1 - Title').inputValue(), 'role');
  await region.getByText('e.g. “anna@example.org”').waitFor();
  assert.deepEqual(await axe(page), []);
  await shot(page, 'import-spreadsheet-mapping');
  // Nothing named: the user is told, nothing happens.
  for (const column of ['Name', 'Given Name', 'Family Name']) await region.getByLabel(column, { exact: true }).selectOption('ignore');
  await region.getByRole('button', { name: 'Show what would be imported' }).click();
  await region.getByRole('alert').getByText('Choose the column (or columns) that hold the name.').waitFor();
  await region.getByLabel('Name', { exact: true }).selectOption('full_name');
  await region.getByLabel('Notes').selectOption('hook');
  await region.getByRole('button', { name: 'Show what would be imported' }).click();
  const c = await previewCounts(region);
  assert.equal(c['New contacts'], '2');
  await region.getByRole('button', { name: 'Import' }).click();
  await region.getByText('Import finished. New contacts: 2; completed: 0; timeline entries: 0.').waitFor();
  await page.goto(env.server.url('contacts'));
  await page.getByRole('link', { name: /Anna Weiß/ }).first().click();
  await page.getByText('Researcher · Acme, Inc.').waitFor();
  await page.getByText('=cmd()').first().waitFor();

  // Netzweber's own spreadsheet (German, semicolons) maps itself and imports nothing twice.
  await page.goto(env.server.url('settings'));
  await appReady(page);
  const exportRegion = page.getByRole('region', { name: 'Export contacts and calendar' });
  await exportRegion.getByLabel('Spreadsheet separator').selectOption(';');
  const [file] = await Promise.all([page.waitForEvent('download'), exportRegion.getByRole('button', { name: 'Contacts as spreadsheet (.csv)' }).click()]);
  const own = await readFile(await file.path());
  assert.ok(own.toString().startsWith('\ufeffFirst name;Last name;'));
  await chooseImport(page, csvFile('own.csv', own));
  assert.equal(await region.getByLabel('Last contact').inputValue(), 'ignore');
  assert.equal(await region.getByLabel('Where we met').inputValue(), 'occasion');
  await region.getByRole('button', { name: 'Show what would be imported' }).click();
  const again = await previewCounts(region);
  assert.equal(again['Already in Netzweber, nothing new'], '2');
  await region.getByText('Nothing to import: Netzweber already has everything in this file.').waitFor();
  await assertClean(null, page, problems);
  await context.close();
});
