export { readConfig, ConfigError, type Config } from './config.ts';
export { systemClock, ManualClock, type Clock } from './clock.ts';
export { uuidv7Source, seededIdSource, type IdSource } from './ids.ts';
export {
  defineEvent,
  assertPayload,
  InvalidEvent,
  type EventDefinition,
  type EventEnvelope,
  type PayloadOf,
} from './events.ts';
export {
  openStorage,
  type Storage,
  type StorageSpec,
  type Db,
  type Dialect,
  type ModuleDatabase,
} from './db/storage.ts';
export { migrate, serialPrimaryKey, type Migration } from './db/migrations.ts';
export { isUniqueViolation } from './db/errors.ts';
export { prepared, preparedInsert } from './db/prepared.ts';
export {
  text,
  integer,
  real,
  nullable,
  generated,
  compareTables,
  checkTables,
  type TableSpecs,
  type TablesOf,
  type DbOf,
  type Column,
  type TableMismatch,
} from './db/tables.ts';
export type { Tx, TxDb, EventHandler } from './delivery/delivery.ts';
export { RebuildError } from './delivery/delivery.ts';
export {
  buildGhost,
  switchGhost,
  dropGhost,
  GhostError,
  type GhostProgress,
  type GhostReport,
  type TableDifference,
} from './ghost.ts';
export { createLogger, type Logger } from './observability/logger.ts';
export { openEventStream } from './http/event-stream.ts';
export { Tracing, isSampled, traceparentOf, type Span } from './observability/tracing.ts';
export type {
  SpanRecord,
  TraceRecord,
  TraceSummary,
  TraceFilter,
  RecentTraces,
} from './observability/recent-traces.ts';
export {
  LogRing,
  LOG_LEVELS,
  matchesLog,
  type LogLine,
  type LogFilter,
  type LogLevel,
} from './observability/log-ring.ts';
export { Problem, problems, ProblemSchema, type FieldProblem, type ProblemBody } from './http/problems.ts';
export { SESSION_COOKIE, csrfFor } from './http/server.ts';
export {
  readMultipart,
  refuseDeclaredTooLarge,
  refuseLargeUploads,
  tooLarge,
  type MultipartBody,
  type UploadedFile,
} from './http/multipart.ts';
export {
  SESSIONS,
  CREDENTIALS,
  type Viewer,
  type Access,
  type ViewerResolver,
  type Sessions,
  type Credentials,
  type KeptCredentials,
} from './http/viewer.ts';
export {
  defineModule,
  type ModuleDefinition,
  type ModuleContext,
  type Http,
  type ServiceRegistry,
} from './module.ts';
export { createApp, VIEWERS, type App, type AppOptions, type ConsumerState, type Telemetry } from './app.ts';
export { dateIn, yearsBetween, ageIn, isCalendarDate } from './dates.ts';
export { currentWork, outsideWork, runWithWork, childTraceparent, type WorkContext } from './trace.ts';
export {
  useCase,
  USE_CASE_LINK_KEY,
  USE_CASE_EPOCH,
  given,
  emitted,
  type UseCase,
  type Given,
  type When,
  type Upload,
  type Then,
  type ExpectedEvent,
} from './use-cases/use-case.ts';
export {
  defineService,
  defineExtension,
  type ServiceKey,
  type ExtensionPoint,
  type AnyServiceKey,
} from './services.ts';
export { NOTIFICATIONS, type NotificationHub, type LiveNotification } from './live.ts';
export {
  encodeCursor,
  decodeCursor,
  encodeKeyset,
  readKeyset,
  afterCursor,
  pageOf,
  withNewest,
  type TimeCursor,
  type KeysetPart,
} from './cursor.ts';
export { groupCommit } from './group-commit.ts';
export { InFlight } from './in-flight.ts';
export { BackgroundWork } from './background.ts';
export { linkTokens, type LinkTokens } from './links.ts';
export { sameValue, type View, type ViewSpec, type ViewChanges, type ViewHandler } from './views.ts';
export { soloBroker, natsBroker, NobodyAnswered, type Broker } from './cluster.ts';
export { allShared, type SharedLeases } from './delivery/leases.ts';
export type {
  NodeFacts,
  MetricReading,
  LoggedEvent,
  EventQuery,
  Observation,
} from './observability/observe.ts';
