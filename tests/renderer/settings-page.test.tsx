// SettingsPage lists the PDF font roles with their source (official installed font or bundled open font).
import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import type { Transport } from '../../src/renderer/src/lib/api';
import type { StatusInfo } from '../../src/renderer/src/lib/status';
import { SettingsPage } from '../../src/renderer/src/pages/SettingsPage';
import { ok } from './plan-fixture';
import { storageInfo } from './backup-fixture';
import { fontRoles } from './report-fixture';
import { renderWithApi } from './render-with-api';

describe('SettingsPage', () => {
  it('lists the four font roles with family, source tag, file and fallbacks', async () => {
    const calls: { channel: string; args: unknown }[] = [];
    const transport: Transport = async (channel, args) => {
      calls.push({ channel, args });
      if (channel === 'settings/fonts') return ok(fontRoles);
      if (channel === 'backup/list' || channel === 'department/list') return ok([]);
      if (channel === 'settings/storage') return ok(storageInfo());
      return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: channel } };
    };
    const statuses: StatusInfo[] = [];
    renderWithApi(<SettingsPage onStatus={(s) => statuses.push(s)} />, transport);
    await screen.findByTestId('font-role-heiti');
    expect(calls.filter((c) => c.channel === 'settings/fonts')).toEqual([{ channel: 'settings/fonts', args: {} }]);

    const row = (role: string) => screen.getByTestId(`font-role-${role}`);
    const rows = [...document.querySelectorAll('tr[data-testid^="font-role-"]')];
    expect(rows.map((r) => r.getAttribute('data-testid'))).toEqual([
      'font-role-heiti',
      'font-role-songti',
      'font-role-biaosong',
      'font-role-fangsong',
    ]);
    expect(within(row('heiti')).getByText('黑体', { selector: 'strong' })).toBeTruthy();
    expect(within(row('songti')).getByText('宋体')).toBeTruthy();
    expect(within(row('biaosong')).getByText('标宋')).toBeTruthy();
    expect(within(row('fangsong')).getByText('仿宋')).toBeTruthy();

    const tag = (role: string) => screen.getByTestId(`font-source-${role}`).textContent;
    expect(tag('heiti')).toBe('本机正式字体');
    expect(tag('fangsong')).toBe('本机正式字体');
    expect(tag('songti')).toBe('内置开源字体');
    expect(tag('biaosong')).toBe('内置开源字体');

    expect(within(row('fangsong')).getByText('仿宋_GB2312')).toBeTruthy();
    expect(within(row('fangsong')).getByText('C:\\Windows\\Fonts\\FangSong_GB2312.ttf')).toBeTruthy();
    expect(within(row('fangsong')).getByText('FandolFang')).toBeTruthy();
    expect(within(row('fangsong')).getByText('Noto Serif SC')).toBeTruthy();
    expect(within(row('songti')).getByText('—')).toBeTruthy();
    expect(within(row('songti')).getByText('/opt/plandesk/fonts/NotoSerifSC-Regular.otf')).toBeTruthy();
    await waitFor(() => expect(statuses.at(-1)).toEqual({ tone: 'ok', text: '已加载 4 种字体角色' }));
  });

  it('shows the Chinese error when the fonts cannot be read', async () => {
    const message = '读取字体目录失败';
    renderWithApi(<SettingsPage />, async () => ({ ok: false, error: { code: 'INTERNAL', message } }));
    const alert = await screen.findByTestId('query-error');
    expect(alert.textContent).toContain(message);
  });
});
