// Loaded on demand (React.lazy in EmojiPopover.tsx): frimousse stays out of the first bundle.
import { EmojiPicker as Picker, type EmojiPickerListComponents } from 'frimousse';
import { supportedEmojiVersion, type EmojiLocale } from './emoji-support.ts';
import { appSettings, useSettings } from '../settings/app-settings.ts';
import type { SkinToneSetting } from '../settings/settings.ts';

/**
 * Where emojibase-data is served: the app's own origin (`emojibase/<locale>/data.json`),
 * never a CDN (the CSP would refuse it, and nothing may leave the app but signaling).
 */
function emojibaseUrl(): string {
  return new URL('emojibase', document.baseURI).href;
}

const components: Partial<EmojiPickerListComponents> = {
  CategoryHeader: ({ category, ...props }) => (
    <div {...props} className="emoji-picker-category">
      {category.label}
    </div>
  ),
  // frimousse 0.4 counts rows and columns from 0, where ARIA counts from 1 (axe: "invalid
  // value"). Columns are put right here. A row's index is also how frimousse finds the row to
  // scroll to, so only the first row's 0 is left out (it scrolls to the top for that one).
  Row: ({ children, ...props }) => (
    <div
      {...props}
      aria-rowindex={props['aria-rowindex'] === 0 ? undefined : props['aria-rowindex']}
      className="emoji-picker-row"
    >
      {children}
    </div>
  ),
  Emoji: ({ emoji, ...props }) => (
    <button
      {...props}
      aria-colindex={(props['aria-colindex'] ?? 0) + 1}
      type="button"
      className="emoji-picker-emoji"
    >
      {emoji.emoji}
    </button>
  ),
};

/** What the picker says, in the language shown. */
export type PickerLabels = {
  search: string;
  loading: string;
  empty: string;
  /** Under the list, before the pointer or the keyboard is on an emoji. */
  hint: string;
  skinTone: string;
  tones: Record<SkinToneSetting, string>;
};

/**
 * The emoji picker: search, the emoji this laptop draws, and a footer naming the emoji under
 * the pointer (or keyboard) beside the skin tones; the tone chosen is kept in the settings.
 */
export default function EmojiPicker(props: {
  locale: EmojiLocale;
  labels: PickerLabels;
  onPick: (emoji: string) => void;
}) {
  const { labels } = props;
  const { skinTone } = useSettings();
  return (
    <Picker.Root
      className="emoji-picker"
      locale={props.locale}
      emojibaseUrl={emojibaseUrl()}
      // Only emoji this laptop draws: no empty cells (emoji-support.ts).
      emojiVersion={supportedEmojiVersion()}
      skinTone={skinTone}
      columns={8}
      onEmojiSelect={(emoji) => {
        props.onPick(emoji.emoji);
      }}
    >
      <Picker.Search
        className="emoji-picker-search"
        aria-label={labels.search}
        placeholder={labels.search}
        autoFocus
      />
      <Picker.Viewport className="emoji-picker-viewport">
        <Picker.Loading className="emoji-picker-status">{labels.loading}</Picker.Loading>
        <Picker.Empty className="emoji-picker-status">{labels.empty}</Picker.Empty>
        <Picker.List className="emoji-picker-list" components={components} />
      </Picker.Viewport>
      <div className="emoji-picker-footer">
        <Picker.ActiveEmoji>
          {({ emoji }) => (
            <span className="emoji-picker-active" aria-hidden="true">
              {emoji ? (
                <>
                  <span className="emoji-picker-active-emoji">{emoji.emoji}</span>
                  {emoji.label}
                </>
              ) : (
                labels.hint
              )}
            </span>
          )}
        </Picker.ActiveEmoji>
        <Picker.SkinTone emoji="👋">
          {({ skinToneVariations }) => (
            <div className="emoji-skin-tones" role="group" aria-label={labels.skinTone}>
              {skinToneVariations.map((variation) => (
                <button
                  key={variation.skinTone}
                  type="button"
                  className="emoji-skin-tone"
                  aria-label={labels.tones[variation.skinTone]}
                  title={labels.tones[variation.skinTone]}
                  aria-pressed={variation.skinTone === skinTone}
                  onClick={() => {
                    appSettings().setPreference('skinTone', variation.skinTone);
                  }}
                >
                  {variation.emoji}
                </button>
              ))}
            </div>
          )}
        </Picker.SkinTone>
      </div>
    </Picker.Root>
  );
}
