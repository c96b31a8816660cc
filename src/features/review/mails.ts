import type { Locale } from '../../platform/i18n/index.js';

type M = (a: { call: string; link: string; n?: number }) => { subject: string; text: string };

const mails: Record<'invite' | 'reminder', Record<Locale, M>> = {
  invite: {
    en: (a) => ({
      subject: `Invitation to review: ${a.call}`,
      text: `Hello,\n\nThe secretariat invites you to join the expert panel of ${a.call}. Accept or decline here:\n${a.link}`,
    }),
    'zh-Hans': (a) => ({
      subject: `评审邀请：${a.call}`,
      text: `您好：\n\n秘书处诚邀您担任「${a.call}」的评审专家。请在此接受或谢绝：\n${a.link}`,
    }),
    'zh-Hant': (a) => ({
      subject: `評審邀請：${a.call}`,
      text: `您好：\n\n秘書處誠邀您擔任「${a.call}」的評審專家。請在此接受或謝絕：\n${a.link}`,
    }),
  },
  reminder: {
    en: (a) => ({
      subject: `Reminder: ${a.n} review(s) to finish — ${a.call}`,
      text: `Hello,\n\n${a.n} of your reviews for ${a.call} are not submitted yet:\n${a.link}`,
    }),
    'zh-Hans': (a) => ({
      subject: `提醒：尚有${a.n}份评审待完成——${a.call}`,
      text: `您好：\n\n您在「${a.call}」中尚有${a.n}份评审未提交：\n${a.link}`,
    }),
    'zh-Hant': (a) => ({
      subject: `提醒：尚有${a.n}份評審待完成——${a.call}`,
      text: `您好：\n\n您在「${a.call}」中尚有${a.n}份評審未提交：\n${a.link}`,
    }),
  },
};

export const reviewMail = (kind: 'invite' | 'reminder', locale: Locale, a: Parameters<M>[0]) => (mails[kind][locale] ?? mails[kind].en)(a);
