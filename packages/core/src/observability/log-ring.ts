import type { DestinationStream } from 'pino';

/** One log line as the console shows and filters it. */
export interface LogLine {
  /** Numbered as this node received it: a reconnecting tail asks for what came after. */
  seq: number;
  /** The node that wrote it. */
  node: string;
  at: string;
  level: string;
  msg: string;
  module: string | null;
  route: string | null;
  memberId: string | null;
  traceId: string | null;
  /** The line as written (JSON). */
  raw: string;
}

export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** What the tail shows: each given field must match; `level` is the least severe shown. */
export interface LogFilter {
  level?: LogLevel;
  module?: string;
  route?: string;
  memberId?: string;
  traceId?: string;
  /** Found anywhere in the line, in any case. */
  text?: string;
}

const CAPACITY = 2000;

const str = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

/** Reads a JSON log line; a line that is not JSON is kept as its own message. */
export function parseLogLine(seq: number, node: string, raw: string): LogLine {
  let fields: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(raw);
    if (parsed && typeof parsed === 'object') fields = parsed as Record<string, unknown>;
  } catch {
    fields = { msg: raw.trim() };
  }
  return {
    seq,
    node,
    at: str(fields.time) ?? '',
    level: str(fields.level) ?? 'info',
    msg: str(fields.msg) ?? '',
    module: str(fields.module),
    route: str(fields.route),
    memberId: str(fields.memberId),
    traceId: str(fields.traceId),
    raw: raw.trimEnd(),
  };
}

export function matchesLog(line: LogLine, filter: LogFilter): boolean {
  if (filter.level && severity(line.level) < severity(filter.level)) return false;
  if (filter.module && line.module !== filter.module) return false;
  if (filter.route && !(line.route ?? '').includes(filter.route)) return false;
  if (filter.memberId && line.memberId !== filter.memberId) return false;
  if (filter.traceId && line.traceId !== filter.traceId) return false;
  if (filter.text && !line.raw.toLowerCase().includes(filter.text.toLowerCase())) return false;
  return true;
}

function severity(level: string): number {
  return LOG_LEVELS.indexOf(level as LogLevel);
}

interface Entry {
  seq: number;
  node: string;
  raw: string;
  line?: LogLine;
}

/**
 * The node's recent log lines, for the console's live tail: a ring of the last 2,000
 * (this node's and, in a cluster, every other node's), the oldest overwritten first.
 * Lines are kept as written and read as JSON only when someone looks, so logging costs
 * a copy of a reference, not a parse.
 */
export class LogRing {
  readonly node: string;
  readonly #capacity: number;
  readonly #entries: Entry[] = [];
  #next = 0;
  #seq = 0;
  readonly #watchers = new Set<(line: LogLine) => void>();
  readonly #own: Array<(raw: string) => void> = [];

  constructor(node: string, capacity = CAPACITY) {
    this.node = node;
    this.#capacity = capacity;
  }

  /** A pino destination that writes each line to `out` and keeps it here. */
  tee(out: DestinationStream): DestinationStream {
    return {
      write: (chunk: string) => {
        out.write(chunk);
        this.add(this.node, chunk);
        for (const listener of this.#own) listener(chunk);
      },
    };
  }

  /** Called with each line this node writes (a cluster passes them to the other nodes). */
  onOwnLine(listener: (raw: string) => void): void {
    this.#own.push(listener);
  }

  /** Keeps a line written by `node`. */
  add(node: string, raw: string): void {
    const entry: Entry = { seq: ++this.#seq, node, raw };
    if (this.#entries.length < this.#capacity) this.#entries.push(entry);
    else this.#entries[this.#next] = entry;
    this.#next = (this.#next + 1) % this.#capacity;
    if (this.#watchers.size === 0) return;
    const line = read(entry);
    for (const watcher of this.#watchers) watcher(line);
  }

  get size(): number {
    return this.#entries.length;
  }

  /** The newest `limit` lines that pass the filter and came after `after`, oldest first. */
  recent(filter: LogFilter = {}, limit = 200, after = 0): LogLine[] {
    const found: LogLine[] = [];
    const count = this.#entries.length;
    for (let i = 1; i <= count && found.length < limit; i++) {
      const entry = this.#entries[(this.#next - i + count * 2) % count]!;
      if (entry.seq <= after) break;
      const line = read(entry);
      if (matchesLog(line, filter)) found.push(line);
    }
    return found.reverse();
  }

  /** Calls `watcher` with every line from now on; returns the way to stop. */
  watch(watcher: (line: LogLine) => void): () => void {
    this.#watchers.add(watcher);
    return () => this.#watchers.delete(watcher);
  }
}

function read(entry: Entry): LogLine {
  return (entry.line ??= parseLogLine(entry.seq, entry.node, entry.raw));
}
