import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from './csp.ts';

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((part) => {
      const [name = '', ...values] = part.trim().split(/\s+/);
      return [name, values];
    }),
  );
}

describe('contentSecurityPolicy', () => {
  it('allows only the app’s own scripts, styles and workers, and nothing framed or embedded', () => {
    const csp = directives(contentSecurityPolicy());
    expect(csp.get('default-src')).toEqual(["'none'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('style-src')).toEqual(["'self'"]);
    expect(csp.get('worker-src')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('form-action')).toEqual(["'none'"]);
    expect(csp.get('connect-src')).toEqual(["'self'"]);
  });

  it('never allows unsafe-inline or unsafe-eval', () => {
    expect(contentSecurityPolicy(['wss://signal.example.org'])).not.toMatch(/unsafe/);
  });

  it('adds configured signaling endpoints to connect-src, and drops anything that is not an origin', () => {
    const csp = directives(
      contentSecurityPolicy([
        'wss://signal.example.org',
        'ws://127.0.0.1:4444',
        'ws://[::1]:4444',
        "'unsafe-eval'",
        'wss://*.example.org',
        'wss://a.example; script-src *',
        'https://ok.example/path',
        'wss:',
        'http:',
      ]),
    );
    expect(csp.get('connect-src')).toEqual([
      "'self'",
      'wss://signal.example.org',
      'ws://127.0.0.1:4444',
      'ws://[::1]:4444',
      'wss:',
    ]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
  });
});
