import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Endpoint, Result } from './contract.js';
import { routeLimit } from './rate-limit.js';
import type { App } from './types.js';

type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

/** The request a handler sees: parameters, query and body already parsed by the endpoint's schemas. */
export type RequestOf<E extends Endpoint> = FastifyRequest<{
  Params: Out<E['params']>;
  Querystring: Out<E['query']>;
  Body: Out<E['body']>;
}>;

/**
 * A handler answers with the endpoint's success value; one that sets a status,
 * headers or a non-JSON body answers with the reply itself.
 */
export type Handler<E extends Endpoint> = (req: RequestOf<E>, reply: FastifyReply) => Promise<Result<E> | FastifyReply>;

/** Serves one endpoint of a contract: the route's schemas, access and documentation all come from it. */
export function route<E extends Endpoint & { tag?: string }>(app: App, e: E, handler: Handler<E>) {
  app.route({
    method: e.method,
    url: e.path,
    config: { access: e.access, ...(e.rateLimit ? { rateLimit: routeLimit(e.rateLimit) } : {}) },
    // Fastify warns about keys that are present but undefined, so only the declared ones go in.
    schema: Object.fromEntries(
      Object.entries({
        tags: e.tag ? [e.tag] : undefined,
        summary: e.summary,
        description: e.description,
        hide: e.hidden,
        params: e.params,
        querystring: e.query,
        body: e.body,
        response: e.response,
        produces: e.produces ? [...e.produces] : undefined,
        consumes: e.upload ? ['multipart/form-data'] : undefined,
      }).filter(([, v]) => v !== undefined),
    ),
    handler: handler as never,
  });
}
