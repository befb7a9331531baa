// The interview module as a user meets it: a plan for a contact built from library
// questions and an own one, reordered by keyboard and by dragging, the time budget
// warning, the printed sheet (one A4 page) and the Markdown export; conduct mode with a
// reload in the middle; the wrap-up creating contacts, promises and the timeline entry;
// Today, the question library, templates, and a plan for someone not saved yet.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { useServerAndBrowser, openPage, assertClean, appReady, axe, shot, seed } from './support.mjs';

const env = useServerAndBrowser();

const meta = (id) => ({ id, created: '2026-11-01T10:00:00Z', updated: '2026-11-01T10:00:00Z', revision: 1 });
const anna = { meta: meta('c-anna'), first_name: 'Anna', last_name: 'Schmidt', company: 'Acme', role: 'UX Research Lead' };
const item = (text, minutes, question_id = null) => ({ question_id, text, minutes, answer: '', state: '' });
const plannedWithAnna = {
  meta: meta('p-anna'),
  contact_id: 'c-anna',
  goal: 'Understand how UX research teams hire career changers',
  scheduled: '2026-12-03T13:00:00Z',
  format: 'video',
  place: 'https://meet.example.org/anna',
  duration_minutes: 30,
  items: [
    item('How did you get into this field?', 4, 'builtin-in-path'),
    item('What does a typical week look like for you?', 4, 'builtin-day-typical'),
    item('Which tools and methods do you use every day?', 2, 'builtin-day-tools'),
    item('Whom else would you recommend I talk to? May I mention your name?', 3, 'builtin-closing-whom-else'),
  ],
  my_intro: 'Teacher for ten years, moving into UX research.',
};

const questionTexts = (page) => page.locator('.question-item__text').allInnerTexts();

async function waitSaved(page) {
  await page.getByRole('status').filter({ hasText: 'All changes saved' }).first().waitFor();
}

test('build a plan from the library and an own question, reorder, see the budget warning, print and export it', async () => {
  const { context, page, problems } = await openPage(env.browser, env.server, { timezoneId: 'Europe/Berlin' });
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.clock.install({ time: new Date('2026-12-01T09:00:00Z') });
  await seed(page, env.server, { contacts: [anna] });
  await page.getByRole('link', { name: 'Interviews' }).click();
  await page.getByRole('heading', { name: 'No interviews planned yet' }).waitFor();
  assert.deepEqual(await axe(page), []);
  await shot(page, 'interviews-empty');

  await page.getByRole('link', { name: 'Plan an interview' }).click();
  await page.getByRole('heading', { level: 1, name: 'Plan an informational interview' }).waitFor();
  await page.getByRole('button', { name: 'Create plan' }).click();
  await page.getByText('Choose a contact, or switch').waitFor();
  await page.getByLabel('Contact', { exact: true }).fill('schmi');
  await page.getByRole('button', { name: 'Anna Schmidt (Acme)' }).click();
  await page.getByLabel('Goal of the conversation').fill('Understand how UX research teams hire career changers');
  assert.deepEqual(await axe(page), []);
  await page.getByRole('button', { name: 'Create plan' }).click();

  await page.getByRole('heading', { level: 1, name: 'Interview with Anna Schmidt' }).waitFor();
  // Every new plan ends with the closing question; small talk and wrap-up are budgeted.
  assert.deepEqual(await questionTexts(page), ['Whom else would you recommend I talk to? May I mention your name?']);
  await page.getByText('9 of 30 minutes planned — 21 min to spare.').waitFor();

  await page.getByText('Add questions from the library').click();
  await page.getByLabel('Search questions').fill('typical week');
  await page.getByRole('button', { name: 'Add: What does a typical week look like for you?' }).click();
  await page.getByLabel('Search questions').fill('');
  await page.getByLabel('Filter by topic').selectOption({ label: 'Getting in' });
  for (const q of ['How did you get into this field?', 'What are typical ways in for newcomers today?', 'How do career changers usually get a foothold here?']) {
    await page.getByRole('button', { name: `Add: ${q}` }).click();
  }
  // Added questions cannot be added twice.
  assert.equal(await page.getByRole('button', { name: 'In the plan: How did you get into this field?' }).isDisabled(), true);
  await page.getByLabel('Filter by topic').selectOption({ label: 'Advice' });
  await page.getByRole('button', { name: 'Add: What would you do in my position?' }).click();
  await page.getByRole('button', { name: 'Add: What could I do in the next three months to prepare?' }).click();

  // An own question, also kept in the library.
  await page.getByLabel('Question', { exact: true }).fill('How did your team decide to hire its first researcher?');
  await page.getByLabel('Minutes', { exact: true }).fill('5');
  await page.getByLabel('Also save it in my question library').click();
  await page.getByRole('button', { name: 'Add question' }).click();
  let texts = await questionTexts(page);
  assert.equal(texts.length, 8);
  assert.equal(texts[6], 'How did your team decide to hire its first researcher?');
  assert.equal(texts[7], 'Whom else would you recommend I talk to? May I mention your name?', 'the closing question stays last');

  // 4+4+3+3+3+3+5+3 = 28 minutes of questions + 3 + 3: over the 30 minutes asked for.
  const warning = page.getByRole('alert').filter({ hasText: 'The plan runs 4 min over' });
  await warning.waitFor();
  assert.match(await warning.innerText(), /34 of 30 minutes/);
  await shot(page, 'interview-plan-over-budget');
  await page.getByRole('button', { name: 'Remove question 4' }).click();
  await page.getByText('31 of 30 minutes').waitFor();
  await page.getByLabel('Minutes for question 6').fill('4');
  await page.getByText('30 of 30 minutes planned — 0 min to spare.').waitFor();
  assert.equal(await page.getByRole('alert').filter({ hasText: 'over' }).count(), 0);

  // Reorder by keyboard: the button keeps focus on the moved question.
  texts = await questionTexts(page);
  await page.getByRole('button', { name: 'Move question 3 up' }).focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === 'Move question 2 up');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === 'Move question 1 down');
  assert.deepEqual((await questionTexts(page)).slice(0, 3), [texts[2], texts[0], texts[1]]);
  await page.getByText('Moved to position 1 of 7.').waitFor({ state: 'attached' });
  await page.keyboard.press('Enter');
  assert.deepEqual((await questionTexts(page)).slice(0, 3), [texts[0], texts[2], texts[1]]);
  // And by dragging.
  const items = page.locator('.question-item');
  await items.nth(5).dragTo(items.nth(0));
  assert.equal((await questionTexts(page))[0], 'How did your team decide to hire its first researcher?');

  // Appointment and preparation.
  await page.getByLabel('Date and time').fill('2026-12-03T14:00');
  await page.getByLabel('Format').selectOption({ label: 'Video call' });
  await page.getByLabel('Place or call link').fill('https://meet.example.org/anna');
  await page.getByLabel('Researched the organisation').click();
  await page.getByLabel('Researched the person\'s path').click();
  await page.getByLabel('My short introduction').fill('Teacher for ten years, moving into UX research.');
  await page.getByLabel('What I hope to learn').fill('Whether research teams value teaching experience');
  await page.getByText('5 of 6 prepared').waitFor();
  await waitSaved(page);
  assert.deepEqual(await axe(page), []);
  await shot(page, 'interview-plan');

  // A reload keeps everything.
  const before = await questionTexts(page);
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Interview with Anna Schmidt' }).waitFor();
  assert.deepEqual(await questionTexts(page), before);
  assert.equal(await page.getByLabel('Date and time').inputValue(), '2026-12-03T14:00');
  assert.equal(await page.getByLabel('My short introduction').inputValue(), 'Teacher for ten years, moving into UX research.');

  // Markdown: copy and download.
  await page.getByRole('button', { name: 'Copy as Markdown' }).click();
  await page.getByText('Copied. Paste it').waitFor();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(copied, /^# Informational interview: Anna Schmidt\n/);
  assert.match(copied, /- \*\*When:\*\* 3 December 2026, 14:00/);
  assert.match(copied, /1\. \*\*How did your team decide to hire its first researcher\?\*\* \(4 min\)/);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export as Markdown' }).click()]);
  assert.equal(download.suggestedFilename(), 'interview-2026-12-03-anna-schmidt.md');
  assert.equal(await readFile(await download.path(), 'utf8'), copied);

  // The printable sheet fits one A4 page.
  await page.getByRole('link', { name: 'Print view' }).click();
  await page.getByRole('heading', { name: 'Informational interview: Anna Schmidt' }).waitFor();
  assert.equal(await page.locator('.sheet__questions > li').count(), 7);
  assert.deepEqual(await axe(page), []);
  await page.emulateMedia({ media: 'print' });
  await page.setViewportSize({ width: 794, height: 1123 });
  await page.screenshot({ path: 'target/screenshots/interview-print.png', fullPage: true });
  const pdf = (await page.pdf({ format: 'A4' })).toString('latin1');
  assert.equal((pdf.match(/\/Type\s*\/Page[^s]/g) ?? []).length, 1, 'a 30-minute plan prints on one A4 page');
  await page.emulateMedia({ media: 'screen' });

  // The own question is in the library now.
  await page.goto(env.server.url('interviews/questions'));
  await page.getByRole('heading', { level: 1, name: 'Question library' }).waitFor();
  await page.getByLabel('Search questions').fill('first researcher');
  await page.getByText('1 questions').waitFor();
  await assertClean(test, page, problems);
  await context.close();
});

test('conduct the interview, reload in the middle, wrap up into contacts, promises and the timeline', async () => {
  const { context, page, problems } = await openPage(env.browser, env.server, { timezoneId: 'Europe/Berlin' });
  await page.clock.install({ time: new Date('2026-12-03T13:02:00Z') });
  await seed(page, env.server, { contacts: [anna], interview_plans: [plannedWithAnna] });
  await page.goto(env.server.url('interviews/p-anna'));
  await page.getByRole('heading', { level: 1, name: 'Interview with Anna Schmidt' }).waitFor();
  await page.getByRole('link', { name: 'Start conversation' }).click();

  await page.getByRole('heading', { level: 1, name: 'Conversation with Anna Schmidt' }).waitFor();
  // Full screen hides the browser's own bars too, and the button says whether it is on.
  const fullScreen = page.getByRole('button', { name: 'Full screen' });
  // The button follows the browser's fullscreenchange event, which may come a frame after
  // the document's state changed: wait for both.
  const pressed = (value) =>
    page.getByRole('button', { name: 'Full screen', pressed: value }).waitFor();
  await fullScreen.click();
  await page.waitForFunction(() => document.fullscreenElement === document.documentElement);
  await pressed(true);
  await fullScreen.click();
  await page.waitForFunction(() => document.fullscreenElement === null);
  await pressed(false);
  const current = page.locator('#conduct-current');
  assert.equal(await current.innerText(), 'How did you get into this field?');
  await page.getByLabel('Answer and notes').fill('Through a usability lab at university.\nThen five years in a consultancy.');
  await page.getByRole('button', { name: 'Asked — next' }).click();
  assert.equal(await current.innerText(), 'What does a typical week look like for you?');
  await page.waitForFunction(() => document.activeElement?.id === 'conduct-answer');
  await page.getByLabel('Answer and notes').fill('Two studies in parallel; Fridays for synthesis.');
  await page.getByRole('button', { name: 'Asked — next' }).click();
  await page.getByRole('button', { name: 'Skip' }).click();
  assert.equal(await current.innerText(), 'Whom else would you recommend I talk to? May I mention your name?');
  await page.getByLabel('Answer and notes').fill('Talk to Dana at Ørsted; yes, mention me.');
  await page.getByLabel('Name', { exact: true }).fill('Dana Ödegaard');
  await page.getByLabel('Company or organisation').fill('Ørsted');
  await page.getByLabel('Why talk to them').fill('runs the research guild');
  await page.getByLabel('I may mention their name').click();
  await page.getByRole('button', { name: 'Add person' }).click();
  await page.getByLabel('What I promised').fill('Send the article on diary studies');
  await page.getByRole('button', { name: 'Add promise' }).click();
  await page.clock.fastForward('12:05');
  assert.match(await page.getByRole('timer').innerText(), /^12:0\d$/);
  await page.getByText('2 of 4 asked').waitFor();
  await waitSaved(page);
  assert.deepEqual(await axe(page), []);
  await shot(page, 'interview-conduct');

  // A reload in the middle of the conversation loses nothing; the clock keeps running.
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Conversation with Anna Schmidt' }).waitFor();
  assert.match(await page.getByRole('timer').innerText(), /^12:\d\d$/);
  assert.equal(await current.innerText(), 'Whom else would you recommend I talk to? May I mention your name?');
  assert.equal(await page.getByLabel('Answer and notes').inputValue(), 'Talk to Dana at Ørsted; yes, mention me.');
  await page.getByRole('button', { name: /^1\. How did you get into this field\?/ }).click();
  assert.equal(await page.getByLabel('Answer and notes').inputValue(), 'Through a usability lab at university.\nThen five years in a consultancy.');
  await page.getByRole('button', { name: 'Remove Dana Ödegaard' }).waitFor();
  await page.getByRole('button', { name: 'Remove Send the article on diary studies' }).waitFor();

  await page.getByRole('button', { name: 'End conversation' }).click();
  await page.getByRole('heading', { level: 1, name: 'Wrap-up: Anna Schmidt' }).waitFor();
  for (const label of ['Thank Anna Schmidt for the conversation', 'Send the article on diary studies', 'Report back to Anna Schmidt what came of their advice']) {
    assert.equal(await page.getByLabel(label).isChecked(), true, label);
  }
  assert.equal(await page.getByLabel(/Save Dana Ödegaard \(Ørsted\) as a contact/).isChecked(), true);
  await page.getByText('Fridays for synthesis').waitFor();
  assert.deepEqual(await axe(page), []);
  await shot(page, 'interview-wrap-up');
  await page.getByRole('button', { name: 'Save wrap-up' }).click();
  await page.getByText(/^Wrapped up on/).waitFor();

  // The new contact, introduced by Anna.
  await page.getByRole('link', { name: 'Contacts' }).first().click();
  await page.getByRole('link', { name: 'Dana Ödegaard' }).click();
  await page.getByRole('heading', { level: 1, name: 'Dana Ödegaard' }).waitFor();
  await page.getByRole('link', { name: 'Anna Schmidt' }).first().waitFor();
  await page.getByText('Get in touch with Dana Ödegaard (recommended by Anna Schmidt)').waitFor();
  // Anna's timeline has the conversation with the answers; the promises are hers.
  await page.getByRole('link', { name: 'Anna Schmidt' }).first().click();
  await page.getByRole('heading', { level: 1, name: 'Anna Schmidt' }).waitFor();
  await page.getByText(/Through a usability lab at university/).first().waitFor();
  await page.getByText('Thank Anna Schmidt for the conversation').waitFor();
  await page.getByText('Send the article on diary studies').first().waitFor();
  // Today: the thank-you is due tomorrow.
  await page.getByRole('link', { name: 'Today' }).first().click();
  await page.getByRole('heading', { name: 'Promises and follow-ups' }).waitFor();
  await page.getByText('Thank Anna Schmidt for the conversation').waitFor();
  await assertClean(test, page, problems);
  await context.close();
});

test('Today lists upcoming interviews and unfinished preparation; templates, library and a new person', async () => {
  const { context, page, problems } = await openPage(env.browser, env.server, { timezoneId: 'Europe/Berlin' });
  await page.clock.install({ time: new Date('2026-12-01T09:00:00Z') });
  await seed(page, env.server, {
    contacts: [anna],
    interview_plans: [plannedWithAnna, { meta: meta('p-draft'), person_name: 'Lou Berger', person_company: 'Stadtwerke', duration_minutes: 30, items: [] }],
  });
  await page.goto(env.server.url(''));
  await page.getByRole('heading', { name: 'Informational interviews' }).waitFor();
  const region = page.getByRole('region', { name: 'Informational interviews' });
  await region.getByRole('link', { name: 'Anna Schmidt' }).waitFor();
  await region.getByText('3 December 2026, 14:00').waitFor();
  await region.getByText('2 of 6 prepared').waitFor();
  await region.getByText('0 of 6 prepared').waitFor();
  await region.getByRole('link', { name: 'Lou Berger' }).waitFor();
  assert.deepEqual(await axe(page), []);
  await shot(page, 'today-interviews');

  // The library: hide a built-in question, and it no longer shows (until asked for).
  await page.goto(env.server.url('interviews/questions'));
  await page.getByRole('heading', { level: 1, name: 'Question library' }).waitFor();
  const total = Number((await page.getByText(/^\d+ questions$/).innerText()).split(' ')[0]);
  assert.ok(total >= 40, `${total} questions`);
  await page.getByLabel('Filter by topic').selectOption({ label: 'Trends' });
  await page.getByRole('button', { name: 'Hide: Which skills are in short supply at the moment?' }).click();
  await page.getByText('Question hidden.').waitFor();
  assert.equal(await page.getByText('Which skills are in short supply at the moment?').count(), 0);
  await page.getByLabel('Show hidden and archived questions').click();
  await page.getByRole('button', { name: 'Show again: Which skills are in short supply at the moment?' }).waitFor();
  assert.deepEqual(await axe(page), []);
  await page.getByLabel('Question', { exact: true }).fill('Which AI tools changed your research practice?');
  await page.getByLabel('Topic', { exact: true }).selectOption({ label: 'Trends' });
  await page.getByRole('button', { name: 'Add to library' }).click();
  await page.getByText('Which AI tools changed your research practice?').waitFor();
  await shot(page, 'interview-library');

  // Save Anna's questions as a template and start a plan for someone new from it.
  await page.goto(env.server.url('interviews/p-anna'));
  await page.getByLabel('Template name').fill('UX research basics');
  await page.getByRole('button', { name: 'Save template' }).click();
  await page.getByText('Template “UX research basics” saved.').waitFor();
  await page.getByRole('link', { name: 'Interviews', exact: true }).first().click();
  await page.getByRole('link', { name: 'UX research basics' }).click();
  await page.getByLabel('Someone not saved yet').check();
  await page.getByLabel('Name', { exact: true }).fill('Kim Vogel');
  await page.getByLabel('Company or organisation').fill('Bahn');
  assert.equal(await page.getByLabel('Start from').inputValue() !== '', true);
  await page.getByRole('button', { name: 'Create plan' }).click();
  await page.getByRole('heading', { level: 1, name: 'Interview with Kim Vogel' }).waitFor();
  assert.equal((await questionTexts(page)).length, 4);
  // Setting the date makes Kim a contact.
  await page.getByLabel('Date and time').fill('2026-12-10T10:30');
  await waitSaved(page);
  await page.getByRole('link', { name: 'Contacts' }).first().click();
  await page.getByRole('link', { name: 'Kim Vogel' }).click();
  await page.getByRole('heading', { name: 'Interviews' }).waitFor();
  await page.getByRole('link', { name: 'Kim Vogel' }).last().click();
  await page.getByRole('heading', { level: 1, name: 'Interview with Kim Vogel' }).waitFor();

  // A deleted plan comes back with Undo, questions and date included.
  await page.getByRole('button', { name: 'Delete plan…' }).click();
  await page.getByRole('button', { name: 'Delete plan', exact: true }).click();
  await page.getByText('Interview plan deleted.').waitFor();
  await page.getByRole('heading', { level: 1, name: 'Interviews' }).waitFor();
  assert.equal(await page.getByRole('link', { name: /Kim Vogel/ }).count(), 0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.getByRole('link', { name: /Kim Vogel/ }).first().click();
  await page.getByRole('heading', { level: 1, name: 'Interview with Kim Vogel' }).waitFor();
  assert.equal((await questionTexts(page)).length, 4);
  assert.equal(await page.getByLabel('Date and time').inputValue(), '2026-12-10T10:30');

  // A removed own template comes back with Undo.
  await page.getByRole('link', { name: 'Interviews', exact: true }).first().click();
  await page.getByRole('button', { name: 'Remove: template UX research basics' }).click();
  await page.getByText('Template deleted.').waitFor();
  assert.equal(await page.getByRole('link', { name: 'UX research basics' }).count(), 0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.getByRole('link', { name: 'UX research basics' }).waitFor();

  // German.
  await page.goto(env.server.url('settings'));
  await page.getByLabel('Deutsch').check();
  await page.getByRole('link', { name: 'Gespräche' }).click();
  await page.getByRole('heading', { level: 1, name: 'Gespräche' }).waitFor();
  await page.getByRole('link', { name: 'Quereinstieg in ein neues Feld' }).waitFor();
  assert.deepEqual(await axe(page), []);
  await shot(page, 'interviews-de');
  await assertClean(test, page, problems);
  await context.close();
});
