// 修改记录 of a plan's life in words: 结束规划 (进行中 → 已结束), 重新打开 with its reason, and 新建下一期 naming the plan it
// was made from — never the raw codes the core logs.
import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import { ChangeLogPage } from '../../src/renderer/src/pages/ChangeLogPage';
import type { ChangeLogEntry } from '../../src/shared/model';
import { appCore } from './app-core';
import { ok, planSummary } from './plan-fixture';
import { renderWithApi } from './render-with-api';

const base = { actor: '张三', planId: 1, entity: 'plan', entityId: 1 } as const;
const entries: ChangeLogEntry[] = [
  {
    ...base,
    id: 3,
    at: '2026-03-03T08:00:00.000Z',
    field: 'status',
    op: 'update',
    before: { status: 'closed' },
    after: { status: 'active', reason: '补录 2025 年数据' },
  },
  {
    ...base,
    id: 2,
    at: '2026-03-02T08:00:00.000Z',
    field: 'status',
    op: 'update',
    before: { status: 'active' },
    after: { status: 'closed' },
  },
  {
    ...base,
    id: 1,
    at: '2026-03-01T08:00:00.000Z',
    field: 'clonedFrom',
    op: 'create',
    before: null,
    after: { clonedFrom: { id: 9, shortName: '十三五' } },
  },
];

describe('修改记录 of a plan’s life', () => {
  it('says 结束规划, 重新打开 with the reason and 新建下一期 in words', async () => {
    const c = appCore([planSummary], { 'changelog/list': () => ok({ total: entries.length, entries }) });
    renderWithApi(<ChangeLogPage planId={1} />, c.transport);
    await screen.findByTestId('changelog-entry-3', {}, { timeout: 5000 });
    const what = (id: number) => screen.getByTestId(`changelog-what-${id}`).textContent;
    const change = (id: number) =>
      `${screen.getByTestId(`changelog-before-${id}`).textContent} → ${screen.getByTestId(`changelog-after-${id}`).textContent}`;
    expect(what(2)).toBe('结束规划规划十四五');
    expect(change(2)).toBe('进行中 → 已结束');
    expect(what(3)).toBe('重新打开规划十四五');
    expect(change(3)).toBe('已结束 → 进行中（理由：补录 2025 年数据）');
    expect(what(1)).toBe('新建下一期规划十四五');
    expect(change(1)).toBe('（空） → 由“十三五”规划新建');
  });
});
