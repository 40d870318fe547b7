import type { GroupSummary } from '../../../shared/repo/repo.ts';

/** The groups in the sidebar: name, last message, unread count. */
export function GroupList(props: {
  groups: GroupSummary[];
  selected: string | null;
  onSelect: (id: string) => void;
}) {
  const { groups, selected, onSelect } = props;
  if (groups.length === 0) return <p className="group-list-empty">No groups yet.</p>;
  return (
    <ul className="groups" role="list">
      {groups.map((group) => (
        <li key={group.id}>
          <button
            type="button"
            className="group-item"
            aria-current={group.id === selected ? 'page' : undefined}
            onClick={() => {
              onSelect(group.id);
            }}
          >
            <span className="group-item-top">
              <span className="group-item-name">{group.name}</span>
              {group.unread > 0 ? (
                <span className="unread-badge" aria-label={`${group.unread} unread`}>
                  {group.unread}
                </span>
              ) : null}
            </span>
            <span className="group-item-last">
              {group.last
                ? `${group.last.mine ? 'You' : group.last.author.name}: ${group.last.deleted ? 'Message deleted' : group.last.text}`
                : 'No messages yet'}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
