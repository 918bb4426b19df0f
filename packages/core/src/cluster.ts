import { randomUUID } from 'node:crypto';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import type { Logger } from './observability/logger.ts';

/**
 * What the nodes of one site say to each other that is not in the database: "the event
 * log moved, look now" and member-addressed live signals (a notification, typing, a
 * presence change) for the node that holds the member's page. Nothing durable goes
 * through it: what a member must not miss is in the database (the event log, the live
 * mailbox), so a lost signal costs latency (the next poll), never data.
 *
 * On one node it is `soloBroker`, which has nobody to tell; in a cluster it is core NATS
 * (`natsBroker`). A message a node publishes is delivered to the other nodes, not back
 * to itself: each node has already acted on its own news.
 */
export interface Broker {
  /** Unique per process, so a node recognises its own messages. */
  readonly nodeId: string;
  /** Whether other nodes may exist (the views follow the log, consumers take leases). */
  readonly clustered: boolean;
  publish(subject: string, data: unknown): void;
  /** Calls `onMessage` with what other nodes publish on the subject (wildcards allowed); returns the unsubscribe. */
  subscribe(subject: string, onMessage: (data: unknown, subject: string) => void): () => void;
  /**
   * Asks whichever node serves `subject` (see `serve`) and resolves with its answer;
   * rejects with NobodyAnswered when no node serves it now, or none answered within
   * `timeoutMs` (the work may still have been done).
   */
  request(subject: string, data: unknown, timeoutMs: number): Promise<unknown>;
  /**
   * Answers requests on `subject` with what `answer` resolves to; when several nodes serve
   * one subject, each request goes to one of them. Returns the way to stop.
   */
  serve(subject: string, answer: (data: unknown) => Promise<unknown>): () => void;
  /** Called with false when the broker is lost (signals may be missed from then on) and true when it is back. */
  onConnection(listener: (connected: boolean) => void): void;
  close(): Promise<void>;
}

/** The broker of a site that runs on one node: there is nobody else to tell. */
export function soloBroker(): Broker {
  return {
    nodeId: randomUUID(),
    clustered: false,
    publish: () => undefined,
    subscribe: () => () => undefined,
    request: (subject) => Promise.reject(new NobodyAnswered(subject, false)),
    serve: () => () => undefined,
    onConnection: () => undefined,
    close: () => Promise.resolve(),
  };
}

/**
 * No node serves the subject now (`served` false), or none answered in time. `away`: this
 * node has lost the broker, so the request was not sent at all (no node can have acted on it).
 */
export class NobodyAnswered extends Error {
  readonly served: boolean;
  readonly away: boolean;
  constructor(subject: string, served: boolean, away = false) {
    super(
      away
        ? `the broker is away: ${subject} was not asked`
        : served
          ? `nobody answered on ${subject} in time`
          : `nobody serves ${subject}`,
    );
    this.served = served;
    this.away = away;
  }
}

/** Requests go to one node of those serving a subject: NATS's queue group. */
const SERVERS = 'meetcute';

interface Wire {
  from: string;
  data: unknown;
}

/**
 * Core NATS between the nodes (at most once, in order per publisher). It reconnects for
 * as long as it takes; what is published while NATS is away is dropped, which the
 * nodes make up for by polling the database (see Broker).
 */
export async function natsBroker(url: string, logger: Logger): Promise<Broker> {
  const nodeId = randomUUID();
  const connection: NatsConnection = await connect({
    servers: url,
    name: `meetcute-${nodeId}`,
    maxReconnectAttempts: -1,
    reconnectTimeWait: 500,
  });
  const link = watchConnection(connection, url, logger);
  return {
    nodeId,
    clustered: true,
    publish(subject, data) {
      if (connection.isClosed()) return;
      try {
        connection.publish(subject, JSON.stringify({ from: nodeId, data } satisfies Wire));
      } catch (error) {
        // Only while reconnecting with a full buffer: the signal is lost, the database is not.
        logger.warn({ err: error, subject }, 'a signal to the other nodes was dropped');
      }
    },
    subscribe(subject, onMessage) {
      const subscription = connection.subscribe(subject, {
        callback: (error, message) => {
          if (error) return;
          let wire: Wire;
          try {
            wire = message.json<Wire>();
          } catch {
            return;
          }
          if (wire.from !== nodeId) onMessage(wire.data, message.subject);
        },
      });
      return () => subscription.unsubscribe();
    },
    async request(subject, data, timeoutMs) {
      // While reconnecting the client would hold the request and send it once NATS is back,
      // long after its asker gave up: refused at once instead, and known not to have gone.
      if (!link.connected) throw new NobodyAnswered(subject, false, true);
      try {
        const reply = await connection.request(subject, JSON.stringify(data), { timeout: timeoutMs });
        return reply.json<unknown>();
      } catch (error) {
        const noResponders = (error as { isNoResponders?: () => boolean }).isNoResponders?.() === true;
        throw new NobodyAnswered(subject, !noResponders);
      }
    },
    serve(subject, answer) {
      const subscription = connection.subscribe(subject, {
        queue: SERVERS,
        callback: (error, message) => {
          if (error) return;
          void (async () => {
            const reply = await answer(message.json<unknown>());
            message.respond(JSON.stringify(reply));
          })().catch((failure: unknown) => logger.error({ err: failure, subject }, 'a request failed'));
        },
      });
      return () => subscription.unsubscribe();
    },
    onConnection(listener) {
      link.listeners.push(listener);
    },
    async close() {
      if (!connection.isClosed()) await connection.drain();
    },
  };
}

/** Whether the connection is up now, and who is told when it goes and comes back. */
function watchConnection(connection: NatsConnection, url: string, logger: Logger) {
  const link = { connected: true, listeners: [] as Array<(connected: boolean) => void> };
  void (async () => {
    for await (const status of connection.status()) {
      if (status.type === 'disconnect') {
        link.connected = false;
        logger.warn({ nats: url }, 'lost NATS; reconnecting');
        for (const listener of link.listeners) listener(false);
      } else if (status.type === 'reconnect') {
        link.connected = true;
        logger.info({ nats: url }, 'NATS is back');
        for (const listener of link.listeners) listener(true);
      }
    }
  })();
  return link;
}
