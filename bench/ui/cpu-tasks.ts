// What ran in each long task of a CPU profile written by the UI bench
// (FELLOWS_BENCH_UI_CPUPROFILE, cpu-profile.ts):
//   node --import tsx bench/ui/cpu-tasks.ts <file.cpuprofile> [min task ms, default 50]
// A task here is a run of samples with no idle sample between them (tasks that run back to back
// on a busy page come out as one); for each it prints when it
// started (ms after the profile's first sample), how long it ran, and the functions with the
// most time in it, by self time and by time under them (each function counted once per sample).
import { readFileSync } from 'node:fs';

type Node = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
};
type Profile = {
  nodes: Node[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
};

const [file, minArg] = process.argv.slice(2);
if (!file) throw new Error('usage: cpu-tasks.ts <file.cpuprofile> [min task ms]');
const minMs = Number(minArg ?? 50);
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

const label = (n: Node) => {
  const { functionName, url, lineNumber } = n.callFrame;
  const where = url ? `${url.replace(/^.*\//, '')}:${lineNumber + 1}` : '';
  return `${functionName || '(anonymous)'} ${where}`.trim();
};
const isIdle = (id: number) => byId.get(id)?.callFrame.functionName === '(idle)';

// Each sample's time and duration (the next sample's delta).
const times: number[] = [];
let t = profile.startTime;
for (const delta of profile.timeDeltas) times.push((t += delta));
const first = times[0] ?? 0;

type Task = { start: number; end: number; samples: number[] };
const tasks: Task[] = [];
let current: Task | null = null;
for (const [i, id] of profile.samples.entries()) {
  const at = times[i] ?? 0;
  const next = times[i + 1] ?? at;
  if (isIdle(id)) {
    if (current) tasks.push(current);
    current = null;
    continue;
  }
  current ??= { start: at, end: next, samples: [] };
  current.end = next;
  current.samples.push(i);
}
if (current) tasks.push(current);

const top = (counts: Map<string, number>, n: number) =>
  [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([name, us]) => `    ${(us / 1000).toFixed(1).padStart(6)} ms  ${name}`)
    .join('\n');

for (const task of tasks) {
  const ms = (task.end - task.start) / 1000;
  if (ms < minMs) continue;
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  for (const i of task.samples) {
    const at = times[i] ?? 0;
    const dt = (times[i + 1] ?? at) - at;
    const leaf = byId.get(profile.samples[i] ?? -1);
    if (!leaf) continue;
    self.set(label(leaf), (self.get(label(leaf)) ?? 0) + dt);
    const seen = new Set<string>();
    for (let node = byId.get(leaf.id); node; node = byId.get(parent.get(node.id) ?? -1)) {
      const name = label(node);
      if (seen.has(name)) continue;
      seen.add(name);
      total.set(name, (total.get(name) ?? 0) + dt);
    }
  }
  process.stdout.write(
    `task at ${((task.start - first) / 1000).toFixed(0)} ms: ${ms.toFixed(0)} ms\n` +
      `  self:\n${top(self, 8)}\n  total:\n${top(total, 14)}\n`,
  );
}
