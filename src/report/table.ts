/**
 * The terminal report: one line per finding with its evidence chain beneath, sized to the terminal
 * (80 columns when unknown), colour only when writing to a TTY.
 */
import { createColors } from 'picocolors';
import stringWidth from 'string-width';
import type { Severity } from '../model/kb.js';
import { describeAsset } from '../model/item.js';
import { count, describeChain, describeOccurrences, describeState } from './describe.js';
import { joinLines, withProblems, type ReportView } from './view.js';

export interface TableOptions {
  color: boolean;
  width: number;
  /** Results laid out per piece of the table (500 when not given). */
  resultsPerPiece?: number;
}

/**
 * The text in `width` display columns (Chinese characters take two): cut with an ellipsis when
 * longer, padded with spaces when shorter.
 */
function fit(text: string, width: number): string {
  const flat = text.replace(/[\r\n\t]+/g, ' ');
  const used = stringWidth(flat);
  if (used <= width) return flat + ' '.repeat(width - used);
  let cut = '';
  let cutWidth = 0;
  for (const ch of flat) {
    const w = stringWidth(ch);
    if (cutWidth + w > width - 1) break;
    cut += ch;
    cutWidth += w;
  }
  return `${cut}…${' '.repeat(width - 1 - cutWidth)}`;
}

/** Findings are written this many results at a time. */
const RESULTS_PER_PIECE = 500;

export function* renderTable(report: ReportView, options: TableOptions): Generator<string> {
  yield* joinLines(tableLines(report, options));
  yield '\n';
}

function* tableLines(report: ReportView, options: TableOptions): Generator<string> {
  const c = createColors(options.color);
  const paint: Record<Severity, (s: string) => string> = {
    critical: (s) => c.bold(c.red(s)),
    high: c.red,
    medium: c.yellow,
    low: c.cyan,
    info: c.dim,
  };
  const width = Math.max(60, options.width);
  // Line, severity and state are fixed; the three text columns share the rest.
  const fixed = 10 + 9 + 11;
  const flexible = width - fixed - 5;
  const itemW = Math.floor(flexible * 0.34);
  const measureW = Math.floor(flexible * 0.3);
  const subjectW = flexible - itemW - measureW;
  // Fixed columns one space apart; a note under a finding spans them all.
  const widths = [10, itemW, measureW, subjectW, 11, 9];
  const spanWidth = widths.reduce((a, b) => a + b) + widths.length - 1;
  // The last cell (the severity) is painted after it is laid out, so colour codes take no width.
  const row = (cells: string[], paintLast = (text: string) => text) =>
    cells.map((cell, i) => (i === cells.length - 1 ? paintLast : String)(fit(cell, widths[i] as number))).join(' ');
  const span = (text: string) => text.split('\n').map((line) => fit(line, spanWidth)).join('\n');
  let piece: string[] = [];
  let inPiece = 0;
  let anyFinding = false;
  for (const r of report.results) {
    if (r.findings.length === 0) continue;
    if (!anyFinding) piece.push(row(['Line', 'Item', 'Measure', 'Listed', 'State', 'Severity']));
    anyFinding = true;
    const seen = describeOccurrences(r);
    // The asset (tag or hostname) leads the item cell; its whole identity follows once per row.
    // (A host list's hostname is its label already: nothing to add.)
    const assetKey = r.asset?.tag ?? r.asset?.hostname;
    const item = assetKey && assetKey !== r.label ? `${assetKey}: ${r.label}` : r.label;
    const assetText = describeAsset(r.asset);
    if (assetText && assetText !== r.label) piece.push(span(wrap(`  asset ${assetText}`, width - 2)));
    for (const [i, f] of r.findings.entries()) {
      piece.push(row([lineCell(r.origin.file, r.origin.line), item, f.measure.short, f.subject.name, f.state, f.severity], paint[f.severity]));
      // A log's aggregate (how often, by whom, when) once per result, under its first finding.
      if (seen && i === 0) piece.push(span(wrap(`  ${seen}`, width - 2)));
      piece.push(c.dim(span(wrap(`  ${describeState(f)}; ${describeChain(f)}`, width - 2))));
    }
    if (++inPiece === (options.resultsPerPiece ?? RESULTS_PER_PIECE)) {
      yield piece.join('\n');
      piece = [];
      inPiece = 0;
    }
  }
  if (piece.length > 0) yield piece.join('\n');
  if (!anyFinding) yield 'No findings.';
  let heading = false;
  for (const r of withProblems(report.results)) {
    if (!heading) yield* ['', c.bold('Rows with problems:')];
    heading = true;
    const msg = r.error ?? r.warnings?.map((w) => `${w.field} ${w.value}: ${w.message}`).join('; ') ?? '';
    yield wrap(`${r.origin.file}:${r.origin.line} ${r.status === 'rejected' ? c.red('rejected') : c.yellow('warning')}: ${msg}`, width);
  }
  const s = report.summary;
  const sev = Object.entries(s.bySeverity)
    .sort(([a], [b]) => order(b) - order(a))
    .map(([k, v]) => `${v} ${paint[k as Severity](k)}`)
    .join(', ');
  yield '';
  yield wrap(`As of ${report.asOf}, profile ${report.profile.id}: ${count(s.rowsRead, 'row')} read, ${s.screened} screened, ${s.rejected} rejected; ${count(s.findings, 'finding')} on ${count(s.withFindings, 'item')}${sev ? ` (${sev})` : ''}.`, width);
  if (!report.includeHistorical) yield c.dim(wrap('Historical findings (enjoined, revoked, delisted) are hidden; --include-historical shows them.', width));
}

const SEVERITIES: Severity[] = ['info', 'low', 'medium', 'high', 'critical'];
const order = (s: string) => SEVERITIES.indexOf(s as Severity);

/** "file:line" in the 10-column Line cell: the file's name gives way to a long line number. */
function lineCell(file: string, line: number): string {
  const ref = `:${line}`;
  const base = file.split(/[\\/]/).pop() ?? file;
  const room = Math.min(6, 10 - ref.length);
  return `${base.length <= room ? base : `${base.slice(0, Math.max(0, room - 1))}…`}${ref}`;
}

/** Wraps on spaces to the width in display columns (colour codes take none, Chinese characters two), indenting continuation lines. */
function wrap(text: string, width: number): string {
  const words = text.split(' ');
  const out: string[] = [];
  let line = '';
  let used = 0;
  for (const w of words) {
    const wWidth = stringWidth(w);
    if (used > 0 && used + 1 + wWidth > width) {
      out.push(line);
      line = `    ${w}`;
      used = 4 + wWidth;
    } else {
      line = used > 0 ? `${line} ${w}` : w;
      used = used > 0 ? used + 1 + wWidth : wWidth;
    }
  }
  if (line) out.push(line);
  return out.join('\n');
}
