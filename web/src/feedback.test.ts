import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FastifyRequest } from 'fastify';
import { backAfter, backField, feedbackNotice, feedbackOf, hereAt } from './feedback.ts';

function requestAt(url: string, query: Record<string, unknown> = {}): FastifyRequest {
  return { url, query } as unknown as FastifyRequest;
}

test('a form comes back to its page at the element it acts on, without what an earlier action said', () => {
  const request = requestAt('/search?gender=man&flirt=sent&to=bob&favourite=added#top');
  assert.equal(hereAt(request, 'member-bob'), '/search?gender=man#member-bob');
  assert.match(backField(request, 'x').value, /name="back" value="\/search\?gender=man#x"/);
});

test('after an action the member lands on the page it names, with the outcome and the element’s anchor', () => {
  assert.equal(
    backAfter(
      { back: '/search?gender=man&flirt=limit&to=old#member-bob' },
      '/flirts',
      'flirt',
      'sent',
      'bob',
    ),
    '/search?gender=man&flirt=sent&to=bob#member-bob',
  );
  // Another action's outcome does not linger beside the new one.
  assert.equal(
    backAfter({ back: '/members/b?favourite=added&to=b#actions' }, '/', 'flirt', 'sent', 'b'),
    '/members/b?flirt=sent&to=b#actions',
  );
});

test('a back that would leave the site, or is no path, lands on the fallback with its anchor', () => {
  for (const back of [
    '//evil.example/x',
    'https://evil.example/',
    '/\\evil.example',
    '/\t/evil.example',
    '',
    'news',
  ]) {
    assert.equal(
      backAfter({ back }, '/blocks#member-n', 'block', 'blocked', 'n'),
      '/blocks?block=blocked&to=n#member-n',
      back,
    );
  }
  assert.equal(backAfter({}, '/diary#my-diary', 'diary', 'posted'), '/diary?diary=posted#my-diary');
});

test('only an outcome the page knows is read back; anything else is no outcome at all', () => {
  const outcomes = ['added', 'removed'] as const;
  assert.deepEqual(feedbackOf(requestAt('/', { favourite: 'added', to: 'bob' }), 'favourite', outcomes), {
    outcome: 'added',
    to: 'bob',
  });
  assert.deepEqual(feedbackOf(requestAt('/', { interest: 'removed' }), 'interest', ['removed']), {
    outcome: 'removed',
    to: null,
  });
  for (const query of [{}, { favourite: '<script>' }, { favourite: ['added', 'added'] }, { flirt: 'added' }])
    assert.equal(feedbackOf(requestAt('/', query), 'favourite', outcomes), null, JSON.stringify(query));
  assert.equal(feedbackOf({ url: '/' } as FastifyRequest, 'favourite', outcomes), null);
});

test('the notice is a status a screen reader announces, focusable for the in-place update, its text escaped', () => {
  const notice = feedbackNotice('<b>Saved</b>').value;
  assert.match(notice, /^<p class="notice feedback" role="status" tabindex="-1" data-feedback-notice>/);
  assert.match(notice, /&lt;b&gt;Saved&lt;\/b&gt;/);
});
