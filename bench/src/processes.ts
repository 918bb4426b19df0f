import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { sqlTimer } from './sql-timer.ts';

/**
 * The server under test always runs in its own process, so it never shares an event
 * loop with the load generator. Parent and child talk over the IPC channel: the child
 * says `ready` with what it has to tell, and answers requests by id.
 */
export interface Ready {
  type: 'ready';
}

export interface Memory {
  rss: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
}

interface Reply {
  type: 'reply';
  id: number;
  value?: unknown;
  error?: string;
}

export class Child<R extends Ready = Ready> {
  readonly process: ChildProcess;
  readonly ready: R;
  #next = 0;
  readonly #waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  #stderr = '';

  private constructor(child: ChildProcess, ready: R, stderr: () => string) {
    this.process = child;
    this.ready = ready;
    child.on('message', (m: Reply) => {
      if (m.type !== 'reply') return;
      const waiting = this.#waiting.get(m.id);
      this.#waiting.delete(m.id);
      if (m.error !== undefined) waiting?.reject(new Error(m.error));
      else waiting?.resolve(m.value);
    });
    child.on('exit', (code, signal) => {
      const error = new Error(`${ready.type} process ended (${code ?? signal}): ${stderr().slice(-2000)}`);
      for (const w of this.#waiting.values()) w.reject(error);
      this.#waiting.clear();
    });
    this.#stderr = '';
  }

  /** Extra node flags for every child, e.g. --cpu-prof to profile the server under test. */
  static execArgv: string[] = [];

  static async start<R extends Ready>(
    script: string,
    args: string[],
    execArgv: string[] = [],
  ): Promise<Child<R>> {
    const child = fork(script, args, {
      execArgv: ['--disable-warning=ExperimentalWarning', '--expose-gc', ...Child.execArgv, ...execArgv],
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (stderr.length > 20_000) stderr = stderr.slice(-10_000);
    });
    const ready = await new Promise<R>((resolve, reject) => {
      const onMessage = (m: { type?: string }) => {
        if (m.type === 'ready') {
          child.off('message', onMessage);
          resolve(m as R);
        }
      };
      child.on('message', onMessage);
      child.once('exit', (code, signal) =>
        reject(new Error(`${script} ended before it was ready (${code ?? signal}):\n${stderr.slice(-4000)}`)),
      );
    });
    return new Child(child, ready, () => stderr);
  }

  ask<T>(request: string, argument?: unknown): Promise<T> {
    const id = ++this.#next;
    return new Promise<T>((resolve, reject) => {
      this.#waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.process.send({ type: 'request', id, request, argument });
    });
  }

  memory(): Promise<Memory> {
    return this.ask<Memory>('memory');
  }

  /** Asks the child to end itself (so a --cpu-prof profile gets written); kills it if it does not. */
  async stop(): Promise<void> {
    if (this.process.exitCode !== null || this.process.signalCode !== null) return;
    const exited = once(this.process, 'exit');
    const timer = setTimeout(() => this.process.kill('SIGKILL'), 10_000);
    this.process.send({ type: 'request', id: 0, request: 'exit' }, (error) => {
      if (error) this.process.kill('SIGKILL');
    });
    await exited;
    clearTimeout(timer);
  }
}

type Handler = (argument: unknown) => unknown;

/** The child's side: says it is ready, then answers the parent's requests. */
export function serveParent<R extends Ready>(ready: R, handlers: Record<string, Handler>): void {
  const all: Record<string, Handler> = {
    memory: () => settledMemory(),
    // CPU time of the whole process (every thread), in µs: a probe's cost per request on a
    // machine too busy for wall-clock rates to mean anything.
    cpu: () => {
      const { user, system } = process.cpuUsage();
      return user + system;
    },
    exit: () => {
      // The parent is done with this process; exiting (not being killed) lets --cpu-prof write its profile.
      // eslint-disable-next-line no-restricted-properties
      process.exit(0);
    },
    // A CPU profile of a window the parent chooses (the measured loop, not the start or the warm-up).
    profileStart: () => profiler.start(),
    profileStop: (file) => profiler.stop(String(file)),
    // SQLite's time by statement over a window, when the process loaded the timer (probe.ts --sql).
    sqlStart: () => sqlTimer()?.start(),
    sqlReport: (requests) => sqlTimer()?.report(25, Number(requests)) ?? 'the SQL timer was not loaded',
    ...handlers,
  };
  process.on('message', (m: { type: string; id: number; request: string; argument: unknown }) => {
    if (m.type !== 'request') return;
    const handler = all[m.request];
    Promise.resolve()
      .then(() => {
        if (!handler) throw new Error(`no handler for ${m.request}`);
        return handler(m.argument);
      })
      .then(
        (value) => process.send?.({ type: 'reply', id: m.id, value }),
        (error: unknown) => process.send?.({ type: 'reply', id: m.id, error: String(error) }),
      );
  });
  // The parent going away (even killed) is the signal to stop.
  process.on('disconnect', () => process.kill(process.pid, 'SIGKILL'));
  process.send?.(ready);
}

/** Memory after full garbage collections, so what is counted is what is held. */
export async function settledMemory(): Promise<Memory> {
  const gc = (globalThis as { gc?: () => void }).gc;
  for (let i = 0; i < 3; i++) {
    gc?.();
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const m = process.memoryUsage();
  return { rss: m.rss, heapUsed: m.heapUsed, external: m.external, arrayBuffers: m.arrayBuffers };
}

/** The process's own V8 profiler, started and stopped on the parent's word. */
const profiler = {
  session: null as Session | null,
  async start(): Promise<void> {
    this.session = new Session();
    this.session.connect();
    await this.session.post('Profiler.enable');
    await this.session.post('Profiler.start');
  },
  async stop(file: string): Promise<void> {
    if (!this.session) throw new Error('no profile was started');
    const { profile } = await this.session.post('Profiler.stop');
    writeFileSync(file, JSON.stringify(profile));
    this.session.disconnect();
    this.session = null;
  },
};
