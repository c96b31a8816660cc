import { hansToHant, type Locale } from '../../platform/i18n/index.js';

/**
 * The portal's texts. English and Simplified Chinese are written here; the
 * Traditional Chinese is the Simplified text through OpenCC with Taiwan phrases,
 * keeping the organization's proper names as the organization writes them.
 */
const hant = (s: string) => hansToHant(s).replaceAll('檔案', '文件').replaceAll('釋出', '發布').replaceAll('日常執行', '日常運作');

type Tree = { [k: string]: string | string[] | Tree | Tree[] };
function toHant<T>(v: T): T {
  if (typeof v === 'string') return hant(v) as T;
  if (Array.isArray(v)) return v.map(toHant) as T;
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v as Tree).map(([k, x]) => [k, toHant(x)])) as T;
  return v;
}

const en = {
  site: 'World Internet Conference',
  tagline: 'Jointly building a community with a shared future in cyberspace',
  skip: 'Skip to content',
  nav: {
    home: 'Home',
    about: 'About',
    programs: 'Programs',
    events: 'Events',
    showcase: 'Showcase',
    library: 'Library',
    members: 'Members',
    groups: 'Working groups',
    search: 'Search',
  },
  language: 'Language',
  searchLabel: 'Search the site',
  searchButton: 'Search',
  footer: 'World Internet Conference International Organization · Headquarters: Beijing · Annual meeting: Wuzhen',
  notFound: { title: 'Page not found', text: 'This page does not exist, or it is not public.' },
  tooMany: {
    title: 'Too many requests',
    text: 'This page was opened many times from your address in a short time. Please wait a minute and try again.',
  },
  home: {
    title: 'World Internet Conference International Organization',
    description:
      'An international organization of governments, international organizations, businesses, technical communities, civil society, academia and individuals working together on the development and governance of the internet.',
    missionTitle: 'Our mission',
    mission: [
      'The World Internet Conference began in Wuzhen, China, in 2014, and became an international organization in 2022. It is a global platform for dialogue and cooperation on the development and governance of the internet, open to every country and every stakeholder.',
      'Its members work together to build a cyberspace that is fair, open, secure and full of vitality: narrowing the digital divide, sharing the benefits of the digital economy, and jointly building a community with a shared future in cyberspace.',
    ],
    figuresTitle: 'Key figures',
    figures: { members: 'members', countries: 'countries and regions', continents: 'continents', delegates: 'registered delegates' },
    eventsTitle: 'Events',
    casesTitle: 'Latest selected cases',
    publicationsTitle: 'Latest publications',
    nothingYet: 'Nothing published yet.',
    earlierEditions: { one: '{n} earlier edition', other: '{n} earlier editions' },
    more: 'See all',
  },
  about: {
    title: 'About the organization',
    description:
      'The World Internet Conference International Organization: its bodies, its members and its history from the first Wuzhen Summit in 2014 to the founding of the organization in 2022.',
    intro:
      'The World Internet Conference International Organization (WIC) is an international organization headquartered in Beijing. It grew out of the World Internet Conference held every year in Wuzhen, Zhejiang since 2014, and was founded on 12 July 2022. Following its principles of being international, broad and diverse, it brings together members from every continent and every stakeholder group.',
    bodiesTitle: 'How the organization works',
    bodies: [
      {
        name: 'General Assembly',
        text: 'The assembly of all members: it sets the direction of the organization and meets at the annual meeting.',
      },
      { name: 'Council', text: 'Elected from the members, it steers the work of the organization between General Assemblies.' },
      { name: 'Secretariat', text: 'Runs the organization day to day: members, the annual meeting and forums, calls and publications.' },
      {
        name: 'High-level Advisory Committee',
        text: 'Eminent figures from around the world who advise on strategy and on the questions of the internet age.',
      },
      {
        name: 'Specialized committees and working groups',
        text: 'The Data, Artificial Intelligence and Cross-border E-commerce working groups carry out research and prepare consensus documents.',
      },
    ],
    historyTitle: 'History',
    history: [
      {
        year: '2014',
        text: 'The first World Internet Conference meets in Wuzhen, Zhejiang, in November: the largest internet conference held in China. Wuzhen becomes its permanent venue.',
      },
      {
        year: '2015',
        text: 'The second Wuzhen Summit, themed "Interconnection and Mutual Benefit, Sharing and Co-governance: Building a Community with a Shared Future in Cyberspace".',
      },
      {
        year: '2019',
        text: 'The conference publishes the concept document "Jointly Building a Community with a Shared Future in Cyberspace".',
      },
      {
        year: '2020',
        text: 'The action initiative on jointly building a community with a shared future in cyberspace turns the concept into practice.',
      },
      {
        year: '2022',
        text: 'On 12 July, the World Internet Conference is founded as an international organization headquartered in Beijing; the Wuzhen Summit becomes its annual meeting. In November, the first twelve best practice cases are presented.',
      },
      {
        year: '2023',
        text: 'The tenth Wuzhen Summit; the Global Youth Leaders Program is created; the Digital Civilization Nishan Dialogue is held in Qufu.',
      },
      {
        year: '2024',
        text: "The Digital Silk Road Development Forum is held in Xi'an; the organization counts more than 120 members from over 20 countries.",
      },
    ],
  },
  programs: {
    title: 'Programs',
    description:
      'Open calls of the World Internet Conference: practice cases, leading sci-tech achievements, the "Straight to Wuzhen" competition, the Global Youth Leaders Program and the AI for Good Action Plan.',
    intro:
      'Every year the organization opens calls to find and show what works: each call has its rules, an expert review and a public showcase of the selections.',
    list: [
      {
        name: 'Practice cases: jointly building a community with a shared future in cyberspace',
        text: 'A yearly call for practice cases from around the world; twelve to thirteen are selected and published in a case collection.',
      },
      {
        name: 'World Internet Leading Sci-Tech Achievements',
        text: 'Presents leading scientific and technological achievements of the internet field at the annual meeting.',
      },
      {
        name: '"Straight to Wuzhen" Global Internet Competition',
        text: 'A competition with tracks and rounds that connects promising projects with industry and investors.',
      },
      {
        name: 'Global Youth Leaders Program',
        text: 'Created in 2023, it selects outstanding young people of the internet field, through applications and nominations.',
      },
      { name: 'AI for Good Action Plan', text: 'Supports projects that use artificial intelligence for the public good.' },
    ],
    openCallsTitle: 'Calls',
  },
  search: {
    title: 'Search',
    description: 'Search events, members, cases, publications and working groups in English and Chinese.',
    resultsFor: 'Results for “{q}”',
    count: '{n} results',
    countCapped: '{n}+ results',
    none: 'Nothing found. Try other words, or the other Chinese script.',
    all: 'All',
    previous: 'Previous page',
    next: 'Next page',
    kinds: {
      event: 'Events',
      session: 'Sessions',
      person: 'Speakers',
      speaker: 'Speakers',
      member: 'Members',
      organization: 'Organizations',
      case: 'Cases',
      call: 'Calls',
      publication: 'Publications',
      group: 'Working groups',
      document: 'Documents',
    } as Record<string, string>,
  },
};

const zhHans: typeof en = {
  site: '世界互联网大会',
  tagline: '携手构建网络空间命运共同体',
  skip: '跳到正文',
  nav: {
    home: '首页',
    about: '关于我们',
    programs: '项目',
    events: '活动',
    showcase: '案例展示',
    library: '文库',
    members: '会员',
    groups: '工作组',
    search: '搜索',
  },
  language: '语言',
  searchLabel: '搜索本站',
  searchButton: '搜索',
  footer: '世界互联网大会国际组织 · 总部：北京 · 年会：乌镇',
  notFound: { title: '页面不存在', text: '此页面不存在，或尚未公开。' },
  tooMany: { title: '请求过于频繁', text: '您的网络地址在短时间内多次打开此类页面，请稍候一分钟再试。' },
  home: {
    title: '世界互联网大会国际组织',
    description:
      '由各国政府、国际组织、互联网企业、技术社群、民间机构、科研院校和公民个人共同参与的国际组织，携手推动全球互联网发展与治理。',
    missionTitle: '宗旨使命',
    mission: [
      '世界互联网大会始于中国乌镇，自2014年起每年举办，2022年正式成为国际组织。这是全球互联网发展与治理的对话合作平台，向所有国家和各利益相关方开放。',
      '会员伙伴携手推动构建更加公平合理、开放包容、安全稳定、富有生机活力的网络空间：弥合数字鸿沟，共享数字经济发展红利，携手构建网络空间命运共同体。',
    ],
    figuresTitle: '关键数据',
    figures: { members: '会员', countries: '国家和地区', continents: '大洲', delegates: '已报名代表' },
    eventsTitle: '活动',
    casesTitle: '最新入选案例',
    publicationsTitle: '最新出版物',
    nothingYet: '暂无公开内容。',
    earlierEditions: { one: '另有 {n} 个较早版本', other: '另有 {n} 个较早版本' },
    more: '查看全部',
  },
  about: {
    title: '关于我们',
    description: '世界互联网大会国际组织：组织机构、会员，以及从2014年首届乌镇峰会到2022年成立国际组织的发展历程。',
    intro:
      '世界互联网大会国际组织总部设于中国北京。它源于自2014年起每年在浙江乌镇举办的世界互联网大会，于2022年7月12日正式成立。国际组织秉持国际性、广泛性、多元性原则，汇聚来自各大洲、各利益相关方的会员。',
    bodiesTitle: '组织机构',
    bodies: [
      { name: '会员大会', text: '由全体会员组成，确定国际组织的发展方向，在年会期间举行。' },
      { name: '理事会', text: '由会员选举产生，在会员大会闭会期间指导国际组织的工作。' },
      { name: '秘书处', text: '负责日常运行：会员服务、年会和论坛、项目征集和成果发布。' },
      { name: '高级咨询委员会', text: '由全球知名人士组成，就战略方向和互联网时代的重大问题提供咨询。' },
      { name: '专业委员会和工作组', text: '数据工作组、人工智能工作组、跨境电商工作组开展研究，形成共识文件。' },
    ],
    historyTitle: '发展历程',
    history: [
      {
        year: '2014',
        text: '11月，首届世界互联网大会在浙江乌镇举行，这是中国举办的规模最大、层次最高的互联网大会，乌镇成为大会永久会址。',
      },
      { year: '2015', text: '第二届世界互联网大会乌镇峰会以“互联互通、共享共治——构建网络空间命运共同体”为主题举行。' },
      { year: '2019', text: '大会发布《携手构建网络空间命运共同体》概念文件。' },
      { year: '2020', text: '大会发布《携手构建网络空间命运共同体行动倡议》，将理念转化为实际行动。' },
      { year: '2022', text: '7月12日，世界互联网大会国际组织在北京正式成立，乌镇峰会升级为国际组织年会。11月，首批12项精品案例发布展示。' },
      { year: '2023', text: '乌镇峰会迎来第十年；创设全球青年领军者计划；在曲阜举办数字文明尼山对话。' },
      { year: '2024', text: '在西安举办数字丝路发展论坛；会员已达120余家，来自20多个国家。' },
    ],
  },
  programs: {
    title: '项目',
    description:
      '世界互联网大会的征集项目：实践案例、世界互联网领先科技成果、“直通乌镇”全球互联网大赛、全球青年领军者计划、爱(AI)公益行动计划。',
    intro: '国际组织每年开展多项征集，发现并展示优秀实践：每项征集都有规则、专家评审和公开展示。',
    list: [
      { name: '“携手构建网络空间命运共同体”实践案例', text: '每年面向全球征集实践案例，遴选12至13项精品案例并汇编成案例集。' },
      { name: '世界互联网领先科技成果发布', text: '在年会上发布互联网领域的领先科技成果。' },
      { name: '“直通乌镇”全球互联网大赛', text: '设有赛道和多轮评审，推动优秀项目与产业和资本精准对接。' },
      { name: '全球青年领军者计划', text: '2023年创设，通过申请和推荐遴选全球互联网领域的优秀青年。' },
      { name: '爱(AI)公益行动计划', text: '支持运用人工智能服务公共利益的项目。' },
    ],
    openCallsTitle: '征集',
  },
  search: {
    title: '搜索',
    description: '用中文或英文搜索活动、会员、案例、出版物和工作组。',
    resultsFor: '“{q}”的搜索结果',
    count: '共 {n} 条结果',
    countCapped: '{n}+ 条结果',
    none: '没有找到结果。请尝试其他词语，或另一种中文字体。',
    all: '全部',
    previous: '上一页',
    next: '下一页',
    kinds: {
      event: '活动',
      session: '议程',
      person: '嘉宾',
      speaker: '嘉宾',
      member: '会员',
      organization: '机构',
      case: '案例',
      call: '征集',
      publication: '出版物',
      group: '工作组',
      document: '文件',
    },
  },
};

export const texts: Record<Locale, typeof en> = { en, 'zh-Hans': zhHans, 'zh-Hant': toHant(zhHans) };

export const fill = (s: string, vars: Record<string, string | number>) => s.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ''));
