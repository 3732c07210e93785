/**
 * The preamble of a Federal Register document (AGENCY, ACTION, SUMMARY, DATES), wherever the text
 * came from: the federalregister.gov page, a mirror, the XML with its headings, or the opening of
 * any of them. The preamble says what the document is — a proposed rule, a final rule, a
 * determination — which its summary, written of the rule in the present tense, does not. Pure.
 */
import { longDate } from './dates.js';
import type { EventStatus } from './lexicon.js';

export interface Preamble {
  agency: string;
  /** "Notice of proposed rulemaking", "Final rule", "Interim final rule". */
  action: string;
  /** The stage the document itself is at. */
  status: EventStatus;
  summary?: { text: string; start: number; end: number };
  /** The effective date the DATES paragraph gives. */
  effective?: string;
}

const HEADING = /(?:<HD[^>]*>\s*)?\b(AGENCY|AGENCIES|ACTION|SUMMARY|DATES|ADDRESSES|FOR FURTHER INFORMATION CONTACT|SUPPLEMENTARY INFORMATION)\s*:(?:\s*<\/HD>)?/g;

/** The stage a document type names; undefined for one that states no act (a correction, a meeting). */
function stageOf(action: string): EventStatus | undefined {
  const a = action.toLowerCase();
  if (/\badvance notice of proposed rulemaking\b|\bnotice of inquiry\b|\brequest for (?:comments?|information)\b/.test(a)) return 'considered';
  if (/\bproposed rule|\bnotice of proposed rulemaking\b/.test(a)) return 'proposed';
  if (/\b(?:final rule|interim final rule|final determination|determination|order)\b/.test(a)) return 'enacted';
  return undefined;
}

/**
 * The Government Publishing Office's text of a document: "[Federal Register Volume 89, Number 121
 * (Monday, June 24, 2024)] [Notices] …", then the agency in capitals and the subject. Notices carry no
 * ACTION heading: their subject says what they are ("Final Determination: …").
 */
const GPO_HEADER = /\[Federal Register Volume \d+, Number \d+ \(\w+, [A-Z][a-z]+ \d{1,2}, \d{4}\)\]\s*\[(Rules and Regulations|Proposed Rules|Notices|Presidential Documents)\]/;
const GPO_AGENCY = /\b(DEPARTMENT OF(?: THE)? [A-Z]+(?: [A-Z]+)*?|FEDERAL COMMUNICATIONS COMMISSION)(?:\s+(Bureau of Industry and Security|Office of Foreign Assets Control|International Trade Administration|Office of the Secretary))?\s+(?=[A-Z][a-z])/;
const titleCase = (s: string) => s.toLowerCase().replace(/\b(?!of\b|the\b|and\b)[a-z]/g, (c) => c.toUpperCase());

function fromGpoText(head: string): Preamble | undefined {
  const header = GPO_HEADER.exec(head);
  if (!header) return undefined;
  const after = head.slice((header.index ?? 0) + header[0].length);
  const agency = GPO_AGENCY.exec(after);
  if (!agency) return undefined;
  const rest = after.slice((agency.index ?? 0) + agency[0].length);
  const section = header[1] as string;
  // The subject runs to the first sentence of the body; the section or the subject names the stage.
  const subject = /^[^\n]{0,200}?(?=\s+(?:Pursuant to|In this|This|The|On|By|AGENCY)\b)/.exec(rest)?.[0] ?? '';
  const action = section === 'Proposed Rules' ? 'Proposed rule' : section === 'Rules and Regulations' ? 'Final rule' : section === 'Presidential Documents' ? 'Order' : /^(?:Final Determination|Determination|Order)\b/i.exec(subject)?.[0];
  const status = action ? stageOf(action) : undefined;
  if (!action || !status) return undefined;
  const start = head.length - rest.length + subject.length;
  const end = Math.min(head.length, start + 1500);
  return { agency: [agency[2], titleCase(agency[1] as string)].filter(Boolean).join(', '), action, status, summary: { text: head.slice(start, end).replace(/\s+/g, ' ').trim(), start, end } };
}

/**
 * The preamble, when the text has AGENCY and ACTION headings near its start (or the Government
 * Publishing Office's header) and the document is a stage of an act.
 */
export function preambleOf(text: string): Preamble | undefined {
  const head = text.slice(0, 20_000);
  const headings = [...head.matchAll(HEADING)].map((m) => ({ name: (m[1] as string).replace(/^AGENCIES$/, 'AGENCY'), start: m.index ?? 0, end: (m.index ?? 0) + m[0].length }));
  const body = (name: string) => {
    const i = headings.findIndex((h) => h.name === name);
    if (i < 0) return undefined;
    const from = (headings[i] as { end: number }).end;
    const to = headings[i + 1]?.start ?? Math.min(head.length, from + 4000);
    const raw = head.slice(from, to);
    const lead = raw.length - raw.trimStart().length;
    return { text: raw.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim(), start: from + lead, end: to };
  };
  const agency = body('AGENCY');
  const action = body('ACTION');
  if (!agency || !action) return fromGpoText(head);
  const status = stageOf(action.text);
  if (!status) return undefined;
  const summary = body('SUMMARY');
  const effective = longDate(/\beffective\b[^.]{0,40}?(?:on\s+)?([A-Z][a-z]+ \d{1,2},\s*\d{4})/.exec(body('DATES')?.text ?? '')?.[1] ?? '');
  return {
    agency: agency.text.replace(/\.$/, ''),
    action: action.text.replace(/\.$/, ''),
    status,
    ...(summary ? { summary } : {}),
    ...(effective ? { effective } : {}),
  };
}
