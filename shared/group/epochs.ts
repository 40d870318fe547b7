// Epochs as the engine lives them (DESIGN §8): which epoch to write in, when a new one is
// due, how this device starts one, and how it opens the keyrings boxed to it.
import nacl from 'tweetnacl';
import { toHex } from '../crypto/bytes.ts';
import { MAX_EPOCH_ID, type KeyringBox, type MembershipOp } from '../membership/ops.ts';
import { activeDevices, epochHolders, type MembershipState } from '../membership/state.ts';
import type { EngineCore } from './engine-state.ts';
import { EPOCH_SECRET_BYTES } from './epoch.ts';

/**
 * The epoch this device writes in: the group's current one when it holds its key; else, until
 * the keyring reaches it, the newest generation it holds.
 */
export function writeEpoch(core: EngineCore): number {
  const state = core.state.membership.state();
  if (core.keys.has(state.current)) return state.current;
  let best: { epoch: number; generation: number } | null = null;
  for (const epoch of core.keys.keys()) {
    const record = state.epochs.get(epoch);
    const generation = record?.valid ? record.generation : -1;
    if (!best || generation > best.generation) best = { epoch, generation };
  }
  if (!best) throw new Error('this device holds no key for the group');
  return best.epoch;
}

/**
 * Whether the current epoch must be replaced before anyone writes in it: someone out of the
 * group holds its secret (a removal or leave whose rotation has not happened, or concurrent
 * rotations that chose the wrong keyring), or a member lacks it (admitted concurrently with
 * the rotation).
 */
export function needsRotation(state: MembershipState, core: EngineCore): boolean {
  const log = core.state.membership;
  const holders = epochHolders(state, state.current, (a, b) => log.happenedBefore(a, b));
  const active = new Set(activeDevices(state));
  for (const device of holders) if (!active.has(device)) return true;
  for (const device of active) if (!holders.has(device)) return true;
  return false;
}

/** A new epoch by this device: its secret, boxed to every member device, and the op. */
export function makeRotation(core: EngineCore): {
  op: Extract<MembershipOp, { type: 'rotate' }>;
  secret: Uint8Array;
} {
  const { box } = core.me;
  if (!box) throw new Error('this device has no box key to start an epoch with');
  const state = core.state.membership.state();
  const secret = core.random(EPOCH_SECRET_BYTES);
  let epoch = 0;
  while (epoch === 0 || state.epochs.has(epoch)) {
    const bytes = core.random(4);
    epoch = new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0) % (MAX_EPOCH_ID + 1);
  }
  let generation = 0;
  for (const record of state.epochs.values())
    if (record.valid) generation = Math.max(generation, record.generation);
  const boxes: KeyringBox[] = activeDevices(state)
    .sort()
    .map((key) => {
      const device = state.devices.get(key);
      if (!device) throw new Error(`unknown device ${key}`);
      const nonce = core.random(nacl.box.nonceLength);
      return {
        device: device.certificate.device,
        nonce,
        box: nacl.box(secret, nonce, device.certificate.box, box.secretKey),
      };
    });
  return { op: { type: 'rotate', epoch, generation: generation + 1, boxes }, secret };
}

/** Secrets of epochs boxed to this device that it does not hold yet. */
export function openKeyrings(core: EngineCore): { epoch: number; secret: Uint8Array }[] {
  const { box } = core.me;
  if (!box) return [];
  const state = core.state.membership.state();
  const me = toHex(core.me.signer.publicKey);
  const opened: { epoch: number; secret: Uint8Array }[] = [];
  for (const record of state.epochs.values()) {
    if (core.keys.has(record.epoch) || record.author === null) continue;
    const mine = record.boxes.find((b) => toHex(b.device) === me);
    const author = state.devices.get(record.author);
    if (!mine || !author) continue;
    const secret = nacl.box.open(mine.box, mine.nonce, author.certificate.box, box.secretKey);
    if (secret?.length === EPOCH_SECRET_BYTES) opened.push({ epoch: record.epoch, secret });
  }
  return opened;
}

/** Removed devices' pins: clientID → the last seq of theirs that counts. */
export function pinsOf(state: MembershipState): Map<number, number> {
  const pins = new Map<number, number>();
  for (const device of state.devices.values())
    if (device.removed) pins.set(device.clientId, device.removed.pin);
  return pins;
}
