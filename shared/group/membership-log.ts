import type { Genesis } from './genesis.ts';
import { compareOrder, type OrderKey } from './order.ts';
import type { Frontier } from './chains.ts';
import { reduceMembership, type OpEvent, type Verdict } from '../membership/reduce.ts';
import type { MembershipState, OpRef } from '../membership/state.ts';

type Entry = { event: OpEvent; order: OrderKey; frontier: Frontier };

/**
 * The group's membership ops in their deterministic total order, reduced afresh whenever one
 * arrives (there are few, so a full reduction costs microseconds). Reports when a late op
 * changed the verdict of an earlier one, which makes the engine rebuild from its log.
 */
export type MembershipLog = {
  add(event: OpEvent, order: OrderKey, frontier: Frontier): { verdict: Verdict; flipped: boolean };
  state(): MembershipState;
  /** Whether op `earlier` is in the causal past of op `later` (both accepted). */
  happenedBefore(earlier: OpRef, later: OpRef): boolean;
  verdict(id: string): Verdict | undefined;
  size(): number;
};

export function createMembershipLog(genesis: Genesis): MembershipLog {
  const entries: Entry[] = [];
  const frontiers = new Map<string, Frontier>();
  const happenedBefore = (earlier: OpRef, later: OpRef) =>
    (frontiers.get(`${later.clientId}:${later.seq}`)?.get(earlier.clientId) ?? 0) >= earlier.seq;
  let current = reduceMembership(genesis, [], happenedBefore);

  return {
    add(event, order, frontier) {
      frontiers.set(`${event.ref.clientId}:${event.ref.seq}`, frontier);
      let at = entries.length;
      while (at > 0 && compareOrder((entries[at - 1] as Entry).order, order) > 0) at--;
      entries.splice(at, 0, { event, order, frontier });
      const previous = current.verdicts;
      current = reduceMembership(
        genesis,
        entries.map((e) => e.event),
        happenedBefore,
      );
      let flipped = false;
      for (const [id, before] of previous) {
        if (current.verdicts.get(id)?.ok !== before.ok) flipped = true;
      }
      return {
        verdict: current.verdicts.get(event.id) ?? { ok: false, reason: 'unknown-author' },
        flipped,
      };
    },
    state: () => current.state,
    happenedBefore,
    verdict: (id) => current.verdicts.get(id),
    size: () => entries.length,
  };
}
