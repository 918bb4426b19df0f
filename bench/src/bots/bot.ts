import { setTimeout as sleep } from 'node:timers/promises';
import { performance } from 'node:perf_hooks';
import { Connection, cookieFrom, type Response, type Target } from '../http.ts';
import { outcomeOf, type PhaseReport } from './report.ts';

/** A small seeded PRNG (mulberry32), so a run's choices repeat for the same seed. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** What members mostly do, by weight: look around far more than they write. */
export const WEIGHTS: ReadonlyArray<readonly [Action, number]> = [
  ['search', 25],
  ['profile', 30],
  ['news', 20],
  ['alerts', 10],
  ['chat', 10],
  ['flirt', 5],
];
export type Action = 'search' | 'profile' | 'news' | 'alerts' | 'chat' | 'flirt';

export function pick(weights: ReadonlyArray<readonly [Action, number]>, r: number): Action {
  const total = weights.reduce((sum, [, w]) => sum + w, 0);
  let at = r * total;
  for (const [action, w] of weights) {
    if (at < w) return action;
    at -= w;
  }
  return weights[weights.length - 1]![0];
}

const MEMBER_ID = /"memberId":"([0-9a-f-]{36})"/g;
const CHAT_LINES = [
  'Hej! How is your week going?',
  'Moi! Seen any good films lately?',
  'Hi, I loved your diary post.',
];

export interface BotOptions {
  target: Target;
  email: string;
  password: string;
  /** Mean think time between actions; actual pauses are exponential around it. */
  thinkMs: number;
  seed: number;
  report: () => PhaseReport;
}

/** One simulated member: logs in, then searches, reads, scrolls, flirts and chats with pauses. */
export class Bot {
  readonly #o: BotOptions;
  readonly #connection: Connection;
  readonly #random: () => number;
  #cookie = '';
  /** Members this bot has come across, to open, flirt with and write to. */
  readonly #seen: string[] = [];
  active = false;

  constructor(options: BotOptions) {
    this.#o = options;
    this.#connection = new Connection(options.target);
    this.#random = random(options.seed);
  }

  async #call(action: string, method: string, path: string, body?: unknown): Promise<Response | null> {
    const started = performance.now();
    try {
      const headers: Record<string, string> = { accept: 'application/json' };
      if (this.#cookie) headers.cookie = this.#cookie;
      if (body !== undefined) headers['content-type'] = 'application/json';
      const response = await this.#connection.request(
        method,
        path,
        headers,
        body === undefined ? undefined : JSON.stringify(body),
      );
      this.#o.report().record(action, performance.now() - started, outcomeOf(response.status));
      return response;
    } catch {
      this.#o.report().record(action, performance.now() - started, 'error');
      return null;
    }
  }

  #remember(response: Response | null): void {
    if (!response || response.status !== 200) return;
    for (const m of response.body.toString().matchAll(MEMBER_ID)) {
      if (this.#seen.length >= 50) this.#seen.shift();
      this.#seen.push(m[1]!);
    }
  }

  #someone(): string | undefined {
    return this.#seen[Math.floor(this.#random() * this.#seen.length)];
  }

  async #think(): Promise<void> {
    const pause = Math.min(this.#o.thinkMs * 5, -Math.log(1 - this.#random()) * this.#o.thinkMs);
    // Sleep in slices so a bot told to stop does not linger for a whole pause.
    for (let left = pause; left > 0 && this.active; left -= 250) await sleep(Math.min(250, left));
  }

  async #login(): Promise<boolean> {
    const r = await this.#call('login', 'POST', '/api/v1/sessions', {
      email: this.#o.email,
      password: this.#o.password,
    });
    const cookie = r && r.status === 200 ? cookieFrom(r, 'mc_session') : null;
    if (cookie) this.#cookie = cookie;
    return cookie !== null;
  }

  async #act(action: Action): Promise<void> {
    switch (action) {
      case 'search':
        this.#remember(await this.#call('search', 'GET', '/api/v1/search'));
        return;
      case 'profile': {
        const who = this.#someone();
        if (!who) return this.#act('search');
        await this.#call('profile', 'GET', `/api/v1/profiles/${who}`);
        return;
      }
      case 'news': {
        // Scroll: the first page, then a page or two further down.
        let path = '/api/v1/news';
        for (let page = 0; page < 1 + Math.floor(this.#random() * 3) && this.active; page++) {
          const r = await this.#call('news', 'GET', path);
          this.#remember(r);
          const next = r?.status === 200 ? /"nextCursor":"([^"]+)"/.exec(r.body.toString())?.[1] : undefined;
          if (!next) return;
          path = `/api/v1/news?cursor=${encodeURIComponent(next)}`;
          await this.#think();
        }
        return;
      }
      case 'alerts':
        this.#remember(await this.#call('alerts', 'GET', '/api/v1/alerts'));
        return;
      case 'flirt': {
        const who = this.#someone();
        if (who) await this.#call('flirt', 'POST', '/api/v1/flirts', { memberId: who });
        return;
      }
      case 'chat': {
        const who = this.#someone();
        const line = CHAT_LINES[Math.floor(this.#random() * CHAT_LINES.length)]!;
        if (who) await this.#call('chat', 'POST', `/api/v1/chats/${who}/messages`, { body: line });
        return;
      }
    }
  }

  /** Runs until `active` turns false; logs in first (again after a lost session). */
  async run(): Promise<void> {
    this.active = true;
    while (this.active) {
      if (!this.#cookie && !(await this.#login())) {
        await this.#think();
        continue;
      }
      await this.#act(pick(WEIGHTS, this.#random()));
      await this.#think();
    }
    this.#connection.close();
  }
}
