// The "onboarding" strings: the first screen, linking this device, the locked profile. English is
// the source: Dutch and Chinese must have the same keys (plural forms aside) and the same
// {{placeholders}}; i18n.test.ts checks both.

const en = {
  welcome: 'Welcome',
  tagline: 'Group chat for the people you know, kept on your own laptops.',
  howTitle: 'How Fellows works',
  noServerTitle: 'No server keeps your messages.',
  noServerBody:
    'A group lives on its members’ laptops and syncs directly between them, end-to-end encrypted: only members can read it.',
  onlineTitle: 'Someone has to be online to let you in.',
  onlineBody:
    'To join a group, a member must have Fellows open to admit you. After that, any member passes messages on.',
  signalingTitle: 'A signaling server only introduces laptops.',
  signalingBody:
    'It sees your internet address and when you are online, so laptops can find each other. It never sees your name or what you write.',
  nameLabel: 'Your name',
  namePlaceholder: 'How your groups will know you',
  nameHint: 'Members of your groups see it next to your messages.',
  nameEmpty: 'Enter a name your group will recognise.',
  nameTooLong: 'Keep your name to {{max}} characters or fewer.',
  nameControl: 'Names cannot contain invisible control or text-direction characters.',
  createFailed: 'Fellows could not create your keys: {{message}}',
  creating: 'Creating your keys…',
  alreadyUse: 'Already use Fellows on another laptop?',
  linkDevice: 'Link to my other device',
  linkInstructions:
    'On the laptop where you already use Fellows, open Settings → “Link a new device” and enter the code it shows.',
  linkCodeLabel: 'Link code',
  linkEmpty: 'Paste the code your other device shows.',
  linkNotACode:
    'This is not a device link code. On your other device open Settings → Link a new device.',
  linkDamaged: 'This code is incomplete or has a typo. Copy it again from your other device.',
  linkNewer:
    'This code was made by a newer version of Fellows. Update Fellows on this device first.',
  linkBadServer: 'This code names a signaling server Fellows will not contact.',
  linkExpired: 'This code has expired. Make a new one on your other device.',
  linkContact:
    'To reach your other device, Fellows will contact <b>{{hosts}}</b>. That server sees that two devices meet, never your keys or messages.',
  askToLink: 'Ask to link',
  checkDigitsIntro:
    'On your other device, check that it shows these digits, then choose “Link this device”:',
  checkDigits: 'Check digits',
  keepOpen: 'Keep both laptops open until this one shows your groups.',
  declined: 'Your other device declined. Make a new code there if you want to link this one.',
  linkSaveFailed: 'Linked, but this device could not save its keys. Try again.',
  linkAskFailed: 'Could not ask your other device: {{message}}',
  lockedTitle: 'Your profile is locked',
  lockedKeyMissing:
    'Your profile is here, but the key that unlocks it is gone from this device’s keyring.',
  lockedUnwrapFailed: 'The key in this device’s keyring does not unlock your profile.',
  lockedOther: 'Your profile could not be read.',
  lockedDetails: 'Technical details',
  lockedHint:
    'Fellows has not changed or deleted anything. If you use a system keyring, unlock it and restart Fellows.',
} as const;

const nl: Record<string, string> = {
  welcome: 'Welkom',
  tagline: 'Groepschat voor de mensen die je kent, bewaard op jullie eigen laptops.',
  howTitle: 'Zo werkt Fellows',
  noServerTitle: 'Geen server bewaart je berichten.',
  noServerBody:
    'Een groep staat op de laptops van de leden en synchroniseert rechtstreeks tussen hen, end-to-end versleuteld: alleen leden kunnen meelezen.',
  onlineTitle: 'Er moet iemand online zijn om je binnen te laten.',
  onlineBody:
    'Om lid te worden van een groep moet een lid Fellows open hebben om je toe te laten. Daarna geeft elk lid berichten door.',
  signalingTitle: 'Een signaleringsserver stelt laptops alleen aan elkaar voor.',
  signalingBody:
    'Hij ziet je internetadres en wanneer je online bent, zodat laptops elkaar kunnen vinden. Je naam en wat je schrijft ziet hij nooit.',
  nameLabel: 'Je naam',
  namePlaceholder: 'Hoe je groepen je kennen',
  nameHint: 'Leden van je groepen zien hem naast je berichten.',
  nameEmpty: 'Vul een naam in die je groep herkent.',
  nameTooLong: 'Houd je naam op {{max}} tekens of minder.',
  nameControl: 'Namen mogen geen onzichtbare stuur- of schrijfrichtingstekens bevatten.',
  createFailed: 'Fellows kon je sleutels niet aanmaken: {{message}}',
  creating: 'Je sleutels worden aangemaakt…',
  alreadyUse: 'Gebruik je Fellows al op een andere laptop?',
  linkDevice: 'Koppelen aan mijn andere apparaat',
  linkInstructions:
    'Open op de laptop waar je Fellows al gebruikt Instellingen → ‘Een nieuw apparaat koppelen’ en vul de code in die daar staat.',
  linkCodeLabel: 'Koppelcode',
  linkEmpty: 'Plak de code die je andere apparaat laat zien.',
  linkNotACode:
    'Dit is geen koppelcode voor een apparaat. Open op je andere apparaat Instellingen → Een nieuw apparaat koppelen.',
  linkDamaged:
    'Deze code is onvolledig of bevat een tikfout. Kopieer hem opnieuw van je andere apparaat.',
  linkNewer:
    'Deze code is gemaakt door een nieuwere versie van Fellows. Werk Fellows eerst bij op dit apparaat.',
  linkBadServer: 'Deze code noemt een signaleringsserver waar Fellows geen contact mee opneemt.',
  linkExpired: 'Deze code is verlopen. Maak een nieuwe op je andere apparaat.',
  linkContact:
    'Om je andere apparaat te bereiken neemt Fellows contact op met <b>{{hosts}}</b>. Die server ziet dat twee apparaten elkaar treffen, nooit je sleutels of berichten.',
  askToLink: 'Vragen om te koppelen',
  checkDigitsIntro:
    'Controleer of je andere apparaat deze cijfers laat zien en kies daar ‘Dit apparaat koppelen’:',
  checkDigits: 'Controlecijfers',
  keepOpen: 'Houd beide laptops open tot deze je groepen laat zien.',
  declined:
    'Je andere apparaat heeft geweigerd. Maak daar een nieuwe code als je dit apparaat wilt koppelen.',
  linkSaveFailed:
    'Gekoppeld, maar dit apparaat kon zijn sleutels niet opslaan. Probeer het opnieuw.',
  linkAskFailed: 'Kon je andere apparaat niet bereiken: {{message}}',
  lockedTitle: 'Je profiel is vergrendeld',
  lockedKeyMissing:
    'Je profiel staat hier, maar de sleutel die het ontgrendelt is weg uit de sleutelbos van dit apparaat.',
  lockedUnwrapFailed: 'De sleutel in de sleutelbos van dit apparaat ontgrendelt je profiel niet.',
  lockedOther: 'Je profiel kon niet worden gelezen.',
  lockedDetails: 'Technische details',
  lockedHint:
    'Fellows heeft niets gewijzigd of verwijderd. Gebruik je een sleutelbos van het systeem, ontgrendel die dan en start Fellows opnieuw.',
};

const zhCN: Record<string, string> = {
  welcome: '欢迎',
  tagline: '和你认识的人群聊，消息保存在你们自己的电脑上。',
  howTitle: 'Fellows 如何运作',
  noServerTitle: '没有服务器保存你的消息。',
  noServerBody: '群组存放在成员们的电脑上，直接在彼此之间同步，并经过端到端加密：只有成员能读到。',
  onlineTitle: '需要有人在线才能让你加入。',
  onlineBody: '加入群组时，必须有一位成员打开着 Fellows 来接纳你。之后，任何成员都会转发消息。',
  signalingTitle: '信令服务器只负责让电脑互相找到。',
  signalingBody:
    '它能看到你的网络地址和你何时在线，以便电脑之间相互找到；它永远看不到你的名字和你写的内容。',
  nameLabel: '你的名字',
  namePlaceholder: '群组成员将如何称呼你',
  nameHint: '群组成员会在你的消息旁看到它。',
  nameEmpty: '请输入一个群组成员认得出的名字。',
  nameTooLong: '名字请不要超过 {{max}} 个字符。',
  nameControl: '名字不能包含不可见的控制字符或文字方向字符。',
  createFailed: 'Fellows 无法创建你的密钥：{{message}}',
  creating: '正在创建你的密钥…',
  alreadyUse: '已经在另一台电脑上使用 Fellows？',
  linkDevice: '关联到我的另一台设备',
  linkInstructions:
    '在已经使用 Fellows 的电脑上，打开“设置”→“关联新设备”，然后输入那里显示的代码。',
  linkCodeLabel: '关联代码',
  linkEmpty: '请粘贴另一台设备上显示的代码。',
  linkNotACode: '这不是设备关联代码。请在另一台设备上打开“设置”→“关联新设备”。',
  linkDamaged: '这个代码不完整或有输入错误。请从另一台设备重新复制。',
  linkNewer: '这个代码由更新版本的 Fellows 生成。请先在这台设备上更新 Fellows。',
  linkBadServer: '这个代码指定了一个 Fellows 不会连接的信令服务器。',
  linkExpired: '这个代码已过期。请在另一台设备上重新生成。',
  linkContact:
    '为了联系你的另一台设备，Fellows 将连接 <b>{{hosts}}</b>。该服务器只知道两台设备在此相遇，看不到你的密钥或消息。',
  askToLink: '请求关联',
  checkDigitsIntro: '请确认另一台设备上显示的是这些数字，然后在那里选择“关联这台设备”：',
  checkDigits: '校验数字',
  keepOpen: '请让两台电脑都保持打开，直到这台显示出你的群组。',
  declined: '你的另一台设备拒绝了请求。如果你想关联这台设备，请在那里生成一个新代码。',
  linkSaveFailed: '已关联，但这台设备无法保存密钥。请重试。',
  linkAskFailed: '无法联系你的另一台设备：{{message}}',
  lockedTitle: '你的个人资料已锁定',
  lockedKeyMissing: '你的个人资料还在，但用来解锁它的密钥已不在这台设备的密钥环中。',
  lockedUnwrapFailed: '这台设备密钥环中的密钥无法解锁你的个人资料。',
  lockedOther: '无法读取你的个人资料。',
  lockedDetails: '技术细节',
  lockedHint:
    'Fellows 没有更改或删除任何内容。如果你使用系统密钥环，请先解锁，然后重新启动 Fellows。',
};

export default { en, nl, 'zh-CN': zhCN };
