#!/usr/bin/env node
// The entry point: the only place that reads the environment and may exit the process.
import { parseArgs } from 'node:util';
import { ROLES } from '@meetcute/auth';
import {
  ConfigError,
  createLogger,
  GhostError,
  natsBroker,
  readConfig,
  RebuildError,
  type App,
} from '@meetcute/core';
import { ghostCommand } from './ghost.ts';
import { buildApp } from './app.ts';
import { seedDemo } from './demo.ts';
import {
  COMMUNITY_PASSWORD,
  DumpError,
  generateCommunity,
  importDump,
  makePhotoFiles,
  photoFilesDue,
  photoProgress,
  progressBar,
  seedCommunity,
  writeDump,
} from '@meetcute/community';

const USAGE = `Usage: node server/src/main.ts <command>
  serve [--demo]          serve the site (with --demo, seed a demo community on first start)
  migrate                 create or upgrade every module's tables
  seed [--members N] [--seed S] [--photos]
                          generate a synthetic community (10,000 members) and import it; the
                          photos' files are made by the running site, or now with --photos
  seed --demo             add the small demo community instead
  generate --members N --seed S --out FILE [--now ISO-TIME]
                          write a synthetic community's dump (gzip'd NDJSON) without importing it
  import FILE [--photos]  import a dump; an interrupted import resumes where it stopped
  rebuild <module>        rebuild a module's read model from the event log (in one transaction:
                          a failure names the event and leaves the tables as they were)
  rebuild <module> --ghost
                          build the read model beside the live one while the site runs, then
                          report how they differ (per table: rows only live, only in the
                          ghost, differing); the ghost stays
  rebuild <module> --switch
                          catch the ghost up and swap it in for the live tables at once;
                          the replaced tables are kept
  rebuild <module> --drop-ghost
                          remove the ghost and the tables a switch replaced
  parked [--replay]       list the events modules parked because they could not apply them;
                          with --replay, apply them again (after a fix)
  compact                 forget the inbox ids every module is past (the event log keeps everything)
  grant-moderator <email> give an existing account the moderator role
  grant-operator <email>  give an existing account the operator role (the console at /ops)
  revoke-operator <email> take the operator role given by grant-operator
Configuration comes from MEETCUTE_* environment variables; see README.md.`;

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

type Options = ReturnType<typeof readArguments>['values'];

function readArguments() {
  return parseArgs({
    allowPositionals: true,
    options: {
      demo: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
      members: { type: 'string', default: '10000' },
      seed: { type: 'string', default: '1' },
      out: { type: 'string' },
      now: { type: 'string' },
      replay: { type: 'boolean', default: false },
      photos: { type: 'boolean', default: false },
      ghost: { type: 'boolean', default: false },
      switch: { type: 'boolean', default: false },
      'drop-ghost': { type: 'boolean', default: false },
    },
  });
}

/** The generated community's size, seed and end: checked before anything opens. */
function communityOptions(values: Options): { members: number; seed: number; now: Date | undefined } {
  const members = Number(values.members);
  const seed = Number(values.seed);
  if (!Number.isInteger(members) || members < 3) fail('--members needs a whole number of at least 3.');
  if (!Number.isInteger(seed)) fail('--seed needs a whole number.');
  const now = values.now === undefined ? undefined : new Date(values.now);
  if (now && Number.isNaN(now.getTime())) fail('--now needs an ISO 8601 time, e.g. 2026-06-01T00:00:00Z.');
  return { members, seed, now };
}

async function main(): Promise<void> {
  const { positionals, values } = readArguments();
  const [command, argument] = positionals;
  if (values.help || !command) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const community = communityOptions(values);
  // Generating touches no database, so it needs no configuration.
  if (command === 'generate') return generate(values.out, community);
  let config;
  try {
    config = readConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }
  if (command === 'serve' && config.natsUrl) {
    // Only a serving node joins the cluster; seeding, like any one-off command, works alone
    // (it delivers its own events, which a node leaves to the holders of the consumers' leases).
    if (values.demo || config.seedDemo) {
      const alone = await buildApp(config);
      await seedDemo(alone, (line) => alone.http.log.info(line));
      await alone.close();
    }
    const broker = await natsBroker(config.natsUrl, createLogger(config.logLevel));
    return serve(await buildApp(config, { broker }), false);
  }
  const app = await buildApp(config);
  if (command === 'serve') return serve(app, values.demo || config.seedDemo);
  await run(app, command, argument, values, community);
  await app.close();
}

async function generate(
  out: string | undefined,
  community: { members: number; seed: number; now: Date | undefined },
): Promise<void> {
  if (!out) fail('generate needs --out FILE, e.g. --out community.ndjson.gz');
  const started = performance.now();
  const written = await writeDump(out, generateCommunity(community), (p) => {
    if (process.stderr.isTTY) process.stderr.write(`\rgenerate: ${p.records} records`);
  });
  const seconds = (performance.now() - started) / 1000;
  process.stderr.write(
    `\nWrote ${written.records} records (${Math.round(written.bytes / 1024)} KiB before gzip) to ${out} in ${seconds.toFixed(1)} s.\n`,
  );
}

async function serve(app: App, demo: boolean): Promise<void> {
  const log = (line: string) => app.http.log.info(line);
  if (demo) await seedDemo(app, log);
  const address = await app.listen();
  log(`Meetcute is serving on ${address.replace('127.0.0.1', 'localhost')}`);
  shutdownOnSignal(app);
}

/** The one-off commands: each does its work on the app and returns; main closes the app. */
async function run(
  app: App,
  command: string,
  argument: string | undefined,
  values: Options,
  community: { members: number; seed: number; now: Date | undefined },
): Promise<void> {
  const log = (line: string) => app.http.log.info(line);
  switch (command) {
    case 'migrate':
      return log('Every module is migrated.');
    case 'seed':
      if (values.demo) {
        if (!(await seedDemo(app, log))) log('The demo community is already there.');
        return;
      }
      return seed(app, community, values.photos);
    case 'import':
      if (!argument) fail('import needs a dump file, e.g. import community.ndjson.gz');
      return importFile(app, argument, values.photos);
    case 'rebuild':
      if (!argument) fail('rebuild needs a module name, e.g. rebuild profile');
      return rebuild(app, argument, values);
    case 'parked':
      return parked(app, values.replay);
    case 'compact':
      return compact(app);
    case 'grant-moderator':
    case 'grant-operator':
    case 'revoke-operator':
      if (!argument) fail(`${command} needs an email`);
      return changeRole(app, command, argument);
    default:
      await app.close();
      fail(`Unknown command ${command}.\n${USAGE}`);
  }
}

/** A rebuild in one transaction, or a ghost's step; what the operator must change ends it with its message. */
async function rebuild(app: App, module: string, values: Options): Promise<void> {
  const modes = (['ghost', 'switch', 'drop-ghost'] as const).filter((m) => values[m]);
  // --ghost --switch reads as "switch to the ghost".
  const mode = modes.includes('switch') ? 'switch' : modes[0];
  if (modes.includes('drop-ghost') && modes.length > 1) fail('--drop-ghost goes alone.');
  try {
    if (mode) return await ghostCommand(app, module, mode);
    await app.rebuild(module);
  } catch (error) {
    await app.close();
    if (error instanceof RebuildError || error instanceof GhostError) fail(error.message);
    throw error;
  }
  app.http.log.info(`Rebuilt ${module} from the event log.`);
}

async function seed(
  app: App,
  community: { members: number; seed: number; now: Date | undefined },
  photos: boolean,
): Promise<void> {
  const log = (line: string) => app.http.log.info(line);
  // Today's date as "now", so the community's history ends where the site's present begins.
  await importing(app, async () => {
    const today = new Date(new Date().toISOString().slice(0, 10));
    log(`Generating and importing a community of ${community.members} members (seed ${community.seed})…`);
    const summary = await seedCommunity(app, {
      members: community.members,
      seed: community.seed,
      now: community.now ?? today,
      onProgress: progressBar(),
    });
    log(
      summary.alreadyImported
        ? 'This community is already there.'
        : `Imported ${summary.records} records as ${summary.events} events in ${summary.seconds.toFixed(1)} s. Every member's password is ${COMMUNITY_PASSWORD}.`,
    );
    await photoFiles(app, log, photos);
  });
}

async function importFile(app: App, path: string, photos: boolean): Promise<void> {
  const log = (line: string) => app.http.log.info(line);
  await importing(app, async () => {
    const summary = await importDump(app, path, { onProgress: progressBar() });
    log(
      summary.alreadyImported
        ? `${path} was imported before; nothing to do.`
        : `Imported ${summary.records} records as ${summary.events} events in ${summary.seconds.toFixed(1)} s` +
            (summary.resumedFrom > 0 ? `, resuming after record ${summary.resumedFrom}.` : '.'),
    );
    await photoFiles(app, log, photos);
  });
}

async function compact(app: App): Promise<void> {
  await app.processAll();
  let total = 0;
  for (const module of app.modules) total += await app.channel(module.name).compactInbox(app.dispatcher.log);
  app.http.log.info(`Forgot ${total} inbox ids that no module will read again.`);
}

/** Gives a role, or takes the operator role; what happened is said on one line. */
async function changeRole(
  app: App,
  command: 'grant-moderator' | 'grant-operator' | 'revoke-operator',
  email: string,
): Promise<void> {
  const roles = app.services.require(ROLES);
  if (command === 'revoke-operator') {
    const outcome = await roles.revoke(email, 'operator');
    if (outcome === 'by-configuration') {
      await app.close();
      fail(`${email} is an operator by MEETCUTE_OPERATORS: remove them there and restart.`);
    }
    if (outcome === 'revoked') return done(app, `${email} is no longer an operator.`);
    if (outcome === 'not-granted') return done(app, `${email} was not an operator.`);
  } else {
    const role = command === 'grant-operator' ? 'operator' : 'moderator';
    if ((await roles.grant(email, role)) !== null)
      return done(app, `${email} is now ${role === 'operator' ? 'an operator' : 'a moderator'}.`);
  }
  await app.close();
  fail(`No account has the email ${email}.`);
}

/** The command's change reaches every module before the process ends. */
async function done(app: App, line: string): Promise<void> {
  await app.processAll();
  app.http.log.info(line);
}

/** Lists every module's parked events; with replay, applies them again and says what is left. */
async function parked(app: App, replay: boolean): Promise<void> {
  let total = 0;
  for (const module of app.modules) {
    const channel = app.channel(module.name);
    const events = await channel.parked();
    if (events.length === 0) continue;
    total += events.length;
    for (const e of events) {
      process.stdout.write(
        `${module.name}\t${e.parkedAt}\t${e.type}\t${e.eventId}\tposition ${e.position}\t${e.error}\n`,
      );
    }
    if (replay) {
      const { applied, stillParked } = await channel.replayParked(app.dispatcher.log);
      process.stdout.write(`${module.name}: ${applied} applied, ${stillParked} still parked\n`);
    }
  }
  if (total === 0) process.stdout.write('No module has parked events.\n');
}

/**
 * An import checks its photos and keeps them for their files to be made later: ~20 ms of
 * image work each, longer than the rest of an import. `--photos` makes them before the
 * command ends; otherwise the site makes them in the background once it runs, and at
 * once for any photo a page shows first.
 */
async function photoFiles(app: App, log: (line: string) => void, now: boolean): Promise<void> {
  if (now) {
    const { seconds } = await makePhotoFiles(app, photoProgress());
    log(`Made the imported photos' files in ${seconds.toFixed(1)} s.`);
    return;
  }
  const due = await photoFilesDue(app);
  if (due > 0)
    log(
      `${due} photos' files are still to be made: the site makes them in the background once it runs (run with --photos to make them now).`,
    );
}

/** Runs an import; a bad dump is the operator's to fix, so it ends with its message, not a stack. */
async function importing(app: App, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    if (!(error instanceof DumpError)) throw error;
    await app.close();
    fail(`\n${error.message}`);
  }
}

/** Stops taking requests, lets those in flight finish, drains the outbox, then exits. */
function shutdownOnSignal(app: App): void {
  let closing = false;
  const stop = (signal: string) => {
    if (closing) return;
    closing = true;
    app.http.log.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        app.http.log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

await main();
