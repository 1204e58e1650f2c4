// 规划管理 against a fake core, through the whole window: the plan list, 新建规划 (checked before sending), 新建下一期
// (prefilled, indicators chosen, targets copied only when asked), 结束规划 with its confirmation, 重新打开 with a
// required reason, and the 总结评估 export; the exact channel and arguments sent, the window after success and failure.
import { describe, expect, it } from 'vitest';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import App from '../../src/renderer/src/App';
import type { ArgsIn } from '../../src/shared/api';
import type { PlanSummary } from '../../src/shared/model';
import { appCore, detailOf, nextPlan, type AppCore, type AppHandler } from './app-core';
import { fail } from './monitoring-core';
import { ok, planSummary } from './plan-fixture';
import { exportResult } from './report-fixture';
import { renderWithApi } from './render-with-api';

/** plan/create and plan/clone as the core does them: the new plan joins the list. */
const creates =
  (summary: PlanSummary): AppHandler =>
  (_args: never, core) => {
    core.plans.push(structuredClone(summary));
    core.details.set(summary.id, detailOf(summary));
    return ok(structuredClone(summary));
  };

async function openManager(core: AppCore) {
  renderWithApi(<App />, core.transport);
  await screen.findByTestId('indicator-row-1', {}, { timeout: 5000 });
  fireEvent.click(screen.getByTestId('plan-manage'));
  return screen.findByTestId('plan-manager');
}

const input = (testId: string) => {
  const el = screen.getByTestId(testId);
  return (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' ? el : el.querySelector('input, textarea')!) as
    HTMLInputElement | HTMLTextAreaElement;
};
const typeInto = (testId: string, value: string) => fireEvent.change(input(testId), { target: { value } });
const checkbox = (testId: string) => {
  const el = screen.getByTestId(testId);
  return (el.tagName === 'INPUT' ? el : el.querySelector('input[type="checkbox"]')!) as HTMLInputElement;
};
const settle = () => act(() => new Promise((r) => setTimeout(r, 30)));
const switcherText = () => screen.getByTestId('plan-switcher').textContent;

describe('规划管理: the list', () => {
  it('lists every plan with its period, base year, status and indicator count', async () => {
    const closed: PlanSummary = { ...planSummary, id: 3, shortName: '十三五', title: '“十三五”规划', status: 'closed' };
    const manager = await openManager(appCore([planSummary, closed]));
    const row1 = within(manager).getByTestId('plan-row-1').textContent;
    expect(row1).toContain('十四五');
    expect(row1).toContain('当前');
    expect(row1).toContain('2021—2025年');
    expect(row1).toContain('基期 2020 年');
    expect(row1).toContain('进行中');
    expect(row1).toContain('3 项');
    const row3 = within(manager).getByTestId('plan-row-3');
    expect(row3.textContent).toContain('已结束');
    expect(within(row3).getByTestId('plan-reopen-3')).toBeTruthy();
    expect(within(row3).queryByTestId('plan-close-3')).toBeNull();
    expect(within(manager).getByTestId('plan-close-1')).toBeTruthy();
  });

  it('switches the window to another plan', async () => {
    const core = appCore([planSummary, nextPlan]);
    const manager = await openManager(core);
    expect(within(manager).queryByTestId('plan-switch-1')).toBeNull();
    fireEvent.click(within(manager).getByTestId('plan-switch-2'));
    await waitFor(() => expect(core.argsOf('plan/get')).toContainEqual({ plan: 2 }));
    expect(switcherText()).toContain('十五五');
  });
});

describe('新建规划', () => {
  async function openCreate(core: AppCore) {
    await openManager(core);
    fireEvent.click(screen.getByTestId('plan-create-open'));
    return screen.findByTestId('plan-create-dialog');
  }

  it('sends the metadata and categories, then shows the new plan', async () => {
    const core = appCore([planSummary], { 'plan/create': creates(nextPlan) });
    await openCreate(core);
    typeInto('plan-form-title', ' 磐安县市场监督管理“十五五”规划 ');
    typeInto('plan-form-short-name', '十五五');
    typeInto('plan-form-first-year', '2026');
    // The period follows the first year until typed: five years, the year before as base.
    await waitFor(() => expect(input('plan-form-last-year').value).toBe('2030'));
    expect(input('plan-form-base-year').value).toBe('2025');
    typeInto('plan-form-issuers', '磐安县发展和改革局\n\n磐安县市场监督管理局 ');
    typeInto('plan-form-categories', '主体活力\n质量提升\n');
    fireEvent.click(screen.getByTestId('plan-create-ok'));

    await waitFor(() => expect(core.argsOf('plan/create')).toHaveLength(1));
    expect(core.argsOf('plan/create')[0]).toEqual({
      plan: {
        title: '磐安县市场监督管理“十五五”规划',
        shortName: '十五五',
        firstYear: 2026,
        lastYear: 2030,
        baseYear: 2025,
        issuers: ['磐安县发展和改革局', '磐安县市场监督管理局'],
      },
      categories: ['主体活力', '质量提升'],
    } satisfies ArgsIn<'plan/create'>);
    expect(await screen.findByText('已创建规划“十五五”')).toBeTruthy();
    await waitFor(() => expect(core.argsOf('plan/get')).toContainEqual({ plan: 2 }));
    await waitFor(() => expect(switcherText()).toContain('十五五'));
    expect(core.argsOf('plan/list')).toHaveLength(2);
    expect(screen.queryByTestId('plan-create-dialog')).toBeNull();
  });

  it('does not send a period that ends before it starts, is longer than 20 years or has a late base year', async () => {
    const core = appCore([planSummary], { 'plan/create': creates(nextPlan) });
    const dialog = await openCreate(core);
    typeInto('plan-form-title', '测试规划');
    typeInto('plan-form-short-name', '测试');
    typeInto('plan-form-first-year', '2026');
    typeInto('plan-form-last-year', '2025');
    typeInto('plan-form-base-year', '2026');
    fireEvent.click(screen.getByTestId('plan-create-ok'));
    expect(await within(dialog).findByText('结束年份不能早于起始年份')).toBeTruthy();
    expect(within(dialog).getByText('基期年份应早于起始年份')).toBeTruthy();

    typeInto('plan-form-last-year', '2047');
    fireEvent.click(screen.getByTestId('plan-create-ok'));
    expect(await within(dialog).findByText('规划期不能超过 20 年')).toBeTruthy();

    typeInto('plan-form-last-year', '');
    typeInto('plan-form-short-name', '');
    fireEvent.click(screen.getByTestId('plan-create-ok'));
    expect(await within(dialog).findByText('请填写简称，例如 十五五')).toBeTruthy();
    expect(within(dialog).getByText('请填写年份')).toBeTruthy();

    typeInto('plan-form-categories', '主体活力\n主体活力');
    fireEvent.click(screen.getByTestId('plan-create-ok'));
    expect(await within(dialog).findByText('名称不能重复')).toBeTruthy();
    await settle();
    expect(core.argsOf('plan/create')).toEqual([]);
  });

  it('keeps the dialog and the typed values when the core refuses', async () => {
    const core = appCore([planSummary], {
      'plan/create': () => fail('CONFLICT', '已有简称为“十四五”的规划，请换一个简称。'),
    });
    const dialog = await openCreate(core);
    typeInto('plan-form-title', '重复的规划');
    typeInto('plan-form-short-name', '十四五');
    typeInto('plan-form-first-year', '2026');
    fireEvent.click(screen.getByTestId('plan-create-ok'));
    expect((await within(dialog).findByTestId('plan-create-error')).textContent).toBe(
      '未能创建：已有简称为“十四五”的规划，请换一个简称。',
    );
    expect(input('plan-form-short-name').value).toBe('十四五');
    expect(switcherText()).toContain('十四五');
  });
});

describe('由此规划新建下一期', () => {
  async function openClone(core: AppCore) {
    await openManager(core);
    fireEvent.click(screen.getByTestId('plan-clone-1'));
    const dialog = await screen.findByTestId('plan-clone-dialog');
    await within(dialog).findByTestId('clone-indicators');
    return dialog;
  }

  it('is prefilled with the next period and takes every indicator, without targets, by default', async () => {
    const core = appCore([planSummary], { 'plan/clone': creates(nextPlan) });
    const dialog = await openClone(core);
    expect(core.argsOf('plan/get')).toContainEqual({ plan: 1 });
    expect(input('plan-form-title').value).toBe('磐安县市场监督管理“十五五”规划');
    expect(input('plan-form-short-name').value).toBe('十五五');
    expect(input('plan-form-first-year').value).toBe('2026');
    expect(input('plan-form-last-year').value).toBe('2030');
    expect(input('plan-form-base-year').value).toBe('2025');
    expect(input('plan-form-issuers').value).toBe('磐安县发展和改革局\n磐安县市场监督管理局');

    const explain = within(dialog).getByTestId('clone-explain').textContent;
    expect(explain).toContain('基期年份为 2025 年');
    expect(explain).toContain('基期值取原规划中该指标最近一年的实际值，并注明“由‘十四五’规划结转”');
    expect(within(dialog).getByTestId('clone-selected-count').textContent).toBe('已选 3 / 3 项指标');
    for (const id of [1, 2, 3]) expect(checkbox(`clone-indicator-${id}`).checked).toBe(true);
    expect(within(dialog).getByTestId('clone-base-1').textContent).toBe('基期值：3.1（2021年实际值）');
    expect(within(dialog).getByTestId('clone-base-3').textContent).toBe('没有实际值，基期值留空');
    expect(screen.getByTestId('clone-copy-targets').getAttribute('aria-checked')).toBe('false');

    fireEvent.click(screen.getByTestId('plan-clone-ok'));
    await waitFor(() => expect(core.argsOf('plan/clone')).toHaveLength(1));
    expect(core.argsOf('plan/clone')[0]).toEqual({
      planId: 1,
      plan: {
        title: '磐安县市场监督管理“十五五”规划',
        shortName: '十五五',
        firstYear: 2026,
        lastYear: 2030,
        baseYear: 2025,
        issuers: ['磐安县发展和改革局', '磐安县市场监督管理局'],
      },
      copyTargets: false,
    } satisfies ArgsIn<'plan/clone'>);
    expect(await screen.findByText('已创建规划“十五五”，共 2 项指标')).toBeTruthy();
    await waitFor(() => expect(switcherText()).toContain('十五五'));
  });

  it('sends only the chosen indicators, in plan order, and copies targets when asked', async () => {
    const core = appCore([planSummary], { 'plan/clone': creates(nextPlan) });
    const dialog = await openClone(core);
    fireEvent.click(checkbox('clone-indicator-2'));
    expect(within(dialog).getByTestId('clone-selected-count').textContent).toBe('已选 2 / 3 项指标');
    expect(checkbox('clone-category-10').checked).toBe(false);
    fireEvent.click(checkbox('clone-category-20'));
    fireEvent.click(checkbox('clone-category-20'));
    fireEvent.click(screen.getByTestId('clone-copy-targets'));
    expect(within(dialog).getByTestId('clone-copy-targets-hint').textContent).toContain(
      '原规划 2021 年的目标值复制为 2026 年的目标值',
    );
    fireEvent.click(screen.getByTestId('plan-clone-ok'));
    await waitFor(() => expect(core.argsOf('plan/clone')).toHaveLength(1));
    expect(core.argsOf('plan/clone')[0]).toMatchObject({ planId: 1, indicatorIds: [1, 3], copyTargets: true });
  });

  it('offers none and all, and shows the core’s refusal', async () => {
    const core = appCore([planSummary], {
      'plan/clone': () => fail('VALIDATION', '新规划从 2024 年开始，但原规划到 2025 年才结束。'),
    });
    const dialog = await openClone(core);
    fireEvent.click(screen.getByTestId('clone-select-none'));
    expect(within(dialog).getByTestId('clone-selected-count').textContent).toBe('已选 0 / 3 项指标');
    fireEvent.click(screen.getByTestId('clone-select-all'));
    expect(within(dialog).getByTestId('clone-selected-count').textContent).toBe('已选 3 / 3 项指标');
    fireEvent.click(screen.getByTestId('plan-clone-ok'));
    expect((await within(dialog).findByTestId('plan-clone-error')).textContent).toBe(
      '未能创建：新规划从 2024 年开始，但原规划到 2025 年才结束。',
    );
  });
});

describe('结束规划 and 重新打开', () => {
  const closes: AppHandler = (args: { planId: number }, core) => ok(core.setStatus(args.planId, 'closed'));
  const reopens: AppHandler = (args: { planId: number }, core) => ok(core.setStatus(args.planId, 'active'));

  it('closes after a confirmation that explains read-only, then shows the banner', async () => {
    const core = appCore([planSummary], { 'plan/close': closes });
    await openManager(core);
    fireEvent.click(screen.getByTestId('plan-close-1'));
    const confirm = await screen.findByTestId('plan-close-confirm');
    expect(confirm.textContent).toContain('结束后该规划变为只读');
    expect(confirm.textContent).toContain('报表和总结评估仍可导出');
    fireEvent.click(screen.getByRole('button', { name: '结束规划' }));
    await waitFor(() => expect(core.argsOf('plan/close')).toEqual([{ planId: 1 }]));
    expect(await screen.findByText('“十四五”规划已结束，现为只读')).toBeTruthy();
    expect((await screen.findByTestId('closed-plan-banner')).textContent).toContain('“十四五”规划已结束，只读');
    expect(within(screen.getByTestId('plan-row-1')).getByTestId('plan-reopen-1')).toBeTruthy();
    expect(switcherText()).toContain('（已结束）');
  });

  it('says why a plan could not be closed, and stays editable', async () => {
    const core = appCore([planSummary], { 'plan/close': () => fail('CONFLICT', '规划“十四五”已经结束。') });
    await openManager(core);
    fireEvent.click(screen.getByTestId('plan-close-1'));
    await screen.findByTestId('plan-close-confirm');
    fireEvent.click(screen.getByRole('button', { name: '结束规划' }));
    expect(await screen.findByText('未能结束规划：规划“十四五”已经结束。')).toBeTruthy();
    expect(screen.queryByTestId('closed-plan-banner')).toBeNull();
  });

  it('reopens only with a reason, and the banner goes away', async () => {
    const core = appCore([{ ...planSummary, status: 'closed' }], { 'plan/reopen': reopens });
    await openManager(core);
    expect(screen.getByTestId('closed-plan-banner')).toBeTruthy();
    fireEvent.click(screen.getByTestId('plan-reopen-1'));
    const dialog = await screen.findByTestId('plan-reopen-dialog');
    fireEvent.click(screen.getByTestId('plan-reopen-ok'));
    expect(await within(dialog).findByText('请写明重新打开的理由')).toBeTruthy();
    typeInto('plan-reopen-reason', '   ');
    fireEvent.click(screen.getByTestId('plan-reopen-ok'));
    await settle();
    expect(core.argsOf('plan/reopen')).toEqual([]);

    typeInto('plan-reopen-reason', ' 统计部门更正了 2025 年数据 ');
    fireEvent.click(screen.getByTestId('plan-reopen-ok'));
    await waitFor(() =>
      expect(core.argsOf('plan/reopen')).toEqual([{ planId: 1, reason: '统计部门更正了 2025 年数据' }]),
    );
    await waitFor(() => expect(screen.queryByTestId('closed-plan-banner')).toBeNull());
    expect(await screen.findByText('“十四五”规划已重新打开，可以修改')).toBeTruthy();
  });

  it('shows the core’s refusal to reopen in the dialog', async () => {
    const core = appCore([{ ...planSummary, status: 'closed' }], {
      'plan/reopen': () => fail('DB_ERROR', '数据库文件被其他程序占用。'),
    });
    renderWithApi(<App />, core.transport);
    fireEvent.click(await screen.findByTestId('closed-plan-reopen'));
    await screen.findByTestId('plan-reopen-dialog');
    typeInto('plan-reopen-reason', '更正数据');
    fireEvent.click(screen.getByTestId('plan-reopen-ok'));
    expect((await screen.findByTestId('plan-reopen-error')).textContent).toBe(
      '未能重新打开：数据库文件被其他程序占用。',
    );
    expect(screen.getByTestId('closed-plan-banner')).toBeTruthy();
  });
});

describe('总结评估', () => {
  it('exports the final evaluation of a plan as Excel or PDF and says where it went', async () => {
    const core = appCore([{ ...planSummary, status: 'closed' }], {
      'export/final-evaluation': (args: { format: string }) =>
        args.format === 'pdf'
          ? fail('FILE_ERROR', '文件“总结评估.pdf”正被其他程序打开，请关闭后重试。')
          : ok(exportResult({ fileName: '十四五总结评估.xlsx', savedTo: 'D:\\报表\\十四五总结评估.xlsx' })),
    });
    await openManager(core);
    fireEvent.click(screen.getByTestId('plan-evaluation-xlsx-1'));
    await waitFor(() => expect(core.argsOf('export/final-evaluation')).toEqual([{ plan: 1, format: 'xlsx' }]));
    expect(await screen.findByText('已保存到 D:\\报表\\十四五总结评估.xlsx')).toBeTruthy();

    fireEvent.click(screen.getByTestId('plan-evaluation-pdf-1'));
    await waitFor(() => expect(core.argsOf('export/final-evaluation')).toHaveLength(2));
    expect(core.argsOf('export/final-evaluation')[1]).toEqual({ plan: 1, format: 'pdf' });
    expect(await screen.findByText('文件“总结评估.pdf”正被其他程序打开，请关闭后重试。')).toBeTruthy();
  });

  it('is offered on 报表 too', async () => {
    const core = appCore([planSummary], {
      'export/final-evaluation': () => ok(exportResult({ savedTo: '/home/clerk/总结评估.pdf' })),
    });
    renderWithApi(<App />, core.transport);
    await screen.findByTestId('indicator-row-1', {}, { timeout: 5000 });
    fireEvent.click(screen.getByRole('tab', { name: '报表' }));
    fireEvent.click(await screen.findByTestId('export-evaluation-pdf'));
    await waitFor(() => expect(core.argsOf('export/final-evaluation')).toEqual([{ plan: 1, format: 'pdf' }]));
    await waitFor(() =>
      expect(screen.getByTestId('status-line').textContent).toBe('已保存到 /home/clerk/总结评估.pdf'),
    );
  });
});

describe('no plan yet', () => {
  it('offers to create or import one', async () => {
    const core = appCore([], { 'plan/create': creates(nextPlan) });
    renderWithApi(<App />, core.transport);
    fireEvent.click(await screen.findByTestId('no-plans-manage'));
    expect(await screen.findByTestId('plan-manager')).toBeTruthy();
    expect(screen.getByTestId('plan-import-open')).toBeTruthy();
  });
});
