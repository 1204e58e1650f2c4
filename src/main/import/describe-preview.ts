// The import preview as plain Chinese lines, for the CLI.
import type { ImportPreview } from '../../shared/import';

const KIND = { annual: '年度报送表', collection: '科室填报表', unknown: '未识别' } as const;
const where = (x: { file: string; sheet: string | null; cell: string | null }) =>
  [x.file, x.sheet && x.cell ? `${x.sheet}!${x.cell}` : (x.sheet ?? x.cell)].filter(Boolean).join(' ');

export function describePreview(p: ImportPreview): string[] {
  const lines: string[] = [];
  for (const f of p.files) {
    lines.push(
      f.rejected
        ? `文件：${f.file}（${KIND[f.kind]}）未导入`
        : `文件：${f.file}（${KIND[f.kind]}，${f.year}年）匹配 ${f.matched} 项，修改 ${f.changed} 项，未变 ${f.unchanged} 项`,
    );
  }
  if (p.changes.length > 0) lines.push('修改：');
  for (const c of p.changes) {
    const value =
      c.before === c.after ? `${c.after ?? ''}（不变）` : `${c.before ?? '（空）'} → ${c.after ?? '（空）'}`;
    const note =
      c.noteAfter !== undefined ? `；情况说明：${c.noteBefore ?? '（空）'} → ${c.noteAfter ?? '（空）'}` : '';
    lines.push(`  ${c.year}年 ${c.seq} ${c.name}：${value}${note}  [${where(c)}]`);
  }
  if (p.conflicts.length > 0) lines.push('冲突（未导入）：');
  for (const c of p.conflicts) {
    lines.push(
      `  ${c.year}年 ${c.seq} ${c.name}：${c.values.map((v) => `${v.text ?? '（空）'} [${where(v)}]`).join(' ≠ ')}`,
    );
  }
  if (p.problems.length > 0) lines.push('问题：');
  for (const x of p.problems) lines.push(`  [${x.severity === 'error' ? '错误' : '提示'}] ${where(x)}：${x.message}`);
  return lines;
}
