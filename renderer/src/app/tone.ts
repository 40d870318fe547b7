// The author colours are worked out in shared/ (the worker gives each member theirs, per group).
export { fnv1a, toneOf, TONES } from '../../../shared/repo/tones.ts';
