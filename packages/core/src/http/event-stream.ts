import type { ServerResponse } from 'node:http';
import type { FastifyReply } from 'fastify';

/**
 * Takes the answer over as a stream of Server-Sent Events: the headers that keep proxies
 * from buffering or caching it, and how soon the browser should reconnect when it drops.
 * The caller writes the events and ends it when the request closes.
 */
export function openEventStream(reply: FastifyReply, retryMs = 2000): ServerResponse {
  reply.hijack();
  const raw = reply.raw;
  raw.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  raw.write(`retry: ${retryMs}\n\n`);
  return raw;
}
