// A small but realistic plan, built the way the core returns it: 2 categories, 3 indicators, values as
// clerks write them ("3.035", "≥95", "稳步提升").
import type { IpcResult } from '../../src/shared/errors';
import type { Indicator, IndicatorValue, PlanDetail, PlanSummary, ValueKind } from '../../src/shared/model';
import { parseValue } from '../../src/shared/value';

const AT = '2024-03-01T08:00:00.000Z';

function value(year: number, kind: ValueKind, text: string): IndicatorValue {
  return { ...parseValue(text), year, kind, note: null, updatedAt: AT, updatedBy: 'clerk' };
}

function indicator(partial: Partial<Indicator> & Pick<Indicator, 'id' | 'categoryId' | 'seq' | 'name'>): Indicator {
  return {
    printedName: partial.name,
    unit: null,
    nature: null,
    direction: 'increase',
    targetKind: 'level',
    base: null,
    departmentId: null,
    dataSource: null,
    remark: null,
    sortOrder: partial.id,
    values: [],
    ...partial,
  };
}

export const planSummary: PlanSummary = {
  id: 1,
  title: '磐安县市场监督管理“十四五”规划',
  shortName: '十四五',
  firstYear: 2021,
  lastYear: 2025,
  baseYear: 2020,
  status: 'active',
  indicatorCount: 3,
  updatedAt: AT,
};

export function buildPlanDetail(): PlanDetail {
  return {
    plan: {
      ...planSummary,
      issuers: ['磐安县发展和改革局', '磐安县市场监督管理局'],
      docNumber: '磐发改〔2021〕48号',
      issueDate: '2021-12-07',
      targetYears: [2021, 2022, 2025],
      sourceFile: null,
    },
    appendices: [
      { kind: 'indicators', label: '附件1', title: '磐安县市场监督管理“十四五”主要目标指标（2021-2025年）' },
      { kind: 'actions', label: '附件2', title: '磐安县市场监督管理“十四五”期间十大行动（2021-2025年）' },
    ],
    departments: [],
    // Listed out of order on purpose: the table must follow sortOrder, not array order.
    categories: [
      { id: 20, name: '质量提升', sortOrder: 2 },
      { id: 10, name: '主体活力', sortOrder: 1 },
    ],
    indicators: [
      indicator({
        id: 3,
        categoryId: 20,
        seq: '3',
        name: '质量安全水平',
        sortOrder: 1,
        values: [value(2022, 'target', '稳步提升')],
        remark: '<b>按年度评估</b>',
      }),
      indicator({
        id: 2,
        categoryId: 10,
        seq: '2',
        name: '公司制企业占企业总数比重',
        unit: '%',
        sortOrder: 2,
        values: [value(2021, 'target', '≥95'), value(2021, 'actual', '96.20')],
      }),
      indicator({
        id: 1,
        categoryId: 10,
        seq: '1',
        name: '在册市场主体总量',
        printedName: '在册市场主体总量（万户）',
        unit: '万户',
        sortOrder: 1,
        base: { ...parseValue('2.6336'), year: 2020, source: '“十三五”期间全县市场主体总量达26336家' },
        values: [value(2021, 'target', '3.035'), value(2021, 'actual', '3.1'), value(2025, 'target', '5.05')],
      }),
    ],
    actions: [
      {
        id: 1,
        seq: '1',
        name: '市场主体倍增行动',
        goal: '年新增市场主体保持在15%以上。',
        departmentId: null,
        remark: null,
        sortOrder: 1,
        progress: [],
      },
    ],
    taskGroups: [{ id: 1, seq: '一', title: '在激发市场主体活力上先行先试', sortOrder: 1 }],
    tasks: [
      {
        id: 1,
        groupId: 1,
        seq: '1',
        title: '实施市场主体全生命周期管理服务集成改革',
        text: '实施市场主体全生命周期管理服务集成改革。依托“浙企链”应用系统……',
        leadDepartmentId: null,
        cooperatingDepartmentIds: [],
        deadline: null,
        sortOrder: 1,
        progress: [],
      },
    ],
    overrides: [],
    submissions: [],
  };
}

export const ok = <T>(data: T): IpcResult<T> => ({ ok: true, data });
