// The "sidebar" strings: the group list. English is the source: Dutch and Chinese must have the
// same keys (plural forms aside) and the same {{placeholders}}; i18n.test.ts checks both.

const en = {
  preview: '{{author}}: {{text}}',
  deleted: 'Message deleted',
  noMessages: 'No messages yet',
  unread_one: '{{count}} unread',
  unread_other: '{{count}} unread',
  mentioned: 'Mentions you',
  muted: 'Muted',
  mentionsOnly: 'Notifies only for mentions',
  emptyTitle: 'No groups yet.',
  emptyBody: 'Start a group for the people you know, or paste an invite someone sent you.',
  startGroup: 'Start a group',
  pasteInvite: 'Paste an invite',
  loading: 'Opening your groups…',
} as const;

const nl: Record<string, string> = {
  preview: '{{author}}: {{text}}',
  deleted: 'Bericht verwijderd',
  noMessages: 'Nog geen berichten',
  unread_one: '{{count}} ongelezen',
  unread_other: '{{count}} ongelezen',
  mentioned: 'Noemt jou',
  muted: 'Gedempt',
  mentionsOnly: 'Meldingen alleen bij vermeldingen',
  emptyTitle: 'Nog geen groepen.',
  emptyBody:
    'Begin een groep voor de mensen die je kent, of plak een uitnodiging die iemand je stuurde.',
  startGroup: 'Een groep beginnen',
  pasteInvite: 'Uitnodiging plakken',
  loading: 'Je groepen worden geopend…',
};

const zhCN: Record<string, string> = {
  preview: '{{author}}：{{text}}',
  deleted: '消息已删除',
  noMessages: '还没有消息',
  unread_other: '{{count}} 条未读',
  mentioned: '有人提到你',
  muted: '已静音',
  mentionsOnly: '仅在被提及时通知',
  emptyTitle: '还没有群组。',
  emptyBody: '为你认识的人建一个群组，或者粘贴别人发给你的邀请。',
  startGroup: '新建群组',
  pasteInvite: '粘贴邀请',
  loading: '正在打开你的群组…',
};

export default { en, nl, 'zh-CN': zhCN };
