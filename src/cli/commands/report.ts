/**
 * `covered report`: the attestation report of a stored scan (with its dispositions and their
 * history) or of a JSON report file, as HTML or as a PDF printed by headless Chromium.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { Command, Option } from 'commander';
import { htmlToPdf, PdfError } from '../../app/pdf.js';
import { BUNDLED_DATA_DIR, loadKnowledgeBase } from '../../kb/files.js';
import type { ScanReport } from '../../model/finding.js';
import { ATTESTATIONS, renderAttestationHtml, type AttestationInput } from '../../report/attestation.js';
import { attestationFromReport, attestationFromStore } from '../../server/attestation.js';
import type { StoreFlags } from '../../server/config.js';
import { DispositionStore } from '../../store/dispositions.js';
import { ScanStore } from '../../store/scans.js';
import { EXIT, UsageError } from '../io.js';
import { storeFlags, withStore } from '../store.js';

interface ReportOptions extends StoreFlags {
  format: 'html' | 'pdf';
  attestation: string;
  out?: string;
  kb?: string;
}

export function reportCommand(): Command {
  return storeFlags(
    new Command('report')
      .summary('an attestation report (HTML or PDF) of a scan or a JSON report')
      .description(
        'The document to file with a representation: for the attestation chosen (ndaa-889: FAR 52.204-24/-26), the representation\u2019s text, what the screening supports, a summary with charts, and every covered item with its asset, evidence chain, citations and disposition history, under the knowledge-base version and the as-of date. SOURCE is a stored scan\u2019s id (read from the server\u2019s store, with dispositions) or a file written by `covered scan --format json` (no dispositions). A PDF is printed by Chromium (COVERED_CHROMIUM, default /usr/bin/chromium).',
      )
      .argument('<source>', 'scan id, or a JSON report file')
      .addOption(new Option('--format <format>', 'html or pdf').choices(['html', 'pdf']).default('html'))
      .addOption(new Option('--attestation <id>', 'which representation').choices(Object.keys(ATTESTATIONS)).default('ndaa-889'))
      .option('-o, --out <file>', 'write here (a PDF is never written to a terminal)')
      .option('--kb <dir>', 'knowledge-base directory for names in other scripts (default: the bundled one)'),
  ).action(async (source: string, opts: ReportOptions) => {
    const spec = ATTESTATIONS[opts.attestation];
    if (!spec) throw new UsageError(`unknown attestation "${opts.attestation}"`);
    if (opts.format === 'pdf' && !opts.out && process.stdout.isTTY) throw new UsageError('a PDF is not written to a terminal; give --out FILE or redirect standard output');
    const kb = loadKnowledgeBase(opts.kb ?? BUNDLED_DATA_DIR);
    let input: AttestationInput;
    if (existsSync(source)) {
      let report: ScanReport;
      try {
        report = JSON.parse(readFileSync(source, 'utf8')) as ScanReport;
      } catch (e) {
        throw new UsageError(`${source}: not a JSON report (${(e as Error).message}); write one with covered scan --format json`);
      }
      if (report?.schemaVersion !== 1 || !Array.isArray(report.results)) throw new UsageError(`${source}: not a covered JSON report (schemaVersion 1); write one with covered scan --format json`);
      input = attestationFromReport(report, spec, kb);
    } else {
      input = await withStore(opts, async (store) => {
        const scans = new ScanStore(store);
        const scan = await scans.get(source);
        if (!scan) throw new UsageError(`no file and no scan "${source}" in the store`);
        if (scan.status !== 'complete') throw new UsageError(`scan ${source} is ${scan.status}; a report needs a complete scan`);
        return attestationFromStore({ scans, dispositions: new DispositionStore(store) }, scan, spec, kb);
      });
    }
    const html = renderAttestationHtml(input);
    process.stderr.write(`${input.items.length} covered ${input.items.length === 1 ? 'item' : 'items'} under ${spec.title}${opts.format === 'pdf' ? '; printing the PDF…' : ''}\n`);
    let output: string | Buffer = html;
    if (opts.format === 'pdf') {
      try {
        output = await htmlToPdf(html);
      } catch (e) {
        if (e instanceof PdfError) throw new UsageError(e.message);
        throw e;
      }
    }
    if (opts.out) writeFileSync(opts.out, output);
    else process.stdout.write(output);
    process.exitCode = EXIT.ok;
  });
}
