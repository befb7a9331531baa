// The contacts module as a user meets it: recording someone with every field and a photo,
// the timeline and promises, Today, search with and without umlauts, filters, introductions,
// merging duplicates, delete and undo, the unsaved-changes warning, and hostile text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { useServerAndBrowser, openPage, assertClean, appReady, axe, shot, seed as seedWith, bigPhoto } from './support.mjs';

const env = useServerAndBrowser();
const blns = JSON.parse(await readFile(new URL('../data/blns.json', import.meta.url), 'utf8'));

const meta = (id) => ({ id, created: '2026-01-01T10:00:00Z', updated: '2026-01-01T10:00:00Z', revision: 1 });
const person = (id, first_name, last_name, more = {}) => ({ meta: meta(id), first_name, last_name, ...more });
const seed = (page, records) => seedWith(page, env.server, records);

test('record a contact with every field and a photo, log a call and a promise, find it all after a reload', async () => {
  const { context, page, problems } = await openPage(env.browser, env.server);
  await page.clock.install({ time: new Date('2026-03-10T10:00:00') });
  await page.goto(env.server.url('contacts'));
  await appReady(page);
  await page.getByRole('heading', { name: 'Start with one person' }).waitFor();
  assert.deepEqual(await axe(page), []);
  await page.getByRole('link', { name: 'Add your first contact' }).click();
  await page.getByRole('heading', { level: 1, name: 'New contact' }).waitFor();

  // Nothing typed yet: saving explains what is missing, in place.
  await page.getByRole('button', { name: 'Save contact' }).click();
  await page.getByText('Please enter a first or last name.').waitFor();
  assert.equal(await page.getByLabel('First name').getAttribute('aria-invalid'), 'true');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'first-name');

  await page.getByLabel('First name').fill('Jürgen');
  await page.getByLabel('Last name').fill('Müller');
  // Pasting an image anywhere in the form sets the photo…
  await page.getByLabel('Notes').evaluate(async (notes) => {
    const c = document.createElement('canvas');
    c.width = 300;
    c.height = 600;
    c.getContext('2d').fillRect(0, 0, 300, 600);
    const blob = await new Promise((r) => c.toBlob(r, 'image/png'));
    const data = new DataTransfer();
    data.items.add(new File([blob], 'pasted.png', { type: 'image/png' }));
    notes.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  const preview = page.getByRole('img', { name: 'Photo preview' });
  await preview.waitFor();
  assert.deepEqual(await preview.evaluate((img) => [img.naturalWidth, img.naturalHeight]), [128, 256]);
  assert.equal(await page.getByLabel('Notes').inputValue(), '', 'the image is not pasted as text');
  // … and picking a file replaces it.
  await page.getByLabel('Choose a photo…').setInputFiles(await bigPhoto(page));
  await page.waitForFunction(() => document.querySelector('.photo-field img')?.naturalWidth === 256);
  await page.getByLabel('Company').fill('Acme, Inc.');
  await page.getByLabel('Role').fill('Head of UX Research');
  await page.getByLabel('Field or industry').fill('Software');
  await page.getByLabel('City').fill('Köln');
  await page.getByLabel('Email').fill('juergen@example');
  await page.getByLabel('Phone').fill('+49 221 123456');
  await page.getByLabel('Profile links').fill('javascript:alert(1)\nhttps://www.linkedin.com/in/jmueller');
  await page.getByLabel('Prefers to be reached by').selectOption({ label: 'Phone' });
  await page.getByLabel('Where we met').fill('UX Meetup Köln');
  await page.getByLabel('When we met').fill('2026-03-09');
  await page.getByLabel('Hook').fill('We both left consulting for research.');
  await page.getByRole('radio', { name: /^Core/ }).check();
  await page.getByLabel('Keep in touch every … days').fill('21');
  await page.getByLabel('Tags').fill('UX, mentor');
  await page.getByLabel('Day', { exact: true }).fill('12');
  await page.getByLabel('Month', { exact: true }).selectOption({ label: 'March' });
  await page.getByLabel('Year', { exact: true }).fill('2027');
  await page.getByLabel('Notes').fill('Offered to review my portfolio. <b>not bold</b>');
  await page.getByRole('button', { name: 'Save contact' }).click();
  // Every problem is named next to its field, and nothing is saved.
  await page.getByText('This is not an email address').waitFor();
  await page.getByText('Line 1: only web addresses starting with https:// or http:// are allowed.').waitFor();
  await page.getByText('Please give a year between 1900 and this year, or none.').waitFor();
  await page.getByText('Please correct the marked fields; nothing was saved.').waitFor();
  assert.deepEqual(await axe(page), []);
  await shot(page, 'contact-form-errors');
  await page.getByLabel('Email').fill('juergen@example.org');
  await page.getByLabel('Profile links').fill('https://www.linkedin.com/in/jmueller');
  await page.getByLabel('Year', { exact: true }).fill('1980');
  await page.getByRole('button', { name: 'Save contact' }).click();

  await page.getByRole('heading', { level: 1, name: 'Jürgen Müller' }).waitFor();
  const photo = page.getByRole('img', { name: 'Photo of Jürgen Müller' });
  await photo.waitFor();
  // Scaled in the browser: at most 256 pixels on the longer side.
  const size = await photo.evaluate((img) => [img.naturalWidth, img.naturalHeight]);
  assert.deepEqual(size, [256, 192]);
  await page.getByText('Head of UX Research · Acme, Inc.').waitFor();
  const linkedin = page.getByRole('link', { name: /LinkedIn/ });
  assert.equal(await linkedin.getAttribute('href'), 'https://www.linkedin.com/in/jmueller');
  assert.equal(await linkedin.getAttribute('target'), '_blank');
  assert.equal(await linkedin.getAttribute('rel'), 'noopener noreferrer');
  assert.equal(await page.getByRole('link', { name: 'juergen@example.org' }).getAttribute('href'), 'mailto:juergen@example.org');
  await page.getByText('12 March 1980 (46)').waitFor();
  await page.getByText('Offered to review my portfolio. <b>not bold</b>').waitFor();
  await page.getByText('Every 21 days').waitFor();

  // Log the call that just happened and the promise made in it.
  await page.getByLabel('Type of contact').selectOption({ label: 'Call' });
  await page.getByLabel('Summary').fill('Talked about research operations at Acme');
  await page.getByLabel('Keywords (comma-separated)').fill('ResearchOps, hiring');
  await page.getByRole('button', { name: 'Add to timeline' }).click();
  await page.getByRole('listitem').filter({ hasText: 'Talked about research operations' }).waitFor();
  await page.getByLabel('What was promised').fill('Send the article on research repositories');
  // Sending promised information is due tomorrow unless the user says otherwise.
  assert.equal(await page.getByLabel('Due').inputValue(), '2026-03-11');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await page.getByText('Send the article on research repositories').waitFor();
  await page.getByText('due 11 Mar 2026').waitFor();
  assert.deepEqual(await axe(page), []);
  await shot(page, 'contact-page');

  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Jürgen Müller' }).waitFor();
  await page.getByText('Talked about research operations at Acme').waitFor();
  await page.getByText('Send the article on research repositories').waitFor();
  await page.getByRole('img', { name: 'Photo of Jürgen Müller' }).waitFor();

  // A timeline entry can be corrected in place; cancelling changes nothing.
  await page.getByRole('button', { name: 'Edit Call of 10 Mar 2026' }).click();
  const correct = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Correct: Call of 10 Mar 2026' }) });
  assert.equal(await correct.getByLabel('Summary').inputValue(), 'Talked about research operations at Acme');
  assert.equal(await correct.getByLabel('Keywords (comma-separated)').inputValue(), 'ResearchOps, hiring');
  await correct.getByLabel('Summary').fill('Nothing to keep');
  await correct.getByRole('button', { name: 'Cancel' }).click();
  await page.getByText('Talked about research operations at Acme').waitFor();
  await page.getByRole('button', { name: 'Edit Call of 10 Mar 2026' }).click();
  // Focus moves into the form that took the entry's place.
  await page.waitForFunction(() => /^edit-.+-kind$/.test(document.activeElement?.id ?? ''));
  await correct.getByLabel('Type of contact').selectOption({ label: 'Meeting' });
  await correct.getByLabel('Summary').fill('Talked about research operations and repositories at Acme');
  assert.deepEqual(await axe(page), []);
  await shot(page, 'timeline-edit');
  await correct.getByRole('button', { name: 'Save changes' }).click();
  await page.getByText('Timeline entry updated.').waitFor();
  await page.getByRole('button', { name: 'Edit Meeting of 10 Mar 2026' }).waitFor();
  await page.reload();
  await page.getByText('Talked about research operations and repositories at Acme').waitFor();
  assert.equal(await page.getByText('Talked about research operations at Acme').count(), 0);

  // Edit keeps everything and shows the new value.
  await page.getByRole('link', { name: 'Edit' }).click();
  await page.getByRole('heading', { level: 1, name: 'Edit Jürgen Müller' }).waitFor();
  assert.equal(await page.getByLabel('Company').inputValue(), 'Acme, Inc.');
  assert.equal(await page.getByLabel('Tags').inputValue(), 'UX, mentor');
  await page.getByLabel('Role').fill('Director of Research');
  await page.getByRole('button', { name: 'Save contact' }).click();
  await page.getByText('Director of Research · Acme, Inc.').waitFor();
  await page.getByRole('img', { name: 'Photo of Jürgen Müller' }).waitFor();
  await assertClean(null, page, problems);
  await context.close();
});

/** A network of a few people, with dates relative to 10 March 2026. */
function network() {
  return {
    contacts: [
      person('jm', 'Jürgen', 'Müller', { circle: 'core', tags: ['ux'], company: 'Acme' }),
      person('am', 'Anna', 'Mueller', { company: 'Beta GmbH', birthday: { month: 3, day: 13 } }),
      person('bm', 'Bo', 'Muller', { circle: 'periphery', role: 'Acme alumni coordinator' }),
      person('ze', 'Zoë', 'Ek', { notes: 'Knows everyone at acme' }),
    ],
    interactions: [
      { meta: meta('i1'), contact_id: 'jm', kind: 'meeting', date: '2026-01-10', summary: 'Coffee about research' },
      { meta: meta('i2'), contact_id: 'am', kind: 'call', date: '2026-03-01', summary: 'Talked about mentoring' },
      { meta: meta('i3'), contact_id: 'bm', kind: 'event', date: '2024-05-01', summary: 'Met at the Acme summer party' },
      { meta: meta('i4'), contact_id: 'ze', kind: 'email', date: '2026-03-05', summary: 'Sent the quarterly newsletter' },
    ],
    follow_ups: [
      { meta: meta('f1'), contact_id: 'am', kind: 'i_promised', text: 'Send Anna the workshop slides', due: '2026-03-08' },
      { meta: meta('f2'), contact_id: 'ze', kind: 'they_offered', text: 'Zoë introduces me to her team lead', due: '2026-03-14' },
    ],
    photos: [], interview_plans: [], questions: [], templates: [], messages: [],
  };
}

test('Today lists overdue promises, due contacts, birthdays and a dormant contact worth reviving', async () => {
  const { context, page, problems } = await openPage(env.browser, env.server);
  await page.clock.install({ time: new Date('2026-03-10T10:00:00') });
  await seed(page, network());
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Today' }).click();
  await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
  const promises = page.getByRole('region', { name: 'Promises and follow-ups' });
  await promises.getByRole('heading', { name: 'Overdue' }).waitFor();
  await promises.getByText('Send Anna the workshop slides').waitFor();
  await promises.getByText('overdue since 8 Mar 2026').waitFor();
  await promises.getByText('Zoë introduces me to her team lead').waitFor();
  // Jürgen (core, 30 days) was last seen on 10 January: due since 9 February.
  const due = page.getByRole('region', { name: 'Due for contact' });
  await due.getByRole('link', { name: 'Jürgen Müller' }).waitFor();
  await due.getByText('Overdue by 29 days').waitFor();
  await page.getByRole('region', { name: 'Birthdays in the next two weeks' }).getByText('Anna Mueller').waitFor();
  const dormant = page.getByRole('region', { name: 'Worth reviving this week' });
  await dormant.getByRole('link', { name: 'Bo Muller', exact: true }).waitFor();
  assert.equal(await dormant.getByRole('link', { name: 'Write to Bo Muller' }).getAttribute('href'), '/netzweber/messages/new?contact=bm&purpose=reconnect');
  await dormant.getByText('Dormant contacts move in other circles').waitFor();
  assert.deepEqual(await axe(page), []);
  await shot(page, 'today');

  // Keeping a promise: tick it off and it leaves the overdue list (Today shows open
  // promises only), with a way back for a slip of the finger.
  await promises.getByRole('checkbox', { name: /Send Anna the workshop slides/ }).click();
  await promises.getByRole('heading', { name: 'Overdue' }).waitFor({ state: 'detached' });
  await page.getByText('Done: Send Anna the workshop slides').waitFor();
  await page.getByRole('button', { name: 'Undo' }).click();
  await promises.getByRole('heading', { name: 'Overdue' }).waitFor();
  await promises.getByRole('checkbox', { name: /Send Anna the workshop slides/ }).click();
  await promises.getByRole('heading', { name: 'Overdue' }).waitFor({ state: 'detached' });
  // Reviving Bo puts a reminder on today's list and takes him out of the suggestions.
  await dormant.getByRole('button', { name: 'Revive contact with Bo Muller' }).click();
  await promises.getByText('Get back in touch with Bo Muller').waitFor();
  await page.getByRole('region', { name: 'Worth reviving this week' }).waitFor({ state: 'detached' });

  // Logging a call with Jürgen from the contact list takes him off the due list.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Contacts' }).click();
  await page.getByRole('button', { name: 'Log an interaction with Jürgen Müller' }).click();
  await page.getByRole('heading', { name: 'Log an interaction with Jürgen Müller' }).waitFor();
  await page.getByLabel('Type of contact').selectOption({ label: 'Call' });
  await page.getByLabel('Summary').fill('Quick catch-up');
  await page.getByRole('button', { name: 'Add to timeline' }).click();
  await page.getByRole('heading', { name: 'Log an interaction with Jürgen Müller' }).waitFor({ state: 'detached' });
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Today' }).click();
  // Bo (periphery, last seen in May 2024) is still due; Jürgen is not any more.
  await page.getByRole('region', { name: 'Due for contact' }).getByRole('link', { name: 'Bo Muller' }).waitFor();
  assert.equal(await page.getByRole('region', { name: 'Due for contact' }).getByRole('link', { name: 'Jürgen Müller' }).count(), 0);
  await assertClean(null, page, problems);
  await context.close();
});

test('search finds people with and without umlauts, ranks names first, and filters narrow the list', async () => {
  const { context, page, problems } = await openPage(env.browser, env.server);
  await page.clock.install({ time: new Date('2026-03-10T10:00:00') });
  await seed(page, network());
  await page.goto(env.server.url('contacts'));
  await page.getByText('4 of 4 contacts').waitFor();
  const search = page.getByRole('searchbox', { name: 'Search' });
  const names = () => page.getByRole('list', { name: 'Contacts' }).locator('.contact-row__name').allInnerTexts();
  // The list updates as the user types; wait for it to settle on the expected names.
  const expectNames = async (expected, message) => {
    await page
      .waitForFunction(
        (want) => JSON.stringify([...document.querySelectorAll('.contact-list .contact-row__name')].map((e) => e.textContent)) === JSON.stringify(want),
        expected,
        { timeout: 5000 },
      )
      .catch(() => {});
    assert.deepEqual(await names(), expected, message);
  };
  for (const query of ['Müller', 'mueller', 'MULLER', 'mül']) {
    await search.fill(query);
    await expectNames(['Anna Mueller', 'Bo Muller', 'Jürgen Müller'], query);
    await page.getByText('3 of 4 contacts').waitFor();
  }
  // Company and role matches come before notes; equal ranks in name order.
  await search.fill('acme');
  await expectNames(['Bo Muller', 'Jürgen Müller', 'Zoë Ek']);
  // A name match beats everything else: Bo by name, the others only for "about" in
  // what was said.
  await search.fill('bo');
  await expectNames(['Bo Muller', 'Anna Mueller', 'Jürgen Müller']);
  // What was said is searchable too.
  await search.fill('mentoring');
  await expectNames(['Anna Mueller']);
  await search.fill('zoe');
  await expectNames(['Zoë Ek']);
  await search.fill('nobody like this');
  await page.getByText('No contact matches.').waitFor();
  await search.fill('');

  await page.getByLabel('Circle').selectOption({ label: 'Core' });
  await page.getByText('1 of 4 contacts').waitFor();
  await page.getByLabel('Circle').selectOption({ label: 'Any' });
  await page.getByLabel('Tag').selectOption('ux');
  await expectNames(['Jürgen Müller']);
  await page.getByLabel('Tag').selectOption({ label: 'Any' });
  await page.getByLabel('Show').selectOption({ label: 'Dormant' });
  await expectNames(['Bo Muller']);
  await page.getByLabel('Show').selectOption({ label: 'Due for contact' });
  await page.getByText('2 of 4 contacts').waitFor();
  await page.getByLabel('Show').selectOption({ label: 'All contacts' });
  await page.getByLabel('Sort by').selectOption({ label: 'Last contact' });
  await expectNames(['Zoë Ek', 'Anna Mueller', 'Jürgen Müller', 'Bo Muller']);
  assert.deepEqual(await axe(page), []);
  await shot(page, 'contacts-list');
  await assertClean(null, page, problems);
  await context.close();
});

test('introduce two contacts, merge a duplicate, delete and undo', async () => {
  const { context, page, problems } = await openPage(env.browser, env.server);
  await page.clock.install({ time: new Date('2026-03-10T10:00:00') });
  const data = network();
  data.contacts.push(
    person('al', 'Ada', 'Lovelace', { email: 'ada@example.org', tags: ['math'] }),
    person('al2', 'Ada', 'Lovelace', { email: 'ADA@example.org', company: 'Analytical Engines', notes: 'Prefers mornings' }),
    person('gh', 'Grace', 'Hopper', { company: 'Navy' }),
  );
  data.interactions.push({ meta: meta('i9'), contact_id: 'al2', kind: 'favour_received', date: '2026-02-01', summary: 'Reviewed my CV' });
  await seed(page, data);

  await page.goto(env.server.url('contacts/introduce'));
  await page.getByRole('heading', { level: 1, name: 'Introduce two contacts' }).waitFor();
  await page.getByLabel('First person').fill('grace');
  await page.getByRole('button', { name: 'Grace Hopper (Navy)' }).click();
  await page.getByLabel('Second person').fill('zoe');
  await page.getByRole('button', { name: 'Zoë Ek' }).click();
  await page.getByLabel('Why they should meet').fill('Both build developer tools');
  assert.deepEqual(await axe(page), []);
  await page.getByRole('button', { name: 'Record introduction' }).click();
  await page.getByText('Introduction recorded:').waitFor();
  await page.getByRole('status').getByRole('link', { name: 'Grace Hopper' }).click();
  await page.getByRole('heading', { level: 1, name: 'Grace Hopper' }).waitFor();
  const timeline = page.getByRole('region', { name: 'Timeline' });
  await timeline.getByText('Both build developer tools').waitFor();
  await timeline.getByRole('link', { name: 'Zoë Ek' }).waitFor();
  await page.getByText('Ask how the introduction to Zoë Ek went').waitFor();
  const give = page.getByRole('region', { name: 'Give and take' });
  await give.getByText('You have given more than you received.').waitFor();

  // Delete asks first, says what goes along, and can be undone.
  await page.getByRole('button', { name: 'Delete contact…' }).click();
  await page.getByText('Delete Grace Hopper? Their timeline (1) and promises (1) go with them.').waitFor();
  assert.deepEqual(await axe(page), []);
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Contacts' }).waitFor();
  await page.getByText('Grace Hopper was deleted.').waitFor();
  await page.getByText('6 of 6 contacts').waitFor();
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.getByText('7 of 7 contacts').waitFor();
  await page.getByRole('link', { name: /Grace Hopper/ }).click();
  await page.getByRole('region', { name: 'Timeline' }).getByText('Both build developer tools').waitFor();
  await page.getByText('Ask how the introduction to Zoë Ek went').waitFor();

  // Duplicates: same name and e-mail. Merging keeps the other one's timeline and fills gaps.
  await page.goto(env.server.url('contacts/duplicates'));
  await page.getByText('same name, same email').waitFor();
  await page.getByRole('link', { name: 'Ada Lovelace' }).first().click();
  await page.getByRole('heading', { level: 1, name: 'Ada Lovelace' }).waitFor();
  const dup = page.getByRole('region', { name: 'Possible duplicate' });
  await dup.getByRole('button', { name: /^Merge Ada Lovelace/ }).click();
  await dup.getByText('Merge Ada Lovelace into Ada Lovelace?').waitFor();
  assert.deepEqual(await axe(page), []);
  await shot(page, 'merge');
  await dup.getByRole('button', { name: 'Merge', exact: true }).click();
  await page.getByText('Ada Lovelace was merged into this contact.').waitFor();
  await page.getByRole('region', { name: 'Timeline' }).getByText('Reviewed my CV').waitFor();
  await page.getByText('Analytical Engines').first().waitFor();
  await page.getByText('Prefers mornings').waitFor();
  assert.equal(await page.getByRole('region', { name: 'Possible duplicate' }).count(), 0);
  await page.goto(env.server.url('contacts/duplicates'));
  await page.getByText('No duplicates found.').waitFor();
  await page.goto(env.server.url('contacts'));
  await page.getByText('6 of 6 contacts').waitFor();
  await assertClean(null, page, problems);
  await context.close();
});

test('leaving a form with unsaved changes asks first', async () => {
  const { context, page, problems } = await openPage(env.browser, env.server);
  await page.goto(env.server.url('contacts/new'));
  await page.getByRole('heading', { level: 1, name: 'New contact' }).waitFor();
  await page.getByLabel('First name').fill('Half-typed');
  let asked = '';
  page.once('dialog', (d) => { asked = d.message(); d.dismiss(); });
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Today' }).click();
  await page.waitForTimeout(200);
  assert.match(asked, /unsaved changes/);
  assert.equal(new URL(page.url()).pathname, '/netzweber/contacts/new');
  assert.equal(await page.getByLabel('First name').inputValue(), 'Half-typed');
  page.once('dialog', (d) => d.accept());
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Today' }).click();
  await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
  // A form without changes lets the user go without asking.
  await page.goto(env.server.url('contacts/new'));
  await page.getByRole('heading', { level: 1, name: 'New contact' }).waitFor();
  page.once('dialog', () => assert.fail('asked although nothing was typed'));
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Contacts' }).click();
  await page.getByRole('heading', { level: 1, name: 'Contacts' }).waitFor();
  await assertClean(null, page, problems);
  await context.close();
});

test('every string of the naughty-strings list is accepted and shown as text', async () => {
  const { context, page, problems } = await openPage(env.browser, env.server);
  const contacts = blns.map((s, i) => person(`n${i}`, `N${i}`, s, { company: s, notes: s, met: { occasion: s, hook: s }, tags: [s.slice(0, 400)] }));
  await seed(page, { contacts, interactions: blns.map((s, i) => ({ meta: meta(`ni${i}`), contact_id: `n${i}`, kind: 'call', date: '2026-01-01', summary: s, keywords: [s.slice(0, 400)] })) });
  await page.goto(env.server.url('contacts'));
  await page.getByText(`${blns.length} of ${blns.length} contacts`).waitFor();
  // Only the rows in view are in the page; scrolling brings the last one in.
  const rendered = await page.locator('.contact-row').count();
  assert.ok(rendered > 5 && rendered < 60, `rendered ${rendered} rows`);
  assert.equal(await page.getByRole('list', { name: 'Contacts' }).getByRole('listitem').first().getAttribute('aria-setsize'), String(blns.length));
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await page.locator(`.contact-row[aria-posinset="${blns.length}"]`).waitFor();
  // Open a handful of the nastiest ones: markup, scripts, RTL, zero-width and emoji.
  const picks = blns.map((s, i) => [s, i]).filter(([s]) => /<script|<img|onerror|\u202e|javascript:|👾/i.test(s)).slice(0, 6);
  assert.ok(picks.length >= 4);
  for (const [s, i] of picks) {
    await page.goto(env.server.url(`contacts/n${i}`));
    await page.getByRole('heading', { level: 1 }).filter({ hasText: `N${i}` }).waitFor();
    const text = await page.locator('main').innerText();
    assert.ok(text.includes(s.trim().split('\n')[0].trim()), `shown as text: ${JSON.stringify(s)}`);
  }
  // Typed into the form, the same strings save and come back unchanged.
  await page.goto(env.server.url('contacts/new'));
  const nasty = picks[0][0];
  await page.getByLabel('First name').fill('Typed');
  await page.getByLabel('Notes').fill(nasty);
  await page.getByRole('button', { name: 'Save contact' }).click();
  await page.getByRole('heading', { level: 1, name: 'Typed' }).waitFor();
  assert.ok((await page.locator('main').innerText()).includes(nasty.trim()));
  assert.equal(await page.evaluate(() => window.__xss ?? null), null);
  await assertClean(null, page, problems);
  await context.close();
});

test('the contact screens work at phone width and in German', async () => {
  const { context, page, problems } = await openPage(env.browser, env.server);
  await page.clock.install({ time: new Date('2026-03-10T10:00:00') });
  await seed(page, network());
  await page.getByRole('radio', { name: 'Deutsch' }).check();
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(env.server.url('contacts'));
  await page.getByRole('heading', { level: 1, name: 'Kontakte' }).waitFor();
  await page.getByText('4 von 4 Kontakten').waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), true);
  assert.deepEqual(await axe(page), []);
  await shot(page, 'contacts-list-de-phone');
  await page.getByRole('link', { name: /Jürgen Müller/ }).click();
  await page.getByRole('heading', { level: 1, name: 'Jürgen Müller' }).waitFor();
  await page.getByText('Seit 29 Tagen fällig').waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), true);
  assert.deepEqual(await axe(page), []);
  await shot(page, 'contact-page-de-phone');
  await page.goto(env.server.url(''));
  await page.getByRole('heading', { level: 1, name: 'Heute' }).waitFor();
  await page.getByRole('region', { name: 'Zusagen und Nachfassen' }).waitFor();
  assert.deepEqual(await axe(page), []);
  await shot(page, 'today-de-phone');
  await assertClean(null, page, problems);
  await context.close();
});

test('in December the year-end greetings list keeps its check-offs per year', async () => {
  const { context, page, problems } = await openPage(env.browser, env.server);
  await page.clock.install({ time: new Date('2026-12-02T09:00:00') });
  await seed(page, network());
  await page.goto(env.server.url(''));
  const card = page.getByRole('region', { name: 'Year-end greetings' });
  // Core and network circles are on the list; Bo (periphery) is not.
  await card.getByText('0 of 3 sent').waitFor();
  await card.getByRole('link', { name: 'Open the greetings list' }).click();
  await page.getByRole('heading', { level: 1, name: 'Year-end greetings 2026' }).waitFor();
  assert.equal(await page.getByRole('checkbox', { name: 'Bo Muller' }).count(), 0);
  await page.getByRole('checkbox', { name: 'Anna Mueller' }).check();
  await page.getByText('1 of 3 sent').waitFor();
  assert.deepEqual(await axe(page), []);
  await shot(page, 'greetings');
  await page.reload();
  await page.getByText('1 of 3 sent').waitFor();
  assert.equal(await page.getByRole('checkbox', { name: 'Anna Mueller' }).isChecked(), true);
  await assertClean(null, page, problems);
  await context.close();
});

test('a deleted timeline entry (double click: deleted once) comes back with Undo, and the contact’s last contact follows both', async () => {
  const { context, page, problems } = await openPage(env.browser, env.server);
  await page.clock.install({ time: new Date('2026-03-10T10:00:00') });
  await seed(page, {
    contacts: [person('c-lin', 'Lin', 'Ortega')],
    interactions: [
      { meta: meta('i-old'), contact_id: 'c-lin', kind: 'meeting', date: '2026-01-15', summary: 'Coffee after the meetup' },
      { meta: meta('i-new'), contact_id: 'c-lin', kind: 'call', date: '2026-03-02', summary: 'Call about the research team' },
    ],
  });
  await page.goto(env.server.url('contacts/c-lin'));
  await page.getByRole('heading', { level: 1, name: 'Lin Ortega' }).waitFor();
  const timeline = page.getByRole('region', { name: 'Timeline' });
  const lastContact = page.locator('dt', { hasText: 'Last contact' }).locator('xpath=following-sibling::dd[1]');
  await timeline.getByText('Call about the research team').waitFor();
  const shows = async (text) => {
    await page.waitForFunction(
      (text) => [...document.querySelectorAll('dt')].some((dt) => dt.textContent === 'Last contact' && dt.nextElementSibling?.textContent === text),
      text,
    );
  };
  await shows('2 Mar 2026');
  // A double click deletes once and reports no failure.
  await timeline.getByRole('button', { name: 'Delete Call of 2 Mar 2026' }).dblclick();
  await page.getByText('Timeline entry deleted.').waitFor();
  await timeline.getByText('Call about the research team').waitFor({ state: 'detached' });
  await shows('15 Jan 2026');
  assert.equal(await page.getByRole('alert').count(), 0);
  assert.equal(await page.getByRole('button', { name: 'Undo' }).count(), 1);
  await page.getByRole('button', { name: 'Undo' }).click();
  await timeline.getByText('Call about the research team').waitFor();
  await timeline.getByText('Coffee after the meetup').waitFor();
  await shows('2 Mar 2026');
  assert.equal(await lastContact.innerText(), '2 Mar 2026');
  assert.deepEqual(await axe(page), []);
  await assertClean(null, page, problems);
  await context.close();
});
