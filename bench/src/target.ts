import { LIVE_HUB } from '@meetcute/live';
// The server under test, in its own process. `seed` generates a community, imports it
// and replays the news projection, timing each; `serve` serves that data directory
// exactly as `node server/src/main.ts serve` would, and hands the load generator
// member sessions so thousands of bots need not each pay for an argon2 log-in.
import { rm } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { readConfig, SESSION_COOKIE, SESSIONS, type App, type Sessions } from '@meetcute/core';
import { buildApp } from '@meetcute/server';
import {
  COMMUNITY_PASSWORD,
  generateCommunity,
  importDump,
  makePhotoFiles,
  writeDump,
} from '@meetcute/community';
import { serveParent } from './processes.ts';
import { CampaignCreated, CampaignStatusChanged } from '@meetcute/ads/events';

export interface Member {
  memberId: string;
  email: string;
}

export interface Session {
  memberId: string;
  cookie: string;
}

export interface Timed {
  count: number;
  seconds: number;
}

export interface SeedReady {
  type: 'ready';
  generate: Timed & { bytes: number };
  import: Timed;
  /** The imported photos' files, made after the import (a running site makes them in the background). */
  photoFiles: { seconds: number };
  projection: Timed;
  password: string;
}

export interface ServeReady {
  type: 'ready';
  port: number;
  members: Member[];
  sessions: Session[];
}

const { values } = parseArgs({
  allowPositionals: true,
  options: {
    mode: { type: 'string', default: 'serve' },
    data: { type: 'string' },
    members: { type: 'string', default: '3000' },
    seed: { type: 'string', default: '7' },
    dump: { type: 'string' },
    sessions: { type: 'string', default: '1000' },
    // 'on': a campaign for everyone runs, so every news and alerts page shows and counts an ad.
    ads: { type: 'string', default: 'off' },
    // The share of requests traced (MEETCUTE_TRACE_SAMPLE_RATIO); the site's default when left out.
    'trace-ratio': { type: 'string', default: '' },
  },
});
if (!values.data) throw new Error('target needs --data <directory>');

async function open(directory: string): Promise<App> {
  return buildApp(
    readConfig({
      MEETCUTE_DATABASE_URL: `sqlite:${directory}`,
      MEETCUTE_LOG_LEVEL: 'warn',
      MEETCUTE_PORT: '0',
      // Bots log in from one address; the per-IP lock is not what is measured.
      MEETCUTE_LOGIN_LIMIT_PER_IP: '100000',
      // Bots send for thousands of members from one machine: the brake on chat is not measured.
      MEETCUTE_CHAT_MESSAGES_PER_MINUTE: '100000',
      MEETCUTE_TRACE_SAMPLE_RATIO: values['trace-ratio'],
    }),
  );
}

async function eventCount(app: App, types?: readonly string[]): Promise<number> {
  const db = app.storage.open('eventlog').db;
  let query = db.selectFrom('events').select((eb) => eb.fn.countAll<number>().as('n'));
  if (types) query = query.where('type', 'in', [...types]);
  const row = await query.executeTakeFirstOrThrow();
  return Number(row.n);
}

const PROJECTION_SAMPLE_MS = 2000;

async function seed(directory: string, dump: string, members: number, seedValue: number): Promise<SeedReady> {
  await rm(directory, { recursive: true, force: true });
  let t = performance.now();
  const written = await writeDump(dump, generateCommunity({ members, seed: seedValue }));
  const generate = { count: written.records, bytes: written.bytes, seconds: (performance.now() - t) / 1000 };

  const app = await open(directory);
  t = performance.now();
  await importDump(app, dump);
  await app.processAll();
  const imported = { count: await eventCount(app), seconds: (performance.now() - t) / 1000 };
  // Not part of the import's figure, but made before anything is served so it does not disturb it.
  const photoFiles = await makePhotoFiles(app);

  // Every event news listens to, replayed into a cleared read model: its projection rate.
  // One replay of the 1,000-member community takes about 0.2 s, too short a sample on a
  // noisy machine, so it is replayed until two seconds have passed and counted over all.
  const news = app.modules.find((m) => m.name === 'news');
  const consumed = await eventCount(app, news?.consumes.map((e) => e.type) ?? []);
  let replays = 0;
  t = performance.now();
  do {
    await app.rebuild('news');
    replays++;
  } while (performance.now() - t < PROJECTION_SAMPLE_MS);
  const projection = { count: consumed * replays, seconds: (performance.now() - t) / 1000 };
  await app.close();
  return { type: 'ready', generate, import: imported, photoFiles, projection, password: COMMUNITY_PASSWORD };
}

async function approvedMembers(app: App): Promise<Member[]> {
  const db = app.storage.open('eventlog').db;
  const rows = await db
    .selectFrom('events')
    .select(['type', 'payload'])
    .where('type', 'in', ['AccountCreated', 'RegistrationApproved'])
    .orderBy('position')
    .execute();
  const emails = new Map<string, string>();
  const approved: Member[] = [];
  for (const row of rows as Array<{ type: string; payload: string }>) {
    const p = JSON.parse(row.payload) as { memberId: string; email?: string };
    if (row.type === 'AccountCreated') emails.set(p.memberId, p.email ?? '');
    else if (emails.has(p.memberId)) approved.push({ memberId: p.memberId, email: emails.get(p.memberId)! });
  }
  return approved;
}

/**
 * A campaign every member fits, with budget and caps no run reaches: each page that has a
 * placement draws an ad and records its impression, the whole cost of ads. Answers how to
 * pause and resume it, so a run compares pages with and without ads in one server.
 */
async function runCampaign(app: App): Promise<(status: 'active' | 'paused') => Promise<void>> {
  const now = Date.now();
  const campaignId = crypto.randomUUID();
  const operatorId = crypto.randomUUID();
  await app.channel('ads').transaction((tx) =>
    tx.publish(CampaignCreated, {
      campaignId,
      operatorId,
      terms: {
        name: 'Bench',
        advertiser: 'Bench',
        house: false,
        startsAt: new Date(now - 86_400_000).toISOString(),
        endsAt: new Date(now + 86_400_000).toISOString(),
        impressionBudget: Number.MAX_SAFE_INTEGER,
        dailyCap: Number.MAX_SAFE_INTEGER,
        frequencyCap: Number.MAX_SAFE_INTEGER,
        targeting: { genders: [], minAge: null, maxAge: null, country: null, near: null, languages: [] },
        creatives: [
          {
            creativeId: crypto.randomUUID(),
            headline: 'Bench',
            text: 'An ad.',
            url: 'https://bench.example/',
          },
        ],
      },
    }),
  );
  await app.processAll();
  let current = 'active';
  return async (status) => {
    if (status === current) return;
    await app
      .channel('ads')
      .transaction((tx) => tx.publish(CampaignStatusChanged, { campaignId, operatorId, status }));
    await app.processAll();
    current = status;
  };
}

async function serve(directory: string, sessionCount: number, ads: boolean): Promise<void> {
  const app = await open(directory);
  const campaign = ads ? await runCampaign(app) : undefined;
  const members = await approvedMembers(app);
  if (members.length === 0) throw new Error(`No approved members in ${directory}: seed first`);
  const sessions = app.services.require<Sessions>(SESSIONS);
  const minted: Session[] = [];
  // More sessions than members means some members have several pages open, as people do.
  for (let i = 0; i < sessionCount; i++) {
    const member = members[i % members.length]!;
    const token = await sessions.open(member.memberId, 'meetcute-bench');
    minted.push({ memberId: member.memberId, cookie: `${SESSION_COOKIE}=${token}` });
  }
  const address = await app.listen();
  const ready: ServeReady = {
    type: 'ready',
    port: Number(new URL(address).port),
    members,
    sessions: minted,
  };
  serveParent(ready, {
    // Waits until every event published so far has reached every consumer.
    settle: () => app.processAll(),
    channels: () => app.services.optional(LIVE_HUB)?.channelCount ?? -1,
    // The campaign's status (active or paused), for a run with ads.
    campaign: (status) => campaign?.(status === 'paused' ? 'paused' : 'active'),
  });
}

if (values.mode === 'seed') {
  if (!values.dump) throw new Error('seed needs --dump <file>');
  const ready = await seed(values.data, values.dump, Number(values.members), Number(values.seed));
  // Run by hand (no parent to report to), the timings are printed instead.
  if (!process.send) console.log(JSON.stringify(ready));
  serveParent(ready, {});
} else {
  await serve(values.data, Number(values.sessions), values.ads === 'on');
}
