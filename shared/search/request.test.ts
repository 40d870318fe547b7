import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMIT, parseSearchRequest, SearchRequestError } from './request.ts';

describe('parseSearchRequest', () => {
  it('folds the words and fills in the defaults', () => {
    expect(parseSearchRequest(' Café 周末 ')).toEqual({
      terms: ['cafe', '周末'],
      groupId: null,
      limit: DEFAULT_LIMIT,
    });
    expect(parseSearchRequest('x', { groupId: 'g1', limit: 5 })).toEqual({
      terms: ['x'],
      groupId: 'g1',
      limit: 5,
    });
    expect(parseSearchRequest('').terms).toEqual([]);
  });

  it.each([
    [42, {}, 'must be text'],
    ['x'.repeat(201), {}, 'at most 200'],
    ['x', null, 'must be an object'],
    ['x', [], 'must be an object'],
    ['x', { groupId: 7 }, 'named by its id'],
    ['x', { groupId: '' }, 'named by its id'],
    ['x', { limit: 0 }, 'from 1 to 200'],
    ['x', { limit: 2.5 }, 'from 1 to 200'],
    ['x', { limit: 1000 }, 'from 1 to 200'],
  ])('refuses %j with %j', (query, options, message) => {
    expect(() => parseSearchRequest(query, options)).toThrow(SearchRequestError);
    expect(() => parseSearchRequest(query, options)).toThrow(message);
  });
});
