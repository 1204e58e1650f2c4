// A made-up plan for layout tests: as many categories and indicators as asked, with long names built from common
// characters (all inside FandolFang), so that pages break in the middle of categories.
import type { Indicator, IndicatorValue, PlanDetail } from '../../../src/shared/model';
import { parseValue } from '../../../src/shared/value';

export const CATEGORY_NAMES = [
  '主体活力',
  '创新创造',
  '质量提升',
  '市场消费',
  '竞争秩序',
  '安全监管',
  '知识产权',
  '计量标准',
];

// No category name occurs in this text, so a page that shows one really shows the category cell.
const FILLER =
  '标准化建设认证认可检验检测能力信用体系建设营商服务优化网络交易广告监测价格执法登记注册食品药品特种设备' +
  '电梯锅炉压力容器检查覆盖率执法办案数量投诉举报处理满意程度企业年度报告公示抽查比例产品抽检合格率提高';

const AT = '2026-01-01T00:00:00.000Z';

function value(year: number, text: string): IndicatorValue {
  return { ...parseValue(text), year, kind: 'target', note: null, updatedAt: AT, updatedBy: 'test' };
}

export function syntheticPlan(opts: { categories: number; perCategory: number; targetYears?: number[] }): PlanDetail {
  const years = opts.targetYears ?? [2021, 2022, 2025];
  const indicators: Indicator[] = [];
  for (let c = 0; c < opts.categories; c++) {
    for (let k = 0; k < opts.perCategory; k++) {
      const n = c * opts.perCategory + k;
      const len = 26 + ((n * 7) % 31); // 26–56 filler characters, plus "第NN项" and the unit
      const start = (n * 13) % (FILLER.length - len);
      const name = `第${String(n + 1).padStart(2, '0')}项${FILLER.slice(start, start + len)}`;
      indicators.push({
        id: n + 1,
        categoryId: c + 1,
        seq: String(n + 1),
        printedName: `${name}（万户）`,
        name,
        unit: '万户',
        nature: 'expected',
        direction: 'increase',
        targetKind: 'level',
        base: null,
        departmentId: null,
        dataSource: null,
        remark: null,
        sortOrder: n + 1,
        // Decimals differ from year to year (1, 2, 3, 0 places), as clerks write them.
        values: years.map((y, i) => value(y, (1.5 + n + i * 0.25).toFixed([1, 2, 3, 0][i % 4]!))),
      });
    }
  }
  return {
    plan: {
      id: 1,
      title: '测试县市场监督管理“十四五”规划',
      shortName: '测试',
      firstYear: 2021,
      lastYear: 2025,
      baseYear: 2020,
      status: 'active',
      indicatorCount: indicators.length,
      updatedAt: AT,
      issuers: ['测试县市场监督管理局'],
      docNumber: null,
      issueDate: null,
      targetYears: years,
      sourceFile: null,
    },
    appendices: [
      { kind: 'indicators', label: '附件1', title: '测试县市场监督管理“十四五”主要目标指标（2021-2025年）' },
    ],
    departments: [],
    categories: Array.from({ length: opts.categories }, (_, c) => ({
      id: c + 1,
      name: CATEGORY_NAMES[c % CATEGORY_NAMES.length]!,
      sortOrder: c + 1,
    })),
    indicators,
    actions: [],
    taskGroups: [],
    tasks: [],
    overrides: [],
    submissions: [],
  };
}
