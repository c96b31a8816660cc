import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/index.js';
import { queueMail } from '../../platform/mail/index.js';
import { locales, type Locale } from '../../platform/i18n/index.js';
import { mailKeys, type MailKey } from './contract.js';
import { mailTemplates } from './model.js';

type Tpl = { subject: string; body: string };

/** Shipped texts; staff may override any of them (event_mail_templates). Placeholders: {{name}}, {{event}}, {{link}}, {{session}}, {{reason}}. */
export const defaultTemplates: Record<MailKey, Record<Locale, Tpl>> = {
  invitation: {
    en: {
      subject: 'Invitation: {{event}}',
      body: 'Dear {{name}},\n\nWe have the honour to invite you to {{event}}.\nPlease accept or decline with your personal link:\n{{link}}\n\nThe Secretariat',
    },
    'zh-Hans': {
      subject: '邀请函：{{event}}',
      body: '尊敬的{{name}}：\n\n诚挚邀请您出席{{event}}。\n请通过您的专属链接接受或谢绝邀请：\n{{link}}\n\n秘书处',
    },
    'zh-Hant': {
      subject: '邀請函：{{event}}',
      body: '尊敬的{{name}}：\n\n誠摯邀請您出席{{event}}。\n請透過您的專屬連結接受或謝絕邀請：\n{{link}}\n\n秘書處',
    },
  },
  reminder: {
    en: {
      subject: 'Reminder: your invitation to {{event}}',
      body: 'Dear {{name}},\n\nWe have not yet heard from you about {{event}}. Please reply with your personal link:\n{{link}}\n\nThe Secretariat',
    },
    'zh-Hans': {
      subject: '提醒：{{event}}邀请',
      body: '尊敬的{{name}}：\n\n我们尚未收到您关于{{event}}的回复，请通过专属链接回复：\n{{link}}\n\n秘书处',
    },
    'zh-Hant': {
      subject: '提醒：{{event}}邀請',
      body: '尊敬的{{name}}：\n\n我們尚未收到您關於{{event}}的回覆，請透過專屬連結回覆：\n{{link}}\n\n秘書處',
    },
  },
  confirmation: {
    en: {
      subject: 'Registration received: {{event}}',
      body: 'Dear {{name}},\n\nWe have received your registration for {{event}}. You can follow it here:\n{{link}}',
    },
    'zh-Hans': { subject: '已收到报名：{{event}}', body: '{{name}}，您好：\n\n我们已收到您的{{event}}报名，可在此查看进度：\n{{link}}' },
    'zh-Hant': { subject: '已收到報名：{{event}}', body: '{{name}}，您好：\n\n我們已收到您的{{event}}報名，可在此查看進度：\n{{link}}' },
  },
  approval: {
    en: {
      subject: 'Your registration is approved: {{event}}',
      body: 'Dear {{name}},\n\nYour registration for {{event}} is approved. Your badge and documents:\n{{link}}',
    },
    'zh-Hans': { subject: '报名已通过：{{event}}', body: '{{name}}，您好：\n\n您的{{event}}报名已审核通过。证件及相关文件：\n{{link}}' },
    'zh-Hant': { subject: '報名已通過：{{event}}', body: '{{name}}，您好：\n\n您的{{event}}報名已審核通過。證件及相關文件：\n{{link}}' },
  },
  rejection: {
    en: {
      subject: 'Your registration for {{event}}',
      body: 'Dear {{name}},\n\nWe regret that we cannot accredit you for {{event}}.\nReason: {{reason}}',
    },
    'zh-Hans': { subject: '关于您的{{event}}报名', body: '{{name}}，您好：\n\n很遗憾，您的{{event}}报名未获通过。\n原因：{{reason}}' },
    'zh-Hant': { subject: '關於您的{{event}}報名', body: '{{name}}，您好：\n\n很遺憾，您的{{event}}報名未獲通過。\n原因：{{reason}}' },
  },
  promotion: {
    en: {
      subject: 'A seat is yours: {{session}}',
      body: 'Dear {{name}},\n\nA seat became free in "{{session}}" at {{event}}, and it is now yours.\n{{link}}',
    },
    'zh-Hans': {
      subject: '您已获得席位：{{session}}',
      body: '{{name}}，您好：\n\n{{event}}“{{session}}”有空出的席位，现已为您确认。\n{{link}}',
    },
    'zh-Hant': {
      subject: '您已獲得席位：{{session}}',
      body: '{{name}}，您好：\n\n{{event}}「{{session}}」有空出的席位，現已為您確認。\n{{link}}',
    },
  },
};

/** Fills {{name}}-style placeholders; an unknown one becomes empty. */
export const fillPlaceholders = (s: string, vars: Record<string, string>) => s.replace(/\{\{(\w+)\}\}/g, (_, k: string) => vars[k] ?? '');

export async function renderMail(db: DbOrTx, key: MailKey, locale: string, vars: Record<string, string>) {
  const l = (locales as readonly string[]).includes(locale) ? (locale as Locale) : 'en';
  const [custom] = await db
    .select({ subject: mailTemplates.subject, body: mailTemplates.body })
    .from(mailTemplates)
    .where(and(eq(mailTemplates.key, key), eq(mailTemplates.locale, l)));
  const t = custom ?? defaultTemplates[key][l];
  return { subject: fillPlaceholders(t.subject, vars), text: fillPlaceholders(t.body, vars), locale: l };
}

export async function sendEventMail(db: DbOrTx, key: MailKey, to: string, locale: string, vars: Record<string, string>) {
  const m = await renderMail(db, key, locale, vars);
  await queueMail(db, { to, subject: m.subject, text: m.text, locale: m.locale, template: `events.${key}` });
}

export async function listTemplates(db: DbOrTx) {
  const custom = await db.select().from(mailTemplates);
  return mailKeys.flatMap((key) =>
    locales.map((locale) => {
      const c = custom.find((t) => t.key === key && t.locale === locale);
      return {
        key,
        locale,
        subject: c?.subject ?? defaultTemplates[key][locale].subject,
        body: c?.body ?? defaultTemplates[key][locale].body,
        customized: !!c,
      };
    }),
  );
}

export async function saveTemplate(db: DbOrTx, key: MailKey, locale: Locale, t: Tpl) {
  await db
    .insert(mailTemplates)
    .values({ key, locale, ...t })
    .onConflictDoUpdate({
      target: [mailTemplates.key, mailTemplates.locale],
      set: { subject: t.subject, body: t.body, updatedAt: new Date() },
    });
}

type ManagerTexts = Record<Locale, { subject: (event: string) => string; body: (event: string, link: string, name: string) => string }>;

/** Mails about managing an event (not staff-editable: they carry a grant, not an event's voice). */
export const managerMails: Record<'granted' | 'invited', ManagerTexts> = {
  granted: {
    en: {
      subject: (e) => `You now manage ${e}`,
      body: (e, l, n) => `Hello ${n},\n\nThe secretariat named you a manager of ${e}. Its administration page:\n${l}`,
    },
    'zh-Hans': {
      subject: (e) => `您已成为${e}的管理人`,
      body: (e, l, n) => `${n}，您好：\n\n秘书处已指定您为${e}的管理人。管理页面：\n${l}`,
    },
    'zh-Hant': {
      subject: (e) => `您已成為${e}的管理人`,
      body: (e, l, n) => `${n}，您好：\n\n秘書處已指定您為${e}的管理人。管理頁面：\n${l}`,
    },
  },
  invited: {
    en: {
      subject: (e) => `Invitation to manage ${e}`,
      body: (e, l) =>
        `Hello,\n\nThe secretariat invites you to manage ${e}. Create an account with this e-mail address (or sign in with it), then accept here:\n${l}\n\nThe link is valid for 14 days.`,
    },
    'zh-Hans': {
      subject: (e) => `邀请您管理${e}`,
      body: (e, l) =>
        `您好：\n\n秘书处邀请您担任${e}的管理人。请使用本电子邮件地址注册（或登录）后，在此接受邀请：\n${l}\n\n链接14天内有效。`,
    },
    'zh-Hant': {
      subject: (e) => `邀請您管理${e}`,
      body: (e, l) =>
        `您好：\n\n秘書處邀請您擔任${e}的管理人。請使用本電子郵件地址註冊（或登入）後，在此接受邀請：\n${l}\n\n連結14天內有效。`,
    },
  },
};
