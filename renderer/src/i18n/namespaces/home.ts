// The "home" strings: the main layout and the conversation header. English is the source:
// Dutch and Chinese must have the same keys (plural forms aside) and the same {{placeholders}};
// i18n.test.ts checks both.

const en = {
  groupsLandmark: 'Groups',
  yourGroups: 'Your groups',
  join: 'Join',
  newGroup: 'New group',
  openFailed: 'Fellows could not open your groups: {{error}}',
  openElsewhere:
    'Fellows is already open in another tab or window on this device. Close it there, and your groups open here.',
  thisDevice: 'This device · {{label}}',
  thisDeviceKey: 'This device’s key',
  skipToConversation: 'Skip to the conversation',
  openingGroup: 'Opening the group…',
  emptyTitle: 'Your groups',
  emptyLede:
    'Groups you create or join will appear on the left. A group lives on its members’ laptops: when you write, your message travels straight to the others, encrypted so only they can read it.',
  emptyFactOrder: 'Messages show in the order they were written, to the people they were for.',
  emptyFactOnline:
    'Someone in a group has to be online once to let a new member in; after that, any member passes messages on.',
  inBrowser: 'in your browser',
  desktopApp: 'desktop app',
  members_one: '{{count}} member',
  members_other: '{{count}} members',
  asking_one: '{{count}} asking to join',
  asking_other: '{{count}} asking to join',
  invite: 'Invite',
  sync: 'Sync',
  typingOne: '{{name}} is typing…',
  typingTwo: '{{first}} and {{second}} are typing…',
  typingMany: 'Several people are typing…',
} as const;

const nl: Record<string, string> = {
  groupsLandmark: 'Groepen',
  yourGroups: 'Je groepen',
  join: 'Lid worden',
  newGroup: 'Nieuwe groep',
  openFailed: 'Fellows kon je groepen niet openen: {{error}}',
  openElsewhere:
    'Fellows is al open in een ander tabblad of venster op dit apparaat. Sluit het daar, dan gaan je groepen hier open.',
  thisDevice: 'Dit apparaat · {{label}}',
  thisDeviceKey: 'De sleutel van dit apparaat',
  skipToConversation: 'Naar het gesprek',
  openingGroup: 'De groep wordt geopend…',
  emptyTitle: 'Je groepen',
  emptyLede:
    'Groepen die je maakt of waar je lid van wordt, verschijnen links. Een groep woont op de laptops van de leden: wat je schrijft gaat rechtstreeks naar de anderen, versleuteld zodat alleen zij het kunnen lezen.',
  emptyFactOrder:
    'Berichten staan in de volgorde waarin ze geschreven zijn, bij de mensen voor wie ze bedoeld waren.',
  emptyFactOnline:
    'Iemand in de groep moet één keer online zijn om een nieuw lid binnen te laten; daarna geeft elk lid berichten door.',
  inBrowser: 'in je browser',
  desktopApp: 'desktop-app',
  members_one: '{{count}} lid',
  members_other: '{{count}} leden',
  asking_one: '{{count}} wil lid worden',
  asking_other: '{{count}} willen lid worden',
  invite: 'Uitnodigen',
  sync: 'Synchronisatie',
  typingOne: '{{name}} typt…',
  typingTwo: '{{first}} en {{second}} typen…',
  typingMany: 'Meerdere mensen typen…',
};

const zhCN: Record<string, string> = {
  groupsLandmark: '群组',
  yourGroups: '你的群组',
  join: '加入',
  newGroup: '新建群组',
  openFailed: 'Fellows 无法打开你的群组：{{error}}',
  openElsewhere:
    'Fellows 已在此设备的另一个标签页或窗口中打开。在那里关闭它，你的群组就会在这里打开。',
  thisDevice: '本设备 · {{label}}',
  thisDeviceKey: '本设备的密钥',
  skipToConversation: '跳到对话',
  openingGroup: '正在打开群组…',
  emptyTitle: '你的群组',
  emptyLede:
    '你创建或加入的群组会显示在左侧。群组保存在成员们的电脑上：你写的消息直接发给其他成员，并经过加密，只有他们能读。',
  emptyFactOrder: '消息按写下的顺序显示，只给它所写给的人看。',
  emptyFactOnline: '新成员加入时，群里需要有一个人在线放行一次；之后任何成员都会转发消息。',
  inBrowser: '在浏览器中',
  desktopApp: '桌面应用',
  members_other: '{{count}} 位成员',
  asking_other: '{{count}} 人申请加入',
  invite: '邀请',
  sync: '同步',
  typingOne: '{{name}} 正在输入…',
  typingTwo: '{{first}} 和 {{second}} 正在输入…',
  typingMany: '好几个人正在输入…',
};

export default { en, nl, 'zh-CN': zhCN };
