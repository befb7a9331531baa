// The request-message checklist as a user meets it: a message from a template for a
// contact, checks changing while typing, a failing check shown before copying, marking
// as sent, the 3- and 7-business-day reminders on Today as the clock moves on, recording
// the reply, the overview by status, and the LinkedIn note limit with and without Premium.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServerAndBrowser, openPage, assertClean, axe, shot, seed } from './support.mjs';

const env = useServerAndBrowser();

const meta = (id) => ({ id, created: '2026-11-01T10:00:00Z', updated: '2026-11-01T10:00:00Z', revision: 1 });
const anna = {
  meta: meta('c-anna'), first_name: 'Anna', last_name: 'Schmidt', company: 'Acme', email: 'anna@acme.example',
  met: { occasion: 'UX Camp Hamburg', hook: 'We met at the UX Camp in Hamburg' },
};
const profile = { meta: meta('profile'), profile: { name: 'Jonas Weber', headline: '', email: 'jonas@example.org', phone: '', profile_url: '' } };

const check = (page, name) => page.locator('.check-list > li').filter({ hasText: name });
const level = async (page, name) => (await check(page, name).getAttribute('class')).replace('check check--', '');
const summary = async (page) => page.locator('.checks-summary').innerText();
const passing = async (page) => page.locator('.check-list .check--pass').count();

test('compose from a template, watch the checks, copy, send, get reminded after 3 and 7 business days, record the reply', async () => {
  const { context, page, problems } = await openPage(env.browser, env.server, { timezoneId: 'Europe/Berlin' });
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  // Thursday, 3 December 2026.
  await page.clock.install({ time: new Date('2026-12-03T09:00:00+01:00') });
  await seed(page, env.server, { contacts: [anna] }, profile);
  await page.getByRole('link', { name: 'Messages' }).click();
  await page.getByRole('heading', { name: 'No messages yet' }).waitFor();
  assert.deepEqual(await axe(page), []);

  await page.getByRole('link', { name: 'Write a message' }).click();
  await page.getByRole('heading', { level: 1, name: 'Write a message' }).waitFor();
  await page.getByLabel('Recipient').fill('anna');
  await page.getByRole('button', { name: 'Anna Schmidt (Acme)' }).click();
  assert.equal(await page.getByLabel('Purpose').inputValue(), 'informational_interview');
  assert.deepEqual(await axe(page), []);
  await page.getByRole('button', { name: 'Start writing' }).click();

  await page.getByRole('heading', { level: 1, name: 'Message to Anna Schmidt' }).waitFor();
  const body = page.getByLabel('Text', { exact: true });
  const text = await body.inputValue();
  assert.match(text, /^Hello Anna,\n\nWe met at the UX Camp in Hamburg – /);
  assert.match(text, /Jonas Weber\njonas@example\.org$/);
  assert.equal(await page.getByLabel('Subject').inputValue(), 'Your view on working at Acme?');
  // The template's own introduction placeholder stays visible until filled.
  await page.getByText('Still to fill in: {my_intro}').waitFor();
  await body.fill(text.replace(' {my_intro}', ' I teach maths and move into UX research.'));
  await page.getByText('Still to fill in').waitFor({ state: 'detached' });
  for (const name of ['Personal greeting', 'Hook', 'Ask as a question', 'Not a job application', 'Calm tone', 'Small, time-bound ask', 'Something in return']) {
    assert.equal(await level(page, name), 'pass', name);
  }
  const met = await passing(page);
  assert.ok(met >= 9, `${met} automatic checks pass`);
  assert.equal(await summary(page), `${met} of 17 checks met`);
  assert.deepEqual(await axe(page), []);

  // Typing moves the checks: a CV reads like an application…
  await body.press('End');
  await body.pressSequentially(' My CV is attached.');
  await page.waitForFunction(() => document.querySelector('[data-check="no_application"]')?.classList.contains('check--fail'));
  await check(page, 'Not a job application').getByText('“CV” reads like a job application').waitFor();
  // …and saying it is not one fixes it.
  await body.fill((await body.inputValue()).replace(' My CV is attached.', ' I am not sending a CV.'));
  await page.waitForFunction(() => document.querySelector('[data-check="no_application"]')?.classList.contains('check--pass'));
  await check(page, 'Not a job application').getByText('Says clearly that it is not an application').waitFor();
  const before = await passing(page);
  await page.getByLabel('I read their current profile').check();
  await page.getByLabel('I noted what we have in common').check();
  await page.getByText(`${before + 2} of 17 checks met`).waitFor();

  // A failing check is shown before copying.
  await body.fill((await body.inputValue()).replace('Would you have 20 minutes', 'Please answer ASAP. Would you have 20 minutes'));
  await page.getByRole('button', { name: 'Copy text' }).click();
  const warning = page.getByRole('alert').filter({ hasText: 'Some checks fail:' });
  await warning.getByText('Calm tone: “asap” sounds pushy or pleading').waitFor();
  await shot(page, 'message-failing');
  await warning.getByRole('button', { name: 'Fix the message' }).click();
  assert.equal(await page.evaluate(() => document.activeElement.id), 'compose-body');
  await body.fill((await body.inputValue()).replace('Please answer ASAP. ', ''));
  await page.getByRole('button', { name: 'Copy text' }).click();
  await page.getByText('Copied. Paste it into the message.').waitFor();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(copied, /^Your view on working at Acme\?\n\nHello Anna,/);
  assert.doesNotMatch(copied, /ASAP/);
  await page.getByRole('status').filter({ hasText: 'All changes saved' }).waitFor();
  await shot(page, 'message-compose');

  // Sent: logged on the timeline, reminders after 3 and 7 business days (Tue 8, Mon 14).
  await page.getByRole('button', { name: 'Mark as sent' }).click();
  await page.getByText('Marked as sent.').waitFor();
  await page.getByText('No reply from Anna Schmidt yet: write to another person at Acme · 8 Dec 2026').waitFor();
  await page.getByText('Follow up once with Anna Schmidt · 14 Dec 2026').waitFor();
  assert.equal(await page.getByRole('button', { name: 'Mark as sent' }).count(), 0);
  assert.deepEqual(await axe(page), []);

  await page.getByRole('link', { name: 'Today' }).first().click();
  await page.getByRole('heading', { level: 1, name: /Today/ }).waitFor();
  assert.equal(await page.getByText('No reply from Anna Schmidt yet').count(), 1, 'listed under soon');
  // Tuesday 8 December: write to someone else at Acme.
  await page.clock.setSystemTime(new Date('2026-12-08T09:00:00+01:00'));
  await page.reload();
  const promises = page.getByRole('region', { name: 'Promises and follow-ups' });
  await promises.getByText('No reply from Anna Schmidt yet: write to another person at Acme').waitFor();
  // Monday 14 December: the one follow-up is due, the first reminder overdue.
  await page.clock.setSystemTime(new Date('2026-12-14T09:00:00+01:00'));
  await page.reload();
  await promises.getByText('Follow up once with Anna Schmidt').waitFor();
  assert.equal(await promises.getByRole('heading', { name: 'Overdue' }).count(), 1);
  assert.deepEqual(await axe(page), []);
  await shot(page, 'today-message-reminders');

  // The reply closes the reminders.
  await page.getByRole('link', { name: 'Messages' }).click();
  await page.getByRole('link', { name: /^Sent/ }).click();
  await page.getByRole('link', { name: 'Anna Schmidt' }).click();
  await page.getByRole('button', { name: 'Mark: Replied' }).click();
  await page.getByText('Marked: Replied. Open reminders are closed.').waitFor();
  await page.getByRole('link', { name: 'Today' }).first().click();
  await page.getByRole('heading', { level: 1, name: /Today/ }).waitFor();
  await page.waitForTimeout(300);
  assert.equal(await page.getByText('Follow up once with Anna Schmidt').count(), 0);
  // The contact's timeline has the message.
  await page.getByRole('link', { name: 'Contacts' }).first().click();
  await page.getByRole('link', { name: 'Anna Schmidt' }).click();
  await page.getByText(/I teach maths and move into UX research/).first().waitFor();
  // The overview counts by status.
  await page.getByRole('link', { name: 'Messages' }).click();
  const tabs = page.getByRole('navigation', { name: 'Messages by status' });
  assert.match(await tabs.getByRole('link', { name: /^Replied/ }).innerText(), /^Replied\s+1$/);
  assert.match(await tabs.getByRole('link', { name: /^Draft/ }).innerText(), /^Draft\s+0$/);
  assert.deepEqual(await axe(page), []);
  await shot(page, 'messages-overview');
  await assertClean(test, page, problems);
  await context.close();
});

test('a LinkedIn note counts against 200 characters, 300 with Premium; a German message in du form', async () => {
  const { context, page, problems } = await openPage(env.browser, env.server);
  await seed(page, env.server, { contacts: [anna] }, profile);
  await page.goto(env.server.url('messages/new?contact=c-anna&purpose=reconnect'));
  await page.getByRole('heading', { level: 1, name: 'Write a message' }).waitFor();
  await page.getByLabel('Channel').selectOption({ label: 'LinkedIn connection note' });
  await page.getByRole('button', { name: 'Start writing' }).click();
  await page.getByRole('heading', { level: 1, name: 'Message to Anna Schmidt' }).waitFor();
  const body = page.getByLabel('Text', { exact: true });
  assert.match(await body.inputValue(), /^Hi Anna, it has been a while – We met at the UX Camp in Hamburg\./);
  await check(page, 'Length').getByText(/ of 200 characters$/).waitFor();
  await body.fill('Hi Anna, ' + 'we met at the UX Camp in Hamburg and I still think about it. '.repeat(3) + 'Would you have 20 minutes?');
  await page.waitForFunction(() => document.querySelector('[data-check="length"]')?.classList.contains('check--fail'));
  await page.getByText(/ of 200 characters$/).first().waitFor();
  // Premium, set in Settings, allows 300.
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('I have LinkedIn Premium').check();
  await page.goBack();
  await page.getByRole('heading', { level: 1, name: 'Message to Anna Schmidt' }).waitFor();
  await page.waitForFunction(() => document.querySelector('[data-check="length"]')?.classList.contains('check--pass'));
  await check(page, 'Length').getByText(/ of 300 characters$/).waitFor();

  // German, du: the template and the checks speak German.
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Deutsch').check();
  await page.goto(env.server.url('messages/new?contact=c-anna'));
  await page.getByRole('heading', { level: 1, name: 'Nachricht schreiben' }).waitFor();
  await page.getByLabel('du', { exact: true }).check();
  await page.getByRole('button', { name: 'Entwurf beginnen' }).click();
  await page.getByRole('heading', { level: 1, name: 'Nachricht an Anna Schmidt' }).waitFor();
  const de = page.getByLabel('Text', { exact: true });
  assert.match(await de.inputValue(), /^Hallo Anna,\n\nWe met at the UX Camp in Hamburg – seitdem interessiert mich deine Arbeit bei Acme\./);
  await check(page, 'Keine Bewerbung').getByText('Sagt klar, dass es keine Bewerbung ist').waitFor();
  await de.fill((await de.inputValue()).replace('Es geht nicht um eine Bewerbung, sondern um deine Sicht.', 'Ich möchte mich bei euch bewerben.'));
  await check(page, 'Keine Bewerbung').getByText('„bewerben“ klingt nach Bewerbung').waitFor();
  assert.deepEqual(await axe(page), []);
  await shot(page, 'message-compose-de');
  await assertClean(test, page, problems);
  await context.close();
});

test('save a message as my template, write to someone else with it, go back to the suggestion, remove it', async () => {
  const { context, page, problems } = await openPage(env.browser, env.server);
  const bo = { meta: meta('c-bo'), first_name: 'Bo', last_name: 'Berg', company: 'Beta GmbH', email: 'bo@beta.example' };
  await seed(page, env.server, { contacts: [anna, bo] }, profile);
  await page.goto(env.server.url('messages/new?contact=c-anna'));
  await page.getByRole('heading', { level: 1, name: 'Write a message' }).waitFor();
  await page.getByRole('button', { name: 'Start writing' }).click();
  await page.getByRole('heading', { level: 1, name: 'Message to Anna Schmidt' }).waitFor();
  const body = page.getByLabel('Text', { exact: true });
  await body.fill((await body.inputValue()).replace(' {my_intro}', ' I teach maths and move into UX research.'));
  await page.getByRole('status').filter({ hasText: 'All changes saved' }).waitFor();

  // Saved as a template: Anna's details and mine become placeholders again.
  await page.getByText('Save as my template').click();
  await page.getByRole('button', { name: 'Save template' }).click();
  await page.getByRole('alert').filter({ hasText: 'Give the template a name.' }).waitFor();
  await page.getByLabel('Name of the template').fill('My 20-minute ask');
  await page.getByRole('button', { name: 'Save template' }).click();
  await page.getByText('Template “My 20-minute ask” saved.').waitFor();
  assert.deepEqual(await axe(page), []);

  await page.getByRole('link', { name: 'Messages', exact: true }).first().click();
  const own = page.getByRole('region', { name: 'My templates' });
  await own.getByText('for: Ask for an informational interview · English').waitFor();
  await shot(page, 'messages-own-templates');
  await own.getByRole('link', { name: 'My 20-minute ask' }).click();
  await page.getByRole('heading', { level: 1, name: 'Write a message' }).waitFor();
  assert.equal(await page.getByLabel('Start from').locator('option:checked').innerText(), 'My 20-minute ask');
  await page.getByLabel('Recipient').fill('bo');
  await page.getByRole('button', { name: 'Bo Berg (Beta GmbH)' }).click();
  await page.getByRole('button', { name: 'Start writing' }).click();
  await page.getByRole('heading', { level: 1, name: 'Message to Bo Berg' }).waitFor();
  const text = await body.inputValue();
  assert.match(text, /^Hello Bo,\n\n\{hook\} – /);
  assert.match(text, /I teach maths and move into UX research\./);
  assert.match(text, /Jonas Weber\njonas@example\.org$/);
  assert.doesNotMatch(text, /Anna|UX Camp/);
  assert.equal(await page.getByLabel('Subject').inputValue(), 'Your view on working at Beta GmbH?');
  // Bo has no hook recorded: the placeholder is flagged until the user writes one.
  await page.getByText('Still to fill in: {hook}').waitFor();

  // The built-in suggestion replaces it, with a way back.
  await page.getByLabel('Template', { exact: true }).selectOption({ label: 'The suggestion for this purpose' });
  await page.getByRole('button', { name: 'Replace with the template' }).click();
  await page.getByText('Template applied.').waitFor();
  assert.doesNotMatch(await body.inputValue(), /I teach maths/);
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.waitForFunction(() => document.querySelector('#compose-body').value.includes('I teach maths'));
  await page.getByRole('status').filter({ hasText: 'All changes saved' }).waitFor();

  // A deleted draft comes back with Undo, text and all.
  await page.getByRole('button', { name: 'Delete draft' }).click();
  await page.getByText('Draft deleted.').waitFor();
  await page.getByRole('heading', { level: 1, name: 'Messages' }).waitFor();
  assert.equal(await page.getByRole('link', { name: 'Bo Berg' }).count(), 0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.getByRole('link', { name: 'Bo Berg' }).click();
  await page.getByRole('heading', { level: 1, name: 'Message to Bo Berg' }).waitFor();
  assert.match(await body.inputValue(), /I teach maths/);

  // Removed from the overview, it is gone from the choices.
  await page.getByRole('link', { name: 'Messages', exact: true }).first().click();
  const removeOwn = own.getByRole('button', { name: 'Remove the template My 20-minute ask' });
  await removeOwn.click();
  await page.getByText('Template removed.').waitFor();
  await own.waitFor({ state: 'detached' });
  // Undo brings it back; removed again, it stays gone.
  await page.getByRole('button', { name: 'Undo' }).click();
  await removeOwn.click();
  await page.getByText('Template removed.').waitFor();
  await own.waitFor({ state: 'detached' });
  await page.goto(env.server.url('messages/new'));
  await page.getByRole('heading', { level: 1, name: 'Write a message' }).waitFor();
  // Without own templates there is nothing to choose: the suggestion is used.
  await page.getByRole('button', { name: 'Start writing' }).waitFor();
  assert.equal(await page.getByLabel('Start from').count(), 0);
  await assertClean(test, page, problems);
  await context.close();
});
