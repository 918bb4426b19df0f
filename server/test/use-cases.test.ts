// Every module's use cases, run as tests on every database (see packages/core/src/testing).
import { runUseCases } from '@meetcute/core/testing';
import { modules } from '../src/modules.ts';
import { testApp } from '../src/testing.ts';

await runUseCases(testApp, modules);
