import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { features } from './features/index.js';
import { loadActorBySession, sessionCookie } from './features/accounts/index.js';
import { installAccess } from './platform/auth/access.js';
import type { Config } from './platform/config.js';
import type { Database } from './platform/db/index.js';
import { clientErrorHandler, frameworkErrors, installProblemHandler } from './platform/http/problem.js';
import { installRateLimits } from './platform/http/rate-limit.js';
import { checkReferences, idFieldsOf, type ReferenceCheck } from './platform/http/references.js';
import { findPage, type Page } from './platform/http/links.js';
import type { App, Ctx } from './platform/http/types.js';
import { JobRunner } from './platform/jobs/index.js';
import { Mailer } from './platform/mail/index.js';

export const webRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist/web');

export interface BuildOptions {
  database: Database;
  config: Config;
  logger?: boolean | object;
}

/** Builds the HTTP app: platform plugins, then every feature's routes. */
export async function buildApp({ database, config, logger = false }: BuildOptions): Promise<{ app: App; ctx: Ctx }> {
  const app = Fastify({
    logger: logger === true ? { level: config.LOG_LEVEL } : logger,
    bodyLimit: 1024 * 1024,
    trustProxy: process.env.TRUST_PROXY === 'true',
    routerOptions: { maxParamLength: 200 },
    // Refusals made before a route runs are problem+json too (platform/http/problem.ts).
    frameworkErrors,
    clientErrorHandler,
    http: { requireHostHeader: false },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const ctx: Ctx = {
    database,
    db: database.db,
    config,
    jobs: new JobRunner(database),
    mailer: new Mailer(config.SMTP_URL, config.MAIL_FROM, {
      retrySeconds: config.MAIL_RETRY_SECONDS,
      giveUpHours: config.MAIL_GIVE_UP_HOURS,
    }),
    membership: { isMember: async () => false },
  };

  const web = webApp(features.flatMap((f) => Object.values(f.pages ?? {})));
  installProblemHandler(app, web?.page);
  await installRateLimits(app);
  // The API speaks JSON (and multipart for files): a text/plain body is refused, not parsed (ASVS 13.2.5).
  app.removeContentTypeParser('text/plain');
  // API answers may hold personal data: no cache keeps them unless a route says otherwise (ASVS 8.2.1).
  app.addHook('onSend', async (req, reply) => {
    if (req.url.startsWith('/api/') && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
  });
  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        mediaSrc: ["'self'", 'blob:'],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(multipart, { limits: { fileSize: config.MAX_UPLOAD_MB * 1024 * 1024, files: 1 } });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Wuzhen API',
        version: '1',
        description: 'The JSON API of the Wuzhen platform. Errors are application/problem+json with a stable `code`.',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: sessionCookie } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  installAccess(app, async (req) => {
    const token = req.cookies[sessionCookie];
    return token && token.length < 200 ? loadActorBySession(database.db, token) : null;
  });

  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());
  app.get(
    '/api/health',
    {
      config: { access: 'public' },
      schema: {
        tags: ['platform'],
        summary: 'Liveness and database reachability',
        response: { 200: z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']) }) },
      },
    },
    async () => {
      await database.db.execute(sql`select 1`);
      return { status: 'ok' as const, database: database.kind };
    },
  );

  installReferences(app, ctx);
  for (const f of features) await f.routes?.(app, ctx);
  for (const f of features) f.jobs?.(ctx.jobs, ctx);

  if (web) {
    await app.register(fastifyStatic, {
      root: webRoot,
      wildcard: false,
      index: false,
      maxAge: '1h',
      // Built assets carry their content hash in the name: cache them for good.
      setHeaders: (res, file) => {
        if (file.startsWith(path.join(webRoot, 'assets') + path.sep)) res.setHeader('cache-control', 'public, max-age=31536000, immutable');
      },
    });
  }
  return { app, ctx };
}

/**
 * Ids in request bodies are references (platform/http/references.ts): each kind's
 * check comes from the feature that owns the records; a route whose body refers
 * to a kind nobody checks does not start.
 */
function installReferences(app: App, ctx: Ctx) {
  const checks = new Map<string, ReferenceCheck>();
  for (const f of features) for (const [kind, check] of Object.entries(f.references ?? {})) checks.set(kind, check);
  app.addHook('onRoute', (route) => {
    const body = route.schema?.body as z.ZodType | undefined;
    if (!body || typeof (body as { safeParse?: unknown }).safeParse !== 'function') return;
    for (const f of idFieldsOf(body))
      if (f.kind && !checks.has(f.kind))
        throw new Error(`Route ${String(route.method)} ${route.url}: body.${f.path} refers to "${f.kind}", which no feature checks.`);
  });
  app.addHook('preHandler', async (req) => {
    if (req.url.startsWith('/api/')) await checkReferences(ctx, checks, req);
  });
}

/**
 * The single-page app, when it is built: its files are static routes, and a
 * GET of any other path (not under /api/, without a file extension) that no
 * route matches gets index.html. It lives in the not-found handler, so API
 * paths are refused the same way whether or not the app is built.
 */
function webApp(pages: Page[]) {
  const index = path.join(webRoot, 'index.html');
  if (!fs.existsSync(index)) return null;
  const html = fs.readFileSync(index, 'utf8');
  const page = (req: FastifyRequest, reply: FastifyReply) => {
    const url = req.url.split('?')[0];
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !url.startsWith('/') || url.startsWith('/api/') || /\.[a-z0-9]+$/i.test(url))
      return false;
    // Not one of the web app's declared pages: a 404, which the web app explains.
    const status = findPage(pages, url) ? 200 : 404;
    void reply.code(status).type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(html);
    return true;
  };
  return { page };
}
