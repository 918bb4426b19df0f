export { testDatabases, testStorage, type TestDatabases } from './databases.ts';
export {
  runUseCases,
  runUseCase,
  startTestApp,
  SESSIONS,
  USE_CASE_EPOCH,
  type TestApp,
  type TestAppFactory,
  type TestAppDeps,
  type SessionOpener,
} from './use-cases.ts';
export { assertSubset } from './subset.ts';
