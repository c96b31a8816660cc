import type { Locale } from '../../platform/i18n/index.js';

type Texts = Record<Locale, { subject: string; body: (link: string, name: string) => string }>;

const mails = {
  verify: {
    en: {
      subject: 'Confirm your e-mail address',
      body: (l, n) =>
        `Hello ${n},\n\nPlease confirm your e-mail address to finish creating your account:\n${l}\n\nThe link is valid for 48 hours. If you did not ask for an account, ignore this mail.`,
    },
    'zh-Hans': {
      subject: '请确认您的电子邮件地址',
      body: (l, n) =>
        `${n}，您好：\n\n请点击以下链接确认您的电子邮件地址，完成账户注册：\n${l}\n\n链接48小时内有效。如果您没有申请注册，请忽略此邮件。`,
    },
    'zh-Hant': {
      subject: '請確認您的電子郵件地址',
      body: (l, n) =>
        `${n}，您好：\n\n請點選以下連結確認您的電子郵件地址，完成帳戶註冊：\n${l}\n\n連結48小時內有效。如果您沒有申請註冊，請忽略此郵件。`,
    },
  },
  login: {
    en: {
      subject: 'Your sign-in link',
      body: (l, n) => `Hello ${n},\n\nUse this link to sign in. It works once, within 10 minutes:\n${l}`,
    },
    'zh-Hans': { subject: '您的登录链接', body: (l, n) => `${n}，您好：\n\n请使用以下链接登录，链接10分钟内有效且只能使用一次：\n${l}` },
    'zh-Hant': { subject: '您的登入連結', body: (l, n) => `${n}，您好：\n\n請使用以下連結登入，連結10分鐘內有效且只能使用一次：\n${l}` },
  },
  reset: {
    en: {
      subject: 'Reset your password',
      body: (l, n) =>
        `Hello ${n},\n\nUse this link to choose a new password. It works once, within 2 hours:\n${l}\n\nIf you did not ask for this, ignore this mail; your password stays as it is.`,
    },
    'zh-Hans': {
      subject: '重置您的密码',
      body: (l, n) =>
        `${n}，您好：\n\n请使用以下链接设置新密码，链接2小时内有效且只能使用一次：\n${l}\n\n如果这不是您本人的操作，请忽略此邮件，您的密码不会改变。`,
    },
    'zh-Hant': {
      subject: '重設您的密碼',
      body: (l, n) =>
        `${n}，您好：\n\n請使用以下連結設定新密碼，連結2小時內有效且只能使用一次：\n${l}\n\n如果這不是您本人的操作，請忽略此郵件，您的密碼不會改變。`,
    },
  },
  welcomeStaff: {
    en: {
      subject: 'Your Wuzhen staff account',
      body: (l, n) => `Hello ${n},\n\nAn account was created for you. Choose your password with this link (valid for 7 days):\n${l}`,
    },
    'zh-Hans': {
      subject: '您的乌镇平台工作人员账户',
      body: (l, n) => `${n}，您好：\n\n系统已为您创建账户。请通过以下链接设置密码（7天内有效）：\n${l}`,
    },
    'zh-Hant': {
      subject: '您的烏鎮平台工作人員帳戶',
      body: (l, n) => `${n}，您好：\n\n系統已為您建立帳戶。請透過以下連結設定密碼（7天內有效）：\n${l}`,
    },
  },
  passwordChanged: {
    en: {
      subject: 'Your password was changed',
      body: (l, n) =>
        `Hello ${n},\n\nThe password of your account was just changed, and your other sessions were ended. If this was not you, choose a new password at once:\n${l}`,
    },
    'zh-Hans': {
      subject: '您的密码已更改',
      body: (l, n) => `${n}，您好：\n\n您账户的密码刚刚被更改，其他会话已结束。如果这不是您本人的操作，请立即设置新密码：\n${l}`,
    },
    'zh-Hant': {
      subject: '您的密碼已變更',
      body: (l, n) => `${n}，您好：\n\n您帳戶的密碼剛剛被變更，其他工作階段已結束。如果這不是您本人的操作，請立即設定新密碼：\n${l}`,
    },
  },
  alreadyRegistered: {
    en: {
      subject: 'You already have an account',
      body: (l, n) =>
        `Hello ${n},\n\nSomeone (perhaps you) tried to create an account with this address, which already has one. Sign in here, or reset your password:\n${l}`,
    },
    'zh-Hans': {
      subject: '您已经有账户了',
      body: (l, n) => `${n}，您好：\n\n有人（可能是您）尝试用此邮箱注册，但该邮箱已有账户。请在此登录或重置密码：\n${l}`,
    },
    'zh-Hant': {
      subject: '您已經有帳戶了',
      body: (l, n) => `${n}，您好：\n\n有人（可能是您）嘗試用此信箱註冊，但該信箱已有帳戶。請在此登入或重設密碼：\n${l}`,
    },
  },
} satisfies Record<string, Texts>;

export type AccountMail = keyof typeof mails;

export function accountMail(kind: AccountMail, locale: Locale, link: string, name: string) {
  const m = mails[kind][locale] ?? mails[kind].en;
  return { subject: m.subject, text: m.body(link, name) };
}
