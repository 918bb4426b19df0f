import assert from 'node:assert/strict';
import { test } from 'node:test';
import Fastify, { type FastifyError } from 'fastify';
import formbody from '@fastify/formbody';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Problem, problems, type Http } from '@meetcute/core';
import { html } from './html.ts';
import {
  decisionForms,
  moderatorNav,
  reviewDecisionApi,
  reviewQueuePages,
  sendReviewQueue,
  type ReviewProblem,
} from './review.ts';

// Through another name, so that prettier leaves the templates' layout as written here.
const markup = html;

const MO = '00000000-0000-4000-8000-00000000000f';
const NANCY = '00000000-0000-4000-8000-000000000001';
const BOB = '00000000-0000-4000-8000-000000000002';
const DECIDED = '00000000-0000-4000-8000-000000000003';
const QUEUE = '/review/changes';

/** What the moderator decided, as a module's commands received it. */
type Call = [decision: string, moderatorId: string, subjectId: string, reason?: string];

/**
 * A queue of changes by Nancy and Bob under the kit, as a module registers one, in a bare
 * server that stands in for the chassis: Mo is the viewer, and a problem is answered with
 * its status (the chassis' own page or problem+json is its tests' business).
 */
async function reviewSite({
  waiting = [NANCY, BOB],
  explain,
}: { waiting?: string[]; explain?: string } = {}) {
  const calls: Call[] = [];
  const commands = {
    async approve(moderatorId: string, subjectId: string) {
      if (subjectId === DECIDED) throw problems.conflict('decided', 'Already decided', 'Someone was first.');
      calls.push(['approve', moderatorId, subjectId]);
    },
    async reject(moderatorId: string, subjectId: string, reason: string) {
      if (reason.trim().length < 3)
        throw problems.invalid([
          { field: 'reason', message: 'Give the member a reason of 3 to 500 characters.' },
        ]);
      calls.push(['reject', moderatorId, subjectId, reason]);
    },
  };
  const app = Fastify().withTypeProvider<TypeBoxTypeProvider>();
  await app.register(formbody);
  app.decorateRequest('viewer', null);
  app.decorateRequest('csrfToken', 'token');
  app.addHook('onRequest', async (request) => {
    request.viewer = { memberId: MO, sessionId: 's', status: 'approved', roles: ['moderator'] };
  });
  app.setErrorHandler((error: FastifyError | Problem, _request, reply) =>
    reply
      .code(error instanceof Problem ? error.status : (error.statusCode ?? 500))
      .send({ title: error.message }),
  );
  const http: Http = app;
  reviewQueuePages(http, {
    queue: QUEUE,
    param: 'changeId',
    commands,
    page: async (request, reply, problem) =>
      sendReviewQueue(
        request,
        reply,
        {
          title: 'Changes to review',
          empty: 'Nothing to review right now.',
          notices: { approved: 'Approved.', rejected: 'Turned down.' },
          cards: waiting.map((id) => card(request, id, problem)),
        },
        problem,
      ),
    ...(explain ? { explain: (_request, errors) => errors.map((e) => ({ ...e, message: explain })) } : {}),
  });
  reviewDecisionApi(http, {
    path: '/api/v1/review/changes',
    param: 'changeId',
    tags: ['changes'],
    summaries: { approve: 'Approve a change', reject: 'Turn a change down' },
    commands,
  });
  return { app, calls };
}

function card(request: Parameters<typeof decisionForms>[0], id: string, problem?: ReviewProblem) {
  return markup`<article class="card">${decisionForms(request, {
    queue: QUEUE,
    subjectId: id,
    words: { reject: 'Turn down', reason: 'Reason for the member', reasonHint: 'The member sees this.' },
    reasonMax: 500,
    problem,
  })}</article>`;
}

type Site = Awaited<ReturnType<typeof reviewSite>>;

/** Mo posts a card's form, as the browser sends it. */
function decide(
  site: Site,
  subjectId: string,
  decision: 'approve' | 'reject',
  body: Record<string, string> = {},
) {
  return site.app.inject({
    method: 'POST',
    url: `${QUEUE}/${subjectId}/${decision}`,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams(body).toString(),
  });
}

test('each card in the queue has its own approve and reject forms, and the queue links to the others', async () => {
  const { app } = await reviewSite();
  const page = await app.inject({ method: 'GET', url: QUEUE });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /<h1>Changes to review<\/h1>/);
  // One navigation for every moderator page: each queue (the nicknames' too), the log and the outbox.
  const links = [...page.body.matchAll(/<a href="([^"]+)"/g)].map((m) => m[1]);
  for (const href of [
    '/review',
    '/review/about-me',
    '/review/nicknames',
    '/review/photos',
    '/review/reports',
  ])
    assert.ok(links.includes(href), `the queue links ${href}`);
  assert.ok(links.includes('/moderation/log') && links.includes('/mail'));
  for (const id of [NANCY, BOB]) {
    assert.ok(page.body.includes(`action="${QUEUE}/${id}/approve"`), 'approve posts to the card');
    assert.ok(page.body.includes(`action="${QUEUE}/${id}/reject" novalidate`), 'reject posts to the card');
    assert.ok(page.body.includes(`id="reason-${id}"`), 'each reason box has its own id');
  }
  assert.match(page.body, /<button type="submit">Approve<\/button>/);
  assert.match(page.body, /<button type="submit" class="secondary">Turn down<\/button>/);
  assert.match(page.body, /maxlength="500"/);
  assert.doesNotMatch(page.body, /Nothing to review right now\.|role="status"/);
  assert.doesNotMatch(page.body, /aria-invalid/);
});

test('a queue with nothing waiting says so', async () => {
  const { app } = await reviewSite({ waiting: [] });
  const page = await app.inject({ method: 'GET', url: QUEUE });
  assert.match(page.body, /<p>Nothing to review right now\.<\/p>/);
  assert.doesNotMatch(page.body, /\/approve"/);
});

test('approving goes back to the queue, which then says what was done', async () => {
  const site = await reviewSite();
  const approve = await decide(site, NANCY, 'approve');
  assert.equal(approve.statusCode, 303);
  assert.equal(approve.headers.location, `${QUEUE}?review=approved#queue`);
  assert.deepEqual(site.calls, [['approve', MO, NANCY]]);
  const queue = await site.app.inject({ method: 'GET', url: `${QUEUE}?review=approved` });
  // Said in the queue, where the moderator pressed the button (web/src/feedback.ts).
  assert.match(queue.body, /id="queue"[^]*role="status"[^>]*>Approved\.<\/p>/);
});

test('turning one down with a reason goes back to the queue with the reason as typed', async () => {
  const site = await reviewSite();
  const reject = await decide(site, BOB, 'reject', { reason: 'Please leave out your phone number' });
  assert.equal(reject.statusCode, 303);
  assert.equal(reject.headers.location, `${QUEUE}?review=rejected#queue`);
  assert.deepEqual(site.calls, [['reject', MO, BOB, 'Please leave out your phone number']]);
  const queue = await site.app.inject({ method: 'GET', url: `${QUEUE}?review=rejected` });
  assert.match(queue.body, /id="queue"[^]*role="status"[^>]*>Turned down\.</);
});

test('a reason the module refuses comes back on its card, with what was typed and what to fix', async () => {
  const site = await reviewSite();
  const reject = await decide(site, BOB, 'reject', { reason: 'no' });
  assert.equal(reject.statusCode, 400);
  assert.deepEqual(site.calls, []);
  const bobsCard = reject.body.slice(reject.body.indexOf(`${QUEUE}/${BOB}/approve`));
  const nancysCard = reject.body.slice(0, reject.body.indexOf(`${QUEUE}/${BOB}/approve`));
  assert.ok(bobsCard.includes(`id="reason-${BOB}-error">Give the member a reason of 3 to 500 characters.`));
  assert.ok(bobsCard.includes('aria-invalid="true"'));
  assert.ok(bobsCard.includes('value="no"'), 'what the moderator typed stays in the box');
  assert.doesNotMatch(nancysCard, /aria-invalid|class="error"/, 'the other cards are as they were');
});

test('the module may say the refusal in the moderator’s language', async () => {
  const site = await reviewSite({ explain: 'Kerro jäsenelle syy, 1–500 merkkiä.' });
  const reject = await decide(site, NANCY, 'reject', { reason: '' });
  assert.equal(reject.statusCode, 400);
  assert.ok(reject.body.includes(`id="reason-${NANCY}-error">Kerro jäsenelle syy, 1–500 merkkiä.`));
});

test('any other refusal is not the reason’s fault: it is left to the chassis, never a re-rendered queue', async () => {
  const site = await reviewSite();
  const approve = await decide(site, DECIDED, 'approve');
  assert.equal(approve.statusCode, 409);
  const notAnId = await decide(site, 'nancy', 'reject', { reason: 'Fine' });
  assert.equal(notAnId.statusCode, 400);
  assert.doesNotMatch(notAnId.body, /<html/, 'an address that names nothing is not a form to fix');
});

test('the API takes the same decisions and answers with their outcome', async () => {
  const { app, calls } = await reviewSite();
  const approve = await app.inject({ method: 'POST', url: `/api/v1/review/changes/${NANCY}/approve` });
  assert.equal(approve.statusCode, 200);
  assert.deepEqual(approve.json(), { status: 'approved' });
  const reject = await app.inject({
    method: 'POST',
    url: `/api/v1/review/changes/${BOB}/reject`,
    payload: { reason: 'Please keep a few words.' },
  });
  assert.deepEqual(reject.json(), { status: 'rejected' });
  const refused = await app.inject({
    method: 'POST',
    url: `/api/v1/review/changes/${BOB}/reject`,
    payload: { reason: '' },
  });
  assert.equal(refused.statusCode, 400);
  assert.deepEqual(calls, [
    ['approve', MO, NANCY],
    ['reject', MO, BOB, 'Please keep a few words.'],
  ]);
});

test('the moderators’ navigation marks the page they are on, in their language', async () => {
  const app = Fastify();
  app.get('/review/nicknames', (request) => String(moderatorNav(request)));
  const page = await app.inject({
    method: 'GET',
    url: '/review/nicknames?done=approved',
    headers: { 'accept-language': 'sv' },
  });
  assert.match(page.body, /aria-label="Moderering"/);
  assert.match(page.body, /<a href="\/review\/nicknames" aria-current="page">Smeknamn<\/a>/);
  assert.match(page.body, /<a href="\/review\/photos" >Foton<\/a>/);
  assert.equal(page.body.match(/aria-current/g)?.length, 1, 'one page is the current one');
});
