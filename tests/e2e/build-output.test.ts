// The built shells keep the layering: the sandboxed preload needs nothing but electron, the CLI and browser shell
// run without Electron, and the page's CSP forbids inline script. `npm test` builds before it runs.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const out = path.resolve(__dirname, '../../out');
const read = (p: string) => {
  const file = path.join(out, p);
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: run npm run build first`);
  return fs.readFileSync(file, 'utf8');
};
const requires = (code: string) => [...code.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]!);

describe('build output', () => {
  it('preload requires electron and nothing else', () => {
    expect(new Set(requires(read('preload/index.js')))).toEqual(new Set(['electron']));
  });

  it('the CLI and the browser shell never load electron', () => {
    const chunks = fs.readdirSync(path.join(out, 'main', 'chunks')).map((f) => read(path.join('main', 'chunks', f)));
    for (const code of [read('main/cli.js'), read('main/web.js'), ...chunks]) {
      expect(requires(code)).not.toContain('electron');
    }
    expect(requires(read('main/index.js'))).toContain('electron');
  });

  it('the renderer page carries a CSP without inline or remote script', () => {
    const html = read('renderer/index.html');
    const csp = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(csp).toBeDefined();
    const scriptSrc = /script-src ([^;]+)/.exec(csp!)?.[1] ?? '';
    expect(scriptSrc.trim()).toBe("'self'");
    expect(csp).toMatch(/object-src 'none'/);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });
});
