// Every module's use cases, run as tests on SQLite (see packages/core/src/testing). The same
// cases on PostgreSQL are a file of their own, so that the two run side by side.
import { runUseCases } from '@meetcute/core/testing';
import { modules } from '../src/modules.ts';
import { testApp } from '../src/testing.ts';

await runUseCases(testApp, modules, { on: 'sqlite' });
