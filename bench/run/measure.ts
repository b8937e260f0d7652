import autocannon from 'autocannon';
import type { Session } from './sign-in';

export interface Target {
  /** The highest acceptable 99th-percentile latency of one request at a time (see `alone`). */
  p99Ms?: number;
  /** The lowest acceptable throughput as a share of the ceiling's. */
  ratio?: number;
}

export interface Measurement {
  name: string;
  connections: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Throughput as a share of the bare route doing the same database work; null for the bare routes. */
  ratio: number | null;
  /**
   * Latency with one connection: what one person waits when the server is not saturated. With
   * several connections on a small machine the latency is mostly queueing behind the others, which
   * the throughput already measures; the latency targets are about the wait itself.
   */
  alone: { p50Ms: number; p99Ms: number } | null;
  target: Target | null;
}

export interface Scenario {
  name: string;
  url: string;
  connections: number;
  duration: number;
  session?: Session;
  /** Sent in turn on each connection; a body function makes a fresh body (a fresh id) each time. */
  requests: { method: 'GET' | 'POST'; path: string; body?: () => string }[];
  ceiling?: Measurement;
  target?: Target | null;
}

/**
 * One autocannon run after a short warm-up. Any answer that is not 2xx fails the whole run: a
 * benchmark of errors measures nothing.
 */
export async function measure(scenario: Scenario): Promise<Measurement> {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...(scenario.session ? { cookie: scenario.session.cookie, origin: scenario.session.origin } : {}) };
  const requests = scenario.requests.map((r) => ({
    method: r.method,
    path: r.path,
    headers,
    ...(r.body ? { setupRequest: (request: object) => ({ ...request, body: r.body!() }) } : {}),
  }));
  const once = async (duration: number, connections: number) => {
    const result = await autocannon({ url: scenario.url, connections, duration, requests });
    const failed = result.non2xx + result.errors + result.timeouts;
    if (result.requests.total === 0) throw new Error(`${scenario.name}: no request finished in ${duration} s`);
    if (failed > 0) throw new Error(`${scenario.name}: ${result.non2xx} answers were not 2xx, ${result.errors} errors, ${result.timeouts} timeouts`);
    return result;
  };
  process.stderr.write(`${scenario.name}: warming up… `);
  await once(Math.min(3, scenario.duration), scenario.connections);
  process.stderr.write(`${scenario.connections} connections for ${scenario.duration} s… `);
  const result = await once(scenario.duration, scenario.connections);
  const requestsPerSecond = result.requests.average;
  process.stderr.write(`${Math.round(requestsPerSecond)} req/s`);
  let alone: Measurement['alone'] = null;
  if (scenario.ceiling) {
    const single = await once(scenario.duration, 1);
    alone = { p50Ms: single.latency.p50, p99Ms: single.latency.p99 };
    process.stderr.write(`; alone p99 ${single.latency.p99} ms`);
  }
  process.stderr.write('\n');
  return {
    name: scenario.name,
    connections: scenario.connections,
    requestsPerSecond,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    ratio: scenario.ceiling ? requestsPerSecond / scenario.ceiling.requestsPerSecond : null,
    alone,
    target: scenario.target ?? null,
  };
}
