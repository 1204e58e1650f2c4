// IndicatorDefinitionDrawer against a fake transport: what indicator/save receives, server errors kept in the
// panel with the typed values, delete and its undo.
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Transport } from '../../src/renderer/src/lib/api';
import type { Channel } from '../../src/shared/api';
import type { IpcResult } from '../../src/shared/errors';
import type { Indicator, PlanDetail } from '../../src/shared/model';
import {
  IndicatorDefinitionDrawer,
  type DefinitionTarget,
} from '../../src/renderer/src/components/definitions/IndicatorDefinitionDrawer';
import { buildPlanDetail, ok } from './plan-fixture';
import { renderWithApi } from './render-with-api';

type Call = { channel: Channel; args: unknown };
type Answer = (args: unknown) => IpcResult<unknown>;

const DEPARTMENTS = [
  { id: 5, name: '登记注册科' },
  { id: 6, name: '质量发展科' },
];

/** Answers department/list and whatever the test adds; records every call. */
function fakeCore(answers: Partial<Record<Channel, Answer>> = {}) {
  const calls: Call[] = [];
  const transport: Transport = async (channel, args) => {
    calls.push({ channel, args });
    if (channel === 'department/list') return ok(DEPARTMENTS);
    const answer = answers[channel];
    return answer ? answer(args) : { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: `未知的调用：${channel}` } };
  };
  const writes = () => calls.filter((c) => c.channel !== 'department/list');
  return { calls, writes, transport };
}

function indicatorOf(plan: PlanDetail, id: number): Indicator {
  return plan.indicators.find((i) => i.id === id)!;
}

function renderDrawer(
  target: DefinitionTarget | null,
  transport: Transport,
  handlers: Partial<{ onSaved: (i: Indicator) => void; onDeleted: (i: Indicator) => void; onClose: () => void }> = {},
  plan: PlanDetail = buildPlanDetail(),
) {
  return renderWithApi(
    <IndicatorDefinitionDrawer
      planId={1}
      plan={plan}
      target={target}
      onClose={handlers.onClose ?? (() => {})}
      onSaved={handlers.onSaved ?? (() => {})}
      onDeleted={handlers.onDeleted ?? (() => {})}
    />,
    transport,
  );
}

const field = (label: string) => screen.getByLabelText(label) as HTMLInputElement;
const type = (label: string, value: string) => fireEvent.change(field(label), { target: { value } });

async function choose(label: string, option: string) {
  fireEvent.mouseDown(field(label));
  const item = await waitFor(() => {
    const found = [...document.querySelectorAll<HTMLElement>('.ant-select-item-option')].find(
      (o) => o.getAttribute('title') === option,
    );
    if (!found) throw new Error(`option ${option} not shown`);
    return found;
  });
  fireEvent.click(item);
}

describe('IndicatorDefinitionDrawer', () => {
  it('edits an indicator and sends exactly its definition (unit cleared → null)', async () => {
    const plan = buildPlanDetail();
    const core = fakeCore({ 'indicator/save': () => ok({ ...indicatorOf(plan, 1), name: '在册市场主体数' }) });
    const onSaved = vi.fn();
    renderDrawer({ indicatorId: 1 }, core.transport, { onSaved }, plan);
    await screen.findByTestId('definition-drawer');
    expect(screen.getByText('编辑指标：在册市场主体总量')).toBeTruthy();
    expect(field('指标名称').value).toBe('在册市场主体总量');
    expect(field('单位').value).toBe('万户');
    expect(field('基期值').value).toBe('2.6336');
    expect(field('基期年份').value).toBe('2020');

    type('指标名称', '在册市场主体数');
    type('单位', '');
    fireEvent.click(screen.getByLabelText('约束性'));
    fireEvent.click(screen.getByLabelText('保持'));
    fireEvent.click(screen.getByLabelText('累计'));
    await choose('责任科室', '质量发展科');
    type('数据来源', '县市场监管局登记系统');
    type('备注', '  ');
    fireEvent.click(screen.getByTestId('definition-save'));

    await waitFor(() => expect(onSaved).toHaveBeenCalledTimes(1));
    expect(core.writes()).toEqual([
      {
        channel: 'indicator/save',
        args: {
          planId: 1,
          indicator: {
            id: 1,
            categoryId: 10,
            name: '在册市场主体数',
            unit: null,
            nature: 'binding',
            direction: 'maintain',
            targetKind: 'cumulative',
            base: { text: '2.6336', year: 2020, source: '“十三五”期间全县市场主体总量达26336家' },
            departmentId: 6,
            dataSource: '县市场监管局登记系统',
            remark: null,
          },
        },
      },
    ]);
    expect(onSaved.mock.calls[0]![0].name).toBe('在册市场主体数');
  });

  it('keeps the base value verbatim, warns when it is not evaluable, and sends base null when emptied', async () => {
    const plan = buildPlanDetail();
    const core = fakeCore({ 'indicator/save': () => ok(indicatorOf(plan, 1)) });
    renderDrawer({ indicatorId: 1 }, core.transport, {}, plan);
    await screen.findByTestId('definition-drawer');
    expect(screen.queryByTestId('definition-base-warning')).toBeNull();

    type('基期值', '稳步提升');
    expect((await screen.findByTestId('definition-base-warning')).textContent).toContain('不含可比较的数字');
    type('基期值', '３.５万户左右');
    await waitFor(() => expect(screen.queryByTestId('definition-base-warning')).toBeNull());
    fireEvent.click(screen.getByTestId('definition-save'));
    await waitFor(() => expect(core.writes()).toHaveLength(1));
    const first = core.writes()[0]!.args as { indicator: { base: unknown } };
    expect(first.indicator.base).toEqual({
      text: '３.５万户左右',
      year: 2020,
      source: '“十三五”期间全县市场主体总量达26336家',
    });

    // A base year or source without a base value is refused in the form, not silently dropped.
    type('基期值', '');
    fireEvent.click(screen.getByTestId('definition-save'));
    expect(await screen.findByText(/请同时填写基期值/)).toBeTruthy();
    expect(core.writes()).toHaveLength(1);

    fireEvent.change(field('基期年份'), { target: { value: '' } });
    type('数据来源说明', '');
    fireEvent.click(screen.getByTestId('definition-save'));
    await waitFor(() => expect(core.writes()).toHaveLength(2));
    expect((core.writes()[1]!.args as { indicator: { base: unknown } }).indicator.base).toBeNull();
  });

  it('creates an indicator in the given category without an id', async () => {
    const plan = buildPlanDetail();
    const created = { ...indicatorOf(plan, 3), id: 9, name: '食品抽检合格率' };
    const core = fakeCore({ 'indicator/save': () => ok(created) });
    const onSaved = vi.fn();
    renderDrawer({ newInCategory: 20 }, core.transport, { onSaved }, plan);
    await screen.findByTestId('definition-drawer');
    expect(screen.getByText('新增指标')).toBeTruthy();
    expect(screen.queryByTestId('definition-delete')).toBeNull();

    type('指标名称', '食品抽检合格率');
    type('单位', '%');
    fireEvent.click(screen.getByTestId('definition-save'));
    await waitFor(() => expect(onSaved).toHaveBeenCalledWith(created));
    const args = core.writes()[0]!.args as { planId: number; indicator: Record<string, unknown> };
    expect(args).toEqual({
      planId: 1,
      indicator: {
        categoryId: 20,
        name: '食品抽检合格率',
        unit: '%',
        nature: null,
        direction: null,
        targetKind: 'level',
        base: null,
        departmentId: null,
        dataSource: null,
        remark: null,
      },
    });
    expect('id' in args.indicator).toBe(false);
  });

  it('asks for a name before calling the core', async () => {
    const core = fakeCore();
    renderDrawer({ newInCategory: 10 }, core.transport);
    await screen.findByTestId('definition-drawer');
    type('指标名称', '   ');
    fireEvent.click(screen.getByTestId('definition-save'));
    expect(await screen.findByText('请填写指标名称')).toBeTruthy();
    expect(core.writes()).toEqual([]);
  });

  it('shows a VALIDATION error from the core in the drawer and keeps the typed values', async () => {
    const message = '参数无效（indicator/save）：indicator.unit：字符串长度必须小于等于40';
    const core = fakeCore({
      'indicator/save': () => ({
        ok: false,
        error: { code: 'VALIDATION', message, details: [{ path: ['indicator', 'unit'], message: '单位过长' }] },
      }),
    });
    const onSaved = vi.fn();
    renderDrawer({ indicatorId: 2 }, core.transport, { onSaved });
    await screen.findByTestId('definition-drawer');
    type('指标名称', '公司制企业占比');
    type('单位', '百分比（按年末在册企业计）');
    fireEvent.click(screen.getByTestId('definition-save'));

    const error = await screen.findByTestId('definition-error');
    expect(error.textContent).toContain('保存失败');
    expect(error.textContent).toContain(message);
    expect(within(screen.getByTestId('definition-drawer')).getByText('单位过长')).toBeTruthy();
    expect(field('指标名称').value).toBe('公司制企业占比');
    expect(field('单位').value).toBe('百分比（按年末在册企业计）');
    expect(onSaved).not.toHaveBeenCalled();
    expect(screen.getByTestId('definition-drawer')).toBeTruthy();
  });

  it('deletes after confirmation and 撤销 restores the same indicator, even after the drawer closed', async () => {
    const plan = buildPlanDetail();
    const snapshot = indicatorOf(plan, 1);
    const core = fakeCore({
      'indicator/delete': () => ok({ snapshot }),
      'indicator/restore': () => ok(snapshot),
    });
    const onDeleted = vi.fn();
    const onSaved = vi.fn();
    // The page closes the drawer once the indicator is gone.
    function Page() {
      const [target, setTarget] = useState<DefinitionTarget | null>({ indicatorId: 1 });
      return (
        <IndicatorDefinitionDrawer
          planId={1}
          plan={plan}
          target={target}
          onClose={() => setTarget(null)}
          onSaved={onSaved}
          onDeleted={(s) => {
            onDeleted(s);
            setTarget(null);
          }}
        />
      );
    }
    renderWithApi(<Page />, core.transport);
    await screen.findByTestId('definition-drawer');

    fireEvent.click(screen.getByTestId('definition-delete'));
    expect(await screen.findByText(/确定删除指标“在册市场主体总量”/)).toBeTruthy();
    expect(core.writes()).toEqual([]);
    fireEvent.click(await screen.findByTestId('definition-delete-confirm'));

    await waitFor(() => expect(onDeleted).toHaveBeenCalledWith(snapshot));
    expect(core.writes()).toEqual([{ channel: 'indicator/delete', args: { planId: 1, indicatorId: 1 } }]);
    expect((await screen.findByTestId('definition-deleted')).textContent).toContain('已删除指标“在册市场主体总量”');
    await waitFor(() => expect(screen.queryByTestId('definition-drawer')).toBeNull());

    fireEvent.click(screen.getByTestId('definition-undo-delete'));
    await waitFor(() => expect(onSaved).toHaveBeenCalledWith(snapshot));
    expect(core.writes()[1]).toEqual({ channel: 'indicator/restore', args: { planId: 1, indicatorId: 1 } });
    expect(await screen.findByText('已恢复指标“在册市场主体总量”')).toBeTruthy();
  });

  it('shows a refused delete in the drawer', async () => {
    const message = '找不到该指标（编号 2），可能已被删除。';
    const core = fakeCore({ 'indicator/delete': () => ({ ok: false, error: { code: 'NOT_FOUND', message } }) });
    const onDeleted = vi.fn();
    renderDrawer({ indicatorId: 2 }, core.transport, { onDeleted });
    await screen.findByTestId('definition-drawer');
    fireEvent.click(screen.getByTestId('definition-delete'));
    fireEvent.click(await screen.findByTestId('definition-delete-confirm'));
    const error = await screen.findByTestId('definition-error');
    expect(error.textContent).toContain('删除失败');
    expect(error.textContent).toContain(message);
    expect(onDeleted).not.toHaveBeenCalled();
    expect(screen.queryByTestId('definition-deleted')).toBeNull();
  });

  it('renders database text as text and says so when the indicator is gone', async () => {
    const plan = buildPlanDetail();
    plan.indicators[0]!.name = '<b>质量</b>';
    renderDrawer({ indicatorId: 3 }, fakeCore().transport, {}, plan);
    await screen.findByTestId('definition-drawer');
    expect(screen.getByText('编辑指标：<b>质量</b>')).toBeTruthy();
    expect(field('备注').value).toBe('<b>按年度评估</b>');
    expect(document.querySelector('.ant-drawer b')).toBeNull();
  });

  it('says so when the indicator asked for is not in the plan', async () => {
    renderDrawer({ indicatorId: 99 }, fakeCore().transport);
    const drawer = await screen.findByTestId('definition-drawer');
    expect(drawer.textContent).toContain('找不到该指标');
    expect(screen.queryByTestId('definition-save')).toBeNull();
  });

  it('renders nothing while no target is set', async () => {
    const core = fakeCore();
    renderDrawer(null, core.transport);
    await new Promise((r) => setTimeout(r, 0));
    expect(screen.queryByTestId('definition-drawer')).toBeNull();
    expect(core.calls).toEqual([]);
  });
});
