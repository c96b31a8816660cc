import { sql } from 'drizzle-orm';
import { date, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { LocalizedText } from '../../platform/i18n/index.js';
import { files } from '../../platform/files/model.js';

export const countries = pgTable('countries', {
  code: text('code').primaryKey(), // ISO 3166-1 alpha-2
  alpha3: text('alpha3').notNull(),
  m49: text('m49').notNull(),
  continent: text('continent').notNull(),
  region: text('region').notNull(),
  subregion: text('subregion').notNull(),
  name: jsonb('name').$type<LocalizedText>().notNull(),
});

export const organizations = pgTable(
  'organizations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: jsonb('name').$type<LocalizedText>().notNull(),
    shortName: text('short_name'),
    countryCode: text('country_code')
      .notNull()
      .references(() => countries.code),
    stakeholderGroup: text('stakeholder_group').notNull(),
    website: text('website'),
    logoFileId: uuid('logo_file_id').references(() => files.id, { onDelete: 'set null' }),
    description: jsonb('description').$type<LocalizedText>().notNull().default({}),
    /** All names, normalized (NFKC, case-folded, Traditional → Simplified) for matching in any script. */
    searchText: text('search_text').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('organizations_country_idx').on(t.countryCode),
    index('organizations_group_idx').on(t.stakeholderGroup),
    index('organizations_search_idx').using('gin', sql`${t.searchText} gin_trgm_ops`),
  ],
);

export const people = pgTable(
  'people',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The name in its own script, e.g. 王芳 or Ana Souza. */
    name: text('name').notNull(),
    nameLatin: text('name_latin'),
    countryCode: text('country_code').references(() => countries.code),
    gender: text('gender'),
    email: text('email'),
    phone: text('phone'),
    userId: uuid('user_id'),
    searchText: text('search_text').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('people_country_idx').on(t.countryCode),
    index('people_email_idx').on(t.email),
    index('people_user_idx').on(t.userId),
    index('people_search_idx').using('gin', sql`${t.searchText} gin_trgm_ops`),
  ],
);

export const affiliations = pgTable(
  'affiliations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    title: jsonb('title').$type<LocalizedText>().notNull().default({}),
    startDate: date('start_date'),
    endDate: date('end_date'),
  },
  (t) => [index('affiliations_person_idx').on(t.personId), index('affiliations_org_idx').on(t.organizationId)],
);
