import * as Y from 'yjs';

/**
 * The message ids an (already validated) update creates or touches: new keys in `messages`,
 * and the message ids behind keys in `edits`, `deletes` and `reactions`. Only first writes
 * of a key carry their parent and key in the encoding; later writes to the same key
 * (an edit of an edit) are found by the caller through the doc's own change events.
 */
export function touchedMessages(update: Uint8Array): {
  added: string[];
  changed: string[];
  replies: { id: string; replyTo: string }[];
} {
  const added: string[] = [];
  const changed: string[] = [];
  const replies: { id: string; replyTo: string }[] = [];
  for (const struct of Y.decodeUpdate(update).structs) {
    if (
      !(struct instanceof Y.Item) ||
      typeof struct.parent !== 'string' ||
      struct.parentSub === null
    )
      continue;
    const key = struct.parentSub;
    if (struct.parent === 'messages') {
      added.push(key);
      const value: unknown = struct.content.getContent()[0];
      if (
        typeof value === 'object' &&
        value !== null &&
        'replyTo' in value &&
        typeof value.replyTo === 'string'
      ) {
        replies.push({ id: key, replyTo: value.replyTo });
      }
    } else if (struct.parent === 'edits' || struct.parent === 'deletes') changed.push(key);
    else if (struct.parent === 'reactions') {
      // `${reactor}:${client}:${n}:${emoji}`: the message id is the middle two parts.
      const [, client, n] = key.split(':');
      if (client !== undefined && n !== undefined) changed.push(`${client}:${n}`);
    }
  }
  return { added, changed, replies };
}
