import type { Locale } from '../../platform/i18n/index.js';

type Texts = Record<Locale, { subject: (g: string) => string; body: (g: string, link: string, name: string) => string }>;

export const groupMails: Record<'invitation' | 'requestApproved', Texts> = {
  invitation: {
    en: { subject: (g) => `Invitation to join the ${g}`, body: (g, l, n) => `Hello ${n},\n\nYou are invited to join the ${g}. Accept or decline the invitation here:\n${l}` },
    'zh-Hans': { subject: (g) => `邀请您加入${g}`, body: (g, l, n) => `${n}，您好：\n\n诚邀您加入${g}。请在此接受或谢绝邀请：\n${l}` },
    'zh-Hant': { subject: (g) => `邀請您加入${g}`, body: (g, l, n) => `${n}，您好：\n\n誠邀您加入${g}。請在此接受或婉拒邀請：\n${l}` },
  },
  requestApproved: {
    en: { subject: (g) => `Welcome to the ${g}`, body: (g, l, n) => `Hello ${n},\n\nYour request to join the ${g} was approved. The group's workspace:\n${l}` },
    'zh-Hans': { subject: (g) => `欢迎加入${g}`, body: (g, l, n) => `${n}，您好：\n\n您加入${g}的申请已获批准。工作组空间：\n${l}` },
    'zh-Hant': { subject: (g) => `歡迎加入${g}`, body: (g, l, n) => `${n}，您好：\n\n您加入${g}的申請已獲批准。工作組空間：\n${l}` },
  },
};
