import { and, desc, eq, sql } from 'drizzle-orm';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Database, DbOrTx } from '../db/index.js';
import type { Locale } from '../i18n/index.js';
import { type MailStatus, mailOutbox } from './model.js';

export interface Mail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  locale?: Locale;
  template?: string;
}

/** Queues a mail. Call it inside the transaction of the write it reports, never send inline. */
export async function queueMail(db: DbOrTx, mail: Mail) {
  const [row] = await db
    .insert(mailOutbox)
    .values({
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html ?? null,
      locale: mail.locale ?? 'en',
      template: mail.template ?? null,
    })
    .returning({ id: mailOutbox.id });
  return row.id;
}

export class Mailer {
  private transport: Transporter | null;

  constructor(
    smtpUrl: string | undefined,
    private from: string,
    /** First retry after `retrySeconds`, doubling up to an hour; given up after `giveUpHours`. */
    private retry = { retrySeconds: 30, giveUpHours: 72 },
  ) {
    this.transport = smtpUrl ? nodemailer.createTransport(smtpUrl) : null;
  }

  get configured() {
    return this.transport !== null;
  }

  /**
   * Delivers queued mail. Rows are claimed first (SKIP LOCKED), so several
   * processes never send the same mail; a claim left by a killed process expires.
   * Without a mail server, mail is held in the outbox for admins to read.
   */
  async deliver(database: Database, batch = 50): Promise<number> {
    const claimed = await database.rows<{
      id: string;
      to: string;
      subject: string;
      text: string;
      html: string | null;
      attempts: number;
      createdAt: string | Date;
    }>(sql`
      update mail_outbox set status = 'sending', claimed_at = now()
      where id in (
        select id from mail_outbox
        where (status = 'queued' and (next_attempt_at is null or next_attempt_at <= now()))
          or (status = 'sending' and claimed_at < now() - interval '5 minutes')
        order by created_at limit ${batch} for update skip locked)
      returning id, "to", subject, text, html, attempts, created_at as "createdAt"`);
    const { db } = database;
    let sent = 0;
    let down = false;
    for (const m of claimed) {
      if (!this.transport || down) {
        await db
          .update(mailOutbox)
          .set({ status: this.transport ? 'queued' : 'held' })
          .where(eq(mailOutbox.id, m.id));
        continue;
      }
      try {
        await this.transport.sendMail({ from: this.from, to: m.to, subject: m.subject, text: m.text, html: m.html ?? undefined });
        await db
          .update(mailOutbox)
          .set({ status: 'sent', sentAt: new Date(), attempts: m.attempts + 1, lastError: null })
          .where(eq(mailOutbox.id, m.id));
        sent++;
      } catch (err) {
        // Nothing is lost while the mail server is down: the mail waits, retried ever less often, for days.
        const attempts = m.attempts + 1;
        const delayMs = Math.min(this.retry.retrySeconds * 2 ** (attempts - 1), 3600) * 1000;
        const giveUp = Date.now() - new Date(m.createdAt).getTime() > this.retry.giveUpHours * 3600e3;
        await db
          .update(mailOutbox)
          .set({
            attempts,
            lastError: String((err as Error).message),
            status: giveUp ? 'failed' : 'queued',
            nextAttemptAt: new Date(Date.now() + delayMs),
          })
          .where(eq(mailOutbox.id, m.id));
        // The server is likely down: put the rest back, the next round retries.
        down = true;
      }
    }
    return sent;
  }

  /** Puts held mail back in the queue, e.g. after a mail server was configured. */
  async requeueHeld(db: DbOrTx) {
    await db.update(mailOutbox).set({ status: 'queued' }).where(eq(mailOutbox.status, 'held'));
  }

  async close() {
    this.transport?.close();
  }
}

export async function listOutbox(db: DbOrTx, q: { to?: string; status?: MailStatus; limit: number; offset: number }) {
  const where = [];
  if (q.to) where.push(eq(mailOutbox.to, q.to.toLowerCase()));
  if (q.status) where.push(eq(mailOutbox.status, q.status));
  const items = await db
    .select()
    .from(mailOutbox)
    .where(and(...where))
    .orderBy(desc(mailOutbox.createdAt))
    .limit(q.limit)
    .offset(q.offset);
  const [{ total }] = await db
    .select({ total: sql<number>`count(*)::int` })
    .from(mailOutbox)
    .where(and(...where));
  return { items, total };
}

export { mailOutbox, type MailStatus };
