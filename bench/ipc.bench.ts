// What validating every IPC argument costs main: parsing a vault:set call (name + 32-byte
// key) with the contract's zod tuple.
import { contract } from '../shared/ipc/contract.ts';
import { report } from './report.ts';

const args = ['device-storage-key', new Uint8Array(32)];
const calls = 200_000;
for (let i = 0; i < 10_000; i++) contract['vault:set'].args.safeParse(args);
const start = performance.now();
for (let i = 0; i < calls; i++) contract['vault:set'].args.safeParse(args);
const seconds = (performance.now() - start) / 1000;
report({ bench: 'ipc', metric: 'vault_set_validate_per_s', value: calls / seconds, unit: 'ops/s' });
report({
  bench: 'ipc',
  metric: 'vault_set_validate_us',
  value: (seconds * 1e6) / calls,
  unit: 'us',
});
