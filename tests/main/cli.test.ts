import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/main/cli';
import { editWithOpenpyxl } from '../helpers/xlsx-edit';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plandesk-cli-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

interface PlanJson {
  plan: { shortName: string; docNumber: string; issueDate: string; issuers: string[]; targetYears: number[] };
  categories: { name: string }[];
  indicators: {
    seq: string;
    category: string;
    printedName: string;
    unit: string | null;
    values: Record<string, { target?: { text: string; number: number; decimals: number } }>;
  }[];
  actions: { seq: string; goal: string }[];
  tasks: { groupSeq: string; seq: string; text: string }[];
}

describe('command line', () => {
  it('creates a new database filled with the embedded plan and prints it as JSON', async () => {
    const db = path.join(dir, 'new.db');
    expect(fs.existsSync(db)).toBe(false);
    const r = await run('--db', db, 'plan', 'show', '十四五', '--json');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(fs.existsSync(db)).toBe(true);
    const j = JSON.parse(r.out) as PlanJson;
    expect(j.plan).toMatchObject({
      shortName: '十四五',
      docNumber: '磐发改〔2021〕48号',
      issueDate: '2021-12-07',
      targetYears: [2021, 2022, 2025],
    });
    expect(j.categories.map((c) => c.name)).toEqual([
      '主体活力',
      '创新创造',
      '质量提升',
      '市场消费',
      '竞争秩序',
      '安全监管',
    ]);
    expect(j.indicators).toHaveLength(20);
    expect(j.indicators[0]!.values['2021']!.target).toMatchObject({ text: '3.035', number: 3.035, decimals: 3 });
    expect(j.indicators[8]!.values['2022']!.target).toMatchObject({ text: '2', number: 2, decimals: 0 });
    expect(j.indicators[19]).toMatchObject({ seq: '20', unit: null, category: '安全监管' });
    expect(j.actions).toHaveLength(10);
    expect(j.tasks).toHaveLength(23);
  });

  it('lists plans, as text and as JSON', async () => {
    const db = path.join(dir, 'list.db');
    const text = await run('--db', db, 'plans');
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/^1\t十四五\t2021—2025\t20 项指标/);
    const json = await run('--db', db, 'plans', '--json');
    expect(JSON.parse(json.out)).toEqual([expect.objectContaining({ id: 1, shortName: '十四五', indicatorCount: 20 })]);
  });

  it('exports the appendices as xlsx and pdf files, printing where they went', async () => {
    const db = path.join(dir, 'export.db');
    const xlsx = path.join(dir, '附件.xlsx');
    const r = await run(
      '--db',
      db,
      'export',
      'appendix',
      '--plan',
      '十四五',
      '--appendix',
      'all',
      '--format',
      'xlsx',
      '--out',
      xlsx,
    );
    expect(r).toMatchObject({ code: 0, out: xlsx, err: '' });
    expect(fs.readFileSync(xlsx).subarray(0, 2).toString()).toBe('PK');
    const pdf = path.join(dir, 'a2.pdf');
    const p = await run(
      '--db',
      db,
      'export',
      'appendix',
      '--plan',
      '1',
      '--appendix',
      '2',
      '--format',
      'pdf',
      '--out',
      pdf,
    );
    expect(p.code).toBe(0);
    const text = spawnSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).stdout;
    expect(text).toContain('附件2');
    expect(text).not.toContain('附件1');
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it.each([
    [['plan', 'show', '十五五'], 1, '找不到规划'],
    [['plan', 'show'], 2, '无法识别的命令'],
    [['frobnicate'], 2, '无法识别的命令'],
    [[], 2, '缺少命令'],
    [['plans', '--colour'], 2, '不认识的选项'],
    [['--db'], 2, '--db 后面需要'],
    [
      ['export', 'appendix', '--plan', '十四五', '--appendix', '3', '--format', 'pdf', '--out', '/tmp/x.pdf'],
      2,
      '--appendix 只能是',
    ],
    [
      ['export', 'appendix', '--plan', '十四五', '--appendix', '1', '--format', 'docx', '--out', '/tmp/x.pdf'],
      2,
      '--format 只能是',
    ],
    [['export', 'appendix', '--plan', '十四五', '--appendix', '1', '--format', 'pdf'], 2, '缺少 --out'],
    [
      ['export', 'appendix', '--plan', '十五五', '--appendix', '1', '--format', 'pdf', '--out', '/tmp/x.pdf'],
      1,
      '找不到规划',
    ],
    [
      [
        'export',
        'appendix',
        '--plan',
        '十四五',
        '--appendix',
        '1',
        '--format',
        'xlsx',
        '--out',
        '/nonexistent-dir/x.xlsx',
      ],
      1,
      '文件夹不存在',
    ],
  ])('fails with a Chinese message and a non-zero code: %j', async (argv, code, message) => {
    const r = await run('--db', path.join(dir, 'errors.db'), ...argv);
    expect(r.code).toBe(code);
    expect(r.err).toContain(message);
    expect(r.out).toBe('');
  });

  it('refuses a file that is not a database without touching it', async () => {
    const bogus = path.join(dir, 'bogus.db');
    fs.writeFileSync(bogus, 'not a database at all, but a letter to the bureau'.repeat(50));
    const before = fs.readFileSync(bogus);
    const r = await run('--db', bogus, 'plans');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^错误：.*不是有效的 PlanDesk 数据库/);
    expect(fs.readFileSync(bogus).equals(before)).toBe(true);
  });

  it('runs as `npm run -s cli` with the exit code and streams a shell script sees', () => {
    const db = path.join(dir, 'spawned.db');
    const ok = spawnSync('npm', ['run', '-s', 'cli', '--', '--db', db, 'plans', '--json'], { encoding: 'utf8' });
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout)).toHaveLength(1);
    const bad = spawnSync('npm', ['run', '-s', 'cli', '--', '--db', db, 'plan', 'show', '不存在'], {
      encoding: 'utf8',
    });
    expect(bad.status).not.toBe(0);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toContain('找不到规划“不存在”');
    expect(bad.stderr).not.toMatch(/at .*\.ts:\d+/);
  });
});

describe('command line: a year of returned workbooks', () => {
  it('previews an import without writing, applies it with --apply, and reports a bad file with exit code 1', async () => {
    const db = path.join(dir, 'import.db');
    const annual = path.join(dir, 'annual.xlsx');
    expect(
      (
        await run(
          '--db',
          db,
          'export',
          'annual',
          '--plan',
          '十四五',
          '--year',
          '2022',
          '--format',
          'xlsx',
          '--out',
          annual,
        )
      ).code,
    ).toBe(0);
    const name = '在册市场主体总量（万户）';
    const filled = path.join(dir, '填好的.xlsx');
    editWithOpenpyxl(annual, filled, [{ sheet: '主要指标', row: name, column: '当年完成值', value: 3.05 }]);

    const preview = await run('--db', db, 'import', 'values', '--plan', '十四五', '--file', filled, '--json');
    expect(preview.code).toBe(0);
    const j = JSON.parse(preview.out) as { changes: { seq: string; after: string }[]; applied: unknown };
    expect(j.changes.map((c) => [c.seq, c.after])).toEqual([['1', '3.05']]);
    expect(j.applied).toBeNull();
    const show = async () =>
      (await run('--db', db, 'plan', 'show', '十四五')).out.split('\n').find((l) => l.startsWith('1\t'))!;
    expect(await show()).not.toContain('2022实际');

    const text = await run('--db', db, 'import', 'values', '--plan', '十四五', '--file', filled, '--apply');
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/2022年 1 在册市场主体总量：（空） → 3\.05/);
    expect(text.out).toMatch(/已写入 1 处修改/);
    expect(await show()).toContain('2022实际=3.05');
    const twice = await run('--db', db, 'import', 'values', '--plan', '十四五', '--file', filled, '--apply');
    expect(twice.out).toMatch(/已写入 0 处修改/);

    const bad = path.join(dir, '坏.xlsx');
    fs.writeFileSync(bad, 'not a workbook');
    const r = await run('--db', db, 'import', 'values', '--plan', '十四五', '--file', filled, '--file', bad);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/\[错误\] 坏\.xlsx：这是文本文件/);
    expect((await run('--db', db, 'import', 'values', '--plan', '十四五')).err).toMatch(/缺少 --file/);
    const missing = await run(
      '--db',
      db,
      'import',
      'values',
      '--plan',
      '十四五',
      '--file',
      path.join(dir, 'nope.xlsx'),
    );
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/无法读取文件/);
  });

  it('submits a year and prints the kept files’ SHA-256, then unlocks it with a reason', async () => {
    const db = path.join(dir, 'submit.db');
    const r = await run('--db', db, 'year', 'submit', '--plan', '十四五', '--year', '2022');
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines).toHaveLength(2);
    for (const l of lines) expect(l).toMatch(/^[0-9a-f]{64} {2}十四五_2022年度完成情况表_\d{8}\.(xlsx|pdf)$/);
    expect((await run('--db', db, 'year', 'submit', '--plan', '十四五', '--year', '2022')).err).toMatch(/已报送/);
    expect((await run('--db', db, 'year', 'unlock', '--plan', '十四五', '--year', '2022')).err).toMatch(
      /缺少 --reason/,
    );
    const u = await run('--db', db, 'year', 'unlock', '--plan', '十四五', '--year', '2022', '--reason', '数据更正');
    expect(u.out).toBe('2022 年已解锁。');
  });

  it('writes one collection workbook per 科室 with --department all, and names the choices for an unknown one', async () => {
    const db = path.join(dir, 'collect.db');
    expect(
      (
        await run(
          '--db',
          db,
          'export',
          'collection',
          '--plan',
          '十四五',
          '--year',
          '2022',
          '--department',
          'all',
          '--out',
          dir,
        )
      ).err,
    ).toMatch(/还没有任何指标指定了责任科室/);
    expect(
      (
        await run(
          '--db',
          db,
          'export',
          'collection',
          '--plan',
          '十四五',
          '--year',
          '2022',
          '--department',
          '登记科',
          '--out',
          dir,
        )
      ).err,
    ).toMatch(/找不到科室“登记科”/);
  });
});
