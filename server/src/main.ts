#!/usr/bin/env node
// The entry point: the only place that reads the environment and may exit the process.
import { parseArgs } from 'node:util';
import { ConfigError, readConfig, type App } from '@meetcute/core';
import { buildApp } from './app.ts';
import { seedDemo, type ModeratorGrants } from './demo.ts';

const USAGE = `Usage: node server/src/main.ts <command>
  serve [--demo]          serve the site (with --demo, seed a demo community on first start)
  migrate                 create or upgrade every module's tables
  seed                    add the demo community
  rebuild <module>        clear a module's read model and replay the event log into it
  grant-moderator <email> give an existing account the moderator role
Configuration comes from MEETCUTE_* environment variables; see README.md.`;

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { demo: { type: 'boolean', default: false }, help: { type: 'boolean', default: false } },
  });
  const [command, argument] = positionals;
  if (values.help || !command) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  let config;
  try {
    config = readConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }
  const app = await buildApp(config);
  const log = (line: string) => app.http.log.info(line);

  switch (command) {
    case 'serve': {
      if (values.demo || config.seedDemo) await seedDemo(app, log);
      const address = await app.listen();
      log(`Meetcute is serving on ${address.replace('127.0.0.1', 'localhost')}`);
      shutdownOnSignal(app);
      return;
    }
    case 'migrate':
      log('Every module is migrated.');
      break;
    case 'seed':
      if (!(await seedDemo(app, log))) log('The demo community is already there.');
      break;
    case 'rebuild':
      if (!argument) fail('rebuild needs a module name, e.g. rebuild profile');
      await app.rebuild(argument);
      log(`Rebuilt ${argument} from the event log.`);
      break;
    case 'grant-moderator': {
      if (!argument) fail('grant-moderator needs an email');
      const memberId = await app.services.require<ModeratorGrants>('moderators').grant(argument);
      if (!memberId) {
        await app.close();
        fail(`No account has the email ${argument}.`);
      }
      await app.processAll();
      log(`${argument} is now a moderator.`);
      break;
    }
    default:
      await app.close();
      fail(`Unknown command ${command}.\n${USAGE}`);
  }
  await app.close();
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
