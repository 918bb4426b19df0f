import { randomBytes } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Config } from './config.ts';
import { systemClock, type Clock } from './clock.ts';
import { uuidv7Source, type IdSource } from './ids.ts';
import { pino, type DestinationStream } from 'pino';
import { createLogger, type Logger } from './observability/logger.ts';
import { Tracing } from './observability/tracing.ts';
import { LogRing } from './observability/log-ring.ts';
import type { RecentTraces } from './observability/recent-traces.ts';
import { shareTelemetry } from './observability/share.ts';
import { Metrics } from './observability/metrics.ts';
import { Heartbeat } from './observability/heartbeat.ts';
import { watchSwitches } from './ghost.ts';
import { openStorage, type ModuleDatabase, type Storage } from './db/storage.ts';
import { migrate } from './db/migrations.ts';
import { serializerCompiler, validatorCompiler } from './http/validation.ts';
import { DatabaseHealth } from './db/health.ts';
import { deliveryMigrations, eventLogMigrations } from './delivery/tables.ts';
import { ModuleChannel } from './delivery/delivery.ts';
import { Dispatcher, type ProcessOptions } from './delivery/dispatcher.ts';
import { requestErasure } from './delivery/erasure.ts';
import { createHttp, formSecret, type RouteRecord } from './http/server.ts';
import type { ProblemBody } from './http/problems.ts';
import type { ViewerResolver } from './http/viewer.ts';
import type { Http, ModuleContext, ModuleDefinition } from './module.ts';
import { defineService, orderByServices, Services, type ServiceRegistry } from './services.ts';
import type { EventDefinition } from './events.ts';
import { MemoryView, rereadViews } from './views.ts';
import { linkTokens, type LinkTokens } from './links.ts';
import { soloBroker, type Broker } from './cluster.ts';
import { allShared, PostgresLeases, PostgresSharedLeases, type SharedLeases } from './delivery/leases.ts';
import { browseEvents, type NodeFacts } from './observability/observe.ts';
import { hostname } from 'node:os';

/** Where a node says which keys of a view its commits changed (views.ts). */
const VIEWS_CHANGED = 'meetcute.views';

/** Who is asking: the module that keeps sessions provides it (auth); without one every caller is anonymous. */
export const VIEWERS = defineService<ViewerResolver>('viewers');

/** Where a module's consumer stands: events yet to apply, held up by a failing one, parked. */
export interface ConsumerState {
  module: string;
  behind: number;
  retrying: boolean;
  parked: number;
}
const EVENT_LOG = 'eventlog';

/** What the node saw, for the operators' console: recent traces and log lines. */
export interface Telemetry {
  traces: RecentTraces;
  logs: LogRing;
  /** The collector traces are also sent to, if any. */
  otlpEndpoint: string | null;
}

export interface AppOptions {
  config: Config;
  modules: ModuleDefinition[];
  clock?: Clock;
  ids?: IdSource;
  logger?: Logger;
  /** Where the app's own logger writes (stdout by default); its lines are kept for the console too. */
  logOutput?: DestinationStream;
  storage?: Storage;
  version?: string;
  /** HTTP plugins that are not modules (shipped assets, the language switch). */
  plugins?: Array<(http: Http) => Promise<void>>;
  renderError?: (request: FastifyRequest, problem: ProblemBody) => string;
  /**
   * The key links in mails are signed with; by default one made at random and kept in the
   * database. Use cases pass a known one, so they can write the link a mail would hold.
   */
  linkKey?: string;
  /** The other nodes of the site (cluster.ts); the app closes it. By default the node is alone. */
  broker?: Broker;
  /** The commit the build is of (config's MEETCUTE_COMMIT wins), for the operator console. */
  commit?: string | null;
}

export interface App {
  config: Config;
  http: Http;
  clock: Clock;
  services: ServiceRegistry;
  dispatcher: Dispatcher;
  storage: Storage;
  modules: ModuleDefinition[];
  telemetry: Telemetry;
  /** Every route declared, with the module that declared it (the living docs list endpoints from it). */
  routes: readonly RouteRecord[];
  channel(module: string): ModuleChannel;
  /** What an anonymous form's token is made from, for a form cookie (tests post forms with it). */
  formSecret(formCookie: string): string;
  /** Every in-memory view, by module (tests audit them against the tables). */
  views: ReadonlyArray<{ module: string; view: MemoryView<unknown> }>;
  /** Serves HTTP and starts delivery. */
  listen(): Promise<string>;
  /** Waits until every committed event has reached every consumer. */
  processAll(options?: ProcessOptions): Promise<void>;
  /** Clears a module's projections and replays the event log into them, in one transaction (RebuildError when an event fails). */
  rebuild(module: string): Promise<void>;
  /** Where every consumer stands (lag, retries, parked events). */
  consumers(): Promise<ConsumerState[]>;
  /** Stops taking requests, finishes those in flight, drains the outbox, closes storage. */
  close(): Promise<void>;
}

function checkEventContracts(modules: ModuleDefinition[]): void {
  const publishers = new Map<string, EventDefinition>();
  for (const m of modules) {
    for (const e of m.publishes) {
      if (e.module !== m.name) throw new Error(`${m.name} publishes ${e.type}, which belongs to ${e.module}`);
      publishers.set(e.type, e);
    }
  }
  for (const m of modules) {
    for (const e of m.consumes) {
      if (!publishers.has(e.type)) throw new Error(`${m.name} consumes ${e.type}, which no module publishes`);
    }
  }
}

/** What a probe writes in a module's database: a checkpoint no consumer has. */
const PROBE_CONSUMER = '(health probe)';

/** A small write to a module's own database: can it take writes now? */
async function probeModuleWrite(module: ModuleDatabase): Promise<void> {
  await module.db
    .insertInto('checkpoint')
    .values({ consumer: PROBE_CONSUMER, position: 0 })
    .onConflict((oc) => oc.column('consumer').doUpdateSet({ position: 0 }))
    .execute();
}

/** A small write to the event log's database: can it take writes now? */
async function probeWrite(log: ModuleDatabase): Promise<void> {
  await log.db
    .insertInto('health_probe')
    .values({ id: 1, at: new Date().toISOString() })
    .onConflict((oc) => oc.column('id').doUpdateSet({ at: new Date().toISOString() }))
    .execute();
}

/**
 * A random key made the first time the site starts and kept in the event log's database,
 * so every node and every restart uses the same one; the first node to write it wins.
 */
async function siteSecret(log: ModuleDatabase, name: string): Promise<string> {
  await log.db
    .insertInto('site_secrets')
    .values({ name, value: randomBytes(32).toString('base64url') })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const row: { value: unknown } = await log.db
    .selectFrom('site_secrets')
    .select('value')
    .where('name', '=', name)
    .executeTakeFirstOrThrow();
  return String(row.value);
}

/** What createApp builds once and every module's registration shares. */
interface Wiring {
  config: Config;
  clock: Clock;
  ids: IdSource;
  logger: Logger;
  metrics: Metrics;
  health: DatabaseHealth;
  storage: Storage;
  log: ModuleDatabase;
  dispatcher: Dispatcher;
  links: LinkTokens;
  services: Services;
  http: Http;
  channels: Map<string, ModuleChannel>;
  views: Array<{ module: string; view: MemoryView<unknown> }>;
  closers: Array<() => Promise<void>>;
  broker: Broker;
  /** The modules' shared leases, taken once the node serves and let go when it closes. */
  leases: PostgresSharedLeases[];
  tracing: Tracing;
  logs: LogRing;
  node: NodeFacts;
}

/** This node as the operator console shows it. */
function nodeFacts(options: AppOptions, broker: Broker, clock: Clock): NodeFacts {
  return {
    id: broker.nodeId,
    name: `${hostname()}:${options.config.port}`,
    version: options.version ?? '0.0.0',
    commit: options.config.commit ?? options.commit ?? null,
    startedAt: clock.now().toISOString(),
  };
}

/** The node's log lines (kept for the console too) and traces, with every SQL statement timed. */
function observability(options: AppOptions, broker: Broker, storage: Storage) {
  const logs = new LogRing(broker.nodeId);
  const logger =
    options.logger ??
    createLogger(options.config.logLevel, logs.tee(options.logOutput ?? pino.destination(1)));
  const tracing = new Tracing({
    ...options.config.tracing,
    node: broker.nodeId,
    version: options.version ?? '0.0.0',
  });
  storage.observe((module) => tracing.sql(module, storage.dialect === 'postgres' ? 'postgresql' : 'sqlite'));
  return { logs, logger, tracing };
}

/** The error page of an app without the site's pages (the chassis' own tests). */
const plainErrorPage: NonNullable<AppOptions['renderError']> = (_request, problem) =>
  `<!doctype html><title>${problem.status}</title><h1>${problem.title}</h1>`;

/** The composition root's engine: builds storage, delivery and HTTP, then lets each module register. */
export async function createApp(options: AppOptions): Promise<App> {
  const { config, modules } = options;
  checkEventContracts(modules);
  // Providers of services register before the modules that require them (services.ts).
  const order = orderByServices(modules);
  const clock = options.clock ?? systemClock;
  const broker = options.broker ?? soloBroker();
  const storage = options.storage ?? openStorage(config.database);
  const { logs, logger, tracing } = observability(options, broker, storage);
  const channels = new Map<string, ModuleChannel>();
  const heartbeat = new Heartbeat(config.heartbeatMaxDelayMs);
  const health = new DatabaseHealth(logger);
  const log: ModuleDatabase = storage.open(EVENT_LOG);
  await migrate(log, eventLogMigrations);
  const formKey = await siteSecret(log, 'form-key');
  const dispatcher = new Dispatcher(log, logger, health);
  const consumers = consumerStates(dispatcher, channels);
  const metrics = new Metrics(() => outboxDepths(channels), consumers);
  const services = new Services();
  let viewers: ViewerResolver | undefined;
  const routes: RouteRecord[] = [];
  // Set while a module registers, so the routes it declares are recorded as its own.
  let registering: string | null = null;
  const http = (await createHttp({
    logger,
    metrics,
    tracing,
    heartbeat,
    cookieSecure: config.cookieSecure,
    trustProxy: config.trustProxy,
    metricsToken: config.metricsToken,
    formKey,
    publicUrl: config.publicUrl,
    version: options.version ?? '0.0.0',
    // Without a module that resolves sessions every caller is anonymous.
    viewers: () => (viewers ??= services.all.optional(VIEWERS)),
    health,
    idempotencyStore: log,
    now: () => clock.now(),
    ready: readiness(channels, health, log, (channel) => dispatcher.behind(channel)),
    renderError: options.renderError ?? plainErrorPage,
    routes,
    owner: () => registering,
  })) as unknown as Http;
  http.setValidatorCompiler(validatorCompiler);
  http.setSerializerCompiler(serializerCompiler);
  for (const plugin of options.plugins ?? []) await plugin(http);
  const wiring: Wiring = {
    config,
    clock,
    ids: options.ids ?? uuidv7Source(clock),
    logger,
    metrics,
    health,
    storage,
    log,
    dispatcher,
    links: linkTokens(options.linkKey ?? (await siteSecret(log, 'link-key'))),
    services,
    http,
    channels,
    views: [],
    closers: [],
    leases: [],
    broker,
    tracing,
    logs,
    node: nodeFacts(options, broker, clock),
  };
  for (const module of order) {
    registering = module.name;
    await registerModule(module, wiring);
    registering = null;
  }
  if (wiring.broker.clustered) joinCluster(wiring);
  await http.ready();
  // Before any request or delivery: a view answers from memory from the first request on.
  for (const { view } of wiring.views) await view.warm();
  return appHandle(options, wiring, { heartbeat, routes, formKey, consumers });
}

/**
 * One node of several: consumers run where their lease is (delivery/leases.ts), and the
 * views hear what the other nodes' commits changed. While the broker is away a node
 * cannot hear that, so its views keep nothing and every read goes to the tables.
 */
function joinCluster(wiring: Wiring): void {
  const { broker, dispatcher, views, logger } = wiring;
  const stopSharing = shareTelemetry(broker, wiring.logs, wiring.tracing.recent);
  wiring.closers.unshift(async () => stopSharing());
  const database = wiring.config.database;
  if (database.kind !== 'postgres') throw new Error('A cluster needs PostgreSQL: nodes share one database');
  const consuming = dispatcher.channels.filter((c) => c.subscriptions.size > 0).map((c) => c.name);
  dispatcher.cluster(new PostgresLeases(database.url, consuming, logger, () => dispatcher.kick()), broker);
  const byName = new Map(views.map(({ module, view }) => [`${module}.${view.name}`, view]));
  // Closed last (closers run in reverse): modules' own closers may still signal.
  wiring.closers.unshift(async () => {
    unsubscribe();
    await broker.close();
  });
  const unsubscribe = broker.subscribe(VIEWS_CHANGED, (data) => {
    const { view, keys } = data as { view: string; keys: string[] | null };
    byName.get(view)?.forgetChanged(keys);
  });
  broker.onConnection((connected) => {
    for (const { view } of views) {
      if (connected) void view.resume();
      else view.pause();
    }
  });
}

/** A module's numbered leases: shared with the other nodes in a cluster, all its own alone. */
function sharedLeases(wiring: Wiring, name: string, count: number, onChange: () => void): SharedLeases {
  const { broker, config } = wiring;
  if (!broker.clustered || config.database.kind !== 'postgres') return allShared(count);
  const leases = new PostgresSharedLeases(
    { url: config.database.url, name, count, nodeId: broker.nodeId },
    wiring.logger,
    onChange,
  );
  wiring.leases.push(leases);
  wiring.metrics.leases(name, () => leases.held());
  return leases;
}

/** Where every consumer stands: how far behind, retrying, parked events. */
function consumerStates(dispatcher: Dispatcher, channels: ReadonlyMap<string, ModuleChannel>) {
  return async (): Promise<ConsumerState[]> => {
    const lag = await dispatcher.lag();
    return Promise.all(
      lag.map(async (l) => ({ ...l, parked: (await channels.get(l.module)?.parked())?.length ?? 0 })),
    );
  };
}

async function outboxDepths(channels: ReadonlyMap<string, ModuleChannel>): Promise<Record<string, number>> {
  const depth: Record<string, number> = {};
  for (const [name, channel] of channels) depth[name] = await channel.outboxDepth();
  return depth;
}

type Readiness = { failing: string[]; degraded: Array<Record<string, unknown>> };

/**
 * `/ready`: every module's database answers, writes work again where one failed, and who
 * is behind. Load balancers ask every second and give up after a couple (HAProxy's check
 * timeout): the modules are asked at once, not one after another, and callers that ask
 * while an answer is being made share it, so a busy node still answers in time.
 */
function readiness(
  channels: ReadonlyMap<string, ModuleChannel>,
  health: DatabaseHealth,
  log: ModuleDatabase,
  behind: (channel: ModuleChannel) => Promise<number>,
): () => Promise<Readiness> {
  let answering: Promise<Readiness> | null = null;
  return () =>
    (answering ??= check(channels, health, log, behind).finally(() => {
      answering = null;
    }));
}

async function check(
  channels: ReadonlyMap<string, ModuleChannel>,
  health: DatabaseHealth,
  log: ModuleDatabase,
  behind: (channel: ModuleChannel) => Promise<number>,
): Promise<Readiness> {
  const answers = await Promise.all(
    [...channels].map(([name, channel]) =>
      channel.outboxDepth().then(
        () => null,
        () => name,
      ),
    ),
  );
  const failing = answers.filter((name) => name !== null);
  // Reads may work while writes cannot (a full disk): a write where one failed says
  // whether that is over (a module's own database, or the log's for anywhere else).
  // Places that are not a module (delivery, a route) share one write to the log.
  let logProbe: Promise<void> | undefined;
  await Promise.all(
    health.places.map((where) => {
      const channel = channels.get(where);
      return (channel ? probeModuleWrite(channel.database) : (logProbe ??= probeWrite(log))).then(
        () => health.ok(where),
        (error: unknown) => void health.failed(error, where),
      );
    }),
  );
  const down = health.down;
  if (down) failing.push(`database: ${down.cause}`);
  if (failing.length > 0) return { failing, degraded: [] };
  // Serving, but some module is not keeping up: an operator should look (metrics say which).
  // Load balancers ask every second or so: how far behind is counted only for those.
  const consuming = [...channels].filter(([, channel]) => channel.subscriptions.size > 0);
  const states = await Promise.all(
    consuming.map(async ([name, channel]) => {
      const retrying = channel.retrying !== null;
      const parked = (await channel.parked()).length;
      return retrying || parked > 0
        ? { module: name, retrying, parked, behind: await behind(channel) }
        : null;
    }),
  );
  return { failing, degraded: states.filter((state) => state !== null) };
}

/** Opens and migrates the module's database, joins it to delivery, and runs its `register`. */
async function registerModule(module: ModuleDefinition, wiring: Wiring): Promise<void> {
  const { clock, logger, metrics, health, dispatcher } = wiring;
  const database = wiring.storage.open(module.name);
  await migrate(database, [...deliveryMigrations, ...module.migrations]);
  const channel = new ModuleChannel(
    database,
    {
      clock,
      ids: wiring.ids,
      logger: logger.child({ module: module.name }),
      metrics,
      health,
      tracing: wiring.tracing,
    },
    () => dispatcher.kick(),
  );
  for (const e of module.publishes) channel.publishes.set(e.type, e);
  wiring.channels.set(module.name, channel);
  dispatcher.add(channel);
  await module.register(moduleContext(module, channel, database, wiring));
  for (const type of module.consumes.map((e) => e.type)) {
    if (!channel.subscriptions.has(type))
      throw new Error(`${module.name} lists ${type} in consumes but has no handler`);
  }
}

/** All a module gets: its own database, the chassis' facilities, and services held to what it declared. */
function moduleContext(
  module: ModuleDefinition,
  channel: ModuleChannel,
  database: ModuleDatabase,
  wiring: Wiring,
): ModuleContext {
  const { log, dispatcher, views } = wiring;
  const declared = new Set(module.consumes.map((e) => e.type));
  const listens = (definition: EventDefinition, what: string) => {
    if (!declared.has(definition.type) && !channel.publishes.has(definition.type)) {
      throw new Error(`${module.name} ${what} ${definition.type} but does not list it in consumes`);
    }
  };
  return {
    name: module.name,
    config: wiring.config,
    db: database.db,
    dialect: database.dialect,
    clock: wiring.clock,
    ids: wiring.ids,
    logger: wiring.logger.child({ module: module.name }),
    metrics: wiring.metrics,
    links: wiring.links,
    http: wiring.http,
    services: wiring.services.for(module),
    transaction: (fn) => channel.transaction(fn),
    on: (definition, handler) => {
      if (!declared.has(definition.type)) {
        throw new Error(`${module.name} handles ${definition.type} but does not list it in consumes`);
      }
      channel.subscribe(definition, handler as never);
    },
    onClose: (fn) => wiring.closers.push(fn),
    eraseFromLog: async (request) => {
      await requestErasure(log, request, wiring.clock.now().toISOString());
      dispatcher.kick();
    },
    keepInLog: (definition) => dispatcher.keptInLog.add(definition.type),
    broker: wiring.broker,
    sharedLeases: (name, count, onChange) => sharedLeases(wiring, `${module.name}.${name}`, count, onChange),
    telemetry: telemetryOf(wiring),
    node: wiring.node,
    observe: {
      metrics: () => wiring.metrics.read(),
      events: (query) => browseEvents(log.db, query),
    },
    view: (spec) => {
      const broker = wiring.broker;
      const view = new MemoryView(spec, {
        addViewHandler: (definition, handler) => {
          listens(definition, `changes its view ${spec.name} on`);
          channel.addViewHandler(definition, handler);
        },
        ...(broker.clustered && {
          changed: (keys: readonly string[] | null) =>
            broker.publish(VIEWS_CHANGED, { view: `${module.name}.${spec.name}`, keys }),
        }),
      });
      if (views.some((v) => v.module === module.name && v.view.name === spec.name)) {
        throw new Error(`${module.name} declares the view ${spec.name} twice`);
      }
      views.push({ module: module.name, view: view });
      return view;
    },
  };
}

function telemetryOf(wiring: Wiring): Telemetry {
  return {
    traces: wiring.tracing.recent,
    logs: wiring.logs,
    otlpEndpoint: wiring.config.tracing.otlpEndpoint,
  };
}

/** The running app: serving, delivery, rebuilds and shutdown. */
function appHandle(
  options: AppOptions,
  wiring: Wiring,
  parts: {
    heartbeat: Heartbeat;
    routes: RouteRecord[];
    formKey: string;
    consumers: () => Promise<ConsumerState[]>;
  },
): App {
  const { config, http, dispatcher, storage, views } = wiring;
  const { modules } = options;
  let listening = false;
  const switches = watchSwitches([...wiring.channels.values()], views, (error) =>
    wiring.logger.error({ err: error }, 'looking for switched projections failed'),
  );
  const channel = (name: string): ModuleChannel => {
    const found = wiring.channels.get(name);
    if (!found) throw new Error(`No module named ${name}`);
    return found;
  };
  return {
    config,
    http,
    clock: wiring.clock,
    services: wiring.services.all,
    dispatcher,
    storage,
    modules,
    telemetry: telemetryOf(wiring),
    routes: parts.routes,
    channel,
    views,
    formSecret: (formCookie) => formSecret(parts.formKey, formCookie),
    async listen() {
      parts.heartbeat.start();
      dispatcher.start();
      for (const leases of wiring.leases) leases.start();
      await switches.start();
      listening = true;
      return http.listen({ host: config.host, port: config.port });
    },
    processAll: (options) => dispatcher.processAll(options),
    consumers: parts.consumers,
    async rebuild(name) {
      const module = modules.find((m) => m.name === name);
      if (!module)
        throw new Error(`No module named ${name}; modules: ${modules.map((m) => m.name).join(', ')}`);
      await dispatcher.processAll();
      const own = views.filter((v) => v.module === name).map((v) => v.view);
      // Emptied first: the replay does not feed them, so what they hold (the live end state)
      // is not what the replay has reached, and a projection asking one (known()) must go
      // to its transaction instead.
      for (const view of own) view.clear();
      try {
        await channel(name).rebuild(dispatcher.log, module.projections);
      } finally {
        // Rebuilt or left as they were: the views are read afresh from the tables either way.
        await rereadViews(views, name);
      }
    },
    async close() {
      if (listening) parts.heartbeat.stop();
      switches.stop();
      await http.close();
      await dispatcher.stop();
      for (const leases of wiring.leases) await leases.stop();
      for (const close of wiring.closers.reverse()) await close();
      wiring.metrics.stop();
      await wiring.tracing.close();
      await storage.close();
    },
  };
}
