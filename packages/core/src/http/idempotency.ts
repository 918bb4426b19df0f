import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ModuleDatabase } from '../db/storage.ts';
import { Problem, problems } from './problems.ts';

/** How long an answer is kept for a retry with the same key. */
const KEEP_MS = 24 * 60 * 60 * 1000;
/** A first attempt that never finished (its process died) stops blocking retries after this. */
const ABANDONED_MS = 60 * 1000;
const KEY = /^[\x21-\x7e]{1,255}$/;

interface Row {
  key: string;
  fingerprint: string;
  state: 'pending' | 'done';
  status: number | null;
  content_type: string | null;
  body: string | null;
  started_at: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The stored key of an API POST that carried an Idempotency-Key, until its answer is kept. */
    idempotencyKey: string | null;
  }
}

/**
 * `Idempotency-Key` on API POSTs (as in the IETF draft): a client that did not hear the
 * answer sends the request again with the same key and gets the first answer back,
 * marked `Idempotent-Replayed: true`, instead of doing it twice (two messages, two
 * uploads). Keys are the caller's: they are scoped to the member (or, before log-in, to
 * the address) and the route. The same key with another body is a 422; while the first
 * is still running, a 409. Answers of 5xx are not kept, so those retries run again.
 * Answers are kept 24 hours, in the event log's database.
 *
 * The first attempt's key is recorded before it runs and its answer after: a process
 * killed between its commit and that second write leaves the key "running" for a minute,
 * after which a retry runs again (the rare case where a client could see a duplicate).
 */
export function idempotency(store: ModuleDatabase, now: () => Date) {
  let prunedAt = 0;
  const prune = async (at: Date): Promise<void> => {
    if (at.getTime() - prunedAt <= 60_000) return;
    prunedAt = at.getTime();
    await store.db
      .deleteFrom('idempotency')
      .where('started_at', '<', new Date(at.getTime() - KEEP_MS).toISOString())
      .execute();
  };
  return {
    async begin(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> {
      const header = request.headers['idempotency-key'];
      if (header === undefined || request.method !== 'POST') return undefined;
      if (typeof header !== 'string' || !KEY.test(header)) {
        throw problems.invalid([
          {
            field: 'headers.idempotency-key',
            message: 'must be 1 to 255 visible ASCII characters, the same for every retry of one request',
          },
        ]);
      }
      const at = now();
      await prune(at);
      const scope = request.viewer?.memberId ?? `address ${request.ip}`;
      const key = hash(`${scope}\n${request.routeOptions.url ?? request.url}\n${header}`);
      const fingerprint = hash(`${request.url}\n${JSON.stringify(request.body ?? null)}`);
      const inserted = await store.db
        .insertInto('idempotency')
        .values({ key, fingerprint, state: 'pending', started_at: at.toISOString() })
        .onConflict((oc) => oc.column('key').doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1) {
        request.idempotencyKey = key;
        return undefined;
      }
      const row = (await store.db
        .selectFrom('idempotency')
        .selectAll()
        .where('key', '=', key)
        .executeTakeFirst()) as Row | undefined;
      // Pruned between the two statements: this is a first attempt after all.
      if (!row) return this.begin(request, reply);
      return retried(store, row, { request, reply, key, fingerprint, at });
    },

    /** Keeps the answer for retries; a 5xx is forgotten instead, so that a retry runs again. */
    async finish(request: FastifyRequest, reply: FastifyReply, payload: unknown): Promise<void> {
      const key = request.idempotencyKey;
      if (!key) return;
      request.idempotencyKey = null;
      if (reply.statusCode >= 500 || (typeof payload !== 'string' && !Buffer.isBuffer(payload))) {
        await store.db.deleteFrom('idempotency').where('key', '=', key).execute();
        return;
      }
      await store.db
        .updateTable('idempotency')
        .set({
          state: 'done',
          status: reply.statusCode,
          content_type: String(reply.getHeader('content-type') ?? 'application/json'),
          body: payload.toString(),
        })
        .where('key', '=', key)
        .execute();
    },
  };
}

/** A key seen before: the first answer again, a refusal, or (its first attempt died) a run in its place. */
async function retried(
  store: ModuleDatabase,
  row: Row,
  attempt: { request: FastifyRequest; reply: FastifyReply; key: string; fingerprint: string; at: Date },
): Promise<FastifyReply | undefined> {
  const { request, reply, key, at } = attempt;
  if (row.fingerprint !== attempt.fingerprint) {
    throw new Problem(
      422,
      'idempotency-key-reused',
      'This Idempotency-Key was used for another request',
      'Use a new key for a new request; send a retry with exactly the same body.',
    );
  }
  if (row.state === 'done') {
    return reply
      .code(row.status ?? 200)
      .header('idempotent-replayed', 'true')
      .type(row.content_type ?? 'application/json')
      .send(row.body ?? '');
  }
  if (at.getTime() - Date.parse(row.started_at) < ABANDONED_MS) {
    void reply.header('retry-after', '1');
    throw new Problem(
      409,
      'idempotency-key-in-use',
      'This request is still being worked on',
      'The first request with this Idempotency-Key has not finished: retry in a moment.',
    );
  }
  // The first attempt died with its process: this one takes its place.
  await store.db
    .updateTable('idempotency')
    .set({ started_at: at.toISOString() })
    .where('key', '=', key)
    .execute();
  request.idempotencyKey = key;
  return undefined;
}

function hash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
