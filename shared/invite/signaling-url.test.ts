import { describe, expect, it } from 'vitest';
import { describeHost, parseSignalingUrl } from './signaling-url.ts';

function hostOf(url: string): string | null {
  const parsed = parseSignalingUrl(url);
  return parsed.ok ? describeHost(parsed.url) : null;
}

describe('signaling URLs in invites', () => {
  it('accept ws:// and wss:// servers, and show the host a joiner will contact', () => {
    expect(hostOf('wss://signal.example.org')).toBe('signal.example.org');
    expect(hostOf('wss://Signal.Example.org:443/')).toBe('signal.example.org');
    expect(hostOf('ws://localhost:4444')).toBe('localhost:4444');
    expect(hostOf('ws://192.168.1.20:4444/y-webrtc?room=a')).toBe('192.168.1.20:4444');
    expect(hostOf('wss://[::1]:8443/signal')).toBe('[::1]:8443');
    expect(hostOf('wss://xn--bcher-kva.example')).toBe('xn--bcher-kva.example');
  });

  it('refuse other schemes, credentials and anything a display could hide', () => {
    const hostile = [
      'javascript:alert(1)',
      'JAVASCRIPT://signal.example.org/%0aalert(1)',
      'file:///etc/passwd',
      'http://signal.example.org',
      'https://signal.example.org',
      'data:text/html,hi',
      'WSS://signal.example.org',
      'wss://user:password@signal.example.org',
      'wss://signal.example.org@evil.example',
      'wss://evil.example\\@signal.example.org',
      'wss://signal.example.org/#fragment',
      'wss://signal example.org',
      'wss://signal.example.org/\n',
      'wss://signal.example.org\u0000',
      'wss://bücher.example',
      'wss://%65vil.example',
      'wss://',
      'wss://-evil-.example',
      'wss://a..example',
      'wss://signal.example.org:0',
      'wss://signal.example.org:65536',
      'wss://signal.example.org:',
      'wss://[::1',
      `wss://${'a'.repeat(250)}.example`,
      '',
    ];
    for (const url of hostile) expect(parseSignalingUrl(url), url).toMatchObject({ ok: false });
    expect(parseSignalingUrl(42)).toMatchObject({ ok: false });
  });

  it('explain the problem without repeating the URL', () => {
    const parsed = parseSignalingUrl('wss://secret-user:secret-pw@signal.example.org');
    expect(parsed.ok || parsed.problem).toMatch(/user name or password/);
    expect(JSON.stringify(parsed)).not.toContain('secret');
  });
});
