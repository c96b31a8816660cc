// @vitest-environment happy-dom
import { afterEach, expect, it, vi } from 'vitest';
import { renderWeb } from '../testing';
import { type AnswerField, FormAnswers } from './FormAnswers';

const countries = [
  {
    code: 'NG',
    alpha3: 'NGA',
    m49: '566',
    continent: 'africa',
    region: 'Africa',
    subregion: 'Western Africa',
    name: { en: 'Nigeria', 'zh-Hans': '尼日利亚', 'zh-Hant': '奈及利亞' },
  },
  {
    code: 'KE',
    alpha3: 'KEN',
    m49: '404',
    continent: 'africa',
    region: 'Africa',
    subregion: 'Eastern Africa',
    name: { en: 'Kenya', 'zh-Hans': '肯尼亚', 'zh-Hant': '肯亞' },
  },
];
const api = { 'GET /api/v1/countries': countries };

const t = (en: string, hans: string) => ({ en, 'zh-Hans': hans });
/** A competition entry as the issue describes it: what a staff member saw as raw values and a file id. */
const form: AnswerField[] = [
  { key: 'title', type: 'text', label: t('Title', '标题') },
  {
    key: 'applicantType',
    type: 'choice',
    label: t('Applicant type', '申报主体类型'),
    options: [
      { value: 'team', label: t('Team', '团队') },
      { value: 'business', label: t('Enterprise', '互联网企业') },
    ],
  },
  { key: 'country', type: 'country', label: t('Country or region', '国家或地区') },
  {
    key: 'stage',
    type: 'choice',
    label: t('Stage', '项目阶段'),
    options: [
      { value: 'idea', label: t('Idea', '创意') },
      { value: 'seed', label: t('Seed', '种子期') },
    ],
  },
  {
    key: 'sdgs',
    type: 'multichoice',
    label: t('Goals', '目标'),
    options: [
      { value: 'sdg3', label: t('SDG 3', '目标3') },
      { value: 'sdg4', label: t('SDG 4', '目标4') },
    ],
  },
  { key: 'funding', type: 'number', label: t('Funding raised (USD)', '已获融资（美元）') },
  { key: 'founded', type: 'date', label: t('Founded on', '成立日期') },
  { key: 'pitch', type: 'file', label: t('Pitch deck (PDF)', '路演材料（PDF）') },
  { key: 'website', type: 'url', label: t('Website', '网址') },
  { key: 'team', type: 'people', label: t('Team', '团队成员') },
  { key: 'unanswered', type: 'text', label: t('Left empty', '未填写') },
];
const answers = {
  title: { en: 'Solar mesh for villages', 'zh-Hans': '乡村太阳能网状网络' },
  applicantType: 'business',
  country: 'NG',
  stage: 'seed',
  sdgs: ['sdg3', 'sdg4'],
  funding: 250000,
  founded: '2021-03-04',
  pitch: '7c098f33-1111-4222-8333-444455556666',
  website: 'https://mesh.example',
  team: [
    { name: 'Chidi Okafor', email: 'chidi@mesh.example', role: 'CEO', country: 'NG' },
    { name: 'Wanjiru Kamau', organization: 'Mesh Labs', country: 'KE' },
  ],
};
const files = [{ fileId: '7c098f33-1111-4222-8333-444455556666', name: 'pitch-deck.pdf', mime: 'application/pdf', size: 1_250_000 }];
const fileUrl = (id: string) => `/api/v1/submissions/s1/files/${id}`;

let view: Awaited<ReturnType<typeof renderWeb>> | undefined;
afterEach(() => view?.unmount());

/** Each answer's label and text, in the form's order. */
const shown = () =>
  [...document.querySelectorAll('[data-testid="form-answers"] > div')].map((d) => [
    d.querySelector('dt')?.textContent,
    d.querySelector('dd')?.textContent,
  ]);

it('shows each answer by its label: choices, countries, dates and numbers in words, never their codes', async () => {
  view = await renderWeb(<FormAnswers fields={form} answers={answers} files={files} fileUrl={fileUrl} />, { api });
  await vi.waitFor(() => expect(view!.text()).toContain('Nigeria'));
  const rows = Object.fromEntries(shown());
  expect(rows).toMatchObject({
    Title: 'Solar mesh for villages',
    'Applicant type': 'Enterprise',
    'Country or region': 'Nigeria',
    Stage: 'Seed',
    Goals: 'SDG 3 and SDG 4',
    'Funding raised (USD)': '250,000',
    'Founded on': '4 Mar 2021',
    Website: 'https://mesh.example',
  });
  expect(rows['Left empty']).toBeUndefined();
  // The file by its name, type and size, linked where the reader may download it.
  const link = document.querySelector<HTMLAnchorElement>('[data-testid="answer-file"] a');
  expect(link?.textContent).toBe('pitch-deck.pdf');
  expect(link?.getAttribute('href')).toBe(fileUrl(files[0].fileId));
  expect(rows['Pitch deck (PDF)']).toContain('PDF · 1.3 MB');
  // The team as a table, with the columns someone filled in.
  const table = document.querySelector('[data-testid="answer-people"]')!;
  expect([...table.querySelectorAll('th')].map((th) => th.textContent)).toEqual(['Name', 'Role', 'Organization', 'Country', 'E-mail']);
  expect([...table.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent))).toEqual([
    ['Chidi Okafor', 'CEO', '', 'Nigeria', 'chidi@mesh.example'],
    ['Wanjiru Kamau', '', 'Mesh Labs', 'Kenya', ''],
  ]);
  for (const code of ['business', 'seed', 'sdg3', '7c098f33', '2021-03-04']) expect(view.text()).not.toContain(code);
});

it('speaks the viewer’s language; without a download link the file is named all the same', async () => {
  view = await renderWeb(<FormAnswers fields={form} answers={answers} files={files} />, { api, locale: 'zh-Hans' });
  await vi.waitFor(() => expect(view!.text()).toContain('尼日利亚'));
  expect(Object.fromEntries(shown())).toMatchObject({
    标题: '乡村太阳能网状网络',
    申报主体类型: '互联网企业',
    国家或地区: '尼日利亚',
    项目阶段: '种子期',
    目标: '目标3和目标4',
    成立日期: '2021年3月4日',
  });
  expect(document.querySelector('[data-testid="answer-file"] a')).toBeNull();
  expect(document.querySelector('[data-testid="answer-file"]')?.textContent).toContain('pitch-deck.pdf');
  expect([...document.querySelectorAll('[data-testid="answer-people"] th')].map((th) => th.textContent)).toEqual([
    '姓名',
    '职务',
    '所在机构',
    '国家/地区',
    '电子邮件',
  ]);
});

it("reads an event's registration form too: a tick box as yes or no, a select by its option's label", async () => {
  const fields: AnswerField[] = [
    { key: 'needs_visa', type: 'checkbox', label: t('I need a visa letter', '需要签证邀请函') },
    { key: 'passport_number', type: 'text', label: t('Passport number', '护照号码') },
    { key: 'diet', type: 'select', label: t('Diet', '饮食'), options: [{ value: 'halal', label: t('Halal', '清真') }] },
    { key: 'accessibility', type: 'textarea', label: t('Access needs', '无障碍需求') },
  ];
  view = await renderWeb(
    <FormAnswers
      fields={fields}
      answers={{ needs_visa: true, passport_number: 'A0123', diet: 'halal', accessibility: 'Step-free\nroute' }}
    />,
    { api, locale: 'zh-Hans' },
  );
  expect(Object.fromEntries(shown())).toEqual({ 需要签证邀请函: '是', 护照号码: 'A0123', 饮食: '清真', 无障碍需求: 'Step-free\nroute' });
  await view.unmount();
  view = await renderWeb(<FormAnswers fields={fields} answers={{}} />, { api });
  expect(view.text()).toContain('No answers yet.');
  expect(document.querySelector('[data-testid="form-answers"]')).toBeNull();
});
