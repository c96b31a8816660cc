import { and, inArray, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Actor } from '../auth/access.js';
import type { DbOrTx } from '../db/index.js';
import { fail } from './errors.js';
import { platformErrors } from './codes.js';
import type { Ctx } from './types.js';

export { ref } from './ref.js';

/** Which of `ids` the actor may use (an unknown id is never allowed). Staff usually may use every existing one. */
export type ReferenceCheck = (ctx: Ctx, actor: Actor | null, ids: string[]) => Promise<Iterable<string>>;

export interface FoundReference {
  kind: string;
  id: string;
  /** Where in the body, e.g. `people.0.personId`. */
  path: string;
}

const refKind = (s: z.ZodType) => (z.globalRegistry.get(s) as { 'x-ref'?: string } | undefined)?.['x-ref'];

type Def = {
  type: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  options?: z.ZodType[];
  left?: z.ZodType;
  right?: z.ZodType;
  getter?: () => z.ZodType;
  valueType?: z.ZodType;
};
/** Schemas that wrap one other (optional, default …): walked through. */
const wrappers = new Set(['optional', 'nullable', 'default', 'prefault', 'nonoptional', 'readonly', 'catch']);
const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;

/** The references in a parsed body, found by walking its schema beside the value. */
export function referencesIn(schema: z.ZodType, value: unknown, path = ''): FoundReference[] {
  const kind = refKind(schema);
  if (kind) return typeof value === 'string' ? [{ kind, id: value, path }] : [];
  if (value === undefined || value === null) return [];
  const d = defOf(schema);
  if (wrappers.has(d.type)) return referencesIn(d.innerType!, value, path);
  const at = (k: string | number) => (path ? `${path}.${k}` : String(k));
  switch (d.type) {
    case 'pipe':
      return referencesIn(d.in!, value, path);
    case 'lazy':
      return referencesIn(d.getter!(), value, path);
    case 'object':
      return typeof value === 'object'
        ? Object.entries(d.shape!).flatMap(([k, s]) => referencesIn(s, (value as Record<string, unknown>)[k], at(k)))
        : [];
    case 'array':
      return Array.isArray(value) ? value.flatMap((v, i) => referencesIn(d.element!, v, at(i))) : [];
    case 'record':
      return typeof value === 'object' ? Object.entries(value as object).flatMap(([k, v]) => referencesIn(d.valueType!, v, at(k))) : [];
    case 'union': {
      // The option the value is: the one that accepts it (unions are discriminated or disjoint here).
      const option = d.options!.find((o) => o.safeParse(value).success);
      return option ? referencesIn(option, value, path) : [];
    }
    case 'intersection':
      return [...referencesIn(d.left!, value, path), ...referencesIn(d.right!, value, path)];
    default:
      return [];
  }
}

/** Every place a schema holds an id: references by kind, and bare uuids (which no request body may hold). */
export function idFieldsOf(schema: z.ZodType, path = '', seen = new Set<z.ZodType>()): Array<{ path: string; kind: string | null }> {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const kind = refKind(schema);
  const d = defOf(schema);
  if (kind) return [{ path, kind }];
  if (d.type === 'string' && (d as { format?: string }).format === 'uuid') return [{ path, kind: null }];
  if (wrappers.has(d.type)) return idFieldsOf(d.innerType!, path, seen);
  const at = (k: string) => (path ? `${path}.${k}` : k);
  switch (d.type) {
    case 'pipe':
      return [...idFieldsOf(d.in!, path, seen), ...idFieldsOf(d.out!, path, seen)];
    case 'lazy':
      return idFieldsOf(d.getter!(), path, seen);
    case 'object':
      return Object.entries(d.shape!).flatMap(([k, s]) => idFieldsOf(s, at(k), seen));
    case 'array':
      return idFieldsOf(d.element!, at('*'), seen);
    case 'record':
      return idFieldsOf(d.valueType!, at('*'), seen);
    case 'union':
      return d.options!.flatMap((o) => idFieldsOf(o, path, seen));
    case 'intersection':
      return [...idFieldsOf(d.left!, path, seen), ...idFieldsOf(d.right!, path, seen)];
    default:
      return [];
  }
}

export const referenceNotFound = (paths: string[]) =>
  fail(platformErrors, 'reference_not_found', 'Something this request refers to does not exist, or you may not use it.', {
    fields: paths.map((path) => ({ path, message: 'does not exist, or you may not use it', code: 'reference_not_found' })),
  });

/**
 * Checks every reference in a request body against its kind's check, all ids
 * of a kind in one call. Unknown kinds are refused: a reference without a check
 * can never pass.
 */
export async function checkReferences(ctx: Ctx, checks: Map<string, ReferenceCheck>, req: FastifyRequest) {
  const schema = req.routeOptions.schema?.body as z.ZodType | undefined;
  if (!schema || req.body === undefined || typeof (schema as { safeParse?: unknown }).safeParse !== 'function') return;
  const found = referencesIn(schema, req.body);
  if (!found.length) return;
  const byKind = new Map<string, FoundReference[]>();
  for (const f of found) byKind.set(f.kind, [...(byKind.get(f.kind) ?? []), f]);
  const refused: string[] = [];
  for (const [kind, refs] of byKind) {
    const check = checks.get(kind);
    const allowed = new Set(check ? await check(ctx, req.actor, [...new Set(refs.map((r) => r.id))]) : []);
    for (const r of refs) if (!allowed.has(r.id)) refused.push(r.path);
  }
  if (refused.length) throw referenceNotFound(refused);
}

/** The ids of `ids` that exist in the column's table. */
export async function existingIds(db: DbOrTx, column: PgColumn, ids: string[], where?: SQL) {
  if (!ids.length) return [];
  const rows = await db
    .select({ id: column })
    .from(column.table)
    .where(and(inArray(column, ids), where));
  return rows.map((r) => String(r.id));
}
