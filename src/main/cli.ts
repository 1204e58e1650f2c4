// Headless entry for clerks' IT staff and scripts: `npm run -s cli -- [--db FILE] <command>`.
// Results go to stdout, Chinese messages to stderr; the exit code is non-zero on every error.
import path from 'node:path';
import { appendixSchema, exportFormatSchema } from '../shared/api';
import { isAppError } from '../shared/errors';
import { createAppContext, type AppContext } from './context';
import { writeFileAtomic } from './files/atomic-write';
import { toErrorInfo } from './ipc/dispatch';
import { defaultDbFile, findResourcesDir } from './paths';
import { planToJson } from './services/plan-json';
import type { ExportFile } from './services/report-service';

const USAGE = `用法：npm run -s cli -- [--db 文件] <命令>

命令：
  plans [--json]                      列出数据库中的全部规划
  plan show <编号或简称> [--json]     显示一个规划的全部内容（指标、各年度值、十大行动、主要任务）
  export appendix --plan <编号或简称> --appendix 1|2|all --format xlsx|pdf --out 文件
                                      导出规划附件（附件1 主要目标指标、附件2 十大行动）
  export annual --plan <编号或简称> --year 年份 --format xlsx|pdf --out 文件
                                      导出年度完成情况表（主要指标评价、十大行动、主要任务）
  help                                显示本说明

--db 文件  指定数据库文件；文件不存在时新建，并装入内置的“十四五”规划。
           不指定时使用本机 PlanDesk 的数据库（${defaultDbFile()}）。`;

class UsageError extends Error {}

interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

const VALUE_OPTIONS = ['db', 'plan', 'appendix', 'year', 'format', 'out'] as const;
type ValueOption = (typeof VALUE_OPTIONS)[number];

interface Parsed {
  options: Partial<Record<ValueOption, string>>;
  json: boolean;
  words: string[];
}

function parseArgs(argv: string[]): Parsed {
  const parsed: Parsed = { options: {}, json: false, words: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const [flag, inline] =
      a.startsWith('--') && a.includes('=')
        ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]
        : [a, undefined];
    const name = flag.slice(2) as ValueOption;
    if (flag.startsWith('--') && VALUE_OPTIONS.includes(name)) {
      const v = inline ?? argv[++i];
      if (!v || (inline === undefined && v.startsWith('--'))) throw new UsageError(`${flag} 后面需要一个值。`);
      parsed.options[name] = v;
    } else if (a === '--json') parsed.json = true;
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
    const year = required(p, 'year');
    if (!/^\d{4}$/.test(year)) throw new UsageError('--year 应是四位数年份，例如 2022。');
    file = await ctx.services.reports.exportAnnual(plan, Number(year), formatOf(p));
  }
  const out = path.resolve(required(p, 'out'));
  writeFileAtomic(out, file.bytes);
  for (const w of file.warnings) io.err(`注意：${w}`);
  io.out(out);
}

async function runCommand(ctx: AppContext, p: Parsed, io: Io): Promise<void> {
  const [cmd, sub, ref, ...extra] = p.words;
  if (cmd === 'plans' && sub === undefined) {
    const plans = ctx.services.plans.list();
    if (p.json) return io.out(JSON.stringify(plans, null, 2));
    for (const x of plans) {
      io.out(`${x.id}\t${x.shortName}\t${x.firstYear}—${x.lastYear}\t${x.indicatorCount} 项指标\t${x.title}`);
    }
    return;
  }
  if (cmd === 'plan' && sub === 'show' && ref !== undefined && extra.length === 0) {
    const detail = ctx.services.plans.get(ref);
    if (p.json) return io.out(JSON.stringify(planToJson(detail), null, 2));
    io.out(`${detail.plan.title}（${detail.plan.firstYear}—${detail.plan.lastYear}年）`);
    for (const i of detail.indicators) {
      const values = i.values.map((v) => `${v.year}${v.kind === 'target' ? '目标' : '实际'}=${v.text}`).join('  ');
      io.out(`${i.seq}\t${i.printedName}\t${values}`);
    }
    return;
  }
  if (cmd === 'export' && (sub === 'appendix' || sub === 'annual') && ref === undefined)
    return exportFile(ctx, sub, p, io);
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
    ctx = createAppContext({
      dbFile: p.options.db ?? defaultDbFile(),
      resourcesDir: findResourcesDir(__dirname),
      actor: 'cli',
    });
    await runCommand(ctx, p, io);
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`错误：${e.message}\n\n${USAGE}`);
      return 2;
    }
    io.err(`错误：${isAppError(e) ? e.message : toErrorInfo(e, (m, err) => io.err(`${m}: ${String(err)}`)).message}`);
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
