/**
 * The attestation report: a document a compliance officer files with a representation. For the
 * chosen attestation (NDAA §889 first: the representations of FAR 52.204-24 and 52.204-26) it
 * shows the representation's text, what the screening supports, a summary with charts, and every
 * covered item with its evidence chain, citations and disposition history, under the knowledge
 * base's version and the as-of date. Pure: data in, HTML out; the PDF is printed from this HTML.
 */
import type { Finding } from '../model/finding.js';
import { ASSET_FIELDS, ASSET_LABELS, type AssetIdentity, type Origin } from '../model/item.js';
import { barsSvg, donutSvg } from './charts.js';
import { describeChain, describeState } from './describe.js';

export interface AttestationSpec {
  id: string;
  title: string;
  /** The measures whose findings are covered items. */
  measures: string[];
  /** The representation's text, quoted, with where it is from. */
  representations: { clause: string; title: string; text: string[]; url: string; source: string }[];
  /** What the findings do and do not establish, in a sentence or two. */
  scopeNote: string;
}

export const ATTESTATIONS: Record<string, AttestationSpec> = {
  'ndaa-889': {
    id: 'ndaa-889',
    title: 'NDAA §889 — covered telecommunications equipment or services',
    measures: ['us-ndaa-889'],
    representations: [
      {
        clause: 'FAR 52.204-26(c)',
        title: 'Covered Telecommunications Equipment or Services—Representation (OCT 2020)',
        text: [
          '(1) The Offeror represents that it [ ] does, [ ] does not provide covered telecommunications equipment or services as a part of its offered products or services to the Government in the performance of any contract, subcontract, or other contractual instrument.',
          '(2) After conducting a reasonable inquiry for purposes of this representation, the offeror represents that it [ ] does, [ ] does not use covered telecommunications equipment or services, or any equipment, system, or service that uses covered telecommunications equipment or services.',
        ],
        url: 'https://www.ecfr.gov/current/title-48/chapter-1/subchapter-H/part-52/subpart-52.2/section-52.204-26',
        source: '48 CFR 52.204-26; 84 FR 68319 (Dec. 13, 2019), as amended at 85 FR 53134 (Aug. 27, 2020)',
      },
      {
        clause: 'FAR 52.204-24(d)',
        title: 'Representation Regarding Certain Telecommunications and Video Surveillance Services or Equipment (NOV 2021)',
        text: [
          'Paragraph (d)(1): whether the Offeror will or will not provide covered telecommunications equipment or services to the Government in the performance of any contract, subcontract or other contractual instrument resulting from the solicitation.',
          'Paragraph (d)(2): after conducting a reasonable inquiry, whether the Offeror does or does not use covered telecommunications equipment or services, or any equipment, system, or service that uses covered telecommunications equipment or services. An Offeror that answers "will" or "does" discloses the equipment or services under paragraph (e).',
        ],
        url: 'https://www.ecfr.gov/current/title-48/chapter-1/subchapter-H/part-52/subpart-52.2/section-52.204-24',
        source: '48 CFR 52.204-24 (summary of paragraph (d); the provision does not apply where 52.204-26(c) was answered "does not")',
      },
    ],
    scopeNote:
      'A covered item is an inventory row that the knowledge base ties to an entity named by section 889 (Huawei, ZTE, Hytera, Hikvision, Dahua, their subsidiaries and affiliates) on the as-of date. The screening is evidence for the reasonable inquiry; the representation is the offeror\u2019s to make.',
  },
};

export interface DispositionEntry {
  state: string;
  reason: string;
  decidedBy: string;
  decidedAt: string;
}

export interface CoveredFinding {
  finding: Finding;
  /** The current decision: open when absent. `reopened` when the facts it rested on have changed. */
  disposition?: DispositionEntry & { reopened: boolean };
  history: DispositionEntry[];
}

export interface CoveredItem {
  origin: Origin;
  label: string;
  asset?: AssetIdentity;
  findings: CoveredFinding[];
}

export interface AttestationInput {
  spec: AttestationSpec;
  asOf: string;
  kb: { version: string; hash: string };
  toolVersion: string;
  generatedAt: string;
  profile: string;
  /** The scan's id when it is a stored scan. */
  scanId?: string;
  files: string[];
  summary: { rowsRead: number; screened: number; rejected: number };
  items: CoveredItem[];
  rejected: { origin: Origin; error: string }[];
  /** Whether dispositions could be read (a stored scan) or not (a report file). */
  dispositionsKnown: boolean;
  /** Names of listed subjects in other scripts (Chinese), by subject id. */
  otherNames: Record<string, string[]>;
}

const DISPOSITION_NAMES: Record<string, string> = { open: 'Open', reopened: 'Re-opened', 'false-positive': 'False positive', 'accepted-risk': 'Accepted risk', remediated: 'Remediated', cleared: 'Re-opened by hand' };
const DISPOSITION_COLOURS: Record<string, string> = { open: '#b91c1c', reopened: '#c2410c', 'accepted-risk': '#ca8a04', remediated: '#15803d', 'false-positive': '#64748b' };

function esc(text: string | number | undefined): string {
  return String(text ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

function stateOf(f: CoveredFinding): string {
  return f.disposition ? (f.disposition.reopened ? 'reopened' : f.disposition.state) : 'open';
}

function assetTable(asset: AssetIdentity | undefined): string {
  if (!asset) return '';
  const cells = ASSET_FIELDS.filter((k) => asset[k]).map((k) => `<span><b>${esc(ASSET_LABELS[k])}</b> ${esc(asset[k])}</span>`);
  return `<p class="asset">${cells.join(' ')}</p>`;
}

function findingBlock(f: CoveredFinding, input: AttestationInput): string {
  const x = f.finding;
  const names = input.otherNames[x.subject.id] ?? [];
  const history = f.history.length
    ? `<ol class="history">${f.history.map((h) => `<li>${esc(h.decidedAt.slice(0, 10))} — ${esc(DISPOSITION_NAMES[h.state] ?? h.state)} by ${esc(h.decidedBy)}: “${esc(h.reason)}”</li>`).join('')}</ol>`
    : `<p class="muted">${input.dispositionsKnown ? 'No decision recorded.' : 'Dispositions are not part of a report file; produce this report from the stored scan to include them.'}</p>`;
  return `<section class="finding">
  <h4>${esc(x.measure.short)} — ${esc(x.subject.name)}${names.length ? ` <span class="cjk">(${esc(names.join(', '))})</span>` : ''}</h4>
  <table class="facts">
    <tr><th>Measure</th><td>${esc(x.measure.title)}</td></tr>
    <tr><th>Listed as</th><td>${esc(x.listing.nameAsListed)} (from ${esc(x.listing.from)}${x.listing.to ? ` to ${esc(x.listing.to)}` : ''})</td></tr>
    <tr><th>State</th><td>${esc(describeState(x))}; severity ${esc(x.severity)}, confidence ${esc(x.confidence)}</td></tr>
    <tr><th>Evidence chain</th><td>${esc(describeChain(x))}</td></tr>
    ${x.scope ? `<tr><th>Scope</th><td>${esc(x.scope)}</td></tr>` : ''}
    <tr><th>Obliges</th><td>${esc(x.obligation)}</td></tr>
    <tr><th>Citations</th><td><ul class="citations">${x.citations.map((c) => `<li>${esc(c.text)}${c.url ? ` — <a href="${esc(c.url)}">${esc(c.url)}</a>` : ''}</li>`).join('')}</ul></td></tr>
    ${x.unverified?.length ? `<tr><th>Unverified</th><td>${esc(x.unverified.join('; '))}</td></tr>` : ''}
    <tr><th>Disposition</th><td><b>${esc(DISPOSITION_NAMES[stateOf(f)] ?? stateOf(f))}</b>${f.disposition ? ` — “${esc(f.disposition.reason)}” (${esc(f.disposition.decidedBy)}, ${esc(f.disposition.decidedAt.slice(0, 10))})` : ''}</td></tr>
    <tr><th>History</th><td>${history}</td></tr>
  </table>
</section>`;
}

export function renderAttestationHtml(input: AttestationInput): string {
  const { spec } = input;
  const findings = input.items.flatMap((i) => i.findings);
  const byState = new Map<string, number>();
  for (const f of findings) byState.set(stateOf(f), (byState.get(stateOf(f)) ?? 0) + 1);
  const bySubject = new Map<string, number>();
  for (const item of input.items) for (const name of new Set(item.findings.map((f) => f.finding.subject.name))) bySubject.set(name, (bySubject.get(name) ?? 0) + 1);
  // Items still in use with covered equipment: any finding open, re-opened or accepted as a risk.
  const inUse = input.items.filter((i) => i.findings.some((f) => ['open', 'reopened', 'accepted-risk'].includes(stateOf(f))));
  const supports = input.items.length === 0
    ? 'The screening found no covered item in the inventory on the as-of date.'
    : inUse.length === 0
      ? `The screening found ${input.items.length} covered ${input.items.length === 1 ? 'item' : 'items'}; every one is decided as remediated or a false positive.`
      : `The screening found ${input.items.length} covered ${input.items.length === 1 ? 'item' : 'items'}; ${inUse.length} ${inUse.length === 1 ? 'is' : 'are'} open or accepted as a risk${input.dispositionsKnown ? '' : ' (no dispositions in a report file)'} — a “does use” answer, with the disclosure of paragraph (e) of 52.204-24, unless each is resolved.`;
  const donut = donutSvg(['open', 'reopened', 'accepted-risk', 'remediated', 'false-positive'].map((s) => ({ name: DISPOSITION_NAMES[s] as string, value: byState.get(s) ?? 0, colour: DISPOSITION_COLOURS[s] as string })));
  const bars = bySubject.size ? barsSvg([...bySubject], '#b91c1c') : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>${esc(spec.title)} — attestation report as of ${esc(input.asOf)}</title>
<style>
  @page { size: A4; margin: 16mm 14mm; }
  body { font-family: 'Noto Sans', 'Noto Sans CJK SC', 'Noto Sans CJK TC', sans-serif; color: #0f172a; font-size: 10.5pt; line-height: 1.4; max-width: 190mm; margin: 0 auto; }
  h1 { font-size: 17pt; margin: 0 0 4pt; } h2 { font-size: 13pt; border-bottom: 1px solid #cbd5e1; margin-top: 16pt; } h3 { font-size: 11.5pt; margin: 12pt 0 4pt; } h4 { font-size: 10.5pt; margin: 6pt 0 3pt; }
  .muted { color: #64748b; } .cjk { font-family: 'Noto Sans CJK SC', 'Noto Sans CJK TC', sans-serif; }
  table { border-collapse: collapse; width: 100%; } th, td { text-align: left; vertical-align: top; padding: 2pt 4pt; border-bottom: 1px solid #e2e8f0; overflow-wrap: anywhere; }
  table.facts th { width: 28mm; color: #475569; font-weight: 600; }
  .item { break-inside: avoid-page; border: 1px solid #cbd5e1; border-radius: 4pt; padding: 4pt 8pt; margin: 8pt 0; }
  .finding { break-inside: avoid; } .asset span { margin-right: 10pt; } blockquote { margin: 4pt 0 8pt; padding: 4pt 8pt; background: #f8fafc; border-left: 3pt solid #94a3b8; }
  .charts { display: flex; flex-wrap: wrap; gap: 10pt; align-items: flex-start; } .charts svg { max-width: 100%; height: auto; }
  ul.citations, ol.history { margin: 0; padding-left: 14pt; } .cards { display: flex; gap: 8pt; flex-wrap: wrap; } .cards div { border: 1px solid #cbd5e1; border-radius: 4pt; padding: 3pt 8pt; } .cards b { display: block; font-size: 14pt; }
  .sign td { height: 16pt; border-bottom: 1px solid #475569; } .supports { font-weight: 600; }
</style></head>
<body>
<h1>${esc(spec.title)}</h1>
<p>Attestation report as of <b>${esc(input.asOf)}</b> · knowledge base <b>${esc(input.kb.version)}</b> (<code>${esc(input.kb.hash.slice(0, 16))}</code>) · profile ${esc(input.profile)} · covered ${esc(input.toolVersion)} · generated ${esc(input.generatedAt)}${input.scanId ? ` · scan ${esc(input.scanId)}` : ''}</p>
<p>Inventory: ${input.files.map((f) => `<code>${esc(f)}</code>`).join(', ')}</p>

<h2>1. The representation</h2>
${spec.representations.map((r) => `<h3>${esc(r.clause)} — ${esc(r.title)}</h3><blockquote>${r.text.map((t) => `<p>${esc(t)}</p>`).join('')}</blockquote><p class="muted">Source: ${esc(r.source)}, <a href="${esc(r.url)}">${esc(r.url)}</a></p>`).join('\n')}
<p class="supports">What this screening supports: ${esc(supports)}</p>
<p class="muted">${esc(spec.scopeNote)}</p>

<h2>2. Summary</h2>
<div class="cards">
  <div><b>${input.summary.rowsRead}</b>rows read</div><div><b>${input.summary.screened}</b>screened</div><div><b>${input.summary.rejected}</b>rejected</div>
  <div><b>${input.items.length}</b>covered ${input.items.length === 1 ? 'item' : 'items'}</div><div><b>${findings.length}</b>${findings.length === 1 ? 'finding' : 'findings'}</div><div><b>${inUse.length}</b>open or accepted</div>
</div>
<div class="charts">
  <figure>${donut}<figcaption>Findings by disposition</figcaption></figure>
  ${bars ? `<figure>${bars}<figcaption>Covered items by listed company</figcaption></figure>` : ''}
</div>

<h2>3. Covered items (${input.items.length})</h2>
${input.items.length === 0 ? '<p>None.</p>' : ''}
${input.items
  .map(
    (item) => `<div class="item">
  <h3>${esc(item.label)} <span class="muted">— ${esc(item.origin.file)} line ${item.origin.line}${item.origin.sheet ? `, sheet ${esc(item.origin.sheet)}` : ''}</span></h3>
  ${assetTable(item.asset)}
  ${item.findings.map((f) => findingBlock(f, input)).join('\n')}
</div>`,
  )
  .join('\n')}

<h2>4. Rows that could not be screened (${input.rejected.length})</h2>
${input.rejected.length === 0 ? '<p>None: every row was screened.</p>' : `<table><tr><th>File</th><th>Line</th><th>Reason</th></tr>${input.rejected.map((r) => `<tr><td>${esc(r.origin.file)}</td><td>${r.origin.line}</td><td>${esc(r.error)}</td></tr>`).join('')}</table>`}

<h2>5. Sign-off</h2>
<p>I have reviewed the covered items above and the inquiry behind them.</p>
<table class="sign"><tr><th>Name</th><td></td></tr><tr><th>Title</th><td></td></tr><tr><th>Date</th><td></td></tr><tr><th>Signature</th><td></td></tr></table>
</body></html>
`;
}
