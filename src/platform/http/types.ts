import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Actor } from '../auth/access.js';
import type { Config } from '../config.js';
import type { Database, Db, DbOrTx } from '../db/index.js';
import type { JobRunner } from '../jobs/index.js';
import type { Mailer } from '../mail/index.js';
import type { LocalizedText } from '../i18n/index.js';
import type { SearchDoc } from '../search/index.js';
import type { Page } from './links.js';
import type { PublicPageKind } from './pages.js';
import type { ReferenceCheck } from './references.js';

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** What a feature gets from the platform. */
export interface Ctx {
  database: Database;
  db: Db;
  config: Config;
  jobs: JobRunner;
  mailer: Mailer;
  /**
   * Answers "is this person a member?" for every feature. The membership
   * feature installs the real answer in its init(); until then, no one is.
   */
  /** `db`: a transaction to ask inside, when the caller holds one. */
  membership: { isMember(actor: Actor | null, db?: DbOrTx): Promise<boolean> };
}

export interface Feature {
  name: string;
  routes?: (app: App, ctx: Ctx) => void | Promise<void>;
  /** Runs at every start, after migrations (e.g. syncing shipped reference data). */
  init?: (ctx: Ctx) => Promise<void>;
  /** Adds the feature's demo data; `refs` carries ids between features' demo seeds. */
  seedDemo?: (ctx: Ctx, refs: DemoRefs) => Promise<void>;
  /** Everything the feature holds about a person, for "download my data". */
  personalData?: (ctx: Ctx, subject: DataSubject) => Promise<unknown>;
  /** Removes or pseudonymizes the person's personal fields, keeping aggregate figures; runs inside the erasure's transaction. */
  erase?: (tx: DbOrTx, subject: DataSubject) => Promise<void>;
  /** Registers background jobs (recurring or on demand). */
  jobs?: (runner: JobRunner, ctx: Ctx) => void;
  /**
   * Every search document the feature owns, as indexDocs() would receive them
   * (public, members and staff alike, each with its visibility). `wuzhen search
   * rebuild` empties the index and re-adds what every feature yields here.
   */
  searchDocs?: (ctx: Ctx) => AsyncIterable<SearchDoc>;
  /** Checks for the reference kinds the feature owns (ref('organization') in a body → references.organization). */
  references?: Record<string, ReferenceCheck>;
  /** Public pages rendered on the server under /en, /zh-hans, /zh-hant (see platform/http/pages.ts). */
  publicPages?: PublicPageKind[];
  /** The key figures the feature owns (e.g. members, delegates): their one definition, shown alike everywhere. */
  figures?: (ctx: Ctx) => Promise<KeyFigures>;
  /** The pages of the web app the feature declares (its contract's `<feature>Pages`): any other path is a 404. */
  pages?: Record<string, Page>;
  /**
   * The newest public items of a search kind as the feature lists them (the portal's home page), when its lists hold
   * fewer than its search documents: e.g. the library lists only the current edition of a publication, while earlier
   * editions stay searchable. Without it the portal lists the newest public search documents of the kind.
   */
  latest?: Record<string, (ctx: Ctx, n: number) => Promise<ListedItem[]>>;
}

/** An item of a public list: what the portal's home page shows of it. */
export interface ListedItem {
  id: string;
  /** Path in the public site without the language prefix. */
  url: string;
  year: number | null;
  title: LocalizedText;
  summary: LocalizedText;
  /** Earlier editions behind this one (a publication), shown as a note. */
  earlierEditions?: number;
}

/** The organization's key figures (home page, dashboards), each counted by the feature that owns the records. */
export interface KeyFigures {
  /** Memberships that count: active or in their grace period. */
  members?: number;
  /** Countries and continents of those members. */
  countries?: number;
  continents?: number;
  /** Accredited (approved) event registrations. */
  delegates?: number;
}

/** A person whose data is exported or erased: their account and/or their directory entry. */
export interface DataSubject {
  userId: string | null;
  personId: string | null;
  email: string | null;
}

export type DemoRefs = Record<string, Map<string, string>>;

export const pageQuery = {
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
};

export const idParams = z.object({ id: z.uuid() });

export const page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

export const okSchema = z.object({ ok: z.literal(true) });
