// Three real nodes on one PostgreSQL database and one NATS, behind HAProxy
// (ops/haproxy.cfg), as `make cluster` runs them. What a member on one node does reaches a
// member on another live; a session ended on one node is ended on all; when the node that
// runs the consumers is killed, another takes them over and nothing committed is lost.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Cluster, eventually, listen, Member, missing, within, type Alerts } from './testing.ts';

const why = await missing();
if (why) {
  process.stderr.write(`The cluster suite needs PostgreSQL, NATS and HAProxy: ${why}\n`);
  test(`the cluster (skipped: ${why})`, { skip: why }, () => undefined);
}

describe('three nodes behind HAProxy on PostgreSQL and NATS', { skip: why ?? false }, () => {
  const cluster = new Cluster('test');
  const { nodes } = cluster;
  let site = '';

  before(async () => {
    await cluster.start();
    site = cluster.site;
  });

  after(() => cluster.close());

  test('a member on node 2 sees, live, a flirt sent by a member on node 3', async () => {
    // Node 1 started first and runs every consumer: the flirt is sent on node 3, made an
    // alert on node 1, and pushed to her page on node 2.
    const nancy = await new Member(nodes[1]!.url).logIn('nancy@example.com');
    // Oskar has not flirted with her in the demo.
    const oskar = await new Member(nodes[2]!.url).logIn('oskar@example.com');
    const channel = listen(nancy, nodes[1]!.url);
    await within(15_000, 'her live channel on node 2', channel.opened);
    try {
      const flirt = await oskar.call('POST', '/api/v1/flirts', { memberId: nancy.memberId });
      assert.equal(flirt.status, 201, await flirt.clone().text());
      const alert = await within(
        15_000,
        'the flirt alert on node 2',
        channel.next((n) => n.type === 'alert'),
      );
      assert.equal((alert.data as { kind: string; actorId: string }).actorId, oskar.memberId);
      // And every node answers the same: her alerts through the proxy list it.
      const listed = await eventually('the alert through the proxy', async () => {
        const response = await nancy.call('GET', '/api/v1/alerts', undefined, site);
        const body = (await response.json()) as Alerts;
        return body.items?.some((a) => a.actor?.memberId === oskar.memberId && a.kind === 'flirt')
          ? body
          : undefined;
      });
      assert.ok(listed);
    } finally {
      channel.close();
    }
  });

  test('logging out on one node ends the session on every node at once', async () => {
    const eve = await new Member(nodes[1]!.url).logIn('eve@example.com');
    for (const node of nodes) {
      const response = await eve.call('GET', '/api/v1/sessions/current', undefined, node.url);
      assert.equal(response.status, 200, `signed in on ${node.url}`);
    }
    const channel = listen(eve, nodes[2]!.url);
    const out = await eve.call('DELETE', '/api/v1/sessions/current', undefined, nodes[0]!.url);
    assert.equal(out.status, 204, await out.clone().text());
    // Every node's in-memory sessions heard it: no node still lets the cookie in.
    for (const node of nodes) {
      const response = await eve.call('GET', '/api/v1/sessions/current', undefined, node.url);
      assert.equal(response.status, 401, `signed out on ${node.url}`);
    }
    // And her live channel on node 3 ended.
    await within(15_000, 'the channel on node 3 to end', channel.ended);
  });

  test('killing the node that runs the consumers: another takes them over, nothing committed is lost', async () => {
    const nancy = await new Member(site).logIn('nancy@example.com');
    // Sami has done nothing to her in the demo: any alert from him comes from this test.
    const sami = await new Member(nodes[1]!.url).logIn('sami@example.com');
    // Node 1 started first and holds every lease; kill -9 it.
    nodes[0]!.child.kill('SIGKILL');
    await nodes[0]!.exited;
    const sent = await sami.call('POST', '/api/v1/favourites', { memberId: nancy.memberId });
    assert.ok(sent.status < 300, await sent.clone().text());
    // Sami's favourite is committed on node 2; the alerts consumer must still project it
    // into Nancy's alerts once another node has taken the leases.
    await eventually(
      'the favourite alert after the takeover',
      async () => {
        const response = await nancy.call('GET', '/api/v1/alerts', undefined, nodes[2]!.url);
        const body = (await response.json()) as Alerts;
        return body.items?.some((a) => a.actor?.memberId === sami.memberId) ? true : undefined;
      },
      20_000,
    );
    // Through the proxy the site still answers: HAProxy took node 1 out.
    const ready = await eventually('the proxy to answer', async () => {
      const response = await fetch(`${site}/ready`).catch(() => null);
      return response?.status === 200 ? response : undefined;
    });
    assert.equal(ready.status, 200);
  });
});
