import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/main/cli';

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
