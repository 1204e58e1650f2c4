// 修改记录 of the annual work: a year's 报送 and 解锁 (with its reason) described in words, a status adjustment with its
// reason (and revertible), the source file of an imported value, and the new kinds offered in the filter.
import { describe, expect, it } from 'vitest';
import { act, fireEvent, screen, within } from '@testing-library/react';
import type { ChangeLogEntry, YearSubmission } from '../../src/shared/model';
import { parseValue } from '../../src/shared/value';
import { ChangeLogPage } from '../../src/renderer/src/pages/ChangeLogPage';
import { IndicatorsPage } from '../../src/renderer/src/pages/IndicatorsPage';
import { fakeCore } from './monitoring-core';
import { buildPlanDetail, ok } from './plan-fixture';
import { renderWithApi } from './render-with-api';

const AT = '2026-03-02T01:30:00.000Z';
const submission: YearSubmission = {
  planId: 1,
  year: 2022,
  submittedAt: AT,
  submittedBy: '张三',
  files: [
    { format: 'xlsx', fileName: '2022年度完成情况表.xlsx', sha256: '3f'.repeat(32), size: 18_000 },
    { format: 'pdf', fileName: '2022年度完成情况表.pdf', sha256: 'a0'.repeat(32), size: 200_000 },
  ],
};

function entry(partial: Partial<ChangeLogEntry> & Pick<ChangeLogEntry, 'id' | 'entity'>): ChangeLogEntry {
  return {
    at: AT,
    actor: '张三',
    planId: 1,
    entityId: 1,
    field: null,
    op: 'update',
    before: null,
    after: null,
    ...partial,
  };
}

const value = (text: string) => ({
  ...parseValue(text),
  year: 2022,
  kind: 'actual',
  note: null,
  updatedAt: AT,
  updatedBy: '张三',
});

const ENTRIES: ChangeLogEntry[] = [
  entry({
    id: 14,
    entity: 'year_submission',
    field: '2022',
    op: 'update',
    before: submission,
    after: { year: 2022, unlocked: true, reason: '县发改局退回，更正第3项' },
  }),
  entry({ id: 13, entity: 'year_submission', field: '2022', op: 'create', after: submission }),
  entry({
    id: 12,
    entity: 'evaluation_override',
    entityId: 3,
    field: '2022',
    op: 'create',
    after: { indicatorId: 3, year: 2022, status: 'on_track', reason: '按新口径', updatedAt: AT, updatedBy: '张三' },
  }),
  entry({
    id: 11,
    entity: 'indicator_value',
    field: '2022/actual',
    before: value('3.1'),
    after: value('3.25'),
    source: '登记注册科填报表.xlsx',
  }),
  entry({ id: 10, entity: 'indicator_value', field: '2022/actual', before: value('3.0'), after: value('3.1') }),
];

async function renderPage() {
  const c = fakeCore(buildPlanDetail(), { 'changelog/list': () => ok({ total: ENTRIES.length, entries: ENTRIES }) });
  renderWithApi(<ChangeLogPage planId={1} />, c.transport);
  await screen.findByTestId('changelog-entry-14', {}, { timeout: 5000 });
  return c;
}

const text = (id: string) => screen.getByTestId(id).textContent;

describe('修改记录 of the annual work', () => {
  it('describes a year’s 报送 with its files and a 解锁 with its reason', async () => {
    await renderPage();
    expect(text('changelog-what-13')).toBe('报送年度报送2022 年度数据');
    expect(text('changelog-before-13')).toBe('未报送');
    expect(text('changelog-after-13')).toBe(
      `已报送：2022年度完成情况表.xlsx（SHA-256 ${'3f'.repeat(6)}…）；2022年度完成情况表.pdf（SHA-256 ${'a0'.repeat(6)}…）`,
    );
    expect(text('changelog-what-14')).toBe('解锁年度报送2022 年度数据');
    expect(text('changelog-before-14')).toContain('已报送：2022年度完成情况表.xlsx');
    expect(text('changelog-after-14')).toBe('已解锁，理由：县发改局退回，更正第3项');
    // Neither is undone from here: 报送 and 解锁 go through 年度监测.
    expect((screen.getByTestId('changelog-revert-13') as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByTestId('changelog-revert-14') as HTMLButtonElement).disabled).toBe(true);
  });

  it('describes a status adjustment with its reason, revertible like the core allows', async () => {
    await renderPage();
    expect(text('changelog-what-12')).toBe('新增评价人工调整质量安全水平2022年');
    expect([text('changelog-before-12'), text('changelog-after-12')]).toEqual([
      '无人工调整（按规则判定）',
      '基本符合预期，理由：按新口径',
    ]);
    expect((screen.getByTestId('changelog-revert-12') as HTMLButtonElement).disabled).toBe(false);
  });

  it('names the file an imported value came from, and nothing for a typed one', async () => {
    await renderPage();
    expect(text('changelog-source-11')).toBe('来源文件：登记注册科填报表.xlsx');
    expect(within(screen.getByTestId('changelog-entry-11')).getByText('3.25')).toBeTruthy();
    expect(screen.queryByTestId('changelog-source-10')).toBeNull();
  });

  it('names the source file in a cell’s own history too', async () => {
    const c = fakeCore(buildPlanDetail(), {
      'changelog/list': () => ok({ total: 2, entries: ENTRIES.slice(3).map((e) => ({ ...e, field: '2021/actual' })) }),
    });
    renderWithApi(<IndicatorsPage planId={1} />, c.transport);
    const cell = (await screen.findByTestId('value-1-2021-actual')).closest('td')!;
    fireEvent.mouseDown(cell, { button: 2 });
    fireEvent.contextMenu(cell);
    await act(async () => fireEvent.click(await screen.findByText('查看修改记录')));
    await screen.findByTestId('history-entry-0');
    const sources = [0, 1].map((i) => screen.queryByTestId(`history-source-${i}`)?.textContent ?? null);
    expect(sources.filter(Boolean)).toEqual(['来源文件：登记注册科填报表.xlsx']);
  });
});
