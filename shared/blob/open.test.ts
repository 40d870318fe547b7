import { describe, expect, it } from 'vitest';
import { concatBytes } from '../crypto/bytes.ts';
import { webCryptoEd25519 } from '../crypto/ed25519.ts';
import { MAX_BLOB_BYTES } from './format.ts';
import { openBlob, openHeader, type OpenContext } from './open.ts';
import { sealBlob } from './seal.ts';
import { openFixtures, resign, spyContext } from './testing.ts';

const ed = webCryptoEd25519(globalThis.crypto);
const { group, otherGroup, mallory, payload, input, header, valid, withDeps } =
  await openFixtures(ed);

async function reasonOf(bytes: unknown, context: OpenContext = group.context(ed)) {
  const result = await openBlob(bytes, context);
  return result.ok ? 'ok' : result.reason;
}

describe('openBlob accepts', () => {
  it('a blob sealed for this group and epoch, with its header, id and payload', async () => {
    const result = await openBlob(valid.bytes, group.context(ed));
    expect(result).toEqual({
      ok: true,
      blob: { ...header, version: 1, id: valid.id, depsHash: undefined, payload },
    });
    expect(await reasonOf(withDeps.bytes)).toBe('ok');
  });

  it('returns the payload as bytes without decoding it', async () => {
    const junk = new Uint8Array([0xff, 0xff, 0xff, 0x00]); // not a Yjs update, not an op
    const sealed = await sealBlob({ ...input, payload: junk });
    const result = await openBlob(sealed.bytes, group.context(ed));
    expect(result.ok && result.blob.payload).toEqual(junk);
  });

  it('checks and decrypts its own copy, whatever the caller does to the buffer meanwhile', async () => {
    const buffer = valid.bytes.slice();
    const pending = openBlob(buffer, group.context(ed));
    buffer.fill(0);
    const result = await pending;
    expect(result.ok && result.blob.payload).toEqual(payload);
  });
});

describe('openBlob checks in order: size, structure, signature, group, epoch, MAC', () => {
  it('does not verify a signature on an oversized or malformed blob', async () => {
    const { calls, context } = spyContext(group.context(ed));
    expect(await reasonOf(concatBytes(valid.bytes, new Uint8Array(1)), context)).toBe('malformed');
    expect(await reasonOf(new Uint8Array(MAX_BLOB_BYTES + 1).fill(1), context)).toBe('oversized');
    expect(calls.verify).toBe(0);
  });

  it('reports a bad signature before a wrong key, group or epoch, and never tries a key', async () => {
    const { calls, context } = spyContext(group.context(ed));
    const wrongKey = await sealBlob({ ...input, contentKey: otherGroup.key(1) });
    const elsewhere = await sealBlob({ ...input, groupId: otherGroup.groupId });
    const later = await sealBlob({ ...input, epoch: 5 });
    for (const sealed of [wrongKey, elsewhere, later]) {
      expect(await reasonOf(await resign(sealed.bytes, mallory.signer), context)).toBe(
        'bad-signature',
      );
    }
    expect(calls).toEqual({ verify: 3, contentKey: 0 });
  });

  it('reports the wrong group before the epoch, and the epoch before the MAC', async () => {
    const { calls, context } = spyContext(group.context(ed));
    const both = await sealBlob({ ...input, groupId: otherGroup.groupId, epoch: 5 });
    expect(await reasonOf(both.bytes, context)).toBe('wrong-group');
    expect(calls.contentKey).toBe(0);
    // An epoch we hold no key for, sealed with a wrong key too: the epoch is what we report.
    const later = await sealBlob({ ...input, epoch: 5, contentKey: otherGroup.key(5) });
    expect(await reasonOf(later.bytes, context)).toBe('unknown-epoch');
    expect(calls.contentKey).toBe(1);
  });
});

describe('openHeader', () => {
  it('reads the header and id without keys, and gives the same refusals as openBlob', async () => {
    expect(openHeader(withDeps.bytes)).toMatchObject({
      ok: true,
      header: {
        seq: 2,
        kind: 'membership',
        id: withDeps.id,
        deps: [{ device: 0 }, { device: 300 }],
      },
    });
    // No crypto: a forged signature still yields a header (only openBlob authenticates).
    expect(openHeader(await resign(valid.bytes, mallory.signer)).ok).toBe(true);
    for (const bad of ['x', new Uint8Array(MAX_BLOB_BYTES + 1), valid.bytes.subarray(0, 50)]) {
      const expected = await openBlob(bad, group.context(ed));
      expect(openHeader(bad)).toEqual(expected);
    }
  });
});
