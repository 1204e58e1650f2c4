// English: the second language. Typed as Messages so a missing or extra key fails the type check.
import type { Messages } from './zh-CN';

const en: Messages = {
  app: {
    name: 'PlanDesk Plan Indicator Ledger',
    planLabel: 'Plan',
    planPlaceholder: 'Choose a plan',
    planOption: '{{shortName}} · {{title}}',
    noPlans: 'There is no plan in the database yet.',
  },
  nav: {
    indicators: 'Main indicators',
    actions: 'Ten actions',
    tasks: 'Main tasks',
  },
  common: {
    loading: 'Loading…',
    loadFailed: 'Loading failed',
    empty: 'No data',
    none: '—',
  },
  status: {
    loading: 'Loading…',
    plansLoaded: 'Plans loaded: {{n}}',
    indicatorsLoaded: 'Indicators loaded: {{n}}',
    actionsLoaded: 'Actions loaded: {{n}}',
    tasksLoaded: 'Tasks loaded: {{n}}',
    error: 'Error: {{message}}',
  },
  indicators: {
    category: 'Category',
    seq: 'No.',
    name: 'Indicator',
    unit: 'Unit',
    base: 'Base value',
    baseWithYear: 'Base value ({{year}})',
    baseSource: 'Source: {{source}}',
    year: '{{year}}',
    target: 'Target',
    actual: 'Actual',
    remark: 'Remarks',
    uncategorized: 'Uncategorised',
    notEvaluable: 'This value has no comparable number and is not assessed',
  },
  actions: {
    seq: 'No.',
    name: 'Name',
    goal: 'Main goal',
    remark: 'Remarks',
  },
  tasks: {
    seq: 'No.',
    task: 'Task',
    groupTitle: '{{seq}}. {{title}}',
    ungrouped: 'Other tasks',
  },
};

export default en;
