import type { GroupEngine } from '../group/engine.ts';
import { toHex } from '../crypto/bytes.ts';
import { decodeOp } from '../membership/ops.ts';

/** A change to who is in the group, shown between messages where it happened. */
export type Notice = {
  /** The membership op's blob id. */
  id: string;
  /** Its effective time (ms): where it sits among the messages. */
  time: number;
  text: string;
  /** A person's devices changed: compare safety numbers before trusting what they write. */
  safety: boolean;
};

/**
 * What happened to the group's membership, in order, as people would say it: who joined,
 * left, was removed or made an admin, and when someone's devices changed. Only ops that took
 * effect; refused ones and key rotations are nobody's business in the conversation.
 */
export function membershipNotices(engine: GroupEngine, myPerson: string): Notice[] {
  const log = engine.core().state.membership;
  const members = engine.members();
  /** A person's name; this device's person is "You" opening a sentence, "you" inside one. */
  const nameOf = (person: string, opening = true) =>
    person === myPerson
      ? opening
        ? 'You'
        : 'you'
      : (members.people.get(person)?.name.name ?? (opening ? 'Someone' : 'someone'));
  const seen = new Set<string>();
  const notices: Notice[] = [];
  const entries = [...engine.core().state.membershipEntries].sort(
    (a, b) => a.event.time - b.event.time,
  );
  for (const { event, payload } of entries) {
    if (!log.verdict(event.id)?.ok) continue;
    let op;
    try {
      op = decodeOp(payload);
    } catch {
      continue;
    }
    const by = nameOf(event.person);
    const add = (text: string, safety = false) => {
      notices.push({ id: event.id, time: event.time, text, safety });
    };
    switch (op.type) {
      case 'admit': {
        const person = toHex(op.certificate.person);
        if (seen.has(`${person}:${toHex(op.certificate.device)}`)) break;
        seen.add(`${person}:${toHex(op.certificate.device)}`);
        const again = [...seen].some(
          (key) => key.startsWith(`${person}:`) && !key.endsWith(toHex(op.certificate.device)),
        );
        if (again) add(`${nameOf(person)} added a device. Compare safety numbers.`, true);
        else add(`${nameOf(person)} joined`);
        break;
      }
      case 'remove': {
        const person = toHex(op.person);
        add(person === event.person ? `${by} left` : `${by} removed ${nameOf(person, false)}`);
        break;
      }
      case 'unlink': {
        const person = members.devices.get(toHex(op.device))?.person ?? event.person;
        add(
          person === event.person
            ? `${by} unlinked a device. Compare safety numbers.`
            : `${by} unlinked a device of ${nameOf(person, false)}. Compare safety numbers.`,
          true,
        );
        break;
      }
      case 'promote':
        add(`${by} made ${nameOf(toHex(op.person), false)} an admin`);
        break;
      case 'settings':
        if (op.groupName !== null) add(`${by} renamed the group to ${op.groupName}`);
        if (op.adminsApproveJoins !== null)
          add(
            op.adminsApproveJoins
              ? `${by} asked for an admin’s approval of new members`
              : `${by} let any member admit new members`,
          );
        break;
      default:
        break;
    }
  }
  return notices;
}
