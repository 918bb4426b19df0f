// Every module's use cases, run as tests on PostgreSQL (see packages/core/src/testing):
// the same cases as use-cases.test.ts runs on SQLite, in a file of their own so that the
// test runner runs the two side by side. Skipped, saying why, when PostgreSQL is not there.
import { runUseCases } from '@meetcute/core/testing';
import { modules } from '../src/modules.ts';
import { testApp } from '../src/testing.ts';

await runUseCases(testApp, modules, { on: 'postgres' });
