import { describe, expect, it } from 'vitest';
import { toHex } from '../crypto/bytes.ts';
import { hash } from '../crypto/hash.ts';
import { makePerson, seeded, testEd } from '../testing/people.ts';
import {
  clientIdFor,
  createGenesis,
  decodeGenesis,
  encodeGenesis,
  verifyGenesis,
} from './genesis.ts';

const settings = { historyPolicy: 'all' as const, adminsApproveJoins: false };

async function found(n = 1) {
  const ada = await makePerson(n, 'Ada');
  const created = await createGenesis({
    name: ' Maple Street ',
    person: ada.person,
    creator: ada.certificate,
    creatorName: ada.name,
    settings,
    createdAt: 1_700_000_000_000,
    random: seeded(99),
  });
  return { ada, ...created };
}

describe('genesis', () => {
  it('founds a group whose id is the hash of the signed record, and verifies', async () => {
    const { genesis, groupId, bytes } = await found();
    expect(genesis.name).toBe('Maple Street');
    expect(groupId).toHaveLength(32);
    const verified = await verifyGenesis(testEd, bytes, groupId);
    expect(verified?.name).toBe('Maple Street');
    expect(decodeGenesis(encodeGenesis(genesis))).toEqual(genesis);
  });

  it('declares the creator’s clientID, derived from device and nonce', async () => {
    const { genesis, ada } = await found();
    expect(genesis.clientId).toBe(clientIdFor(ada.certificate.device, genesis.nonce));
    expect(genesis.clientId).toBeGreaterThan(0);
    expect(genesis.clientId).toBeLessThanOrEqual(0xffffffff);
  });

  it('refuses a record that does not hash to the id, or was changed and re-hashed', async () => {
    const { genesis, groupId, bytes } = await found();
    const other = await found(2);
    expect(await verifyGenesis(testEd, other.bytes, groupId)).toBeNull();

    const renamed = encodeGenesis({ ...genesis, name: 'Evil' });
    expect(await verifyGenesis(testEd, renamed, hash(renamed))).toBeNull();
    expect(toHex(bytes)).not.toBe(toHex(renamed));
  });

  it('refuses a creator name signed by someone else', async () => {
    const { genesis } = await found();
    const eve = await makePerson(3, 'Ada');
    const forged = encodeGenesis({ ...genesis, creatorName: eve.name });
    expect(await verifyGenesis(testEd, forged, hash(forged))).toBeNull();
  });

  it('returns null, never throws, on garbage', async () => {
    const garbage = new Uint8Array([1, 2, 3]);
    expect(await verifyGenesis(testEd, garbage, hash(garbage))).toBeNull();
  });
});
