const en = {
  nav: { calls: 'Open calls', mine: 'My submissions', admin: 'Calls' },
  call: { open: 'Open', closed: 'Closed', closes: 'Closes {{when}}', apply: 'Apply', rules: 'Rules', categories: 'Fields / tracks', none: 'No calls yet.', nominate: 'Nominate a person', nominated: 'Nominated. We wrote to them to complete the application.' },
  form: { category: 'Field / track', save: 'Save draft', submit: 'Submit', withdraw: 'Withdraw', saved: 'Draft saved.', submitted: 'Submitted. A confirmation e-mail is on its way.', upload: 'Upload a file', uploaded: 'File attached: {{name}}', addPerson: 'Add a person', name: 'Name', email: 'E-mail', remove: 'Remove', status: 'Status', code: 'Code', feedback: 'Reviewers’ comments for you', decision: 'Decision' },
  status: { draft: 'Draft', submitted: 'Submitted', withdrawn: 'Withdrawn', selected: 'Selected', shortlisted: 'Shortlisted', not_selected: 'Not selected', pending: 'Pending', passed: 'Passed', failed: 'Failed' },
  builder: { tab: 'Settings and form', title: 'Title', k: 'Reviews per entry', allowEdit: 'Edits allowed until the deadline', fields: 'Form fields', required: 'Required', maxLength: 'Max length', key: 'Key', type: 'Type', label: 'Label', add: 'Add field', rubric: 'Rubric (round 1)', weight: 'Weight', saveRubric: 'Save rubric' },
  admin: {
    title: 'Calls', new: 'New call from a template', template: 'Template', year: 'Year', opensAt: 'Opens', closesAt: 'Closes (23:59 in the time zone)', timeZone: 'Time zone', published: 'Published (open to applicants)', create: 'Create', submissions: 'Submissions', reviewers: 'Reviewers', assignment: 'Assignment', ranking: 'Ranking and decisions', autoScreen: 'Screen automatically', pass: 'Pass', fail: 'Fail', reason: 'Reason',
    invite: 'Invite to the panel', removeReviewer: 'Remove from the panel', confirmRemoveReviewer: 'Remove {{name}} from the panel? Their assignments, draft reviews and declared conflicts go too.', reviewerHasReviews: 'This reviewer has submitted reviews, which count in the ranking: they stay on the panel.', person: 'Person', expertise: 'Expertise tags (comma-separated)', capacity: 'Load limit', round: 'Round', runAssign: 'Run the assignment', assigned: '{{pairs}} reviews assigned (affinity {{objective}})', reviewer: 'Reviewer', pinned: 'Pinned',
    raw: 'Raw', normalized: 'Normalized', spread: 'Spread', reviews: 'Reviews', decide: 'Save decisions and notify', publish: 'Publish the selected entries', published_n: '{{n}} entries published.', n: 'Top N', cap: 'Cap per country', minContinent: 'Minimum per continent (e.g. africa=1, oceania=1)', preview: 'Preview diverse selection', pure: 'Pure ranking', constrained: 'With the constraints', changed: 'Added: {{added}} · Left out: {{removed}}', remind: 'Remind reviewers', progress: 'Progress', pin: 'Pin', unpin: 'Unpin', forbid: 'Forbid', advance: 'Advance to the next round', advanced: '{{n}} entries advanced to round {{round}}.',
  },
};
type T = typeof en;
const zhHans: T = {
  nav: { calls: '征集活动', mine: '我的申报', admin: '征集' },
  call: { open: '征集中', closed: '已截止', closes: '截止时间 {{when}}', apply: '申报', rules: '征集说明', categories: '领域 / 赛道', none: '暂无征集。', nominate: '提名人选', nominated: '已提名，我们已邮件通知被提名人完成申报。' },
  form: { category: '领域 / 赛道', save: '保存草稿', submit: '提交', withdraw: '撤回', saved: '草稿已保存。', submitted: '已提交，确认邮件已发送。', upload: '上传文件', uploaded: '已附文件：{{name}}', addPerson: '添加人员', name: '姓名', email: '电子邮件', remove: '移除', status: '状态', code: '编号', feedback: '评审给您的意见', decision: '结果' },
  status: { draft: '草稿', submitted: '已提交', withdrawn: '已撤回', selected: '入选', shortlisted: '入围', not_selected: '未入选', pending: '待审', passed: '通过', failed: '未通过' },
  builder: { tab: '设置与表单', title: '标题', k: '每项评审数', allowEdit: '截止前允许修改', fields: '表单字段', required: '必填', maxLength: '最大长度', key: '键名', type: '类型', label: '标签', add: '添加字段', rubric: '评分标准（第一轮）', weight: '权重', saveRubric: '保存评分标准' },
  admin: {
    title: '征集', new: '从模板新建征集', template: '模板', year: '年份', opensAt: '开始', closesAt: '截止（该时区 23:59）', timeZone: '时区', published: '已发布（接受申报）', create: '创建', submissions: '申报', reviewers: '评审专家', assignment: '分配', ranking: '排名与结果', autoScreen: '自动初筛', pass: '通过', fail: '不通过', reason: '理由',
    invite: '邀请加入评审组', removeReviewer: '移出评审组', confirmRemoveReviewer: '确定将 {{name}} 移出评审组？其分配、评审草稿和申报的利益冲突将一并删除。', reviewerHasReviews: '该评审专家已提交评审意见，这些意见计入排名：不能移出评审组。', person: '人员', expertise: '专长标签（逗号分隔）', capacity: '评审上限', round: '轮次', runAssign: '运行分配', assigned: '已分配 {{pairs}} 份评审（匹配度 {{objective}}）', reviewer: '评审专家', pinned: '已固定',
    raw: '原始分', normalized: '标准化分', spread: '极差', reviews: '评审数', decide: '保存结果并通知', publish: '发布入选成果', published_n: '已发布 {{n}} 项。', n: '前 N 名', cap: '每国上限', minContinent: '每大洲下限（如 africa=1, oceania=1）', preview: '预览多元化遴选', pure: '纯排名', constrained: '加约束后', changed: '新增：{{added}} · 移出：{{removed}}', remind: '提醒评审专家', progress: '进度', pin: '固定', unpin: '取消固定', forbid: '禁止', advance: '晋级下一轮', advanced: '{{n}} 项晋级第 {{round}} 轮。',
  },
};
const zhHant: T = {
  nav: { calls: '徵集活動', mine: '我的申報', admin: '徵集' },
  call: { open: '徵集中', closed: '已截止', closes: '截止時間 {{when}}', apply: '申報', rules: '徵集說明', categories: '領域 / 賽道', none: '暫無徵集。', nominate: '提名人選', nominated: '已提名，我們已郵件通知被提名人完成申報。' },
  form: { category: '領域 / 賽道', save: '儲存草稿', submit: '提交', withdraw: '撤回', saved: '草稿已儲存。', submitted: '已提交，確認郵件已寄出。', upload: '上傳檔案', uploaded: '已附檔案：{{name}}', addPerson: '新增人員', name: '姓名', email: '電子郵件', remove: '移除', status: '狀態', code: '編號', feedback: '評審給您的意見', decision: '結果' },
  status: { draft: '草稿', submitted: '已提交', withdrawn: '已撤回', selected: '入選', shortlisted: '入圍', not_selected: '未入選', pending: '待審', passed: '通過', failed: '未通過' },
  builder: { tab: '設定與表單', title: '標題', k: '每項評審數', allowEdit: '截止前允許修改', fields: '表單欄位', required: '必填', maxLength: '最大長度', key: '鍵名', type: '類型', label: '標籤', add: '新增欄位', rubric: '評分標準（第一輪）', weight: '權重', saveRubric: '儲存評分標準' },
  admin: {
    title: '徵集', new: '從範本新增徵集', template: '範本', year: '年份', opensAt: '開始', closesAt: '截止（該時區 23:59）', timeZone: '時區', published: '已發佈（接受申報）', create: '建立', submissions: '申報', reviewers: '評審專家', assignment: '分配', ranking: '排名與結果', autoScreen: '自動初篩', pass: '通過', fail: '不通過', reason: '理由',
    invite: '邀請加入評審組', removeReviewer: '移出評審組', confirmRemoveReviewer: '確定將 {{name}} 移出評審組？其分配、評審草稿和申報的利益衝突將一併刪除。', reviewerHasReviews: '該評審專家已提交評審意見，這些意見計入排名：不能移出評審組。', person: '人員', expertise: '專長標籤（逗號分隔）', capacity: '評審上限', round: '輪次', runAssign: '執行分配', assigned: '已分配 {{pairs}} 份評審（匹配度 {{objective}}）', reviewer: '評審專家', pinned: '已固定',
    raw: '原始分', normalized: '標準化分', spread: '極差', reviews: '評審數', decide: '儲存結果並通知', publish: '發佈入選成果', published_n: '已發佈 {{n}} 項。', n: '前 N 名', cap: '每國上限', minContinent: '每大洲下限（如 africa=1, oceania=1）', preview: '預覽多元化遴選', pure: '純排名', constrained: '加約束後', changed: '新增：{{added}} · 移出：{{removed}}', remind: '提醒評審專家', progress: '進度', pin: '固定', unpin: '取消固定', forbid: '禁止', advance: '晉級下一輪', advanced: '{{n}} 項晉級第 {{round}} 輪。',
  },
};
export const callsTexts = { en, 'zh-Hans': zhHans, 'zh-Hant': zhHant };
