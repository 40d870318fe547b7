import { equalBytes, toHex } from '../crypto/bytes.ts';
import type { Ed25519 } from '../crypto/ed25519.ts';
import { admitOp, boxSecrets } from '../group/admission.ts';
import type { GroupEngine } from '../group/engine.ts';
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
  network: Network;
  /** The group's signaling servers, where joiners ask. */
  signaling: readonly string[];
  now: () => number;
  random: (length: number) => Uint8Array;
};

/**
 * Listens on the join topic of every live invite of a group and admits whoever asks with a
 * valid request (DESIGN §3): any member holding the invite may, so one member online is
 * enough. Expired, revoked and used invites get a sealed refusal the joiner can show.
 */
export function watchInvites(ctx: AdmitContext): () => void {
  const listening = new Map<string, () => void>();
  const refresh = () => {
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
          answerRequest(ctx, id, bytes).catch((error: unknown) => {
            logWarn('fellows: a join request could not be answered', error);
          });
        }),
      );
    }
  };
  refresh();
  const off = ctx.engine.events.on('members', refresh);
  return () => {
    off();
    for (const unsubscribe of listening.values()) unsubscribe();
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
    const me = members.people.get(toHex(identity.person.publicKey));
    if (members.settings.adminsApproveJoins && me?.role !== 'admin') return; // an admin will answer
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
  }
  // Admitted now or before (a repeated request): send the keys, boxed to that device only.
  const admitter = engine.members().devices.get(toHex(identity.device.publicKey))?.certificate;
  if (!admitter || !equalBytes(admitter.device, identity.device.publicKey)) return;
  reply({
    kind: 'admitted',
    device: certificate.device,
    genesis: ctx.genesis,
    admitter,
    secrets: boxSecrets(ctx.secrets(), certificate.box, identity.box, ctx.random),
  });
}

export type { Invite };
