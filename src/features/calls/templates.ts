/**
 * The five ready-made calls. Staff copy one (POST /calls with { template }) and
 * adjust it. Well-known field keys the engine reads: title, summary, applicantType,
 * country, birthDate, keywords; every 'people' field feeds conflict detection.
 */
import type { LocalizedText } from '../../platform/i18n/text.js';
import type { Criterion } from './contract.js';
import type { Eligibility, FormField, Option } from './form.js';
import type { applicantTypes } from './form.js';

export const callKinds = ['practice-case', 'sci-tech', 'competition', 'youth-leaders', 'ai-for-good'] as const;
export type CallKind = (typeof callKinds)[number];

const t = (en: string, hans: string, hant: string): LocalizedText => ({ en, 'zh-Hans': hans, 'zh-Hant': hant });
const opt = (value: string, en: string, hans: string, hant: string): Option => ({ value, label: t(en, hans, hant) });

const applicantTypeLabels: Record<(typeof applicantTypes)[number], [string, string, string]> = {
  government: ['Government', '政府', '政府'],
  'international-organization': ['International organization', '国际组织', '國際組織'],
  'civil-society': ['Civil society / NGO', '民间机构', '民間機構'],
  academia: ['Research institution or university', '科研院校', '科研院校'],
  'technical-community': ['Technical community', '技术社群', '技術社群'],
  business: ['Enterprise', '互联网企业', '網際網路企業'],
  team: ['Team', '团队', '團隊'],
  individual: ['Individual', '个人', '個人'],
};

const common = {
  title: {
    key: 'title',
    type: 'text',
    localized: true,
    required: true,
    maxLength: 120,
    public: true,
    label: t('Title', '标题', '標題'),
  } as FormField,
  summary: {
    key: 'summary',
    type: 'longtext',
    localized: true,
    required: true,
    maxLength: 3000,
    public: true,
    label: t('Summary', '摘要', '摘要'),
  } as FormField,
  applicantType: (types: readonly string[]): FormField => ({
    key: 'applicantType',
    type: 'choice',
    required: true,
    label: t('Applicant type', '申报主体类型', '申報主體類型'),
    options: types.map((v) => opt(v, ...applicantTypeLabels[v as keyof typeof applicantTypeLabels])),
  }),
  organization: {
    key: 'organization',
    type: 'text',
    required: true,
    maxLength: 300,
    public: true,
    label: t('Organization', '申报单位', '申報單位'),
  } as FormField,
  country: { key: 'country', type: 'country', required: true, label: t('Country or region', '国家或地区', '國家或地區') } as FormField,
  keywords: {
    key: 'keywords',
    type: 'text',
    maxLength: 200,
    label: t('Keywords (comma-separated)', '关键词（以逗号分隔）', '關鍵詞（以逗號分隔）'),
  } as FormField,
  website: { key: 'website', type: 'url', public: true, label: t('Website', '网址', '網址') } as FormField,
  team: {
    key: 'team',
    type: 'people',
    maxItems: 20,
    label: t('Team members and co-applicants', '团队成员及共同申报人', '團隊成員及共同申報人'),
  } as FormField,
  attachment: {
    key: 'attachment',
    type: 'file',
    required: true,
    label: t('Supporting document (PDF)', '证明材料（PDF）', '證明材料（PDF）'),
  } as FormField,
};

const criterion = (key: string, weight: number, en: string, hans: string, hant: string, gEn: string): Criterion => ({
  key,
  weight,
  label: t(en, hans, hant),
  guidance: { en: gEn },
});

export interface CallTemplate {
  kind: CallKind;
  title: LocalizedText;
  rules: LocalizedText;
  codePrefix: string;
  eligibility: Eligibility;
  categories: Option[];
  rounds: Option[];
  form: FormField[];
  allowNominations: boolean;
  sameCountryConflict: boolean;
  reviewsPerSubmission: number;
  rubric: Criterion[];
}

const baseRubric = [
  criterion('innovation', 3, 'Innovation', '创新性', '創新性', 'How new is the approach compared with current practice?'),
  criterion('impact', 4, 'Impact', '影响力', '影響力', 'What measurable effect has it had, and on how many people?'),
  criterion('replicability', 3, 'Replicability', '可推广性', '可推廣性', 'Could others, in other countries, adopt it?'),
];

export const templates: Record<CallKind, CallTemplate> = {
  'practice-case': {
    kind: 'practice-case',
    title: t(
      'Jointly Building a Community with a Shared Future in Cyberspace: Practice Cases',
      '携手构建网络空间命运共同体实践案例',
      '攜手構建網路空間命運共同體實踐案例',
    ),
    rules: t(
      'Open to governments, international organizations, NGOs, research institutions, universities, technical communities, enterprises and teams worldwide. Selected cases are presented at the Wuzhen Summit and collected in the case book.',
      '面向全球政府、国际组织、民间机构、科研院校、技术社群、企业及团队征集。入选案例将在乌镇峰会上发布展示，并收录进案例集。',
      '面向全球政府、國際組織、民間機構、科研院校、技術社群、企業及團隊徵集。入選案例將在烏鎮峰會上發佈展示，並收錄進案例集。',
    ),
    codePrefix: 'CASE',
    eligibility: {
      applicantTypes: ['government', 'international-organization', 'civil-society', 'academia', 'technical-community', 'business', 'team'],
    },
    categories: [
      opt('infrastructure', 'Network infrastructure', '网络基础设施', '網路基礎設施'),
      opt('culture', 'Online cultural exchange', '网络文化交流', '網路文化交流'),
      opt('digital-economy', 'Digital economy', '数字经济', '數位經濟'),
      opt('cybersecurity', 'Cybersecurity', '网络安全', '網路安全'),
      opt('governance', 'International cyberspace governance', '网络空间国际治理', '網路空間國際治理'),
    ],
    rounds: [opt('expert', 'Expert review', '专家评审', '專家評審')],
    form: [
      common.title,
      common.applicantType([
        'government',
        'international-organization',
        'civil-society',
        'academia',
        'technical-community',
        'business',
        'team',
      ]),
      common.organization,
      common.country,
      common.summary,
      {
        key: 'practice',
        type: 'longtext',
        localized: true,
        required: true,
        maxLength: 10000,
        label: t(
          'The practice: what was done, how, with whom',
          '实践内容：做了什么、如何做、与谁合作',
          '實踐內容：做了什麼、如何做、與誰合作',
        ),
      },
      {
        key: 'results',
        type: 'longtext',
        localized: true,
        required: true,
        maxLength: 5000,
        public: true,
        label: t('Results and impact', '成效与影响', '成效與影響'),
      },
      common.keywords,
      common.website,
      common.team,
      common.attachment,
    ],
    allowNominations: false,
    sameCountryConflict: false,
    reviewsPerSubmission: 3,
    rubric: baseRubric,
  },
  'sci-tech': {
    kind: 'sci-tech',
    title: t('World Internet Leading Sci-Tech Achievements', '世界互联网领先科技成果', '世界網際網路領先科技成果'),
    rules: t(
      'Online submission, preliminary screening, then shortlisted entries send a video or demonstration; the expert committee recommends and the organizing committee approves the public release.',
      '网上申报、初步筛选，入围成果提交视频或现场演示；专家委员会推荐，组委会审定后公开发布。',
      '網上申報、初步篩選，入圍成果提交影片或現場演示；專家委員會推薦，組委會審定後公開發佈。',
    ),
    codePrefix: 'TECH',
    eligibility: { applicantTypes: ['academia', 'business', 'technical-community', 'team'] },
    categories: [
      opt('ai', 'Artificial intelligence', '人工智能', '人工智慧'),
      opt('computing', 'Computing and networks', '算力与网络', '算力與網路'),
      opt('chips', 'Chips and hardware', '芯片与硬件', '晶片與硬體'),
      opt('software', 'Basic software', '基础软件', '基礎軟體'),
      opt('security', 'Security', '安全', '安全'),
    ],
    rounds: [opt('screening', 'Preliminary review', '初评', '初評'), opt('demo', 'Video and demonstration', '视频与演示', '影片與演示')],
    form: [
      common.title,
      common.applicantType(['academia', 'business', 'technical-community', 'team']),
      common.organization,
      common.country,
      common.summary,
      {
        key: 'novelty',
        type: 'longtext',
        localized: true,
        required: true,
        maxLength: 5000,
        label: t('What is new, compared with the state of the art', '与现有技术相比的领先之处', '與現有技術相比的領先之處'),
      },
      {
        key: 'maturity',
        type: 'choice',
        required: true,
        label: t('Maturity', '成熟度', '成熟度'),
        options: [
          opt('research', 'Research', '研究阶段', '研究階段'),
          opt('pilot', 'Pilot', '试点应用', '試點應用'),
          opt('deployed', 'Deployed at scale', '规模化应用', '規模化應用'),
        ],
      },
      {
        key: 'video',
        type: 'url',
        label: t('Demonstration video', '演示视频', '演示影片'),
        showIf: { field: 'maturity', equals: ['pilot', 'deployed'] },
      },
      common.keywords,
      common.team,
      common.attachment,
    ],
    allowNominations: false,
    sameCountryConflict: false,
    reviewsPerSubmission: 3,
    rubric: [
      criterion('leading', 5, 'Leading edge', '领先性', '領先性', 'Is it ahead of the state of the art worldwide?'),
      criterion('impact', 3, 'Impact', '影响力', '影響力', 'Economic and social effect.'),
      criterion('openness', 2, 'Openness', '开放性', '開放性', 'Standards, open source, international cooperation.'),
    ],
  },
  competition: {
    kind: 'competition',
    title: t('"Straight to Wuzhen" Global Internet Competition', '"直通乌镇"全球互联网大赛', '"直通烏鎮"全球網際網路大賽'),
    rules: t(
      'Teams and start-ups from every country compete in tracks, from preliminaries to the final in Wuzhen.',
      '面向全球团队与初创企业，分赛道比赛，经初赛、复赛进入乌镇总决赛。',
      '面向全球團隊與新創企業，分賽道比賽，經初賽、複賽進入烏鎮總決賽。',
    ),
    codePrefix: 'COMP',
    eligibility: { applicantTypes: ['team', 'business'] },
    categories: [
      opt('ai', 'Artificial intelligence', '人工智能', '人工智慧'),
      opt('digital-health', 'Digital health', '数字医疗', '數位醫療'),
      opt('connected-vehicles', 'Connected vehicles', '车联网', '車聯網'),
      opt('industrial-internet', 'Industrial internet', '工业互联网', '工業網際網路'),
    ],
    rounds: [
      opt('preliminary', 'Preliminaries', '初赛', '初賽'),
      opt('semifinal', 'Semi-final', '复赛', '複賽'),
      opt('final', 'Final', '总决赛', '總決賽'),
    ],
    form: [
      common.title,
      common.applicantType(['team', 'business']),
      common.organization,
      common.country,
      common.summary,
      {
        key: 'stage',
        type: 'choice',
        required: true,
        label: t('Stage', '项目阶段', '專案階段'),
        options: [
          opt('idea', 'Idea', '创意', '創意'),
          opt('seed', 'Seed', '种子期', '種子期'),
          opt('growth', 'Growth', '成长期', '成長期'),
        ],
      },
      {
        key: 'funding',
        type: 'number',
        min: 0,
        label: t('Funding raised (USD)', '已获融资（美元）', '已獲融資（美元）'),
        showIf: { field: 'stage', equals: ['seed', 'growth'] },
      },
      { key: 'founded', type: 'date', label: t('Founded on', '成立日期', '成立日期') },
      { key: 'pitch', type: 'file', required: true, label: t('Pitch deck (PDF)', '路演材料（PDF）', '路演材料（PDF）') },
      common.keywords,
      { ...common.team, required: true, label: t('Team', '团队成员', '團隊成員') },
    ],
    allowNominations: false,
    sameCountryConflict: false,
    reviewsPerSubmission: 3,
    rubric: [
      criterion('technology', 3, 'Technology', '技术', '技術', 'Strength and originality of the technology.'),
      criterion('market', 3, 'Market', '市场', '市場', 'Size of the market and traction.'),
      criterion('team', 2, 'Team', '团队', '團隊', 'Can this team deliver?'),
      criterion('social', 2, 'Social value', '社会价值', '社會價值', 'Benefit beyond profit.'),
    ],
  },
  'youth-leaders': {
    kind: 'youth-leaders',
    title: t('Global Youth Leaders Program', '全球青年领军者计划', '全球青年領軍者計劃'),
    rules: t(
      'Young people under 40 from any country apply themselves or are nominated by an organization; the nominee then completes the application.',
      '面向全球40岁以下青年，可个人申报或由机构提名，被提名人完成申报。',
      '面向全球40歲以下青年，可個人申報或由機構提名，被提名人完成申報。',
    ),
    codePrefix: 'YOUTH',
    eligibility: { maxAge: 40 },
    categories: [
      opt('technology', 'Technology innovation', '科技创新', '科技創新'),
      opt('entrepreneurship', 'Entrepreneurship', '创业', '創業'),
      opt('public-good', 'Digital public good', '数字公益', '數位公益'),
      opt('governance', 'Policy and governance', '政策与治理', '政策與治理'),
    ],
    rounds: [opt('review', 'Review', '评审', '評審'), opt('interview', 'Interview', '面试', '面試')],
    form: [
      { ...common.title, label: t('Name', '姓名', '姓名'), public: true },
      { key: 'birthDate', type: 'date', required: true, label: t('Date of birth', '出生日期', '出生日期') },
      common.country,
      common.organization,
      { ...common.summary, label: t('Biography', '个人简介', '個人簡介') },
      {
        key: 'achievements',
        type: 'longtext',
        localized: true,
        required: true,
        maxLength: 5000,
        public: true,
        label: t('Achievements', '主要成就', '主要成就'),
      },
      { key: 'nominator', type: 'people', maxItems: 1, label: t('Nominating organization contact', '提名机构联系人', '提名機構聯絡人') },
      common.keywords,
      { ...common.attachment, required: false, label: t('CV (PDF)', '简历（PDF）', '簡歷（PDF）') },
    ],
    allowNominations: true,
    sameCountryConflict: true,
    reviewsPerSubmission: 3,
    rubric: [
      criterion('leadership', 4, 'Leadership', '领导力', '領導力', 'Evidence of leading others.'),
      criterion('achievement', 4, 'Achievement', '成就', '成就', 'What has the candidate done?'),
      criterion('vision', 2, 'Vision', '愿景', '願景', 'Ideas for a shared future in cyberspace.'),
    ],
  },
  'ai-for-good': {
    kind: 'ai-for-good',
    title: t('AI for Good Action Plan: Project Call', '爱(AI)公益行动计划项目征集', '愛(AI)公益行動計劃專案徵集'),
    rules: t(
      'Projects that use artificial intelligence for the public good: health, education, disability, environment, disaster relief.',
      '征集运用人工智能服务公益的项目：健康、教育、助残、环境、救灾等。',
      '徵集運用人工智慧服務公益的專案：健康、教育、助殘、環境、救災等。',
    ),
    codePrefix: 'AIGOOD',
    eligibility: { applicantTypes: ['civil-society', 'academia', 'business', 'team', 'international-organization'] },
    categories: [
      opt('health', 'Health', '健康', '健康'),
      opt('education', 'Education', '教育', '教育'),
      opt('accessibility', 'Accessibility', '无障碍', '無障礙'),
      opt('environment', 'Environment', '环境', '環境'),
      opt('disaster', 'Disaster relief', '应急救灾', '應急救災'),
    ],
    rounds: [opt('review', 'Review', '评审', '評審')],
    form: [
      common.title,
      common.applicantType(['civil-society', 'academia', 'business', 'team', 'international-organization']),
      common.organization,
      common.country,
      common.summary,
      { key: 'beneficiaries', type: 'number', min: 0, required: true, label: t('People reached', '受益人数', '受益人數') },
      {
        key: 'sdgs',
        type: 'multichoice',
        maxItems: 5,
        label: t('Sustainable Development Goals', '可持续发展目标', '永續發展目標'),
        options: [3, 4, 5, 10, 13].map((n) => opt(`sdg${n}`, `SDG ${n}`, `目标${n}`, `目標${n}`)),
      },
      common.keywords,
      common.website,
      common.team,
      { ...common.attachment, required: false },
    ],
    allowNominations: false,
    sameCountryConflict: false,
    reviewsPerSubmission: 2,
    rubric: baseRubric,
  },
};
