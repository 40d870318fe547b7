import type { BrowserWindow, App, NativeImage } from 'electron';
import { describe, expect, expectTypeOf, it, vi } from 'vitest';
import {
  badgeText,
  createBadge,
  unreadDescription,
  type BadgeApp,
  type OverlayWindow,
} from './badge.ts';

const overlay = { label: 'overlay' } as unknown as NativeImage;

function fakes(platform: NodeJS.Platform) {
  const app = {
    dock: { setBadge: vi.fn() },
    setBadgeCount: vi.fn(() => platform === 'linux'),
  };
  const window = { isDestroyed: vi.fn(() => false), setOverlayIcon: vi.fn() };
  let current: OverlayWindow | null = window;
  const overlayIcon = vi.fn(() => overlay);
  const badge = createBadge({
    platform,
    app: platform === 'darwin' ? app : { setBadgeCount: app.setBadgeCount },
    window: () => current,
    overlayIcon,
  });
  return {
    badge,
    app,
    window,
    overlayIcon,
    closeWindow: () => {
      current = null;
    },
  };
}

describe('badgeText', () => {
  it('shows nothing for none, the count up to 99, then 99+', () => {
    expect(badgeText(0)).toBe('');
    expect(badgeText(1)).toBe('1');
    expect(badgeText(99)).toBe('99');
    expect(badgeText(100)).toBe('99+');
    expect(badgeText(100_000)).toBe('99+');
  });

  it('describes the state for tooltips and screen readers', () => {
    expect(unreadDescription(0)).toBe('Fellows');
    expect(unreadDescription(3)).toBe('Fellows — 3 unread');
    expect(unreadDescription(250)).toBe('Fellows — 99+ unread');
  });
});

describe('createBadge', () => {
  it("takes Electron's app and window", () => {
    expectTypeOf<App>().toExtend<BadgeApp>();
    expectTypeOf<BrowserWindow>().toExtend<OverlayWindow>();
  });

  it('macOS: sets the Dock badge text, and clears it at zero', () => {
    const { badge, app } = fakes('darwin');
    badge.set({ count: 3 });
    badge.set({ count: 120, mentions: 1 });
    badge.set({ count: 0 });
    expect(app.dock.setBadge.mock.calls).toEqual([['3'], ['99+'], ['']]);
    expect(app.setBadgeCount).not.toHaveBeenCalled();
  });

  it('Linux: sets the launcher count, and carries on where it is unsupported', () => {
    const { badge, app } = fakes('linux');
    badge.set({ count: 5 });
    badge.set({ count: 0 });
    expect(app.setBadgeCount.mock.calls).toEqual([[5], [0]]);
    app.setBadgeCount.mockReturnValue(false);
    expect(() => {
      badge.set({ count: 1 });
    }).not.toThrow();
  });

  it('other Unix systems get the Linux behaviour', () => {
    const { badge, app } = fakes('freebsd');
    badge.set({ count: 2 });
    expect(app.setBadgeCount).toHaveBeenCalledWith(2);
  });

  it('Windows: puts an overlay with a description on the taskbar button, removes it at zero', () => {
    const { badge, window, app } = fakes('win32');
    badge.set({ count: 4 });
    expect(window.setOverlayIcon).toHaveBeenLastCalledWith(overlay, 'Fellows — 4 unread');
    badge.set({ count: 0 });
    expect(window.setOverlayIcon).toHaveBeenLastCalledWith(null, '');
    expect(app.setBadgeCount).not.toHaveBeenCalled();
  });

  it('Windows: with no window, or a destroyed one, nothing breaks', () => {
    const { badge, window, closeWindow } = fakes('win32');
    closeWindow();
    badge.set({ count: 2 });
    expect(window.setOverlayIcon).not.toHaveBeenCalled();
    window.isDestroyed.mockReturnValue(true);
    badge.refresh();
    expect(window.setOverlayIcon).not.toHaveBeenCalled();
  });

  it('Windows: refresh draws the current count again on the window', () => {
    const { badge, window } = fakes('win32');
    badge.set({ count: 9 });
    window.setOverlayIcon.mockClear();
    badge.refresh();
    expect(window.setOverlayIcon).toHaveBeenCalledWith(overlay, 'Fellows — 9 unread');
  });

  it('does not redraw when the count did not change', () => {
    const { badge, app } = fakes('darwin');
    badge.set({ count: 1 });
    badge.set({ count: 1, mentions: 1 });
    expect(app.dock.setBadge).toHaveBeenCalledTimes(1);
  });
});
