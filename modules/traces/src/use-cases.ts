import { useCase, type When } from '@meetcute/core';
import { approved, bob, mo, nancy, otto } from '@meetcute/cast';

const operator = otto;
const everyone = [...approved(operator), ...approved(mo), ...approved(nancy), ...approved(bob)];

/** A caller whose trace context says "recorded": such a request is always traced, whatever the ratio. */
const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const sampled = { traceparent: `00-${TRACE_ID}-00f067aa0ba902b7-01` };

/** Nancy adds Bob to her favourites, in a trace: favourites publishes, alerts and search consume. */
const nancyFavoursBob: When = {
  as: nancy.memberId,
  method: 'POST',
  url: '/api/v1/favourites',
  body: { memberId: bob.memberId },
  headers: sampled,
};

const asOperator = (url: string): When => ({ as: operator.memberId, method: 'GET', url });

/** A console page is the operators': a guest is sent to log in, a member (even a moderator) is refused. */
const forOperatorsOnly = (what: string, url: string) => [
  useCase({
    title: `${what} is for operators: a guest is sent to log in first`,
    when: { method: 'GET', url },
    then: { status: 303, location: `/login?next=${encodeURIComponent(url)}` },
  }),
  useCase({
    title: `${what} is for operators: a member is refused`,
    given: everyone,
    when: { as: nancy.memberId, method: 'GET', url },
    then: { status: 403 },
  }),
  useCase({
    title: `${what} is for operators: a moderator is refused too`,
    given: everyone,
    when: { as: mo.memberId, method: 'GET', url },
    then: { status: 403 },
  }),
];

export const useCases = [
  useCase({
    title: 'The operator sees Nancy’s recorded request among the recent traces, with the modules it reached',
    given: everyone,
    before: [nancyFavoursBob],
    when: asOperator('/ops/traces'),
    then: {
      status: 200,
      page: ['Traces', 'POST /api/v1/favourites', `href="/ops/traces/${TRACE_ID}"`],
    },
  }),
  useCase({
    title: 'Traces filter by route, member, duration and errors: a filter nothing passes lists nothing',
    given: everyone,
    before: [nancyFavoursBob],
    when: asOperator(`/ops/traces?route=/api/v1/favourites&member=${bob.memberId}&minMs=0`),
    then: {
      status: 200,
      page: ['No recorded trace matches.', `value="${bob.memberId}"`],
      pageLacks: [TRACE_ID],
    },
  }),
  useCase({
    title: 'One trace is a waterfall: the request, the event it published and each module that handled it',
    given: everyone,
    before: [nancyFavoursBob],
    when: asOperator(`/ops/traces/${TRACE_ID}`),
    endpoint: 'GET /ops/traces/:traceId',
    then: {
      status: 200,
      page: [
        'POST /api/v1/favourites',
        'publish FavouriteAdded',
        'alerts handles FavouriteAdded',
        'search handles FavouriteAdded',
        'class="span-bar"',
        `href="/ops/logs?trace=${TRACE_ID}"`,
      ],
    },
  }),
  useCase({
    title: 'A trace this node does not keep is a page that says so',
    given: everyone,
    when: asOperator('/ops/traces/0af7651916cd43dd8448eb211c80319c'),
    endpoint: 'GET /ops/traces/:traceId',
    then: { status: 404, page: ['This trace is not kept on this node (any more).'] },
  }),
  useCase({
    title: 'A duration that is not a number is explained, not a failure',
    given: everyone,
    when: asOperator('/ops/traces?minMs=slow'),
    then: { status: 400, page: ['minMs'] },
  }),
  ...forOperatorsOnly('The trace viewer', '/ops/traces'),
  useCase({
    title: 'The log tail offers its filters and says when no line matches',
    given: everyone,
    when: asOperator(`/ops/logs?level=warn&member=${nancy.memberId}&text=nothing-like-this`),
    then: {
      status: 200,
      page: [
        'Logs',
        'name="level"',
        'name="module"',
        'name="route"',
        'name="member"',
        'name="trace"',
        'name="text"',
        'No log line matches.',
      ],
    },
  }),
  useCase({
    title: 'In Finnish, the log tail speaks Finnish',
    given: everyone,
    when: { ...asOperator('/ops/logs'), headers: { 'accept-language': 'fi' } },
    then: { status: 200, page: ['Lokit', 'Taso vähintään'] },
  }),
  ...forOperatorsOnly('The log tail', '/ops/logs'),
  useCase({
    title: 'A level the log does not know is explained, not a failure',
    given: everyone,
    when: asOperator('/ops/logs?level=loud'),
    then: { status: 400, page: ['level'] },
  }),
];
