// Simplified Chinese: the default and reference language. Every key here must also exist in en.ts
// (enforced by the Messages type and by tests/renderer/i18n.test.ts).
const zhCN = {
  app: {
    name: 'PlanDesk 规划指标台账',
    planLabel: '规划',
    planPlaceholder: '选择规划',
    planOption: '{{shortName}} · {{title}}',
    noPlans: '数据库中还没有规划。',
  },
  nav: {
    indicators: '主要指标',
    actions: '十大行动',
    tasks: '主要任务',
  },
  common: {
    loading: '正在加载…',
    loadFailed: '加载失败',
    empty: '暂无数据',
    none: '—',
  },
  status: {
    loading: '正在加载…',
    plansLoaded: '已加载 {{n}} 个规划',
    indicatorsLoaded: '已加载 {{n}} 项指标',
    actionsLoaded: '已加载 {{n}} 项行动',
    tasksLoaded: '已加载 {{n}} 项任务',
    error: '出错：{{message}}',
  },
  indicators: {
    category: '类别',
    seq: '序号',
    name: '指标名称',
    unit: '单位',
    base: '基期值',
    baseWithYear: '基期值（{{year}}年）',
    baseSource: '来源：{{source}}',
    year: '{{year}}年',
    target: '目标',
    actual: '实际',
    remark: '备注',
    uncategorized: '未分类',
    notEvaluable: '该值不含可比较的数字，不参与达标判断',
  },
  actions: {
    seq: '序号',
    name: '名称',
    goal: '主要目标',
    remark: '备注',
  },
  tasks: {
    seq: '序号',
    task: '任务',
    groupTitle: '{{seq}}、{{title}}',
    ungrouped: '其他任务',
  },
};

/** The shape every language must provide: same keys, any text. */
export type Messages = typeof zhCN;

export default zhCN;
