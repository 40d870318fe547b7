import { queryTerms } from './fold.ts';

/** Longest query the worker takes, in UTF-16 code units. */
export const MAX_QUERY_LENGTH = 200;
/** Results per search unless asked for fewer; and the most one may ask for. */
export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 200;

/** A search the UI asked for that does not parse (the message says what is wrong). */
export class SearchRequestError extends TypeError {
  override readonly name = 'SearchRequestError';
}

/** A checked search: folded terms (none: nothing matches), one group or all, how many. */
export type SearchRequest = { terms: string[]; groupId: string | null; limit: number };

/** Parses what crossed from the UI: a query string and `{ groupId?, limit? }`. */
export function parseSearchRequest(query: unknown, options: unknown = {}): SearchRequest {
  if (typeof query !== 'string') throw new SearchRequestError('A search query must be text.');
  if (query.length > MAX_QUERY_LENGTH)
    throw new SearchRequestError(
      `A search query may be at most ${MAX_QUERY_LENGTH} characters long.`,
    );
  if (typeof options !== 'object' || options === null || Array.isArray(options))
    throw new SearchRequestError('Search options must be an object.');
  const { groupId, limit } = options as { groupId?: unknown; limit?: unknown };
  if (
    groupId !== undefined &&
    (typeof groupId !== 'string' || groupId === '' || groupId.length > 200)
  )
    throw new SearchRequestError('A group to search in is named by its id.');
  if (
    limit !== undefined &&
    (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT)
  )
    throw new SearchRequestError(`A search limit is a whole number from 1 to ${MAX_LIMIT}.`);
  return { terms: queryTerms(query), groupId: groupId ?? null, limit: limit ?? DEFAULT_LIMIT };
}
