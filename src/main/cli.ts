// Headless entry for clerks' IT staff and scripts: `npm run -s cli -- [--db FILE] <command>`.
// Results go to stdout, Chinese messages to stderr; the exit code is non-zero on every error.
import { isAppError } from '../shared/errors';
import { createAppContext, type AppContext } from './context';
import { toErrorInfo } from './ipc/dispatch';
import { defaultDbFile, findResourcesDir } from './paths';
import { planToJson } from './services/plan-json';

const USAGE = `用法：npm run -s cli -- [--db 文件] <命令>

命令：
  plans [--json]                      列出数据库中的全部规划
  plan show <编号或简称> [--json]     显示一个规划的全部内容（指标、各年度值、十大行动、主要任务）
  help                                显示本说明

--db 文件  指定数据库文件；文件不存在时新建，并装入内置的“十四五”规划。
           不指定时使用本机 PlanDesk 的数据库（${defaultDbFile()}）。`;

class UsageError extends Error {}

interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

interface Parsed {
  db: string | undefined;
  json: boolean;
  words: string[];
}

function parseArgs(argv: string[]): Parsed {
  const parsed: Parsed = { db: undefined, json: false, words: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--db') {
      const v = argv[++i];
      if (!v || v.startsWith('--')) throw new UsageError('--db 后面需要一个数据库文件路径。');
      parsed.db = v;
    } else if (a.startsWith('--db=')) parsed.db = a.slice(5);
    else if (a === '--json') parsed.json = true;
    else if (a === '--help' || a === '-h') parsed.words.unshift('help');
    else if (a.startsWith('--')) throw new UsageError(`不认识的选项：${a}`);
    else parsed.words.push(a);
  }
  return parsed;
}

function runCommand(ctx: AppContext, p: Parsed, io: Io): void {
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
  throw new UsageError(cmd ? `无法识别的命令：${p.words.join(' ')}` : '缺少命令。');
}

export function main(argv: string[], io: Io = { out: console.log, err: console.error }): number {
  let ctx: AppContext | undefined;
  try {
    const p = parseArgs(argv);
    if (p.words[0] === 'help') {
      io.out(USAGE);
      return 0;
    }
    if (p.words.length === 0) throw new UsageError('缺少命令。');
    ctx = createAppContext({
      dbFile: p.db ?? defaultDbFile(),
      resourcesDir: findResourcesDir(__dirname),
      actor: 'cli',
    });
    runCommand(ctx, p, io);
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
  process.exitCode = main(process.argv.slice(2));
}
