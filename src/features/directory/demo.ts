import type { Ctx } from '../../platform/http/types.js';
import type { LocalizedText } from '../../platform/i18n/index.js';
import { createOrganization, createPerson } from './service.js';

type G = 'government' | 'international-organization' | 'business' | 'technical-community' | 'civil-society' | 'academia';

/** Fictional sample organizations: 30, from 24 countries on six continents. */
export const demoOrganizations: Array<{ key: string; name: LocalizedText; short?: string; country: string; group: G; web?: string }> = [
  {
    key: 'hz-lab',
    name: { en: 'Hangzhou Cyberspace Governance Lab', 'zh-Hans': '杭州网络空间治理实验室' },
    short: 'HCGL',
    country: 'CN',
    group: 'academia',
  },
  { key: 'zj-cloud', name: { en: 'Zhejiang Cloud Computing Company', 'zh-Hans': '浙江云计算有限公司' }, country: 'CN', group: 'business' },
  {
    key: 'bj-data',
    name: { en: 'Beijing Data Exchange Alliance', 'zh-Hans': '北京数据交易联盟' },
    country: 'CN',
    group: 'technical-community',
  },
  {
    key: 'sz-soft',
    name: { en: 'Shenzhen Open Software Foundation', 'zh-Hans': '深圳开放软件基金会' },
    country: 'CN',
    group: 'civil-society',
  },
  { key: 'hk-net', name: { en: 'Victoria Harbour Internet Society', 'zh-Hans': '维港互联网协会' }, country: 'HK', group: 'civil-society' },
  { key: 'sg-ai', name: { en: 'Lion City AI Research Centre', 'zh-Hans': '狮城人工智能研究中心' }, country: 'SG', group: 'academia' },
  {
    key: 'jp-net',
    name: { en: 'Sakura Network Engineering Association', 'zh-Hans': '樱花网络工程协会' },
    country: 'JP',
    group: 'technical-community',
  },
  {
    key: 'kr-digital',
    name: { en: 'Han River Digital Policy Forum', 'zh-Hans': '汉江数字政策论坛' },
    country: 'KR',
    group: 'civil-society',
  },
  {
    key: 'in-stack',
    name: { en: 'Deccan Digital Public Goods Institute', 'zh-Hans': '德干数字公共产品研究院' },
    country: 'IN',
    group: 'academia',
  },
  { key: 'id-connect', name: { en: 'Nusantara Connectivity Agency', 'zh-Hans': '努山塔拉互联互通署' }, country: 'ID', group: 'government' },
  { key: 'ae-smart', name: { en: 'Gulf Smart Cities Company', 'zh-Hans': '海湾智慧城市公司' }, country: 'AE', group: 'business' },
  {
    key: 'kz-silk',
    name: { en: 'Steppe Digital Silk Road Centre', 'zh-Hans': '草原数字丝路中心' },
    country: 'KZ',
    group: 'international-organization',
  },
  {
    key: 'es-compute',
    name: { en: 'Iberian Computing Network Consortium', 'zh-Hans': '伊比利亚算力网络联盟' },
    country: 'ES',
    group: 'technical-community',
  },
  { key: 'de-sec', name: { en: 'Rhine Cybersecurity Institute', 'zh-Hans': '莱茵网络安全研究所' }, country: 'DE', group: 'academia' },
  {
    key: 'fr-culture',
    name: { en: 'Seine Online Culture Association', 'zh-Hans': '塞纳网络文化协会' },
    country: 'FR',
    group: 'civil-society',
  },
  {
    key: 'gb-standards',
    name: { en: 'Thames Internet Standards Group', 'zh-Hans': '泰晤士互联网标准组' },
    country: 'GB',
    group: 'technical-community',
  },
  { key: 'rs-gov', name: { en: 'Danube E-Government Office', 'zh-Hans': '多瑙河电子政务办公室' }, country: 'RS', group: 'government' },
  { key: 'ru-net', name: { en: 'Volga Network Operators Union', 'zh-Hans': '伏尔加网络运营商联合会' }, country: 'RU', group: 'business' },
  { key: 'ke-mobile', name: { en: 'Savannah Mobile Money Company', 'zh-Hans': '萨凡纳移动支付公司' }, country: 'KE', group: 'business' },
  {
    key: 'ng-youth',
    name: { en: 'Niger Delta Youth Coders Network', 'zh-Hans': '尼日尔三角洲青年编程网络' },
    country: 'NG',
    group: 'civil-society',
  },
  {
    key: 'eg-digital',
    name: { en: 'Nile Digital Economy Council', 'zh-Hans': '尼罗河数字经济理事会' },
    country: 'EG',
    group: 'government',
  },
  { key: 'za-research', name: { en: 'Cape Internet Research Unit', 'zh-Hans': '开普互联网研究所' }, country: 'ZA', group: 'academia' },
  {
    key: 'et-connect',
    name: { en: 'Highlands Broadband Initiative', 'zh-Hans': '高原宽带倡议组织' },
    country: 'ET',
    group: 'international-organization',
  },
  {
    key: 'br-commerce',
    name: { en: 'Amazonia Cross-border Commerce Company', 'zh-Hans': '亚马逊跨境商贸公司' },
    country: 'BR',
    group: 'business',
  },
  { key: 'ar-academy', name: { en: 'Pampas Digital Academy', 'zh-Hans': '潘帕斯数字学院' }, country: 'AR', group: 'academia' },
  { key: 'cl-ix', name: { en: 'Andes Internet Exchange', 'zh-Hans': '安第斯互联网交换中心' }, country: 'CL', group: 'technical-community' },
  {
    key: 'mx-gov',
    name: { en: 'Aztec Digital Transformation Agency', 'zh-Hans': '阿兹特克数字化转型署' },
    country: 'MX',
    group: 'government',
  },
  {
    key: 'us-open',
    name: { en: 'Great Lakes Open Data Foundation', 'zh-Hans': '五大湖开放数据基金会' },
    country: 'US',
    group: 'civil-society',
  },
  { key: 'ca-ai', name: { en: 'Maple AI Ethics Network', 'zh-Hans': '枫叶人工智能伦理网络' }, country: 'CA', group: 'academia' },
  { key: 'au-cable', name: { en: 'Coral Sea Subsea Cable Company', 'zh-Hans': '珊瑚海海底光缆公司' }, country: 'AU', group: 'business' },
];

export const demoPeople: Array<{
  name: string;
  latin?: string;
  country: string;
  gender: 'female' | 'male';
  org: string;
  title: LocalizedText;
}> = [
  { name: '王晓梅', latin: 'Wang Xiaomei', country: 'CN', gender: 'female', org: 'hz-lab', title: { en: 'Director', 'zh-Hans': '主任' } },
  {
    name: '李建国',
    latin: 'Li Jianguo',
    country: 'CN',
    gender: 'male',
    org: 'zj-cloud',
    title: { en: 'Chief Technology Officer', 'zh-Hans': '首席技术官' },
  },
  {
    name: '陈静',
    latin: 'Chen Jing',
    country: 'CN',
    gender: 'female',
    org: 'bj-data',
    title: { en: 'Secretary-General', 'zh-Hans': '秘书长' },
  },
  { name: '张伟', latin: 'Zhang Wei', country: 'CN', gender: 'male', org: 'sz-soft', title: { en: 'Chair', 'zh-Hans': '理事长' } },
  { name: '黃嘉欣', latin: 'Wong Ka Yan', country: 'HK', gender: 'female', org: 'hk-net', title: { en: 'President', 'zh-Hant': '會長' } },
  { name: 'Tan Mei Ling', country: 'SG', gender: 'female', org: 'sg-ai', title: { en: 'Principal Scientist' } },
  { name: '佐藤 健', latin: 'Ken Sato', country: 'JP', gender: 'male', org: 'jp-net', title: { en: 'Board Member' } },
  { name: '김지은', latin: 'Kim Ji-eun', country: 'KR', gender: 'female', org: 'kr-digital', title: { en: 'Programme Director' } },
  { name: 'प्रिया शर्मा', latin: 'Priya Sharma', country: 'IN', gender: 'female', org: 'in-stack', title: { en: 'Fellow' } },
  { name: 'Budi Santoso', country: 'ID', gender: 'male', org: 'id-connect', title: { en: 'Deputy Director' } },
  { name: 'فاطمة الزهراء', latin: 'Fatima Al-Zahra', country: 'AE', gender: 'female', org: 'ae-smart', title: { en: 'Head of Strategy' } },
  { name: 'Айгерим Нурланова', latin: 'Aigerim Nurlanova', country: 'KZ', gender: 'female', org: 'kz-silk', title: { en: 'Coordinator' } },
  { name: 'Lucía Fernández', country: 'ES', gender: 'female', org: 'es-compute', title: { en: 'Research Director' } },
  { name: 'Jonas Becker', country: 'DE', gender: 'male', org: 'de-sec', title: { en: 'Professor' } },
  { name: 'Camille Dubois', country: 'FR', gender: 'female', org: 'fr-culture', title: { en: 'Founder' } },
  { name: 'Oliver Hughes', country: 'GB', gender: 'male', org: 'gb-standards', title: { en: 'Chair' } },
  { name: 'Милица Јовановић', latin: 'Milica Jovanović', country: 'RS', gender: 'female', org: 'rs-gov', title: { en: 'Head of Office' } },
  { name: 'Дмитрий Орлов', latin: 'Dmitry Orlov', country: 'RU', gender: 'male', org: 'ru-net', title: { en: 'Executive Director' } },
  { name: 'Wanjiru Kamau', country: 'KE', gender: 'female', org: 'ke-mobile', title: { en: 'Chief Executive' } },
  { name: 'Chinedu Okafor', country: 'NG', gender: 'male', org: 'ng-youth', title: { en: 'Coordinator' } },
  { name: 'أحمد حسن', latin: 'Ahmed Hassan', country: 'EG', gender: 'male', org: 'eg-digital', title: { en: 'Adviser' } },
  { name: 'Thandiwe Nkosi', country: 'ZA', gender: 'female', org: 'za-research', title: { en: 'Senior Researcher' } },
  { name: 'Abebe Tesfaye', country: 'ET', gender: 'male', org: 'et-connect', title: { en: 'Programme Lead' } },
  { name: 'Ana Souza', country: 'BR', gender: 'female', org: 'br-commerce', title: { en: 'Director of Trade' } },
  { name: 'Martín Gómez', country: 'AR', gender: 'male', org: 'ar-academy', title: { en: 'Dean' } },
  { name: 'Valentina Rojas', country: 'CL', gender: 'female', org: 'cl-ix', title: { en: 'Network Architect' } },
  { name: 'Diego Hernández', country: 'MX', gender: 'male', org: 'mx-gov', title: { en: 'Undersecretary' } },
  { name: 'Emily Carter', country: 'US', gender: 'female', org: 'us-open', title: { en: 'Executive Director' } },
  { name: 'Noah Tremblay', country: 'CA', gender: 'male', org: 'ca-ai', title: { en: 'Researcher' } },
  { name: 'Grace Wilson', country: 'AU', gender: 'female', org: 'au-cable', title: { en: 'Chief Engineer' } },
  { name: '刘洋', latin: 'Liu Yang', country: 'CN', gender: 'male', org: 'hz-lab', title: { en: 'Researcher', 'zh-Hans': '研究员' } },
  {
    name: '赵敏',
    latin: 'Zhao Min',
    country: 'CN',
    gender: 'female',
    org: 'zj-cloud',
    title: { en: 'Product Manager', 'zh-Hans': '产品经理' },
  },
];

const fictional: LocalizedText = { en: 'A fictional organization in the demo data.', 'zh-Hans': '演示数据中的虚构机构。' };

/** Seeds the sample directory; returns the created ids by key so other features' demo data can refer to them. */
export async function seedDirectoryDemo(ctx: Ctx) {
  const orgIds = new Map<string, string>();
  for (const o of demoOrganizations) {
    const row = await createOrganization(ctx.db, null, {
      name: o.name,
      shortName: o.short ?? null,
      countryCode: o.country,
      stakeholderGroup: o.group,
      website: o.web ?? null,
      description: fictional,
    });
    orgIds.set(o.key, row.id);
  }
  const personIds = new Map<string, string>();
  for (const p of demoPeople) {
    const row = await createPerson(ctx.db, null, {
      name: p.name,
      nameLatin: p.latin ?? null,
      countryCode: p.country,
      gender: p.gender,
      email: `${(p.latin ?? p.name)
        .toLowerCase()
        .normalize('NFD')
        .replace(/[^a-z]+/g, '.')
        .replace(/^\.|\.$/g, '')}@example.org`,
      affiliations: [{ organizationId: orgIds.get(p.org)!, title: p.title }],
    });
    personIds.set(p.latin ?? p.name, row.id);
  }
  return { orgIds, personIds };
}
