/**
 * True for a key press an input method is using: while someone writes Chinese with pinyin,
 * Enter confirms a candidate, arrows choose one and Esc drops it, and none of them is ours
 * (send, pick a result, close). Chromium marks them `isComposing`; Safari sends the confirming
 * Enter just after the composition ends, unmarked but with the IME's key code 229.
 */
export function forInputMethod(event: KeyboardEvent | { nativeEvent: KeyboardEvent }): boolean {
  const native = 'nativeEvent' in event ? event.nativeEvent : event;
  // eslint-disable-next-line @typescript-eslint/no-deprecated -- the only sign Safari gives
  return native.isComposing || native.keyCode === 229;
}
