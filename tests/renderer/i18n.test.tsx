// Both languages carry the same keys and placeholders, and components hold no Chinese literals.
import { describe, expect, it } from 'vitest';
import en from '../../src/renderer/src/i18n/en';
import zhCN from '../../src/renderer/src/i18n/zh-CN';
import i18n from '../../src/renderer/src/i18n';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

const zh = flatten(zhCN);
const english = flatten(en);

describe('i18n resources', () => {
  it('every zh-CN key exists in en', () => {
    expect([...zh.keys()].filter((k) => !english.has(k))).toEqual([]);
  });

  it('every en key exists in zh-CN', () => {
    expect([...english.keys()].filter((k) => !zh.has(k))).toEqual([]);
  });

  it('no text is empty and both languages use the same placeholders', () => {
    for (const [key, text] of zh) {
      expect(text.trim(), key).not.toBe('');
      expect(english.get(key)!.trim(), key).not.toBe('');
      expect(placeholders(english.get(key)!), key).toEqual(placeholders(text));
    }
  });

  it('defaults to zh-CN and interpolates without HTML-escaping (React escapes)', () => {
    expect(i18n.language).toBe('zh-CN');
    expect(i18n.t('app.name')).toBe('PlanDesk 规划指标台账');
    expect(i18n.t('app.planOption', { shortName: 'A&B', title: '<x>' })).toBe('A&B · <x>');
    expect(i18n.getFixedT('en')('nav.indicators')).toBe('Main indicators');
  });
});

describe('UI source', () => {
  // Raw sources of everything that renders; lib/ is exempt (its ApiError messages mirror the core's Chinese ones).
  const sources = import.meta.glob<string>(
    [
      '../../src/renderer/src/App.tsx',
      '../../src/renderer/src/components/**/*.tsx',
      '../../src/renderer/src/pages/**/*.tsx',
    ],
    { query: '?raw', import: 'default', eager: true },
  );

  it('finds the component sources', () => {
    expect(Object.keys(sources).length).toBeGreaterThanOrEqual(8);
  });

  it('has no Chinese literals in components: all UI text goes through t()', () => {
    const cjk = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/u;
    const offenders = Object.entries(sources).flatMap(([file, text]) =>
      text
        .split('\n')
        .flatMap((line, i) => (cjk.test(line) && !/^\s*\/\//.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(offenders).toEqual([]);
  });

  it('never injects HTML', () => {
    for (const [file, text] of Object.entries(sources)) expect(text, file).not.toContain('dangerouslySetInnerHTML');
  });
});
