import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { MessageItem } from '../../../shared/repo/views.ts';
import { usePlatform } from '../app/context.tsx';
import { reasonFrom, useReasonWords } from '../i18n/reason.ts';
import { useSyncStore } from '../sync/hooks.tsx';
import type { MessageActions } from './actions.ts';

const COPIED_MS = 2000;

const reason = (caught: unknown) => (caught instanceof Error ? caught.message : String(caught));

/**
 * What the rows' buttons do: worker calls (react), the clipboard and the platform (links),
 * each failure handed to `showError` in words; the rest goes to the list and conversation.
 */
export function useRowActions(options: {
  groupId: string;
  onReply: (item: MessageItem) => void;
  onEdit: (item: MessageItem) => void;
  askDelete: (item: MessageItem) => void;
  pick: (item: MessageItem, trigger: HTMLElement) => void;
  jump: (id: string) => void;
  showError: (message: string) => void;
  showStatus: (message: string | null) => void;
}): MessageActions {
  const { t } = useTranslation('conversation');
  const reasonWords = useReasonWords();
  const store = useSyncStore();
  const platform = usePlatform();
  const { groupId, onReply, onEdit, askDelete, pick, jump, showError, showStatus } = options;
  return useMemo<MessageActions>(
    () => ({
      reply: onReply,
      edit: onEdit,
      askDelete,
      pick,
      jump,
      react(item, emoji, on) {
        const client = store.client();
        if (!client) return;
        client.react(groupId, item.id, emoji, on).catch((caught: unknown) => {
          showError(t('reactFailed', { reason: reasonWords(reasonFrom(caught)) }));
        });
      },
      copy(item) {
        navigator.clipboard
          .writeText(item.text)
          .then(() => {
            showStatus(t('copied'));
            setTimeout(() => {
              showStatus(null);
            }, COPIED_MS);
          })
          .catch((caught: unknown) => {
            showError(t('copyFailed', { reason: reason(caught) }));
          });
      },
      openLink(url) {
        platform.openExternal(url).catch((caught: unknown) => {
          showError(t('linkFailed', { reason: reason(caught) }));
        });
      },
    }),
    [
      groupId,
      onReply,
      onEdit,
      askDelete,
      pick,
      jump,
      showError,
      showStatus,
      store,
      platform,
      t,
      reasonWords,
    ],
  );
}
