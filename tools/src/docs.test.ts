import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Type } from 'typebox';
import { defineEvent, defineModule, emitted, given, useCase, type ModuleDefinition } from '@meetcute/core';
import { strays, summarise, toTsv, type RouteRecord } from './docs/coverage.ts';
import { moduleGraph } from './docs/graph.ts';

// Two made-up modules: "things" publishes ThingMade (shown by a use case) and ThingLost
// (only ever assumed in a GIVEN); "watch" consumes both but starts a use case from one.
const ThingMade = defineEvent({
  type: 'ThingMade',
  module: 'things',
  description: '',
  schema: Type.Object({}),
});
const ThingLost = defineEvent({
  type: 'ThingLost',
  module: 'things',
  description: '',
  schema: Type.Object({}),
});

function fakeModule(
  spec: Pick<ModuleDefinition, 'name' | 'publishes' | 'consumes' | 'useCases'>,
): ModuleDefinition {
  return defineModule({
    ...spec,
    description: '',
    tables: {},
    migrations: [],
    projections: [],
    register: () => undefined,
  });
}

const things = fakeModule({
  name: 'things',
  publishes: [ThingMade, ThingLost],
  consumes: [],
  useCases: [
    useCase({
      title: 'a thing is fetched by id (query and trailing slash ignored)',
      given: [given(ThingLost, {})],
      when: { method: 'GET', url: '/api/v1/things/7/?full=1' },
      then: { status: 200, events: [emitted(ThingMade)] },
    }),
    useCase({
      title: 'the static route wins over the parameter, like the router',
      when: { method: 'GET', url: '/api/v1/things/mine' },
      then: { status: 200 },
    }),
    useCase({
      title: 'an explicit endpoint names the template, whatever the parameter is called',
      endpoint: 'GET /api/v1/things/:thing',
      when: { method: 'GET', url: '/api/v1/things/8' },
      then: { status: 404 },
    }),
  ],
});

const watch = fakeModule({
  name: 'watch',
  publishes: [],
  consumes: [ThingMade, ThingLost],
  useCases: [
    useCase({
      title: 'a made thing is watched',
      given: [given(ThingMade, {})],
      when: { method: 'GET', url: '/watch' },
      then: { status: 200 },
    }),
    useCase({
      title: 'a typo in the endpoint documents nothing',
      endpoint: 'GET /api/v1/thingz/:id',
      when: { method: 'GET', url: '/api/v1/thingz/1' },
      then: { status: 404 },
    }),
  ],
});

const route = (method: string, url: string, kind: string, module: string | null): RouteRecord => ({
  method,
  url,
  kind,
  access: 'public',
  module,
});

const routes: RouteRecord[] = [
  route('GET', '/heartbeat', 'ops', null),
  route('GET', '/', 'page', null),
  route('HEAD', '/', 'page', null),
  route('GET', '/api/v1/things/:id', 'api', 'things'),
  route('HEAD', '/api/v1/things/:id', 'api', 'things'),
  route('GET', '/api/v1/things/mine', 'api', 'things'),
  route('POST', '/api/v1/things', 'api', 'things'),
  route('GET', '/watch', 'page', 'watch'),
  route('GET', '/assets/:name', 'asset', null),
];

test('the summary has one sorted line per endpoint and event, with the use cases covering it', () => {
  assert.equal(
    toTsv(summarise([watch, things], routes)),
    [
      'module\tkind\tname\tuse_cases',
      'things\tendpoint\tGET /api/v1/things/:id\t2',
      'things\tendpoint\tGET /api/v1/things/mine\t1',
      'things\tendpoint\tPOST /api/v1/things\t0',
      'things\tpublishes\tThingLost\t0',
      'things\tpublishes\tThingMade\t1',
      'watch\tconsumes\tThingLost\t0',
      'watch\tconsumes\tThingMade\t1',
      'watch\tendpoint\tGET /watch\t1',
      'web\tendpoint\tGET /\t0',
      '',
    ].join('\n'),
  );
});

test('a use case whose endpoint is not declared is reported, not counted', () => {
  assert.deepEqual(strays([things, watch], routes), [
    {
      module: 'watch',
      title: 'a typo in the endpoint documents nothing',
      problem: 'endpoint "GET /api/v1/thingz/:id" is not a declared API or page route',
    },
  ]);
});

test('the graph marks in red what no use case covers', () => {
  const dot = moduleGraph([things, watch], summarise([things, watch], routes));
  assert.match(
    dot,
    /"module:things" -> "module:watch" \[label=<ThingMade<br\/><font color="#c62828">ThingLost<\/font>/,
  );
  assert.match(dot, /"module:things" \[label=<.*1 without use cases:.*POST \/api\/v1\/things/);
  assert.match(dot, /"module:web" \[style="rounded,dashed"/);
});

test('a retired event counts for its consumers only: nothing can show it published', () => {
  const ThingOld = defineEvent({
    type: 'ThingOld',
    module: 'things',
    description: '',
    schema: Type.Object({}),
    retired: 'ThingMade took its place',
  });
  const retiring = fakeModule({
    name: 'things',
    publishes: [ThingMade, ThingOld],
    consumes: [],
    useCases: [],
  });
  const lines = toTsv(summarise([retiring], [])).split('\n');
  assert.ok(lines.includes('things\tpublishes\tThingMade\t0'), 'a live event without a use case is a gap');
  assert.ok(!lines.some((l) => l.includes('ThingOld')), 'a retired one is none');
});
