// Files (issue 7, item 4) through the command line as a program: every `export … --out` goes through writeFileAtomic
// (temporary file beside the target, fsync, rename), so a full disk, a read-only folder or a file held by another
// program ends with a Chinese message, exit code 1 and no half-written file — and an existing file is left as it was.
// Real failures from small tmpfs mounts (CI runs as root, as tests/main/atomic-write.test.ts); a file "held by Excel"
// is a bind mount over the target, which Linux refuses to rename over (EBUSY), the nearest thing to a Windows
// sharing lock.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppContext } from '../../src/main/context';
import type { Indicator } from '../../src/shared/model';

const ROOT = path.resolve(__dirname, '../..');
const RESOURCES = path.join(ROOT, 'resources');
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'plandesk-export-files-'));
const dbFile = path.join(root, 'plan.db');
const full = path.join(root, 'full');
const readonly = path.join(root, 'readonly');
const held = path.join(root, 'held');
const mounts: string[] = [];

function mount(args: string[], at: string): void {
  execFileSync('mount', [...args, at]);
  mounts.unshift(at);
}

/** `npm run -s cli -- …` as a process of its own: its real exit code and output. */
function cli(...argv: string[]) {
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', path.join(ROOT, 'src/main/cli.ts'), '--db', dbFile, ...argv],
    {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 60_000,
    },
  );
  return { code: r.status, out: r.stdout.trim(), err: r.stderr.trim() };
}

const definitionOf = (i: Indicator) => ({
  id: i.id,
  categoryId: i.categoryId,
  name: i.name,
  unit: i.unit,
  nature: i.nature,
  direction: i.direction,
  targetKind: i.targetKind,
  base: i.base ? { text: i.base.text, year: i.base.year, source: i.base.source } : null,
  departmentId: i.departmentId,
  dataSource: i.dataSource,
  remark: i.remark,
});

const leftovers = (dir: string) => fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'));

/** Fills the small disk until only `free` bytes (rounded to pages) remain. */
function fillTo(dir: string, free: number): void {
  const filler = path.join(dir, 'filler');
  fs.rmSync(filler, { force: true });
  const s = fs.statfsSync(dir);
  const avail = s.bavail * s.bsize;
  fs.writeFileSync(filler, Buffer.alloc(Math.max(0, avail - free)));
}

async function wholeWorkbook(file: string): Promise<number> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(fs.readFileSync(file) as unknown as ExcelJS.Buffer);
  return wb.worksheets.length;
}

beforeAll(() => {
  // The plan with three 科室 each responsible for some indicators (for 科室填报表).
  const ctx = createAppContext({ dbFile, resourcesDir: RESOURCES, actor: 'setup' });
  const plan = ctx.services.plans.get('十四五');
  const depts = ['登记注册科', '质量发展科', '市场监管科'].map((name) =>
    ctx.services.work.saveDepartment({ name }, 'setup'),
  );
  plan.indicators.forEach((ind, i) =>
    ctx.services.structure.saveIndicator(
      plan.plan.id,
      { ...definitionOf(ind), departmentId: depts[i % 3]!.id },
      'setup',
    ),
  );
  ctx.close();
  for (const d of [full, readonly, held]) fs.mkdirSync(d);
  mount(['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs'], full);
  mount(['-t', 'tmpfs', '-o', 'size=64k,ro', 'tmpfs'], readonly);
});

afterAll(() => {
  for (const m of mounts) spawnSync('umount', [m]);
  fs.rmSync(root, { recursive: true, force: true });
});

const APPENDIX = ['export', 'appendix', '--plan', '十四五', '--appendix', 'all', '--format', 'xlsx'];
const ANNUAL = ['export', 'annual', '--plan', '十四五', '--year', '2022', '--format'];
const COLLECTION = ['export', 'collection', '--plan', '十四五', '--year', '2022', '--department', '登记注册科'];
/** The PDF (large, slow to render) where size matters: on the full disk. */
const ON_FULL_DISK: [string, string[]][] = [
  ['附件 xlsx', APPENDIX],
  ['年度完成情况表 pdf', [...ANNUAL, 'pdf']],
  ['科室填报表', COLLECTION],
];
const EXPORTS: [string, string[]][] = [
  ['附件 xlsx', APPENDIX],
  ['年度完成情况表 xlsx', [...ANNUAL, 'xlsx']],
  ['科室填报表', COLLECTION],
];

describe('exports from the command line', () => {
  it('write the whole file and leave no temporary file', async () => {
    const out = path.join(root, '2022年度完成情况.xlsx');
    const r = cli('export', 'annual', '--plan', '十四五', '--year', '2022', '--format', 'xlsx', '--out', out);
    expect(r).toMatchObject({ code: 0, out });
    expect(await wholeWorkbook(out)).toBe(3);
    expect(leftovers(root)).toEqual([]);
  });

  it.each(ON_FULL_DISK)(
    '%s on a full disk: Chinese message, exit 1, the previous file kept, nothing left',
    (_, args) => {
      const out = path.join(full, '报表');
      fs.writeFileSync(out, 'previous version');
      fillTo(full, 4096);
      const r = cli(...args, '--out', out);
      expect(r.code).toBe(1);
      expect(r.out).toBe('');
      expect(r.err).toMatch(/^错误：无法写入“.*”：磁盘空间不足/);
      expect(fs.readFileSync(out, 'utf8')).toBe('previous version');
      expect(fs.readdirSync(full).sort()).toEqual(['filler', '报表']);
    },
  );

  it.each(EXPORTS)('%s into a read-only folder: Chinese message, exit 1, nothing written', (_, args) => {
    const r = cli(...args, '--out', path.join(readonly, '报表'));
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/^错误：无法写入“.*”：所在文件夹是只读的/);
    expect(fs.readdirSync(readonly)).toEqual([]);
  });

  it.each(EXPORTS)('%s over a file another program holds: Chinese message, exit 1, the file untouched', (_, args) => {
    const out = path.join(held, '报表.xlsx');
    const source = path.join(root, 'held-source');
    fs.writeFileSync(out, '');
    fs.writeFileSync(source, 'open in WPS');
    mount(['--bind', source], out);
    try {
      const r = cli(...args, '--out', out);
      expect(r.code).toBe(1);
      expect(r.err).toMatch(/^错误：无法写入“.*”：文件可能正被 Excel、WPS 或其他程序打开/);
      expect(fs.readFileSync(out, 'utf8')).toBe('open in WPS');
      expect(leftovers(held)).toEqual([]);
    } finally {
      execFileSync('umount', [out]);
      mounts.shift();
    }
  });

  it('says when the folder does not exist', () => {
    const r = cli(...APPENDIX, '--out', path.join(root, '没有这个文件夹', 'a.xlsx'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^错误：无法写入“.*”：所在文件夹不存在/);
  });

  it('every 科室填报表 into a folder that fills up: the ones written are whole, the rest absent', async () => {
    const dir = path.join(full, '填报表');
    fs.rmSync(path.join(full, '报表'), { force: true });
    fs.rmSync(path.join(full, 'filler'), { force: true });
    fs.mkdirSync(dir, { recursive: true });
    // Room for one workbook, not for three.
    const one = path.join(root, 'one.xlsx');
    expect(cli(...COLLECTION, '--out', one).code).toBe(0);
    fillTo(full, fs.statSync(one).size + 4096);
    const r = cli('export', 'collection', '--plan', '十四五', '--year', '2022', '--department', 'all', '--out', dir);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^错误：无法写入“.*”：磁盘空间不足/);
    const written = fs.readdirSync(dir);
    expect(leftovers(dir)).toEqual([]);
    expect(written.length).toBeLessThan(3);
    // What stdout named was written whole; nothing else is there.
    expect(
      r.out
        .split('\n')
        .filter(Boolean)
        .map((f) => path.basename(f)),
    ).toEqual(written);
    for (const f of written) expect(await wholeWorkbook(path.join(dir, f))).toBeGreaterThan(0);
  });
});

describe('backups into a folder that cannot take them', () => {
  // `backup create` writes with VACUUM INTO a temporary name and renames (db/backup.ts), not with writeFileAtomic.
  it.each([
    ['full', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs']],
    ['read-only', ['-t', 'tmpfs', '-o', 'size=64k,ro', 'tmpfs']],
  ])('%s: exit 1 with a Chinese message, no partial backup, the database unharmed', (_, args) => {
    const backups = path.join(root, 'backups');
    fs.mkdirSync(backups, { recursive: true });
    mount(args, backups);
    try {
      const r = cli('backup', 'create');
      expect(r.code).toBe(1);
      expect(r.out).toBe('');
      // A Chinese line, though not yet one that says why (see the report of issue 7, item 4).
      expect(r.err).toMatch(/^错误：/m);
      expect(fs.readdirSync(backups)).toEqual([]);
      expect(cli('plans').code).toBe(0);
    } finally {
      execFileSync('umount', [backups]);
      mounts.shift();
    }
  });
});
