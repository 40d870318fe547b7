import nacl from 'tweetnacl';
import { DecodeError, reader, writer } from '../codec/wire.ts';
import {
  decodeDeviceCertificate,
  encodeDeviceCertificate,
  type DeviceCertificate,
} from '../identity/keys.ts';
import type { BoxedSecret } from '../membership/ops.ts';

/**
 * A member's answer to a join request, on the invite's reply topic, sealed with the join key
 * (only holders of the invite can read it): either the admission — the genesis record, the
 * admitter's certificate (whose box key opens the secrets) and the boxed epoch secrets — or a
 * refusal with its reason, so the joiner is told plainly instead of waiting forever.
 */
export type JoinAnswer =
  | {
      kind: 'admitted';
      /** The joiner's device key: a package is only for the device that asked. */
      device: Uint8Array;
      genesis: Uint8Array;
      admitter: DeviceCertificate;
      secrets: BoxedSecret[];
      /**
       * In a "from join" group, the membership keys of the epochs before the joiner, boxed the
       * same way: enough to check the membership log, nothing to read what was said.
       */
      membershipKeys: BoxedSecret[];
    }
  | { kind: 'refused'; device: Uint8Array; reason: JoinRefusal }
  /** The group has admins approve joins: the request is seen, an admin has to let them in. */
  | { kind: 'pending'; device: Uint8Array };

export type JoinRefusal = 'expired' | 'revoked' | 'used' | 'not-allowed';

const REFUSALS: readonly JoinRefusal[] = ['expired', 'revoked', 'used', 'not-allowed'];
const MAX_ANSWER_BYTES = 64 * 1024;
/** Version 2 added the membership keys. */
const ANSWER_VERSION = 2;

export function sealJoinAnswer(
  answer: JoinAnswer,
  joinKey: Uint8Array,
  nonce: Uint8Array,
): Uint8Array {
  const w = writer().u8(ANSWER_VERSION).fixed(answer.device);
  if (answer.kind === 'refused') w.u8(0).u8(REFUSALS.indexOf(answer.reason));
  else if (answer.kind === 'pending') w.u8(2);
  else {
    w.u8(1)
      .bytes(answer.genesis)
      .bytes(encodeDeviceCertificate(answer.admitter))
      .uint(answer.secrets.length);
    for (const s of answer.secrets) w.uint(s.epoch).fixed(s.nonce).bytes(s.box);
    w.uint(answer.membershipKeys.length);
    for (const s of answer.membershipKeys) w.uint(s.epoch).fixed(s.nonce).bytes(s.box);
  }
  const sealed = nacl.secretbox(w.finish(), nonce, joinKey);
  const out = new Uint8Array(nonce.length + sealed.length);
  out.set(nonce);
  out.set(sealed, nonce.length);
  return out;
}

/** Opens an answer; null for anything that is not a well-formed answer under this key. */
export function openJoinAnswer(bytes: Uint8Array, joinKey: Uint8Array): JoinAnswer | null {
  if (bytes.length > MAX_ANSWER_BYTES || bytes.length < 24) return null;
  const plain = nacl.secretbox.open(bytes.subarray(24), bytes.subarray(0, 24), joinKey);
  if (!plain) return null;
  try {
    const r = reader(plain);
    if (r.u8() !== ANSWER_VERSION) throw new DecodeError('answer version');
    const device = r.fixed(32);
    let answer: JoinAnswer;
    const kind = r.u8();
    if (kind === 0) {
      const reason = REFUSALS[r.u8()];
      if (!reason) throw new DecodeError('refusal reason');
      answer = { kind: 'refused', device, reason };
    } else if (kind === 2) {
      answer = { kind: 'pending', device };
    } else if (kind !== 1) {
      throw new DecodeError('answer kind');
    } else {
      const genesis = r.bytes(8192);
      const admitter = decodeDeviceCertificate(r.bytes(1024));
      const boxes = () => {
        const boxed: BoxedSecret[] = [];
        for (let count = r.uint(1024); count > 0; count--)
          boxed.push({ epoch: r.uint(), nonce: r.fixed(24), box: r.bytes(128) });
        return boxed;
      };
      const secrets = boxes();
      const membershipKeys = boxes();
      answer = { kind: 'admitted', device, genesis, admitter, secrets, membershipKeys };
    }
    r.end();
    return answer;
  } catch {
    return null;
  }
}
