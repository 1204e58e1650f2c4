// Issue 7, item 6: text from the database is never rendered as HTML. React escapes what it renders; this keeps the
// renderer from bypassing it. Every place that could turn a string into markup, a script or a link is listed here
// with the reason it is safe; a new one fails until it is reviewed and added. (tests/e2e/no-html-injection.test.ts
// proves it in Chromium with markup stored in the database.)
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
const RENDERER = path.join(ROOT, 'src/renderer');

/** Ways to make markup, code or a link out of a string. */
const SINKS: { name: string; pattern: RegExp }[] = [
  { name: 'dangerouslySetInnerHTML', pattern: /dangerouslySetInnerHTML/ },
  { name: 'innerHTML / outerHTML', pattern: /\b(inner|outer)HTML\b/ },
  { name: 'insertAdjacentHTML', pattern: /insertAdjacentHTML/ },
  { name: 'document.write', pattern: /document\.write(ln)?\s*\(/ },
  { name: 'createContextualFragment', pattern: /createContextualFragment/ },
  { name: 'srcdoc', pattern: /srcdoc/i },
  { name: 'DOMParser', pattern: /\bDOMParser\b/ },
  { name: 'eval / Function', pattern: /\beval\s*\(|\bnew\s+Function\s*\(|\bFunction\s*\(\s*['"`]/ },
  { name: 'string timer', pattern: /\bset(Timeout|Interval)\s*\(\s*['"`]/ },
  // (antd's `action={…}` prop on Alert is a slot for buttons, not a form action: not matched.)
  { name: 'dynamic href/src', pattern: /\b(href|src|formAction)\s*=\s*\{|\.(href|src)\s*=(?!=)/ },
  { name: 'javascript: URL', pattern: /javascript:/i },
  // ECharts renders tooltip/label formatter strings as HTML in its DOM tooltips.
  { name: 'echarts formatter', pattern: /formatter\s*:/i },
];

/** Reviewed uses: file (relative to the repository), sink, how many times, and why it is safe. */
const ALLOWED: { file: string; sink: string; count: number; why: string }[] = [
  {
    file: 'src/renderer/src/lib/sheet/clipboard.ts',
    sink: 'DOMParser',
    count: 1,
    why: 'parses pasted HTML into an inert document (no scripts run, no images load) and reads only cell text',
  },
  {
    file: 'src/renderer/src/lib/monitoring/trend-option.ts',
    sink: 'echarts formatter',
    count: 2,
    why: 'valueFormatter gives formatted numbers; the mark line label is an i18n text with a year, drawn as SVG text',
  },
  {
    file: 'src/renderer/src/lib/download.ts',
    sink: 'dynamic href/src',
    count: 1,
    why: 'the href is a blob: URL made here from the export bytes, on an <a download> that is clicked and removed',
  },
];

function sourceFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(tsx?|html)$/.test(f))
    .map((f) => path.join(dir, f));
}

/** Code without comments, so that prose about innerHTML does not count. */
function stripComments(code: string): string {
  return code
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:'"`])\/\/.*$/gm, '$1')
    .replace(/<!--[\s\S]*?-->/g, '');
}

describe('the renderer never turns text into HTML', () => {
  it('uses no HTML sink except the reviewed ones', () => {
    const found = new Map<string, number>();
    for (const file of sourceFiles(RENDERER)) {
      const rel = path.relative(ROOT, file).split(path.sep).join('/');
      const lines = stripComments(fs.readFileSync(file, 'utf8')).split('\n');
      for (const sink of SINKS) {
        const n = lines.filter((l) => sink.pattern.test(l)).length;
        if (n > 0) found.set(`${rel} · ${sink.name}`, n);
      }
    }
    const allowed = new Map(ALLOWED.map((a) => [`${a.file} · ${a.sink}`, a.count]));
    const unreviewed = [...found].filter(([key, n]) => (allowed.get(key) ?? 0) < n).map(([k, n]) => `${k} (${n}×)`);
    expect(unreviewed, 'review each and add it to ALLOWED with the reason it is safe').toEqual([]);
  });

  it('has no stale allowances (a reviewed use that is gone is removed from the list)', () => {
    for (const a of ALLOWED) {
      const code = stripComments(fs.readFileSync(path.join(ROOT, a.file), 'utf8'));
      const sink = SINKS.find((s) => s.name === a.sink)!;
      expect(code.split('\n').filter((l) => sink.pattern.test(l)).length, `${a.file} · ${a.sink}`).toBeGreaterThan(0);
    }
  });

  it('catches a sink when one appears (the scanner itself works)', () => {
    const samples = [
      '<div dangerouslySetInnerHTML={{ __html: name }} />',
      'el.innerHTML = row.name;',
      "cell.insertAdjacentHTML('beforeend', note);",
      '<a href={indicator.dataSource}>来源</a>',
      "tooltip: { formatter: (p) => p.name + '<br>' },",
      'setTimeout("run()", 10);',
    ];
    for (const s of samples)
      expect(
        SINKS.some((k) => k.pattern.test(stripComments(s))),
        s,
      ).toBe(true);
  });
});
