import { useTranslation } from 'react-i18next';
import type { MemberItem } from '../../../shared/repo/views.ts';
import { Avatar } from '../app/Avatar.tsx';

/** The id of one option, for the textarea's aria-activedescendant. */
export const optionId = (listId: string, index: number) => `${listId}-option-${index}`;

/**
 * The members an `@` may name, under the ARIA combobox pattern: focus stays in the textarea,
 * which points at the active option; the mouse picks without taking focus.
 */
export function MentionList(props: {
  id: string;
  members: MemberItem[];
  active: number;
  onPick: (member: MemberItem) => void;
  onActive: (index: number) => void;
}) {
  const { t } = useTranslation('composer');
  return (
    <ul id={props.id} role="listbox" aria-label={t('mentionList')} className="mention-list">
      {props.members.map((member, index) => (
        <li
          key={member.person}
          id={optionId(props.id, index)}
          role="option"
          aria-selected={index === props.active}
          className="mention-option"
          // Keep the caret in the textarea: a click picks, it does not move focus.
          onMouseDown={(event) => {
            event.preventDefault();
          }}
          onMouseMove={() => {
            if (index !== props.active) props.onActive(index);
          }}
          onClick={() => {
            props.onPick(member);
          }}
        >
          {/* The member's colour as the message list shows it (app/tone.css). */}
          <span className={`mention-avatar tone-${member.tone}`}>
            <Avatar name={member.name} size={22} />
          </span>
          <span className="mention-name">{member.name}</span>
        </li>
      ))}
    </ul>
  );
}
