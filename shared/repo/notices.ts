import type { GroupEngine } from '../group/engine.ts';
import { toHex } from '../crypto/bytes.ts';
import { decodeOp } from '../membership/ops.ts';

/** Someone a notice names: this device's person, or another ('' when the name is unknown). */
export type NoticeName = { me: boolean; name: string };

/** What a notice says, for the UI to say in the reader's language (`text` is its English). */
export type NoticeWords =
  | { kind: 'joined' | 'added-device' | 'left'; who: NoticeName }
  | { kind: 'removed' | 'unlinked-other' | 'promoted'; by: NoticeName; whom: NoticeName }
  | { kind: 'unlinked-own' | 'approval-on' | 'approval-off'; by: NoticeName }
  | { kind: 'renamed'; by: NoticeName; name: string };

/** A change to who is in the group, shown between messages where it happened. */
export type Notice = {
  /** The membership op's blob id. */
  id: string;
  /** Its effective time (ms): where it sits among the messages. */
  time: number;
  text: string;
  /** A person's devices changed: compare safety numbers before trusting what they write. */
  safety: boolean;
  words: NoticeWords;
};

/**
 * The notices a run of messages shows among them: those from its first message's time on, or
 * all of them when the run starts the conversation (`fromStart`).
 */
export function noticesAmong<T extends Pick<Notice, 'time'>>(
  notices: readonly T[],
  firstTime: number | undefined,
  fromStart: boolean,
): T[] {
  const first = firstTime ?? Number.NEGATIVE_INFINITY;
  return notices.filter((n) => fromStart || n.time >= first);
}

const SAFETY = 'Compare safety numbers.';

/** A notice in English: "You" opening a sentence, "you" inside one. */
export function englishNotice(words: NoticeWords): string {
  const subject = (n: NoticeName) => (n.me ? 'You' : n.name || 'Someone');
  const object = (n: NoticeName) => (n.me ? 'you' : n.name || 'someone');
  switch (words.kind) {
    case 'joined':
      return `${subject(words.who)} joined`;
    case 'added-device':
      return `${subject(words.who)} added a device. ${SAFETY}`;
    case 'left':
      return `${subject(words.who)} left`;
    case 'removed':
      return `${subject(words.by)} removed ${object(words.whom)}`;
    case 'unlinked-own':
      return `${subject(words.by)} unlinked a device. ${SAFETY}`;
    case 'unlinked-other':
      return `${subject(words.by)} unlinked a device of ${object(words.whom)}. ${SAFETY}`;
    case 'promoted':
      return `${subject(words.by)} made ${object(words.whom)} an admin`;
    case 'renamed':
      return `${subject(words.by)} renamed the group to ${words.name}`;
    case 'approval-on':
      return `${subject(words.by)} asked for an admin’s approval of new members`;
    case 'approval-off':
      return `${subject(words.by)} let any member admit new members`;
  }
}

/**
 * What happened to the group's membership, in order, as people would say it: who joined,
 * left, was removed or made an admin, and when someone's devices changed. Only ops that took
 * effect; refused ones and key rotations are nobody's business in the conversation.
 */
export function membershipNotices(engine: GroupEngine, myPerson: string): Notice[] {
  const log = engine.core().state.membership;
  const members = engine.members();
  /** Someone, as a notice names them. */
  const nameOf = (person: string): NoticeName => ({
    me: person === myPerson,
    name: members.people.get(person)?.name.name ?? '',
  });
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
    const add = (words: NoticeWords, safety = false) => {
      notices.push({ id: event.id, time: event.time, text: englishNotice(words), safety, words });
    };
    switch (op.type) {
      case 'admit': {
        const person = toHex(op.certificate.person);
        if (seen.has(`${person}:${toHex(op.certificate.device)}`)) break;
        seen.add(`${person}:${toHex(op.certificate.device)}`);
        const again = [...seen].some(
          (key) => key.startsWith(`${person}:`) && !key.endsWith(toHex(op.certificate.device)),
        );
        if (again) add({ kind: 'added-device', who: nameOf(person) }, true);
        else add({ kind: 'joined', who: nameOf(person) });
        break;
      }
      case 'remove': {
        const person = toHex(op.person);
        add(
          person === event.person
            ? { kind: 'left', who: by }
            : { kind: 'removed', by, whom: nameOf(person) },
        );
        break;
      }
      case 'unlink': {
        const person = members.devices.get(toHex(op.device))?.person ?? event.person;
        add(
          person === event.person
            ? { kind: 'unlinked-own', by }
            : { kind: 'unlinked-other', by, whom: nameOf(person) },
          true,
        );
        break;
      }
      case 'promote':
        add({ kind: 'promoted', by, whom: nameOf(toHex(op.person)) });
        break;
      case 'settings':
        if (op.groupName !== null) add({ kind: 'renamed', by, name: op.groupName });
        if (op.adminsApproveJoins !== null)
          add({ kind: op.adminsApproveJoins ? 'approval-on' : 'approval-off', by });
        break;
      default:
        break;
    }
  }
  return notices;
}
