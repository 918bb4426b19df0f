import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseWrk } from './wrk.ts';

test('wrk’s report gives the rate, the 99th percentile and every failure', () => {
  const report = `Running 8s test @ http://127.0.0.1:40123
  1 threads and 64 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     2.10ms  512.00us  12.30ms   90.00%
    Req/Sec    30.12k     1.20k   32.00k    80.00%
  Latency Distribution
     50%    2.00ms
     75%    2.20ms
     90%    2.60ms
     99%    4.52ms
  240960 requests in 8.00s, 40.21MB read
  Socket errors: connect 0, read 3, write 0, timeout 1
  Non-2xx or 3xx responses: 12
Requests/sec:  30120.45
Transfer/sec:      5.03MB
`;
  assert.deepEqual(parseWrk(report), { rps: 30120.45, errors: 16, p99Ms: 4.52 });
  assert.equal(parseWrk(report.replace('4.52ms', '870.00us')).p99Ms, 0.87);
});
