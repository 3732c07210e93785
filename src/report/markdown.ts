/**
 * A Markdown report for tickets and pull requests: summary, a findings table, then each finding's
 * evidence chain, obligation and citations.
 */
import type { Finding, ItemResult } from '../model/finding.js';
import { describeAsset } from '../model/item.js';
import { count, describeChain, describeOccurrences, describeState } from './describe.js';
import { joinLines, withFindings, withProblems, type ReportView } from './view.js';

const esc = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function renderMarkdown(report: ReportView): Generator<string> {
  return joinLines(markdownLines(report));
}

function* findingsOf(results: Iterable<ItemResult>): Generator<{ r: ItemResult; f: Finding }> {
  for (const r of withFindings(results)) for (const f of r.findings) yield { r, f };
}

function* markdownLines(report: ReportView): Generator<string> {
  const s = report.summary;
  yield* [`# Covered screening report`, ''];
  yield `- As of: **${report.asOf}** · profile: **${report.profile.id}** · knowledge base ${report.kb.version} (\`${report.kb.hash.slice(0, 12)}\`)`;
  yield `- Inputs: ${report.inputs.map((i) => `\`${i.file}\``).join(', ')}`;
  yield `- Rows read ${s.rowsRead}, screened ${s.screened}, rejected ${s.rejected}; ${count(s.findings, 'finding')} on ${count(s.withFindings, 'item')}`;
  yield '';
  // One pass to know whether there are findings, and whether the Seen column of logs is needed.
  let any = false;
  let logs = false;
  let assets = false;
  for (const r of withFindings(report.results)) {
    any = true;
    if (r.occurrences) logs = true;
    if (r.asset) assets = true;
  }
  if (any) {
    // Logs: how often and by whom the host was seen (the aggregate's first line is the Line).
    yield* [`| Line | Item |${assets ? ' Asset |' : ''}${logs ? ' Seen |' : ''} Measure | Subject | State | Severity | Confidence |`, `|---|---|${assets ? '---|' : ''}${logs ? '---|' : ''}---|---|---|---|---|`];
    for (const { r, f } of findingsOf(report.results)) {
      const asset = assets ? ` ${esc(describeAsset(r.asset))} |` : '';
      const seen = logs ? ` ${r.occurrences ? esc(`${r.occurrences.count}×${r.occurrences.client ? ` by ${r.occurrences.client}` : ''}`) : ''} |` : '';
      yield `| ${esc(`${r.origin.file}:${r.origin.line}`)} | ${esc(r.label)} |${asset}${seen} ${esc(f.measure.short)} | ${esc(f.subject.name)} | ${f.state} | ${f.severity} | ${f.confidence} |`;
    }
    yield* ['', '## Findings', ''];
    for (const { r, f } of findingsOf(report.results)) {
      yield* [`### ${esc(r.label)} — ${esc(f.measure.short)} (${f.severity})`, ''];
      yield `- Where: \`${r.origin.file}\` line ${r.origin.line}`;
      if (r.asset) yield `- Asset: ${esc(describeAsset(r.asset))}`;
      const seen = describeOccurrences(r);
      if (seen) yield `- Seen: ${esc(seen.slice('seen '.length))}`;
      yield `- State: ${describeState(f)}`;
      yield `- Why: ${describeChain(f)}`;
      if (f.scope) yield `- Scope: ${f.scope}`;
      yield `- Obliges: ${f.obligation}`;
      yield `- Citations: ${f.citations.map((c) => (c.url ? `[${c.text}](${c.url})` : c.text)).join('; ')}`;
      if (f.unverified) yield `- Unverified facts: ${f.unverified.join('; ')}`;
      yield '';
    }
  } else {
    yield* ['No findings.', ''];
  }
  let heading = false;
  for (const r of withProblems(report.results)) {
    if (!heading) yield* ['## Rows with problems', ''];
    heading = true;
    const msg = r.error ?? r.warnings?.map((w) => `${w.field} \`${w.value}\`: ${w.message}`).join('; ');
    yield `- \`${r.origin.file}\` line ${r.origin.line} (${r.status}): ${msg}`;
  }
  if (heading) yield '';
}
