// `npm run web -- [--db FILE] [--port N]`: the browser shell. The first stdout line is the URL to open.
import path from 'node:path';
import { isAppError } from '../../shared/errors';
import { createAppContext } from '../context';
import { openFailureOf } from '../db/connection';
import { recoverCommandHint } from '../db/recover';
import { defaultDbFile, findResourcesDir } from '../paths';
import { startWebServer } from './server';

function parse(argv: string[]): { db: string; port: number; renderer: string | undefined } {
  let db = defaultDbFile();
  let port = 0;
  let renderer: string | undefined;
  for (let i = 0; i < argv.length; i += 2) {
    const [a, v] = [argv[i], argv[i + 1]];
    if (a === '--db' && v) db = v;
    else if (a === '--port' && v && /^\d+$/.test(v) && Number(v) < 65536) port = Number(v);
    else if (a === '--renderer' && v) renderer = v;
    else throw new Error(`无法识别的参数：${a ?? ''}。用法：npm run web -- [--db 文件] [--port 端口]`);
  }
  return { db, port, renderer };
}

async function run(): Promise<void> {
  const args = parse(process.argv.slice(2));
  const resourcesDir = findResourcesDir(__dirname);
  const ctx = createAppContext({
    dbFile: args.db,
    resourcesDir,
    actor: 'web',
    program: 'PlanDesk 浏览器版',
    startupBackup: true,
    onWarning: (m) => process.stderr.write(`注意：${m}\n`),
  });
  const rendererDir = args.renderer ?? path.join(path.dirname(resourcesDir), 'out', 'renderer');
  const server = await startWebServer({ ctx, rendererDir, port: args.port });
  process.stdout.write(`${server.url}\n`);
  process.stderr.write(
    `PlanDesk 浏览器版已启动，数据库：${path.resolve(args.db)}\n请在浏览器中打开上面一行的地址。按 Ctrl+C 退出。\n`,
  );
  const stop = () => {
    void server.close().then(() => {
      ctx.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

run().catch((e: unknown) => {
  process.stderr.write(`错误：${isAppError(e) || e instanceof Error ? e.message : String(e)}\n`);
  // A damaged database: say exactly how to put the latest good backup in its place.
  const failure = openFailureOf(e);
  if (failure?.kind === 'damaged') process.stderr.write(`${recoverCommandHint(failure.file)}\n`);
  process.exit(1);
});
