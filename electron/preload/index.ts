// Runs in the sandboxed preload: it may require only `electron`, so everything else is
// bundled into this one CommonJS file. It exposes `window.fellows` and nothing else.
import { contextBridge, ipcRenderer } from 'electron';
import { buildBridge } from '../../shared/ipc/bridge.ts';
import type { FellowsBridge } from '../../shared/ipc/contract.ts';
import { createEventHub } from '../../shared/ipc/events.ts';

// Main's events reach the page only through the hub: known names, parsed payloads, and
// never the IpcRendererEvent (since Electron 28 only main can send to a renderer).
const on = createEventHub(
  (event, receive) => {
    ipcRenderer.on(event, (_ipcEvent, payload: unknown) => {
      receive(payload);
    });
  },
  (line) => {
    console.warn(line);
  },
);

contextBridge.exposeInMainWorld(
  'fellows',
  buildBridge((channel, args) => ipcRenderer.invoke(channel, ...args), on) satisfies FellowsBridge,
);
