// 人工调整 in 年度监测 against a fake core: the exact evaluation/set-override call, the reason required (nothing sent
// without one), the row showing the adjustment as text after the reload, an existing adjustment shown with who,
// when and why and removable, and the core's refusal shown in the dialog.
import { describe, expect, it } from 'vitest';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { EvaluationOverride } from '../../src/shared/model';
import { MonitoringPage } from '../../src/renderer/src/pages/MonitoringPage';
import { choose } from './antd-select';
import { fail, fakeCore, type FakeCore } from './monitoring-core';
import { buildPlanDetail, ok } from './plan-fixture';
import { renderWithApi } from './render-with-api';

type SetOverrideArgs = {
  indicatorId: number;
  year: number;
  override: Omit<EvaluationOverride, 'indicatorId' | 'year' | 'updatedAt' | 'updatedBy'> | null;
};

/** A core that stores adjustments the way the real one does, so the reload shows them. */
function core(existing: EvaluationOverride[] = []): FakeCore {
  const detail = buildPlanDetail();
  detail.overrides = existing;
  return fakeCore(detail, {
    'evaluation/set-override': (args: SetOverrideArgs, c) => {
      c.detail.overrides = c.detail.overrides.filter(
        (o) => !(o.indicatorId === args.indicatorId && o.year === args.year),
      );
      if (!args.override) return ok(null);
      const stored = {
        indicatorId: args.indicatorId,
        year: args.year,
        ...args.override,
        updatedAt: '2026-03-02T02:00:00.000Z',
        updatedBy: '张三',
      };
      c.detail.overrides.push(stored);
      return ok(stored);
    },
  });
}

async function renderPage(c: FakeCore) {
  renderWithApi(<MonitoringPage planId={1} />, c.transport);
  await screen.findByTestId('monitoring-page', {}, { timeout: 5000 });
}

const statusText = (seq: string) => screen.getByTestId(`monitoring-status-${seq}`).textContent;

async function openDialog(seq: string) {
  fireEvent.click(screen.getByTestId(`monitoring-adjust-${seq}`));
  return screen.findByTestId('override-dialog');
}

describe('人工调整', () => {
  it('refuses to send an adjustment without a reason', async () => {
    const c = core();
    await renderPage(c);
    expect(statusText('3')).toBe('无数据');
    const dialog = await openDialog('3');
    // The adjustment opens the dialog, not the trend drawer.
    expect(screen.queryByTestId('monitoring-trend')).toBeNull();
    expect(dialog.textContent).toContain('规则判定为“无数据”');
    fireEvent.click(within(dialog).getByTestId('override-save'));
    expect(await within(dialog).findByText('请写明人工调整的理由')).toBeTruthy();
    // Blanks are not a reason either.
    fireEvent.change(within(dialog).getByTestId('override-reason'), { target: { value: '   \n ' } });
    fireEvent.click(within(dialog).getByTestId('override-save'));
    await waitFor(() => expect(within(dialog).getByText('请写明人工调整的理由')).toBeTruthy());
    await act(() => new Promise((r) => setTimeout(r, 50)));
    expect(c.argsOf('evaluation/set-override')).toEqual([]);
  });

  it('sends the status and the trimmed reason, then shows the row as adjusted after the reload', async () => {
    const c = core();
    await renderPage(c);
    const dialog = await openDialog('3');
    await choose('override-status', '基本符合预期');
    fireEvent.change(within(dialog).getByTestId('override-reason'), {
      target: { value: '  质量安全水平按年度评估，\n2021年抽检合格率达标  ' },
    });
    fireEvent.click(within(dialog).getByTestId('override-save'));
    await waitFor(() => expect(c.argsOf('evaluation/set-override')).toHaveLength(1));
    expect(c.argsOf('evaluation/set-override')[0]).toEqual({
      planId: 1,
      indicatorId: 3,
      year: 2021,
      override: { status: 'on_track', reason: '质量安全水平按年度评估，\n2021年抽检合格率达标' },
    });
    // The plan is loaded again and the row says, in text, that the status was set by hand.
    await waitFor(() => expect(statusText('3')).toBe('基本符合预期人工认定'));
    expect(c.argsOf('plan/get')).toHaveLength(2);
    expect(await screen.findByText('已保存人工调整：3. 质量安全水平 为“基本符合预期”')).toBeTruthy();
    expect(screen.getByTestId('monitoring-adjust-3').textContent).toBe('查看/修改');
  });

  it('shows an existing adjustment with who, when and why, and removes it after confirmation', async () => {
    const c = core([
      {
        indicatorId: 3,
        year: 2021,
        status: 'ahead',
        reason: '省局通报口径',
        updatedAt: '2026-03-01T08:00:00.000Z',
        updatedBy: '李四',
      },
    ]);
    await renderPage(c);
    expect(statusText('3')).toBe('快于预期人工认定');
    const dialog = await openDialog('3');
    const current = within(dialog).getByTestId('override-current');
    expect(current.textContent).toContain('当前为人工调整：快于预期');
    expect(current.textContent).toContain('理由：省局通报口径');
    expect(current.textContent).toContain('由 李四 于');
    expect(current.textContent).toMatch(/2026\/03\/01 \d\d:00:00/);
    // The form starts from the stored adjustment.
    expect((within(dialog).getByTestId('override-reason') as HTMLTextAreaElement).value).toBe('省局通报口径');

    fireEvent.click(within(dialog).getByTestId('override-remove'));
    const confirm = await waitFor(() => {
      const button = document.querySelector<HTMLButtonElement>('.ant-popconfirm .ant-btn-primary');
      if (!button) throw new Error('no confirmation');
      return button;
    });
    expect(document.querySelector('.ant-popconfirm')!.textContent).toContain('评价将恢复为规则判定（无数据）');
    await act(async () => fireEvent.click(confirm));
    await waitFor(() =>
      expect(c.argsOf('evaluation/set-override')).toEqual([{ planId: 1, indicatorId: 3, year: 2021, override: null }]),
    );
    await waitFor(() => expect(statusText('3')).toBe('无数据'));
  });

  it('keeps the dialog open with the core’s message when the save is refused', async () => {
    const c = fakeCore(buildPlanDetail(), {
      'evaluation/set-override': () => fail('CONFLICT', '2021 年已报送，当年完成值、评价和进展已锁定。'),
    });
    await renderPage(c);
    const dialog = await openDialog('1');
    fireEvent.change(within(dialog).getByTestId('override-reason'), { target: { value: '口径调整' } });
    fireEvent.click(within(dialog).getByTestId('override-save'));
    expect((await within(dialog).findByTestId('override-error')).textContent).toBe(
      '未保存：2021 年已报送，当年完成值、评价和进展已锁定。',
    );
    expect(screen.getByTestId('override-dialog')).toBeTruthy();
    expect(c.argsOf('plan/get')).toHaveLength(1);
  });
});
