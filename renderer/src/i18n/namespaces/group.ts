// The "group" strings: a group's settings and its members panel. English is the source: Dutch and
// Chinese must have the same keys (plural forms aside) and the same {{placeholders}};
// i18n.test.ts checks both.

const en = {
  settingsButton: 'Group settings',
  settingsTitle: 'Group settings',

  nameHeading: 'Name',
  nameLabel: 'Group name',
  rename: 'Rename',
  renamed: 'Renamed. Every member sees the new name.',
  nameReadOnly: 'Only an admin can rename the group.',
  nameEmpty: 'Give the group a name its members will recognise.',
  nameTooLong: 'Keep the group’s name to {{max}} characters or fewer.',
  nameControl: 'Names cannot contain invisible control or text-direction characters.',
  renameNotAdmin: 'Only an admin can rename the group.',
  renameFailed: 'The group could not be renamed: {{message}}',

  historyHeading: 'History',
  historyAll:
    'New members, and new devices of members, see the whole history from the group’s start.',
  historyFromJoin: 'New members see only what is written after they join.',
  historyAfter: 'Someone removed, and a device unlinked, sees nothing written afterwards.',

  notifyHeading: 'Notifications',
  levelAll: 'All messages',
  levelAllHint: 'A notification for every new message.',
  levelMentions: 'Only mentions',
  levelMentionsHint: 'Only when someone mentions you.',
  levelOff: 'Off',
  levelOffHint: 'No notifications. New messages still show as unread.',
  levelPrivacy: 'What a notification shows is set for all groups in Settings.',

  serversHeading: 'Servers',
  serversIntro: 'The only servers Fellows contacts for this group. None of them sees a message.',
  signalingLabel: 'Signaling servers',
  signalingNone: 'None: this group’s members cannot find each other.',
  signalingHint:
    'Members of this group meet through these servers, and its invites name them. They do not change when you change Settings.',
  stunLabel: 'STUN servers (this device, all groups)',
  stunNone: 'None: members’ laptops find each other only on the same network.',

  membershipHeading: 'Membership',
  showMembers_one: 'Show the member',
  showMembers_other: 'Show all {{count}} members',
  approveJoins: 'New members need an admin’s approval',
  approveJoinsHint: 'Someone with an invite waits until an admin lets them in.',
  leave: 'Leave group',
  leaveTitle: 'Leave {{group}}?',
  leaveDetail:
    'You keep what you have, read-only. The others go on without you, and you will not see what they write from now on.',
  leaveConfirm: 'Leave',
  notMember: 'You are no longer in this group.',

  membersHeading: 'Members',
  askingToJoin: 'Asking to join',
  decline: 'Decline',
  declineLabel: 'Decline {{name}}',
  letIn: 'Let in',
  letInLabel: 'Let {{name}} in',
  you: '(you)',
  admin: 'Admin',
  online: 'Online',
  offline: 'Offline',
  typing: 'Typing…',
  safetyNumber: 'Safety number',
  safetyNumberOf: 'Safety number of {{name}}',
  safetyMine: 'Yours. Others see the same digits for you on their screens.',
  safetyOther:
    'Compare with the digits on {{name}}’s own screen, in person or on a call. If they match, messages from {{name}} are really from them.',
  makeAdmin: 'Make admin',
  remove: 'Remove',
  removeLabel: 'Remove {{name}}',
  removeTitle: 'Remove {{name}} from {{group}}?',
  removeDetail:
    '{{name}} keeps what they already received, but will not see anything written from now on: the group moves to a new key they do not get.',
  promoteTitle: 'Make {{name}} an admin?',
  promoteDetail: 'Admins can remove people, make others admins and change the group’s settings.',
  unlinkTitle: 'Unlink device {{label}}?',
  unlinkDetailMine:
    'That laptop keeps what it already received, but sees nothing written from now on, in this group. To unlink it from all your groups at once, use Settings → Your devices.',
  unlinkDetailOther:
    '{{name}}’s device keeps what it already received, but sees nothing written from now on. {{name}} stays in the group on their other devices.',
  unlink: 'Unlink',
  device: 'Device {{label}}',
  thisDevice: 'this device',
  addedOn: 'added {{date}}',
} as const;

const nl: Record<string, string> = {
  settingsButton: 'Groepsinstellingen',
  settingsTitle: 'Groepsinstellingen',

  nameHeading: 'Naam',
  nameLabel: 'Groepsnaam',
  rename: 'Hernoemen',
  renamed: 'Hernoemd. Elk lid ziet de nieuwe naam.',
  nameReadOnly: 'Alleen een beheerder kan de groep hernoemen.',
  nameEmpty: 'Geef de groep een naam die de leden herkennen.',
  nameTooLong: 'Houd de naam van de groep op {{max}} tekens of minder.',
  nameControl: 'Namen mogen geen onzichtbare stuur- of tekstrichtingstekens bevatten.',
  renameNotAdmin: 'Alleen een beheerder kan de groep hernoemen.',
  renameFailed: 'De groep kon niet worden hernoemd: {{message}}',

  historyHeading: 'Geschiedenis',
  historyAll:
    'Nieuwe leden, en nieuwe apparaten van leden, zien de hele geschiedenis vanaf het begin van de groep.',
  historyFromJoin: 'Nieuwe leden zien alleen wat er geschreven wordt nadat ze erbij kwamen.',
  historyAfter:
    'Wie verwijderd is, en een ontkoppeld apparaat, ziet niets meer van wat daarna geschreven wordt.',

  notifyHeading: 'Meldingen',
  levelAll: 'Alle berichten',
  levelAllHint: 'Een melding bij elk nieuw bericht.',
  levelMentions: 'Alleen vermeldingen',
  levelMentionsHint: 'Alleen als iemand je noemt.',
  levelOff: 'Uit',
  levelOffHint: 'Geen meldingen. Nieuwe berichten tellen nog wel als ongelezen.',
  levelPrivacy: 'Wat een melding laat zien, stel je voor alle groepen in bij Instellingen.',

  serversHeading: 'Servers',
  serversIntro:
    'De enige servers waarmee Fellows contact maakt voor deze groep. Geen van hen ziet een bericht.',
  signalingLabel: 'Signaleringsservers',
  signalingNone: 'Geen: de leden van deze groep kunnen elkaar niet vinden.',
  signalingHint:
    'Leden van deze groep ontmoeten elkaar via deze servers, en de uitnodigingen van de groep noemen ze. Ze veranderen niet als je je Instellingen wijzigt.',
  stunLabel: 'STUN-servers (dit apparaat, alle groepen)',
  stunNone: 'Geen: laptops van leden vinden elkaar alleen op hetzelfde netwerk.',

  membershipHeading: 'Lidmaatschap',
  showMembers_one: 'Het lid tonen',
  showMembers_other: 'Alle {{count}} leden tonen',
  approveJoins: 'Nieuwe leden hebben goedkeuring van een beheerder nodig',
  approveJoinsHint: 'Wie een uitnodiging heeft, wacht tot een beheerder hem of haar binnenlaat.',
  leave: 'Groep verlaten',
  leaveTitle: '{{group}} verlaten?',
  leaveDetail:
    'Je houdt wat je hebt, alleen om te lezen. De anderen gaan zonder je verder, en je ziet niet wat ze vanaf nu schrijven.',
  leaveConfirm: 'Verlaten',
  notMember: 'Je zit niet meer in deze groep.',

  membersHeading: 'Leden',
  askingToJoin: 'Vraagt om erbij te komen',
  decline: 'Weigeren',
  declineLabel: '{{name}} weigeren',
  letIn: 'Binnenlaten',
  letInLabel: '{{name}} binnenlaten',
  you: '(jij)',
  admin: 'Beheerder',
  online: 'Online',
  offline: 'Offline',
  typing: 'Typt…',
  safetyNumber: 'Veiligheidsnummer',
  safetyNumberOf: 'Veiligheidsnummer van {{name}}',
  safetyMine: 'Het jouwe. Anderen zien voor jou dezelfde cijfers op hun scherm.',
  safetyOther:
    'Vergelijk met de cijfers op het scherm van {{name}}, in persoon of tijdens een gesprek. Komen ze overeen, dan komen berichten van {{name}} echt van die persoon.',
  makeAdmin: 'Beheerder maken',
  remove: 'Verwijderen',
  removeLabel: '{{name}} verwijderen',
  removeTitle: '{{name}} uit {{group}} verwijderen?',
  removeDetail:
    '{{name}} houdt wat al ontvangen is, maar ziet niets meer van wat er vanaf nu geschreven wordt: de groep gaat over op een nieuwe sleutel die diegene niet krijgt.',
  promoteTitle: '{{name}} beheerder maken?',
  promoteDetail:
    'Beheerders kunnen mensen verwijderen, anderen beheerder maken en de instellingen van de groep wijzigen.',
  unlinkTitle: 'Apparaat {{label}} ontkoppelen?',
  unlinkDetailMine:
    'Die laptop houdt wat hij al ontvangen heeft, maar ziet in deze groep niets meer van wat er vanaf nu geschreven wordt. Om hem in één keer uit al je groepen te ontkoppelen, gebruik je Instellingen → Je apparaten.',
  unlinkDetailOther:
    'Het apparaat van {{name}} houdt wat het al ontvangen heeft, maar ziet niets meer van wat er vanaf nu geschreven wordt. {{name}} blijft in de groep op de andere apparaten.',
  unlink: 'Ontkoppelen',
  device: 'Apparaat {{label}}',
  thisDevice: 'dit apparaat',
  addedOn: 'toegevoegd op {{date}}',
};

const zhCN: Record<string, string> = {
  settingsButton: '群组设置',
  settingsTitle: '群组设置',

  nameHeading: '名称',
  nameLabel: '群组名称',
  rename: '重命名',
  renamed: '已重命名。每位成员都会看到新名称。',
  nameReadOnly: '只有管理员可以重命名群组。',
  nameEmpty: '请给群组起一个成员认得出的名字。',
  nameTooLong: '群组名称不能超过 {{max}} 个字符。',
  nameControl: '名称不能包含不可见的控制字符或文字方向字符。',
  renameNotAdmin: '只有管理员可以重命名群组。',
  renameFailed: '无法重命名群组：{{message}}',

  historyHeading: '历史记录',
  historyAll: '新成员以及成员的新设备可以看到群组创建以来的全部历史记录。',
  historyFromJoin: '新成员只能看到他们加入之后写下的内容。',
  historyAfter: '被移除的人和被解除关联的设备，看不到之后写下的任何内容。',

  notifyHeading: '通知',
  levelAll: '所有消息',
  levelAllHint: '每条新消息都会通知。',
  levelMentions: '仅提及',
  levelMentionsHint: '只在有人提到你时通知。',
  levelOff: '关闭',
  levelOffHint: '不通知。新消息仍会显示为未读。',
  levelPrivacy: '通知显示的内容在“设置”中为所有群组统一设定。',

  serversHeading: '服务器',
  serversIntro: '这是 Fellows 为此群组连接的全部服务器。它们都看不到任何消息。',
  signalingLabel: '信令服务器',
  signalingNone: '无：此群组的成员无法找到彼此。',
  signalingHint:
    '此群组的成员通过这些服务器相遇，群组的邀请中也写明了它们。更改“设置”不会改变它们。',
  stunLabel: 'STUN 服务器（本设备，所有群组）',
  stunNone: '无：成员的电脑只能在同一网络中找到彼此。',

  membershipHeading: '成员资格',
  showMembers_other: '查看全部 {{count}} 位成员',
  approveJoins: '新成员需要管理员批准',
  approveJoinsHint: '持有邀请的人需要等待管理员让其加入。',
  leave: '退出群组',
  leaveTitle: '要退出“{{group}}”吗？',
  leaveDetail: '你会保留已有的内容，但只能阅读。其他人会继续，你将看不到他们从现在起写的内容。',
  leaveConfirm: '退出',
  notMember: '你已不在此群组中。',

  membersHeading: '成员',
  askingToJoin: '请求加入',
  decline: '拒绝',
  declineLabel: '拒绝 {{name}}',
  letIn: '让其加入',
  letInLabel: '让 {{name}} 加入',
  you: '（你）',
  admin: '管理员',
  online: '在线',
  offline: '离线',
  typing: '正在输入…',
  safetyNumber: '安全码',
  safetyNumberOf: '{{name}} 的安全码',
  safetyMine: '这是你的安全码。其他人在他们的屏幕上看到的你的数字与此相同。',
  safetyOther:
    '请当面或通话时与 {{name}} 自己屏幕上的数字核对。如果一致，来自 {{name}} 的消息确实是本人发的。',
  makeAdmin: '设为管理员',
  remove: '移除',
  removeLabel: '移除 {{name}}',
  removeTitle: '要将 {{name}} 移出“{{group}}”吗？',
  removeDetail:
    '{{name}} 会保留已经收到的内容，但看不到从现在起写下的任何内容：群组会换用一把对方拿不到的新密钥。',
  promoteTitle: '要将 {{name}} 设为管理员吗？',
  promoteDetail: '管理员可以移除成员、设置其他管理员，以及更改群组设置。',
  unlinkTitle: '要解除关联设备 {{label}} 吗？',
  unlinkDetailMine:
    '那台电脑会保留已经收到的内容，但在此群组中看不到从现在起写下的任何内容。要一次性从你的所有群组中解除关联，请使用“设置 → 你的设备”。',
  unlinkDetailOther:
    '{{name}} 的这台设备会保留已经收到的内容，但看不到从现在起写下的任何内容。{{name}} 仍通过其他设备留在群组中。',
  unlink: '解除关联',
  device: '设备 {{label}}',
  thisDevice: '本设备',
  addedOn: '添加于 {{date}}',
};

export default { en, nl, 'zh-CN': zhCN };
