/**
 * Chinese script support: traditional → simplified (OpenCC tables) and Han → pinyin (pinyin-pro,
 * which reads polyphones in context). Both libraries are loaded on first use so that runs without
 * Chinese text do not pay for their tables.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

type Convert = (text: string) => string;
let toSimplified: Convert | undefined;
let pinyinOf: ((text: string) => string[]) | undefined;

export const HAN = /\p{Script=Han}/u;
export const HAN_RUN = /[\p{Script=Han}々〇]+/gu;

export function hasHan(text: string): boolean {
  return HAN.test(text);
}

export function simplify(text: string): string {
  if (!toSimplified) {
    const opencc = require('opencc-js/t2cn') as { Converter: (o: { from: string; to: string }) => Convert };
    // 't' (OpenCC standard traditional) covers Taiwan and Hong Kong variants of company names.
    const fromTraditional = opencc.Converter({ from: 't', to: 'cn' });
    const fromTaiwan = opencc.Converter({ from: 'tw', to: 'cn' });
    toSimplified = (s) => fromTraditional(fromTaiwan(s));
  }
  return toSimplified(text);
}

/** Toneless pinyin syllables, one per character. */
export function toPinyin(text: string): string[] {
  if (!pinyinOf) {
    const { pinyin } = require('pinyin-pro') as {
      pinyin: (t: string, o: { toneType: 'none'; type: 'array'; v?: boolean }) => string[];
    };
    pinyinOf = (s) => pinyin(s, { toneType: 'none', type: 'array', v: true }).map((p) => p.replace(/ü|v/g, 'u'));
  }
  return pinyinOf(text);
}
