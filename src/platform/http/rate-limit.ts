import rateLimit from '@fastify/rate-limit';
import type { FastifyRequest } from 'fastify';
import { platformErrors } from './codes.js';
import type { RateLimit } from './contract.js';
import { fail } from './errors.js';
import type { App } from './types.js';

type Incr = (error: Error | null, result?: { current: number; ttl: number }) => void;

/**
 * One count per key for the whole app: @fastify/rate-limit gives each route a
 * store of its own (`child`); this one hands out itself, so routes naming the
 * same bucket share its count (the keys carry the bucket). In memory, per
 * process; the oldest keys go first when it is full.
 */
class SharedStore {
  private readonly hits = new Map<string, { count: number; since: number }>();
  incr(key: string, done: Incr, timeWindow: number) {
    const now = Date.now();
    let hit = this.hits.get(key);
    if (!hit || hit.since + timeWindow <= now) {
      this.hits.delete(key);
      if (this.hits.size >= 50_000) this.hits.delete(this.hits.keys().next().value!);
      hit = { count: 0, since: now };
      this.hits.set(key, hit);
    }
    hit.count++;
    done(null, { current: hit.count, ttl: hit.since + timeWindow - now });
  }
  child() {
    return this;
  }
}

const tooMany = (ttlMs: number) =>
  fail(platformErrors, 'rate_limited', `Too many requests; try again in ${Math.ceil(ttlMs / 1000)} seconds.`, {
    extra: { retryAfter: Math.ceil(ttlMs / 1000) },
  });

/** The rate-limit plugin: no route is limited unless it says so (an endpoint's `rateLimit`); over the limit, 429 problem+json. */
export async function installRateLimits(app: App) {
  await app.register(rateLimit, {
    global: false,
    store: SharedStore as never,
    errorResponseBuilder: (_req, c) => tooMany(c.ttl),
  });
}

/** The route options of a limit (`config.rateLimit`), counted per bucket and client address. */
export const routeLimit = (l: RateLimit) => ({
  max: l.max,
  timeWindow: l.perSeconds * 1000,
  keyGenerator: (req: FastifyRequest) => `${l.bucket} ${req.ip}`,
});

/**
 * For a route that serves many things of which some are limited (the portal's
 * pages): counts the request against `l`, and answers the seconds to wait when
 * it is over the limit (null otherwise); the caller chooses how to refuse.
 */
export function limiter(app: App) {
  const checks = new Map<string, ReturnType<App['createRateLimit']>>();
  return async (req: FastifyRequest, l: RateLimit): Promise<number | null> => {
    const id = `${l.bucket}/${l.max}/${l.perSeconds}`;
    const check = checks.get(id) ?? app.createRateLimit(routeLimit(l));
    checks.set(id, check);
    const r = await check(req);
    return !r.isAllowed && r.isExceeded ? r.ttlInSeconds : null;
  };
}

/** Over a limit, refused as the API refuses: 429 problem+json `rate_limited`. */
export const rateLimited = (seconds: number) => tooMany(seconds * 1000);
