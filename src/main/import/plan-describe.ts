// The plan import preview as plain Chinese lines, for the CLI.
import type { PlanImportPreview } from '../../shared/plan-import';

const where = (x: { file: string; sheet: string | null; cell: string | null }) =>
  [x.file, x.sheet && x.cell ? `${x.sheet}!${x.cell}` : (x.sheet ?? x.cell)].filter(Boolean).join(' ');
const NATURE = { expected: '预期性', binding: '约束性' } as const;

export function describePlanPreview(p: PlanImportPreview): string[] {
  const { plan } = p;
  const count = p.categories.reduce((n, c) => n + c.indicators.length, 0);
  const lines = [
    `文件：${p.file}`,
    `规划：${plan.title || '（未定）'}（简称 ${plan.shortName || '（未定）'}，${plan.firstYear}—${plan.lastYear}年` +
      `${plan.baseYear !== null ? `，基期 ${plan.baseYear}年` : ''}）`,
    `${plan.appendix.label}：${plan.appendix.title}`,
    `列：${plan.columns.join(' | ')}`,
  ];
  for (const c of p.categories) {
    lines.push(`类别 ${c.name}：`);
    for (const i of c.indicators) {
      const parts = [
        i.unit !== null && i.printedName === i.name ? `单位 ${i.unit}` : null,
        i.base !== null ? `基期 ${i.base}` : null,
        ...Object.entries(i.targets).map(([y, t]) => `${y}年 ${t}`),
        i.nature ? NATURE[i.nature] : null,
        i.remark !== null ? `备注 ${i.remark}` : null,
      ].filter((x) => x !== null);
      lines.push(`  ${i.seq}\t${i.printedName}\t${parts.join('  ')}`);
    }
  }
  if (plan.layout.notes.length > 0) lines.push('表下注释：', ...plan.layout.notes.map((n) => `  ${n}`));
  if (p.problems.length > 0) lines.push('问题：');
  for (const x of p.problems) lines.push(`  [${x.severity === 'error' ? '错误' : '提示'}] ${where(x)}：${x.message}`);
  lines.push(`共 ${p.categories.length} 个类别、${count} 项指标。`);
  return lines;
}
