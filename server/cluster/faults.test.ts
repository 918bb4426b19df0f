// Faults a cluster must ride out, each bounded in time and on loopback only: a node
// killed while members on it chat, a chat group's owner killed, PostgreSQL cut off from
// every node (through a TCP proxy this suite owns, never the shared server), and the
// cluster's own NATS restarted while members chat.
import assert from 'node:assert/strict';
import { setTimeout as delay } from 'node:timers/promises';
import { after, before, describe, test } from 'node:test';
import { groupOf } from '@meetcute/chat';
import { conversationIdOf } from '@meetcute/chat/events';
import {
  Cluster,
  eventually,
  listen,
  Member,
  missing,
  noNatsServer,
  within,
  type Alerts,
  type Heard,
} from './testing.ts';

const why = await missing();
if (why) {
  process.stderr.write(`The cluster fault suite needs PostgreSQL, NATS and HAProxy: ${why}\n`);
  test(`cluster faults (skipped: ${why})`, { skip: why }, () => undefined);
}

/** A message a member was told was sent (201), and whom to. */
interface Acknowledged {
  messageId: string;
  to: string;
}

/** True when every node's /ready answers `status` now (0 for no answer at all), else undefined. */
async function everyNodeReadyIs(cluster: Cluster, status: number): Promise<true | undefined> {
  const answers = await Promise.all(
    cluster.nodes.map((n) =>
      fetch(`${n.url}/ready`).then(
        (r) => r.status,
        () => 0,
      ),
    ),
  );
  return answers.every((answer) => answer === status) || undefined;
}

/**
 * Sends messages from one member to another through `base` until `going()` is false;
 * keeps those acknowledged, and counts every answer. Each send is answered within 15 s
 * (none hangs), 201 or a refusal the member can act on.
 */
async function chatting(
  from: Member,
  to: Member,
  base: string,
  going: () => boolean,
  acked: Acknowledged[],
  answers = { count: 0 },
) {
  for (let i = 0; going(); i++) {
    const response = await within(
      15_000,
      'an answer to a send',
      from.call('POST', `/api/v1/chats/${to.memberId}/messages`, { body: `message ${i}` }, base),
    ).catch((error: unknown) => {
      if (String(error).includes('timed out')) throw error;
      return null;
    });
    if (response) answers.count++;
    if (response?.status === 201) {
      const { messageId } = (await response.json()) as { messageId: string };
      acked.push({ messageId, to: to.memberId });
    } else if (response) {
      // Not acknowledged, so the member knows to send it again: the node died under it
      // (502 from the proxy) or the conversation was moving or could not be reached (503,
      // said as a problem when a node answers it).
      const text = await response.text();
      assert.ok([502, 503].includes(response.status), `${response.status}: ${text}`);
      if (response.headers.has('x-meetcute-node') && response.status === 503)
        assert.match(response.headers.get('content-type') ?? '', /problem\+json/, text);
    }
    await delay(40);
  }
}

/** Which node holds a chat group now, by its metrics; null if none does. */
async function holderOf(cluster: Cluster, group: number): Promise<number | null> {
  for (const [i, node] of cluster.nodes.entries()) {
    if (node.child.exitCode !== null || node.child.signalCode !== null) continue;
    const text = await fetch(`${node.url}/metrics`).then((r) => r.text());
    if (text.includes(`meetcute_lease_held{leases="chat.groups",number="${group}"} 1`)) return i;
  }
  return null;
}

/** How many chat groups each running node holds. */
async function groupsHeld(cluster: Cluster): Promise<number[]> {
  return Promise.all(
    cluster.nodes.map(async (node) => {
      const text = await fetch(`${node.url}/metrics`).then(
        (r) => r.text(),
        () => '',
      );
      return text.split('\n').filter((line) => line.startsWith('meetcute_lease_held{leases="chat.groups"'))
        .length;
    }),
  );
}

const isMessage = (id: string) => (n: Heard) =>
  n.type === 'chat.message' && (n.data as { messageId: string }).messageId === id;

describe('a cluster losing a node, a chat group owner, or its database', { skip: why ?? false }, () => {
  const cluster = new Cluster('faults');

  const noNats = noNatsServer();
  if (noNats) process.stderr.write(`The NATS restart test is skipped: ${noNats}\n`);
  before(() => cluster.start({ cuttable: true, ownNats: noNats === null }));
  after(() => cluster.close());

  test('kill -9 a node while members on it chat: they are back through the proxy within 5 s and miss no message or alert', async () => {
    const { site } = cluster;
    const nancy = await new Member(site).logIn('nancy@example.com');
    const bob = await new Member(site).logIn('bob@example.com');
    const sami = await new Member(site).logIn('sami@example.com');
    const hers = listen(nancy, site, { reconnect: true });
    const his = listen(bob, site, { reconnect: true });
    try {
      await within(15_000, 'both live channels', Promise.all([hers.opened, his.opened]));
      const victim = hers.stretches[0]!.node!;
      const acked: Acknowledged[] = [];
      let going = true;
      const talk = [
        chatting(nancy, bob, site, () => going, acked),
        chatting(bob, nancy, site, () => going, acked),
      ];
      await eventually('a few messages before the kill', async () => (acked.length >= 6 ? true : undefined));
      await cluster.kill(victim);
      // She is between nodes: an alert made now must reach her all the same.
      const favourite = eventually('a favourite from Sami', async () => {
        const response = await sami.call('POST', '/api/v1/favourites', { memberId: nancy.memberId });
        return response.status < 300 ? response : undefined;
      });
      // Bounded from the kill: her channel ended and opened again through the proxy.
      await eventually(
        'her channel back within 5 s',
        async () => hers.stretches.length > 1 || undefined,
        5000,
      );
      assert.notEqual(hers.stretches[1]!.node, victim, 'the proxy sent her to a node that lives');
      await favourite;
      const sentAfter = acked.length;
      await eventually('messages after the kill', async () =>
        acked.length >= sentAfter + 6 ? true : undefined,
      );
      going = false;
      await Promise.all(talk);
      for (const { messageId, to } of acked) {
        const channel = to === nancy.memberId ? hers : his;
        await within(
          15_000,
          `message ${messageId} on the recipient's channel`,
          channel.next(isMessage(messageId)),
        );
      }
      const alert = await within(
        15_000,
        'the favourite alert on her channel',
        hers.next((n) => n.type === 'alert' && (n.data as { actorId?: string }).actorId === sami.memberId),
      );
      assert.ok(alert);
    } finally {
      hers.close();
      his.close();
      await cluster.revive(0);
      await cluster.revive(1);
      await cluster.revive(2);
    }
  });

  test("a chat group's owner is killed: another node takes the group within 10 s, and what it acknowledged is kept", async () => {
    const nancy = await new Member(cluster.site).logIn('nancy@example.com');
    const bob = await new Member(cluster.site).logIn('bob@example.com');
    // Three nodes share the 64 groups out (at most ceil(64 / 3) = 22 each) once the revived ones joined.
    await eventually(
      'the groups shared out',
      async () => {
        const held = await groupsHeld(cluster);
        return (held.every((n) => n >= 20 && n <= 22) && held.reduce((a, b) => a + b) === 64) || undefined;
      },
      30_000,
    );
    const group = groupOf(conversationIdOf(nancy.memberId, bob.memberId));
    const owner = await eventually(
      'the owner of their group',
      async () => (await holderOf(cluster, group)) ?? undefined,
    );
    const other = cluster.nodes[(owner + 1) % 3]!;
    // Sent on a node that does not own the group: forwarded, and acknowledged once committed there.
    const before = await nancy.call(
      'POST',
      `/api/v1/chats/${bob.memberId}/messages`,
      { body: 'before' },
      other.url,
    );
    assert.equal(before.status, 201, await before.clone().text());
    const kept = ((await before.json()) as { messageId: string }).messageId;
    await cluster.kill(owner);
    // Bounded from the kill: until another node holds the group, a send is refused (503), never lost.
    const after = await within(
      10_000,
      'a send to be taken after the takeover',
      (async () => {
        for (;;) {
          const response = await nancy.call(
            'POST',
            `/api/v1/chats/${bob.memberId}/messages`,
            { body: 'after' },
            other.url,
          );
          if (response.status === 201) return (await response.json()) as { messageId: string };
          assert.equal(response.status, 503, await response.text());
          await delay(100);
        }
      })(),
    );
    const heir = await holderOf(cluster, group);
    assert.ok(heir !== null && heir !== owner, `a living node holds group ${group} now`);
    const listed = await bob.call('GET', `/api/v1/chats/${nancy.memberId}/messages`, undefined, other.url);
    const ids = ((await listed.json()) as { messages: Array<{ messageId: string }> }).messages.map(
      (m) => m.messageId,
    );
    assert.ok(ids.includes(kept) && ids.includes(after.messageId), 'both messages are in the conversation');
    await cluster.revive(owner);
  });

  test('PostgreSQL cut off from every node: requests answer 503 at once, /ready fails, and all comes back', async () => {
    const nancy = await new Member(cluster.site).logIn('nancy@example.com');
    const bob = await new Member(cluster.site).logIn('bob@example.com');
    const database = cluster.database!;
    database.cut();
    try {
      for (const node of cluster.nodes) {
        const response = await within(
          10_000,
          `an answer from ${node.url}`,
          nancy.call('GET', '/api/v1/alerts', undefined, node.url),
        );
        assert.equal(response.status, 503, await response.clone().text());
        assert.match(response.headers.get('content-type') ?? '', /problem\+json/);
      }
      await eventually('every node to fail /ready', () => everyNodeReadyIs(cluster, 503));
    } finally {
      database.restore();
    }
    await eventually('every node ready again', () => everyNodeReadyIs(cluster, 200), 30_000);
    // The leases came back with the database: chat groups take sends, consumers make alerts.
    const sent = await eventually('a message through the proxy', async () => {
      const response = await nancy.call('POST', `/api/v1/chats/${bob.memberId}/messages`, { body: 'back' });
      return response.status === 201 ? response : undefined;
    });
    assert.equal(sent.status, 201);
    // Oskar has not made her a favourite, in the demo or before in this suite.
    const oskar = await new Member(cluster.site).logIn('oskar@example.com');
    const favourite = await oskar.call('POST', '/api/v1/favourites', { memberId: nancy.memberId });
    assert.ok(favourite.status < 300, await favourite.clone().text());
    await eventually(
      'the favourite alert',
      async () => {
        const response = await nancy.call('GET', '/api/v1/alerts');
        if (response.status !== 200) return undefined;
        const body = (await response.json()) as Alerts;
        return (
          body.items?.some((a) => a.actor?.memberId === oskar.memberId && a.kind === 'favourite') || undefined
        );
      },
      20_000,
    );
  });

  test(
    'NATS restarted while members chat: no send hangs, and every acknowledged message is kept, once',
    { skip: noNats ?? false },
    async () => {
      const nancy = await new Member(cluster.site).logIn('nancy@example.com');
      const bob = await new Member(cluster.site).logIn('bob@example.com');
      const acked: Acknowledged[] = [];
      const answers = { count: 0 };
      let going = true;
      const talk = [
        chatting(nancy, bob, cluster.site, () => going, acked, answers),
        chatting(bob, nancy, cluster.site, () => going, acked, answers),
      ];
      try {
        await eventually('a few messages before', async () => (acked.length >= 6 ? true : undefined));
        await cluster.stopNats();
        // Sends go on while the broker is away: each is answered (201 where the node holds
        // the conversation, else 503 at once), none hangs.
        const during = answers.count;
        await eventually(
          'sends answered while NATS is away',
          async () => answers.count >= during + 6 || undefined,
          30_000,
        );
        await cluster.startNats();
        const back = acked.length;
        await eventually(
          'messages after NATS is back',
          async () => acked.length >= back + 6 || undefined,
          30_000,
        );
      } finally {
        going = false;
        await Promise.all(talk);
      }
      const stored = await conversation(nancy, bob, cluster.site, acked.length);
      for (const { messageId } of acked)
        assert.equal(stored.filter((id) => id === messageId).length, 1, `${messageId} once`);
    },
  );
});

/** The message ids of the pair's conversation, newest first, paging back until `at least` are read or it starts. */
async function conversation(member: Member, other: Member, base: string, atLeast: number): Promise<string[]> {
  const ids: string[] = [];
  let before: number | null = null;
  do {
    const page = await member.call(
      'GET',
      `/api/v1/chats/${other.memberId}/messages${before ? `?before=${before}` : ''}`,
      undefined,
      base,
    );
    const body = (await page.json()) as {
      messages: Array<{ messageId: string }>;
      olderBefore: number | null;
    };
    ids.push(...body.messages.map((m) => m.messageId));
    before = body.olderBefore;
  } while (before !== null && ids.length < atLeast + 100);
  return ids;
}
