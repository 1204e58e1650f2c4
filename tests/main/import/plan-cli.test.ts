// `import plan` on the command line: the preview as text or JSON, the plan created only with --apply (its id printed),
// the clerk's short name and title, and non-zero exits with Chinese messages on stderr.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../src/main/cli';
import { tempDir } from '../../helpers/xlsx-check';
import { buildWithExcelJS } from './plan-import-helpers';

let dir: string;
let db: string;
let file: string;

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(['--db', db, ...argv], { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

beforeAll(async () => {
  dir = tempDir('plandesk-plan-cli-');
  db = path.join(dir, 'p.db');
  file = path.join(dir, '缙云县主要指标.xlsx');
  const bytes = await buildWithExcelJS([
    {
      name: '附件1',
      rows: [
        ['附件1'],
        ['缙云县市场监督管理“十五五”规划主要指标'],
        ['类别', '序号', '指标名称', '基期值（2025年）', '目标值（2030年）', '属性'],
        ['主体活力', '1', '在册市场主体（万户）', { n: 3.1, fmt: '0.00' }, 3.9, '预期性'],
        ['质量提升', '2', '产品质量合格率（%）', 94.5, '≥95', '约束性'],
      ],
    },
  ]);
  fs.writeFileSync(file, bytes);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('import plan', () => {
  it('prints the preview and writes nothing without --apply', async () => {
    const r = await run('import', 'plan', '--file', file);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('规划：缙云县市场监督管理“十五五”规划（简称 十五五，2026—2030年，基期 2025年）');
    expect(r.out).toContain('列：类别 | 序号 | 指标名称 | 基期值（2025年） | 目标值（2030年） | 属性');
    expect(r.out).toContain('  2\t产品质量合格率（%）\t基期 94.5  2030年 ≥95  约束性');
    expect(r.out).toMatch(/尚未创建（加 --apply 创建）。$/);
    const plans = await run('plans', '--json');
    expect(JSON.parse(plans.out).map((p: { shortName: string }) => p.shortName)).toEqual(['十四五']);
  });

  it('prints the preview as JSON with --json', async () => {
    const r = await run('import', 'plan', '--file', file, '--json', '--title', '缙云县市场监管“十五五”规划');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.plan).toMatchObject({ title: '缙云县市场监管“十五五”规划', shortName: '十五五', firstYear: 2026 });
    expect(j.categories).toHaveLength(2);
    expect(j.token).toMatch(/^[0-9a-f]{64}$/);
    expect(j.planId).toBeNull();
  });

  it('creates the plan with --apply and prints its id; the short name may be the clerk’s', async () => {
    const r = await run('import', 'plan', '--file', file, '--apply', '--short-name', '缙云十五五');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const id = Number(/已创建规划“缙云十五五”，编号 (\d+)$/.exec(r.out)![1]);
    const show = JSON.parse((await run('plan', 'show', String(id), '--json')).out);
    expect(show.plan).toMatchObject({ shortName: '缙云十五五', firstYear: 2026, lastYear: 2030, baseYear: 2025 });
    expect(show.indicators.map((i: { printedName: string }) => i.printedName)).toEqual([
      '在册市场主体（万户）',
      '产品质量合格率（%）',
    ]);
    const j = JSON.parse((await run('import', 'plan', '--file', file, '--apply', '--json')).out);
    expect(j.planId).toEqual(expect.any(Number));
    expect(j.plan.shortName).toBe('十五五');
  });

  it('exits non-zero with a Chinese message on stderr', async () => {
    const again = await run('import', 'plan', '--file', file, '--apply', '--short-name', '缙云十五五');
    expect(again.code).toBe(1);
    expect(again.out).toContain('已有简称为“缙云十五五”的规划');
    expect(again.err).toBe('错误：预览中有 1 处错误，规划未创建。请改正后重新导入。');

    const text = path.join(dir, '指标.csv');
    fs.writeFileSync(text, '类别,序号,指标名称\n');
    const csv = await run('import', 'plan', '--file', text);
    expect(csv.code).toBe(1);
    expect(csv.err).toBe(
      '错误：指标.csv：这是文本文件（可能是 CSV），不是 Excel 工作簿。请在 Excel/WPS 中另存为 .xlsx 后再导入。',
    );

    const missing = await run('import', 'plan', '--file', path.join(dir, 'nope.xlsx'));
    expect([missing.code, missing.err]).toEqual([1, expect.stringContaining('无法读取文件')]);
    const usage = await run('import', 'plan');
    expect([usage.code, usage.err]).toEqual([2, expect.stringContaining('import plan 需要一个（且只要一个）--file')]);
    expect((await run('import', 'plan', '--file', file, '--short-name', ' ')).code).toBe(2);
  });
});
