import type { Locale } from '../../platform/i18n/index.js';

type Texts = Record<Locale, { subject: (g: string) => string; body: (g: string, link: string, name: string) => string }>;

export const groupMails: Record<'invitation' | 'requestApproved' | 'roundOpen', Texts> = {
  invitation: {
    en: { subject: (g) => `Invitation to join the ${g}`, body: (g, l, n) => `Hello ${n},\n\nYou are invited to join the ${g}. Accept or decline the invitation here:\n${l}` },
    'zh-Hans': { subject: (g) => `邀请您加入${g}`, body: (g, l, n) => `${n}，您好：\n\n诚邀您加入${g}。请在此接受或谢绝邀请：\n${l}` },
    'zh-Hant': { subject: (g) => `邀請您加入${g}`, body: (g, l, n) => `${n}，您好：\n\n誠邀您加入${g}。請在此接受或婉拒邀請：\n${l}` },
  },
  roundOpen: {
    en: { subject: (d) => `Comments invited: ${d}`, body: (d, l, n) => `Hello ${n},\n\nA comment round is open on "${d}". Comment on any paragraph here:\n${l}` },
    'zh-Hans': { subject: (d) => `征求意见：${d}`, body: (d, l, n) => `${n}，您好：\n\n《${d}》正在征求意见，您可以在此对任一段落提出意见：\n${l}` },
    'zh-Hant': { subject: (d) => `徵求意見：${d}`, body: (d, l, n) => `${n}，您好：\n\n《${d}》正在徵求意見，您可以在此對任一段落提出意見：\n${l}` },
  },
  requestApproved: {
    en: { subject: (g) => `Welcome to the ${g}`, body: (g, l, n) => `Hello ${n},\n\nYour request to join the ${g} was approved. The group's workspace:\n${l}` },
    'zh-Hans': { subject: (g) => `欢迎加入${g}`, body: (g, l, n) => `${n}，您好：\n\n您加入${g}的申请已获批准。工作组空间：\n${l}` },
    'zh-Hant': { subject: (g) => `歡迎加入${g}`, body: (g, l, n) => `${n}，您好：\n\n您加入${g}的申請已獲批准。工作組空間：\n${l}` },
  },
};
