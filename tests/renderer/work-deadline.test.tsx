// 完成期限 as written by clerks: normalised to 2025 / 2025-06 / 2025-06-30 and checked for real months and days.
import { describe, expect, it } from 'vitest';
import { isValidDeadline, normalizeDeadline } from '../../src/renderer/src/components/work/deadline';

describe('deadline', () => {
  it('accepts a year, a month or a day, and empty (no deadline)', () => {
    for (const ok of ['', '2025', '2025-06', '2025-06-30', '2024-02-29', '2025-12-31'])
      expect(isValidDeadline(ok), ok).toBe(true);
  });

  it('refuses impossible months and days and other shapes', () => {
    for (const bad of [
      '2025-13',
      '2025-00',
      '2025-02-29',
      '2024-02-30',
      '2025-04-31',
      '2025-6',
      '25-06',
      '2025-06-30T00',
      'soon',
    ])
      expect(isValidDeadline(bad), bad).toBe(false);
  });

  it('rewrites the usual variants to the standard form', () => {
    expect(normalizeDeadline(' 2025/6 ')).toBe('2025-06');
    expect(normalizeDeadline('2025.6.3')).toBe('2025-06-03');
    expect(normalizeDeadline('2025年6月30日')).toBe('2025-06-30');
    expect(normalizeDeadline('2025年6月')).toBe('2025-06');
    expect(normalizeDeadline('2025年')).toBe('2025');
    expect(normalizeDeadline('2025-13')).toBe('2025-13');
    expect(normalizeDeadline('年底前')).toBe('年底前');
  });
});
