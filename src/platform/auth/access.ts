import type { FastifyInstance, FastifyRequest } from 'fastify';
import { fail, forbidden, unauthenticated } from '../http/errors.js';
import { platformErrors } from '../http/codes.js';
import { isUploadRoute } from '../http/upload.js';
import { type GlobalRole, type ScopedRoleName, staffAreaRoles, staffAreaScopes } from './roles.js';

export {
  globalRoles,
  type GlobalRole,
  type RoleName,
  scopedRoles,
  type ScopedRoleName,
  staffAreaRoles,
  staffAreaScopes,
} from './roles.js';

export interface ScopedRole {
  role: ScopedRoleName;
  scopeType: string; // e.g. 'event', 'organization'
  scopeId: string;
}

export interface Actor {
  userId: string;
  email: string;
  name: string;
  locale: string;
  roles: GlobalRole[];
  scopes: ScopedRole[];
  sessionId: string;
  csrfToken: string;
}

/**
 * Who may call a route, declared on every route:
 * - 'public': anyone;
 * - 'user': any signed-in account (finer checks live in the feature's policy.ts);
 * - a list of global roles: one of them (admin always passes).
 */
export type Access = 'public' | 'user' | readonly GlobalRole[];

export interface RouteEntry {
  method: string;
  url: string;
  access: Access;
  /** Takes a file upload (multipart/form-data). */
  upload: boolean;
  /** The declared body schema, if any (the reference tests walk it). */
  body?: unknown;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyInstance {
    /** Every API route with its declared access, for the permission tests. */
    routeTable: RouteEntry[];
  }
  interface FastifyRequest {
    actor: Actor | null;
  }
}

export const isStaff = (a: Actor | null) => !!a && (a.roles.includes('admin') || a.roles.includes('secretariat'));
export const hasRole = (a: Actor | null, role: GlobalRole) => !!a && (a.roles.includes('admin') || a.roles.includes(role));
export const hasScope = (a: Actor | null, role: string, scopeType: string, scopeId: string) =>
  !!a && a.scopes.some((s) => s.role === role && s.scopeType === scopeType && s.scopeId === scopeId);

/** Whether the account may enter the staff area: one of its roles, or an event's manager. */
export const entersStaffArea = (a: Actor | null) =>
  staffAreaRoles.some((r) => hasRole(a, r)) || (!!a && a.scopes.some((s) => (staffAreaScopes as readonly string[]).includes(s.role)));

export function requireActor(req: FastifyRequest): Actor {
  if (!req.actor) throw unauthenticated();
  return req.actor;
}

export type Authenticate = (req: FastifyRequest) => Promise<Actor | null>;

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Installs the access check. Every route must declare `config.access`, or the
 * server refuses to start. The check runs before the body is validated, so an
 * unauthorized caller learns nothing about the route's input.
 */
export function installAccess(app: FastifyInstance, authenticate: Authenticate) {
  app.decorateRequest('actor', null);
  app.decorate('routeTable', [] as RouteEntry[]);
  app.addHook('onRoute', (route) => {
    const url = route.url ?? route.path;
    if (!url.startsWith('/api/v1/')) return;
    if (!route.config?.access) throw new Error(`Route ${String(route.method)} ${url} declares no access (config.access).`);
    const upload = isUploadRoute(route.schema);
    for (const method of [route.method].flat())
      if (method !== 'HEAD') app.routeTable.push({ method, url, access: route.config.access, upload, body: route.schema?.body });
  });
  app.addHook('onRequest', async (req) => {
    req.actor = await authenticate(req);
    const access = req.routeOptions.config?.access;
    // Cookie sessions need the CSRF token on every write, public routes included.
    if (req.actor && !safeMethods.has(req.method) && req.headers['x-csrf-token'] !== req.actor.csrfToken) {
      throw fail(platformErrors, 'csrf_failed', 'The request lacks a valid X-CSRF-Token header. Reload the page and try again.');
    }
    if (!access || access === 'public') return;
    if (!req.actor) throw unauthenticated();
    if (access === 'user') return;
    if (!access.some((r) => hasRole(req.actor, r))) throw forbidden();
  });
}
