import { WebSocket } from 'ws';

/**
 * Many idle live connections from one process. Connections are spread over several
 * loopback source addresses (127.0.0.1, .2, …) so tens of thousands never run out of
 * ephemeral ports on one address.
 */
export interface LiveClients {
  sockets: WebSocket[];
  failed: number;
  firstError: string | null;
  close(): Promise<void>;
}

export const SOURCE_ADDRESSES = ['127.0.0.1', '127.0.0.2', '127.0.0.3', '127.0.0.4'];

export async function openMany(
  count: number,
  url: (i: number) => string,
  options: {
    headers?: (i: number) => Record<string, string>;
    onMessage?: (i: number, data: string) => void;
    batch?: number;
  } = {},
): Promise<LiveClients> {
  const sockets: WebSocket[] = [];
  let failed = 0;
  let firstError: string | null = null;
  const batch = options.batch ?? 250;
  for (let start = 0; start < count; start += batch) {
    const opening: Array<Promise<void>> = [];
    for (let i = start; i < Math.min(count, start + batch); i++) {
      const socket = new WebSocket(url(i), {
        headers: options.headers?.(i) ?? {},
        localAddress: SOURCE_ADDRESSES[i % SOURCE_ADDRESSES.length],
        perMessageDeflate: false,
      });
      const onMessage = options.onMessage;
      if (onMessage) socket.on('message', (data: Buffer) => onMessage(i, data.toString()));
      opening.push(
        new Promise<void>((resolve) => {
          socket.once('open', () => {
            sockets.push(socket);
            resolve();
          });
          socket.once('error', (error) => {
            failed++;
            firstError ??= error.message;
            resolve();
          });
        }),
      );
    }
    await Promise.all(opening);
  }
  return {
    sockets,
    failed,
    firstError,
    async close() {
      await Promise.all(
        sockets.map(
          (s) =>
            new Promise<void>((resolve) => {
              if (s.readyState === WebSocket.CLOSED) return resolve();
              s.once('close', () => resolve());
              s.terminate();
            }),
        ),
      );
    },
  };
}

/** Resolves true when `waiting`'s entry for `k` is called (the message was heard), false after `ms`. */
export function heardWithin(waiting: Map<number, () => void>, k: number, ms = 5000): Promise<boolean> {
  return new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => {
      waiting.delete(k);
      resolve(false);
    }, ms);
    waiting.set(k, () => {
      clearTimeout(timer);
      waiting.delete(k);
      resolve(true);
    });
  });
}
