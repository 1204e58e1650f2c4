// The only bridge between the sandboxed renderer and main: a generic invoke over known channels.
// No npm dependencies (a sandboxed preload cannot require them); the channel list is bundled in from the contract.
import { contextBridge, ipcRenderer } from 'electron';
import { CHANNELS } from '../shared/api';

const known = new Set<string>(CHANNELS);

contextBridge.exposeInMainWorld('plandesk', {
  invoke(channel: string, args: unknown): Promise<unknown> {
    if (!known.has(channel)) return Promise.reject(new Error(`unknown channel ${channel}`));
    return ipcRenderer.invoke(channel, args);
  },
});
