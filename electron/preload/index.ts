// Runs in the sandboxed preload: it may require only `electron`, so everything else is
// bundled into this one CommonJS file. It exposes `window.fellows` and nothing else.
import { contextBridge, ipcRenderer } from 'electron';
import { buildBridge } from '../../shared/ipc/bridge.ts';
import type { FellowsBridge } from '../../shared/ipc/contract.ts';

contextBridge.exposeInMainWorld(
  'fellows',
  buildBridge((channel, args) => ipcRenderer.invoke(channel, ...args)) satisfies FellowsBridge,
);
