import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { MessageItem } from '../../../shared/repo/views.ts';
import { usePlatform } from '../app/context.tsx';
import { reasonFrom } from '../../../shared/refusal.ts';
import type { ListProblem } from './list-problem.ts';
import { useSyncStore } from '../sync/hooks.tsx';
import type { MessageActions } from './actions.ts';

const COPIED_MS = 2000;

/**
 * What the rows' buttons do: worker calls (react), the clipboard and the platform (links),
 * each failure handed to `showError` as a problem the list words when drawn; the rest goes to
 * the list and conversation.
 */
export function useRowActions(options: {
  groupId: string;
  onReply: (item: MessageItem) => void;
  onEdit: (item: MessageItem) => void;
  askDelete: (item: MessageItem) => void;
  pick: (item: MessageItem, trigger: HTMLElement) => void;
  jump: (id: string) => void;
  showError: (problem: ListProblem) => void;
  showStatus: (message: string | null) => void;
}): MessageActions {
  const { t } = useTranslation('conversation');
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
          showError({ kind: 'react-failed', reason: reasonFrom(caught) });
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
            showError({ kind: 'copy-failed', reason: reasonFrom(caught) });
          });
      },
      openLink(url) {
        platform.openExternal(url).catch((caught: unknown) => {
          showError({ kind: 'link-failed', reason: reasonFrom(caught) });
        });
      },
    }),
    [groupId, onReply, onEdit, askDelete, pick, jump, showError, showStatus, store, platform, t],
  );
}
