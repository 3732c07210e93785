import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { articleFromHtml, articleFromText, articlesFromFeed, datelineOf, detectKind, SourceError } from '../../src/news/parse.js';
import { news } from './helpers.js';

const PAGE = `<!doctype html><html><head><title>Site | US adds SMIC to Entity List</title>
<meta property="article:published_time" content="2020-12-18T21:30:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/markets">Markets</a> Huawei deals of the week</nav>
<header><h1>Latest</h1></header>
<article><h1>US adds SMIC to Entity List</h1>
<p>The Commerce Department on Friday added Semiconductor Manufacturing International Corp to its Entity List, restricting American suppliers from selling technology to the company without a licence.</p>
<p>Commerce Secretary Wilbur Ross said the move was needed to protect national security. SMIC said it would continue to communicate with the US government and that it had no ties to the Chinese military.</p>
<p>The department also added drone maker DJI and more than 70 other companies to the list, in one of the largest batches of additions since the list was created.</p>
</article>
<aside class="comments"><p>Comment: Xiaomi phones are great and TikTok is fun.</p></aside>
<footer><p>Subscribe to our newsletter. ZTE sponsored content.</p></footer></body></html>`;

describe('HTML pages', () => {
  test('Readability keeps the article and drops navigation, comments and footer', () => {
    const a = articleFromHtml('page.html', PAGE);
    assert.match(a.text, /added Semiconductor Manufacturing International Corp to its Entity List/);
    assert.doesNotMatch(a.text, /deals of the week|newsletter|Xiaomi phones/);
    assert.equal(a.published, '2020-12-18', 'from article:published_time');
    assert.match(a.title ?? '', /SMIC/);
    assert.ok(a.text.split('\n').length >= 3, 'one line per paragraph');
  });

  test("the page URL is kept; the page's own date wins over --published, which fills in only when the page has none", () => {
    const a = articleFromHtml('page.html', PAGE, 'https://news.example/smic', '2020-12-19');
    assert.equal(a.url, 'https://news.example/smic');
    assert.equal(a.published, '2020-12-18');
    const undated = articleFromHtml('page.html', PAGE.replace(/<meta property[^>]+>/, ''), 'https://news.example/smic', '2020-12-19');
    assert.equal(undated.published, '2020-12-19');
    const dated = articleFromHtml('page.html', PAGE.replace(/<meta property[^>]+>/, ''), 'https://news.example/2020/12/18/smic');
    assert.equal(dated.published, '2020-12-18', 'from the date in the URL');
  });
});

describe('publication dates of HTML pages', () => {
  const undated = PAGE.replace(/<meta property[^>]+>/, '');
  test('meta names written in any case, most specific first', () => {
    assert.equal(articleFromHtml('p.html', undated.replace('</head>', '<meta name="Parsely-Pub-Date" content="2020-12-17T09:00:00Z"></head>')).published, '2020-12-17');
    assert.equal(articleFromHtml('p.html', undated.replace('</head>', '<meta name="date" content="2020-12-20"><meta name="DC.Date.Issued" content="2020-12-17"></head>')).published, '2020-12-17');
  });
  test("a <time> marked as the publication's beats the first on the page", () => {
    const page = undated.replace('<header>', '<header><time datetime="2019-01-01">related story</time>').replace('<article><h1>US adds SMIC to Entity List</h1>', '<article><h1>US adds SMIC to Entity List</h1><time pubdate datetime="2020-12-18T21:30:00Z">18 December</time>');
    assert.equal(articleFromHtml('p.html', page).published, '2020-12-18');
  });
});

describe('publication dates from the text itself', () => {
  test('bylines and datelines, a publishing word beating a photo caption', () => {
    assert.equal(datelineOf('Chinese firm ordered to close\n\nIn this Tuesday, Oct. 23, 2018, file photo, visitors pass a booth.\nBy The Canadian Press\nPosted June 28, 2025 1:38 pm.\n'), '2025-06-28');
    assert.equal(datelineOf('U.S. adds companies to list\n\nFebruary 01, 2024 07:11 am | Updated 07:11 am IST\n'), '2024-02-01');
    assert.equal(datelineOf('Results\n\nHONG KONG, Nov. 14, 2018 /PRNewswire/ -- The company announced'), '2018-11-14');
    assert.equal(datelineOf('Judge blocks ban\n\nLaw360 (September 27, 2020, 8:12 PM EDT) -- A judge halted'), '2020-09-27');
    assert.equal(datelineOf('China adds companies\n\nBEIJING, October 9. /TASS/. Chinese authorities have added'), undefined, 'no year: not a full date');
  });

  test('a damaged date with a year no publication has is no date (not "+020200-03-12")', () => {
    const feed = (pubDate: string) => `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item><title>Ban</title><link>https://example.org/a</link><pubDate>${pubDate}</pubDate><description>The FCC added Huawei.</description></item></channel></rss>`;
    assert.equal(articlesFromFeed('f.xml', feed('Fri, 12 Mar 2021 10:00:00 GMT'))[0]?.published, '2021-03-12');
    for (const damaged of ['Fri, 12 Mar 20200 GMT', 'Fri, 12021 10:00:00 GMT', 'Fri, 12 Mar 202100 GMT']) {
      const published = articlesFromFeed('f.xml', feed(damaged))[0]?.published;
      assert.ok(published === undefined || /^(19|20|21)\d\d-\d\d-\d\d$/.test(published), `${damaged} → ${published}`);
    }
    assert.equal(datelineOf('Headline\n\nPosted June 28, 20250 1:38 pm.\n'), undefined);
  });

  test('a byline, a date line or a dateline in the first lines, in the forms pages write it', () => {
    assert.equal(datelineOf('Regulator widens router ban\n\nBy Maria Okafor and Tim Vance | May 16, 2019\nThe regulator said.'), '2019-05-16');
    assert.equal(datelineOf('Regulator widens router ban\nSAN FRANCISCO, May 15, 2019 (Wire Service) - The regulator on Wednesday'), '2019-05-15');
    assert.equal(datelineOf('Regulator widens router ban\nTech desk\n2019-05-16 10:30\nThe regulator said.'), '2019-05-16');
    assert.equal(datelineOf('Regulator widens router ban\nThu 16 May 2019 10.05 BST\nThe regulator said.'), '2019-05-16');
    assert.equal(datelineOf('Statement on the supplier decision, 6 November 2025\nThe minister said.'), '2025-11-06', 'a date closing the title');
    assert.equal(datelineOf('监管机构扩大禁令\n2019年5月16日 08:49 来源：本报\n该机构表示。'), '2019-05-16');
    assert.equal(datelineOf('监管机构扩大禁令\n发布时间：2019-05-16\n该机构表示。'), '2019-05-16');
  });

  test('numeric dates: dots are day first; a slashed date that could be either is none', () => {
    assert.equal(datelineOf('Regulator widens router ban\n16.05.2019\nText.'), '2019-05-16');
    assert.equal(datelineOf('Regulator widens router ban\n05.06.2019\nText.'), '2019-06-05');
    assert.equal(datelineOf('Regulator widens router ban\n05/06/2019\nText.'), undefined);
    assert.equal(datelineOf('Regulator widens router ban\n05/16/2019\nText.'), '2019-05-16');
  });

  test('first publication beats an update, which beats a date no word introduces', () => {
    assert.equal(datelineOf('Regulator widens router ban\nPublished: 16 May 2019\nUpdated: 18 May 2019'), '2019-05-16');
    assert.equal(datelineOf('Regulator widens router ban\nLast updated 18 May 2019 | Published 16 May 2019'), '2019-05-16');
    assert.equal(datelineOf('Regulator widens router ban\nMay 14, 2019\nUpdated May 18, 2019'), '2019-05-18');
    assert.equal(datelineOf('Regulator widens router ban\nEffective date: May 20, 2019\nDate: May 16, 2019'), '2019-05-16', 'an effective date is no publication date');
  });

  test("an event's date in a sentence is not the page's", () => {
    for (const text of [
      'Regulator widens router ban\nOn March 23, 2026, the regulator added foreign routers to its list.',
      'Regulator widens router ban\nThe decision, taken on 30 September 2025, aims to keep supplies flowing.',
      'Regulator widens router ban\nUnder the law, which entered into force on January 1 2020, carriers were screened.',
      'Regulator widens router ban\nThe notice was published on May 17, 2019 in the official journal.',
      'Regulator bans routers on May 15, 2019\nThe regulator said.',
      'Regulator widens router ban\nExecutive Order 14999 of May 15, 2019\nThe order directs the regulator.',
      'Regulator widens router ban\nMay 15, 2019: the regulator adds the vendor to its list',
      'Regulator widens router ban\nThis is a sad day for our customers and for the industry as a whole — Router Maker (@routermaker) May 15, 2019',
      '监管机构扩大禁令\n美国商务部于2019年5月15日将该公司列入清单。',
    ]) assert.equal(datelineOf(text), undefined, text);
  });

  test('further down the page only a date a publishing word introduces counts; a relative date is none', () => {
    const body = 'The regulator added the vendor to its list after a review of its equipment. '.repeat(12);
    assert.equal(datelineOf(`Regulator widens router ban\n${body}\nFirst Published: Thu, May 16 2019. 10:00 IST`), '2019-05-16');
    assert.equal(datelineOf(`Regulator widens router ban\n${body}\nMay 16, 2019`), undefined);
    assert.equal(datelineOf('Regulator widens router ban\nBy Wire Staff   2 days ago in Technology\nText.'), undefined);
  });

  test("relative dates in the story are resolved against the page's own date", () => {
    const a = articleFromText('a.txt', 'US adds Huawei to Entity List\nBy Staff Writer | Published May 17, 2019\nThe Commerce Department on Thursday added Huawei to the Entity List.');
    assert.equal(a.published, '2019-05-17');
    const [event] = news().extractor.extract(a).events;
    assert.equal(event?.date, '2019-05-16');
  });

  test("each text file of a directory keeps its own date; --published only fills the gaps", () => {
    assert.equal(articleFromText('a.txt', 'Headline\n\nPublished: 13 Feb 2026\nThe Pentagon added Alibaba.', '2020-01-01').published, '2026-02-13');
    assert.equal(articleFromText('b.txt', 'Headline\n\nThe Pentagon added Alibaba on Friday.', '2020-01-01').published, '2020-01-01');
  });
});

const RSS = `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Trade news</title>
<item><title>India bans 59 Chinese apps</title><link>https://news.example/india-apps</link><pubDate>Mon, 29 Jun 2020 18:00:00 GMT</pubDate>
<description>&lt;p&gt;India on Monday banned TikTok &amp;amp; WeChat.&lt;/p&gt;</description></item>
<item><title>Xiaomi results</title><link>https://news.example/xiaomi</link><pubDate>Tue, 30 Jun 2020 08:00:00 GMT</pubDate><content:encoded><![CDATA[<p>Xiaomi reported higher revenue.</p>]]></content:encoded></item>
</channel></rss>`;

const ATOM = `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Notices</title>
<entry><title>FCC adds Kaspersky to Covered List</title><link rel="alternate" href="https://news.example/fcc"/><published>2022-03-25T12:00:00Z</published>
<summary type="html">&lt;p&gt;The FCC on Friday added Kaspersky to its Covered List.&lt;/p&gt;</summary></entry></feed>`;

describe('feeds', () => {
  test('RSS 2.0: one article per item with its link, date and HTML text', () => {
    const items = articlesFromFeed('feed.xml', RSS);
    assert.equal(items.length, 2);
    assert.equal(items[0]?.url, 'https://news.example/india-apps');
    assert.equal(items[0]?.published, '2020-06-29');
    assert.match(items[0]?.text ?? '', /^India bans 59 Chinese apps\nIndia on Monday banned TikTok & WeChat\.$/);
    assert.match(items[1]?.text ?? '', /Xiaomi reported higher revenue/);
  });

  test('Atom', () => {
    const [entry] = articlesFromFeed('atom.xml', ATOM);
    assert.equal(entry?.url, 'https://news.example/fcc');
    assert.equal(entry?.published, '2022-03-25');
    assert.match(entry?.text ?? '', /added Kaspersky to its Covered List/);
  });

  test("an item with no date of its own takes its text's dateline; Atom 0.3 gives its date as issued", () => {
    const rss = `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item><title>Router ban</title><link>https://news.example/r</link><description>SAN FRANCISCO, May 15, 2019 (Wire Service) - The regulator banned the routers.</description></item></channel></rss>`;
    assert.equal(articlesFromFeed('f.xml', rss, '2020-01-01')[0]?.published, '2019-05-15');
    assert.equal(articlesFromFeed('f.xml', rss.replace(/SAN FRANCISCO[^-]+- /, ''), '2020-01-01')[0]?.published, '2020-01-01');
    const atom03 = ATOM.replace(/<published>[^<]+<\/published>/, '<issued>2022-03-24T12:00:00Z</issued><modified>2022-03-30T12:00:00Z</modified>');
    assert.equal(articlesFromFeed('atom.xml', atom03)[0]?.published, '2022-03-24');
  });

  test('entity declarations are refused, never expanded', () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><rss><channel><item><title>&xxe;</title></item></channel></rss>`;
    assert.throws(() => articlesFromFeed('evil.xml', xxe), (e) => e instanceof SourceError && /entities/.test(e.message));
    const bomb = `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]><rss><channel><item><title>&b;</title></item></channel></rss>`;
    assert.throws(() => articlesFromFeed('bomb.xml', bomb), SourceError);
  });

  test('XML that is not a feed is an error with a reason', () => {
    assert.throws(() => articlesFromFeed('x.xml', '<?xml version="1.0"?><catalog><book/></catalog>'), /not an RSS or Atom feed/);
  });
});

describe('kinds and text', () => {
  test('detection by content type, then by content', () => {
    assert.equal(detectKind(RSS), 'feed');
    assert.equal(detectKind(ATOM), 'feed');
    assert.equal(detectKind(PAGE), 'html');
    assert.equal(detectKind('<p>hi</p>', 'text/html; charset=utf-8'), 'html');
    assert.equal(detectKind('Trump vows action'), 'text');
  });

  test('a dateline at the top of a text is its publication date', () => {
    assert.equal(datelineOf('19:13 GMT26 September 2020\nListen Live\nThe US continues'), '2020-09-26');
    assert.equal(datelineOf('Trump vows action on Chinese companies ‘in coming days’'), undefined);
    const a = articleFromText('a.txt', '\uFEFFTitle line\r\nBody text.');
    assert.equal(a.title, 'Title line');
    assert.equal(a.text, 'Title line\nBody text.');
  });
});
