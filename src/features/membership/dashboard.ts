import { asc, eq } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/access.js';
import { audit } from '../../platform/audit/index.js';
import type { Db, DbOrTx } from '../../platform/db/index.js';
import { notFound } from '../../platform/http/errors.js';
import { type Column, sheetFile } from '../../platform/exports/index.js';
import { memberPopulation, membersByStatus } from './members.js';
import { representationGoals } from './model.js';
import { breakdown, evaluateGoals, type Bucket, type Dimension, type Goal, type GoalRule } from './representation.js';
import { applicationsByStatus } from './service.js';

export interface GoalInput {
  population: string;
  dimension: Dimension;
  rule: GoalRule;
  target: number;
  value?: string | null;
  label?: Record<string, string>;
}

export async function listGoals(db: DbOrTx, population = 'members') {
  return db
    .select()
    .from(representationGoals)
    .where(eq(representationGoals.population, population))
    .orderBy(asc(representationGoals.createdAt), asc(representationGoals.id));
}

type GoalRow = Awaited<ReturnType<typeof listGoals>>[number];
const asGoal = (g: GoalRow) => ({ ...g, dimension: g.dimension as Dimension, rule: g.rule as GoalRule }) satisfies Goal;

export async function createGoal(db: Db, actor: Actor, input: GoalInput) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(representationGoals)
      .values({ ...input, value: input.value ?? null, label: input.label ?? {} })
      .returning();
    await audit(tx, { actor, action: 'representation_goal.create', entity: 'representation_goal', entityId: row.id, after: input });
    return row;
  });
}

export async function updateGoal(db: Db, actor: Actor, id: string, input: GoalInput) {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(representationGoals).where(eq(representationGoals.id, id));
    if (!before) throw notFound();
    const [row] = await tx
      .update(representationGoals)
      .set({ ...input, value: input.value ?? null, label: input.label ?? {} })
      .where(eq(representationGoals.id, id))
      .returning();
    await audit(tx, { actor, action: 'representation_goal.update', entity: 'representation_goal', entityId: id, before, after: row });
    return row;
  });
}

export async function deleteGoal(db: Db, actor: Actor, id: string) {
  await db.transaction(async (tx) => {
    const [row] = await tx.delete(representationGoals).where(eq(representationGoals.id, id)).returning();
    if (!row) throw notFound();
    await audit(tx, { actor, action: 'representation_goal.delete', entity: 'representation_goal', entityId: id, before: row });
  });
  return { ok: true as const };
}

/** The members' goals with their current figures. */
export async function memberGoals(db: DbOrTx) {
  const [goals, rows] = await Promise.all([listGoals(db, 'members'), memberPopulation(db)]);
  return evaluateGoals(goals.map(asGoal), rows);
}

/** The goals of a population; the members' come with their current figures. */
export const goalsOf = (db: DbOrTx, population: string) => (population === 'members' ? memberGoals(db) : listGoals(db, population));

const withShares = (rows: Array<{ key: string; count: number }>): Bucket[] => {
  const total = rows.reduce((s, r) => s + r.count, 0);
  return rows.map((r) => ({ key: r.key, count: r.count, share: total ? Math.round((r.count / total) * 1000) / 10 : 0 }));
};

export async function dashboard(db: DbOrTx) {
  const rows = await memberPopulation(db);
  const goals = await listGoals(db, 'members');
  return {
    totalMembers: rows.length,
    byStatus: withShares(await membersByStatus(db)),
    byContinent: breakdown(rows, 'continent'),
    byCountry: breakdown(rows, 'country'),
    byStakeholderGroup: breakdown(rows, 'stakeholderGroup'),
    byCategory: breakdown(rows, 'category'),
    byYearJoined: breakdown(rows, 'yearJoined').sort((a, b) => a.key.localeCompare(b.key)),
    applicationsByStatus: withShares(await applicationsByStatus(db)),
    goals: evaluateGoals(goals.map(asGoal), rows),
  };
}

export type Dashboard = Awaited<ReturnType<typeof dashboard>>;

/** The dashboard as one flat table for CSV / XLSX: section, key, count, share, and the goals. */
export function dashboardTable(d: Dashboard) {
  const out: Array<{ section: string; key: string; count: number | string; share: number | string; note: string }> = [];
  const sections: Array<[string, Bucket[]]> = [
    ['members by status', d.byStatus],
    ['members by continent', d.byContinent],
    ['members by country', d.byCountry],
    ['members by stakeholder group', d.byStakeholderGroup],
    ['members by category', d.byCategory],
    ['members by year joined', d.byYearJoined],
    ['applications by status', d.applicationsByStatus],
  ];
  out.push({ section: 'members', key: 'total', count: d.totalMembers, share: 100, note: '' });
  for (const [section, buckets] of sections)
    for (const b of buckets) out.push({ section, key: b.key, count: b.count, share: b.share, note: '' });
  for (const g of d.goals) {
    out.push({
      section: 'goal',
      key: `${g.dimension} ${g.rule} ${g.target}${g.value ? ` (${g.value})` : ''}`,
      count: g.result.current,
      share: '',
      note: g.result.met ? 'met' : 'not met',
    });
  }
  return out;
}

const dashboardColumns: Column<ReturnType<typeof dashboardTable>[number]>[] = [
  { header: 'section', value: (r) => r.section, width: 30 },
  { header: 'key', value: (r) => r.key, width: 30 },
  { header: 'count', value: (r) => r.count },
  { header: 'share_percent', value: (r) => r.share },
  { header: 'note', value: (r) => r.note },
];

/** The dashboard as a CSV or XLSX file. */
export async function dashboardFile(db: DbOrTx, format: 'csv' | 'xlsx') {
  return sheetFile('membership-dashboard', format, dashboardColumns, dashboardTable(await dashboard(db)), 'representation');
}
