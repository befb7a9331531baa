// Netzweber on a phone (issue 16): the tab bar, quick capture at an event, sharing a
// profile from another app, and what an installed app offers (manifest shortcuts and
// share target).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, useServerAndBrowser, openPage, assertClean, appReady, axe, shot, seed } from './support.mjs';

const env = useServerAndBrowser();
const PHONE = { viewport: { width: 390, height: 844 }, mobile: true };

const meta = (id) => ({ id, created: '2026-09-01T10:00:00Z', updated: '2026-09-01T10:00:00Z', revision: 1 });
const contacts = [
  { meta: meta('anna'), first_name: 'Anna-Lena', last_name: 'Weiss', company: 'Acme', links: ['https://www.linkedin.com/in/anna-lena-weiss-12345/'] },
  { meta: meta('ben'), first_name: 'Ben', last_name: 'Weber', company: 'Beta' },
];

/** Every button, field and stand-alone link a finger has to hit, smaller than 44 × 44. */
async function smallTargets(page) {
  return page.evaluate(() => [...document.querySelectorAll('button, a, input, select, textarea, summary, [role=button]')]
    .filter((el) => {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || getComputedStyle(el).visibility === 'hidden') return false;
      // Visually hidden (a file input styled through its label): the label is the target.
      if (r.width <= 1 && r.height <= 1) return false;
      // A link inside a sentence is exempt (WCAG 2.5.8): its line is the target.
      if (el.tagName === 'A' && getComputedStyle(el).display === 'inline') return false;
      if (el.type === 'checkbox' || el.type === 'radio') return false;
      return r.width < 44 || r.height < 44;
    })
    .map((el) => `${el.tagName.toLowerCase()} "${(el.getAttribute('aria-label') || el.textContent || el.id).trim().slice(0, 40)}" ${Math.round(el.getBoundingClientRect().width)}×${Math.round(el.getBoundingClientRect().height)}`));
}

test('on a phone the navigation is a tab bar at the bottom, every target at least 44 px', async () => {
  const { context, page, problems } = await openPage(env.browser, env.server, PHONE);
  await seed(page, env.server, { contacts });
  await page.goto(env.server.url(''));
  await appReady(page);
  const nav = page.getByRole('navigation', { name: 'Main' });
  const tabs = await nav.getByRole('link').filter({ visible: true }).allInnerTexts();
  assert.deepEqual(tabs.map((t) => t.trim()), ['Today', 'Contacts', 'Interviews', 'Messages', 'More']);
  const box = await nav.boundingBox();
  assert.ok(Math.abs(box.y + box.height - 844) < 1, `the bar sits at the bottom (${box.y} + ${box.height})`);
  assert.equal(await nav.getByRole('link', { name: 'Today' }).getAttribute('aria-current'), 'page');
  assert.deepEqual(await smallTargets(page), []);
  assert.deepEqual(await axe(page), []);
  await shot(page, 'phone-today');

  // "More" leads to the sections without a tab, and stays marked there.
  await nav.getByRole('link', { name: 'More' }).tap();
  await page.getByRole('heading', { level: 1, name: 'More' }).waitFor();
  await page.getByRole('link', { name: 'Insights' }).tap();
  await page.getByRole('heading', { level: 1, name: 'Insights' }).waitFor();
  assert.equal(await nav.getByRole('link', { name: 'More' }).getAttribute('aria-current'), 'page');
  for (const path of ['contacts', 'contacts/anna', 'contacts/new', 'more', 'contacts/capture', 'interviews', 'interviews/new', 'interviews/questions', 'messages', 'messages/new', 'insights', 'settings']) {
    await page.goto(env.server.url(path));
    await appReady(page);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    assert.deepEqual(await smallTargets(page), [], path);
  }
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(env.server.url('contacts/capture?url=https%3A%2F%2Flinkedin.com%2Fin%2Fanna-lena-weiss-12345'));
  await page.getByText('Anna-Lena Weiss already has this profile link.').waitFor();
  assert.deepEqual(await axe(page), []);
  await shot(page, 'phone-capture-dark');
  await page.goto(env.server.url('contacts'));
  await page.getByRole('heading', { level: 1, name: 'Contacts' }).waitFor();
  assert.deepEqual(await axe(page), []);
  await shot(page, 'phone-contacts-dark');
  await assertClean(null, page, problems);
  await context.close();
});

test('quick capture: three people met at one event in a row, the occasion kept, each found afterwards', async () => {
  const { context, page, problems } = await openPage(env.browser, env.server, PHONE);
  await page.goto(env.server.url(''));
  await appReady(page);
  const started = Date.now();
  let taps = 0;
  const tap = async (locator) => { taps += 1; await locator.tap(); };
  const type = async (label, text) => { taps += 1; await page.getByLabel(label, { exact: true }).tap(); await page.getByLabel(label, { exact: true }).fill(text); };
  await tap(page.getByRole('link', { name: 'Quick capture' }));
  await page.getByRole('heading', { level: 1, name: 'Quick capture' }).waitFor();
  assert.deepEqual(await axe(page), []);
  await type('Name', 'Clara Hofmann');
  await type('Company', 'Gamma');
  await type('Where we met', 'UX Barcamp Köln');
  await tap(page.getByRole('button', { name: 'Save and next' }));
  await page.getByText('Clara Hofmann saved. Next person.').waitFor();
  const firstPerson = { taps, seconds: (Date.now() - started) / 1000 };
  // The next person: name focused, occasion kept.
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'capture-name');
  assert.equal(await page.getByLabel('Where we met').inputValue(), 'UX Barcamp Köln');
  assert.equal(await page.getByLabel('Name', { exact: true }).inputValue(), '');
  await page.getByLabel('Name', { exact: true }).fill('Dario Rossi');
  await page.getByLabel('Keywords of what we talked about').fill('research ops, hiring');
  await page.getByRole('button', { name: 'Save and next' }).tap();
  await page.getByText('Dario Rossi saved. Next person.').waitFor();
  await page.getByLabel('Name', { exact: true }).fill('Eli Novak');
  await page.getByLabel('I promised … (due tomorrow)').fill('Send the barcamp notes');
  await shot(page, 'phone-capture');
  await page.getByRole('button', { name: 'Save and open' }).tap();
  await page.getByRole('heading', { level: 1, name: 'Eli Novak' }).waitFor();
  await page.getByText('Send the barcamp notes').waitFor();
  await page.getByText('UX Barcamp Köln').first().waitFor();
  // A second tap while saving writes once: each person exists once.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Contacts' }).tap();
  const list = page.getByRole('list', { name: 'Contacts' });
  for (const name of ['Clara Hofmann', 'Dario Rossi', 'Eli Novak']) {
    await list.getByRole('link', { name: new RegExp(`^${name}`) }).waitFor();
    assert.equal(await list.getByRole('link', { name: new RegExp(`^${name}`) }).count(), 1);
  }
  await list.getByRole('link', { name: /^Dario Rossi/ }).tap();
  await page.getByText('research ops').first().waitFor();
  // The same person's details through the full form, counted the same way.
  await page.goto(env.server.url(''));
  await appReady(page);
  taps = 0;
  const fullStarted = Date.now();
  await tap(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Contacts' }));
  await tap(page.getByRole('link', { name: 'Add contact' }));
  await type('First name', 'Fiona');
  await type('Last name', 'Berg');
  await type('Company', 'Gamma');
  await type('Where we met', 'UX Barcamp Köln');
  await tap(page.getByRole('button', { name: 'Save contact' }));
  await page.getByRole('heading', { level: 1, name: 'Fiona Berg' }).waitFor();
  const fullForm = { taps, seconds: (Date.now() - fullStarted) / 1000 };
  console.log(`# one person from Today: quick capture ${firstPerson.taps} taps (${firstPerson.seconds.toFixed(1)} s automated), full form ${fullForm.taps} taps (${fullForm.seconds.toFixed(1)} s); the next person at the same event: 3 taps`);
  assert.ok(firstPerson.taps < fullForm.taps);

  // Nothing but a name is needed; a hostile link is refused at its field, nothing written.
  await page.goto(env.server.url('contacts/capture'));
  await page.getByRole('heading', { level: 1, name: 'Quick capture' }).waitFor();
  await page.getByRole('button', { name: 'Save and next' }).tap();
  await page.getByText('Please enter a first or last name.').waitFor();
  await page.getByLabel('Name', { exact: true }).fill('Mallory');
  await page.getByLabel('Profile link').fill('javascript:alert(1)');
  await page.getByRole('button', { name: 'Save and next' }).tap();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'capture-link');
  assert.equal(await page.getByLabel('Name', { exact: true }).inputValue(), 'Mallory');
  await assertClean(null, page, problems);
  await context.close();
});

test('sharing a LinkedIn profile into Netzweber fills the sheet and warns about a contact who has it', async () => {
  const { context, page, problems } = await openPage(env.browser, env.server, PHONE);
  await seed(page, env.server, { contacts });
  const share = (params) => env.server.url(`contacts/capture?${new URLSearchParams(params)}`);
  await page.goto(share({ text: 'Check out this profile https://www.linkedin.com/in/jonas-m%C3%BCller-b7a4b1234', title: '' }));
  await page.getByRole('heading', { level: 1, name: 'Quick capture' }).waitFor();
  assert.equal(await page.getByLabel('Name', { exact: true }).inputValue(), 'Jonas Müller');
  await page.getByText('Guessed from what was shared: please check the name.').waitFor();
  assert.equal(await page.getByLabel('Profile link').inputValue(), 'https://www.linkedin.com/in/jonas-müller-b7a4b1234');
  assert.equal(await page.getByText('already has this profile link').count(), 0);

  await page.goto(share({ url: 'https://linkedin.com/in/anna-lena-weiss-12345' }));
  await page.getByRole('heading', { level: 1, name: 'Quick capture' }).waitFor();
  assert.equal(await page.getByLabel('Name', { exact: true }).inputValue(), 'Anna-Lena Weiss');
  await page.getByText('Anna-Lena Weiss already has this profile link.').waitFor();
  assert.deepEqual(await axe(page), []);
  await shot(page, 'phone-share-existing');
  await page.getByRole('link', { name: 'Open Anna-Lena Weiss' }).tap();
  await page.getByRole('heading', { level: 1, name: 'Anna-Lena Weiss' }).waitFor();

  // Plain text goes on a chosen contact's timeline.
  await page.goto(share({ text: 'Great talk about research ops <b>today</b>' }));
  const log = page.getByRole('region', { name: 'Log the shared text' });
  await log.getByLabel('On the timeline of').fill('ben');
  await log.getByRole('button', { name: 'Ben Weber (Beta)' }).tap();
  assert.equal(await log.getByLabel('Summary').inputValue(), 'Great talk about research ops <b>today</b>');
  await log.getByRole('button', { name: 'Add to timeline' }).tap();
  await log.getByText('Added to the timeline of').waitFor();
  await log.getByRole('link', { name: 'Ben Weber' }).tap();
  await page.getByText('Great talk about research ops <b>today</b>').waitFor();
  await assertClean(null, page, problems);
  await context.close();
});

test('desktop keeps the header navigation; the manifest offers shortcuts and a share target', async () => {
  const { context, page, problems } = await openPage(env.browser, env.server, { viewport: { width: 1280, height: 800 } });
  await page.goto(env.server.url(''));
  await appReady(page);
  const nav = page.getByRole('navigation', { name: 'Main' });
  const tabs = await nav.getByRole('link').filter({ visible: true }).allInnerTexts();
  assert.deepEqual(tabs.map((t) => t.trim()), ['Today', 'Contacts', 'Interviews', 'Messages', 'Insights', 'Settings']);
  assert.ok((await nav.boundingBox()).y < 100, 'in the header');
  await assertClean(null, page, problems);
  await context.close();

  const manifest = JSON.parse(readFileSync(join(DIST, 'manifest.webmanifest'), 'utf8'));
  assert.deepEqual(manifest.shortcuts.map((s) => s.url), ['contacts/capture', './', 'messages/new']);
  assert.deepEqual(manifest.share_target, { action: 'contacts/capture', method: 'GET', enctype: 'application/x-www-form-urlencoded', params: { title: 'title', text: 'text', url: 'url' } });
  // Screenshots for the install dialog, narrow and wide, there but not precached.
  assert.deepEqual(manifest.screenshots.map((s) => s.form_factor), ['narrow', 'wide']);
  const sw = readFileSync(join(DIST, 'sw.js'), 'utf8');
  for (const shot of manifest.screenshots) {
    const res = await fetch(new URL(shot.src, env.server.url('manifest.webmanifest')));
    assert.equal(res.status, 200, shot.src);
    assert.equal(res.headers.get('content-type')?.split(';')[0], 'image/jpeg');
    assert.ok(!sw.includes(shot.src), `${shot.src} is not precached`);
  }
  // Each shortcut opens the app (on a plain static host through 404.html, as deep links do).
  for (const s of manifest.shortcuts) {
    const res = await fetch(new URL(s.url, env.server.url('manifest.webmanifest')));
    assert.match(await res.text(), /<title>/, s.url);
  }
});

test('installing: the browser\'s offer becomes a button in Settings; installed, the icon counts what is due', async () => {
  const { context, page, problems } = await openPage(env.browser, env.server, PHONE);
  await page.goto(env.server.url('settings'));
  await appReady(page);
  const install = page.getByRole('region', { name: 'Install Netzweber' });
  // Headless Chromium makes no offer: the section says where else to look.
  await install.getByText('Your browser does not offer installing right now.', { exact: false }).waitFor();
  // The offer arrives (as Chrome fires it, kept by index.html): a button that prompts once.
  await page.evaluate(() => {
    window.nwInstall = { prompt() { window.prompted = (window.prompted ?? 0) + 1; } };
    dispatchEvent(new Event('nw-installable'));
  });
  await install.getByRole('button', { name: 'Install Netzweber' }).tap();
  assert.equal(await page.evaluate(() => window.prompted), 1);
  await install.getByRole('button', { name: 'Install Netzweber' }).waitFor({ state: 'detached' });
  await assertClean(null, page, problems);
  await context.close();

  // Installed (display-mode standalone): the badge shows the follow-ups due today or
  // overdue, and is cleared when none are left.
  const app = await openPage(env.browser, env.server, PHONE);
  await app.context.addInitScript(() => {
    const real = window.matchMedia.bind(window);
    window.matchMedia = (q) => (q.includes('display-mode: standalone') ? { matches: true, media: q, addEventListener() {}, removeEventListener() {} } : real(q));
    window.badges = [];
    navigator.setAppBadge = (n) => { window.badges.push(n); return Promise.resolve(); };
    navigator.clearAppBadge = () => { window.badges.push(0); return Promise.resolve(); };
  });
  const due = (id, contact, day) => ({ meta: meta(id), contact_id: contact, kind: 'i_promised', text: `Promise ${id}`, due: day });
  await seed(app.page, env.server, { contacts, follow_ups: [due('f1', 'anna', '2020-01-01'), due('f2', 'ben', '2099-01-01')] });
  await app.page.goto(env.server.url(''));
  await appReady(app.page);
  await app.page.waitForFunction(() => window.badges.at(-1) === 1);
  await assertClean(null, app.page, app.problems);
  await app.context.close();
});

test('people picked from the phone\'s contacts go through the import\'s preview and duplicate rules; no button without the picker', async () => {
  const plain = await openPage(env.browser, env.server, PHONE);
  await plain.page.goto(env.server.url('settings'));
  await appReady(plain.page);
  await plain.page.getByRole('region', { name: 'Import contacts' }).waitFor();
  assert.equal(await plain.page.getByRole('button', { name: 'Add from phone contacts' }).count(), 0, 'hidden where the API does not exist');
  await plain.context.close();

  const { context, page, problems } = await openPage(env.browser, env.server, PHONE);
  await context.addInitScript(() => {
    window.ContactsManager = function ContactsManager() {};
    Object.defineProperty(navigator, 'contacts', { value: { select: async (props, options) => {
      window.asked = { props, multiple: options.multiple };
      return [
        { name: ['Greta Hansen'], email: ['greta@example.org'], tel: ['+49 30 1234567'] },
        { name: ['Anna-Lena Weiss'], email: [], tel: [] },
      ];
    } } });
  });
  await seed(page, env.server, { contacts });
  const region = page.getByRole('region', { name: 'Import contacts' });
  await region.getByRole('button', { name: 'Add from phone contacts' }).tap();
  await region.getByRole('button', { name: 'Import' }).waitFor();
  // Anna-Lena is already there with nothing new: the import's duplicate rule, not a second one.
  const preview = (await region.innerText()).replace(/\s+/g, ' ');
  assert.match(preview, /File phone-contacts\.vcf: New contacts 1 .* Already in Netzweber, nothing new 1 /);
  assert.deepEqual(await page.evaluate(() => window.asked), { props: ['name', 'email', 'tel'], multiple: true });
  assert.deepEqual(await axe(page), []);
  await region.getByRole('button', { name: 'Import' }).tap();
  await region.getByText('Import finished. New contacts: 1; completed: 0; timeline entries: 0.').waitFor();
  await page.goto(env.server.url('contacts'));
  await page.getByRole('list', { name: 'Contacts' }).getByRole('link', { name: /^Greta Hansen/ }).tap();
  await page.getByText('greta@example.org').waitFor();
  await assertClean(null, page, problems);
  await context.close();
});
