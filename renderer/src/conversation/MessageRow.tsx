import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { MessageItem } from '../../../shared/repo/views.ts';
import { Avatar } from '../app/Avatar.tsx';
import { currentLanguage } from '../i18n/i18n.ts';
import { formatDateTime, formatNumber, formatTime } from '../i18n/format.ts';
import { QUICK_REACTIONS, useMessageActions } from './actions.ts';
import { AddReactionIcon, CopyIcon, DeleteIcon, EditIcon, ReactIcon, ReplyIcon } from './icons.tsx';
import { plainExcerpt } from '../../../shared/search/plain-excerpt.ts';
import type { MentionName } from './mentions.ts';
import { MessageText } from './MessageText.tsx';
import { listNames } from './names.ts';
import { toneOf } from '../app/tone.ts';

export type MessageRowProps = {
  item: MessageItem;
  /** Same author just above: no avatar or name (still there for screen readers). */
  continued: boolean;
  /** People who have read up to this message. */
  readers: readonly string[];
  names: readonly MentionName[];
  /** This person is a member: may reply, react, edit and delete (else only copy). */
  canAct: boolean;
  /** My latest message: says "Held by everyone" (older ones only say when someone lacks them). */
  latestOfMine: boolean;
  /** Under the pointer, focused or acted on: its actions toolbar is rendered (else none). */
  toolbar: boolean;
};

/** One message: author, time, what it replies to, its text, reactions and footer. */
export const MessageRow = memo(function MessageRow(props: MessageRowProps) {
  const { t } = useTranslation('conversation');
  const { item, continued } = props;
  // Their colour in this group, from the worker; a window saved before it was kept: their own.
  const tone = `tone-${item.author.tone ?? toneOf(item.author.person)}`;
  const time = (
    <time dateTime={new Date(item.time).toISOString()} title={formatDateTime(item.time)}>
      {formatTime(item.time)}
    </time>
  );
  return (
    <>
      <div className="message-gutter">
        {continued ? (
          <span className="message-hover-time" aria-hidden="true">
            {formatTime(item.time)}
          </span>
        ) : (
          <span className={tone}>
            <Avatar name={item.author.name} size={36} />
          </span>
        )}
      </div>
      <div className="message-body">
        <div className={continued ? 'message-meta sr-only' : 'message-meta'}>
          <span className={`message-author ${tone}`}>{item.author.name}</span>
          {time}
          {item.mentionsMe ? <span className="sr-only">{t('mentionsYou')}</span> : null}
        </div>
        {item.replyTo && !item.deleted ? <ReplyQuote replyTo={item.replyTo} /> : null}
        {item.deleted ? (
          <p className="message-deleted">{t('deleted')}</p>
        ) : (
          <MessageText text={item.text} names={props.names} />
        )}
        {item.reactions.length > 0 && !item.deleted ? (
          <Reactions item={item} canAct={props.canAct} />
        ) : null}
        <MessageFooter item={item} readers={props.readers} latestOfMine={props.latestOfMine} />
      </div>
      {props.toolbar && !item.deleted ? <MessageToolbar item={item} canAct={props.canAct} /> : null}
    </>
  );
});

/** The quoted original above a reply; clicking it brings the original into view. */
function ReplyQuote(props: { replyTo: NonNullable<MessageItem['replyTo']> }) {
  const { t } = useTranslation('conversation');
  const actions = useMessageActions();
  const { replyTo } = props;
  if ('missing' in replyTo) {
    return (
      <p className="reply-quote missing" title={t('replyMissingHint')}>
        {t('replyMissing')}
      </p>
    );
  }
  const plain = plainExcerpt(replyTo.excerpt);
  const excerpt = plain || t('quotedDeleted');
  return (
    <button
      type="button"
      className="reply-quote"
      title={t('showOriginal')}
      onClick={() => {
        actions.jump(replyTo.id);
      }}
    >
      <span className="sr-only">{t('replyTo')} </span>
      <span className="reply-author">{replyTo.author}</span>{' '}
      <span className={plain ? 'reply-excerpt' : 'reply-excerpt gone'}>{excerpt}</span>
    </button>
  );
}

/** Reaction chips: emoji and count, pressed when one is mine; a click toggles mine. */
function Reactions(props: { item: MessageItem; canAct: boolean }) {
  const { t } = useTranslation('conversation');
  const actions = useMessageActions();
  const { item } = props;
  const language = currentLanguage();
  return (
    <div className="reactions">
      {item.reactions.map((reaction) => {
        const people = t('reactionBy', { names: listNames(reaction.people, language) });
        return (
          <button
            key={reaction.emoji}
            type="button"
            className={reaction.mine ? 'reaction mine' : 'reaction'}
            aria-pressed={reaction.mine}
            title={`${reaction.emoji} ${people}`}
            disabled={!props.canAct}
            onClick={() => {
              actions.react(item, reaction.emoji, !reaction.mine);
            }}
          >
            <span className="reaction-emoji">{reaction.emoji}</span>{' '}
            <span className="reaction-count">{formatNumber(reaction.count)}</span>
            <span className="sr-only"> {people}</span>
          </button>
        );
      })}
      {props.canAct ? (
        <button
          type="button"
          className="reaction add"
          aria-label={t('addReaction')}
          title={t('addReaction')}
          onClick={(event) => {
            actions.pick(item, event.currentTarget);
          }}
        >
          <AddReactionIcon />
        </button>
      ) : null}
    </div>
  );
}

/** "Held by 2 of 3": how many people hold one of my messages, from their signed heads. */
function deliveryKey(delivery: NonNullable<MessageItem['delivery']>, latest: boolean) {
  if (delivery.of <= 1) return null;
  if (delivery.held <= 1) return { key: 'notDelivered', pending: true } as const;
  if (delivery.held >= delivery.of)
    return latest ? ({ key: 'heldByEveryone', pending: false } as const) : null;
  return { key: 'heldBy', pending: false } as const;
}

/** Under a message: edited, its delivery if it is mine, and who has read up to it. */
function MessageFooter(props: {
  item: MessageItem;
  readers: readonly string[];
  latestOfMine: boolean;
}) {
  const { t } = useTranslation('conversation');
  const { item, readers } = props;
  const delivery =
    item.delivery && !item.deleted ? deliveryKey(item.delivery, props.latestOfMine) : null;
  const edited = item.edited && !item.deleted;
  if (!delivery && readers.length === 0 && !edited) return null;
  return (
    <p className="message-footer">
      {edited ? <span className="edited">{t('edited')}</span> : null}
      {delivery && item.delivery ? (
        <span
          className={delivery.pending ? 'delivery pending' : 'delivery'}
          title={t('deliveryHint')}
        >
          {t(delivery.key, { held: item.delivery.held, of: item.delivery.of })}
        </span>
      ) : null}
      {readers.length > 0 ? (
        <span className="seen">
          {t('seenBy', { names: listNames(readers, currentLanguage()) })}
        </span>
      ) : null}
    </p>
  );
}

/** The actions shown on hover and on keyboard focus of a message. */
function MessageToolbar(props: { item: MessageItem; canAct: boolean }) {
  const { t } = useTranslation('conversation');
  const actions = useMessageActions();
  const { item, canAct } = props;
  const own = canAct && item.mine;
  return (
    <div
      className="message-actions"
      role="group"
      aria-label={t('actions', { name: item.author.name })}
    >
      {canAct ? (
        <ToolButton
          label={t('reply')}
          onClick={() => {
            actions.reply(item);
          }}
        >
          <ReplyIcon />
        </ToolButton>
      ) : null}
      {canAct
        ? QUICK_REACTIONS.map((emoji) => {
            const mine = item.reactions.some((r) => r.emoji === emoji && r.mine);
            return (
              <ToolButton
                key={emoji}
                label={t('reactWith', { emoji })}
                quickReaction
                pressed={mine}
                onClick={() => {
                  actions.react(item, emoji, !mine);
                }}
              >
                {emoji}
              </ToolButton>
            );
          })
        : null}
      {canAct ? (
        <ToolButton
          label={t('addReaction')}
          onClick={(target) => {
            actions.pick(item, target);
          }}
        >
          <ReactIcon />
        </ToolButton>
      ) : null}
      {own ? (
        <ToolButton
          label={t('edit')}
          onClick={() => {
            actions.edit(item);
          }}
        >
          <EditIcon />
        </ToolButton>
      ) : null}
      <ToolButton
        label={t('copy')}
        onClick={() => {
          actions.copy(item);
        }}
      >
        <CopyIcon />
      </ToolButton>
      {own ? (
        <ToolButton
          label={t('delete')}
          danger
          onClick={() => {
            actions.askDelete(item);
          }}
        >
          <DeleteIcon />
        </ToolButton>
      ) : null}
    </div>
  );
}

function ToolButton(props: {
  label: string;
  danger?: boolean;
  /** An emoji to react with in one click, rather than an icon. */
  quickReaction?: boolean;
  /** For a toggle: whether it is on (a quick reaction of mine). */
  pressed?: boolean;
  onClick: (target: HTMLElement) => void;
  children: React.ReactNode;
}) {
  const kind = props.danger ? ' danger' : props.quickReaction ? ' quick-reaction' : '';
  return (
    <button
      type="button"
      className={`tool${kind}`}
      aria-label={props.label}
      title={props.label}
      aria-pressed={props.pressed}
      onClick={(event) => {
        props.onClick(event.currentTarget);
      }}
    >
      {props.children}
    </button>
  );
}
