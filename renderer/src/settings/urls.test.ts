import { describe, expect, it } from 'vitest';
import {
  addServer,
  isValidServerList,
  MAX_SIGNALING_URLS,
  parseSignalingSetting,
  parseStunSetting,
} from './urls.ts';

const urlOf = (result: { ok: true; url: string } | { ok: false; error: string }) =>
  result.ok ? result.url : null;
const errorOf = (result: { ok: true; url: string } | { ok: false; error: string }) =>
  result.ok ? null : result.error;

describe('signaling server addresses in Settings', () => {
  it('accept ws:// and wss:// servers, written one way', () => {
    expect(urlOf(parseSignalingSetting('wss://signal.example.org'))).toBe(
      'wss://signal.example.org',
    );
    expect(urlOf(parseSignalingSetting('  WSS://Signal.Example.org/  '))).toBe(
      'wss://signal.example.org',
    );
    expect(urlOf(parseSignalingSetting('ws://127.0.0.1:4444'))).toBe('ws://127.0.0.1:4444');
    expect(urlOf(parseSignalingSetting('ws://[::1]:4444/path?x=1'))).toBe(
      'ws://[::1]:4444/path?x=1',
    );
  });

  it('refuse other schemes and credentials, saying why', () => {
    for (const bad of ['https://signal.example.org', 'signal.example.org', 'javascript:alert(1)']) {
      expect(errorOf(parseSignalingSetting(bad)), bad).toMatch(/starts with wss:\/\//);
    }
    expect(errorOf(parseSignalingSetting('wss://ada:secret@signal.example.org'))).toMatch(
      /user name and password/,
    );
    expect(errorOf(parseSignalingSetting('wss://signal.example.org:99999'))).toBe(
      'This address has an invalid port.',
    );
    expect(errorOf(parseSignalingSetting('wss://bad_host.example'))).toBe(
      'This address has an invalid host name.',
    );
    expect(errorOf(parseSignalingSetting('wss://signal.example.org/#x'))).not.toBeNull();
    expect(errorOf(parseSignalingSetting('wss://signal .example.org'))).not.toBeNull();
    expect(errorOf(parseSignalingSetting(''))).toMatch(/Type a server address/);
    expect(parseSignalingSetting(`wss://${'a'.repeat(300)}.example`)).toMatchObject({
      key: 'urlTooLong',
      error: 'This address is longer than 256 characters.',
    });
    expect(parseSignalingSetting('wss://sig\\nal.example')).toMatchObject({ key: 'urlBackslash' });
  });
});

describe('STUN server addresses in Settings', () => {
  it('accept stun: and stuns: host[:port]', () => {
    expect(urlOf(parseStunSetting('stun:stun.example.org:3478'))).toBe(
      'stun:stun.example.org:3478',
    );
    expect(urlOf(parseStunSetting('STUNS:Stun.Example.org'))).toBe('stuns:stun.example.org');
    expect(urlOf(parseStunSetting('stun:[2001:db8::1]:3478'))).toBe('stun:[2001:db8::1]:3478');
    expect(urlOf(parseStunSetting('stun:192.168.1.1'))).toBe('stun:192.168.1.1');
  });

  it('refuse anything else, saying why', () => {
    expect(errorOf(parseStunSetting('turn:turn.example.org'))).toMatch(/starts with stun:/);
    expect(errorOf(parseStunSetting('wss://stun.example.org'))).toMatch(/starts with stun:/);
    expect(errorOf(parseStunSetting('stun://stun.example.org'))).toBe(
      'Write it without the slashes: stun:stun.example.org.',
    );
    expect(errorOf(parseStunSetting('stun:ada:pw@stun.example.org'))).toMatch(/no user name/);
    expect(errorOf(parseStunSetting('stun:stun.example.org?transport=udp'))).toMatch(
      /host and an optional port/,
    );
    expect(errorOf(parseStunSetting('stun:stun.example.org:0'))).toMatch(/invalid port/);
    expect(errorOf(parseStunSetting('stun:'))).toMatch(/invalid host/);
    expect(errorOf(parseStunSetting(`stun:${'a'.repeat(300)}`))).toMatch(/longer than/);
  });
});

describe('server lists', () => {
  it('add a valid address once, refuse duplicates and more than fit in an invite', () => {
    const one = addServer('signaling', [], 'wss://a.example');
    expect(one).toEqual({ ok: true, list: ['wss://a.example'] });
    expect(addServer('signaling', ['wss://a.example'], 'WSS://A.example/')).toMatchObject({
      ok: false,
      key: 'urlDuplicate',
      error: 'This server is already in the list.',
    });
    const full = Array.from({ length: MAX_SIGNALING_URLS }, (_, i) => `wss://s${i}.example`);
    expect(addServer('signaling', full, 'wss://more.example').ok).toBe(false);
    const bad = addServer('stun', ['stun:a.example'], 'stun://b.example');
    expect(bad).toMatchObject({
      ok: false,
      key: 'urlStunSlashes',
      values: { url: 'stun:b.example' },
    });
  });

  it('tell a stored list this screen could have written from one it could not', () => {
    expect(isValidServerList('signaling', ['wss://a.example', 'ws://127.0.0.1:4444'])).toBe(true);
    expect(isValidServerList('signaling', ['wss://a.example', 'wss://a.example'])).toBe(false);
    expect(isValidServerList('signaling', ['WSS://a.example'])).toBe(false);
    expect(isValidServerList('signaling', ['https://a.example'])).toBe(false);
    expect(isValidServerList('stun', [])).toBe(true);
    expect(isValidServerList('stun', ['stun:a.example', 'wss://a.example'])).toBe(false);
  });
});
