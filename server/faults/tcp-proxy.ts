// A TCP proxy in front of PostgreSQL that a fault test owns, to stall or cut the
// database for the app without touching the shared server.
import { createServer, connect, type Server, type Socket } from 'node:net';

/** Passes connections to `target` until told to stall or cut them. */
export class TcpProxy {
  readonly #server: Server;
  readonly #pairs = new Set<[Socket, Socket]>();
  #mode: 'open' | 'stalled' | 'cut' = 'open';
  port = 0;

  constructor(target: { host: string; port: number }) {
    this.#server = createServer((client) => {
      if (this.#mode === 'cut') return client.destroy();
      const upstream = connect(target);
      const pair: [Socket, Socket] = [client, upstream];
      this.#pairs.add(pair);
      const drop = () => {
        client.destroy();
        upstream.destroy();
        this.#pairs.delete(pair);
      };
      client.on('error', drop).on('close', drop);
      upstream.on('error', drop).on('close', drop);
      client.pipe(upstream);
      upstream.pipe(client);
      if (this.#mode === 'stalled') this.#pause(pair);
    });
  }

  async listen(): Promise<void> {
    await new Promise<void>((resolve) => this.#server.listen(0, '127.0.0.1', resolve));
    this.port = (this.#server.address() as { port: number }).port;
  }

  #pause([a, b]: [Socket, Socket]): void {
    a.unpipe(b);
    b.unpipe(a);
  }

  /** Connections stay open but nothing passes: a frozen network or server. */
  stall(): void {
    this.#mode = 'stalled';
    for (const pair of this.#pairs) this.#pause(pair);
  }

  /** Every connection is dropped and new ones are refused. */
  cut(): void {
    this.#mode = 'cut';
    for (const [a, b] of this.#pairs) {
      a.destroy();
      b.destroy();
    }
    this.#pairs.clear();
  }

  /** Back to normal; stalled connections are dropped (their state is lost in the middle). */
  restore(): void {
    if (this.#mode === 'stalled') this.cut();
    this.#mode = 'open';
  }

  async close(): Promise<void> {
    this.cut();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }
}
