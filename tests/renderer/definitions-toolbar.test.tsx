// StructureToolbar against a fake transport: the arguments of indicator/move, category/save, category/delete and
// category/move, and the core's refusals shown in its own words.
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Transport } from '../../src/renderer/src/lib/api';
import type { Channel } from '../../src/shared/api';
import type { IpcResult } from '../../src/shared/errors';
import type { PlanDetail } from '../../src/shared/model';
import { StructureToolbar } from '../../src/renderer/src/components/definitions/StructureToolbar';
import { buildPlanDetail, ok } from './plan-fixture';
import { renderWithApi } from './render-with-api';

type Call = { channel: Channel; args: unknown };

// Fixture: 主体活力 (id 10, first) holds indicators 1 then 2; 质量提升 (id 20, second) holds indicator 3.
function setup(
  selectedIndicatorId: number | null,
  answers: Partial<Record<Channel, (args: unknown) => IpcResult<unknown>>> = {},
  plan: PlanDetail = buildPlanDetail(),
) {
  const calls: Call[] = [];
  const transport: Transport = async (channel, args) => {
    calls.push({ channel, args });
    const answer = answers[channel];
    return answer ? answer(args) : ok(null);
  };
  const onChanged = vi.fn();
  renderWithApi(
    <StructureToolbar planId={1} plan={plan} selectedIndicatorId={selectedIndicatorId} onChanged={onChanged} />,
    transport,
  );
  return { calls, onChanged };
}

const button = (testId: string) => screen.getByTestId(testId) as HTMLButtonElement;

async function pickCategory(name: string) {
  fireEvent.mouseDown(screen.getByLabelText('类别'));
  const option = await waitFor(() => {
    const found = [...document.querySelectorAll<HTMLElement>('.ant-select-item-option')].find(
      (o) => o.getAttribute('title') === name,
    );
    if (!found) throw new Error(`option ${name} not shown`);
    return found;
  });
  fireEvent.click(option);
}

describe('StructureToolbar: indicators', () => {
  it('moves the selected indicator up within its category', async () => {
    const { calls, onChanged } = setup(2);
    expect(screen.getByTestId('structure-selected').textContent).toBe('公司制企业占企业总数比重');
    expect(button('indicator-move-down').disabled).toBe(true);
    fireEvent.click(button('indicator-move-up'));
    await waitFor(() => expect(onChanged).toHaveBeenCalledTimes(1));
    expect(calls).toEqual([
      { channel: 'indicator/move', args: { planId: 1, indicatorId: 2, categoryId: 10, index: 0 } },
    ]);
  });

  it('moves the selected indicator down within its category', async () => {
    const { calls, onChanged } = setup(1);
    expect(button('indicator-move-up').disabled).toBe(true);
    fireEvent.click(button('indicator-move-down'));
    await waitFor(() => expect(onChanged).toHaveBeenCalledTimes(1));
    expect(calls).toEqual([
      { channel: 'indicator/move', args: { planId: 1, indicatorId: 1, categoryId: 10, index: 1 } },
    ]);
  });

  it('moves the selected indicator to the end of another category', async () => {
    const { calls, onChanged } = setup(2);
    fireEvent.click(button('indicator-move-to'));
    const menu = await screen.findByRole('menu');
    expect(within(menu).queryByText('主体活力')).toBeNull();
    fireEvent.click(within(menu).getByText('质量提升'));
    await waitFor(() => expect(onChanged).toHaveBeenCalledTimes(1));
    expect(calls).toEqual([
      { channel: 'indicator/move', args: { planId: 1, indicatorId: 2, categoryId: 20, index: 1 } },
    ]);
  });

  it('disables indicator moves while nothing is selected', () => {
    setup(null);
    expect(screen.getByTestId('structure-selected').textContent).toBe('请先在表格中选中一项指标');
    for (const id of ['indicator-move-up', 'indicator-move-down', 'indicator-move-to']) {
      expect(button(id).disabled, id).toBe(true);
    }
    expect(button('category-add').disabled).toBe(false);
  });

  it('shows a refused move and does not report a change', async () => {
    const message = '找不到该类别（编号 10）。';
    const { onChanged } = setup(2, { 'indicator/move': () => ({ ok: false, error: { code: 'NOT_FOUND', message } }) });
    fireEvent.click(button('indicator-move-up'));
    expect((await screen.findByTestId('structure-error')).textContent).toContain(message);
    expect(onChanged).not.toHaveBeenCalled();
  });
});

describe('StructureToolbar: categories', () => {
  it("works on the selected indicator's category and moves it down", async () => {
    const { calls, onChanged } = setup(3);
    expect(screen.getByTestId('category-select').textContent).toContain('质量提升');
    expect(button('category-move-down').disabled).toBe(true);
    fireEvent.click(button('category-move-up'));
    await waitFor(() => expect(onChanged).toHaveBeenCalledTimes(1));
    expect(calls).toEqual([{ channel: 'category/move', args: { planId: 1, categoryId: 20, index: 0 } }]);
  });

  it('moves a picked category down', async () => {
    const { calls, onChanged } = setup(null);
    // Without a selection the first category in order is shown.
    expect(screen.getByTestId('category-select').textContent).toContain('主体活力');
    expect(button('category-move-up').disabled).toBe(true);
    fireEvent.click(button('category-move-down'));
    await waitFor(() => expect(onChanged).toHaveBeenCalledTimes(1));
    expect(calls).toEqual([{ channel: 'category/move', args: { planId: 1, categoryId: 10, index: 1 } }]);

    await pickCategory('质量提升');
    expect(button('category-move-down').disabled).toBe(true);
    fireEvent.click(button('category-move-up'));
    await waitFor(() => expect(onChanged).toHaveBeenCalledTimes(2));
    expect(calls[1]).toEqual({ channel: 'category/move', args: { planId: 1, categoryId: 20, index: 0 } });
  });

  it('adds a category through the name dialog (no id)', async () => {
    const { calls, onChanged } = setup(1, { 'category/save': () => ok({ id: 30, name: '安全底线', sortOrder: 3 }) });
    fireEvent.click(button('category-add'));
    fireEvent.change(await screen.findByTestId('category-name-input'), { target: { value: ' 安全底线 ' } });
    fireEvent.click(screen.getByTestId('category-name-ok'));
    await waitFor(() => expect(onChanged).toHaveBeenCalledTimes(1));
    expect(calls).toEqual([{ channel: 'category/save', args: { planId: 1, name: '安全底线' } }]);
    expect(await screen.findByText('已新增类别“安全底线”')).toBeTruthy();
    await waitFor(() => expect(screen.queryByTestId('category-name-input')).toBeNull());
  });

  it('renames the category with its id', async () => {
    const { calls, onChanged } = setup(1, { 'category/save': () => ok({ id: 10, name: '市场主体', sortOrder: 1 }) });
    fireEvent.click(button('category-rename'));
    const input = (await screen.findByTestId('category-name-input')) as HTMLInputElement;
    expect(input.value).toBe('主体活力');
    fireEvent.change(input, { target: { value: '市场主体' } });
    fireEvent.click(screen.getByTestId('category-name-ok'));
    await waitFor(() => expect(onChanged).toHaveBeenCalledTimes(1));
    expect(calls).toEqual([{ channel: 'category/save', args: { planId: 1, id: 10, name: '市场主体' } }]);
  });

  it('keeps the dialog open with the core message when the name is refused', async () => {
    const message = '类别“质量提升”已经存在。';
    const { calls, onChanged } = setup(1, {
      'category/save': () => ({ ok: false, error: { code: 'CONFLICT', message } }),
    });
    fireEvent.click(button('category-add'));
    const input = (await screen.findByTestId('category-name-input')) as HTMLInputElement;
    fireEvent.click(screen.getByTestId('category-name-ok'));
    expect(await screen.findByText('请填写类别名称')).toBeTruthy();
    expect(calls).toEqual([]);

    fireEvent.change(input, { target: { value: '质量提升' } });
    fireEvent.click(screen.getByTestId('category-name-ok'));
    expect((await screen.findByTestId('category-name-error')).textContent).toContain(message);
    expect(input.value).toBe('质量提升');
    expect(calls).toHaveLength(1);
    expect(onChanged).not.toHaveBeenCalled();
  });

  it('deletes an empty category after confirmation', async () => {
    const plan = buildPlanDetail();
    plan.categories.push({ id: 30, name: '安全底线', sortOrder: 3 });
    const { calls, onChanged } = setup(null, { 'category/delete': () => ok({ ok: true }) }, plan);
    await pickCategory('安全底线');
    fireEvent.click(button('category-delete'));
    fireEvent.click(await screen.findByTestId('category-delete-confirm'));
    await waitFor(() => expect(onChanged).toHaveBeenCalledTimes(1));
    expect(calls).toEqual([{ channel: 'category/delete', args: { planId: 1, categoryId: 30 } }]);
  });

  it('shows the refusal when the category still holds indicators', async () => {
    const message = '类别“主体活力”下还有 2 项指标，请先移走或删除这些指标。';
    const { calls, onChanged } = setup(1, {
      'category/delete': () => ({ ok: false, error: { code: 'CONFLICT', message } }),
    });
    fireEvent.click(button('category-delete'));
    expect(await screen.findByText(/确定删除类别“主体活力”/)).toBeTruthy();
    fireEvent.click(await screen.findByTestId('category-delete-confirm'));
    expect((await screen.findByTestId('structure-error')).textContent).toContain(message);
    expect(calls).toEqual([{ channel: 'category/delete', args: { planId: 1, categoryId: 10 } }]);
    expect(onChanged).not.toHaveBeenCalled();
  });
});
