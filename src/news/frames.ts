/**
 * Acts read from how a sentence's verbs hang together rather than from fixed wordings: what a verb
 * means (its lemma, as compromise gives it), what governs it (a condition, a demand, someone being
 * brought round, a command to a government's own people, a denial of what may be done) and what its
 * object or place is. Pure but for a cache of the last text's parse; compromise is only run on
 * sentences whose words could hold such a frame, and once for all the frames that read one.
 */
import nlp from 'compromise';

export interface FrameReading {
  start: number;
  end: number;
  text: string;
}

type Term = { text: string; root?: string; tags: string[]; offset: { start: number; length: number } };

let parsed: { text: string; sentences: { terms: Term[] }[] } | undefined;

/** The text's sentences as compromise reads them, with lemmas: parsed once for all the frames that read one text. */
function sentencesOf(text: string): { terms: Term[] }[] {
  if (parsed?.text !== text) {
    const doc = nlp(text);
    doc.compute('root');
    parsed = { text, sentences: doc.json({ offset: true, terms: { offset: true } }) as { terms: Term[] }[] };
  }
  return parsed.sentences;
}

/** Lemmas of a sale of the target: "sells", "is sold", "divests", "finds a buyer", "spins off". */
const SALE_LEMMAS = new Set(['sell', 'divest']);
const WORDS_OF_SALE = /\b(?:sell|sells|selling|sold|divest\w*|buyer|spin(?:s|ning)? off|spun off)\b/i;
/** A condition on the sale: "unless …", "if … does not / fails to …". */
const UNLESS = /\bunless\b/i;
const IF_NOT = /\bif\b[^.;]{0,60}?\b(?:not|n['’]t|fails? to|failed to|refuses? to|refused to|declines? to|declined to|no)\b/i;

/** Where each sale verb stands in the text. */
function saleVerbs(text: string): number[] {
  const at: number[] = [];
  for (const s of sentencesOf(text)) {
    s.terms.forEach((t, i) => {
      const word = (t.root ?? t.text).toLowerCase().replace(/[^a-z]/g, '');
      const next = (s.terms[i + 1]?.text ?? '').toLowerCase().replace(/[^a-z]/g, '');
      if ((SALE_LEMMAS.has(word) && t.tags.includes('Verb')) || (word === 'buyer' && /\b(?:find|finds|finding|found)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}$/i.test(text.slice(Math.max(0, t.offset.start - 50), t.offset.start))) || (/^(?:spin|spun|spins|spinning)$/.test(word) && next === 'off')) at.push(t.offset.start);
    });
  }
  return at;
}

/**
 * A ban that is the penalty for not selling ("would ban TikTok unless ByteDance sells it", "… if
 * ByteDance does not sell the app", "gave ByteDance until January to sell TikTok or be banned") is a
 * divestment order: the sale is what the act demands, the ban what follows if it is not made. Read
 * from the sentence's verbs: a sale verb in a condition after the ban ("unless", "if … not"), or a
 * demanded sale joined to the ban by "or" before it.
 */
export function banIsPenaltyOfSale(text: string, ban: { start: number; end: number }): boolean {
  if (!WORDS_OF_SALE.test(text)) return false;
  for (const at of saleVerbs(text)) {
    if (at > ban.end) {
      const between = text.slice(ban.end, at);
      if (/[.;]/.test(between) || between.length > 120) continue;
      const condition = /\b(?:unless|if)\b(?!.*\b(?:unless|if)\b)[^]*$/i.exec(between)?.[0] ?? '';
      if (UNLESS.test(condition) || IF_NOT.test(condition + text.slice(at, at + 12))) return true;
    } else if (at < ban.start) {
      const between = text.slice(at, ban.start);
      if (!/[.;]/.test(between) && between.length <= 80 && /\bto\s+$/i.test(text.slice(Math.max(0, at - 12), at)) && /\bor\s+(?:\w+\s+){0,2}$/i.test(between)) return true;
    }
  }
  return false;
}

/**
 * Verbs of bringing others round, by stem: they ask, not order ("ordered ByteDance to sell" is the act
 * itself). By stem as well as lemma: compromise reads "is encouraging other countries" as an adjective.
 */
const PERSUADE = /^(?:urg|press|push|lobb|pressur|persuad|convinc|encourag|influenc|ask|request|want|call|prod|nudg|implor|lean)(?:e|es|ed|s|ing|y|ies|ied|ying)?$/;
/** What those others are to do to a company, as the infinitive after them: shun it in some way. */
const SHUN = new Set(['ban', 'bar', 'block', 'exclude', 'drop', 'avoid', 'shun', 'remove', 'replace', 'restrict', 'limit', 'abandon', 'reject', 'boycott', 'stop', 'cut', 'phase', 'purge', 'prohibit', 'keep', 'rip', 'strip', 'reconsider']);
/** Using or buying is shunned only when negated: "lobbied governments not to use Huawei". */
const USE = new Set(['use', 'buy', 'deploy', 'install', 'procure', 'allow', 'choose', 'adopt', 'work']);
const WORDS_OF_PERSUASION = /\b(?:urg|press|push|lobb|pressur|persuad|convinc|encourag|influenc|ask|request|want|call|prod|nudg|implor|lean)\w*/i;

/**
 * An act in an infinitive whose doer is someone the subject is bringing round ("wants its allies to
 * ban Huawei", "lobbied European governments not to use Huawei equipment", "encouraging other
 * countries to avoid Huawei") is those others' act, pressed on them: a push to shun the company
 * (`boycott-push`), not the subject's own ban. Read from compromise's lemmas: a verb of persuasion,
 * its object (a noun phrase with no verb in it), then "to" or "not to" and a verb of shunning (or of
 * using, when negated); also lobbying or campaigning "against" a company. Without an object between
 * ("wants to ban TikTok") the act is the subject's own.
 */
export function pushesOnOthers(text: string): FrameReading[] {
  if (!WORDS_OF_PERSUASION.test(text) && !/\bagainst\b/i.test(text)) return [];
  const out: FrameReading[] = [];
  for (const s of sentencesOf(text)) {
    const terms = s.terms;
    terms.forEach((t, i) => {
      const form = t.text.toLowerCase().replace(/[^a-z]/g, '');
      if (!PERSUADE.test(form) || !(t.tags.includes('Verb') || /(?:ing|ed)$/.test(form))) return;
      // "lobbying against Huawei", "campaigned against ZTE".
      if (/^lobb/.test(form) && /^against$/i.test(terms[i + 1]?.text ?? '')) {
        const next = terms[i + 1] as Term;
        out.push({ start: t.offset.start, end: next.offset.start + next.offset.length, text: text.slice(t.offset.start, next.offset.start + next.offset.length) });
        return;
      }
      // "called on", "leaned on": the particle belongs to the verb.
      let j = i + 1;
      if (/^(?:call|lean)/.test(form)) {
        if (!/^on$/i.test(terms[j]?.text ?? '')) return;
        j++;
      }
      // The object: one to eight words, none of them a verb, ending before "to" or "not to".
      const objectStart = j;
      while (j < terms.length && j - objectStart < 8 && !/^(?:to|not)$/i.test((terms[j] as Term).text)) {
        const w = terms[j] as Term;
        // A word ending in -s after a determiner may be a plural that compromise reads as a verb ("several Asian partners").
        if (w.tags.includes('Verb') && !w.tags.includes('Participle') && !w.tags.includes('Adjective') && !(w.tags.includes('PresentTense') && /s$/i.test(w.text) && j > objectStart)) return;
        if (/[.;:]/.test(w.text)) return;
        j++;
      }
      // Others: a plural ("its allies", "European governments"), a country, or "them"; a court asked to
      // block something is asked for a ruling.
      const object = terms.slice(objectStart, j);
      // Two names joined ("asked Apple and Google to remove DeepSeek") are others as a plural is.
      const namesJoined = object.some((w, k) => /^(?:and|&)$/i.test(w.text) && k > 0 && /^\p{Lu}/u.test(object[k - 1]?.text ?? '') && /^\p{Lu}/u.test(object[k + 1]?.text ?? ''));
      if (!(namesJoined || object.some((w) => w.tags.includes('Plural') || (w.tags.includes('PresentTense') && /s$/i.test(w.text)) || w.tags.includes('Country') || /^them$/i.test(w.text))) || object.some((w) => /^(?:courts?|judges?|justices?)$/i.test(w.text))) return;
      const negated = /^not$/i.test(terms[j]?.text ?? '');
      if (negated) j++;
      if (!/^to$/i.test(terms[j]?.text ?? '')) return;
      const act = terms[j + 1];
      if (!act) return;
      const actLemma = (act.root ?? act.text).toLowerCase().replace(/[^a-z]/g, '');
      if (!(SHUN.has(actLemma) || (negated && USE.has(actLemma)))) return;
      // "to restrict or ban Huawei": verbs joined to the first are the same push.
      let last = act;
      for (let k = j + 2; /^(?:or|and)$/i.test(terms[k]?.text ?? '') && SHUN.has(((terms[k + 1]?.root ?? terms[k + 1]?.text) ?? '').toLowerCase()); k += 2) last = terms[k + 1] as Term;
      const end = last.offset.start + last.offset.length;
      out.push({ start: t.offset.start, end, text: text.slice(t.offset.start, end) });
    });
  }
  return out;
}

/** Verbs of giving up ownership, by lemma, with the word that must follow those that need one. */
const GIVE_UP = new Map<string, RegExp | null>([
  ['sell', null], ['divest', null], ['relinquish', null], ['unwind', null],
  ['dispose', /^of$/i], ['separate', /^from$/i], ['spin', /^off$/i], ['cut', /^ties$/i], ['sever', /^ties$/i], ['transfer', /^(?:ownership|control)$/i],
  ['find', /^(?:a|an|the)$/i],
]);
/** A sale named by a noun: "mandating the sale of TikTok", "required the divestiture of …". */
const SALE_NOUN = /^(?:sale|divestiture|divestment|spin-?off|separation|disposal)$/i;
/**
 * A demand before the verb, in its clause: "must", "has to", "is required to", "forced ByteDance to",
 * "a deadline for ByteDance to", "gave ByteDance 90 days to".
 */
const DEMAND_BEFORE = /(?:\b(?:must|(?:have|has|had|need|needs) to|(?:required|forced|ordered|compelled|obliged|directed|mandated) to)|\b(?:force|forces|forced|forcing|require|requires|required|requiring|order|orders|ordered|ordering|compel|compels|compelled|compelling|oblige|obliges|obliged|direct|directs|directed|mandate|mandates|mandated|mandating|give|gives|gave|given|giving)\b[^;]{1,60}?\bto|\bdeadline (?:for|by which)\b[^;]{1,40}?\bto)\s+(?:(?:either|fully|quickly|also|now|still|eventually|ultimately|partially|partly)\s+)?$/i;
const DEMAND_OF_NOUN = /\b(?:forc|requir|order|compel|mandat|demand|direct)\w*\s+(?:(?:the|a|an|its)\s+)?(?:forced\s+|full\s+|complete\s+)?$/i;
const WORDS_OF_GIVING_UP = /\b(?:sell|sold|divest\w*|dispos\w*|relinquish\w*|separat\w*|spin|spun|ties|transfer\w*|unwind\w*|buyer|owner|sale|spin-?off)\b/i;

const INVESTORS_SELLING = /\b(?:shareholders|investors|holders|funds|u\.s\. persons|americans)\s+(?:[\w-]+\s+){0,2}?to\s+(?:\w+ly\s+)?$/i;
const HOLDINGS_SOLD = /^\s+(?:of\s+)?(?:their|its|any|all)\s+(?:[\w-]+\s+){0,2}?(?:holdings|shares|stakes|securities|positions|investments)\b/i;

/**
 * A demand that the owner give a company up ("the law forces ByteDance to relinquish control of
 * TikTok", "must find a non-Chinese buyer", "set a deadline for ByteDance to sell", "mandating the
 * sale of TikTok") is a divestment order: a verb of giving up ownership (by its lemma, with its
 * particle) or a noun for a sale, governed by a demand in its clause. The owner's own sale, with no
 * demand ("ByteDance agreed to sell"), and a negated one are none.
 */
export function saleDemands(text: string): FrameReading[] {
  if (!WORDS_OF_GIVING_UP.test(text)) return [];
  const out: FrameReading[] = [];
  for (const s of sentencesOf(text)) {
    s.terms.forEach((t, i) => {
      const word = (t.root ?? t.text).toLowerCase().replace(/[^a-z-]/g, '');
      // The text comes a sentence at a time: a stop inside it ends an abbreviation ("ByteDance Ltd."), not a clause.
      const clauseBefore = /[^;:]*$/.exec(text.slice(0, t.offset.start))?.[0] ?? '';
      if (/\b(?:not|never|no longer)\s+(?:\w+\s+)?$/i.test(clauseBefore)) return;
      let last = t;
      if (SALE_NOUN.test(word) && /^of$/i.test(s.terms[i + 1]?.text ?? '')) {
        if (!DEMAND_OF_NOUN.test(clauseBefore)) return;
      } else {
        const follow = GIVE_UP.get(word);
        if (follow === undefined || !t.tags.includes('Verb')) return;
        if (follow) {
          const next = s.terms[i + 1];
          if (!next || !follow.test(next.text.replace(/[^\w-]/g, ''))) return;
          // "find a buyer", "find a new owner": only a buyer or an owner is a sale.
          if (word === 'find' && !/^(?:[\w-]+\s+){0,2}(?:buyer|owner|purchaser)\b/i.test(text.slice(next.offset.start + next.offset.length).trimStart())) return;
          last = next;
        }
        if (!DEMAND_BEFORE.test(clauseBefore)) return;
      }
      const end = last.offset.start + last.offset.length;
      // "forcing existing shareholders to divest their holdings": investors made to sell securities are
      // under an investment ban, not ordered to sell a business.
      if (INVESTORS_SELLING.test(clauseBefore) || HOLDINGS_SOLD.test(text.slice(end))) return;
      out.push({ start: t.offset.start, end, text: text.slice(t.offset.start, end) });
    });
  }
  return out;
}

/** Verbs of taking software or equipment off a device, by lemma. */
const TAKE_OFF = new Set(['remove', 'delete', 'uninstall', 'wipe', 'purge', 'erase', 'strip']);
/** Verbs of taking a product up, by lemma: commanded not to, a government's people are barred from it. */
const TAKE_UP = new Set(['install', 'use', 'buy', 'deploy', 'procure', 'purchase', 'download']);
/** Verbs of ceasing its use, by lemma, with the word that must follow: "stop using", "cease using". */
const CEASE = new Set(['stop', 'cease', 'quit']);
/** A government's own devices: "from government devices", "from their work phones", "off all state-issued laptops". */
const OWN_DEVICES = /^\s*(?:from|off|on)\s+(?:(?:all|any|their|its|the|mobile|issued|owned|managed)\s+){0,3}(?:government|government-issued|state-issued|work-issued|agency-issued|government-owned|state-owned|work|official|federal|state|public[- ]sector|agency|ministry|staff|employees['’]?)\s+(?:(?:mobile|issued|owned|managed)\s+){0,2}(?:devices|phones|smartphones|mobiles|computers|laptops|tablets|systems|networks)\b/i;
/** Who a government commands: its staff, officials, agencies or troops. */
const GOVERNMENT_PEOPLE = 'staff|staffers|employees|officials|personnel|servants|agencies|ministries|departments|troops|soldiers|servicemembers';
const OWN_PEOPLE = new RegExp(`^(?:${GOVERNMENT_PEOPLE}|lawmakers|legislators)$`, 'i');
/** "agencies must", "staff will have to", "employees are required to", right before a verb of taking off. */
const OWN_PEOPLE_DUTY = new RegExp(String.raw`\b(?:${GOVERNMENT_PEOPLE})\s+(?:(?:will|would|must|shall)\s+)?(?:must|have to|had to|need to|(?:are|were|be|been)\s+(?:legally\s+)?(?:required|obliged|ordered|directed|told|instructed)\s+to)\s+(?:(?:also|now|immediately|promptly)\s+)?$`, 'i');
/** Verbs of commanding, by lemma: they bind, unlike persuasion ("urged staff to …" is a push). */
const COMMAND = new Set(['order', 'tell', 'instruct', 'direct', 'require', 'mandate', 'give', 'command']);
const WORDS_OF_OWN_USE = /\b(?:remov|delet|uninstall|wip|purg|eras|strip|stop|ceas|quit|not to)\w*/i;

/**
 * A ban on the government's own use, told as what its devices or people must do: a verb of taking
 * software off whose place is the government's own devices ("will remove TikTok from all
 * government-issued mobile devices", "must uninstall the app from their work phones"), or a command to
 * its own people to take it off or stop using it ("told its staff to uninstall TikTok", "ordered
 * federal agencies to stop using Kaspersky software"). Read from compromise's lemmas: the verb, and
 * for a command its object (no verb in it, with a word for a government's people) before "to".
 */
export function ownUseBans(text: string): FrameReading[] {
  if (!WORDS_OF_OWN_USE.test(text)) return [];
  const out: FrameReading[] = [];
  for (const s of sentencesOf(text)) {
    const terms = s.terms;
    const lemma = (t: Term | undefined) => (t ? (t.root ?? t.text).toLowerCase().replace(/[^a-z]/g, '') : '');
    terms.forEach((t, i) => {
      if (!t.tags.includes('Verb')) return;
      const end = t.offset.start + t.offset.length;
      // "remove TikTok from government devices": the place after the object, within the clause.
      if (TAKE_OFF.has(lemma(t))) {
        // "Federal agencies must uninstall Kaspersky products": a duty on the government's own people.
        const duty = OWN_PEOPLE_DUTY.exec(text.slice(Math.max(0, t.offset.start - 80), t.offset.start));
        if (duty) {
          out.push({ start: t.offset.start - duty[0].length, end, text: text.slice(t.offset.start - duty[0].length, end) });
          return;
        }
        const rest = text.slice(end);
        const place = /^[^.;]{0,60}?(?=\s+(?:from|off|on)\s)/.exec(rest);
        const devices = place ? OWN_DEVICES.exec(rest.slice(place[0].length)) : null;
        if (place && devices) {
          const to = end + place[0].length + devices[0].length;
          out.push({ start: t.offset.start, end: to, text: text.slice(t.offset.start, to) });
          return;
        }
      }
      // "told its staff to uninstall", "ordered federal agencies to stop using".
      if (!COMMAND.has(lemma(t))) return;
      let j = i + 1;
      const objectStart = j;
      while (j < terms.length && j - objectStart < 6 && !/^to$/i.test((terms[j] as Term).text)) {
        const w = terms[j] as Term;
        if ((w.tags.includes('Verb') && !w.tags.includes('Adjective') && !w.tags.includes('Plural')) || /[.;:]/.test(w.text)) return;
        j++;
      }
      if (!terms.slice(objectStart, j).some((w) => OWN_PEOPLE.test(w.text.replace(/[^\w]/g, '')))) return;
      if (!/^to$/i.test(terms[j]?.text ?? '')) return;
      const act = terms[j + 1];
      let last: Term | undefined;
      // "to identify and remove": the taking off may come second.
      const second = /^and$/i.test(terms[j + 2]?.text ?? '') ? terms[j + 3] : undefined;
      // "told departments not to install Chinese cameras": a command not to take a product up.
      const forbidden = /^not$/i.test(terms[j - 1]?.text ?? '') && TAKE_UP.has(lemma(act));
      if (TAKE_OFF.has(lemma(act)) || forbidden) last = act;
      else if (TAKE_OFF.has(lemma(second))) last = second;
      else if (CEASE.has(lemma(act)) && /^using$/i.test(terms[j + 2]?.text ?? '')) last = terms[j + 2];
      if (!last) return;
      const to = last.offset.start + last.offset.length;
      out.push({ start: t.offset.start, end: to, text: text.slice(t.offset.start, to) });
    });
  }
  return out;
}

/** What a market lets be done with a product, by lemma: selling, using, importing, approving it. */
const MARKET_VERBS = new Set(['sell', 'use', 'import', 'approve', 'authorize', 'authorise', 'certify', 'download', 'install', 'buy', 'purchase', 'market', 'distribute', 'operate', 'deploy', 'offer', 'ship', 'license']);
/** A denial of what may be: "can no longer", "cannot", "may not", "will no longer", "must not", "is no longer allowed to". */
const DENIED = /\b(?:(?:can|could|may|will|shall|must|would)\s+(?:no\s+longer|not|never)|cannot|can['’]t|won['’]t|(?:is|are|will\s+be)\s+no\s+longer\s+(?:allowed|permitted)\s+to)\s+(?:(?:legally|lawfully|officially|now|also)\s+)?$/i;
const WORDS_OF_DENIAL = /\b(?:no longer|not|never|cannot|can['’]t|won['’]t)\b/i;

/**
 * A product denied its market, told in the passive with the product as subject ("Hikvision cameras can
 * no longer be sold in the US", "Huawei devices cannot be approved for sale", "the app may not be
 * downloaded"): a ban, whoever the text says decided it. Read from compromise's lemmas and tags: a
 * denial, "be" and the past participle of a verb of the market. An active denial ("ByteDance cannot
 * sell TikTok") is the company's situation, not an act, and is not read here.
 */
export function deniedMarket(text: string): FrameReading[] {
  if (!WORDS_OF_DENIAL.test(text)) return [];
  const out: FrameReading[] = [];
  for (const s of sentencesOf(text)) {
    s.terms.forEach((t, i) => {
      if (!/^be$/i.test(t.text)) return;
      const participle = s.terms[i + 1];
      if (!participle || !/(?:ed|en|ld|wn|ght)$/i.test(participle.text) || !MARKET_VERBS.has((participle.root ?? participle.text).toLowerCase().replace(/[^a-z]/g, ''))) return;
      const denial = DENIED.exec(text.slice(Math.max(0, t.offset.start - 40), t.offset.start));
      if (!denial) return;
      const start = t.offset.start - denial[0].length;
      const end = participle.offset.start + participle.offset.length;
      out.push({ start, end, text: text.slice(start, end) });
    });
  }
  return out;
}
