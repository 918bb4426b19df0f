import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Broker } from '../cluster.ts';
import { LogRing } from './log-ring.ts';
import { RecentTraces, type SpanRecord } from './recent-traces.ts';
import { shareTelemetry } from './share.ts';

/** Brokers of nodes that hear each other, as core NATS delivers: to every other node, not back. */
function linkedBrokers(names: string[]): Broker[] {
  const listeners: Array<{
    node: string;
    subject: string;
    onMessage: (data: unknown, subject: string) => void;
  }> = [];
  return names.map((nodeId) => ({
    nodeId,
    clustered: true,
    publish(subject, data) {
      const copy: unknown = JSON.parse(JSON.stringify(data));
      for (const l of listeners) if (l.node !== nodeId && l.subject === subject) l.onMessage(copy, subject);
    },
    subscribe(subject, onMessage) {
      const listener = { node: nodeId, subject, onMessage };
      listeners.push(listener);
      return () => void listeners.splice(listeners.indexOf(listener), 1);
    },
    request: () => Promise.reject(new Error('nobody answers here')),
    serve: () => () => undefined,
    onConnection: () => undefined,
    close: () => Promise.resolve(),
  }));
}

const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  assert.ok(check());
};

test('every node’s tail and traces hold the lines and spans of every node', async () => {
  const [a, b] = linkedBrokers(['node-a', 'node-b']) as [Broker, Broker];
  const nodes = [a, b].map((broker) => {
    const logs = new LogRing(broker.nodeId);
    const traces = new RecentTraces(broker.nodeId);
    return {
      logs,
      traces,
      stop: shareTelemetry(broker, logs, traces, 5),
      write: logs.tee({ write: () => undefined }),
    };
  });
  const [nodeA, nodeB] = nodes as [(typeof nodes)[number], (typeof nodes)[number]];
  nodeA.write.write('{"level":"info","msg":"from a"}\n');
  nodeB.write.write('{"level":"warn","msg":"from b"}\n');
  const span: SpanRecord = {
    traceId: 't1',
    spanId: 's1',
    parentSpanId: null,
    name: 'chat handles MessageSent',
    kind: 'consumer',
    startMs: 1,
    durationMs: 2,
    error: null,
    module: 'chat',
    attributes: {},
    node: 'node-b',
  };
  nodeB.traces.record(span);
  await until(() => nodeA.logs.size === 2 && nodeB.logs.size === 2 && nodeA.traces.size === 1);
  assert.equal(
    nodeA.traces.get('t1')?.spans[0]?.name,
    'chat handles MessageSent',
    'node b’s span is in node a’s trace',
  );
  for (const node of nodes) {
    assert.deepEqual(
      node.logs
        .recent()
        .map((l) => `${l.node}: ${l.msg}`)
        .sort(),
      ['node-a: from a', 'node-b: from b'],
    );
  }
  for (const node of nodes) node.stop();
  nodeA.write.write('{"level":"info","msg":"after stopping"}\n');
  await new Promise((resolve) => setTimeout(resolve, 30));
  assert.equal(nodeB.logs.size, 2, 'a node that stopped sharing sends nothing more');
});
