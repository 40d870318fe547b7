import { z } from '../../../shared/zod.ts';
import type { GroupSummary } from '../../../shared/repo/repo.ts';
import { isValidServerList } from '../settings/urls.ts';

/** Who reads what was written before they joined; chosen when a group is created, never changed. */
export type HistoryPolicy = GroupSummary['historyPolicy'];

/** The two policies, in the order the create form offers them (the first is the default). */
export const HISTORY_POLICIES = ['all', 'from-join'] as const satisfies readonly HistoryPolicy[];

const historyPolicySchema = z.enum(HISTORY_POLICIES, {
  error: 'the history policy must be "all" or "from-join"',
});

const createGroupOptionsSchema = z.strictObject(
  {
    historyPolicy: historyPolicySchema,
    signaling: z.optional(
      z
        .array(z.string({ error: 'a signaling server must be an address' }), {
          error: 'the signaling servers must be a list of addresses',
        })
        .check(
          z.refine(
            (list) => isValidServerList('signaling', list),
            'the signaling servers must be valid, distinct addresses, no more than an invite holds',
          ),
        ),
    ),
  },
  { error: 'the options must be an object with a history policy' },
);

/** What the UI hands the sync worker with a new group's name. */
export type CreateGroupOptions = z.infer<typeof createGroupOptionsSchema>;

/** A create-group request the worker refused before touching anything. */
export class CreateGroupOptionsError extends TypeError {
  override readonly name = 'CreateGroupOptionsError';
}

/**
 * Parses the options that cross into the worker with `createGroup`: an unknown history policy,
 * a bad server list or an unexpected field is refused with a message naming the problem.
 */
export function parseCreateGroupOptions(value: unknown): CreateGroupOptions {
  const parsed = createGroupOptionsSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const message =
    issue?.code === 'unrecognized_keys'
      ? `unexpected option ${issue.keys.map((k) => `"${k}"`).join(', ')}`
      : (issue?.message ?? 'the options are invalid');
  throw new CreateGroupOptionsError(`Invalid group options: ${message}.`);
}
