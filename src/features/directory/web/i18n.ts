export const directoryTexts = {
  en: {
    nav: { organizations: 'Organizations', people: 'People' },
    org: { title: 'Organizations', new: 'New organization', edit: 'Edit organization', name: 'Name', shortName: 'Short name', group: 'Stakeholder group', description: 'Description', logo: 'Logo', uploadLogo: 'Upload logo', confirmDelete: 'Delete {{name}}? This cannot be undone.' },
    person: { title: 'People', new: 'New person', edit: 'Edit person', name: 'Name (own script)', nameLatin: 'Name in Latin letters', gender: 'Gender', affiliation: 'Organization', jobTitle: 'Title', confirmDelete: 'Delete {{name}}? This cannot be undone.' },
    import: { orgColumns: 'Columns: name_en, name_zh_hans, name_zh_hant, short_name, country (ISO code), stakeholder_group, website', personColumns: 'Columns: name, name_latin, country (ISO code), gender, email, phone, organization, title' },
    sort: { name: 'Name', country: 'Country', created: 'Newest' },
  },
  'zh-Hans': {
    nav: { organizations: '机构', people: '人员' },
    org: { title: '机构', new: '新建机构', edit: '编辑机构', name: '名称', shortName: '简称', group: '利益相关方类别', description: '简介', logo: '标志', uploadLogo: '上传标志', confirmDelete: '删除“{{name}}”？此操作无法撤销。' },
    person: { title: '人员', new: '新建人员', edit: '编辑人员', name: '姓名（本国文字）', nameLatin: '拉丁字母姓名', gender: '性别', affiliation: '所属机构', jobTitle: '职务', confirmDelete: '删除“{{name}}”？此操作无法撤销。' },
    import: { orgColumns: '列：name_en、name_zh_hans、name_zh_hant、short_name、country（ISO 代码）、stakeholder_group、website', personColumns: '列：name、name_latin、country（ISO 代码）、gender、email、phone、organization、title' },
    sort: { name: '名称', country: '国家/地区', created: '最新' },
  },
  'zh-Hant': {
    nav: { organizations: '機構', people: '人員' },
    org: { title: '機構', new: '新增機構', edit: '編輯機構', name: '名稱', shortName: '簡稱', group: '利害關係方類別', description: '簡介', logo: '標誌', uploadLogo: '上傳標誌', confirmDelete: '刪除「{{name}}」？此操作無法復原。' },
    person: { title: '人員', new: '新增人員', edit: '編輯人員', name: '姓名（本國文字）', nameLatin: '拉丁字母姓名', gender: '性別', affiliation: '所屬機構', jobTitle: '職務', confirmDelete: '刪除「{{name}}」？此操作無法復原。' },
    import: { orgColumns: '欄：name_en、name_zh_hans、name_zh_hant、short_name、country（ISO 代碼）、stakeholder_group、website', personColumns: '欄：name、name_latin、country（ISO 代碼）、gender、email、phone、organization、title' },
    sort: { name: '名稱', country: '國家/地區', created: '最新' },
  },
};
