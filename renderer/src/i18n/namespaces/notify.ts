// The "notify" strings: what a desktop notification says when the privacy setting hides some of
// it. English is the source: Dutch and Chinese must have the same keys (plural forms aside) and
// the same {{placeholders}}; i18n.test.ts checks both.

const en = {
  newMessage: 'New message',
  newMessageFrom: 'New message from {{name}}',
  mentionedBy: '{{name}} mentioned you',
  someone: 'Someone',
} as const;

const nl: Record<string, string> = {
  newMessage: 'Nieuw bericht',
  newMessageFrom: 'Nieuw bericht van {{name}}',
  mentionedBy: '{{name}} noemde je',
  someone: 'Iemand',
};

const zhCN: Record<string, string> = {
  newMessage: '新消息',
  newMessageFrom: '来自 {{name}} 的新消息',
  mentionedBy: '{{name}} 提到了你',
  someone: '某人',
};

export default { en, nl, 'zh-CN': zhCN };
