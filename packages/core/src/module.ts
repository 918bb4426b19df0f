import type { Broker } from './cluster.ts';
import type { SharedLeases } from './delivery/leases.ts';
import type { Telemetry } from './app.ts';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyBaseLogger, FastifyInstance, RawServerDefault } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Config } from './config.ts';
import type { Clock } from './clock.ts';
import type { IdSource } from './ids.ts';
import type { Logger } from './observability/logger.ts';
import type { Kysely } from 'kysely';
import type { Dialect } from './db/storage.ts';
import type { TableSpecs, TablesOf } from './db/tables.ts';
import type { AnyServiceKey, ServiceRegistry } from './services.ts';

export type { ServiceRegistry } from './services.ts';
import type { Migration } from './db/migrations.ts';
import type { EventDefinition, PayloadOf } from './events.ts';
import type { EventHandler, Tx } from './delivery/delivery.ts';
import type { UseCase } from './use-cases/use-case.ts';
import type { View, ViewSpec } from './views.ts';
import type { LinkTokens } from './links.ts';
import type { NodeFacts, Observation } from './observability/observe.ts';

export type Http = FastifyInstance<
  RawServerDefault,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

/**
 * What a module gets to do its work. `DB` is the Kysely schema of its own tables
 * (`TablesOf<typeof tables>`), so every query it writes is checked against them.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the chassis holds every module's context
export interface ModuleContext<DB = any> {
  name: string;
  config: Config;
  /** The module's own database (SQLite file or PostgreSQL schema): its tables only. */
  db: Kysely<DB>;
  dialect: Dialect;
  clock: Clock;
  ids: IdSource;
  logger: Logger;
  metrics: { counter(name: string, help: string): { inc(by?: number): void } };
  /** Signed, expiring tokens for links sent by mail, under the site's own key. */
  links: LinkTokens;
  http: Http;
  services: ServiceRegistry;
  /** Runs a command: state changes and published events commit together. */
  transaction<T>(fn: (tx: Tx<DB>) => Promise<T>): Promise<T>;
  /** Consumes an event; the handler runs in a transaction with the consumer's checkpoint. */
  on<D extends EventDefinition>(definition: D, handler: EventHandler<PayloadOf<D>, DB>): void;
  /**
   * Declares an in-memory view of the module's tables (see views.ts): warmed when the
   * app starts, changed by the events given to its `on`, after they commit.
   */
  view<V>(spec: ViewSpec<V>): View<V, DB>;
  /**
   * Asks for every event in the log that names the member to be deleted, except `keep`
   * (the deletion event itself), once every consumer has applied them: see delivery/erasure.ts.
   */
  eraseFromLog(request: { memberId: string; pseudonym: string; keep: string }): Promise<void>;
  /**
   * Says an erasure keeps events of this type, the member named by their pseudonym instead:
   * for what other members keep (the messages of a conversation), so a rebuild keeps it too.
   */
  keepInLog(definition: EventDefinition): void;
  /** Runs when the app closes, after requests and delivery have stopped and before storage closes. */
  onClose(fn: () => Promise<void>): void;
  /**
   * The other nodes of the site, for signals that are not in the database (a live
   * notification for a page another node holds); on one node, nobody (cluster.ts).
   */
  broker: Broker;
  /**
   * Numbered leases spread evenly over the nodes of a cluster, each held by one node at
   * a time (chat groups): alone, the node holds them all. `onChange` runs when what this
   * node holds changes (delivery/leases.ts).
   */
  sharedLeases(name: string, count: number, onChange: () => void): SharedLeases;
  /** What the node saw (recent traces and log lines), for the operators' console. */
  telemetry: Telemetry;
  /** This node: its build (version, commit) and start, for the operator console. */
  node: NodeFacts;
  /** What the operator console reads that no module owns: this node's metrics and the event log. */
  observe: Observation;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the chassis holds every module's definition
export interface ModuleDefinition<S extends TableSpecs = any> {
  name: string;
  description: string;
  publishes: EventDefinition[];
  consumes: EventDefinition[];
  /**
   * The tables the module's migrations make, declared as values (db/tables.ts): they type
   * `ctx.db`, and a test checks them against the migrations on both databases.
   */
  tables: S;
  /** Services it offers to other modules, by typed key (services.ts). */
  provides?: AnyServiceKey[];
  /** Services it needs while it registers: their providers register first. */
  requires?: AnyServiceKey[];
  migrations: Migration[];
  /** Tables that are a pure function of the events consumed: cleared and replayed by `rebuild`. */
  projections: string[];
  useCases: UseCase[];
  register(ctx: ModuleContext<DatabaseOf<S>>): Promise<void> | void;
}

// A definition held without its tables' type (the chassis' lists of modules) sees an untyped database.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type DatabaseOf<S extends TableSpecs> = unknown extends S ? any : TablesOf<S>;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a module that declares no tables yet is untyped
export function defineModule<S extends TableSpecs = any>(
  definition: ModuleDefinition<S>,
): ModuleDefinition<S> {
  return definition;
}
