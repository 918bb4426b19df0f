// Configuration comes from environment variables and is validated in one place.
// Each bad value gets its own message so an operator can fix them all at once.

export interface Config {
  host: string;
  port: number;
  /** `sqlite:<data dir>` or `postgres://…`. */
  databaseUrl: string;
  database:
    | {
        kind: 'sqlite';
        directory: string;
        /** `normal` survives a killed process; `full` also survives a power cut, at a cost per commit. */
        synchronous?: 'normal' | 'full';
      }
    | {
        kind: 'postgres';
        url: string;
        /** Connections each module may hold at once (one pool per module's schema). */
        poolSize?: number;
      };
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Emails that get the moderator role when their account exists. */
  moderators: string[];
  /** Emails that get the operator role (the console at /ops) when their account exists. */
  operators: string[];
  cookieSecure: boolean;
  /** Behind a reverse proxy, trust its X-Forwarded-For so per-IP limits see real visitors. */
  trustProxy: boolean;
  /**
   * The bearer token Prometheus scrapes `/metrics` with; unset, `/metrics` answers only
   * requests made on this machine directly, not through a proxy.
   */
  metricsToken: string | null;
  login: { perAccount: number; perIp: number; windowSeconds: number };
  heartbeatMaxDelayMs: number;
  seedDemo: boolean;
  /** Where uploaded photos are kept (every size, under generated names) and the largest upload taken. */
  photos: { directory: string; maxBytes: number };
  /** Where members reach the site: links in mails start with it. */
  publicUrl: string;
  /**
   * How mail leaves: over SMTP when `smtpUrl` is set, else into `directory` (listed on the
   * moderators' outbox page), so a site on one box needs no mail server to start.
   */
  mail: { smtpUrl: string | null; from: string; directory: string };
  /** The brakes on chat: messages a member may send a minute, conversations they may start a day. */
  chat: { messagesPerMinute: number; newContactsPerDay: number };
  /**
   * Sponsored items: one after every `newsEvery` cards of the news feed, `alerts` at the top
   * of the alerts page and `profile` on a member's profile page (0 for none there).
   */
  ads: { newsEvery: number; alerts: number; profile: number };
  /**
   * NATS, when this node is one of several: the nodes tell each other there what moved and
   * pass live signals to the node holding a member's page. Needs PostgreSQL.
   */
  natsUrl: string | null;
  /**
   * Traces (observability/tracing.ts): the share of new traces recorded (a request that
   * arrives with a sampled traceparent always is), and the OTLP/HTTP collector they are
   * sent to; recent ones are kept in memory for the console either way.
   */
  tracing: { sampleRatio: number; otlpEndpoint: string | null };
  /**
   * Prometheus's HTTP API (e.g. http://127.0.0.1:9090), when it scrapes the nodes: the
   * operator console reads its graphs there (every node, long history) instead of from the
   * history each node keeps in memory.
   */
  prometheusUrl: string | null;
  /** The commit this build is of, when the build says so; otherwise git is asked once at start. */
  commit: string | null;
}

export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.problems = problems;
  }
}

/** Most requests are alike: one in ten recorded shows the shape of the site's work at a small cost. */
const DEFAULT_TRACE_SAMPLE_RATIO = 0.1;

type Env = Record<string, string | undefined>;

/** Reads settings one by one, collecting every problem so an operator sees them all at once. */
class Settings {
  readonly problems: string[] = [];
  readonly env: Env;
  constructor(env: Env) {
    this.env = env;
  }

  int(name: string, fallback: number, min: number, max: number): number {
    const raw = this.env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      this.problems.push(`${name}=${raw} must be a whole number from ${min} to ${max}`);
      return fallback;
    }
    return value;
  }

  ratio(name: string, fallback: number): number {
    const raw = this.env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isFinite(value) || value < 0 || value > 1) {
      this.problems.push(`${name}=${raw} must be a number from 0 to 1, e.g. 0.1 for one in ten`);
      return fallback;
    }
    return value;
  }

  bool(name: string, fallback: boolean): boolean {
    const raw = this.env[name];
    if (raw === undefined || raw === '') return fallback;
    if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) return true;
    if (['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
    this.problems.push(`${name}=${raw} must be true or false`);
    return fallback;
  }
}

function readDatabase(settings: Settings): Pick<Config, 'databaseUrl' | 'database'> {
  const { env, problems } = settings;
  const databaseUrl = env.MEETCUTE_DATABASE_URL || 'sqlite:data';
  let database: Config['database'] = { kind: 'sqlite', directory: 'data' };
  if (databaseUrl.startsWith('sqlite:')) {
    const directory = databaseUrl.slice('sqlite:'.length);
    if (directory === '') problems.push('MEETCUTE_DATABASE_URL=sqlite: needs a directory, e.g. sqlite:data');
    const synchronous = (env.MEETCUTE_SQLITE_SYNCHRONOUS || 'normal').toLowerCase();
    if (synchronous !== 'normal' && synchronous !== 'full')
      problems.push(`MEETCUTE_SQLITE_SYNCHRONOUS=${synchronous} must be normal or full`);
    database = { kind: 'sqlite', directory, synchronous: synchronous === 'full' ? 'full' : 'normal' };
  } else if (/^postgres(ql)?:\/\//.test(databaseUrl)) {
    try {
      new URL(databaseUrl);
      // Nodes × modules × this is what a cluster may open on the server: lower it to fit max_connections.
      database = {
        kind: 'postgres',
        url: databaseUrl,
        poolSize: settings.int('MEETCUTE_DATABASE_POOL_SIZE', 4, 1, 100),
      };
    } catch {
      problems.push(`MEETCUTE_DATABASE_URL=${databaseUrl} is not a valid URL`);
    }
  } else {
    problems.push(
      `MEETCUTE_DATABASE_URL=${databaseUrl} must start with sqlite: (a data directory) or postgres:// (a server)`,
    );
  }
  return { databaseUrl, database };
}

function readLogLevel({ env, problems }: Settings): Config['logLevel'] {
  const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
  const rawLevel = env.MEETCUTE_LOG_LEVEL || 'info';
  const logLevel = logLevels.find((l) => l === rawLevel);
  if (!logLevel) problems.push(`MEETCUTE_LOG_LEVEL=${rawLevel} must be one of ${logLevels.join(', ')}`);
  return logLevel ?? 'info';
}

/** A comma-separated list of login addresses that hold a role (MEETCUTE_MODERATORS, MEETCUTE_OPERATORS). */
function readRoleHolders(
  { env, problems }: Settings,
  name: 'MEETCUTE_MODERATORS' | 'MEETCUTE_OPERATORS',
): string[] {
  const emails = (env[name] ?? '')
    .split(',')
    .map((e) => e.trim().toLowerCase())
    .filter((e) => e !== '');
  for (const email of emails) {
    if (!/^[^@\s]+@[^@\s]+$/.test(email)) problems.push(`${name} has ${email}, which is not an email`);
  }
  return emails;
}

/** Where the site listens and the origin members reach it at. */
function readAddress(settings: Settings): Pick<Config, 'host' | 'port' | 'publicUrl'> {
  const { env, problems } = settings;
  const port = settings.int('MEETCUTE_PORT', 3000, 0, 65535);
  const host = env.MEETCUTE_HOST || '127.0.0.1';
  const publicUrl = (
    env.MEETCUTE_PUBLIC_URL || `http://${host.includes(':') ? `[${host}]` : host}:${port}`
  ).replace(/\/+$/, '');
  if (!/^https?:\/\/[^/?#\s]+$/.test(publicUrl)) {
    problems.push(
      `MEETCUTE_PUBLIC_URL=${publicUrl} must be the site's origin, e.g. https://meetcute.example`,
    );
  }
  return { host, port, publicUrl };
}

function readMail({ env, problems }: Settings, dataDirectory: string): Config['mail'] {
  const smtpUrl = env.MEETCUTE_SMTP_URL || null;
  if (smtpUrl !== null && !/^smtps?:\/\//.test(smtpUrl)) {
    problems.push(`MEETCUTE_SMTP_URL=${smtpUrl} must start with smtp:// or smtps://`);
  }
  return {
    smtpUrl,
    from: env.MEETCUTE_MAIL_FROM || 'Meetcute <no-reply@meetcute.invalid>',
    directory: env.MEETCUTE_MAIL_DIRECTORY || `${dataDirectory}/mail`,
  };
}

function readPrometheus({ env, problems }: Settings): string | null {
  const url = (env.MEETCUTE_PROMETHEUS_URL || '').replace(/\/+$/, '') || null;
  if (url !== null && !/^https?:\/\/[^/?#\s]+(\/[^?#\s]*)?$/.test(url))
    problems.push(`MEETCUTE_PROMETHEUS_URL=${url} must look like http://127.0.0.1:9090`);
  return url;
}

function readNats({ env, problems }: Settings, database: Config['database']): string | null {
  const url = env.MEETCUTE_NATS_URL || null;
  if (url === null) return null;
  if (!/^(nats|tls):\/\/[^/\s]+$/.test(url))
    problems.push(`MEETCUTE_NATS_URL=${url} must look like nats://127.0.0.1:4222`);
  if (database.kind !== 'postgres')
    problems.push(
      'MEETCUTE_NATS_URL is set, so this node is one of several: they need one PostgreSQL (MEETCUTE_DATABASE_URL=postgres://…), not SQLite files of their own',
    );
  return url;
}

function readTracing(settings: Settings): Config['tracing'] {
  const endpoint = settings.env.OTEL_EXPORTER_OTLP_ENDPOINT || null;
  if (endpoint !== null && !/^https?:\/\/[^/?#\s]+(\/[^?#\s]*)?$/.test(endpoint))
    settings.problems.push(
      `OTEL_EXPORTER_OTLP_ENDPOINT=${endpoint} must be a collector's http(s) address, e.g. http://127.0.0.1:4318`,
    );
  return {
    sampleRatio: settings.ratio('MEETCUTE_TRACE_SAMPLE_RATIO', DEFAULT_TRACE_SAMPLE_RATIO),
    otlpEndpoint: endpoint,
  };
}

export function readConfig(env: Env): Config {
  const settings = new Settings(env);
  const { databaseUrl, database } = readDatabase(settings);
  // Beside the SQLite files by default, so one directory holds a small site's whole state.
  const dataDirectory =
    database.kind === 'sqlite' && database.directory !== ':memory:' ? database.directory : 'data';
  const config: Config = {
    ...readAddress(settings),
    databaseUrl,
    database,
    logLevel: readLogLevel(settings),
    moderators: readRoleHolders(settings, 'MEETCUTE_MODERATORS'),
    operators: readRoleHolders(settings, 'MEETCUTE_OPERATORS'),
    cookieSecure: settings.bool('MEETCUTE_COOKIE_SECURE', false),
    trustProxy: settings.bool('MEETCUTE_TRUST_PROXY', false),
    metricsToken: env.MEETCUTE_METRICS_TOKEN || null,
    login: {
      perAccount: settings.int('MEETCUTE_LOGIN_LIMIT_PER_ACCOUNT', 5, 1, 1000),
      perIp: settings.int('MEETCUTE_LOGIN_LIMIT_PER_IP', 30, 1, 100000),
      windowSeconds: settings.int('MEETCUTE_LOGIN_LIMIT_WINDOW_SECONDS', 900, 1, 86400),
    },
    heartbeatMaxDelayMs: settings.int('MEETCUTE_HEARTBEAT_MAX_DELAY_MS', 1000, 10, 60000),
    seedDemo: settings.bool('MEETCUTE_SEED_DEMO', false),
    photos: {
      directory: env.MEETCUTE_PHOTO_DIRECTORY || `${dataDirectory}/photos`,
      maxBytes: settings.int('MEETCUTE_PHOTO_MAX_BYTES', 15 * 1024 * 1024, 10 * 1024, 100 * 1024 * 1024),
    },
    chat: {
      messagesPerMinute: settings.int('MEETCUTE_CHAT_MESSAGES_PER_MINUTE', 20, 1, 100000),
      newContactsPerDay: settings.int('MEETCUTE_CHAT_NEW_CONTACTS_PER_DAY', 20, 1, 100000),
    },
    ads: {
      newsEvery: settings.int('MEETCUTE_ADS_NEWS_EVERY', 5, 1, 100),
      alerts: settings.int('MEETCUTE_ADS_ALERTS', 1, 0, 5),
      profile: settings.int('MEETCUTE_ADS_PROFILE', 1, 0, 5),
    },
    mail: readMail(settings, dataDirectory),
    natsUrl: readNats(settings, database),
    tracing: readTracing(settings),
    prometheusUrl: readPrometheus(settings),
    commit: env.MEETCUTE_COMMIT || null,
  };
  if (settings.problems.length > 0) throw new ConfigError(settings.problems);
  return config;
}
