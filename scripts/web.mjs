// `npm run web -- [--db FILE] [--port N]`: builds if needed, then serves the app to a browser on 127.0.0.1.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { ensureBuilt, root } from './lib.mjs';

ensureBuilt();
const child = spawn(process.execPath, [path.join(root, 'out', 'main', 'web.js'), ...process.argv.slice(2)], {
  stdio: 'inherit',
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 1));
