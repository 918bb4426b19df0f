/**
 * Services and extension points between modules, by typed keys. A key is declared once,
 * by the module that offers it (or by the chassis), with the type of what it names:
 *
 *   export const PROFILES = defineService<ProfileDirectory>('profiles');
 *
 * A module lists the keys it `provides` and those it `requires` while it registers; the
 * composition root registers every provider before the modules that require it, and
 * refuses to start, naming the modules, when a required service has no provider or the
 * requirements go round in a circle. Extension points (`defineExtension`) are lists many
 * modules add to, read when they are used rather than at registration.
 */
export interface ServiceKey<T> {
  readonly kind: 'service';
  readonly name: string;
  /** Never set: carries the type of the service. */
  readonly type?: T;
}

export interface ExtensionPoint<T> {
  readonly kind: 'extension';
  readonly name: string;
  /** Never set: carries the type of what is contributed. */
  readonly type?: T;
}

export function defineService<T>(name: string): ServiceKey<T> {
  return { kind: 'service', name };
}

export function defineExtension<T>(name: string): ExtensionPoint<T> {
  return { kind: 'extension', name };
}

export type AnyServiceKey = ServiceKey<unknown>;

export interface ServiceRegistry {
  /** Offers a service under its key; the module must list the key in `provides`. */
  provide<T>(key: ServiceKey<T>, service: T): void;
  /** The service; the module lists the key in `requires`, so its provider registers first. */
  require<T>(key: ServiceKey<T>): T;
  /** The service if some module offers it (read when used, since the provider may register later). */
  optional<T>(key: ServiceKey<T>): T | undefined;
  /**
   * Extension points that many modules add to, such as the action buttons on a
   * profile page. Read them when they are used, not at registration: a module that
   * registers later may still add its own.
   */
  contribute<T>(point: ExtensionPoint<T>, item: T): void;
  contributions<T>(point: ExtensionPoint<T>): readonly T[];
}

/** What a module says about services, as the ordering needs it. */
export interface ServiceNeeds {
  name: string;
  provides?: readonly AnyServiceKey[];
  /** Needed while the module registers: its providers register first. */
  requires?: readonly AnyServiceKey[];
}

/**
 * The modules in an order where every module comes after the providers of what it
 * requires; otherwise in the order given (which decides, e.g., the order of contributed
 * buttons). Throws, naming the modules, on a missing provider, a key provided twice or a cycle.
 */
export function orderByServices<M extends ServiceNeeds>(modules: readonly M[]): M[] {
  const providers = new Map<string, M>();
  for (const m of modules) {
    for (const key of m.provides ?? []) {
      const other = providers.get(key.name);
      if (other) throw new Error(`The service ${key.name} is provided by both ${other.name} and ${m.name}`);
      providers.set(key.name, m);
    }
  }
  const missing = modules.flatMap((m) =>
    (m.requires ?? [])
      .filter((key) => !providers.has(key.name))
      .map((key) => `${m.name} requires the service ${key.name}, which no module provides`),
  );
  if (missing.length > 0) throw new Error(missing.join('; '));
  const ordered: M[] = [];
  const state = new Map<M, 'visiting' | 'done'>();
  const visit = (m: M, path: M[]): void => {
    if (state.get(m) === 'done') return;
    if (state.get(m) === 'visiting') {
      const cycle = [...path.slice(path.indexOf(m)), m].map((x) => x.name).join(' → ');
      throw new Error(`Modules require each other's services in a circle: ${cycle}`);
    }
    state.set(m, 'visiting');
    for (const key of m.requires ?? []) {
      const provider = providers.get(key.name)!;
      if (provider !== m) visit(provider, [...path, m]);
    }
    state.set(m, 'done');
    ordered.push(m);
  };
  for (const m of modules) visit(m, []);
  return ordered;
}

/**
 * The registry every module shares, and a view of it per module that holds the module
 * to what it declared: providing an undeclared key, or requiring one, is an error at start.
 */
export class Services {
  readonly #services = new Map<string, unknown>();
  readonly #points = new Map<string, unknown[]>();

  /** The registry as the chassis uses it: no declarations to hold to. */
  readonly all: ServiceRegistry = this.#view(undefined);

  for(module: ServiceNeeds): ServiceRegistry {
    return this.#view(module);
  }

  has(key: AnyServiceKey): boolean {
    return this.#services.has(key.name);
  }

  #view(module: ServiceNeeds | undefined): ServiceRegistry {
    const services = this.#services;
    const points = this.#points;
    const declares = (keys: readonly AnyServiceKey[] | undefined, key: AnyServiceKey) =>
      module === undefined || (keys ?? []).some((k) => k.name === key.name);
    return {
      provide(key, service) {
        if (!declares(module?.provides, key))
          throw new Error(
            `${module?.name} provides the service ${key.name} but does not list it in provides`,
          );
        if (services.has(key.name)) throw new Error(`The service ${key.name} is provided twice`);
        services.set(key.name, service);
      },
      require<T>(key: ServiceKey<T>): T {
        const declared = [module?.provides, module?.requires].some((keys) => declares(keys, key));
        if (!declared)
          throw new Error(
            `${module?.name} requires the service ${key.name} but does not list it in requires`,
          );
        if (!services.has(key.name)) throw new Error(`No module provides the service ${key.name}`);
        return services.get(key.name) as T;
      },
      optional<T>(key: ServiceKey<T>): T | undefined {
        return services.get(key.name) as T | undefined;
      },
      contribute(point, item) {
        const list = points.get(point.name) ?? [];
        list.push(item);
        points.set(point.name, list);
      },
      contributions<T>(point: ExtensionPoint<T>): readonly T[] {
        return (points.get(point.name) ?? []) as T[];
      },
    };
  }
}
