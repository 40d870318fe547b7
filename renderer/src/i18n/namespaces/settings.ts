// The "settings" strings: the Settings screen and its sections. English is the source: Dutch and
// Chinese must have the same keys (plural forms aside) and the same {{placeholders}};
// i18n.test.ts checks both.
import { URL_PROBLEMS_EN } from '../../settings/urls.ts';

const en = {
  title: 'Settings',
  lede: 'Fellows contacts only the servers listed here and the ones your groups name. None of them ever sees a message.',

  appearanceHeading: 'Appearance',
  keyboardHeading: 'Keyboard',
  keyboardHint:
    'Everything in Fellows works from the keyboard. {{keys}} lists the shortcuts anywhere.',
  keyboardShow: 'Keyboard shortcuts',
  themeLegend: 'Theme',
  themeSystem: 'System',
  themeSystemHint: 'Light or dark, as your system is set.',
  themeLight: 'Light',
  themeDark: 'Dark',

  languageHeading: 'Language',
  languageSystem: 'System',
  languageSystemHint: 'Your system’s language: {{language}}.',
  languageHint: 'Dates, times and numbers follow the language.',

  notificationsHeading: 'Notifications',
  notificationsIntro:
    'Fellows shows a notification for a new message while its window is not in front. Each group notifies for every message, only for mentions of you, or not at all: choose in the group’s settings.',
  previewLegend: 'What a notification shows',
  previewSenderAndText: 'Sender and message',
  previewSenderAndTextHint: 'The group, who wrote, and the start of the message.',
  previewSender: 'Sender only',
  previewSenderHint: 'The group and who wrote, not what.',
  previewNothing: 'Nothing',
  previewNothingHint: 'Only “New message”: no group, no sender, no text. Safe on a shared screen.',
  previewExample: 'Example',
  sampleGroup: 'Book club',
  sampleSender: 'Ada',
  sampleText: 'See you at eight',
  accessDesktop: 'Your system shows them, and its settings can silence them.',
  accessUnsupported: 'This browser cannot show notifications.',
  accessDefault: 'Your browser asks once whether Fellows may show notifications.',
  accessAllow: 'Allow notifications',
  accessGranted: 'Your browser shows notifications from Fellows.',
  accessDenied:
    'Your browser blocks notifications from Fellows. To get them, allow notifications for this site in your browser’s settings.',

  networkHeading: 'Servers',
  signalingTitle: 'Signaling servers for new groups',
  signalingField: 'Add a signaling server',
  signalingEmpty:
    'No signaling server: members of a group you create now could not find each other or let anyone in.',
  signalingHint:
    'A signaling server introduces your devices to other members’ devices: it sees that two devices want to meet, never your messages.',
  signalingHintGroups:
    'New groups use these and name them in their invites. Groups you already have keep their own servers (see “Group settings” in a conversation).',
  stunTitle: 'STUN servers',
  stunField: 'Add a STUN server',
  stunEmpty: 'None. Without one, members’ laptops find each other only on the same network.',
  stunHint:
    'A STUN server helps find a path between laptops on different networks; it sees your IP address.',
  stunHintRestart: 'Used by all your groups. Changes apply after Fellows restarts.',
  stunPending: 'The new STUN servers apply after a restart.',
  restartNow: 'Restart now',
  add: 'Add',
  removeServer: 'Remove {{url}}',
  ...URL_PROBLEMS_EN,

  linkHeading: 'Your devices',
  linkIntro:
    'Use Fellows on another laptop as the same person: it joins the groups you are in now and sees what this one sees. Everyone in them is told you added a device. Groups you create or join later are on the laptop that created or joined them.',
  linkStart: 'Link a new device',
  linkCodeLabel: 'On the new laptop, choose “Link to my other device” and enter this code',
  linkValidUntil:
    'Valid until {{time}}, for one device. Keep it to yourself: you will be asked to approve the device here.',
  copyCode: 'Copy code',
  copyCodeFailed: 'Copying failed: select the code and copy it by hand.',
  linkAsking: 'A device asks to be linked',
  linkCompare: 'Link it only if the new laptop shows the same digits:',
  checkDigits: 'Check digits',
  decline: 'Decline',
  linkApprove: 'Link this device',
  linkLinking: 'Linking… adding the new device to your groups.',
  linkedNoGroups: 'Linked. You are in no group yet, so there is nothing to fetch.',
  linkedGroups_one: 'Linked. The new device is joining your group and fetching its history.',
  linkedGroups_other:
    'Linked. The new device is joining your {{count}} groups and fetching their history.',
  linkDeclined: 'Declined. That device was told it cannot link.',
  linkExpired: 'The code expired. Make a new one when you are at the other laptop.',

  myDevicesLabel: 'Your linked devices',
  thisDevice: 'this device',
  addedOn: 'added {{date}}',
  inGroups_one: 'in {{count}} group',
  inGroups_other: 'in {{count}} groups',
  unlink: 'Unlink',
  unlinkLabel: 'Unlink device {{label}}',
  unlinkTitle: 'Unlink device {{label}} from all your groups?',
  unlinkDetail:
    'It keeps what it already received, but sees nothing written from now on: each group moves to a new key it does not get. Do this for a laptop that is lost, sold or no longer yours.',

  keysHeading: 'Keys on this device',
  keysWeb:
    'In a browser, Fellows keeps your keys in this browser profile: they are as safe as the profile and the disk it is on.',
  keysIntro:
    'Your keys open your messages on this device. Fellows asks your system to lock them away, so that someone who copies your files cannot use them.',
  vaultUnavailable:
    'Fellows cannot use your system’s secure storage right now, so it will not save keys on this computer. On Linux, install and unlock a keyring such as GNOME Keyring or KWallet, then restart Fellows.',
  vaultBasicText:
    'Your system has no keyring (such as GNOME Keyring or KWallet) that Fellows can use, so your keys are stored with a fixed password: anyone who can read your files can read them. Install and unlock a keyring, then restart Fellows.',
  vaultUnknown:
    'Fellows could not tell which keyring your system uses, so it cannot promise that your keys are protected on disk. Restart Fellows; if this stays, install and unlock a keyring such as GNOME Keyring or KWallet.',
  vaultLibsecret:
    'Your keys are encrypted with a key kept in your system keyring (GNOME Keyring or another Secret Service), which unlocks when you log in.',
  vaultKwallet:
    'Your keys are encrypted with a key kept in KWallet, which unlocks when you log in.',
  vaultKeychain: 'Your keys are encrypted with a key kept in your macOS Keychain.',
  vaultDpapi: 'Your keys are encrypted by Windows for your user account.',

  eraseHeading: 'This device',
  eraseHint: 'Fellows keeps your name, your keys and your groups only on this device, sealed.',
  eraseButton: 'Delete Fellows from this device',
  eraseTitle: 'Delete everything Fellows keeps on this device?',
  eraseDetail:
    'Your name and keys, and every group and message on this device, are deleted. Your groups go on on the other members’ devices; to take part again you would need a new invite. This cannot be undone.',
  eraseConfirm: 'Delete everything',
} as const;

const nl: Record<string, string> = {
  title: 'Instellingen',
  lede: 'Fellows maakt alleen contact met de servers die hier staan en met die van je groepen. Geen van die servers ziet ooit een bericht.',

  appearanceHeading: 'Weergave',
  keyboardHeading: 'Toetsenbord',
  keyboardHint: 'Alles in Fellows werkt met het toetsenbord. {{keys}} toont overal de sneltoetsen.',
  keyboardShow: 'Sneltoetsen',
  themeLegend: 'Thema',
  themeSystem: 'Systeem',
  themeSystemHint: 'Licht of donker, zoals je systeem is ingesteld.',
  themeLight: 'Licht',
  themeDark: 'Donker',

  languageHeading: 'Taal',
  languageSystem: 'Systeem',
  languageSystemHint: 'De taal van je systeem: {{language}}.',
  languageHint: 'Datums, tijden en getallen volgen de taal.',

  notificationsHeading: 'Meldingen',
  notificationsIntro:
    'Fellows toont een melding bij een nieuw bericht als het venster niet op de voorgrond staat. Elke groep meldt elk bericht, alleen vermeldingen van jou, of niets: dat kies je in de instellingen van de groep.',
  previewLegend: 'Wat een melding laat zien',
  previewSenderAndText: 'Afzender en bericht',
  previewSenderAndTextHint: 'De groep, wie het schreef en het begin van het bericht.',
  previewSender: 'Alleen de afzender',
  previewSenderHint: 'De groep en wie het schreef, niet wat.',
  previewNothing: 'Niets',
  previewNothingHint:
    'Alleen ‘Nieuw bericht’: geen groep, geen afzender, geen tekst. Veilig op een gedeeld scherm.',
  previewExample: 'Voorbeeld',
  sampleGroup: 'Leesclub',
  sampleSender: 'Ada',
  sampleText: 'Tot vanavond om acht',
  accessDesktop: 'Je systeem toont ze, en in de systeeminstellingen kun je ze stilzetten.',
  accessUnsupported: 'Deze browser kan geen meldingen tonen.',
  accessDefault: 'Je browser vraagt één keer of Fellows meldingen mag tonen.',
  accessAllow: 'Meldingen toestaan',
  accessGranted: 'Je browser toont meldingen van Fellows.',
  accessDenied:
    'Je browser blokkeert meldingen van Fellows. Wil je ze krijgen, sta dan meldingen voor deze site toe in de instellingen van je browser.',

  networkHeading: 'Servers',
  signalingTitle: 'Signaleringsservers voor nieuwe groepen',
  signalingField: 'Signaleringsserver toevoegen',
  signalingEmpty:
    'Geen signaleringsserver: leden van een groep die je nu maakt, kunnen elkaar niet vinden en niemand binnenlaten.',
  signalingHint:
    'Een signaleringsserver stelt je apparaten voor aan die van andere leden: hij ziet dat twee apparaten elkaar willen spreken, nooit je berichten.',
  signalingHintGroups:
    'Nieuwe groepen gebruiken deze servers en noemen ze in hun uitnodigingen. Groepen die je al hebt, houden hun eigen servers (zie ‘Groepsinstellingen’ in een gesprek).',
  stunTitle: 'STUN-servers',
  stunField: 'STUN-server toevoegen',
  stunEmpty:
    'Geen. Zonder STUN-server vinden laptops van leden elkaar alleen op hetzelfde netwerk.',
  stunHint:
    'Een STUN-server helpt een weg te vinden tussen laptops op verschillende netwerken; hij ziet je IP-adres.',
  stunHintRestart:
    'Geldt voor al je groepen. Wijzigingen gaan in nadat Fellows opnieuw is gestart.',
  stunPending: 'De nieuwe STUN-servers gaan in na een herstart.',
  restartNow: 'Nu herstarten',
  add: 'Toevoegen',
  removeServer: '{{url}} verwijderen',
  urlEmptySignaling: 'Typ een serveradres, zoals wss://signal.example.org.',
  urlSignalingScheme:
    'Een adres van een signaleringsserver begint met wss:// (of ws:// voor een server op je eigen netwerk).',
  urlCredentials:
    'Laat de gebruikersnaam en het wachtwoord weg: Fellows zou ze naar de server sturen.',
  urlInvalidPort: 'Dit adres heeft een ongeldige poort.',
  urlInvalidHost: 'Dit adres heeft een ongeldige hostnaam.',
  urlTooLong: 'Dit adres is langer dan {{max}} tekens.',
  urlBadCharacters: 'Dit adres bevat spaties, stuurtekens of niet-ASCII-tekens.',
  urlBackslash: 'Dit adres bevat een backslash.',
  urlInvalid: 'Dit adres is niet geldig.',
  urlEmptyStun: 'Typ het adres van een STUN-server, zoals stun:stun.example.org:3478.',
  urlStunScheme:
    'Een adres van een STUN-server begint met stun: of stuns:, zoals stun:stun.example.org:3478.',
  urlStunSlashes: 'Schrijf het zonder de schuine strepen: {{url}}.',
  urlStunCredentials: 'STUN-servers nemen geen gebruikersnaam of wachtwoord.',
  urlStunShape:
    'Een STUN-adres is een host met eventueel een poort, zoals stun:stun.example.org:3478.',
  urlDuplicate: 'Deze server staat al in de lijst.',
  urlTooMany: 'Er kunnen hier hooguit {{max}} servers staan: verwijder er eerst een.',

  linkHeading: 'Je apparaten',
  linkIntro:
    'Gebruik Fellows op een andere laptop als dezelfde persoon: die doet mee in de groepen waar je nu in zit en ziet wat deze ziet. Iedereen daarin hoort dat je een apparaat hebt toegevoegd. Groepen die je later maakt of waar je later bij komt, staan op de laptop waarmee je dat deed.',
  linkStart: 'Nieuw apparaat koppelen',
  linkCodeLabel: 'Kies op de nieuwe laptop ‘Koppelen aan mijn andere apparaat’ en vul deze code in',
  linkValidUntil:
    'Geldig tot {{time}}, voor één apparaat. Houd hem voor jezelf: je wordt hier gevraagd het apparaat goed te keuren.',
  copyCode: 'Code kopiëren',
  copyCodeFailed: 'Kopiëren is mislukt: selecteer de code en kopieer hem zelf.',
  linkAsking: 'Een apparaat vraagt om gekoppeld te worden',
  linkCompare: 'Koppel het alleen als de nieuwe laptop dezelfde cijfers toont:',
  checkDigits: 'Controlecijfers',
  decline: 'Weigeren',
  linkApprove: 'Dit apparaat koppelen',
  linkLinking: 'Bezig met koppelen… het nieuwe apparaat wordt aan je groepen toegevoegd.',
  linkedNoGroups: 'Gekoppeld. Je zit nog in geen enkele groep, dus er valt niets op te halen.',
  linkedGroups_one:
    'Gekoppeld. Het nieuwe apparaat doet mee in je groep en haalt de geschiedenis op.',
  linkedGroups_other:
    'Gekoppeld. Het nieuwe apparaat doet mee in je {{count}} groepen en haalt hun geschiedenis op.',
  linkDeclined: 'Geweigerd. Dat apparaat heeft gehoord dat het niet kan koppelen.',
  linkExpired: 'De code is verlopen. Maak een nieuwe als je bij de andere laptop bent.',

  myDevicesLabel: 'Je gekoppelde apparaten',
  thisDevice: 'dit apparaat',
  addedOn: 'toegevoegd op {{date}}',
  inGroups_one: 'in {{count}} groep',
  inGroups_other: 'in {{count}} groepen',
  unlink: 'Ontkoppelen',
  unlinkLabel: 'Apparaat {{label}} ontkoppelen',
  unlinkTitle: 'Apparaat {{label}} uit al je groepen ontkoppelen?',
  unlinkDetail:
    'Het houdt wat het al ontvangen heeft, maar ziet niets meer van wat er vanaf nu geschreven wordt: elke groep gaat over op een nieuwe sleutel die het niet krijgt. Doe dit voor een laptop die kwijt, verkocht of niet meer van jou is.',

  keysHeading: 'Sleutels op dit apparaat',
  keysWeb:
    'In een browser bewaart Fellows je sleutels in dit browserprofiel: ze zijn zo veilig als het profiel en de schijf waarop het staat.',
  keysIntro:
    'Met je sleutels open je je berichten op dit apparaat. Fellows vraagt je systeem ze op te bergen, zodat wie je bestanden kopieert ze niet kan gebruiken.',
  vaultUnavailable:
    'Fellows kan de beveiligde opslag van je systeem nu niet gebruiken en bewaart daarom geen sleutels op deze computer. Installeer en ontgrendel op Linux een sleutelbos zoals GNOME Keyring of KWallet en start Fellows opnieuw.',
  vaultBasicText:
    'Je systeem heeft geen sleutelbos (zoals GNOME Keyring of KWallet) die Fellows kan gebruiken, dus je sleutels worden met een vast wachtwoord bewaard: wie je bestanden kan lezen, kan ze ook lezen. Installeer en ontgrendel een sleutelbos en start Fellows opnieuw.',
  vaultUnknown:
    'Fellows kon niet zien welke sleutelbos je systeem gebruikt en kan dus niet beloven dat je sleutels op de schijf beschermd zijn. Start Fellows opnieuw; blijft dit zo, installeer en ontgrendel dan een sleutelbos zoals GNOME Keyring of KWallet.',
  vaultLibsecret:
    'Je sleutels zijn versleuteld met een sleutel in de sleutelbos van je systeem (GNOME Keyring of een andere Secret Service), die opengaat als je inlogt.',
  vaultKwallet:
    'Je sleutels zijn versleuteld met een sleutel in KWallet, die opengaat als je inlogt.',
  vaultKeychain: 'Je sleutels zijn versleuteld met een sleutel in je macOS-sleutelhanger.',
  vaultDpapi: 'Je sleutels zijn door Windows versleuteld voor je gebruikersaccount.',

  eraseHeading: 'Dit apparaat',
  eraseHint:
    'Fellows bewaart je naam, je sleutels en je groepen alleen op dit apparaat, verzegeld.',
  eraseButton: 'Fellows van dit apparaat verwijderen',
  eraseTitle: 'Alles verwijderen wat Fellows op dit apparaat bewaart?',
  eraseDetail:
    'Je naam en sleutels en elke groep en elk bericht op dit apparaat worden verwijderd. Je groepen gaan door op de apparaten van de andere leden; om weer mee te doen heb je een nieuwe uitnodiging nodig. Dit kan niet ongedaan worden gemaakt.',
  eraseConfirm: 'Alles verwijderen',
};

const zhCN: Record<string, string> = {
  title: '设置',
  lede: 'Fellows 只连接这里列出的服务器和你的群组指定的服务器。这些服务器都看不到任何消息。',

  appearanceHeading: '外观',
  keyboardHeading: '键盘',
  keyboardHint: 'Fellows 的所有功能都可以用键盘操作。在任何位置按 {{keys}} 可查看快捷键。',
  keyboardShow: '键盘快捷键',
  themeLegend: '主题',
  themeSystem: '跟随系统',
  themeSystemHint: '按系统设置显示浅色或深色。',
  themeLight: '浅色',
  themeDark: '深色',

  languageHeading: '语言',
  languageSystem: '跟随系统',
  languageSystemHint: '系统语言：{{language}}。',
  languageHint: '日期、时间和数字也随语言显示。',

  notificationsHeading: '通知',
  notificationsIntro:
    '窗口不在前台时，Fellows 会为新消息显示通知。每个群组可以通知所有消息、只通知提到你的消息，或完全不通知：在群组设置中选择。',
  previewLegend: '通知显示的内容',
  previewSenderAndText: '发送者和消息',
  previewSenderAndTextHint: '群组、发送者和消息的开头。',
  previewSender: '仅发送者',
  previewSenderHint: '群组和发送者，不显示内容。',
  previewNothing: '不显示',
  previewNothingHint: '只显示“新消息”：没有群组、发送者或内容。适合共用的屏幕。',
  previewExample: '示例',
  sampleGroup: '读书会',
  sampleSender: '小林',
  sampleText: '八点见',
  accessDesktop: '通知由系统显示，可以在系统设置中将其静音。',
  accessUnsupported: '此浏览器无法显示通知。',
  accessDefault: '浏览器会询问一次是否允许 Fellows 显示通知。',
  accessAllow: '允许通知',
  accessGranted: '浏览器会显示 Fellows 的通知。',
  accessDenied: '浏览器阻止了 Fellows 的通知。如需接收通知，请在浏览器设置中允许此网站发送通知。',

  networkHeading: '服务器',
  signalingTitle: '新群组的信令服务器',
  signalingField: '添加信令服务器',
  signalingEmpty: '没有信令服务器：你现在创建的群组的成员将无法找到彼此，也无法让任何人加入。',
  signalingHint:
    '信令服务器为你的设备和其他成员的设备牵线：它只知道两台设备想要连接，从不接触你的消息。',
  signalingHintGroups:
    '新群组使用这些服务器，并在邀请中写明。已有的群组保留自己的服务器（见对话中的“群组设置”）。',
  stunTitle: 'STUN 服务器',
  stunField: '添加 STUN 服务器',
  stunEmpty: '无。没有 STUN 服务器时，成员的电脑只能在同一网络中找到彼此。',
  stunHint: 'STUN 服务器帮助不同网络中的电脑找到连接路径；它能看到你的 IP 地址。',
  stunHintRestart: '用于你的所有群组。更改在 Fellows 重启后生效。',
  stunPending: '新的 STUN 服务器将在重启后生效。',
  restartNow: '立即重启',
  add: '添加',
  removeServer: '移除 {{url}}',
  urlEmptySignaling: '请输入服务器地址，例如 wss://signal.example.org。',
  urlSignalingScheme: '信令服务器地址以 wss:// 开头（你自己网络中的服务器可以用 ws://）。',
  urlCredentials: '请去掉用户名和密码：Fellows 会把它们发送给服务器。',
  urlInvalidPort: '此地址的端口无效。',
  urlInvalidHost: '此地址的主机名无效。',
  urlTooLong: '此地址超过 {{max}} 个字符。',
  urlBadCharacters: '此地址包含空格、控制字符或非 ASCII 字符。',
  urlBackslash: '此地址包含反斜杠。',
  urlInvalid: '此地址无效。',
  urlEmptyStun: '请输入 STUN 服务器地址，例如 stun:stun.example.org:3478。',
  urlStunScheme: 'STUN 服务器地址以 stun: 或 stuns: 开头，例如 stun:stun.example.org:3478。',
  urlStunSlashes: '请去掉斜杠：{{url}}。',
  urlStunCredentials: 'STUN 服务器不需要用户名或密码。',
  urlStunShape: 'STUN 地址由主机和可选的端口组成，例如 stun:stun.example.org:3478。',
  urlDuplicate: '此服务器已在列表中。',
  urlTooMany: '这里最多只能有 {{max}} 个服务器：请先移除一个。',

  linkHeading: '你的设备',
  linkIntro:
    '以同一个身份在另一台电脑上使用 Fellows：它会加入你现在所在的群组，看到与这台设备相同的内容。群组中的每个人都会得知你添加了设备。之后创建或加入的群组只在创建或加入它们的那台电脑上。',
  linkStart: '关联新设备',
  linkCodeLabel: '在新电脑上选择“关联到我的另一台设备”，然后输入此代码',
  linkValidUntil: '有效期至 {{time}}，仅限一台设备。请勿告诉他人：你需要在这里批准该设备。',
  copyCode: '复制代码',
  copyCodeFailed: '复制失败：请选中代码后手动复制。',
  linkAsking: '有设备请求关联',
  linkCompare: '只有在新电脑显示相同数字时才关联：',
  checkDigits: '核对数字',
  decline: '拒绝',
  linkApprove: '关联此设备',
  linkLinking: '正在关联……正在把新设备加入你的群组。',
  linkedNoGroups: '已关联。你还没有加入任何群组，所以没有需要获取的内容。',
  linkedGroups_other: '已关联。新设备正在加入你的 {{count}} 个群组并获取历史记录。',
  linkDeclined: '已拒绝。已告知该设备无法关联。',
  linkExpired: '代码已过期。到另一台电脑旁时再生成一个新的。',

  myDevicesLabel: '你已关联的设备',
  thisDevice: '本设备',
  addedOn: '添加于 {{date}}',
  inGroups_other: '在 {{count}} 个群组中',
  unlink: '解除关联',
  unlinkLabel: '解除关联设备 {{label}}',
  unlinkTitle: '要从你的所有群组中解除关联设备 {{label}} 吗？',
  unlinkDetail:
    '它会保留已经收到的内容，但看不到从现在起写下的任何内容：每个群组都会换用一把它拿不到的新密钥。电脑丢失、卖掉或不再属于你时，请这样做。',

  keysHeading: '本设备上的密钥',
  keysWeb:
    '在浏览器中，Fellows 把你的密钥保存在此浏览器配置文件里：其安全程度取决于该配置文件及其所在的磁盘。',
  keysIntro:
    '你的密钥用于在本设备上打开你的消息。Fellows 请系统把它们锁好，这样复制你文件的人也无法使用它们。',
  vaultUnavailable:
    'Fellows 目前无法使用系统的安全存储，因此不会在这台电脑上保存密钥。在 Linux 上，请安装并解锁 GNOME Keyring 或 KWallet 等密钥环，然后重启 Fellows。',
  vaultBasicText:
    '你的系统没有 Fellows 可用的密钥环（例如 GNOME Keyring 或 KWallet），所以你的密钥以固定密码保存：任何能读取你文件的人都能读取它们。请安装并解锁一个密钥环，然后重启 Fellows。',
  vaultUnknown:
    'Fellows 无法判断你的系统使用哪个密钥环，因此不能保证你的密钥在磁盘上受到保护。请重启 Fellows；如果仍然如此，请安装并解锁 GNOME Keyring 或 KWallet 等密钥环。',
  vaultLibsecret:
    '你的密钥用保存在系统密钥环（GNOME Keyring 或其他 Secret Service）中的密钥加密，登录时自动解锁。',
  vaultKwallet: '你的密钥用保存在 KWallet 中的密钥加密，登录时自动解锁。',
  vaultKeychain: '你的密钥用保存在 macOS 钥匙串中的密钥加密。',
  vaultDpapi: '你的密钥由 Windows 为你的用户帐户加密。',

  eraseHeading: '本设备',
  eraseHint: 'Fellows 只在本设备上加密保存你的名字、密钥和群组。',
  eraseButton: '从本设备删除 Fellows',
  eraseTitle: '删除 Fellows 在本设备上保存的所有内容？',
  eraseDetail:
    '你的名字和密钥，以及本设备上的每个群组和每条消息都会被删除。你的群组会在其他成员的设备上继续；要再次参与，你需要新的邀请。此操作无法撤销。',
  eraseConfirm: '全部删除',
};

export default { en, nl, 'zh-CN': zhCN };
