// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';

/**
 * Every table of the web app names its columns (Table.Thead with Table.Th), so that
 * a screen reader reads a cell with its column, and every header cell says something
 * (a column of buttons has a visually hidden "Actions"). A key/value table
 * (variant="vertical") has a header per row instead: its labels are Table.Th scope="row".
 */

interface Problem {
  at: string;
  problem: string;
}

/** The <Table …>…</Table> elements of a source file (not Table.Tr and the like), with the line each starts on. */
function tablesIn(text: string): { line: number; open: string; body: string }[] {
  const found: { line: number; open: string; body: string }[] = [];
  const tag = /<Table(?=[\s>])|<\/Table>/g;
  let depth = 0;
  let start = -1;
  for (let m = tag.exec(text); m; m = tag.exec(text)) {
    if (m[0] === '</Table>') {
      depth--;
      if (depth === 0 && start >= 0) {
        const element = text.slice(start, m.index);
        const openEnd = element.search(/>\s*\n|>\s*</);
        found.push({
          line: text.slice(0, start).split('\n').length,
          open: element.slice(0, openEnd + 1),
          body: element.slice(openEnd + 1),
        });
        start = -1;
      }
    } else if (depth++ === 0) start = m.index;
  }
  return found;
}

/** What is wrong with the tables of one source file. */
function tableProblems(file: string, text: string): Problem[] {
  return tablesIn(text).flatMap(({ line, open, body }): Problem[] => {
    const at = `${file}:${line}`;
    // A header cell with nothing in it, unless its column is hidden from screen readers (a decorative bar).
    const emptyHeader = (body.match(/<Table\.Th\b[^>]*\/>|<Table\.Th\b[^>]*>\s*(\{\s*''\s*\}\s*)?<\/Table\.Th>/g) ?? []).some(
      (cell) => !/aria-hidden="true"/.test(cell),
    );
    if (/\bvariant="vertical"/.test(open)) {
      const rows = body.match(/<Table\.Tr\b/g)?.length ?? 0;
      const rowHeaders = body.match(/<Table\.Th\b[^>]*\bscope="row"/g)?.length ?? 0;
      return rows > 0 && rowHeaders >= rows ? [] : [{ at, problem: 'key/value table whose labels are not Table.Th scope="row"' }];
    }
    if (!/<Table\.Thead\b/.test(body)) return [{ at, problem: 'table without Table.Thead' }];
    if (!/<Table\.Thead\b[\s\S]*<Table\.Th\b[\s\S]*<\/Table\.Thead>/.test(body)) return [{ at, problem: 'Table.Thead without Table.Th' }];
    if (emptyHeader) return [{ at, problem: 'a header cell with no text (name it, visually hidden if need be)' }];
    return [];
  });
}

/**
 * Tables that their own branches are changing right now (the library's pages; the event's
 * programme and invitations tabs). Each leaves this list when it has its headers:
 * the second test fails until it does.
 */
const beingChanged = [
  '../features/library/web/admin.tsx',
  '../features/library/web/pages.tsx',
  '../features/events/web/ProgramTab.tsx',
  '../features/events/web/InvitationsTab.tsx',
];

const sources = import.meta.glob<string>(
  ['./**/*.tsx', '../features/*/web/**/*.tsx', '!./**/*.test.tsx', '!../features/*/web/**/*.test.tsx'],
  {
    query: '?raw',
    import: 'default',
    eager: true,
  },
);

describe('tables', () => {
  it('finds the tables that lack column headers, empty header cells and key/value tables without row headers', () => {
    const plain = `<Table>\n  <Table.Tbody>\n    <Table.Tr><Table.Td>x</Table.Td></Table.Tr>\n  </Table.Tbody>\n</Table>`;
    const headed = `<Table data-testid="t">\n  <Table.Thead>\n    <Table.Tr><Table.Th>{t('name')}</Table.Th><Table.Th>\n<VisuallyHidden>{t('actions')}</VisuallyHidden>\n</Table.Th></Table.Tr>\n  </Table.Thead>\n  <Table.Tbody />\n</Table>`;
    const blank = headed.replace(`<Table.Th>{t('name')}</Table.Th>`, '<Table.Th />');
    const keyValue = `<Table variant="vertical">\n  <Table.Tbody>\n    <Table.Tr><Table.Th scope="row">a</Table.Th><Table.Td>b</Table.Td></Table.Tr>\n  </Table.Tbody>\n</Table>`;
    expect(tableProblems('a.tsx', plain)).toEqual([{ at: 'a.tsx:1', problem: 'table without Table.Thead' }]);
    expect(tableProblems('a.tsx', headed)).toEqual([]);
    expect(tableProblems('a.tsx', blank).map((p) => p.problem)).toEqual([
      'a header cell with no text (name it, visually hidden if need be)',
    ]);
    expect(tableProblems('a.tsx', keyValue)).toEqual([]);
    expect(tableProblems('a.tsx', keyValue.replace(' scope="row"', '')).map((p) => p.problem)).toEqual([
      'key/value table whose labels are not Table.Th scope="row"',
    ]);
    // Two tables in one file: each is judged on its own, on the line it starts.
    expect(tableProblems('a.tsx', `${headed}\n<Stack />\n${plain}`)).toEqual([{ at: 'a.tsx:10', problem: 'table without Table.Thead' }]);
    expect(tableProblems('a.tsx', headed.replace('<Table.Tbody />', '<Table.Tbody />\n<Table.Th w="40%" aria-hidden="true" />'))).toEqual(
      [],
    );
    expect(tableProblems('a.tsx', '<Table.ScrollContainer minWidth={400}>\n<Table.Td />')).toEqual([]);
  });

  it('every table of the web app names its columns (or, key/value, its rows)', () => {
    const files = Object.entries(sources).filter(([file]) => !beingChanged.includes(file));
    const tables = files.reduce((n, [, text]) => n + tablesIn(text).length, 0);
    expect(tables).toBeGreaterThan(30);
    expect(files.flatMap(([file, text]) => tableProblems(file, text))).toEqual([]);
    // A table on the list above that now has its headers leaves the list.
    const done = beingChanged.filter((file) => sources[file] !== undefined && tableProblems(file, sources[file]).length === 0);
    expect(done).toEqual([]);
  });
});
