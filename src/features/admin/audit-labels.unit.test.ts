import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { locales } from '../../platform/i18n/text.js';
import { adminTexts } from './web/i18n.js';

/**
 * The audit log page shows every action and record type by its label: a static scan of the server's
 * audit(db, { action, entity, … }) calls finds every code the server can write, and each must have a
 * label in each UI language, and each label a code that is still written.
 */

const src = path.resolve(import.meta.dirname, '../..');

/** Codes built at run time, by the source text of the expression, with every value it takes (read from the code around it). */
const computed: Record<string, string[]> = {
  "`event_invitation.${accept ? 'accept' : 'decline'}`": ['event_invitation.accept', 'event_invitation.decline'],
  '`event_registration.${decision}`': ['event_registration.approve', 'event_registration.reject'],
  '`membership.${action}`': ['membership.renew', 'membership.suspend', 'membership.reinstate', 'membership.terminate'],
  '`review.${input.action}`': ['review.pin', 'review.forbid', 'review.clear'],
};

/** Server code: every .ts file of src/features and src/platform but tests, test helpers and the web app. */
function serverSources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'web' ? [] : serverSources(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') && e.name !== 'testkit.ts' ? [p] : [];
  });
}

interface Scan {
  actions: Set<string>;
  entities: Set<string>;
  calls: number;
  computedSeen: Set<string>;
  problems: string[];
}

function scan(): Scan {
  const out: Scan = { actions: new Set(), entities: new Set(), calls: 0, computedSeen: new Set(), problems: [] };
  /** The values an expression can take: a literal, either branch of a condition, or a listed computed code. */
  const valuesOf = (e: ts.Expression, where: string): string[] => {
    if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return [e.text];
    if (ts.isParenthesizedExpression(e)) return valuesOf(e.expression, where);
    if (ts.isConditionalExpression(e)) return [...valuesOf(e.whenTrue, where), ...valuesOf(e.whenFalse, where)];
    const text = e.getText();
    if (computed[text]) {
      out.computedSeen.add(text);
      return computed[text];
    }
    out.problems.push(`${where}: ${text} is not a literal; write one, or list its values in this test`);
    return [];
  };
  for (const file of [...serverSources(path.join(src, 'features')), ...serverSources(path.join(src, 'platform'))]) {
    const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node) => {
      if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'audit') {
        out.calls++;
        const where = `${path.relative(src, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
        const entry = node.arguments[1];
        const prop = (name: string) =>
          entry && ts.isObjectLiteralExpression(entry)
            ? entry.properties.find((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && p.name.getText() === name)
            : undefined;
        for (const [name, into] of [
          ['action', out.actions],
          ['entity', out.entities],
        ] as const) {
          const p = prop(name);
          if (!p) out.problems.push(`${where}: audit() without a written-out ${name}`);
          else for (const v of valuesOf(p.initializer, where)) into.add(v);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return out;
}

const labels = (kind: 'auditAction' | 'auditEntity', locale: (typeof locales)[number]): Record<string, string> => adminTexts[locale][kind];

describe('audit log labels', () => {
  const found = scan();

  it('the scan reads every audit call, and each computed code it was told about', () => {
    expect(found.problems).toEqual([]);
    // A broken scan would find nothing and pass the checks below.
    expect(found.calls).toBeGreaterThan(100);
    expect(found.actions.size).toBeGreaterThan(120);
    expect([...found.actions]).toEqual(
      expect.arrayContaining(['document.status', 'event_registration.approve', 'membership.renew', 'review.decline']),
    );
    expect([...found.entities]).toEqual(expect.arrayContaining(['membership_application', 'event_registration', 'user', 'person']));
    expect(Object.keys(computed).filter((k) => !found.computedSeen.has(k))).toEqual([]);
  });

  for (const locale of locales) {
    for (const [kind, written] of [
      ['auditAction', found.actions],
      ['auditEntity', found.entities],
    ] as const) {
      it(`${locale}: every ${kind === 'auditAction' ? 'action' : 'record type'} written has a label, and every label is of one written`, () => {
        const texts = labels(kind, locale);
        expect([...written].filter((code) => !texts[code]?.trim()).sort()).toEqual([]);
        expect(Object.keys(texts).filter((code) => !written.has(code))).toEqual([]);
      });
    }
  }

  it('no two actions or record types read the same in one language', () => {
    for (const locale of locales)
      for (const kind of ['auditAction', 'auditEntity'] as const) {
        const byLabel = new Map<string, string[]>();
        for (const [code, text] of Object.entries(labels(kind, locale))) byLabel.set(text, [...(byLabel.get(text) ?? []), code]);
        const shared = [...byLabel].filter(([, codes]) => codes.length > 1);
        expect(shared.map(([text, codes]) => `${locale} ${text}: ${codes.join(', ')}`)).toEqual([]);
      }
  });

  it('the Chinese labels are Chinese, not English left in place', () => {
    for (const locale of ['zh-Hans', 'zh-Hant'] as const)
      for (const kind of ['auditAction', 'auditEntity'] as const)
        for (const [code, text] of Object.entries(labels(kind, locale))) expect(text, `${locale} ${code}`).toMatch(/\p{Script=Han}/u);
  });
});
