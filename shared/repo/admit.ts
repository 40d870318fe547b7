import { equalBytes, toHex } from '../crypto/bytes.ts';
import type { Ed25519 } from '../crypto/ed25519.ts';
import { admitOp, boxSecrets, keysForNewcomer } from '../group/admission.ts';
import { MembershipError, type GroupEngine } from '../group/engine.ts';
import type { DeviceCertificate } from '../identity/keys.ts';
import type { Invite } from '../invite/code.ts';
import { joinKeys, openJoinRequest } from '../invite/join-request.ts';
import { logWarn } from '../log.ts';
import type { InviteRecord } from '../membership/state.ts';
import { sealJoinAnswer, type JoinRefusal } from './join-package.ts';
import type { Network } from './network.ts';
import type { RepoIdentity } from './identity.ts';

export type AdmitContext = {
  ed: Ed25519;
  identity: RepoIdentity;
  engine: GroupEngine;
  genesis: Uint8Array;
  secrets: () => ReadonlyMap<number, Uint8Array>;
  /** Membership keys of every epoch this device holds (derived, or handed to it as a joiner). */
  membershipKeys: () => ReadonlyMap<number, Uint8Array>;
  network: Network;
  /** The group's signaling servers, where joiners ask. */
  signaling: readonly string[];
  now: () => number;
  random: (length: number) => Uint8Array;
};

/** Someone asking to join a group whose admins approve joins, as an admin sees them. */
export type JoinRequestItem = { device: string; name: string; at: number };

/** Requests kept for an admin to decide, at most (a flood of requests pushes out the oldest). */
const MAX_REQUESTS = 50;

type Waiting = JoinRequestItem & { admit: () => Promise<void>; decline: () => void };

/**
 * Listens on the join topic of every live invite of a group and admits whoever asks with a
 * valid request (DESIGN §3): any member holding the invite may, so one member online is
 * enough. Expired, revoked and used invites get a sealed refusal the joiner can show. With
 * "admins approve joins", every member tells the joiner their request was seen, and admins
 * keep it for a click (`requests`, `approve`, `decline`).
 */
export function watchInvites(ctx: AdmitContext) {
  const listening = new Map<string, () => void>();
  const waiting = new Map<string, Waiting>();
  const changes = new Set<() => void>();
  const changed = () => {
    for (const listener of changes) listener();
  };
  const hold = (request: Waiting) => {
    if (!waiting.has(request.device) && waiting.size >= MAX_REQUESTS) {
      const [oldest] = waiting.keys();
      if (oldest !== undefined) waiting.delete(oldest);
    }
    const known = waiting.get(request.device);
    waiting.set(request.device, { ...request, at: known?.at ?? request.at });
    if (!known) changed();
  };
  const refresh = () => {
    // Requests of people who got in meanwhile (another admin let them in) are done.
    for (const device of [...waiting.keys()])
      if (ctx.engine.members().devices.has(device)) waiting.delete(device);
    for (const invite of ctx.engine.members().invites.values()) {
      const id = toHex(invite.inviteId);
      if (listening.has(id)) continue;
      const { topic } = joinKeys({
        groupId: ctx.engine.groupId,
        inviteSecret: invite.inviteSecret,
      });
      listening.set(
        id,
        ctx.network.subscribe(ctx.signaling, topic, (bytes) => {
          answerRequest(ctx, id, bytes, hold).catch((error: unknown) => {
            logWarn('fellows: a join request could not be answered', error);
          });
        }),
      );
    }
  };
  refresh();
  const off = ctx.engine.events.on('members', () => {
    refresh();
    changed();
  });
  const take = (device: string) => {
    const request = waiting.get(device);
    if (!request)
      throw new MembershipError('request-gone', 'That request to join is no longer there.');
    waiting.delete(device);
    changed();
    return request;
  };
  return {
    /** Requests waiting for an admin, oldest first. */
    requests: (): JoinRequestItem[] =>
      [...waiting.values()].map(({ device, name, at }) => ({ device, name, at })),
    approve: (device: string) => take(device).admit(),
    decline: (device: string) => {
      take(device).decline();
    },
    onRequests(listener: () => void) {
      changes.add(listener);
      return () => changes.delete(listener);
    },
    stop() {
      off();
      for (const unsubscribe of listening.values()) unsubscribe();
    },
  };
}

function refusalFor(invite: InviteRecord, now: number): JoinRefusal | null {
  if (invite.revokedAt) return 'revoked';
  if (invite.expiresAt !== null && now > invite.expiresAt) return 'expired';
  if (invite.singleUse && invite.usedAt.length > 0) return 'used';
  return null;
}

async function answerRequest(
  ctx: AdmitContext,
  inviteId: string,
  bytes: Uint8Array,
  hold: (request: Waiting) => void,
): Promise<void> {
  const { engine, identity } = ctx;
  // Judge by the invite as it is now: membership is re-reduced, so records are replaced.
  const invite = engine.members().invites.get(inviteId);
  if (!invite) return;
  const keys = { groupId: engine.groupId, inviteSecret: invite.inviteSecret };
  const opened = await openJoinRequest(bytes, keys, ctx.ed);
  if (!opened.ok) return;
  const { certificate, name } = opened.request;
  const device = toHex(certificate.device);
  const { key, topic } = joinKeys(keys);
  const reply = (answer: Parameters<typeof sealJoinAnswer>[0]) => {
    ctx.network.publish(
      ctx.signaling,
      `${topic}:answer`,
      sealJoinAnswer(answer, key, ctx.random(24)),
    );
  };
  const members = engine.members();
  if (!members.devices.has(device)) {
    const refusal = refusalFor(invite, ctx.now());
    if (refusal) {
      reply({ kind: 'refused', device: certificate.device, reason: refusal });
      return;
    }
    const admit = async () => {
      await engine.writeOp(
        admitOp({
          groupId: engine.groupId,
          certificate,
          name,
          inviteSecret: invite.inviteSecret,
          secrets: [],
        }),
      );
      if (!engine.members().devices.has(device)) {
        reply({ kind: 'refused', device: certificate.device, reason: 'not-allowed' });
        return;
      }
      // In a "from join" group the newcomer gets a new epoch, started now (epochs.ts).
      await engine.rotateIfDue();
      sendKeys(ctx, certificate, reply);
    };
    if (members.settings.adminsApproveJoins) {
      // Seen, and waiting for an admin: the joiner is told so; admins keep it for a click.
      reply({ kind: 'pending', device: certificate.device });
      const me = members.people.get(toHex(identity.person.publicKey));
      if (me?.role === 'admin') {
        hold({
          device,
          name: name.name,
          at: ctx.now(),
          admit,
          decline: () => {
            reply({ kind: 'refused', device: certificate.device, reason: 'not-allowed' });
          },
        });
      }
      return;
    }
    await admit();
    return;
  }
  sendKeys(ctx, certificate, reply);
}

/** An admitted device's keys (now or before: a repeated request), boxed to that device only. */
function sendKeys(
  ctx: AdmitContext,
  certificate: DeviceCertificate,
  reply: (answer: Parameters<typeof sealJoinAnswer>[0]) => void,
): void {
  const { engine, identity } = ctx;
  const admitter = engine.members().devices.get(toHex(identity.device.publicKey))?.certificate;
  if (!admitter || !equalBytes(admitter.device, identity.device.publicKey)) return;
  const { secrets, membershipKeys } = keysForNewcomer(engine.members(), toHex(certificate.device), {
    secrets: ctx.secrets(),
    membershipKeys: ctx.membershipKeys(),
  });
  reply({
    kind: 'admitted',
    device: certificate.device,
    genesis: ctx.genesis,
    admitter,
    secrets: boxSecrets(secrets, certificate.box, identity.box, ctx.random),
    membershipKeys: boxSecrets(membershipKeys, certificate.box, identity.box, ctx.random),
  });
}

export type { Invite };
