import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { bundledEngine, inForceObligations } from '../helpers.js';

// India's section 69A app-blocking orders of 2020 and 2022. The orders named apps only; the names below are the
// published lists (the 59 and the 43 in full, the 118 and the 54 of February 2022 as far as captured from press copies,
// with short names the press gave where the listed title was not read, less titles too generic to record) and, for the
// 47 of July 2020, whose list was not published, the names the press reported from it. Every name is a listing of its
// order; an app whose publisher was not established is recorded without an owner.
const ORDERS: Record<string, { date: string; names: string[]; listed: number }> = {
  'in-69a-2020-06': {
    date: '2020-06-29',
    listed: 59,
    names: [
      'TikTok', 'Shareit', 'Kwai', 'UC Browser', 'Baidu map', 'Shein', 'Clash of Kings', 'DU battery saver', 'Helo',
      'Likee', 'YouCam makeup', 'Mi Community', 'CM Browers', 'Virus Cleaner', 'APUS Browser', 'ROMWE', 'Club Factory',
      'Newsdog', 'Beutry Plus', 'WeChat', 'UC News', 'QQ Mail', 'Weibo', 'Xender', 'QQ Music', 'QQ Newsfeed',
      'Bigo Live', 'SelfieCity', 'Mail Master', 'Parallel Space', 'Mi Video Call – Xiaomi', 'WeSync',
      'ES File Explorer', 'Viva Video – QU Video Inc', 'Meitu', 'Vigo Video', 'New Video Status', 'DU Recorder',
      'Vault- Hide', 'Cache Cleaner DU App studio', 'DU Cleaner', 'DU Browser', 'Hago Play With New Friends',
      'Cam Scanner', 'Clean Master – Cheetah Mobile', 'Wonder Camera', 'Photo Wonder', 'QQ Player', 'We Meet',
      'Sweet Selfie', 'Baidu Translate', 'Vmate', 'QQ International', 'QQ Security Center', 'QQ Launcher', 'U Video',
      'V fly Status Video', 'Mobile Legends', 'DU Privacy',
    ],
  },
  'in-69a-2020-09': {
    date: '2020-09-02',
    listed: 68,
    names: [
      'PUBG MOBILE Nordic Map: Livik', 'PUBG MOBILE LITE', 'WeChat Work', 'WeChat reading', 'Government WeChat',
      'Tencent Weiyun', 'Tencent Watchlist', 'VooV Meeting - Tencent Video Conferencing', 'Small Q brush', 'Pitu',
      'Baidu', 'Baidu Express Edition', 'FaceU - Inspire your Beauty', 'ShareSave by Xiaomi: Latest gadgets, amazing deals',
      'CamCard - Business Card Reader', 'CamCard Business', 'CamCard for Salesforce', 'CamOCR', 'InNote',
      'Super Clean - Master of Cleaner, Phone Booster', 'APUS Launcher Pro- Theme, Live Wallpapers, Smart',
      'APUS Launcher -Theme, Call Show, Wallpaper, HideApps', 'APUS Security -Antivirus, Phone security, Cleaner',
      'APUS Turbo Cleaner 2020- Junk Cleaner, Anti-Virus', 'APUS Flashlight-Free & Bright',
      'Cut Cut – Cut Out & Photo Background Editor', 'Cyber Hunter', 'Cyber Hunter Lite',
      'Knives Out-No rules, just fight!', 'Super Mecha Champions', 'LifeAfter', 'Dawn of Isles',
      'Ludo World-Ludo Superstar', 'Chess Rush', 'Rules of Survival', 'Arena of Valor', 'Alipay', 'ULike (ByteDance)',
      // the games as Sportskeeda copied them from the list, in its sequence
      'Rise of Kingdoms: Lost Crusade', 'Art of Conquest: Dark Horizon', 'Dank Tanks', 'Warpath', 'Game of Sultans',
      'Carrom Friends: Carrom Board & Pool Game', 'Ludo All-Star- Play Online Ludo Game & Board Games',
      'Bike Racing: Moto Traffic Rider Bike Racing Games', 'Rangers Of Oblivion: Online Action MMO RPG Game',
      'Road of Kings- Endless Glory', 'Murderous Pursuits', 'Mobile Legends: Pocket', 'Chief Almighty: First Thunder BC',
      'MARVEL Super War NetEase Games', 'AFK Arena', 'Creative Destruction NetEase Games',
      'Crusaders of Light NetEase Games', 'Mafia City Yotta Games', 'Onmyoji NetEase Games',
      // named by The News Himachal and TechCrunch
      'Legend: Rising Empire NetEase Games', 'Mobile Taobao', 'Youku', 'Sina News', 'VPN for TikTok',
      // short names the press gave (Infotonline, TechGup)
      'U-Dictionary',
      // short names from other reports (PingWest, NewsLax after The Next Web, South China Morning Post)
      'Tantan', 'Zakzak', 'Huya',
      // games from Sportskeeda's later list of the games blocked, which runs in the order's sequence
      'Ride Out Heroes', 'Soul Hunters',
    ],
  },
  'in-69a-2020-07': {
    date: '2020-07-24',
    listed: 13,
    names: [
      'Tiktok Lite', 'Helo Lite', 'SHAREit Lite', 'BIGO LIVE Lite', 'VFY Lite',
      // reported afterwards from the unpublished list (PTI; ETV Bharat; Loksatta after The Economic Times)
      'Mi Browser Pro', 'Baidu Search', 'Baidu Lite', 'Meipai', 'CapCut', 'AirBrush', 'BoXxCAM', 'SlidePlus',
    ],
  },
  'in-69a-2020-11': {
    date: '2020-11-24',
    listed: 43,
    names: [
      'AliSuppliers Mobile App', 'Alibaba Workbench', 'AliExpress - Smarter Shopping, Better Living', 'Alipay Cashier',
      'Lalamove India - Delivery App', 'Drive with Lalamove India', 'Snack Video', 'CamCard - Business Card Reader',
      'CamCard - BCR (Western)', 'Soul- Follow the soul to find you', 'Chinese Social - Free Online Dating Video App & Chat',
      'Date in Asia - Dating & Chat For Asian Singles', 'WeDate-Dating App', 'Free dating app-Singol, start your date!',
      'Adore App', 'TrulyChinese - Chinese Dating App', 'TrulyAsian - Asian Dating App',
      'ChinaLove: dating app for Chinese singles', 'DateMyAge: Chat, Meet, Date Mature Singles Online',
      'AsianDate: find Asian singles', 'FlirtWish: chat with singles', 'Guys Only Dating: Gay Chat', 'Tubit: Live Streams',
      'WeWorkChina', 'First Love Live- super hot live beauties live online', 'Rela - Lesbian Social Network',
      'Cashier Wallet', 'MangoTV', 'MGTV-HunanTV official TV APP', 'WeTV - TV version', 'WeTV - Cdrama, Kdrama&More',
      'WeTV Lite', 'Lucky Live-Live Video Streaming App', 'Taobao Live', 'DingTalk', 'Identity V',
      'Isoland 2: Ashes of Time', 'BoxStar (Early Access)', 'Heroes Evolved', 'Happy Fish',
      'Jellipop Match-Decorate your dream island!', 'Munchkin Match: magic home building', 'Conquista Online II',
    ],
  },
  'in-69a-2022-02': {
    date: '2022-02-14',
    listed: 32,
    names: [
      'Beauty Camera: Sweet Selfie HD', 'CamCard for SalesForce Ent', 'Isoland 2: Ashes of Time Lite',
      'Rise of Kingdoms: Lost Crusade', 'APUS Security HD (Pad Version)', 'Parallel Space Lite 32 Support',
      'Viva Video Editor - Snack Video Maker with Music', 'Nice video Baidu', 'Tencent Xriver', 'Onmyoji Chess',
      'Onmyoji Arena', 'Dual Space Lite - Multiple Accounts & Clone App', 'Dual Space Pro - Multiple Accounts & App Cloner',
      'DualSpace Lite - 32Bit Support', 'Dual Space - 32Bit Support', 'Dual Space - 64Bit Support',
      'Dual Space Pro - 32Bit Support', 'MoonChat: Enjoy Video Chats', 'Wink: Connect Now', 'Garena Free Fire- Illuminate',
      'CuteU PRo', 'Badlanders', 'Astracraft',
      // the games of the list as TechnoCodex copied them
      'Conquer Online – MMORPG Game', 'Conquer Online II', 'EVE Echoes', 'Extraordinary Ones',
      'Stick Fight: The Game Mobile', 'Twilight Pioneers',
      // short names The New Indian Express and Moneycontrol gave
      'FancyU pro', 'Lica Cam', 'UU Game Booster',
    ],
  },
};

const engine = bundledEngine();
const kb = engine.kb;
// The orders that name another app of the house give it context, not an obligation.
const findings = inForceObligations;

describe('India section 69A orders of 2020 and 2022', () => {
  for (const [measure, order] of Object.entries(ORDERS)) {
    test(`${measure}: every app of the published list is a listing, from the order's date`, () => {
      const listings = kb.listings.filter((l) => l.measure === measure);
      assert.ok(listings.length >= order.listed, `${listings.length} listings, ${order.listed} recorded`);
      const listedNames = listings.map((l) => l.nameAsListed);
      assert.equal(new Set(listedNames).size, listedNames.length, 'no app listed twice');
      for (const l of listings) {
        assert.ok(order.names.includes(l.nameAsListed), `"${l.nameAsListed}" is not a name of the published list`);
        assert.equal(l.from, order.date, l.nameAsListed);
        assert.equal(kb.products[l.target]?.kind, 'app', `${l.target} is an app record`);
      }
      for (const name of order.names) assert.ok(listedNames.includes(name), `"${name}" is not listed`);
    });
  }

  test('Android package names and iOS bundle ids reach the listing of their order once it is in force', () => {
    assert.deepEqual(findings('app', 'com.estrongs.android.pop', '2021-01-01'), ['in-69a-2020-06 → es-file-explorer-app']);
    assert.deepEqual(findings('app', 'com.lbe.parallel.intl', '2021-01-01'), ['in-69a-2020-06 → parallel-space-app']);
    assert.deepEqual(findings('app', 'com.tencent.ww', '2021-01-01'), ['in-69a-2020-09 → wecom-app']);
    assert.deepEqual(findings('app', 'com.alibaba.android.rimet', '2021-01-01'), ['in-69a-2020-11 → dingtalk-app']);
    assert.deepEqual(findings('app', 'com.intsig.BCRLite', '2021-01-01').sort(), ['in-69a-2020-09 → camcard-app', 'in-69a-2020-11 → camcard-app']);
    assert.deepEqual(findings('app', 'com.alibaba.android.rimet', '2020-11-01'), [], 'not before the November order');
    assert.deepEqual(findings('app', 'com.dts.freefireth', '2022-03-01'), ['in-69a-2022-02 → free-fire-app']);
    assert.deepEqual(findings('app', 'com.dts.freefireth', '2022-02-13'), []);
  });

  test('a package id taken from the community list alone reaches the listing, and its record stays unverified', () => {
    const cases: [string, string, string][] = [
      ['com.HIsecurity.antivirus.litepro', 'in-69a-2020-06', 'virus-cleaner-app'],
      ['com.yottagames.mafiawar', 'in-69a-2020-09', 'mafia-city-app'],
      ['com.tencent.ludosuperstar', 'in-69a-2020-09', 'ludo-world-app'],
      ['com.lilithgame.sgame.gp.oss', 'in-69a-2020-09', 'art-of-conquest-dark-horizon-app'],
    ];
    for (const [appId, measure, product] of cases) {
      assert.ok(findings('app', appId, '2021-01-01').includes(`${measure} → ${product}`), appId);
      const record = kb.products[product]!;
      assert.equal(record.unverified, true, product);
      assert.ok(record.sources.includes('staged-remove-china-apps'), product);
      assert.ok(record.sources.some((s) => kb.sources[s]?.url === `https://play.google.com/store/apps/details?id=${appId}`), `${product}: store address`);
    }
    // the publisher stays unestablished where no source names it
    assert.equal(kb.products['ludo-world-app']?.owner, undefined);
    // a community id whose developer is not the recorded publisher's is not attached
    assert.deepEqual(findings('app', 'com.DU.Cleaner.antivirus.cleanphone', '2021-01-01'), []);
    assert.deepEqual(kb.products['du-cleaner-app']?.android, []);
  });

  test('an app whose publisher is not established is found by its name, as itself', () => {
    assert.deepEqual(findings('app', 'Tubit: Live Streams', '2021-01-01'), ['in-69a-2020-11 → tubit-app']);
    assert.deepEqual(findings('app', 'Tubit', '2021-01-01'), ['in-69a-2020-11 → tubit-app']);
    assert.deepEqual(findings('app', 'Tubit: Live Streams', '2020-11-01'), [], 'not before the order');
    assert.equal(kb.products['tubit-app']?.owner, undefined);
  });

  test('generic titles on the orders do not take in ordinary names of other apps', () => {
    const ordinary = ['Ludo Star', 'Bass Booster', 'Game Booster', 'Dungeon Crusher: Soul Hunters', 'Soul Knight', 'Selfie Camera HD', 'Beauty Camera', 'Dual Space', 'Bike Racing', 'Video Editor',
      'AppLock', 'Smart AppLock', 'MP3 Player', 'MP3 Cutter and Ringtone Maker', 'Barcode Scanner - QR Code Reader',
      'Volume Booster - Sound Booster', 'Selfie Camera - Beauty Camera', 'Bass Booster & Volume Booster'];
    for (const name of ordinary)
      assert.deepEqual(findings('app', name, '2023-01-01').filter((f) => f.startsWith('in-69a-2020-09') || f.startsWith('in-69a-2022-02')), [], name);
    assert.deepEqual(findings('app', 'Bigo Live', '2021-01-01'), ['in-69a-2020-06 → bigo-live-app'], 'the July clone is its own record');
  });

  test('an app named as the order lists it resolves to the same listing', () => {
    assert.ok(findings('app', 'Parallel Space', '2021-01-01').includes('in-69a-2020-06 → parallel-space-app'));
    assert.ok(findings('app', 'Viva Video – QU Video Inc', '2021-01-01').includes('in-69a-2020-06 → vivavideo-app'));
  });

  test('products whose ids rest on memory are marked unverified, with a store address to check them by', () => {
    for (const id of ['du-recorder-app', 'hago-app']) {
      const product = kb.products[id]!;
      assert.equal(product.unverified, true, id);
      for (const appId of [...product.android, ...product.ios]) {
        assert.ok(product.sources.some((s) => kb.sources[s]?.unverified && kb.sources[s]!.url.endsWith(`=${appId}`)), `${id}: ${appId}`);
      }
    }
  });
  test('an app whose ids were confirmed (iOS against the App Store) is not marked unverified', () => {
    const dingtalk = kb.products['dingtalk-app']!;
    assert.equal(dingtalk.unverified, undefined);
    assert.ok(dingtalk.ios.includes('com.laiwang.DingTalk'));
    assert.ok(dingtalk.sources.includes('staged-ios-bundle-ids-cn-apps'));
  });
  test("an app whose Android id its developer's own documentation names is not marked unverified", () => {
    const wecom = kb.products['wecom-app']!;
    assert.equal(wecom.unverified, undefined);
    assert.deepEqual([wecom.android, wecom.ios], [['com.tencent.wework'], ['com.tencent.ww']]);
    assert.ok(wecom.sources.includes('vo-wecom-dev-android-login'));
    assert.equal(kb.sources['vo-wecom-dev-android-login']?.url.startsWith('https://developer.work.weixin.qq.com/'), true);
  });
});
