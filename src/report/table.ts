/**
 * The terminal report: one line per finding with its evidence chain beneath, sized to the terminal
 * (80 columns when unknown), colour only when writing to a TTY.
 */
import Table from 'cli-table3';
import { createColors } from 'picocolors';
import type { ScanReport } from '../model/finding.js';
import type { Severity } from '../model/kb.js';
import { describeChain, describeOccurrences, describeState } from './describe.js';

export interface TableOptions {
  color: boolean;
  width: number;
}

const BLANK_BORDERS = {
  top: '', 'top-mid': '', 'top-left': '', 'top-right': '', bottom: '', 'bottom-mid': '', 'bottom-left': '',
  'bottom-right': '', left: '', 'left-mid': '', mid: '', 'mid-mid': '', right: '', 'right-mid': '', middle: ' ',
};

export function renderTable(report: ScanReport, options: TableOptions): string {
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
  const table = new Table({
    head: ['Line', 'Item', 'Measure', 'Listed', 'State', 'Severity'],
    colWidths: [10, itemW, measureW, subjectW, 11, 9],
    chars: BLANK_BORDERS,
    style: { head: [], border: [], 'padding-left': 0, 'padding-right': 0 },
    wordWrap: false,
  });
  const lines: string[] = [];
  for (const r of report.results) {
    const seen = describeOccurrences(r);
    for (const [i, f] of r.findings.entries()) {
      table.push([`${shortFile(r.origin.file)}:${r.origin.line}`, r.label, f.measure.short, f.subject.name, f.state, paint[f.severity](f.severity)]);
      // A log's aggregate (how often, by whom, when) once per result, under its first finding.
      if (seen && i === 0) table.push([{ colSpan: 6, content: wrap(`  ${seen}`, width - 2) }]);
      table.push([{ colSpan: 6, content: c.dim(wrap(`  ${describeState(f)}; ${describeChain(f)}`, width - 2)) }]);
    }
  }
  const s = report.summary;
  if (s.findings > 0) lines.push(table.toString());
  else lines.push('No findings.');
  const problems = report.results.filter((r) => r.status === 'rejected' || r.warnings);
  if (problems.length > 0) {
    lines.push('', c.bold('Rows with problems:'));
    for (const r of problems) {
      const msg = r.error ?? r.warnings?.map((w) => `${w.field} ${w.value}: ${w.message}`).join('; ') ?? '';
      lines.push(wrap(`${r.origin.file}:${r.origin.line} ${r.status === 'rejected' ? c.red('rejected') : c.yellow('warning')}: ${msg}`, width));
    }
  }
  const sev = Object.entries(s.bySeverity)
    .sort(([a], [b]) => order(b) - order(a))
    .map(([k, v]) => `${v} ${paint[k as Severity](k)}`)
    .join(', ');
  lines.push('');
  lines.push(wrap(`As of ${report.asOf}, profile ${report.profile.id}: ${s.rowsRead} rows read, ${s.screened} screened, ${s.rejected} rejected; ${s.findings} findings on ${s.withFindings} items${sev ? ` (${sev})` : ''}.`, width));
  if (!report.includeHistorical) lines.push(c.dim(wrap('Historical findings (enjoined, revoked, delisted) are hidden; --include-historical shows them.', width)));
  return `${lines.join('\n')}\n`;
}

const SEVERITIES: Severity[] = ['info', 'low', 'medium', 'high', 'critical'];
const order = (s: string) => SEVERITIES.indexOf(s as Severity);

function shortFile(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  return base.length > 6 ? `${base.slice(0, 5)}…` : base;
}

/** Wraps on spaces to the width, indenting continuation lines. */
function wrap(text: string, width: number): string {
  const words = text.split(' ');
  const out: string[] = [];
  let line = '';
  for (const w of words) {
    if (line.length > 0 && line.length + 1 + w.length > width) {
      out.push(line);
      line = `    ${w}`;
    } else line = line.length > 0 ? `${line} ${w}` : w;
  }
  if (line) out.push(line);
  return out.join('\n');
}
