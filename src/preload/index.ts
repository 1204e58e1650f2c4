// The only bridge between the sandboxed renderer and main: a generic invoke over known channels.
// No npm dependencies (a sandboxed preload cannot require them); the channel list is bundled in from shared/channels.
import { contextBridge, ipcRenderer } from 'electron';
import { CHANNEL_NAMES } from '../shared/channels';

const known = new Set<string>(CHANNEL_NAMES);

contextBridge.exposeInMainWorld('plandesk', {
  invoke(channel: string, args: unknown): Promise<unknown> {
    if (!known.has(channel)) return Promise.reject(new Error(`unknown channel ${channel}`));
    return ipcRenderer.invoke(channel, args);
  },
});
