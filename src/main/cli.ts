// Headless entry for clerks' IT staff and scripts: `npm run -s cli -- [--db FILE] <command>`.
// Results go to stdout, Chinese messages to stderr; the exit code is non-zero on every error.
import fs from 'node:fs';
import path from 'node:path';
import { appendixSchema, exportFormatSchema } from '../shared/api';
import { AppError, isAppError } from '../shared/errors';
import { createAppContext, type AppContext } from './context';
import { writeFileAtomic } from './files/atomic-write';
import { toErrorInfo } from './ipc/dispatch';
import { defaultDbFile, findResourcesDir } from './paths';
import { planToJson } from './services/plan-json';
import type { ExportFile } from './services/report-service';
import { describePreview } from './import/describe-preview';
import { describePlanPreview } from './import/plan-describe';
import { planImportArgsSchema } from '../shared/plan-import';
import { buildCollectionWorkbook } from './services/reports/collection';
import { DEFAULT_BACKUP_KEEP, type BackupEntry, type RestoreSource } from '../shared/backup';
import { backupsDirOf, latestGoodBackup, listBackups } from './db/backup';
import { openFailureOf } from './db/connection';
import { LATEST_VERSION } from './db/migrations';
import { recoverCommandHint, replaceUnopenableDatabase } from './db/recover';
import { describeBackupEntry, describeRestorePreview, previewCandidate } from './services/backup-service';

const USAGE = `用法：npm run -s cli -- [--db 文件] <命令>

命令：
  plans [--json]                      列出数据库中的全部规划
  plan show <编号或简称> [--json]     显示一个规划的全部内容（指标、各年度值、十大行动、主要任务）
  export appendix --plan <编号或简称> --appendix 1|2|all --format xlsx|pdf --out 文件
                                      导出规划附件（附件1 主要目标指标、附件2 十大行动）
  export annual --plan <编号或简称> --year 年份 --format xlsx|pdf --out 文件
                                      导出年度完成情况表（主要指标评价、十大行动、主要任务）
  export collection --plan <编号或简称> --year 年份 --department <科室名称或编号|all> --out 文件或目录
                                      导出科室填报表（all：每个有指标的科室一份，写入 --out 目录）
  import values --plan <编号或简称> --file 文件 [--file 文件2 …] [--apply] [--json]
                                      预览填报表/报送表中的完成值；加 --apply 才写入数据库
  import plan --file 文件 [--apply] [--json] [--short-name 简称] [--title 规划名称]
                                      从规划附件式的主要指标表导入一个新规划：先显示预览；
                                      加 --apply 才创建，并输出新规划的编号
  year submit --plan <编号或简称> --year 年份
                                      报送：保存年度 Excel 和 PDF 及其 SHA-256，锁定该年完成值
  year unlock --plan <编号或简称> --year 年份 --reason 理由
                                      解锁已报送的年度（理由记入修改记录）
  backup list [--json]                列出数据库旁 backups 文件夹中的自动备份（时间、大小、原因）
  backup create                       立即备份一次（写入 backups 文件夹）
  backup restore --file 文件 [--apply] [--json]
  backup restore --latest [--apply] [--json]
                                      预览备份文件（或最近一次完好的自动备份）中的数据；加 --apply 才恢复：
                                      先备份当前数据，再用备份替换。数据库损坏无法打开时也可使用，
                                      损坏的文件移到 backups/damaged 文件夹保留
  help                                显示本说明

--db 文件  指定数据库文件；文件不存在时新建，并装入内置的“十四五”规划。
           不指定时使用本机 PlanDesk 的数据库（${defaultDbFile()}）。`;

class UsageError extends Error {}

interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

const VALUE_OPTIONS = [
  'db',
  'plan',
  'appendix',
  'year',
  'format',
  'out',
  'department',
  'reason',
  'short-name',
  'title',
] as const;
type ValueOption = (typeof VALUE_OPTIONS)[number];

interface Parsed {
  options: Partial<Record<ValueOption, string>>;
  files: string[];
  json: boolean;
  apply: boolean;
  latest: boolean;
  words: string[];
}

function parseArgs(argv: string[]): Parsed {
  const parsed: Parsed = { options: {}, files: [], json: false, apply: false, latest: false, words: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const [flag, inline] =
      a.startsWith('--') && a.includes('=')
        ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]
        : [a, undefined];
    const name = flag.slice(2) as ValueOption;
    if (flag === '--file') {
      const v = inline ?? argv[++i];
      if (!v || (inline === undefined && v.startsWith('--'))) throw new UsageError('--file 后面需要一个文件名。');
      parsed.files.push(v);
    } else if (flag.startsWith('--') && VALUE_OPTIONS.includes(name)) {
      const v = inline ?? argv[++i];
      if (!v || (inline === undefined && v.startsWith('--'))) throw new UsageError(`${flag} 后面需要一个值。`);
      parsed.options[name] = v;
    } else if (a === '--json') parsed.json = true;
    else if (a === '--apply') parsed.apply = true;
    else if (a === '--latest') parsed.latest = true;
    else if (a === '--help' || a === '-h') parsed.words.unshift('help');
    else if (a.startsWith('--')) throw new UsageError(`不认识的选项：${a}`);
    else parsed.words.push(a);
  }
  return parsed;
}

function required(p: Parsed, name: ValueOption): string {
  const v = p.options[name];
  if (v === undefined) throw new UsageError(`缺少 --${name}。`);
  return v;
}

function formatOf(p: Parsed): 'xlsx' | 'pdf' {
  const format = exportFormatSchema.safeParse(required(p, 'format'));
  if (!format.success) throw new UsageError('--format 只能是 xlsx 或 pdf。');
  return format.data;
}

async function exportFile(ctx: AppContext, what: 'appendix' | 'annual', p: Parsed, io: Io): Promise<void> {
  const plan = required(p, 'plan');
  let file: ExportFile;
  if (what === 'appendix') {
    const appendix = appendixSchema.safeParse(required(p, 'appendix'));
    if (!appendix.success) throw new UsageError('--appendix 只能是 1、2 或 all。');
    file = await ctx.services.reports.exportAppendix(plan, appendix.data, formatOf(p));
  } else {
    file = await ctx.services.reports.exportAnnual(plan, yearOf(p), formatOf(p));
  }
  const out = path.resolve(required(p, 'out'));
  writeFileAtomic(out, file.bytes);
  for (const w of file.warnings) io.err(`注意：${w}`);
  io.out(out);
}

function yearOf(p: Parsed): number {
  const year = required(p, 'year');
  if (!/^\d{4}$/.test(year)) throw new UsageError('--year 应是四位数年份，例如 2022。');
  return Number(year);
}

async function exportCollection(ctx: AppContext, p: Parsed, io: Io): Promise<void> {
  const detail = ctx.services.plans.get(required(p, 'plan'));
  const year = yearOf(p);
  const which = required(p, 'department').trim();
  const out = path.resolve(required(p, 'out'));
  const now = new Date(ctx.clock.now());
  if (which === 'all') {
    const withIndicators = detail.departments.filter((d) => detail.indicators.some((i) => i.departmentId === d.id));
    if (withIndicators.length === 0) throw new UsageError('还没有任何指标指定了责任科室，无法生成科室填报表。');
    for (const d of withIndicators) {
      const file = await buildCollectionWorkbook(detail, year, d.id, now);
      const target = path.join(out, file.fileName);
      writeFileAtomic(target, file.bytes);
      io.out(target);
    }
    return;
  }
  const dept = detail.departments.find((d) => d.name === which || String(d.id) === which);
  if (!dept) {
    throw new UsageError(`找不到科室“${which}”。可选：${detail.departments.map((d) => d.name).join('、') || '（无）'}`);
  }
  const file = await buildCollectionWorkbook(detail, year, dept.id, now);
  writeFileAtomic(out, file.bytes);
  io.out(out);
}

/** Exit code 1 when a file had errors or files conflicted (what could be imported still was, with --apply). */
async function importValues(ctx: AppContext, p: Parsed, io: Io): Promise<number> {
  const planId = ctx.services.plans.get(required(p, 'plan')).plan.id;
  if (p.files.length === 0) throw new UsageError('缺少 --file（可以给多个）。');
  const files = p.files.map((f) => {
    try {
      return { name: path.basename(f), bytes: new Uint8Array(fs.readFileSync(f)) };
    } catch {
      throw new AppError('FILE_ERROR', `无法读取文件：${f}`);
    }
  });
  const preview = await ctx.services.imports.preview(planId, files);
  const applied = p.apply ? await ctx.services.imports.apply(planId, files, preview.token, ctx.actor) : null;
  if (p.json) {
    io.out(JSON.stringify({ ...preview, applied }, null, 2));
  } else {
    for (const line of describePreview(preview)) io.out(line);
    io.out(
      applied
        ? `已写入 ${applied.applied} 处修改。`
        : preview.changes.length > 0
          ? `共 ${preview.changes.length} 处修改，尚未写入（加 --apply 写入）。`
          : '没有需要写入的修改。',
    );
  }
  return preview.problems.some((x) => x.severity === 'error') || preview.conflicts.length > 0 ? 1 : 0;
}

/** Exit code 1 when the preview has errors (then nothing is created, with or without --apply). */
async function importPlan(ctx: AppContext, p: Parsed, io: Io): Promise<number> {
  if (p.files.length !== 1) throw new UsageError('import plan 需要一个（且只要一个）--file。');
  const f = p.files[0]!;
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(fs.readFileSync(f));
  } catch {
    throw new AppError('FILE_ERROR', `无法读取文件：${f}`);
  }
  const option = (name: 'short-name' | 'title', key: 'shortName' | 'title') => {
    const v = p.options[name];
    if (v === undefined) return {};
    const ok = planImportArgsSchema.shape[key].safeParse(v);
    if (!ok.success) throw new UsageError(`--${name} 不能为空，且不超过 ${key === 'shortName' ? 20 : 200} 个字。`);
    return { [key]: ok.data };
  };
  const input = { name: path.basename(f), bytes, ...option('short-name', 'shortName'), ...option('title', 'title') };
  const preview = await ctx.services.planImport.preview(input);
  const errors = preview.problems.filter((x) => x.severity === 'error').length;
  const created = p.apply && errors === 0 ? await ctx.services.planImport.apply(input, preview.token, ctx.actor) : null;
  if (p.json) {
    io.out(JSON.stringify({ ...preview, planId: created?.id ?? null }, null, 2));
  } else {
    for (const line of describePlanPreview(preview)) io.out(line);
    if (created) io.out(`已创建规划“${created.shortName}”，编号 ${created.id}`);
    else if (errors === 0) io.out('尚未创建（加 --apply 创建）。');
  }
  if (errors > 0) {
    io.err(`错误：预览中有 ${errors} 处错误，规划${p.apply ? '未创建' : '不能导入'}。请改正后重新导入。`);
    return 1;
  }
  return 0;
}

const CLI_PROGRAM = 'PlanDesk 命令行';

/**
 * `backup …` opens the database itself: listing and restoring must work when it is damaged (a restore then puts the
 * backup in place of the damaged file, which is kept in backups/damaged).
 */
async function backupCommand(p: Parsed, io: Io): Promise<number> {
  const dbFile = path.resolve(p.options.db ?? defaultDbFile());
  const [, sub, ...extra] = p.words;
  if (extra.length > 0 || (sub !== 'list' && sub !== 'create' && sub !== 'restore')) {
    throw new UsageError(`无法识别的命令：${p.words.join(' ')}`);
  }
  const open = () =>
    createAppContext({ dbFile, resourcesDir: findResourcesDir(__dirname), actor: 'cli', program: CLI_PROGRAM });
  const damagedOnly = (e: unknown) => {
    if (openFailureOf(e)?.kind !== 'damaged') throw e;
    return e as AppError;
  };
  let ctx: AppContext | undefined;
  try {
    if (sub === 'list') {
      let entries: BackupEntry[];
      try {
        ctx = open();
        entries = ctx.services.backups.list();
      } catch (e) {
        // The files can be listed while the app holds the database, or when it is damaged.
        const kind = openFailureOf(e)?.kind;
        if (kind !== 'damaged' && kind !== 'locked') throw e;
        io.err(`注意：${(e as Error).message.split('\n')[0]}`);
        entries = listBackups(dbFile, DEFAULT_BACKUP_KEEP, new Date());
      }
      if (p.json) io.out(JSON.stringify(entries, null, 2));
      else if (entries.length === 0) io.out(`${backupsDirOf(dbFile)} 中还没有备份。`);
      else entries.forEach((e) => io.out(describeBackupEntry(e)));
      return 0;
    }
    if (sub === 'create') {
      ctx = open();
      const made = ctx.services.backups.create('manual');
      if (made) io.out(made.path);
      return 0;
    }
    if (p.latest === (p.files.length === 1) || p.files.length > 1) {
      throw new UsageError('backup restore 需要 --file 文件 或 --latest（二者选一）。');
    }
    let damaged: AppError | null = null;
    try {
      ctx = open();
    } catch (e) {
      damaged = damagedOnly(e);
    }
    let candidate: { name: string; file: string };
    if (p.latest) {
      const latest = latestGoodBackup(dbFile, LATEST_VERSION, new Date());
      if (!latest) throw new AppError('NOT_FOUND', `在 ${backupsDirOf(dbFile)} 中没有找到可用的备份。`);
      candidate = { name: latest.fileName, file: latest.path };
    } else {
      candidate = { name: path.basename(p.files[0]!), file: path.resolve(p.files[0]!) };
    }
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(fs.readFileSync(candidate.file));
    } catch {
      throw new AppError('FILE_ERROR', `无法读取文件：${candidate.file}`);
    }
    const source: RestoreSource = p.latest
      ? { backup: candidate.name }
      : { file: { name: candidate.name, bytesBase64: Buffer.from(bytes).toString('base64') } };
    const preview = ctx
      ? ctx.services.backups.preview(source)
      : previewCandidate({ name: candidate.name, bytes }, null, path.dirname(dbFile));
    if (!p.json) {
      if (damaged) io.err(`注意：${damaged.message.split('\n')[0]}`);
      describeRestorePreview(preview).forEach((l) => io.out(l));
    }
    if (!p.apply) {
      if (p.json) io.out(JSON.stringify({ preview, restored: null }, null, 2));
      else io.out('尚未恢复（加 --apply 恢复）。');
      return 0;
    }
    let restored: { safetyBackup: string | null; damagedKeptAt: string[] };
    if (ctx) {
      const r = ctx.services.backups.restore(source, preview.token, ctx.actor);
      restored = { safetyBackup: r.safetyBackup, damagedKeptAt: [] };
    } else {
      const r = replaceUnopenableDatabase(dbFile, candidate.file, new Date());
      ctx = open();
      ctx.services.backups.recordRecovery(r, ctx.actor);
      restored = { safetyBackup: null, damagedKeptAt: r.damagedKeptAt };
    }
    if (p.json) {
      io.out(JSON.stringify({ preview, restored }, null, 2));
    } else {
      io.out(`已从“${candidate.name}”恢复数据库：${dbFile}`);
      if (restored.safetyBackup) io.out(`恢复前的数据已备份到：${restored.safetyBackup}`);
      for (const f of restored.damagedKeptAt) io.out(`损坏的文件已保留在：${f}`);
    }
    return 0;
  } finally {
    ctx?.close();
  }
}

async function runCommand(ctx: AppContext, p: Parsed, io: Io): Promise<number | void> {
  const [cmd, sub, ref, ...extra] = p.words;
  if (cmd === 'plans' && sub === undefined) {
    const plans = ctx.services.plans.list();
    if (p.json) return void io.out(JSON.stringify(plans, null, 2));
    for (const x of plans) {
      io.out(`${x.id}\t${x.shortName}\t${x.firstYear}—${x.lastYear}\t${x.indicatorCount} 项指标\t${x.title}`);
    }
    return;
  }
  if (cmd === 'plan' && sub === 'show' && ref !== undefined && extra.length === 0) {
    const detail = ctx.services.plans.get(ref);
    if (p.json) return void io.out(JSON.stringify(planToJson(detail), null, 2));
    io.out(`${detail.plan.title}（${detail.plan.firstYear}—${detail.plan.lastYear}年）`);
    for (const i of detail.indicators) {
      const values = i.values.map((v) => `${v.year}${v.kind === 'target' ? '目标' : '实际'}=${v.text}`).join('  ');
      io.out(`${i.seq}\t${i.printedName}\t${values}`);
    }
    return;
  }
  if (cmd === 'export' && (sub === 'appendix' || sub === 'annual') && ref === undefined)
    return exportFile(ctx, sub, p, io);
  if (cmd === 'export' && sub === 'collection' && ref === undefined) return exportCollection(ctx, p, io);
  if (cmd === 'import' && sub === 'values' && ref === undefined) return importValues(ctx, p, io);
  if (cmd === 'import' && sub === 'plan' && ref === undefined) return importPlan(ctx, p, io);
  if (cmd === 'year' && (sub === 'submit' || sub === 'unlock') && ref === undefined) {
    const planId = ctx.services.plans.get(required(p, 'plan')).plan.id;
    const year = yearOf(p);
    if (sub === 'unlock') {
      ctx.services.submissions.unlock(planId, year, required(p, 'reason'), ctx.actor);
      return void io.out(`${year} 年已解锁。`);
    }
    const s = await ctx.services.submissions.submit(planId, year, ctx.actor);
    if (p.json) return void io.out(JSON.stringify(s, null, 2));
    for (const f of s.files) io.out(`${f.sha256}  ${f.fileName}`);
    return;
  }
  throw new UsageError(cmd ? `无法识别的命令：${p.words.join(' ')}` : '缺少命令。');
}

export async function main(argv: string[], io: Io = { out: console.log, err: console.error }): Promise<number> {
  let ctx: AppContext | undefined;
  try {
    const p = parseArgs(argv);
    if (p.words[0] === 'help') {
      io.out(USAGE);
      return 0;
    }
    if (p.words.length === 0) throw new UsageError('缺少命令。');
    if (p.words[0] === 'backup') return await backupCommand(p, io);
    ctx = createAppContext({
      dbFile: p.options.db ?? defaultDbFile(),
      resourcesDir: findResourcesDir(__dirname),
      actor: 'cli',
      program: CLI_PROGRAM,
    });
    return (await runCommand(ctx, p, io)) ?? 0;
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`错误：${e.message}\n\n${USAGE}`);
      return 2;
    }
    io.err(`错误：${isAppError(e) ? e.message : toErrorInfo(e, (m, err) => io.err(`${m}: ${String(err)}`)).message}`);
    const failure = openFailureOf(e);
    if (failure?.kind === 'damaged') io.err(recoverCommandHint(failure.file));
    return 1;
  } finally {
    ctx?.close();
  }
}

if (require.main === module) {
  // `plan show … | head` closes the pipe early; that is not an error for the user.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
  void main(process.argv.slice(2)).then((code) => (process.exitCode = code));
}
