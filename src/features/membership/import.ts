import { z } from 'zod';
import type { Actor } from '../../platform/auth/access.js';
import { audit } from '../../platform/audit/index.js';
import type { Db } from '../../platform/db/index.js';
import { cell, type ImportError, readSheet } from '../../platform/exports/index.js';
import type { Locale } from '../../platform/i18n/index.js';
import { normalize } from '../../platform/search/normalize.js';
import { organizationInput } from '../directory/contract.js';
import {
  countryCodes,
  createOrganization,
  createPerson,
  getOrganization,
  organizationLookup,
  personIdByEmail,
} from '../directory/index.js';
import { membershipCategories, membershipHistory, memberships } from './model.js';
import { addMonths, isoDay, syncMemberIndex } from './members.js';
import { addRepresentative } from './representatives.js';

const yes = (v: string | undefined) => !!v && /^(1|y|yes|true|是|x)$/i.test(v.trim());
const email = z.email().max(254);
const isoDate = z.iso.date();

type Planned =
  | {
      line: number;
      kind: 'organization';
      categoryId: string;
      termMonths: number;
      orgId?: string;
      org?: z.infer<typeof organizationInput>;
      contact?: { name: string; email: string };
      startDate: string;
      optIn: boolean;
    }
  | {
      line: number;
      kind: 'individual';
      categoryId: string;
      termMonths: number;
      person: { name: string; nameLatin: string | null; email: string | null; countryCode: string; gender: string | null };
      startDate: string;
      optIn: boolean;
    };

/**
 * Existing members from CSV or XLSX. Columns: kind (organization | individual),
 * category (key), start_date (YYYY-MM-DD), directory (yes/no); for organizations
 * name_en, name_zh_hans, name_zh_hant, short_name, country, stakeholder_group,
 * website, contact_name, contact_email (an organization already in the
 * directory is matched by name); for individuals name, name_latin, email,
 * country, gender. Every row is checked first; with dryRun nothing is written,
 * otherwise all rows are written or none.
 */
export async function importMembers(db: Db, actor: Actor, data: Buffer, filename: string, dryRun: boolean, now = new Date()) {
  const rows = await readSheet(data, filename);
  const errors: ImportError[] = [];
  const cats = new Map((await db.select().from(membershipCategories)).map((c) => [c.key, c]));
  const known = await countryCodes(db);
  const orgIndex = await organizationLookup(db);
  const memberOrgs = new Set((await db.select({ id: memberships.organizationId }).from(memberships)).map((m) => m.id));
  const seen = new Set<string>();
  const plan: Planned[] = [];
  for (const r of rows) {
    const err = (field: string, message: string) => errors.push({ line: r.line, field, message });
    const before = errors.length;
    const kind = (cell(r, 'kind') ?? 'organization').toLowerCase();
    if (kind !== 'organization' && kind !== 'individual') err('kind', 'must be organization or individual');
    const cat = cats.get(cell(r, 'category') ?? '');
    if (!cat) err('category', `no membership category ${cell(r, 'category') ?? '(empty)'}`);
    else if (cat.applicantKind !== kind) err('category', `category ${cat.key} is for ${cat.applicantKind} members`);
    const startRaw = cell(r, 'start_date');
    const start = startRaw ? isoDate.safeParse(startRaw) : { success: true as const, data: isoDay(now) };
    if (!start.success) err('start_date', 'must be a date YYYY-MM-DD');
    const optIn = yes(cell(r, 'directory'));
    const country = (cell(r, 'country') ?? '').toUpperCase();
    if (kind === 'organization') {
      const names = { en: cell(r, 'name_en', 'name'), 'zh-Hans': cell(r, 'name_zh_hans'), 'zh-Hant': cell(r, 'name_zh_hant') };
      const existing = Object.values(names)
        .map((n) => n && orgIndex.get(normalize(n)))
        .find(Boolean);
      const key = existing ?? normalize(Object.values(names).filter(Boolean).join('|'));
      if (seen.has(key)) err('name_en', 'this organization appears twice in the file');
      seen.add(key);
      if (existing && memberOrgs.has(existing)) err('name_en', 'this organization is already a member');
      let org: z.infer<typeof organizationInput> | undefined;
      if (!existing) {
        const parsed = organizationInput.safeParse({
          name: names,
          shortName: cell(r, 'short_name') ?? null,
          countryCode: country,
          stakeholderGroup: cell(r, 'stakeholder_group') ?? '',
          website: cell(r, 'website') ?? null,
        });
        if (!parsed.success) {
          for (const i of parsed.error.issues)
            err(
              { countryCode: 'country', stakeholderGroup: 'stakeholder_group', shortName: 'short_name', website: 'website' }[
                String(i.path[0])
              ] ?? 'name_en',
              i.message,
            );
        } else if (!known.has(parsed.data.countryCode)) err('country', `unknown country code ${country}`);
        else org = parsed.data;
      }
      const contactEmail = cell(r, 'contact_email');
      if (contactEmail && !email.safeParse(contactEmail).success) err('contact_email', 'not a valid e-mail address');
      if (errors.length === before && cat && start.success) {
        plan.push({
          line: r.line,
          kind: 'organization',
          categoryId: cat.id,
          termMonths: cat.termMonths,
          orgId: existing,
          org,
          contact: contactEmail ? { email: contactEmail, name: cell(r, 'contact_name') ?? contactEmail } : undefined,
          startDate: start.data,
          optIn,
        });
      }
    } else if (kind === 'individual') {
      const name = cell(r, 'name', 'name_en');
      if (!name) err('name', 'required');
      if (!known.has(country)) err('country', country ? `unknown country code ${country}` : 'required');
      const mail = cell(r, 'email');
      if (mail && !email.safeParse(mail).success) err('email', 'not a valid e-mail address');
      const gender = cell(r, 'gender') ?? null;
      if (gender && !['female', 'male', 'other', 'undisclosed'].includes(gender))
        err('gender', 'must be female, male, other or undisclosed');
      if (errors.length === before && cat && start.success && name) {
        plan.push({
          line: r.line,
          kind: 'individual',
          categoryId: cat.id,
          termMonths: cat.termMonths,
          person: { name, nameLatin: cell(r, 'name_latin') ?? null, email: mail?.toLowerCase() ?? null, countryCode: country, gender },
          startDate: start.data,
          optIn,
        });
      }
    }
  }
  let written = 0;
  if (!dryRun && errors.length === 0 && plan.length > 0) {
    await db.transaction(async (tx) => {
      const txDb = tx as unknown as Db;
      for (const p of plan) {
        let organizationId: string | null = null;
        let personId: string | null = null;
        if (p.kind === 'organization') {
          organizationId = p.orgId ?? (await createOrganization(txDb, actor, p.org!)).id;
          if (p.contact) {
            const o = await getOrganization(tx, organizationId);
            await addRepresentative(tx, actor, organizationId, o.name, p.contact, (actor.locale as Locale) ?? 'en', false);
          }
        } else {
          const existing = p.person.email ? await personIdByEmail(tx, p.person.email) : undefined;
          personId =
            existing ?? (await createPerson(txDb, actor, { ...p.person, gender: p.person.gender as 'female' | null, affiliations: [] })).id;
        }
        const renewal = nextRenewal(p.startDate, p.termMonths, isoDay(now));
        const [m] = await tx
          .insert(memberships)
          .values({
            categoryId: p.categoryId,
            applicantKind: p.kind,
            organizationId,
            personId,
            status: 'active',
            startDate: p.startDate,
            renewalDate: renewal,
            directoryOptIn: p.optIn,
          })
          .returning();
        await tx.insert(membershipHistory).values({
          membershipId: m.id,
          action: 'imported',
          toStatus: 'active',
          actorId: actor.userId,
          details: { line: p.line, file: filename },
        });
        await audit(tx, {
          actor,
          action: 'membership.import',
          entity: 'membership',
          entityId: m.id,
          after: { line: p.line, organizationId, personId },
        });
        await syncMemberIndex(tx, m.id);
        written++;
      }
    });
  }
  return { dryRun, rows: rows.length, written, errors };
}

/** The first end of a term on or after today, counting whole terms from the start. */
export function nextRenewal(start: string, termMonths: number, today: string) {
  let d = addMonths(start, termMonths);
  for (let i = 1; d < today && i < 1000; i++) d = addMonths(start, termMonths * (i + 1));
  return d;
}
