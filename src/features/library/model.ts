import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { files } from '../../platform/files/model.js';
import type { LocalizedText } from '../../platform/i18n/index.js';
import type { AuthorKind, EndorserKind, PublicationKind, PublicationStatus } from './contract.js';

export const publications = pgTable(
  'publications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').$type<PublicationKind>().notNull(),
    year: integer('year').notNull(),
    title: jsonb('title').$type<LocalizedText>().notNull(),
    abstract: jsonb('abstract').$type<LocalizedText>().notNull().default({}),
    tags: jsonb('tags').$type<string[]>().notNull().default([]),
    /** Languages the publication is available in (from its files or its text). */
    languages: jsonb('languages').$type<string[]>().notNull().default([]),
    coverFileId: uuid('cover_file_id').references(() => files.id, { onDelete: 'set null' }),
    /** e.g. "4.0"; a later edition supersedes an earlier one and both are kept. */
    edition: text('edition'),
    supersedesId: uuid('supersedes_id'),
    /** Set when a group's published document entered the library. */
    sourceDocumentId: uuid('source_document_id'),
    sourceVersionId: uuid('source_version_id').unique(),
    /** Endorsers at publication (frozen then), for documents from groups. */
    endorsers: jsonb('endorsers')
      .$type<Array<{ name: LocalizedText; countryCode: string | null; stakeholderGroup: string; kind: EndorserKind }>>()
      .notNull()
      .default([]),
    status: text('status').$type<PublicationStatus>().notNull().default('published'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('publications_kind_year_idx').on(t.kind, t.year)],
);

/** An author (a group, organization or person); refId points at it when known, name is what is shown. */
export const publicationAuthors = pgTable(
  'publication_authors',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    publicationId: uuid('publication_id')
      .notNull()
      .references(() => publications.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<AuthorKind>().notNull(),
    refId: uuid('ref_id'),
    name: jsonb('name').$type<LocalizedText>().notNull(),
    position: integer('position').notNull().default(0),
  },
  (t) => [index('publication_authors_pub_idx').on(t.publicationId), index('publication_authors_ref_idx').on(t.kind, t.refId)],
);

/** One file per language; downloads are counted atomically in the row. */
export const publicationFiles = pgTable(
  'publication_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    publicationId: uuid('publication_id')
      .notNull()
      .references(() => publications.id, { onDelete: 'cascade' }),
    lang: text('lang').notNull(),
    fileId: uuid('file_id')
      .notNull()
      .references(() => files.id, { onDelete: 'restrict' }),
    downloads: integer('downloads').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('publication_files_lang_idx').on(t.publicationId, t.lang)],
);
