// Shell-independent call path: channel check, zod validation, handler, error envelope.
// Electron IPC, the HTTP bridge and tests all go through dispatch().
import { z } from 'zod';
import { contract, isChannel, type Args, type Channel, type Result } from '../../shared/api';
import { AppError, isAppError, type IpcResult } from '../../shared/errors';
import type { AppContext } from '../context';

z.config(z.locales.zhCN());

export type Handler<C extends Channel> = (args: Args<C>, ctx: AppContext) => Result<C> | Promise<Result<C>>;
export type HandlerTable = { [C in Channel]: Handler<C> };

export type Logger = (message: string, error?: unknown) => void;
const defaultLogger: Logger = (message, error) => console.error(`[plandesk] ${message}`, error ?? '');

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => (i.path.length ? `${i.path.join('.')}：${i.message}` : i.message))
    .join('；');
}

/** Maps any thrown value to a Chinese message for the clerk; unexpected errors are logged, not shown. */
export function toErrorInfo(e: unknown, log: Logger = defaultLogger) {
  if (isAppError(e)) return e.toInfo();
  if (e instanceof Error && /SQLITE_(BUSY|LOCKED)/.test((e as Error & { code?: string }).code ?? '')) {
    return { code: 'DB_ERROR' as const, message: '数据库正被其他程序占用，请稍后重试。' };
  }
  log('unexpected error', e);
  return { code: 'INTERNAL' as const, message: '程序内部错误，操作未完成，数据未被修改。详情已写入日志。' };
}

/**
 * Arguments must be plain data, as JSON carries it: Electron's structured clone could also deliver a Date, Map, Set,
 * RegExp or Error, which zod would read as an empty object. A U+0000 anywhere is refused too: SQLite's text
 * functions stop at it, so a name "\u0000科室" would pass zod's trim() yet be blank in the database.
 */
function impurity(v: unknown, depth = 0): string | null {
  if (depth > 64) return '嵌套层数过多。';
  if (typeof v === 'string') return v.includes('\u0000') ? '文本中含有不可见的控制字符（NUL），请删除后重试。' : null;
  if (v === null || typeof v !== 'object') return null;
  if (Array.isArray(v)) {
    for (const x of v) {
      const r = impurity(x, depth + 1);
      if (r) return r;
    }
    return null;
  }
  const proto = Object.getPrototypeOf(v) as unknown;
  if (proto !== Object.prototype && proto !== null) return '只接受普通数据（对象、数组、文本、数字）。';
  for (const x of Object.values(v)) {
    const r = impurity(x, depth + 1);
    if (r) return r;
  }
  return null;
}

export async function dispatch(
  table: HandlerTable,
  ctx: AppContext,
  channel: unknown,
  rawArgs: unknown,
  log: Logger = defaultLogger,
): Promise<IpcResult<unknown>> {
  if (!isChannel(channel)) {
    return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: `未知的调用：${String(channel).slice(0, 80)}` } };
  }
  const impure = impurity(rawArgs ?? {});
  if (impure) {
    return { ok: false, error: new AppError('VALIDATION', `参数无效（${channel}）：${impure}`).toInfo() };
  }
  const parsed = contract[channel].args.safeParse(rawArgs ?? {});
  if (!parsed.success) {
    const message = `参数无效（${channel}）：${describeIssues(parsed.error)}`;
    const details = parsed.error.issues.slice(0, 5).map((i) => ({ path: i.path.map(String), message: i.message }));
    return { ok: false, error: new AppError('VALIDATION', message, details).toInfo() };
  }
  try {
    const handler = table[channel] as (args: unknown, ctx: AppContext) => unknown;
    return { ok: true, data: await handler(parsed.data, ctx) };
  } catch (e) {
    return { ok: false, error: toErrorInfo(e, log) };
  }
}
