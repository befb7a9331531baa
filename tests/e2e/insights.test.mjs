// Insights as a user meets it: a seeded network (messages sent with good and poor texts,
// replies, an interview with suggested people), the summaries read, the range switched,
// tables compared with the pictures, and a weekly goal that Today's rings follow.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServerAndBrowser, openPage, assertClean, appReady, axe, shot, seed } from './support.mjs';

const env = useServerAndBrowser();

const meta = (id) => ({ id, created: '2026-09-01T10:00:00Z', updated: '2026-09-01T10:00:00Z', revision: 1 });
const person = (id, first, last, company, field = '') => ({ meta: meta(id), first_name: first, last_name: last, company, field, met: { occasion: 'UX Camp', hook: `We talked about ${company} at UX Camp` } });
const contacts = [
  { ...person('anna', 'Anna', 'Schmidt', 'Acme', 'UX Research'), circle: 'core' },
  person('ben', 'Ben', 'Weber', 'Beta', 'UX research & design'),
  person('cem', 'Cem', 'Kaya', 'Gamma', 'Software engineering'),
  person('dana', 'Dana', 'Roth', 'Delta', 'Engineering management'),
  person('eva', 'Eva', 'Lang', 'Epsilon'),
  person('finn', 'Finn', 'Vogel', 'Zeta', 'Marketing'),
  // Anna led to Ruth and Sami, Ruth to Tom, Tom to Uwe.
  { ...person('ruth', 'Ruth', 'Berger', 'Acme', 'UX research'), introduced_by: 'anna' },
  { ...person('sami', 'Sami', 'Yilmaz', 'Acme'), introduced_by: 'anna', circle: 'core' },
  { ...person('tom', 'Tom', 'Kranz', 'Eta', 'User research (UX research)'), introduced_by: 'ruth' },
  { ...person('uwe', 'Uwe', 'Lind', 'Theta'), introduced_by: 'tom' },
];
const entry = (n, contact, kind, date) => ({ meta: meta(`i${n}`), contact_id: contact, kind, date, summary: `${kind} ${n}` });
// November: 7 conversations and an introduction; December so far (1–3 Dec): 3.
const interactions = [
  entry(1, 'anna', 'call', '2026-11-02'),
  entry(2, 'ben', 'meeting', '2026-11-04'),
  entry(3, 'cem', 'email', '2026-11-10'),
  entry(4, 'anna', 'informational_interview', '2026-11-20'),
  entry(5, 'dana', 'call', '2026-11-17'),
  entry(6, 'dana', 'call', '2026-11-18'),
  entry(7, 'eva', 'message', '2026-11-25'),
  entry(8, 'anna', 'introduction', '2026-11-21'),
  entry(9, 'finn', 'meeting', '2026-12-01'),
  entry(10, 'ben', 'call', '2026-12-02'),
  entry(11, 'cem', 'event', '2026-12-02'),
  // Last spring: only in the longer ranges.
  entry(12, 'eva', 'meeting', '2026-04-15'),
];
const good = (name) => `Hello ${name}, we talked about research operations at UX Camp and your talk stayed with me. I am moving from engineering into UX research. Would you have 20 minutes for a call next week, at a time that suits you? I would be glad to share my notes from the camp in return.`;
const poor = () => 'Hi, please find my CV attached. I am looking for a job in your company and would like you to forward my application to HR as soon as possible.';
// Two of the user's own templates: the good texts came from the first, the poor ones from
// the second; message 8 was written without one.
const templates = [
  { meta: meta('t-camp'), purpose: 'message', name: 'Camp follow-up', lang: 'en', subject: '', body: good('{first_name}'), message_purpose: 'informational_interview' },
  { meta: meta('t-cv'), purpose: 'message', name: 'CV ask', lang: 'en', subject: '', body: poor(), message_purpose: 'informational_interview' },
];
const message = (n, contact, name, body, status, sent, closed) => ({
  meta: meta(`m${n}`), contact_id: contact, channel: 'linkedin_message', purpose: 'informational_interview', lang: 'en',
  subject: '', body, status, sent, address: 'du', recipient_name: '', recipient_company: '', manual: [], closed,
  ...(body === poor() && n !== 8 ? { template_id: 't-cv' } : body.startsWith('Hello') ? { template_id: 't-camp' } : {}),
});
const messages = [
  message(1, 'anna', 'Anna', good('Anna'), 'meeting_agreed', '2026-11-01T09:00:00Z', '2026-11-03T09:00:00Z'),
  message(2, 'ben', 'Ben', good('Ben'), 'replied', '2026-11-02T09:00:00Z', '2026-11-06T09:00:00Z'),
  message(3, 'cem', 'Cem', good('Cem'), 'replied', '2026-11-03T09:00:00Z', '2026-11-04T09:00:00Z'),
  message(4, 'dana', 'Dana', good('Dana'), 'declined', '2026-11-05T09:00:00Z', '2026-11-08T09:00:00Z'),
  message(5, 'eva', 'Eva', good('Eva'), 'sent', '2026-11-20T09:00:00Z', null),
  message(6, 'finn', 'Finn', poor(), 'no_reply', '2026-11-06T09:00:00Z', '2026-11-20T09:00:00Z'),
  message(7, 'finn', 'Finn', poor(), 'no_reply', '2026-11-21T09:00:00Z', '2026-11-30T09:00:00Z'),
  message(8, 'eva', 'Eva', poor(), 'sent', '2026-12-01T09:00:00Z', null),
  message(9, 'dana', 'Dana', 'Draft, never sent', 'draft', null, null),
];
const plans = [{
  meta: meta('p-anna'), contact_id: 'anna', goal: 'Learn how research teams hire', scheduled: '2026-11-20T09:00:00Z', format: 'video',
  place: '', duration_minutes: 30, items: [], finished: '2026-11-20T09:40:00Z',
  suggested: [{ name: 'Ruth Berger', company: 'Acme' }, { name: 'Sami Yilmaz', company: '' }],
}];

const profile = { meta: meta('profile'), profile: { name: 'Jonas Weber', headline: '', email: '', phone: '', profile_url: '', target_field: 'UX research', former_field: 'engineering' } };

async function openInsights({ german = false, ...options } = {}) {
  const opened = await openPage(env.browser, env.server, { timezoneId: 'Europe/Berlin', ...options });
  // Thursday, 3 December 2026.
  await opened.page.clock.install({ time: new Date('2026-12-03T10:00:00+01:00') });
  await seed(opened.page, env.server, { contacts, interactions, messages, templates, interview_plans: plans }, profile);
  if (german) await opened.page.getByRole('radio', { name: 'Deutsch' }).check();
  const nav = opened.page.getByRole('navigation', { name: german ? 'Hauptnavigation' : 'Main' });
  // A phone's tab bar reaches Insights through "More".
  if ((options.viewport?.width ?? 1100) < 640) {
    await nav.getByRole('link', { name: german ? 'Mehr' : 'More' }).click();
    await opened.page.getByRole('main').getByRole('link', { name: german ? 'Einblicke' : 'Insights' }).click();
  } else {
    await nav.getByRole('link', { name: german ? 'Einblicke' : 'Insights' }).click();
  }
  await appReady(opened.page);
  return opened;
}

test('the pictures tell what the records say: summaries, range, tables, outreach by checklist score', async () => {
  const { context, page, problems } = await openInsights();
  await page.getByRole('heading', { level: 1, name: 'Insights' }).waitFor();
  const activity = page.getByRole('region', { name: 'Activity' });
  await activity.getByText('This month: 3 conversations, 4 fewer than last month.').waitFor();
  // The default range (3 months) leaves April out; everything brings it in.
  const cells = async () => (await activity.locator('svg.chart rect.bar').count());
  const threeMonths = await cells();
  await page.getByRole('radio', { name: 'Everything' }).check();
  await page.waitForFunction((n) => document.querySelectorAll('[aria-labelledby=insights-activity] svg.chart rect.bar').length > n, threeMonths);
  await page.getByRole('radio', { name: 'Last 3 months' }).check();
  await page.waitForFunction((n) => document.querySelectorAll('[aria-labelledby=insights-activity] svg.chart rect.bar').length === n, threeMonths);

  // The table holds the picture's numbers: the week of 16 November had two calls.
  await activity.getByRole('button', { name: 'Show as table' }).click();
  const table = activity.getByRole('table', { name: 'Timeline entries per week' });
  const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: '16 Nov 2026' }) });
  const headers = await table.locator('thead th').allInnerTexts();
  const values = await row.locator('td').allInnerTexts();
  assert.equal(values[headers.indexOf('Call') - 1], '2');
  assert.equal(values[headers.indexOf('Informational interview') - 1], '1');
  assert.equal(values[headers.indexOf('Conversations') - 1], '3', 'the calls and the interview');
  assert.equal(await activity.getByRole('button', { name: 'Hide table' }).getAttribute('aria-expanded'), 'true');
  assert.deepEqual(await axe(page), []);

  const outreach = page.getByRole('region', { name: 'Outreach results' });
  await outreach.getByText('4 of 8 messages were answered (50%).').waitFor();
  const funnel = await outreach.locator('.funnel li').allInnerTexts();
  assert.deepEqual(funnel.map((t) => t.replace(/\s+/g, ' ').trim()), ['Sent 8', 'Answered 4', 'Meeting agreed 1', 'Interview held 1', 'People suggested 2']);
  await outreach.getByRole('button', { name: 'Show as table' }).click();
  const steps = outreach.getByRole('table', { name: 'From message to interview' });
  assert.equal(await steps.getByRole('row', { name: /^Answered/ }).locator('td').first().innerText(), '4');
  assert.equal(await steps.getByRole('row', { name: /^Answered/ }).locator('td').nth(1).innerText(), '50%');
  // The good texts were answered, the poor ones not; the draft is not counted.
  const rate = async (name) => outreach.locator('dt', { hasText: name }).locator('xpath=following-sibling::dd[1]').innerText();
  assert.equal(await rate('Messages that passed at least 80 % of their automatic checks'), '80% (4 of 5)');
  assert.equal(await rate('The other messages'), 'too few messages to tell (0 of 3)');
  await outreach.getByText('An answer came after 2.5 days on average.').waitFor();
  // The user's templates, best first: the one with too few messages to tell comes last.
  const ranked = outreach.locator('h3', { hasText: 'Answered, by your own templates' }).locator('xpath=following-sibling::dl[1]');
  assert.deepEqual(await ranked.locator('dt').allInnerTexts(), ['Camp follow-up', 'CV ask']);
  assert.deepEqual(await ranked.locator('dd').allInnerTexts(), ['80% (4 of 5)', 'too few messages to tell (0 of 2)']);

  // November: Anna twice and Ben in UX research of 7; December so far: Ben of 3.
  const shift = page.getByRole('region', { name: "Your network's shift" });
  await shift.getByText('33% of your conversations in December 2026 were with people in UX research. It was 43% in November 2026.').waitFor();
  await shift.getByRole('button', { name: 'Show as table' }).click();
  const november = shift.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'November 2026' }) });
  assert.deepEqual(await november.locator('td').allInnerTexts(), ['3', '3', '1', '43%', '0']);

  const led = page.getByRole('region', { name: 'Who led to whom' });
  await led.getByText('Anna Schmidt led you to the most people: 4. 2 of them are in your target field.').waitFor();
  // Three levels open; the fourth on request.
  assert.equal(await led.getByRole('link', { name: 'Uwe Lind' }).isVisible(), false);
  await led.getByText('Show whom they introduced (1)').click();
  await led.getByRole('link', { name: 'Uwe Lind' }).waitFor();
  assert.deepEqual(await axe(page), []);
  await shot(page, 'insights');
  await led.getByRole('link', { name: 'Tom Kranz' }).press('Enter');
  await page.getByRole('heading', { level: 1, name: 'Tom Kranz' }).waitFor();
  await assertClean(null, page, problems);
  await context.close();
});

test('a message written from one of my templates counts for that template', async () => {
  const { context, page, problems } = await openInsights();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Messages' }).click();
  await page.getByRole('region', { name: 'My templates' }).getByRole('link', { name: 'Camp follow-up' }).click();
  await page.getByRole('heading', { level: 1, name: 'Write a message' }).waitFor();
  await page.getByLabel('Recipient').fill('finn');
  await page.getByRole('button', { name: 'Finn Vogel (Zeta)' }).click();
  await page.getByRole('button', { name: 'Start writing' }).click();
  await page.getByRole('heading', { level: 1, name: 'Message to Finn Vogel' }).waitFor();
  assert.match(await page.getByLabel('Text', { exact: true }).inputValue(), /^Hello Finn, we talked about research operations/);
  await page.getByRole('status').filter({ hasText: 'All changes saved' }).waitFor();
  await page.getByRole('button', { name: 'Mark as sent' }).click();
  // A LinkedIn message of this length fails a check or two: sent anyway, as users do.
  await page.getByRole('button', { name: 'Continue anyway' }).click();
  await page.getByText('Marked as sent.').waitFor();

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Insights' }).click();
  const outreach = page.getByRole('region', { name: 'Outreach results' });
  await outreach.getByText('4 of 9 messages were answered (44%).').waitFor();
  const ranked = outreach.locator('h3', { hasText: 'Answered, by your own templates' }).locator('xpath=following-sibling::dl[1]');
  assert.deepEqual(await ranked.locator('dd').allInnerTexts(), ['67% (4 of 6)', 'too few messages to tell (0 of 2)']);
  await outreach.scrollIntoViewIfNeeded();
  await shot(page, 'insights-templates');
  await assertClean(null, page, problems);
  await context.close();
});

test('a weekly goal: set in Settings, met step by step on Today, the streak on Insights', async () => {
  const { context, page, problems } = await openInsights();
  await page.getByRole('region', { name: 'Activity' }).getByText('No weekly goal is set.').waitFor();
  await page.getByRole('link', { name: 'Set a weekly goal' }).click();
  const goal = page.getByRole('region', { name: 'Weekly goal' });
  await goal.getByLabel('Conversations').fill('4');
  await goal.getByLabel('Conversations').press('Tab');
  await goal.getByLabel('Messages to send').fill('1');
  await goal.getByLabel('Messages to send').press('Tab');
  assert.deepEqual(await axe(page), []);

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Today' }).click();
  const week = page.getByRole('region', { name: 'This week' });
  await week.getByText('3 of 4 conversations').waitFor();
  await week.getByText('1 of 1 messages sent').waitFor();
  await shot(page, 'today-goal');
  assert.deepEqual(await axe(page), []);

  // A call logged now moves the ring.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Contacts' }).click();
  await page.getByRole('button', { name: 'Log an interaction with Dana Roth' }).click();
  await page.getByLabel('Type of contact').selectOption({ label: 'Call' });
  await page.getByLabel('Summary').fill('Talked about her team');
  await page.getByRole('button', { name: 'Add to timeline' }).click();
  await page.getByRole('heading', { name: 'Log an interaction with Dana Roth' }).waitFor({ state: 'detached' });
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Today' }).click();
  await week.getByText('4 of 4 conversations').waitFor();

  await page.getByRole('link', { name: 'See your insights' }).click();
  await page.getByRole('region', { name: 'Activity' }).getByText('Your weekly goal was met the last week.').waitFor({ state: 'detached' }).catch(() => {});
  await page.getByRole('region', { name: 'Activity' }).getByText(/^Your weekly goal was/).waitFor();
  await assertClean(null, page, problems);
  await context.close();
});

test('rings: every contact a dot by circle, field and keeping in touch, a link to them; many become counts; the screen prints', async () => {
  const { context, page, problems } = await openInsights();
  const rings = page.getByRole('region', { name: 'Your circles' });
  // Anna (core) spoke to the user last on 21 November; Sami (core) and the other people
  // introduced in September were never contacted and are past their rhythm.
  await rings.getByText('Core circle: 2 people · overdue: 1 · due within a week: 0').waitFor();
  const picture = rings.getByRole('group', { name: 'Your contacts by circle, field and how keeping in touch stands' });
  assert.equal(await picture.getByRole('link').count(), contacts.length);
  const anna = picture.getByRole('link', { name: 'Anna Schmidt, in touch' });
  await picture.getByRole('link', { name: 'Sami Yilmaz, overdue' }).waitFor();
  // The sectors are the fields, the largest first, spelled as most contacts spell them.
  const sectors = await rings.locator('ol.sector-legend li').allInnerTexts();
  assert.equal(sectors[0], 'UX Research: 2 people');
  assert.equal(sectors.at(-1), 'No field given: 3 people');
  // The table holds the picture's numbers.
  await rings.getByRole('button', { name: 'Show as table' }).click();
  const table = rings.getByRole('table', { name: 'Contacts by circle, field and keeping in touch' });
  const network = table.getByRole('row').filter({ hasText: 'All fields' }).nth(1);
  const headers = await table.locator('thead th').allInnerTexts();
  const values = await network.locator('td').allInnerTexts();
  assert.equal(values[headers.indexOf('overdue') - 1], '3', 'Ruth, Tom and Uwe');
  assert.equal(values[headers.indexOf('in touch') - 1], '5');
  assert.equal(values[headers.indexOf('Total') - 1], '8');
  assert.deepEqual(await axe(page), []);
  // Keyboard: the dot is focused, named in a tooltip, and Enter opens the person.
  await anna.focus();
  await rings.locator('.rings-tip', { hasText: 'Anna Schmidt' }).waitFor();
  await rings.screenshot({ path: 'target/screenshots/insights-rings-focus.png' });
  assert.equal(await rings.locator('.rings-tip').textContent(), 'Anna Schmidt', 'a resize keeps the focus and its tooltip');
  await shot(page, 'insights-rings');
  await anna.press('Enter');
  await page.getByRole('heading', { level: 1, name: 'Anna Schmidt' }).waitFor();
  assert.match(new URL(page.url()).pathname, /\/netzweber\/contacts\/anna$/);
  await page.goBack();
  await rings.getByText('Core circle: 2 people').waitFor();

  // Printed: no buttons or range control, the pictures and summaries in light colours.
  await page.emulateMedia({ media: 'print', colorScheme: 'light' });
  assert.equal(await page.getByRole('button', { name: 'Show as table' }).first().isVisible(), false);
  assert.equal(await page.getByRole('navigation', { name: 'Main' }).isVisible(), false);
  await shot(page, 'insights-print');
  await assertClean(null, page, problems);
  await context.close();

  // 450 people are too many to draw one by one: the counts per state are drawn instead.
  const many = Array.from({ length: 450 }, (_, i) => ({ ...person(`p${i}`, `Person`, `${i}`, 'Co', ['UX research', 'Data', 'Sales', 'Law', ''][i % 5]), circle: ['core', 'network', 'periphery'][i % 3] }));
  const big = await openPage(env.browser, env.server, { timezoneId: 'Europe/Berlin' });
  await big.page.clock.install({ time: new Date('2026-12-03T10:00:00+01:00') });
  // One message sent, not from a template: the templates' list says how to fill it.
  const { template_id: _, ...plain } = message(20, 'p0', 'Person', poor(), 'sent', '2026-12-01T09:00:00Z', null);
  await seed(big.page, env.server, { contacts: many, messages: [plain] }, profile);
  await big.page.goto(env.server.url('insights'));
  await appReady(big.page);
  const counted = big.page.getByRole('region', { name: 'Your circles' });
  await counted.getByText('Core circle: 150 people · overdue: 150 · due within a week: 0').waitFor();
  assert.equal(await counted.getByRole('link').count(), 0, 'no dots as links');
  assert.ok(await counted.locator('svg path.wedge').count() >= 3);
  assert.deepEqual(await axe(big.page), []);
  await counted.screenshot({ path: 'target/screenshots/insights-rings-counted.png' });
  const unranked = big.page.getByRole('region', { name: 'Outreach results' });
  await unranked.getByText('Start a message from one of your own templates', { exact: false }).waitFor();
  await unranked.screenshot({ path: 'target/screenshots/insights-no-template.png' });
  await assertClean(null, big.page, big.problems);
  await big.context.close();
});

test('Insights in German, dark and at 360 px; nothing recorded shows what to do', async () => {
  const { context, page, problems } = await openInsights({ german: true, colorScheme: 'dark', viewport: { width: 360, height: 800 } });
  await page.getByRole('heading', { level: 1, name: 'Einblicke' }).waitFor();
  await page.getByText('Diesen Monat: 3 Gespräche, 4 weniger als im letzten Monat.').waitFor();
  assert.deepEqual(await axe(page), []);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.equal(overflow, 0, 'nothing wider than the phone');
  await shot(page, 'insights-de-dark-360');
  const kreise = page.getByRole('region', { name: 'Ihre Kreise' });
  await kreise.getByText('Kern: 2 Personen · überfällig: 1 · binnen einer Woche fällig: 0').waitFor();
  await kreise.screenshot({ path: 'target/screenshots/insights-rings-de-dark-360.png' });
  await assertClean(null, page, problems);
  await context.close();

  const empty = await openPage(env.browser, env.server, { viewport: { width: 360, height: 800 } });
  await empty.page.goto(env.server.url('insights'));
  await appReady(empty.page);
  await empty.page.getByText('Nothing recorded in this period yet.', { exact: false }).waitFor();
  await empty.page.getByText('No messages sent in this period.', { exact: false }).waitFor();
  await empty.page.getByText('Tell Netzweber which field you are moving into', { exact: false }).waitFor();
  assert.deepEqual(await axe(empty.page), []);
  await shot(empty.page, 'insights-empty');
  await assertClean(null, empty.page, empty.problems);
  await empty.context.close();
});
