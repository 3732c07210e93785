/**
 * Acts read from how a sentence's verbs hang together rather than from fixed wordings: what a verb
 * means (its lemma, as compromise gives it) and what governs it (a condition). Pure; compromise is
 * only run on sentences whose words could hold such a frame.
 */
import nlp from 'compromise';

type Term = { text: string; root?: string; tags: string[]; offset: { start: number; length: number } };

/** Lemmas of a sale of the target: "sells", "is sold", "divests", "finds a buyer", "spins off". */
const SALE_LEMMAS = new Set(['sell', 'divest']);
const WORDS_OF_SALE = /\b(?:sell|sells|selling|sold|divest\w*|buyer|spin(?:s|ning)? off|spun off)\b/i;
/** A condition on the sale: "unless …", "if … does not / fails to …". */
const UNLESS = /\bunless\b/i;
const IF_NOT = /\bif\b[^.;]{0,60}?\b(?:not|n['’]t|fails? to|failed to|refuses? to|refused to|declines? to|declined to|no)\b/i;

/** Where each sale verb stands in the text. */
function saleVerbs(text: string): number[] {
  const doc = nlp(text);
  doc.compute('root');
  const at: number[] = [];
  for (const s of doc.json({ offset: true, terms: { offset: true } }) as { terms: Term[] }[]) {
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
