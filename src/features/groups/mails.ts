import type { Locale } from '../../platform/i18n/index.js';

type Texts = Record<Locale, { subject: (g: string) => string; body: (g: string, link: string, name: string) => string }>;

export const groupMails: Record<'invitation' | 'added' | 'requestApproved' | 'roundOpen', Texts> = {
  invitation: {
    en: {
      subject: (g) => `Invitation to join the ${g}`,
      body: (g, l, n) => `Hello ${n},\n\nYou are invited to join the ${g}. Accept or decline the invitation here:\n${l}`,
    },
    'zh-Hans': { subject: (g) => `邀请您加入${g}`, body: (g, l, n) => `${n}，您好：\n\n诚邀您加入${g}。请在此接受或谢绝邀请：\n${l}` },
    'zh-Hant': { subject: (g) => `邀請您加入${g}`, body: (g, l, n) => `${n}，您好：\n\n誠邀您加入${g}。請在此接受或婉拒邀請：\n${l}` },
  },
  added: {
    en: {
      subject: (g) => `You were added to the ${g}`,
      body: (g, l, n) =>
        `Hello ${n},\n\nThe secretariat added you to the ${g}. The group's workspace:\n${l}\n\nYou may leave the group at any time from its page.`,
    },
    'zh-Hans': {
      subject: (g) => `您已加入${g}`,
      body: (g, l, n) => `${n}，您好：\n\n秘书处已将您加入${g}。工作组空间：\n${l}\n\n您可随时在工作组页面退出。`,
    },
    'zh-Hant': {
      subject: (g) => `您已加入${g}`,
      body: (g, l, n) => `${n}，您好：\n\n秘書處已將您加入${g}。工作組空間：\n${l}\n\n您可隨時在工作組頁面退出。`,
    },
  },
  roundOpen: {
    en: {
      subject: (d) => `Comments invited: ${d}`,
      body: (d, l, n) => `Hello ${n},\n\nA comment round is open on "${d}". Comment on any paragraph here:\n${l}`,
    },
    'zh-Hans': {
      subject: (d) => `征求意见：${d}`,
      body: (d, l, n) => `${n}，您好：\n\n《${d}》正在征求意见，您可以在此对任一段落提出意见：\n${l}`,
    },
    'zh-Hant': {
      subject: (d) => `徵求意見：${d}`,
      body: (d, l, n) => `${n}，您好：\n\n《${d}》正在徵求意見，您可以在此對任一段落提出意見：\n${l}`,
    },
  },
  requestApproved: {
    en: {
      subject: (g) => `Welcome to the ${g}`,
      body: (g, l, n) => `Hello ${n},\n\nYour request to join the ${g} was approved. The group's workspace:\n${l}`,
    },
    'zh-Hans': { subject: (g) => `欢迎加入${g}`, body: (g, l, n) => `${n}，您好：\n\n您加入${g}的申请已获批准。工作组空间：\n${l}` },
    'zh-Hant': { subject: (g) => `歡迎加入${g}`, body: (g, l, n) => `${n}，您好：\n\n您加入${g}的申請已獲批准。工作組空間：\n${l}` },
  },
};
