// The "invite" strings. English is the source: Dutch and Chinese must have the same keys (plural
// forms aside) and the same {{placeholders}}; i18n.test.ts checks both.

const en = {} as const;

const nl: Record<string, string> = {};

const zhCN: Record<string, string> = {};

export default { en, nl, 'zh-CN': zhCN };
