import fc from 'fast-check';

/**
 * Values for a JSON Schema (as fastify-swagger emits it from our zod schemas):
 * mostly valid-shaped ones, so requests get past the parser into the
 * validators and services, plus hostile strings. No library does this for
 * the JSON Schema dialect we emit, so it is written here (test-only).
 */
export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  maxItems?: number;
  additionalProperties?: boolean | JsonSchema;
  pattern?: string;
};

export const hostileString = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    'a\u0000b',
    '<script>window.__xss=1</script>',
    '"><img src=x onerror=alert(1)>',
    "'; drop table users; --",
    '../../../../etc/passwd',
    '%00',
    '\uD800',
    '\u202Eevil',
    'ｆｕｌｌｗｉｄｔｈ',
    '網路資訊軟體',
    '🧨'.repeat(50),
    'x'.repeat(100_000),
    'NaN',
    '-1',
    '1e309',
    '00000000-0000-0000-0000-000000000000',
    'javascript:alert(1)',
  ),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ maxLength: 300 }),
);

export function arbitraryFor(schema: JsonSchema | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (!schema || depth > 6) return fc.anything({ maxDepth: 2 });
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const alts = schema.anyOf ?? schema.oneOf;
  if (alts?.length) return fc.oneof(...alts.map((s) => arbitraryFor(s, depth + 1)));
  if (schema.allOf?.length) return arbitraryFor(Object.assign({}, ...schema.allOf), depth + 1);
  const type = Array.isArray(schema.type) ? (schema.type.find((t) => t !== 'null') ?? 'null') : schema.type;
  switch (type) {
    case 'object': {
      const props = schema.properties ?? {};
      const req = new Set(schema.required ?? []);
      const rec: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [k, s] of Object.entries(props)) rec[k] = arbitraryFor(s, depth + 1);
      return fc.record(rec, { requiredKeys: [...req].filter((k) => k in rec) });
    }
    case 'array':
      return fc.array(arbitraryFor(schema.items, depth + 1), { maxLength: Math.min(schema.maxItems ?? 4, 4) });
    case 'string':
      if (schema.format === 'uuid') return fc.uuid();
      if (schema.format === 'email') return fc.oneof(fc.emailAddress(), hostileString);
      if (schema.format === 'date')
        return fc.oneof(
          fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
          hostileString,
        );
      if (schema.format === 'date-time')
        return fc.oneof(
          fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
          hostileString,
        );
      return fc.oneof(fc.string({ minLength: schema.minLength ?? 0, maxLength: Math.min(schema.maxLength ?? 40, 80) }), hostileString);
    case 'integer':
      return fc.oneof(
        fc.integer({ min: schema.minimum ?? -1000, max: schema.maximum ?? 100_000 }),
        fc.constantFrom(-1, 0, 2 ** 31, Number.MAX_SAFE_INTEGER),
      );
    case 'number':
      return fc.oneof(
        fc.double({ noNaN: true, noDefaultInfinity: true, min: schema.minimum, max: schema.maximum }),
        fc.constantFrom(-1, 0, 1e308),
      );
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    default:
      return fc.anything({ maxDepth: 2 });
  }
}

/** Values that break the schema: wrong types, deep nesting, huge arrays, prototype keys. */
export const hostileJson: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything({ maxDepth: 3, withNullPrototype: false }),
  fc.constantFrom(null, 0, -1, true, 'string', [], [null], { __proto__: { admin: true } }, { constructor: { prototype: { x: 1 } } }),
  fc.constant(JSON.parse('{"__proto__": {"polluted": true}}')),
  fc.integer({ min: 50, max: 400 }).map((n) => {
    let v: unknown = 'deep';
    for (let i = 0; i < n; i++) v = { a: v };
    return v;
  }),
  fc.constant(Array.from({ length: 20_000 }, (_, i) => i)),
);
