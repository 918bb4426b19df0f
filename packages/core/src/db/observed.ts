import type {
  CompiledQuery,
  DatabaseConnection,
  Dialect,
  Driver,
  QueryCompiler,
  QueryResult,
  TransactionSettings,
} from 'kysely';

/**
 * Called as a statement starts; what it returns (if anything) is called when the statement
 * is done, with the error if it failed. Tracing times statements through it (tracing.ts).
 */
export type SqlObserver = (sql: string) => ((error?: unknown) => void) | undefined;

/** Where a module's database finds its observer: set once the app has one, read per statement. */
export interface ObserverSlot {
  observer: SqlObserver | null;
}

/**
 * A dialect whose connections tell an observer about each statement. This is the drivers'
 * seam rather than a Kysely plugin: a plugin sees a query when it is compiled, and the hot
 * statements are compiled once and run many times (prepared.ts).
 */
export function observedDialect(dialect: Dialect, slot: ObserverSlot): Dialect {
  return {
    createAdapter: () => dialect.createAdapter(),
    createQueryCompiler: () => dialect.createQueryCompiler(),
    createIntrospector: (db) => dialect.createIntrospector(db),
    createDriver: () => new ObservedDriver(dialect.createDriver(), slot),
  };
}

class ObservedConnection implements DatabaseConnection {
  readonly inner: DatabaseConnection;
  readonly #slot: ObserverSlot;
  constructor(inner: DatabaseConnection, slot: ObserverSlot) {
    this.inner = inner;
    this.#slot = slot;
  }
  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const done = this.#slot.observer?.(query.sql);
    if (!done) return this.inner.executeQuery<R>(query);
    try {
      const result = await this.inner.executeQuery<R>(query);
      done();
      return result;
    } catch (error) {
      done(error);
      throw error;
    }
  }
  streamQuery<R>(query: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    return this.inner.streamQuery<R>(query, chunkSize);
  }
}

type Compile = QueryCompiler['compileQuery'];
const inner = (connection: DatabaseConnection): DatabaseConnection =>
  connection instanceof ObservedConnection ? connection.inner : connection;

const missing = (method: string) => new Error(`This database's driver has no ${method}`);

class ObservedDriver implements Driver {
  readonly #driver: Driver;
  readonly #slot: ObserverSlot;
  // One wrapper per pooled connection, made once.
  readonly #wrapped = new WeakMap<DatabaseConnection, ObservedConnection>();
  constructor(driver: Driver, slot: ObserverSlot) {
    this.#driver = driver;
    this.#slot = slot;
  }
  init(): Promise<void> {
    return this.#driver.init();
  }
  async acquireConnection(): Promise<DatabaseConnection> {
    const connection = await this.#driver.acquireConnection();
    let wrapped = this.#wrapped.get(connection);
    if (!wrapped) {
      wrapped = new ObservedConnection(connection, this.#slot);
      this.#wrapped.set(connection, wrapped);
    }
    return wrapped;
  }
  beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    return this.#driver.beginTransaction(inner(connection), settings);
  }
  commitTransaction(connection: DatabaseConnection): Promise<void> {
    return this.#driver.commitTransaction(inner(connection));
  }
  rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    return this.#driver.rollbackTransaction(inner(connection));
  }
  savepoint(connection: DatabaseConnection, name: string, compile: Compile): Promise<void> {
    if (!this.#driver.savepoint) throw missing('savepoint');
    return this.#driver.savepoint(inner(connection), name, compile);
  }
  rollbackToSavepoint(connection: DatabaseConnection, name: string, compile: Compile): Promise<void> {
    if (!this.#driver.rollbackToSavepoint) throw missing('rollbackToSavepoint');
    return this.#driver.rollbackToSavepoint(inner(connection), name, compile);
  }
  releaseSavepoint(connection: DatabaseConnection, name: string, compile: Compile): Promise<void> {
    if (!this.#driver.releaseSavepoint) throw missing('releaseSavepoint');
    return this.#driver.releaseSavepoint(inner(connection), name, compile);
  }
  releaseConnection(connection: DatabaseConnection): Promise<void> {
    return this.#driver.releaseConnection(inner(connection));
  }
  destroy(): Promise<void> {
    return this.#driver.destroy();
  }
}
