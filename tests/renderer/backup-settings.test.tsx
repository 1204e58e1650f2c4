// 设置 → 数据与备份 against a fake core: where the database is (copyable), its size and version, the backups folder and
// how many are kept (changed through settings/set-backup-keep), the rolling backups with their reasons; 立即备份,
// 备份到文件 (delivered like every export), and 从备份恢复 — a picked file or a listed backup previewed (date, version,
// integrity, plans with counts, refusals in the core's words), restored with the preview's token after saying the
// current data is backed up first, a stale token explained and previewed again, the whole window reloaded afterwards.
import { describe, expect, it, vi } from 'vitest';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import App from '../../src/renderer/src/App';
import { formatTime } from '../../src/renderer/src/lib/time';
import { SettingsPage } from '../../src/renderer/src/pages/SettingsPage';
import type { Channel } from '../../src/shared/api';
import type { RestoreResult } from '../../src/shared/backup';
import type { PlanSummary } from '../../src/shared/model';
import { appCore, type AppCore, type AppHandler } from './app-core';
import { daily, manual, restorePreview, storageInfo } from './backup-fixture';
import { fail } from './monitoring-core';
import { ok, planSummary } from './plan-fixture';
import { exportResult } from './report-fixture';
import { renderWithApi } from './render-with-api';

const TOKEN = 'e'.repeat(64);
const NEW_TOKEN = 'f'.repeat(64);
const SAFETY = '/home/clerk/.config/PlanDesk/backups/plandesk-2026-03-02T09-00-00-restore.db';

const restored: RestoreResult = {
  safetyBackup: SAFETY,
  from: 5,
  to: 6,
  contents: restorePreview(TOKEN).backup,
};

function core(handlers: Partial<Record<Channel, AppHandler>> = {}): AppCore {
  return appCore([planSummary], {
    'settings/storage': () => ok(storageInfo()),
    'backup/list': () => ok([manual, daily]),
    ...handlers,
  });
}

async function openPanel(c: AppCore, onRestored: (text: string) => void = () => {}) {
  renderWithApi(<SettingsPage onRestored={onRestored} />, c.transport);
  await screen.findByTestId('backup-storage', {}, { timeout: 5000 });
  await screen.findByTestId(`backup-row-${manual.fileName}`);
  return screen.getByTestId('backup-panel');
}

const fileInput = () => screen.getByTestId('restore-dialog').querySelector<HTMLInputElement>('input[type="file"]')!;
const backupFile = () => new File(['SQLite format 3\u0000 backup'], 'plandesk-备份.db');
const button = (id: string) => screen.getByTestId(id) as HTMLButtonElement;
const settle = () => act(() => new Promise((r) => setTimeout(r, 30)));

async function pickAndPreview(c: AppCore) {
  fireEvent.click(button('backup-restore-open'));
  await screen.findByTestId('restore-dialog');
  fireEvent.change(fileInput(), { target: { files: [backupFile()] } });
  await waitFor(() => expect(screen.getByTestId('restore-chosen').textContent).toContain('plandesk-备份.db'));
  fireEvent.click(button('restore-run-preview'));
  await screen.findByTestId('restore-preview');
  expect(c.argsOf('backup/restore-preview')).toHaveLength(1);
}

describe('数据与备份: what is stored where', () => {
  it('shows the database, its size and version, the backups folder, how many are kept and the backups', async () => {
    const c = core();
    const panel = await openPanel(c);
    expect(c.argsOf('settings/storage')).toEqual([{}]);
    expect(c.argsOf('backup/list')).toEqual([{}]);
    const db = within(panel).getByTestId('backup-db-file');
    expect(db.textContent).toContain('/home/clerk/.config/PlanDesk/plandesk.db');
    expect(db.querySelector('.ant-typography-copy')).toBeTruthy();
    expect(within(panel).getByTestId('backup-db-size').textContent).toBe('1.5 MB（数据库第 6 版）');
    expect(within(panel).getByTestId('backup-dir').textContent).toContain('/home/clerk/.config/PlanDesk/backups');
    expect((within(panel).getByTestId('backup-keep') as HTMLInputElement).value).toBe('20');
    expect(within(panel).getByTestId('backup-count').textContent).toBe(
      `2 份，共 2.5 MB；最近一次 ${formatTime(manual.at, 'zh-CN')}（手动备份）`,
    );
    const row = within(panel).getByTestId(`backup-row-${manual.fileName}`).textContent;
    expect(row).toContain(formatTime(manual.at, 'zh-CN'));
    expect(row).toContain('手动备份');
    expect(row).toContain('受保护');
    expect(row).toContain('1.5 MB');
    expect(within(panel).getByTestId(`backup-row-${daily.fileName}`).textContent).toContain('每日首次启动');
  });

  it('says so for an in-memory database', async () => {
    const c = core({
      'settings/storage': () =>
        ok(storageInfo({ dbFile: ':memory:', backupsDir: null, backupCount: 0, backupBytes: 0, latestBackup: null })),
      'backup/list': () => ok([]),
    });
    renderWithApi(<SettingsPage />, c.transport);
    const storage = await screen.findByTestId('backup-storage', {}, { timeout: 5000 });
    expect(storage.textContent).toContain('内存数据库（不保存到磁盘）');
    expect(storage.textContent).toContain('无（内存数据库）');
    expect(screen.getByTestId('backup-list').textContent).toContain('还没有备份');
  });

  it('changes how many backups are kept, and refuses an empty number', async () => {
    const c = core({ 'settings/set-backup-keep': (args: { keep: number }) => ok(storageInfo({ keep: args.keep })) });
    const panel = await openPanel(c);
    const keep = within(panel).getByTestId('backup-keep') as HTMLInputElement;
    expect(button('backup-keep-save').disabled).toBe(true);
    fireEvent.change(keep, { target: { value: '' } });
    expect(await within(panel).findByTestId('backup-keep-invalid')).toBeTruthy();
    expect(within(panel).getByTestId('backup-keep-invalid').textContent).toBe('请填写 3 到 500 之间的整数');
    expect(button('backup-keep-save').disabled).toBe(true);
    fireEvent.change(keep, { target: { value: '30' } });
    await waitFor(() => expect(button('backup-keep-save').disabled).toBe(false));
    fireEvent.click(button('backup-keep-save'));
    await waitFor(() => expect(c.argsOf('settings/set-backup-keep')).toEqual([{ keep: 30 }]));
    await waitFor(() => expect(button('backup-keep-save').disabled).toBe(true));
    expect(keep.value).toBe('30');
  });

  it('shows why the number could not be saved', async () => {
    const c = core({ 'settings/set-backup-keep': () => fail('FILE_ERROR', '数据库为只读，无法保存设置。') });
    const panel = await openPanel(c);
    fireEvent.change(within(panel).getByTestId('backup-keep'), { target: { value: '10' } });
    await waitFor(() => expect(button('backup-keep-save').disabled).toBe(false));
    fireEvent.click(button('backup-keep-save'));
    expect((await within(panel).findByTestId('backup-keep-error')).textContent).toBe(
      '未能保存：数据库为只读，无法保存设置。',
    );
  });
});

describe('立即备份 and 备份到文件', () => {
  it('backs up now and lists the new backup', async () => {
    const fresh = { ...manual, fileName: 'plandesk-2026-03-02T09-15-00-manual.db', at: '2026-03-02T09:15:00.000Z' };
    let listed = [manual, daily];
    const c = core({
      'backup/list': () => ok(listed),
      'backup/create': () => {
        listed = [fresh, ...listed];
        return ok(fresh);
      },
    });
    await openPanel(c);
    fireEvent.click(button('backup-create'));
    await waitFor(() => expect(c.argsOf('backup/create')).toEqual([{}]));
    expect(await screen.findByText(`已备份：${fresh.fileName}`)).toBeTruthy();
    expect(await screen.findByTestId(`backup-row-${fresh.fileName}`)).toBeTruthy();
    expect(c.argsOf('settings/storage')).toHaveLength(2);
  });

  it('says why a backup failed', async () => {
    const c = core({ 'backup/create': () => fail('FILE_ERROR', '磁盘已满，无法写入备份文件。') });
    await openPanel(c);
    fireEvent.click(button('backup-create'));
    expect(await screen.findByText('备份失败：磁盘已满，无法写入备份文件。')).toBeTruthy();
  });

  it('backs up to a file like every export', async () => {
    const c = core({
      'backup/export': () =>
        ok(exportResult({ fileName: 'PlanDesk备份.db', savedTo: 'E:\\备份\\PlanDesk备份.db', warnings: [] })),
    });
    await openPanel(c);
    fireEvent.click(button('backup-export'));
    await waitFor(() => expect(c.argsOf('backup/export')).toEqual([{}]));
    expect(await screen.findByText('已保存到 E:\\备份\\PlanDesk备份.db')).toBeTruthy();
  });
});

describe('从备份恢复', () => {
  it('previews a picked file: date, version, integrity, plans compared; then restores with the token', async () => {
    const c = core({
      'backup/restore-preview': () => ok(restorePreview(TOKEN)),
      'backup/restore': () => ok(restored),
    });
    const onRestored = vi.fn();
    await openPanel(c, onRestored);
    await pickAndPreview(c);
    const [args] = c.argsOf('backup/restore-preview') as { file: { name: string; bytesBase64: string } }[];
    expect(args).toEqual({ file: { name: 'plandesk-备份.db', bytesBase64: btoa('SQLite format 3\u0000 backup') } });

    const preview = screen.getByTestId('restore-preview');
    expect(within(preview).getByTestId('restore-explain').textContent).toContain(
      '恢复前程序会先自动备份当前数据（原因为“恢复备份前”）',
    );
    const source = within(preview).getByTestId('restore-source').textContent;
    expect(source).toContain('plandesk-备份.db');
    expect(source).toContain(formatTime('2026-01-15T02:00:00.000Z', 'zh-CN'));
    expect(source).toContain('1.0 MB');
    expect(source).toContain('ab'.repeat(32));
    expect(source).toContain('2 个规划，8 个科室，420 条修改记录');
    expect(within(preview).getByTestId('restore-schema').textContent).toBe(
      '第 5 版（较旧，恢复后将自动升级到第 6 版）',
    );
    expect(within(preview).getByTestId('restore-integrity').textContent).toBe('通过');
    expect(within(preview).getByTestId('restore-plan-十四五').textContent).toContain(
      '18 项指标，160 个数值18 项指标，175 个数值',
    );
    expect(within(preview).getByTestId('restore-plan-十三五').textContent).toContain('仅在备份中');
    expect(within(preview).getByTestId('restore-plan-十五五').textContent).toContain('恢复后将不再有此规划');
    expect(c.argsOf('backup/restore')).toEqual([]);

    fireEvent.click(button('restore-ok'));
    await waitFor(() => expect(c.argsOf('backup/restore')).toHaveLength(1));
    expect(c.argsOf('backup/restore')[0]).toEqual({ ...args, token: TOKEN });
    await waitFor(() =>
      expect(onRestored).toHaveBeenCalledWith(`已从“plandesk-备份.db”恢复数据。恢复前的数据已备份为 ${SAFETY}。`),
    );
  });

  it('restores one of the listed backups by name', async () => {
    const c = core({
      'backup/restore-preview': () => ok(restorePreview(TOKEN, daily.fileName)),
      'backup/restore': () => ok({ ...restored, safetyBackup: null }),
    });
    const onRestored = vi.fn();
    await openPanel(c, onRestored);
    fireEvent.click(button(`backup-restore-${daily.fileName}`));
    await screen.findByTestId('restore-preview');
    expect(c.argsOf('backup/restore-preview')).toEqual([{ backup: daily.fileName }]);
    fireEvent.click(button('restore-ok'));
    await waitFor(() => expect(c.argsOf('backup/restore')).toEqual([{ backup: daily.fileName, token: TOKEN }]));
    await waitFor(() => expect(onRestored).toHaveBeenCalledWith(`已从“${daily.fileName}”恢复数据。`));
  });

  it('shows why a file cannot be restored, and restores nothing', async () => {
    const c = core({
      'backup/restore-preview': () =>
        fail('VALIDATION', '“plandesk-备份.db”已损坏（完整性检查未通过），不能用于恢复。请换一份备份。'),
    });
    await openPanel(c);
    await pickAndPreview(c).catch(() => {});
    const error = await screen.findByTestId('restore-error');
    expect(error.textContent).toContain('不能从此文件恢复');
    expect(error.textContent).toContain('已损坏（完整性检查未通过），不能用于恢复');
    expect(screen.queryByTestId('restore-ok')).toBeNull();
    expect(c.argsOf('backup/restore')).toEqual([]);
  });

  it('refuses a file over 200 MB or an empty one before reading it', async () => {
    const c = core();
    await openPanel(c);
    fireEvent.click(button('backup-restore-open'));
    await screen.findByTestId('restore-dialog');
    const big = new File(['x'], '整个硬盘.db');
    Object.defineProperty(big, 'size', { value: 200 * 1024 * 1024 + 1 });
    fireEvent.change(fileInput(), { target: { files: [big] } });
    expect((await screen.findByTestId('restore-error')).textContent).toBe(
      '整个硬盘.db：文件超过 200 MB，不像是 PlanDesk 的备份文件，未选入。',
    );
    expect(button('restore-run-preview').disabled).toBe(true);
    fireEvent.change(fileInput(), { target: { files: [new File([], '空.db')] } });
    await waitFor(() =>
      expect(screen.getByTestId('restore-error').textContent).toBe(
        '空.db：文件是空的，不是 PlanDesk 的备份文件，未选入。',
      ),
    );
    await settle();
    expect(c.argsOf('backup/restore-preview')).toEqual([]);
  });

  it('explains a stale token, previews again and restores with the new token', async () => {
    let previews = 0;
    const c = core({
      'backup/restore-preview': () => ok(restorePreview(++previews === 1 ? TOKEN : NEW_TOKEN)),
      'backup/restore': (args: { token: string }) =>
        args.token === TOKEN
          ? fail('CONFLICT', '备份文件或当前数据在预览之后有变化（或预览已过期），未恢复。请重新预览后再确认恢复。')
          : ok(restored),
    });
    const onRestored = vi.fn();
    await openPanel(c, onRestored);
    await pickAndPreview(c);
    fireEvent.click(button('restore-ok'));
    const error = await screen.findByTestId('restore-error');
    expect(error.textContent).toContain('预览之后备份文件或当前数据有了变化，本次没有恢复。请重新预览');
    expect(error.textContent).toContain('预览已过期');
    expect(button('restore-ok').disabled).toBe(true);
    expect(onRestored).not.toHaveBeenCalled();

    fireEvent.click(button('restore-repreview'));
    await waitFor(() => expect(c.argsOf('backup/restore-preview')).toHaveLength(2));
    await waitFor(() => expect(button('restore-ok').disabled).toBe(false));
    fireEvent.click(button('restore-ok'));
    await waitFor(() => expect(c.argsOf('backup/restore')).toHaveLength(2));
    expect((c.argsOf('backup/restore')[1] as { token: string }).token).toBe(NEW_TOKEN);
    await waitFor(() => expect(onRestored).toHaveBeenCalledTimes(1));
  });

  it('keeps the preview and says why when the restore fails', async () => {
    const c = core({
      'backup/restore-preview': () => ok(restorePreview(TOKEN)),
      'backup/restore': () => fail('DB_ERROR', '数据库正被另一个 PlanDesk 使用，未恢复。'),
    });
    await openPanel(c);
    await pickAndPreview(c);
    fireEvent.click(button('restore-ok'));
    expect((await screen.findByTestId('restore-error')).textContent).toBe(
      '恢复失败：数据库正被另一个 PlanDesk 使用，未恢复。',
    );
    expect(screen.getByTestId('restore-preview')).toBeTruthy();
    expect(button('restore-ok').disabled).toBe(false);
  });

  it('reloads the plan list and the current plan afterwards', async () => {
    const restoredPlan: PlanSummary = { ...planSummary, id: 9, shortName: '十三五', title: '“十三五”规划' };
    const c = core({
      'backup/restore-preview': () => ok(restorePreview(TOKEN)),
      'backup/restore': (_args: never, x) => {
        x.plans.splice(0, x.plans.length, restoredPlan);
        x.details.set(9, { ...x.details.get(1)!, plan: { ...x.details.get(1)!.plan, ...restoredPlan } });
        return ok(restored);
      },
    });
    renderWithApi(<App />, c.transport);
    await screen.findByTestId('indicator-row-1', {}, { timeout: 5000 });
    fireEvent.click(screen.getByRole('tab', { name: '设置' }));
    await screen.findByTestId(`backup-row-${manual.fileName}`, {}, { timeout: 5000 });
    await pickAndPreview(c);
    fireEvent.click(button('restore-ok'));
    expect(await screen.findByText(`已从“plandesk-备份.db”恢复数据。恢复前的数据已备份为 ${SAFETY}。`)).toBeTruthy();
    await waitFor(() => expect(c.argsOf('plan/list')).toHaveLength(2));
    await waitFor(() => expect(screen.getByTestId('plan-switcher').textContent).toContain('十三五'));
    // 设置 is loaded afresh from the restored data.
    await waitFor(() => expect(c.argsOf('settings/storage').length).toBeGreaterThanOrEqual(2));
    fireEvent.click(screen.getByRole('tab', { name: '主要指标' }));
    await waitFor(() => expect(c.argsOf('plan/get')).toContainEqual({ plan: 9 }));
  });
});
