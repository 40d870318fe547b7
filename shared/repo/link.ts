// Linking a second device (DESIGN §2, issue 5): the first device shows an offer, the new one
// asks on the offer's topic, the person approves on the first device after comparing six
// digits, and the first device admits the new one into every group and hands it the person
// key and the groups. Both sides are small state machines over the signaling pub/sub.
import { equalBytes } from '../crypto/bytes.ts';
import type { Ed25519, Signer } from '../crypto/ed25519.ts';
import { certifyDevice, type BoxKeyPair, type DeviceCertificate } from '../identity/keys.ts';
import { encodeLinkOffer, LINK_OFFER_MS, LINK_SECRET_BYTES, type LinkOffer } from '../link/code.ts';
import {
  linkCheckCode,
  linkKeys,
  openLinkAnswer,
  openLinkRequest,
  sealLinkAnswer,
  sealLinkRequest,
  type LinkedGroup,
  type LinkPackage,
  type LinkRequest,
} from '../link/protocol.ts';
import { logWarn } from '../log.ts';
import { after, cancel, type Timer } from '../timers.ts';
import type { RepoIdentity } from './identity.ts';
import type { Network } from './network.ts';
import { statusCell } from './status-cell.ts';

/** The pub/sub part of the network: all linking needs. */
export type PubSub = Pick<Network, 'subscribe' | 'publish'>;

/** The first device's side, as the person sees it. */
export type LinkOfferStatus =
  | { state: 'waiting' }
  /** A device asked: the person compares `check` with what the new device shows. */
  | { state: 'asking'; check: string }
  | { state: 'linking' }
  | { state: 'linked'; groups: number }
  | { state: 'declined' }
  | { state: 'expired' }
  | { state: 'failed'; message: string };

export type LinkOfferSession = {
  code: string;
  expiresAt: number;
  status(): LinkOfferStatus;
  on(listener: (status: LinkOfferStatus) => void): () => void;
  /** Lets the asking device in: `personSeed` is the person key it will hold too. */
  approve(personSeed: Uint8Array): Promise<void>;
  decline(): void;
  cancel(): void;
};

export type OfferContext = {
  ed: Ed25519;
  identity: RepoIdentity;
  network: PubSub;
  signaling: readonly string[];
  now: () => number;
  random: (length: number) => Uint8Array;
  /** Admits the certified device into every group this device is in; what it needs of each. */
  admitEverywhere(certificate: DeviceCertificate): Promise<LinkedGroup[]>;
};

/** Starts an offer on the first device. One device may link per offer; it lasts 10 minutes. */
export function offerLink(ctx: OfferContext): LinkOfferSession {
  if (ctx.signaling.length === 0)
    throw new Error('Add a signaling server in Settings first: the two devices meet through it.');
  const offer: LinkOffer = {
    version: 1,
    linkSecret: ctx.random(LINK_SECRET_BYTES),
    person: ctx.identity.person.publicKey,
    expiresAt: ctx.now() + LINK_OFFER_MS,
    signaling: [...ctx.signaling],
  };
  const { topic } = linkKeys(offer);
  const status = statusCell<LinkOfferStatus>({ state: 'waiting' });
  let asking: LinkRequest | null = null;
  const reply = (answer: Parameters<typeof sealLinkAnswer>[0]['answer'], to: Uint8Array) => {
    ctx.network.publish(
      ctx.signaling,
      `${topic}:answer`,
      sealLinkAnswer({ answer, offer, to, from: ctx.identity.box, random: ctx.random }),
    );
  };
  const unsubscribe = ctx.network.subscribe(ctx.signaling, topic, (bytes) => {
    void openLinkRequest(bytes, offer, ctx.ed).then((request) => {
      if (!request || status.get().state !== 'waiting' || ctx.now() >= offer.expiresAt) return;
      asking = request;
      status.set({ state: 'asking', check: linkCheckCode(offer, request) });
    });
  });
  let expiry: Timer | null = after(LINK_OFFER_MS, () => {
    expiry = null;
    const { state } = status.get();
    if (state === 'waiting' || state === 'asking') {
      stop();
      status.set({ state: 'expired' });
    }
  });
  const stop = () => {
    unsubscribe();
    cancel(expiry);
  };
  return {
    code: encodeLinkOffer(offer),
    expiresAt: offer.expiresAt,
    status: status.get,
    on: status.on,
    async approve(personSeed) {
      const request = asking;
      if (!request || status.get().state !== 'asking') throw new Error('No device is asking.');
      status.set({ state: 'linking' });
      try {
        const person = await ctx.ed.signerFromSeed(personSeed);
        if (!equalBytes(person.publicKey, ctx.identity.person.publicKey))
          throw new Error('that is not this person’s key');
        const certificate = await certifyDevice(
          person,
          { signing: request.device, box: request.box },
          ctx.now(),
        );
        const groups = await ctx.admitEverywhere(certificate);
        const pkg: LinkPackage = { personSeed, name: ctx.identity.name, certificate, groups };
        reply({ kind: 'linked', device: request.device, package: pkg }, request.box);
        stop();
        status.set({ state: 'linked', groups: groups.length });
      } catch (error) {
        logWarn('fellows: linking a device failed', error);
        stop();
        status.set({
          state: 'failed',
          message: `The device could not be linked: ${error instanceof Error ? error.message : String(error)}`,
        });
      }
    },
    decline() {
      if (asking && status.get().state === 'asking') {
        reply({ kind: 'declined', device: asking.device }, asking.box);
      }
      stop();
      status.set({ state: 'declined' });
    },
    cancel: stop,
  };
}

/** The new device's side. */
export type LinkRequestStatus =
  /** Asked; `check` must match what the first device shows. */
  | { state: 'waiting'; check: string }
  | { state: 'linked'; package: LinkPackage }
  | { state: 'declined' };

export type PendingLink = {
  status(): LinkRequestStatus;
  on(listener: (status: LinkRequestStatus) => void): () => void;
  /** Asks again (the first device may have opened its offer after we asked). */
  retry(): void;
  cancel(): void;
};

/** Asks to be linked, from a new device that has only its own device and box keys. */
export async function requestLink(ctx: {
  ed: Ed25519;
  offer: LinkOffer;
  device: Signer;
  box: BoxKeyPair;
  network: PubSub;
  now: () => number;
  random: (length: number) => Uint8Array;
}): Promise<PendingLink> {
  const { offer } = ctx;
  const { topic } = linkKeys(offer);
  const { sealed, request } = await sealLinkRequest({
    offer,
    device: ctx.device,
    box: ctx.box.publicKey,
    now: ctx.now(),
    random: ctx.random,
  });
  const status = statusCell<LinkRequestStatus>({
    state: 'waiting',
    check: linkCheckCode(offer, request),
  });
  const me = { device: ctx.device.publicKey, box: ctx.box };
  const unsubscribe = ctx.network.subscribe(offer.signaling, `${topic}:answer`, (bytes) => {
    void openLinkAnswer(bytes, offer, me, ctx.ed).then((answer) => {
      if (!answer || status.get().state !== 'waiting') return;
      unsubscribe();
      status.set(
        answer.kind === 'linked'
          ? { state: 'linked', package: answer.package }
          : { state: 'declined' },
      );
    });
  });
  ctx.network.publish(offer.signaling, topic, sealed);
  return {
    status: status.get,
    on: status.on,
    retry() {
      if (status.get().state === 'waiting') ctx.network.publish(offer.signaling, topic, sealed);
    },
    cancel: unsubscribe,
  };
}
