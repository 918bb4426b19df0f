import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { MetricReading } from '@meetcute/core';
import { figuresBetween, quantileMs, readingOf } from './figures.ts';
import { siteSeries, type NodeHistory } from './history.ts';

const HTTP = 'meetcute_http_request_duration_seconds';
/** A scrape with `count` requests to one route, all within 10 ms, `failed` of them 500s. */
function scrape(count: number, failed: number, messages: number): MetricReading[] {
  const route = { route: '/api/v1/chat', method: 'POST' };
  return [
    {
      name: HTTP,
      type: 'histogram',
      values: [
        { metricName: `${HTTP}_bucket`, labels: { ...route, status: '200', le: 0.005 }, value: 0 },
        {
          metricName: `${HTTP}_bucket`,
          labels: { ...route, status: '200', le: 0.01 },
          value: count - failed,
        },
        {
          metricName: `${HTTP}_bucket`,
          labels: { ...route, status: '200', le: '+Inf' },
          value: count - failed,
        },
        { metricName: `${HTTP}_count`, labels: { ...route, status: '200' }, value: count - failed },
        { metricName: `${HTTP}_bucket`, labels: { ...route, status: '500', le: 0.005 }, value: 0 },
        { metricName: `${HTTP}_bucket`, labels: { ...route, status: '500', le: 0.01 }, value: failed },
        { metricName: `${HTTP}_bucket`, labels: { ...route, status: '500', le: '+Inf' }, value: failed },
        { metricName: `${HTTP}_count`, labels: { ...route, status: '500' }, value: failed },
      ],
    },
    { name: 'meetcute_chat_messages_total', type: 'counter', values: [{ labels: {}, value: messages }] },
    { name: 'meetcute_outbox_depth', type: 'gauge', values: [{ labels: { module: 'chat' }, value: 3 }] },
  ];
}

test('the figures of a step: requests and errors per second, latency within its bucket, messages per minute', () => {
  const before = readingOf(scrape(100, 0, 10), 0);
  const now = readingOf(scrape(300, 20, 30), 10_000);
  const f = figuresBetween(before, now);
  assert.equal(f.rate, 20);
  assert.equal(f.errors, 2);
  assert.ok(f.p99! > 5 && f.p99! <= 10, `p99 ${f.p99}`);
  assert.equal(f.messages, 120);
  assert.equal(f.outbox, 3);
  assert.equal(f['route:POST /api/v1/chat:rate'], 20);
  assert.equal(f['module:chat:outbox'], 3);
});

test('a node that restarted counts from zero instead of going negative', () => {
  const f = figuresBetween(readingOf(scrape(500, 0, 50), 0), readingOf(scrape(40, 0, 4), 10_000));
  assert.equal(f.rate, 4);
  assert.equal(f.messages, 24);
});

test('no requests means no latency, not zero', () => {
  assert.equal(
    quantileMs(
      new Map([
        [0.01, 0],
        [Infinity, 0],
      ]),
      0.99,
    ),
    null,
  );
});

test('the site graph adds up traffic over nodes and takes the worst latency', () => {
  const node = (id: string, rate: number, p99: number): NodeHistory => {
    const points = [{ at: 20_000, figures: { rate, p99 } }];
    return {
      facts: { id, name: id, version: '1', commit: null, startedAt: '2026-06-01T10:00:00.000Z' },
      seenAt: 0,
      windows: {
        hour: { points: () => points },
        day: { points: () => [] },
      } as unknown as NodeHistory['windows'],
    };
  };
  const site = siteSeries([node('a', 5, 30), node('b', 7, 80)], 'hour', ['rate', 'p99']);
  assert.deepEqual(site, { times: [20], series: { rate: [12], p99: [80] } });
});
