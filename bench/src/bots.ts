// Load-test bots: simulated members against a running Meetcute on this machine.
//   node bench/src/bots.ts --target http://127.0.0.1:3000 --members 200 --mode stress --duration 5m
// Members come from the generated community (same --seed and --community-members as
// `make seed` / the generator) or from --emails (one login email a line).
import { readFile, writeFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { COMMUNITY_PASSWORD, generateCommunity } from '@meetcute/community';
import { Connection } from './http.ts';
import { SOURCE_ADDRESSES } from './live.ts';
import { Bot } from './bots/bot.ts';
import { broke, isLoopback, parseDuration, plan, type Mode } from './bots/modes.ts';
import { PhaseReport, renderPhase } from './bots/report.ts';

const USAGE = `Usage: node bench/src/bots.ts --target http://127.0.0.1:PORT [options]
  --members N            bots, one member each (default 50)
  --mode M               stress (climb in steps until it breaks), spike (a tenth, all, a tenth),
                         endurance (all, steady; watch memory) (default endurance)
  --duration D           whole run, e.g. 90s, 10m, 2h (default 60s; at most 24h)
  --think D              mean pause between a member's actions (default 3s)
  --seed S               the generated community's seed (default 1)
  --community-members N  how many members that community has (default 10000, as make seed)
  --emails FILE          log in as these members instead (one email a line)
  --password P           their password (default: the generated community's)
  --max-error-rate R     stress: stop when more than this share fails (default 0.01)
  --max-p99 D            stress: stop when p99 passes this (default 1s)
  --json FILE            also write the report as JSON`;

const { values } = parseArgs({
  options: {
    target: { type: 'string' },
    members: { type: 'string', default: '50' },
    mode: { type: 'string', default: 'endurance' },
    duration: { type: 'string', default: '60s' },
    think: { type: 'string', default: '3s' },
    seed: { type: 'string', default: '1' },
    'community-members': { type: 'string', default: '10000' },
    emails: { type: 'string' },
    password: { type: 'string', default: COMMUNITY_PASSWORD },
    'max-error-rate': { type: 'string', default: '0.01' },
    'max-p99': { type: 'string', default: '1s' },
    json: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});

async function emails(count: number): Promise<string[]> {
  if (values.emails) {
    const all = (await readFile(values.emails, 'utf8')).split('\n').map((l) => l.trim());
    return all.filter((l) => l.includes('@')).slice(0, count);
  }
  // Regenerate the community's records (deterministic for the seed) and take approved members.
  const members = new Map<string, string>();
  const approved: string[] = [];
  const size = Number(values['community-members']);
  for await (const record of generateCommunity({ members: size, seed: Number(values.seed) })) {
    const r = record as { kind: string; id?: string; email?: string; member?: string; decision?: string };
    if (r.kind === 'member' && r.id && r.email) members.set(r.id, r.email);
    if (r.kind === 'review' && r.decision === 'approved' && r.member && members.has(r.member)) {
      approved.push(members.get(r.member)!);
      if (approved.length >= count) break;
    }
  }
  return approved;
}

/** Server memory from /metrics, when the target exposes it to this machine. */
async function serverMemory(url: URL): Promise<number | null> {
  const c = new Connection({ host: url.hostname, port: Number(url.port || 80) });
  try {
    const r = await c.request('GET', '/metrics');
    const m = /^meetcute_process_resident_memory_bytes (\d+(?:\.\d+)?(?:e\+\d+)?)/m.exec(r.body.toString());
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  } finally {
    c.close();
  }
}

async function main(): Promise<void> {
  if (values.help || !values.target) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const url = new URL(values.target);
  if (!isLoopback(url))
    throw new Error(`${url.hostname} is not this machine: bots only load loopback addresses`);
  const mode = values.mode as Mode;
  if (!['stress', 'spike', 'endurance'].includes(mode))
    throw new Error(`--mode ${mode}: stress, spike or endurance`);
  const durationMs = Math.min(parseDuration(values.duration), 24 * 3_600_000);
  const count = Math.max(1, Number(values.members));
  const logins = await emails(count);
  if (logins.length === 0) throw new Error('No members to log in as');
  if (logins.length < count)
    process.stderr.write(`Only ${logins.length} approved members found; running that many bots.\n`);

  let current = new PhaseReport('starting', 0);
  const bots = logins.map(
    (email, i) =>
      new Bot({
        target: {
          host: url.hostname,
          port: Number(url.port || 80),
          localAddress: SOURCE_ADDRESSES[i % SOURCE_ADDRESSES.length]!,
        },
        email,
        password: values.password,
        thinkMs: parseDuration(values.think),
        seed: Number(values.seed) * 100_003 + i,
        report: () => current,
      }),
  );
  const running: Array<Promise<void>> = [];
  const setActive = (n: number) => {
    bots.forEach((bot, i) => {
      if (i < n && !bot.active) running.push(bot.run());
      else if (i >= n) bot.active = false;
    });
  };

  const limits = { errorRate: Number(values['max-error-rate']), p99Ms: parseDuration(values['max-p99']) };
  const phases: PhaseReport[] = [];
  let verdict = '';
  for (const phase of plan(mode, logins.length, durationMs)) {
    current = new PhaseReport(phase.name, phase.bots);
    current.startedAt = performance.now();
    setActive(phase.bots);
    const end = current.startedAt + phase.durationMs;
    while (performance.now() < end) {
      const memory = await serverMemory(url);
      if (memory !== null) current.memory.push(memory);
      await sleep(Math.min(5000, Math.max(0, end - performance.now())));
    }
    current.endedAt = performance.now();
    phases.push(current);
    process.stdout.write(`${renderPhase(current)}\n\n`);
    if (mode === 'stress') {
      const why = broke(current.totals(), limits);
      if (why) {
        verdict = `The site broke at ${phase.bots} bots: ${why}.`;
        break;
      }
    }
  }
  if (mode === 'stress' && !verdict) verdict = `All ${logins.length} bots ran within the limits.`;
  // Let in-flight actions finish into a report nobody reads, then stop.
  current = new PhaseReport('stopping', 0);
  setActive(0);
  await Promise.all(running);
  if (verdict) process.stdout.write(`${verdict}\n`);
  if (values.json) {
    await writeFile(
      values.json,
      `${JSON.stringify({ mode, target: url.origin, verdict, phases }, null, 2)}\n`,
    );
  }
}

await main();
