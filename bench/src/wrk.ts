// wrk (C, event-driven) as a second closed-loop client: on two cores the suite's own
// Node client can run out of CPU before the server does, so a maximum rate read with
// both says whether a figure is the server's or the client's ceiling.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface WrkResult {
  rps: number;
  /** Responses that were not 2xx or 3xx, and socket errors. */
  errors: number;
  p99Ms: number | null;
}

/** Whether wrk is installed (`make bench` installs Debian's package when it can). */
export async function hasWrk(): Promise<boolean> {
  try {
    await run('wrk', ['--version']);
    return true;
  } catch (error) {
    // wrk --version prints its usage and exits 1; only a missing binary is ENOENT.
    return (error as NodeJS.ErrnoException).code !== 'ENOENT';
  }
}

/**
 * The Lua script that spreads requests over paths and headers (sessions), in turn; with
 * `shuffle`, each request pairs a path and a header set drawn at random, so that (for
 * profile reads) most requests are a pair not seen before, as with the suite's client.
 */
function script(
  requests: ReadonlyArray<{ path: string; headers: Record<string, string> }>,
  shuffle = false,
): string {
  const entries = requests
    .map(
      (r) =>
        `{${JSON.stringify(r.path)}, {${Object.entries(r.headers)
          .map(([k, v]) => `[${JSON.stringify(k)}] = ${JSON.stringify(v)}`)
          .join(', ')}}}`,
    )
    .join(',\n');
  const pick = shuffle
    ? `local p = requests[math.random(#requests)]
  local h = requests[math.random(#requests)]
  return wrk.format("GET", p[1], h[2])`
    : `i = i % #requests + 1
  local r = requests[i]
  return wrk.format("GET", r[1], r[2])`;
  return `local requests = {\n${entries}\n}
local i = 0
request = function()
  ${pick}
end
`;
}

export function parseWrk(output: string): WrkResult {
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(output)?.[1] ?? 0);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(output);
  const errors =
    Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(output)?.[1] ?? 0) +
    (socket ? socket.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0);
  const p99 = /99%\s+([\d.]+)(us|ms|s)\b/.exec(output);
  const scale = { us: 0.001, ms: 1, s: 1000 } as const;
  return {
    rps,
    errors,
    p99Ms: p99 ? Number(p99[1]) * scale[p99[2] as keyof typeof scale] : null,
  };
}

/** A closed loop of `connections` over one thread for `seconds`, cycling through the requests. */
export async function wrk(options: {
  port: number;
  requests: ReadonlyArray<{ path: string; headers: Record<string, string> }>;
  seconds: number;
  connections: number;
  shuffle?: boolean;
}): Promise<WrkResult> {
  const dir = mkdtempSync(join(tmpdir(), 'meetcute-wrk-'));
  try {
    const lua = join(dir, 'requests.lua');
    writeFileSync(lua, script(options.requests, options.shuffle));
    const { stdout } = await run(
      'wrk',
      [
        '-t1',
        `-c${options.connections}`,
        `-d${options.seconds}s`,
        '--latency',
        '-s',
        lua,
        `http://127.0.0.1:${options.port}`,
      ],
      { timeout: (options.seconds + 30) * 1000 },
    );
    return parseWrk(stdout);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
