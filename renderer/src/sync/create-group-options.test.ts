import { describe, expect, it } from 'vitest';
import { CreateGroupOptionsError, parseCreateGroupOptions } from './create-group-options.ts';

describe('the options createGroup takes across the worker boundary', () => {
  it('accept either history policy, with or without signaling servers', () => {
    expect(parseCreateGroupOptions({ historyPolicy: 'all' })).toEqual({ historyPolicy: 'all' });
    expect(
      parseCreateGroupOptions({
        historyPolicy: 'from-join',
        signaling: ['wss://signal.example.org'],
      }),
    ).toEqual({ historyPolicy: 'from-join', signaling: ['wss://signal.example.org'] });
    expect(parseCreateGroupOptions({ historyPolicy: 'all', signaling: [] })).toEqual({
      historyPolicy: 'all',
      signaling: [],
    });
  });

  it('refuse a missing or unknown history policy, saying which ones exist', () => {
    for (const historyPolicy of [undefined, 'none', 'ALL', '', 0, true, null, ['all']]) {
      expect(() => parseCreateGroupOptions({ historyPolicy })).toThrow(
        'Invalid group options: the history policy must be "all" or "from-join".',
      );
    }
    expect(() => parseCreateGroupOptions({})).toThrow(CreateGroupOptionsError);
  });

  it('refuse something that is not an options object', () => {
    for (const value of [undefined, null, 'all', 1, ['all']]) {
      expect(() => parseCreateGroupOptions(value)).toThrow(
        'Invalid group options: the options must be an object with a history policy.',
      );
    }
  });

  it('refuse fields it does not know, naming them', () => {
    expect(() =>
      parseCreateGroupOptions({ historyPolicy: 'all', adminsApproveJoins: true }),
    ).toThrow('Invalid group options: unexpected option "adminsApproveJoins".');
  });

  it('refuse signaling servers Settings would refuse', () => {
    for (const signaling of [
      'wss://signal.example.org',
      [42],
      ['https://example.org'],
      ['wss://signal.example.org', 'wss://signal.example.org'],
    ]) {
      expect(() => parseCreateGroupOptions({ historyPolicy: 'all', signaling })).toThrow(
        CreateGroupOptionsError,
      );
    }
  });
});
