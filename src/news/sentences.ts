/**
 * Sentence segmentation for news text: lines (headlines, paragraphs) first, then Unicode sentence
 * boundaries, re-joined where a boundary fell after an abbreviation ("U.S.", "Co.", "Mr.").
 */

export interface Sentence {
  text: string;
  /** Offset of the sentence in the article's text. */
  start: number;
}

const ABBREVIATION_END = /(?:\b(?:[A-Z]\.){1,3}|\b(?:Co|Corp|Inc|Ltd|Mr|Mrs|Ms|Dr|St|No|Nos|Gov|Sen|Rep|Gen|Lt|Col|Jr|Sr|Dept|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|vs|v|approx|est|Sec|Art|para|U\.S|U\.K)\.)["”’)]?\s*$/;

let segmenter: Intl.Segmenter | undefined;

export function splitSentences(text: string): Sentence[] {
  segmenter ??= new Intl.Segmenter('en', { granularity: 'sentence' });
  const out: Sentence[] = [];
  const lineRe = /[^\n]+/g;
  for (let line = lineRe.exec(text); line; line = lineRe.exec(text)) {
    let pending: Sentence | undefined;
    for (const seg of segmenter.segment(line[0])) {
      const start = line.index + seg.index;
      if (pending && (ABBREVIATION_END.test(pending.text) || /^\s*[a-z]/.test(seg.segment))) {
        pending.text += seg.segment;
        continue;
      }
      if (pending) out.push(pending);
      pending = { text: seg.segment, start };
    }
    if (pending) out.push(pending);
  }
  return out
    .map((s) => {
      const lead = s.text.length - s.text.trimStart().length;
      return { text: s.text.trim(), start: s.start + lead };
    })
    .filter((s) => /[\p{L}]/u.test(s.text));
}
