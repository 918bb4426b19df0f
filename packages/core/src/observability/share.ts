import type { Broker } from '../cluster.ts';
import type { LogRing } from './log-ring.ts';
import type { RecentTraces, SpanRecord } from './recent-traces.ts';

/** Where a node tells the others the log lines it wrote. */
const LOG_LINES = 'meetcute.logs';
/** Where a node tells the others the spans it recorded. */
const SPANS = 'meetcute.spans';
/** A node sends what it saw to the others at most this often, a batch at a time. */
const SEND_MS = 200;

/**
 * Every node's console shows every node's log lines and spans: each node sends its own to
 * the others (in batches, so a busy node sends a few messages a second, not one a line)
 * and keeps what the others send. Like every broker message it is at most once: a line
 * lost while the broker is away is missing from the other nodes' tails, not from the
 * node's own output. Returns the way to stop.
 */
export function shareTelemetry(
  broker: Broker,
  logs: LogRing,
  traces: RecentTraces,
  everyMs = SEND_MS,
): () => void {
  let lines: string[] = [];
  let spans: SpanRecord[] = [];
  const send = setInterval(() => {
    if (lines.length > 0) broker.publish(LOG_LINES, { node: broker.nodeId, lines });
    if (spans.length > 0) broker.publish(SPANS, spans);
    lines = [];
    spans = [];
  }, everyMs);
  send.unref();
  let sharing = true;
  logs.onOwnLine((raw) => {
    if (sharing) lines.push(raw);
  });
  traces.onSpan((span) => {
    if (sharing) spans.push(span);
  });
  const unsubscribe = [
    broker.subscribe(LOG_LINES, (data) => {
      const { node, lines: theirs } = data as { node: string; lines: string[] };
      for (const raw of theirs) logs.add(node, raw);
    }),
    broker.subscribe(SPANS, (data) => {
      for (const span of data as SpanRecord[]) traces.add(span);
    }),
  ];
  return () => {
    sharing = false;
    clearInterval(send);
    for (const stop of unsubscribe) stop();
  };
}
