import type { Locale } from '../../platform/i18n/index.js';

export interface MailParams {
  name: string;
  /** The application's or member's name. */
  subject: string;
  link: string;
  text?: string;
  date?: string;
  days?: number;
}

type Texts = Record<Locale, { subject: (p: MailParams) => string; body: (p: MailParams) => string }>;

const extra = (label: string, t?: string) => (t ? `\n\n${label}\n${t}` : '');

const mails = {
  submitted: {
    en: {
      subject: (p) => `Application received: ${p.subject}`,
      body: (p) =>
        `Hello ${p.name},\n\nWe received the membership application of ${p.subject}. The secretariat will review it and write to you.\n\nFollow it here: ${p.link}`,
    },
    'zh-Hans': {
      subject: (p) => `已收到入会申请：${p.subject}`,
      body: (p) => `${p.name}，您好：\n\n我们已收到${p.subject}的会员申请。秘书处审核后将与您联系。\n\n查看申请进度：${p.link}`,
    },
    'zh-Hant': {
      subject: (p) => `已收到入會申請：${p.subject}`,
      body: (p) => `${p.name}，您好：\n\n我們已收到${p.subject}的會員申請。秘書處審核後將與您聯繫。\n\n查看申請進度：${p.link}`,
    },
  },
  infoRequested: {
    en: {
      subject: (p) => `More information needed: ${p.subject}`,
      body: (p) =>
        `Hello ${p.name},\n\nThe secretariat asks for more information about the application of ${p.subject}:${extra('', p.text)}\n\nAnswer here: ${p.link}`,
    },
    'zh-Hans': {
      subject: (p) => `请补充申请材料：${p.subject}`,
      body: (p) => `${p.name}，您好：\n\n秘书处需要您补充${p.subject}的申请信息：${extra('', p.text)}\n\n请在此回复：${p.link}`,
    },
    'zh-Hant': {
      subject: (p) => `請補充申請資料：${p.subject}`,
      body: (p) => `${p.name}，您好：\n\n秘書處需要您補充${p.subject}的申請資訊：${extra('', p.text)}\n\n請在此回覆：${p.link}`,
    },
  },
  answered: {
    en: {
      subject: (p) => `Applicant answered: ${p.subject}`,
      body: (p) => `The applicant ${p.subject} answered the request for information and resubmitted.\n\n${p.link}`,
    },
    'zh-Hans': {
      subject: (p) => `申请人已回复：${p.subject}`,
      body: (p) => `申请人${p.subject}已回复补充信息请求并重新提交。\n\n${p.link}`,
    },
    'zh-Hant': {
      subject: (p) => `申請人已回覆：${p.subject}`,
      body: (p) => `申請人${p.subject}已回覆補充資訊請求並重新提交。\n\n${p.link}`,
    },
  },
  message: {
    en: {
      subject: (p) => `New message about the application of ${p.subject}`,
      body: (p) => `Hello ${p.name},\n\nThere is a new message about the application of ${p.subject}:${extra('', p.text)}\n\n${p.link}`,
    },
    'zh-Hans': {
      subject: (p) => `${p.subject}的申请有新消息`,
      body: (p) => `${p.name}，您好：\n\n${p.subject}的申请有一条新消息：${extra('', p.text)}\n\n${p.link}`,
    },
    'zh-Hant': {
      subject: (p) => `${p.subject}的申請有新訊息`,
      body: (p) => `${p.name}，您好：\n\n${p.subject}的申請有一則新訊息：${extra('', p.text)}\n\n${p.link}`,
    },
  },
  approved: {
    en: {
      subject: (p) => `Welcome: ${p.subject} is now a member`,
      body: (p) =>
        `Hello ${p.name},\n\nThe application of ${p.subject} is approved. The membership starts on ${p.date}.${extra('', p.text)}\n\nSign in to the member portal: ${p.link}`,
    },
    'zh-Hans': {
      subject: (p) => `欢迎加入：${p.subject}已成为会员`,
      body: (p) =>
        `${p.name}，您好：\n\n${p.subject}的入会申请已获批准，会员资格自${p.date}起生效。${extra('', p.text)}\n\n登录会员中心：${p.link}`,
    },
    'zh-Hant': {
      subject: (p) => `歡迎加入：${p.subject}已成為會員`,
      body: (p) =>
        `${p.name}，您好：\n\n${p.subject}的入會申請已獲批准，會員資格自${p.date}起生效。${extra('', p.text)}\n\n登入會員中心：${p.link}`,
    },
  },
  rejected: {
    en: {
      subject: (p) => `Your application: ${p.subject}`,
      body: (p) =>
        `Hello ${p.name},\n\nWe regret that the application of ${p.subject} was not accepted.${extra('Reason:', p.text)}\n\n${p.link}`,
    },
    'zh-Hans': {
      subject: (p) => `关于您的申请：${p.subject}`,
      body: (p) => `${p.name}，您好：\n\n很遗憾，${p.subject}的入会申请未获通过。${extra('原因：', p.text)}\n\n${p.link}`,
    },
    'zh-Hant': {
      subject: (p) => `關於您的申請：${p.subject}`,
      body: (p) => `${p.name}，您好：\n\n很遺憾，${p.subject}的入會申請未獲通過。${extra('原因：', p.text)}\n\n${p.link}`,
    },
  },
  withdrawn: {
    en: {
      subject: (p) => `Application withdrawn: ${p.subject}`,
      body: (p) => `Hello ${p.name},\n\nThe application of ${p.subject} is withdrawn. You may apply again at any time.\n\n${p.link}`,
    },
    'zh-Hans': {
      subject: (p) => `申请已撤回：${p.subject}`,
      body: (p) => `${p.name}，您好：\n\n${p.subject}的入会申请已撤回，您可以随时重新申请。\n\n${p.link}`,
    },
    'zh-Hant': {
      subject: (p) => `申請已撤回：${p.subject}`,
      body: (p) => `${p.name}，您好：\n\n${p.subject}的入會申請已撤回，您可以隨時重新申請。\n\n${p.link}`,
    },
  },
  contactWelcome: {
    en: {
      subject: (p) => `You represent ${p.subject} at the WIC International Organization`,
      body: (p) =>
        `Hello ${p.name},\n\nYou are now a representative of the member ${p.subject}. Sign in with this address (an e-mail link is enough) to keep its profile:\n${p.link}`,
    },
    'zh-Hans': {
      subject: (p) => `您已成为${p.subject}的会员代表`,
      body: (p) =>
        `${p.name}，您好：\n\n您已成为会员单位${p.subject}的代表。请使用此邮箱登录（可通过邮件链接登录），维护会员资料：\n${p.link}`,
    },
    'zh-Hant': {
      subject: (p) => `您已成為${p.subject}的會員代表`,
      body: (p) =>
        `${p.name}，您好：\n\n您已成為會員單位${p.subject}的代表。請使用此信箱登入（可透過郵件連結登入），維護會員資料：\n${p.link}`,
    },
  },
  representativeInvite: {
    en: {
      subject: (p) => `Invitation to represent ${p.subject}`,
      body: (p) =>
        `Hello ${p.name},\n\n${p.text} invites you to represent the member ${p.subject} at the WIC International Organization. Nothing changes until you accept.\n\nSign in with this address (or create an account with it) and accept or decline here, before ${p.date}:\n${p.link}\n\nIf you do not know this organization, ignore this message.`,
    },
    'zh-Hans': {
      subject: (p) => `邀请您担任${p.subject}的会员代表`,
      body: (p) =>
        `${p.name}，您好：\n\n${p.text}邀请您担任会员单位${p.subject}的代表。在您接受之前，不会发生任何变更。\n\n请在${p.date}之前使用此邮箱登录（或用此邮箱注册账户），在此接受或拒绝：\n${p.link}\n\n如您不认识该机构，请忽略此邮件。`,
    },
    'zh-Hant': {
      subject: (p) => `邀請您擔任${p.subject}的會員代表`,
      body: (p) =>
        `${p.name}，您好：\n\n${p.text}邀請您擔任會員單位${p.subject}的代表。在您接受之前，不會有任何變更。\n\n請在${p.date}之前使用此信箱登入（或以此信箱註冊帳戶），在此接受或拒絕：\n${p.link}\n\n如您不認識該機構，請忽略此郵件。`,
    },
  },
  reminder: {
    en: {
      subject: (p) => `Membership renewal due on ${p.date}`,
      body: (p) => `Hello ${p.name},\n\nThe membership of ${p.subject} is due for renewal on ${p.date} (in ${p.days} days).\n\n${p.link}`,
    },
    'zh-Hans': {
      subject: (p) => `会员资格将于${p.date}到期续期`,
      body: (p) => `${p.name}，您好：\n\n${p.subject}的会员资格将于${p.date}到期（还有${p.days}天），请及时办理续期。\n\n${p.link}`,
    },
    'zh-Hant': {
      subject: (p) => `會員資格將於${p.date}到期續期`,
      body: (p) => `${p.name}，您好：\n\n${p.subject}的會員資格將於${p.date}到期（還有${p.days}天），請及時辦理續期。\n\n${p.link}`,
    },
  },
  grace: {
    en: {
      subject: (p) => `Membership expired: grace period until ${p.date}`,
      body: (p) =>
        `Hello ${p.name},\n\nThe membership term of ${p.subject} has ended. It stays active in a grace period until ${p.date}; renew before then to keep it.\n\n${p.link}`,
    },
    'zh-Hans': {
      subject: (p) => `会员资格已到期：宽限期至${p.date}`,
      body: (p) => `${p.name}，您好：\n\n${p.subject}的会员期限已届满，宽限期至${p.date}，请在此之前办理续期。\n\n${p.link}`,
    },
    'zh-Hant': {
      subject: (p) => `會員資格已到期：寬限期至${p.date}`,
      body: (p) => `${p.name}，您好：\n\n${p.subject}的會員期限已屆滿，寬限期至${p.date}，請在此之前辦理續期。\n\n${p.link}`,
    },
  },
  lapsed: {
    en: {
      subject: (p) => `Membership lapsed: ${p.subject}`,
      body: (p) =>
        `Hello ${p.name},\n\nThe grace period ended and the membership of ${p.subject} has lapsed. Contact the secretariat to renew.\n\n${p.link}`,
    },
    'zh-Hans': {
      subject: (p) => `会员资格已失效：${p.subject}`,
      body: (p) => `${p.name}，您好：\n\n宽限期已结束，${p.subject}的会员资格已失效。如需续期，请联系秘书处。\n\n${p.link}`,
    },
    'zh-Hant': {
      subject: (p) => `會員資格已失效：${p.subject}`,
      body: (p) => `${p.name}，您好：\n\n寬限期已結束，${p.subject}的會員資格已失效。如需續期，請聯繫秘書處。\n\n${p.link}`,
    },
  },
  statusChanged: {
    en: {
      subject: (p) => `Membership of ${p.subject}: ${p.date}`,
      body: (p) => `Hello ${p.name},\n\nThe membership of ${p.subject} is now: ${p.date}.${extra('Reason:', p.text)}\n\n${p.link}`,
    },
    'zh-Hans': {
      subject: (p) => `${p.subject}的会员状态：${p.date}`,
      body: (p) => `${p.name}，您好：\n\n${p.subject}的会员状态已变更为：${p.date}。${extra('原因：', p.text)}\n\n${p.link}`,
    },
    'zh-Hant': {
      subject: (p) => `${p.subject}的會員狀態：${p.date}`,
      body: (p) => `${p.name}，您好：\n\n${p.subject}的會員狀態已變更為：${p.date}。${extra('原因：', p.text)}\n\n${p.link}`,
    },
  },
} satisfies Record<string, Texts>;

export type MembershipMail = keyof typeof mails;

export const statusNames: Record<string, Record<Locale, string>> = {
  active: { en: 'active', 'zh-Hans': '有效', 'zh-Hant': '有效' },
  grace: { en: 'in grace period', 'zh-Hans': '宽限期', 'zh-Hant': '寬限期' },
  lapsed: { en: 'lapsed', 'zh-Hans': '已失效', 'zh-Hant': '已失效' },
  suspended: { en: 'suspended', 'zh-Hans': '已暂停', 'zh-Hant': '已暫停' },
  terminated: { en: 'terminated', 'zh-Hans': '已终止', 'zh-Hant': '已終止' },
};

export function membershipMail(kind: MembershipMail, locale: Locale, p: MailParams) {
  const m = (mails[kind] as Texts)[locale] ?? (mails[kind] as Texts).en;
  return { subject: m.subject(p), text: m.body(p) };
}
