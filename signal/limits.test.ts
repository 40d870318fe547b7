import { describe, expect, it } from 'vitest';
import { configFromArgs, defaultLimits, envName, flagName, usage } from './limits.ts';

describe('configFromArgs', () => {
  it('defaults to 127.0.0.1:4444 and the default limits', () => {
    expect(configFromArgs([], {})).toEqual({
      ok: true,
      value: { host: '127.0.0.1', port: 4444, trustProxy: false, limits: defaultLimits },
    });
  });

  it('reads flags, then env, flags winning', () => {
    const result = configFromArgs(
      ['--host', '0.0.0.0', '--max-connections-per-address', '200', '--trust-proxy'],
      {
        FELLOWS_SIGNAL_HOST: '10.0.0.1',
        FELLOWS_SIGNAL_PORT: '9000',
        FELLOWS_SIGNAL_MAX_CONNECTIONS_PER_ADDRESS: '5',
        FELLOWS_SIGNAL_MESSAGES_PER_SECOND: '2.5',
      },
    );
    expect(result.ok && result.value).toMatchObject({
      host: '0.0.0.0',
      port: 9000,
      trustProxy: true,
      limits: { maxConnectionsPerAddress: 200, messagesPerSecond: 2.5 },
    });
    expect(configFromArgs([], { FELLOWS_SIGNAL_TRUST_PROXY: '1' })).toMatchObject({
      ok: true,
      value: { trustProxy: true },
    });
  });

  it.each([
    [['--port', '70000']],
    [['--port', 'http']],
    [['--max-topics', '0']],
    [['--max-topics', '-5']],
    [['--max-topics', '1.5']],
    [['--max-topics', '1e3']],
    [['--max-payload-bytes', String(8 * 1024 * 1024)]], // over the default byte burst
    [['--no-such-flag', '1']],
    [['--host', ' ']],
  ])('refuses %j', (argv) => {
    expect(configFromArgs(argv, {}).ok).toBe(false);
  });

  it('names every limit as a flag and an env variable in --help', () => {
    expect(flagName('maxTopicsPerConnection')).toBe('max-topics-per-connection');
    expect(envName('maxTopicsPerConnection')).toBe('FELLOWS_SIGNAL_MAX_TOPICS_PER_CONNECTION');
    const help = usage();
    for (const key of Object.keys(defaultLimits)) {
      expect(help).toContain(`--${flagName(key)}`);
      expect(help).toContain(envName(key));
    }
  });
});
