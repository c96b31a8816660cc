import type { Locale } from '../../platform/i18n/index.js';

type M = (a: { code: string; title: string; call: string; link: string; name: string }) => { subject: string; text: string };

const mails: Record<'confirmation' | 'nomination' | 'selected' | 'shortlisted' | 'not_selected', Record<Locale, M>> = {
  confirmation: {
    en: (a) => ({
      subject: `Received: ${a.code} — ${a.title}`,
      text: `Hello ${a.name},\n\nWe received your submission ${a.code} "${a.title}" to ${a.call}.\nYou can see it here: ${a.link}\n\nThank you.`,
    }),
    'zh-Hans': (a) => ({
      subject: `已收到申报：${a.code}「${a.title}」`,
      text: `${a.name}，您好：\n\n我们已收到您向「${a.call}」提交的申报 ${a.code}「${a.title}」。\n查看：${a.link}\n\n谢谢。`,
    }),
    'zh-Hant': (a) => ({
      subject: `已收到申報：${a.code}「${a.title}」`,
      text: `${a.name}，您好：\n\n我們已收到您向「${a.call}」提交的申報 ${a.code}「${a.title}」。\n查看：${a.link}\n\n謝謝。`,
    }),
  },
  nomination: {
    en: (a) => ({
      subject: `You were nominated: ${a.call}`,
      text: `Hello ${a.name},\n\nAn organization nominated you for ${a.call} (${a.code}). Sign in with this e-mail address and complete your application:\n${a.link}`,
    }),
    'zh-Hans': (a) => ({
      subject: `您获得提名：${a.call}`,
      text: `${a.name}，您好：\n\n有机构提名您参加「${a.call}」（${a.code}）。请使用本邮箱登录并完成申报：\n${a.link}`,
    }),
    'zh-Hant': (a) => ({
      subject: `您獲得提名：${a.call}`,
      text: `${a.name}，您好：\n\n有機構提名您參加「${a.call}」（${a.code}）。請使用本信箱登入並完成申報：\n${a.link}`,
    }),
  },
  selected: {
    en: (a) => ({
      subject: `Selected: ${a.code} — ${a.title}`,
      text: `Hello ${a.name},\n\nCongratulations: your submission ${a.code} "${a.title}" was selected in ${a.call}.\nThe reviewers' comments for you: ${a.link}`,
    }),
    'zh-Hans': (a) => ({
      subject: `入选通知：${a.code}「${a.title}」`,
      text: `${a.name}，您好：\n\n祝贺！您的申报 ${a.code}「${a.title}」已在「${a.call}」中入选。\n评审意见：${a.link}`,
    }),
    'zh-Hant': (a) => ({
      subject: `入選通知：${a.code}「${a.title}」`,
      text: `${a.name}，您好：\n\n恭喜！您的申報 ${a.code}「${a.title}」已在「${a.call}」中入選。\n評審意見：${a.link}`,
    }),
  },
  shortlisted: {
    en: (a) => ({
      subject: `Shortlisted: ${a.code} — ${a.title}`,
      text: `Hello ${a.name},\n\nYour submission ${a.code} "${a.title}" was shortlisted in ${a.call}. We will write again with the next steps.\n${a.link}`,
    }),
    'zh-Hans': (a) => ({
      subject: `入围通知：${a.code}「${a.title}」`,
      text: `${a.name}，您好：\n\n您的申报 ${a.code}「${a.title}」已入围「${a.call}」，后续安排将另行通知。\n${a.link}`,
    }),
    'zh-Hant': (a) => ({
      subject: `入圍通知：${a.code}「${a.title}」`,
      text: `${a.name}，您好：\n\n您的申報 ${a.code}「${a.title}」已入圍「${a.call}」，後續安排將另行通知。\n${a.link}`,
    }),
  },
  not_selected: {
    en: (a) => ({
      subject: `Result: ${a.code} — ${a.title}`,
      text: `Hello ${a.name},\n\nThank you for taking part in ${a.call}. Your submission ${a.code} "${a.title}" was not selected this time. The reviewers' comments for you: ${a.link}`,
    }),
    'zh-Hans': (a) => ({
      subject: `评审结果：${a.code}「${a.title}」`,
      text: `${a.name}，您好：\n\n感谢您参与「${a.call}」。很遗憾，您的申报 ${a.code}「${a.title}」本次未入选。评审意见：${a.link}`,
    }),
    'zh-Hant': (a) => ({
      subject: `評審結果：${a.code}「${a.title}」`,
      text: `${a.name}，您好：\n\n感謝您參與「${a.call}」。很遺憾，您的申報 ${a.code}「${a.title}」本次未入選。評審意見：${a.link}`,
    }),
  },
};

export type CallMail = keyof typeof mails;
export const callMail = (kind: CallMail, locale: Locale, a: Parameters<M>[0]) => (mails[kind][locale] ?? mails[kind].en)(a);
