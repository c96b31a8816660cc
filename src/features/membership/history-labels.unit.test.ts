import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { locales } from '../../platform/i18n/text.js';
import { membershipTexts } from './web/i18n.js';

/**
 * A membership's history is shown by the label of each action: a static scan of this feature's
 * writes to membership_history (the history() helper and inserts into membershipHistory; no other
 * feature may import the table) finds every action, and each must have a label in each UI language,
 * and each label an action that is still written.
 */

const dir = import.meta.dirname;

/** Actions computed at run time, by the source text of the expression, with every value it takes. */
const computed: Record<string, string[]> = {
  // demo.ts: the demo members that are not active move to their status.
  'm.status': ['grace', 'lapsed', 'suspended'],
};

function serverSources(d: string): string[] {
  return fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(d, e.name);
    if (e.isDirectory()) return e.name === 'web' ? [] : serverSources(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') && e.name !== 'testkit.ts' ? [p] : [];
  });
}

function scan() {
  const actions = new Set<string>();
  const computedSeen = new Set<string>();
  const problems: string[] = [];
  let writes = 0;
  const valuesOf = (e: ts.Expression, where: string): string[] => {
    if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return [e.text];
    if (ts.isParenthesizedExpression(e)) return valuesOf(e.expression, where);
    if (ts.isConditionalExpression(e)) return [...valuesOf(e.whenTrue, where), ...valuesOf(e.whenFalse, where)];
    const text = e.getText();
    if (computed[text]) {
      computedSeen.add(text);
      return computed[text];
    }
    problems.push(`${where}: ${text} is not a literal; write one, or list its values in this test`);
    return [];
  };
  for (const file of serverSources(dir)) {
    const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const at = (n: ts.Node) => `${path.basename(file)}:${source.getLineAndCharacterOfPosition(n.getStart()).line + 1}`;
    const record = (row: ts.Expression | undefined, n: ts.Node) => {
      writes++;
      const action =
        row && ts.isObjectLiteralExpression(row)
          ? row.properties.find((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && p.name.getText() === 'action')
          : undefined;
      if (!action) problems.push(`${at(n)}: a history row without a written-out action`);
      else for (const v of valuesOf(action.initializer, at(n))) actions.add(v);
    };
    const visit = (n: ts.Node, inHelper = false) => {
      // The helper's own insert writes what its callers pass: those calls are scanned instead.
      const helper = inHelper || (ts.isFunctionDeclaration(n) && n.name?.text === 'history');
      if (ts.isCallExpression(n) && !helper) {
        const callee = n.expression;
        // history(tx, membershipId, { action, … })
        if (ts.isIdentifier(callee) && callee.text === 'history') record(n.arguments[2], n);
        // tx.insert(membershipHistory).values({ action, … })
        if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'insert' && n.arguments[0]?.getText() === 'membershipHistory') {
          const values = n.parent;
          if (ts.isPropertyAccessExpression(values) && values.name.text === 'values' && ts.isCallExpression(values.parent))
            record(values.parent.arguments[0], n);
          else problems.push(`${at(n)}: insert(membershipHistory) without .values({ … })`);
        }
      }
      ts.forEachChild(n, (c) => visit(c, helper));
    };
    visit(source);
  }
  return { actions, computedSeen, problems, writes };
}

describe('membership history labels', () => {
  const found = scan();

  it('the scan reads every history write, and each computed action it was told about', () => {
    expect(found.problems).toEqual([]);
    // A broken scan would find nothing and pass the checks below.
    expect(found.writes).toBeGreaterThan(8);
    expect([...found.actions]).toEqual(expect.arrayContaining(['created', 'imported', 'grace', 'renewed', 'opt_out']));
    expect(Object.keys(computed).filter((k) => !found.computedSeen.has(k))).toEqual([]);
  });

  for (const locale of locales)
    it(`${locale}: every action written has a label, and every label is of one written`, () => {
      const texts: Record<string, string> = membershipTexts[locale].historyAction;
      expect([...found.actions].filter((a) => !texts[a]?.trim()).sort()).toEqual([]);
      expect(Object.keys(texts).filter((a) => !found.actions.has(a))).toEqual([]);
    });

  it('the Chinese labels are Chinese, and no two actions read the same', () => {
    for (const locale of locales) {
      const texts = Object.values(membershipTexts[locale].historyAction);
      expect(new Set(texts).size, locale).toBe(texts.length);
      if (locale !== 'en') for (const text of texts) expect(text, locale).toMatch(/\p{Script=Han}/u);
    }
  });
});
