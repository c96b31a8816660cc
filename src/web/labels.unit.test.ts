import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Endpoint } from '../platform/http/contract';
import { locales } from '../platform/i18n/text';
import { shell } from './locales/shell';

/**
 * Every closed set of values an endpoint takes or answers with (z.enum in a
 * contract) names its labels (labelled(values, 'ns:key')), and every value has a
 * label in each UI language: nothing reaches people as a raw code.
 */

type Texts = Record<string, Record<string, unknown>>;
const contracts = import.meta.glob<Record<string, unknown>>('../features/*/contract.ts', { eager: true });
const featureTexts = import.meta.glob<Record<string, Texts>>('../features/*/web/i18n.ts', { eager: true });

/** i18n namespace → locale → texts, as the web app registers them: `<namespace>Texts` (a feature's main namespace is its folder name). */
const namespaces: Record<string, Texts> = { shell };
for (const mod of Object.values(featureTexts))
  for (const [name, texts] of Object.entries(mod))
    if (name.endsWith('Texts') && texts && 'en' in texts) namespaces[name.slice(0, -5)] = texts;

const isEndpoint = (v: unknown): v is Endpoint => !!v && typeof v === 'object' && 'method' in v && 'path' in v && 'response' in v;

interface Found {
  where: string;
  values: string[];
  labels?: string;
}

/** Every enum inside a JSON Schema, with the labels key it carries. */
function enumsIn(schema: unknown, where: string, out: Found[]) {
  if (!schema || typeof schema !== 'object') return;
  const s = schema as Record<string, unknown>;
  if (Array.isArray(s.enum) && s.enum.every((v) => typeof v === 'string'))
    out.push({ where, values: s.enum as string[], labels: s['x-labels'] as string | undefined });
  for (const [k, v] of Object.entries(s)) {
    if (k === 'properties' && v && typeof v === 'object') for (const [p, sub] of Object.entries(v)) enumsIn(sub, `${where}.${p}`, out);
    else if (Array.isArray(v)) for (const [i, sub] of v.entries()) enumsIn(sub, `${where}[${i}]`, out);
    else if (typeof v === 'object') enumsIn(v, where, out);
  }
}

function allEnums() {
  const found: Found[] = [];
  for (const [file, mod] of Object.entries(contracts))
    for (const [name, value] of Object.entries(mod)) {
      if (!value || typeof value !== 'object') continue;
      for (const [key, e] of Object.entries(value)) {
        if (!isEndpoint(e)) continue;
        const at = `${file.replace('../features/', '')} ${name}.${key}`;
        for (const part of ['params', 'query', 'body'] as const)
          if (e[part]) enumsIn(z.toJSONSchema(e[part], { io: 'input', unrepresentable: 'any' }), `${at} ${part}`, found);
        for (const [status, r] of Object.entries(e.response))
          if (r) enumsIn(z.toJSONSchema(r, { io: 'output', unrepresentable: 'any' }), `${at} ${status}`, found);
      }
    }
  return found;
}

const lookup = (texts: Record<string, unknown> | undefined, path: string[]) =>
  path.reduce<unknown>((node, k) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[k] : undefined), texts);

describe('labels', () => {
  const found = allEnums();

  it('the contracts declare closed sets of values', () => {
    expect(Object.keys(contracts).length).toBeGreaterThan(5);
    expect(found.length).toBeGreaterThan(20);
  });

  it('every closed set names its labels', () => {
    const unlabelled = [...new Set(found.filter((f) => !f.labels).map((f) => `${f.where}: ${f.values.join('|')}`))];
    expect(unlabelled).toEqual([]);
  });

  it('every value has a label in each UI language', () => {
    const missing = new Set<string>();
    for (const f of found) {
      if (!f.labels) continue;
      const [ns, key] = f.labels.split(':');
      for (const locale of locales)
        for (const v of f.values) {
          const label = lookup(namespaces[ns]?.[locale] as Record<string, unknown>, [...key.split('.'), v]);
          if (typeof label !== 'string' || !label.trim()) missing.add(`${f.labels}.${v} (${locale})`);
        }
    }
    expect([...missing]).toEqual([]);
  });
});
