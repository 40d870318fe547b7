/** One figure, printed as one JSON line: {"bench","metric","value","unit"}. */
export type Figure = { bench: string; metric: string; value: number; unit: string };

export function report(figure: Figure): void {
  const value = Math.round(figure.value * 1000) / 1000;
  console.info(JSON.stringify({ ...figure, value }));
}

/** The p-th percentile (0–100) of a list of samples, by nearest rank. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) throw new RangeError('no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  const value = sorted[rank];
  if (value === undefined) throw new RangeError('rank out of range');
  return value;
}

/** Times `run` `count` times after `warmup` untimed runs; returns milliseconds per run. */
export async function sample(
  count: number,
  run: () => Promise<unknown>,
  warmup = 3,
): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await run();
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  return times;
}
