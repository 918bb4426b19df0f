import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LogRing, parseLogLine } from './log-ring.ts';
import { createLogger } from './logger.ts';
import { runWithWork } from '../trace.ts';

const line = (fields: Record<string, unknown>) =>
  JSON.stringify({ level: 'info', msg: 'request', ...fields }) + '\n';

test('the ring keeps the newest lines and forgets the oldest first', () => {
  const ring = new LogRing('n1', 3);
  for (let i = 1; i <= 5; i++) ring.add('n1', line({ msg: `line ${i}` }));
  assert.equal(ring.size, 3);
  assert.deepEqual(
    ring.recent().map((l) => l.msg),
    ['line 3', 'line 4', 'line 5'],
  );
  assert.deepEqual(
    ring.recent({}, 2).map((l) => l.msg),
    ['line 4', 'line 5'],
    'a limit keeps the newest',
  );
  assert.deepEqual(
    ring.recent({}, 10, 4).map((l) => l.msg),
    ['line 5'],
    'a reconnecting tail gets what came after the last it saw',
  );
});

test('filters by level, module, route, member, trace id and free text', () => {
  const ring = new LogRing('n1');
  ring.add('n1', line({ level: 'debug', msg: 'quiet' }));
  ring.add('n1', line({ level: 'error', msg: 'broken', module: 'chat' }));
  ring.add('n1', line({ route: '/api/v1/chat/:id', memberId: 'm-anna', traceId: 'abc' }));
  ring.add('n2', line({ route: '/search', memberId: 'm-bert', msg: 'Searching Helsinki' }));
  ring.add('n1', 'not json at all\n');
  const msgs = (filter: Parameters<LogRing['recent']>[0]) => ring.recent(filter).map((l) => l.msg);
  assert.deepEqual(msgs({ level: 'warn' }), ['broken']);
  assert.deepEqual(msgs({ module: 'chat' }), ['broken']);
  assert.deepEqual(msgs({ route: '/api/v1/chat' }), ['request']);
  assert.deepEqual(msgs({ memberId: 'm-bert' }), ['Searching Helsinki']);
  assert.deepEqual(msgs({ traceId: 'abc' }), ['request']);
  assert.deepEqual(msgs({ text: 'helsinki' }), ['Searching Helsinki']);
  assert.deepEqual(msgs({ text: 'not json' }), ['not json at all']);
  assert.equal(ring.recent({ memberId: 'm-bert' })[0]!.node, 'n2');
});

test('the logger tees every line into the ring, with the work it belongs to', () => {
  const ring = new LogRing('n1');
  const written: string[] = [];
  const logger = createLogger('info', ring.tee({ write: (chunk: string) => void written.push(chunk) }));
  const seen: string[] = [];
  const stop = ring.watch((l) => seen.push(l.msg));
  runWithWork(
    { traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01', memberId: 'm1' },
    () => logger.info({ route: '/x' }, 'hello'),
  );
  stop();
  logger.info('after');
  assert.equal(written.length, 2, 'stdout still gets every line');
  assert.deepEqual(seen, ['hello'], 'a watcher hears lines until it stops');
  const [hello] = ring.recent({ memberId: 'm1' });
  assert.equal(hello?.traceId, '4bf92f3577b34da6a3ce929d0e0e4736');
  assert.equal(hello?.route, '/x');
  assert.equal(parseLogLine(1, 'n', '{"level":"warn"}').level, 'warn');
});
