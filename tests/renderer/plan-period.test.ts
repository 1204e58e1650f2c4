// 新建下一期's suggestions: the next short name (十四五 → 十五五), the next period of the same length with the old last
// year as base year, and the title carried over with the new name and years.
import { describe, expect, it } from 'vitest';
import {
  chineseNumber,
  clonePrefill,
  nextPeriod,
  nextShortName,
  nextTitle,
  parseChineseNumber,
} from '../../src/renderer/src/lib/plans/period';

describe('plan period suggestions', () => {
  it('reads and writes Chinese numbers from 1 to 99', () => {
    for (let n = 1; n <= 99; n++) expect(parseChineseNumber(chineseNumber(n))).toBe(n);
    expect(chineseNumber(14)).toBe('十四');
    expect(chineseNumber(20)).toBe('二十');
    expect(parseChineseNumber('十')).toBe(10);
    expect(parseChineseNumber('一十')).toBeNull();
    expect(parseChineseNumber('五五')).toBeNull();
  });

  it('names the next five-year plan', () => {
    expect(nextShortName('十四五')).toBe('十五五');
    expect(nextShortName('十三五')).toBe('十四五');
    expect(nextShortName('九五')).toBe('十五');
    expect(nextShortName('十九五')).toBe('二十五');
    expect(nextShortName('“十四五”')).toBe('“十五五”');
    expect(nextShortName('2021版')).toBeNull();
  });

  it('continues the period with the same length, based on the old last year', () => {
    expect(nextPeriod({ firstYear: 2021, lastYear: 2025 })).toEqual({
      firstYear: 2026,
      lastYear: 2030,
      baseYear: 2025,
    });
    expect(nextPeriod({ firstYear: 2024, lastYear: 2026 })).toEqual({
      firstYear: 2027,
      lastYear: 2029,
      baseYear: 2026,
    });
  });

  it('carries the title over with the new name and years', () => {
    const old = { shortName: '十四五', firstYear: 2021, lastYear: 2025 };
    const next = { shortName: '十五五', firstYear: 2026, lastYear: 2030 };
    expect(nextTitle('磐安县市场监督管理“十四五”规划', old, next)).toBe('磐安县市场监督管理“十五五”规划');
    expect(nextTitle('市场监管规划（2021-2025年）', old, next)).toBe('市场监管规划（2026-2030年）');
    expect(nextTitle('市场监管规划（2021年—2025年）', old, next)).toBe('市场监管规划（2026年—2030年）');
    expect(nextTitle('市场监管规划', old, { ...next, shortName: null })).toBe('市场监管规划');
  });

  it('prefills everything 新建下一期 asks for', () => {
    expect(
      clonePrefill({
        title: '磐安县市场监督管理“十四五”规划',
        shortName: '十四五',
        firstYear: 2021,
        lastYear: 2025,
        issuers: ['磐安县发展和改革局'],
      }),
    ).toEqual({
      title: '磐安县市场监督管理“十五五”规划',
      shortName: '十五五',
      firstYear: 2026,
      lastYear: 2030,
      baseYear: 2025,
      issuers: ['磐安县发展和改革局'],
    });
    expect(
      clonePrefill({ title: '年度计划', shortName: '计划', firstYear: 2024, lastYear: 2024, issuers: [] }),
    ).toEqual({ title: '年度计划', shortName: '', firstYear: 2025, lastYear: 2025, baseYear: 2024, issuers: [] });
  });
});
