/**
 * A Markdown report for tickets and pull requests: summary, a findings table, then each finding's
 * evidence chain, obligation and citations.
 */
import type { ScanReport } from '../model/finding.js';
import { describeChain, describeOccurrences, describeState } from './describe.js';

const esc = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function renderMarkdown(report: ScanReport): string {
  const s = report.summary;
  const out: string[] = [];
  out.push(`# Covered screening report`, '');
  out.push(`- As of: **${report.asOf}** · profile: **${report.profile.id}** · knowledge base ${report.kb.version} (\`${report.kb.hash.slice(0, 12)}\`)`);
  out.push(`- Inputs: ${report.inputs.map((i) => `\`${i.file}\``).join(', ')}`);
  out.push(`- Rows read ${s.rowsRead}, screened ${s.screened}, rejected ${s.rejected}; ${s.findings} finding(s) on ${s.withFindings} item(s)`);
  out.push('');
  const rows = report.results.flatMap((r) => r.findings.map((f) => ({ r, f })));
  if (rows.length > 0) {
    // Logs: how often and by whom the host was seen (the aggregate's first line is the Line).
    const logs = rows.some(({ r }) => r.occurrences);
    out.push(`| Line | Item |${logs ? ' Seen |' : ''} Measure | Subject | State | Severity | Confidence |`, `|---|---|${logs ? '---|' : ''}---|---|---|---|---|`);
    for (const { r, f } of rows) {
      const seen = logs ? ` ${r.occurrences ? esc(`${r.occurrences.count}×${r.occurrences.client ? ` by ${r.occurrences.client}` : ''}`) : ''} |` : '';
      out.push(`| ${esc(`${r.origin.file}:${r.origin.line}`)} | ${esc(r.label)} |${seen} ${esc(f.measure.short)} | ${esc(f.subject.name)} | ${f.state} | ${f.severity} | ${f.confidence} |`);
    }
    out.push('', '## Findings', '');
    for (const { r, f } of rows) {
      out.push(`### ${esc(r.label)} — ${esc(f.measure.short)} (${f.severity})`, '');
      out.push(`- Where: \`${r.origin.file}\` line ${r.origin.line}`);
      const seen = describeOccurrences(r);
      if (seen) out.push(`- Seen: ${esc(seen.slice('seen '.length))}`);
      out.push(`- State: ${describeState(f)}`);
      out.push(`- Why: ${describeChain(f)}`);
      if (f.scope) out.push(`- Scope: ${f.scope}`);
      out.push(`- Obliges: ${f.obligation}`);
      out.push(`- Citations: ${f.citations.map((c) => (c.url ? `[${c.text}](${c.url})` : c.text)).join('; ')}`);
      if (f.unverified) out.push(`- Unverified facts: ${f.unverified.join('; ')}`);
      out.push('');
    }
  } else {
    out.push('No findings.', '');
  }
  const problems = report.results.filter((r) => r.status === 'rejected' || r.warnings);
  if (problems.length > 0) {
    out.push('## Rows with problems', '');
    for (const r of problems) {
      const msg = r.error ?? r.warnings?.map((w) => `${w.field} \`${w.value}\`: ${w.message}`).join('; ');
      out.push(`- \`${r.origin.file}\` line ${r.origin.line} (${r.status}): ${msg}`);
    }
    out.push('');
  }
  return out.join('\n');
}
