import * as string from 'lib0/string';

/** Longest string read without the native decoder: a message's text, a key, a name. */
const MAX_FAST = 256;

/**
 * Makes lib0 (under Yjs) read short ASCII strings without a `TextDecoder` call. Yjs reads every
 * key and value of an update through one shared decoder, one call per string; in Chromium each
 * call costs ~0.5 µs, three times a plain loop, and opening a 100k-message group reads ~1.5
 * million of them (~0.7 s in the worker, docs/benchmarks.md, UI). Anything else, or any byte
 * above 0x7f, still goes to the native decoder, so what comes out (or is refused as invalid
 * UTF-8) is the same. Only lib0's own decoder instance is changed, and only once.
 */
export function speedUpYjsStrings(): void {
  const decoder: TextDecoder | null = string.utf8TextDecoder;
  if (!decoder || 'fellowsFast' in decoder) return;
  const native = decoder.decode.bind(decoder);
  const fast = (input?: AllowSharedBufferSource, options?: TextDecodeOptions): string => {
    if (options !== undefined || !(input instanceof Uint8Array) || input.length > MAX_FAST)
      return native(input, options);
    for (let i = 0; i < input.length; i++) if ((input[i] as number) > 0x7f) return native(input);
    return String.fromCharCode.apply(null, input as unknown as number[]);
  };
  Object.defineProperties(decoder, { decode: { value: fast }, fellowsFast: { value: true } });
}
