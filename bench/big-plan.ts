// A generated plan for benchmarks: N indicators in 20 categories, targets and actuals for every year.
import type { PlanFile } from '../src/main/db/seed';

export function bigPlan(indicators: number, firstYear: number, years: number): PlanFile {
  const lastYear = firstYear + years - 1;
  const perCategory = Math.ceil(indicators / 20);
  const categories: PlanFile['categories'] = [];
  for (let c = 0, n = 0; n < indicators; c++) {
    const list: PlanFile['categories'][number]['indicators'] = [];
    for (let k = 0; k < perCategory && n < indicators; k++, n++) {
      const targets: Record<string, string> = {};
      for (let y = firstYear; y <= lastYear; y++) targets[String(y)] = (100 + n + (y - firstYear) * 1.25).toFixed(2);
      list.push({
        seq: String(n + 1),
        printedName: `生成指标${n + 1}号（件）`,
        name: `生成指标${n + 1}号`,
        unit: '件',
        nature: n % 5 === 0 ? 'binding' : 'expected',
        direction: 'increase',
        targetKind: 'level',
        targets,
        base: { year: firstYear - 1, text: String(90 + n), source: null },
        remark: null,
      });
    }
    categories.push({ name: `类别${c + 1}`, indicators: list });
  }
  return {
    format: 'plandesk-plan/1',
    sourceFile: null,
    plan: {
      title: `基准测试规划（${indicators}项指标）`,
      shortName: `基准${indicators}`,
      issuers: ['PlanDesk'],
      docNumber: null,
      issueDate: null,
      firstYear,
      lastYear,
      baseYear: firstYear - 1,
      targetYears: Array.from({ length: years }, (_, i) => firstYear + i),
      appendices: [],
    },
    departments: [],
    categories,
    actions: [],
    taskGroups: [],
  };
}
