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

/**
 * Wire copy reprinted at a fixed width ("The U.S. Federal Communications\nCommission on Friday banned …")
 * breaks every sentence across lines. In a run of three or more lines that are mostly of one middling
 * length and mostly end mid-sentence, the line breaks are spaces (same length, so offsets hold).
 */
export function unwrapHardWrapped(text: string): string {
  return text.replace(/(?:[^\n]+\n){2,}[^\n]+/g, (run) => {
    const lines = run.split('\n');
    const body = lines.slice(0, -1);
    const middling = body.filter((l) => l.length >= 35 && l.length <= 90).length;
    const open = body.filter((l) => !/[.!?:;"”’)\]]\s*$/.test(l)).length;
    return middling >= 0.75 * body.length && open >= 0.5 * body.length ? lines.join(' ') : run;
  });
}

export function splitSentences(raw: string): Sentence[] {
  segmenter ??= new Intl.Segmenter('en', { granularity: 'sentence' });
  const text = unwrapHardWrapped(raw);
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
