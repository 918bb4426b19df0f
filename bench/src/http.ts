import { connect, type Socket } from 'node:net';

/**
 * A lean HTTP/1.1 keep-alive client over raw sockets. Node's own clients spend more CPU
 * per request than a hello-world server does, and on two cores the load generator
 * shares the machine with the server: a heavy client would cap both the baseline and
 * the app at the client's speed and make every ratio look like 1. One request in
 * flight per connection; responses are read by Content-Length or chunked encoding.
 */
export interface Response {
  status: number;
  headers: Map<string, string>;
  body: Buffer;
}

const CRLFCRLF = Buffer.from('\r\n\r\n');

interface Pending {
  resolve: (r: Response) => void;
  reject: (e: Error) => void;
}

/** Parses one response from the front of `buffer`; null when it has not all arrived. */
export function parseResponse(buffer: Buffer): { response: Response; rest: Buffer } | null {
  const headEnd = buffer.indexOf(CRLFCRLF);
  if (headEnd < 0) return null;
  const lines = buffer.subarray(0, headEnd).toString('latin1').split('\r\n');
  const status = Number(lines[0]?.split(' ')[1]);
  const headers = new Map<string, string>();
  for (const line of lines.slice(1)) {
    const colon = line.indexOf(':');
    if (colon > 0) {
      const name = line.slice(0, colon).trim().toLowerCase();
      const value = line.slice(colon + 1).trim();
      // Set-Cookie may repeat; keep every value, newline-joined.
      headers.set(name, headers.has(name) ? `${headers.get(name)}\n${value}` : value);
    }
  }
  const bodyStart = headEnd + 4;
  const length = headers.get('content-length');
  if (length !== undefined) {
    const end = bodyStart + Number(length);
    if (buffer.length < end) return null;
    return {
      response: { status, headers, body: buffer.subarray(bodyStart, end) },
      rest: buffer.subarray(end),
    };
  }
  if (headers.get('transfer-encoding')?.includes('chunked')) {
    const chunks: Buffer[] = [];
    let at = bodyStart;
    for (;;) {
      const lineEnd = buffer.indexOf('\r\n', at);
      if (lineEnd < 0) return null;
      const size = parseInt(buffer.subarray(at, lineEnd).toString('latin1'), 16);
      const dataStart = lineEnd + 2;
      if (buffer.length < dataStart + size + 2) return null;
      if (size === 0) {
        // No trailers are sent by the servers under test.
        return {
          response: { status, headers, body: Buffer.concat(chunks) },
          rest: buffer.subarray(dataStart + 2),
        };
      }
      chunks.push(buffer.subarray(dataStart, dataStart + size));
      at = dataStart + size + 2;
    }
  }
  // 204/304 and friends: no body.
  return { response: { status, headers, body: Buffer.alloc(0) }, rest: buffer.subarray(bodyStart) };
}

export interface Target {
  host: string;
  port: number;
  /** Another loopback source address (127.0.0.x) when one address runs out of ports. */
  localAddress?: string;
}

export class Connection {
  readonly #target: Target;
  #socket: Socket | null = null;
  #connecting: Promise<Socket> | null = null;
  #buffer: Buffer = Buffer.alloc(0);
  #pending: Pending | null = null;

  constructor(target: Target) {
    this.#target = target;
  }

  get busy(): boolean {
    return this.#pending !== null;
  }

  #open(): Promise<Socket> {
    if (this.#socket) return Promise.resolve(this.#socket);
    this.#connecting ??= new Promise<Socket>((resolve, reject) => {
      const socket = connect({
        host: this.#target.host,
        port: this.#target.port,
        ...(this.#target.localAddress ? { localAddress: this.#target.localAddress } : {}),
      });
      socket.setNoDelay(true);
      socket.once('connect', () => {
        this.#socket = socket;
        this.#connecting = null;
        resolve(socket);
      });
      socket.on('data', (chunk: Buffer) => this.#receive(chunk));
      socket.on('error', (error) => {
        this.#connecting = null;
        reject(error);
        this.#fail(error);
      });
      socket.on('close', () => {
        this.#socket = null;
        this.#connecting = null;
        this.#fail(new Error('connection closed'));
      });
    });
    return this.#connecting;
  }

  #receive(chunk: Buffer): void {
    this.#buffer = this.#buffer.length === 0 ? chunk : Buffer.concat([this.#buffer, chunk]);
    const parsed = parseResponse(this.#buffer);
    if (!parsed) return;
    this.#buffer = parsed.rest.length === 0 ? Buffer.alloc(0) : Buffer.from(parsed.rest);
    const pending = this.#pending;
    this.#pending = null;
    pending?.resolve(parsed.response);
    if (parsed.response.headers.get('connection') === 'close') this.#socket?.destroy();
  }

  #fail(error: Error): void {
    this.#buffer = Buffer.alloc(0);
    const pending = this.#pending;
    this.#pending = null;
    pending?.reject(error);
  }

  async request(
    method: string,
    path: string,
    headers: Record<string, string> = {},
    body?: string,
  ): Promise<Response> {
    if (this.#pending) throw new Error('one request at a time per connection');
    const socket = await this.#open();
    let head = `${method} ${path} HTTP/1.1\r\nhost: ${this.#target.host}\r\n`;
    for (const [name, value] of Object.entries(headers)) head += `${name}: ${value}\r\n`;
    if (body !== undefined) head += `content-length: ${Buffer.byteLength(body)}\r\n`;
    const promise = new Promise<Response>((resolve, reject) => (this.#pending = { resolve, reject }));
    socket.write(body === undefined ? `${head}\r\n` : `${head}\r\n${body}`);
    return promise;
  }

  close(): void {
    this.#socket?.destroy();
    this.#socket = null;
  }
}

/** Connections handed out to whoever asks; callers wait in line when all are busy. */
export class Pool {
  readonly #idle: Connection[] = [];
  readonly #all: Connection[] = [];
  readonly #waiting: Array<(c: Connection) => void> = [];

  constructor(target: Target, size: number) {
    for (let i = 0; i < size; i++) {
      const c = new Connection(target);
      this.#all.push(c);
      this.#idle.push(c);
    }
  }

  async request(
    method: string,
    path: string,
    headers: Record<string, string> = {},
    body?: string,
  ): Promise<Response> {
    const connection = this.#idle.pop() ?? (await new Promise<Connection>((r) => this.#waiting.push(r)));
    try {
      return await connection.request(method, path, headers, body);
    } finally {
      const next = this.#waiting.shift();
      if (next) next(connection);
      else this.#idle.push(connection);
    }
  }

  close(): void {
    for (const c of this.#all) c.close();
  }
}

/** The value of a cookie set by a response, as `name=value` ready for a Cookie header. */
export function cookieFrom(response: Response, name: string): string | null {
  for (const line of (response.headers.get('set-cookie') ?? '').split('\n')) {
    const pair = line.split(';')[0]?.trim() ?? '';
    if (pair.startsWith(`${name}=`)) return pair;
  }
  return null;
}
