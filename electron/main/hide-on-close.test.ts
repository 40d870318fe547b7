import { EventEmitter } from 'node:events';
import type { BrowserWindow } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { installHideOnClose, onCloseDecision, type HidableWindow } from './hide-on-close.ts';
import { createLifecycle } from './lifecycle.ts';

// The real window must fit what the handler wires (checked by the compiler, not at run time).
export const realWindowFits = (window: BrowserWindow): HidableWindow => window;

describe('onCloseDecision', () => {
  it('hides on macOS whether or not there is a tray: the app stays in the Dock', () => {
    expect(onCloseDecision('darwin', { quitting: false, trayAvailable: true })).toBe('hide');
    expect(onCloseDecision('darwin', { quitting: false, trayAvailable: false })).toBe('hide');
  });

  it.each(['win32', 'linux', 'freebsd'] as const)(
    'hides on %s only when a tray icon can bring the window back',
    (platform) => {
      expect(onCloseDecision(platform, { quitting: false, trayAvailable: true })).toBe('hide');
      expect(onCloseDecision(platform, { quitting: false, trayAvailable: false })).toBe('close');
    },
  );

  it.each(['darwin', 'win32', 'linux'] as const)(
    'always closes on %s while quitting',
    (platform) => {
      expect(onCloseDecision(platform, { quitting: true, trayAvailable: true })).toBe('close');
      expect(onCloseDecision(platform, { quitting: true, trayAvailable: false })).toBe('close');
    },
  );
});

/** A window that emits Electron's close event and records what the handler did. */
class FakeWindow extends EventEmitter {
  visible = true;
  fullScreen = false;
  hide = vi.fn(() => {
    this.visible = false;
  });
  isFullScreen = () => this.fullScreen;
  setFullScreen = vi.fn((flag: boolean) => {
    this.fullScreen = flag;
  });
  /** Clicks the close button; true if the window really closes. */
  close(): boolean {
    let prevented = false;
    this.emit('close', {
      preventDefault: () => {
        prevented = true;
      },
    });
    return !prevented;
  }
}

function setup(platform: NodeJS.Platform, tray = true) {
  const window = new FakeWindow();
  const lifecycle = createLifecycle();
  installHideOnClose(window, {
    platform,
    isQuitting: () => lifecycle.isQuitting(),
    markQuitting: () => {
      lifecycle.markQuitting();
    },
    trayAvailable: () => tray,
  });
  return { window, lifecycle };
}

describe('installHideOnClose', () => {
  it('hides the window instead of closing it, so syncing goes on', () => {
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      const { window } = setup(platform);
      expect(window.close()).toBe(false);
      expect(window.hide).toHaveBeenCalledTimes(1);
      expect(window.visible).toBe(false);
    }
  });

  it('lets the window close once Fellows is quitting', () => {
    const { window, lifecycle } = setup('linux');
    lifecycle.markQuitting();
    expect(window.close()).toBe(true);
    expect(window.hide).not.toHaveBeenCalled();
  });

  it('lets the window close on Windows and Linux without a tray, so the app quits', () => {
    const { window } = setup('linux', false);
    expect(window.close()).toBe(true);
    expect(window.hide).not.toHaveBeenCalled();
  });

  it('treats Windows ending the session as a quit', () => {
    const { window, lifecycle } = setup('win32');
    window.emit('session-end', {});
    expect(lifecycle.isQuitting()).toBe(true);
    expect(window.close()).toBe(true);
  });

  it('leaves full screen on macOS before hiding', () => {
    const { window } = setup('darwin');
    window.fullScreen = true;
    expect(window.close()).toBe(false);
    expect(window.setFullScreen).toHaveBeenCalledWith(false);
    expect(window.hide).not.toHaveBeenCalled();
    window.emit('leave-full-screen');
    expect(window.hide).toHaveBeenCalledTimes(1);
  });
});
