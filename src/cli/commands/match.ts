import { createReadStream } from 'node:fs';
import { Command, Option } from 'commander';
import { parse } from 'csv-parse';
import { createContext } from '../../app/context.js';
import { CorporateGraph } from '../../kb/graph.js';
import { rankCandidates } from '../../match/candidates.js';
import { SAME_THRESHOLD } from '../../match/names/compare.js';
import { matchPair } from '../../match/pair.js';
import { FIELD_KINDS, type FieldKind } from '../../model/item.js';
import { parseDate, parseThreshold, UsageError, write } from '../io.js';
import { guessField } from '../../match/identifiers/guess-field.js';

function parseCount(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 100) throw new UsageError(`--candidates expects a whole number from 1 to 100, got "${value}"`);
  return n;
}

interface MatchOptions {
  pairs?: string;
  candidates?: number;
  field?: FieldKind;
  threshold?: number;
  asOf: string;
  kb?: string;
  format: 'json' | 'text';
}

type PairResult = ReturnType<typeof matchPair>;
type CandidateList = ReturnType<typeof rankCandidates>;

/** One pair for a person: the verdict and score first, then each reason on its own line. */
function pairText(r: PairResult): string {
  return `${r.verdict} ${r.score.toFixed(2)}  ${r.name1}  ↔  ${r.name2}\n${r.reasons.map((why) => `  ${why}\n`).join('')}`;
}

/** The ranked candidates for a person: rank, score, band, the entity and what of it was matched, then why. */
function candidatesText(list: CandidateList): string {
  if (list.candidates.length === 0) return `no candidate for "${list.query}" (${list.field})\n`;
  const lines = [`candidates for "${list.query}" (${list.field}; reported at ${list.threshold})`];
  for (const c of list.candidates) {
    lines.push(`${String(c.rank).padStart(3)}. ${c.score.toFixed(2)} ${c.band.padEnd(7)} ${c.meetsThreshold ? '✓' : ' '} ${c.entity.name} [${c.entity.kind} ${c.entity.id}]`);
    lines.push(`       ${c.method}: ${c.matched}${c.matchedKind ? ` (${c.matchedKind})` : ''}`);
    for (const why of c.explanation) lines.push(`       ${why}`);
  }
  return `${lines.join('\n')}\n`;
}

export function matchCommand(): Command {
  return new Command('match')
    .summary('compare two company names, or rank the knowledge base\'s candidates for one name or value')
    .description(
      'Compare two names, known to the knowledge base or not, and print one JSON line:\n' +
        '{"name1","name2","score" (0..1),"verdict":"same"|"family"|"different","reasons":[…]}.\n' +
        '"family" needs the knowledge base\'s relations (or a shared distinctive name with a different business line).\n' +
        'With --pairs FILE.csv, compare every row (columns name1,name2; other columns ignored).\n' +
        'With one QUERY and --candidates N, print the N best candidates of the knowledge base for it (a name in any\n' +
        'script, or a MAC, ISIN, LEI, domain, app id …), each with its score, band (same ≥ 0.85, related ≥ 0.70, weak)\n' +
        'and explanation, as JSON: {"query","field","threshold","candidates":[{"rank","entity","score","band",\n' +
        '"meetsThreshold","method","matched","matchedKind","explanation"}]}.',
    )
    .argument('[name1]')
    .argument('[name2]')
    .option('--pairs <file>', 'CSV file with columns name1,name2')
    .option('--candidates <n>', 'rank the knowledge base\'s N best candidates for one query', parseCount)
    .addOption(new Option('--field <field>', 'what kind of value the query is (default: recognised from it)').choices(FIELD_KINDS))
    .option('--threshold <score>', `score at which two names are the same entity (default ${SAME_THRESHOLD}); with --candidates, the score marked as reported (default 0.8)`, parseThreshold)
    .option('--as-of <date>', 'corporate relations as of this date', parseDate, parseDate('today'))
    .option('--kb <dir>', 'knowledge-base directory (default: the bundled one)')
    .addOption(new Option('--format <format>', 'json (one JSON document per pair, or the candidate list) or text for reading').choices(['json', 'text']).default('json'))
    .addHelpText(
      'after',
      '\nExit codes: 0 done; 1 no candidate reaches the threshold (--candidates); 2 usage or input error.\n' +
        'Examples: covered match "HANGZHOU HIKVISION DIGITAL TECH CO LTD" "海康威视"\n' +
        '          covered match "Hua Wei Trading LLC" --candidates 5',
    )
    .action(async (name1: string | undefined, name2: string | undefined, opts: MatchOptions) => {
      if (opts.candidates !== undefined) {
        if (name1 === undefined || name2 !== undefined || opts.pairs) throw new UsageError('--candidates takes one query');
        if (!name1.trim()) throw new UsageError('the query is empty');
        const ctx = createContext(opts.kb);
        const threshold = opts.threshold ?? ctx.resolver.nameThreshold;
        const list = rankCandidates(ctx.resolver, name1, opts.field ?? guessField(name1), { limit: opts.candidates, threshold });
        if (list.error) throw new UsageError(list.error);
        write(opts.format === 'text' ? candidatesText(list) : `${JSON.stringify(list, null, 2)}\n`);
        process.exitCode = list.candidates.some((c) => c.meetsThreshold) ? 0 : 1;
        return;
      }
      if (opts.field) throw new UsageError('--field goes with --candidates');
      if (!opts.pairs && (name1 === undefined || name2 === undefined)) throw new UsageError('give two names, or --pairs FILE.csv, or one query with --candidates N');
      if (!opts.pairs && (!name1?.trim() || !name2?.trim())) throw new UsageError('a name is empty; give two names, or --pairs FILE.csv');
      if (opts.pairs && name1 !== undefined) throw new UsageError('give either two names or --pairs, not both');
      const ctx = createContext(opts.kb);
      const graph = new CorporateGraph(ctx.kb);
      const run = (a: string, b: string) => {
        const result = matchPair(a, b, ctx.resolver.names, graph, opts.asOf, opts.threshold);
        return opts.format === 'text' ? pairText(result) : `${JSON.stringify(result)}\n`;
      };
      if (!opts.pairs) {
        write(run(name1 as string, name2 as string));
        return;
      }
      const parser = createReadStream(opts.pairs).pipe(parse({ columns: true, bom: true, skip_empty_lines: true, relax_column_count: true, info: true }));
      let problems = 0;
      try {
        for await (const { record, info } of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
          const a = record.name1;
          const b = record.name2;
          if (a === undefined || b === undefined) throw new UsageError(`${opts.pairs}: the header must name columns name1 and name2`);
          if (!a.trim() || !b.trim()) {
            process.stderr.write(`covered: ${opts.pairs}:${info.lines}: empty name, row skipped\n`);
            problems++;
            continue;
          }
          write(run(a, b));
        }
      } catch (e) {
        if (e instanceof UsageError) throw e;
        const err = e as NodeJS.ErrnoException;
        throw new UsageError(`${opts.pairs}: ${err.code === 'ENOENT' ? 'no such file' : err.message}`);
      }
      if (problems > 0) process.exitCode = 2;
    });
}
