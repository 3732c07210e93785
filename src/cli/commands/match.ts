import { createReadStream } from 'node:fs';
import { Command } from 'commander';
import { parse } from 'csv-parse';
import { createContext } from '../../app/context.js';
import { CorporateGraph } from '../../kb/graph.js';
import { matchPair } from '../../match/pair.js';
import { parseDate, UsageError, write } from '../io.js';

export function matchCommand(): Command {
  return new Command('match')
    .summary('compare two company names: same entity, same corporate family, or different')
    .description(
      'Compare two names, known to the knowledge base or not, and print one JSON line:\n' +
        '{"name1","name2","score" (0..1),"verdict":"same"|"family"|"different","reasons":[…]}.\n' +
        '"family" needs the knowledge base\'s relations (or a shared distinctive name with a different business line).\n' +
        'With --pairs FILE.csv, compare every row (columns name1,name2; other columns ignored).',
    )
    .argument('[name1]')
    .argument('[name2]')
    .option('--pairs <file>', 'CSV file with columns name1,name2')
    .option('--as-of <date>', 'corporate relations as of this date', parseDate, parseDate('today'))
    .option('--kb <dir>', 'knowledge-base directory (default: the bundled one)')
    .addHelpText('after', '\nExit codes: 0 done; 2 usage or input error.\nExample: covered match "HANGZHOU HIKVISION DIGITAL TECH CO LTD" "海康威视"')
    .action(async (name1: string | undefined, name2: string | undefined, opts: { pairs?: string; asOf: string; kb?: string }) => {
      if (!opts.pairs && (name1 === undefined || name2 === undefined)) throw new UsageError('give two names, or --pairs FILE.csv');
      if (!opts.pairs && (!name1?.trim() || !name2?.trim())) throw new UsageError('a name is empty; give two names, or --pairs FILE.csv');
      if (opts.pairs && name1 !== undefined) throw new UsageError('give either two names or --pairs, not both');
      const ctx = createContext(opts.kb);
      const graph = new CorporateGraph(ctx.kb);
      const run = (a: string, b: string) => `${JSON.stringify(matchPair(a, b, ctx.resolver.names, graph, opts.asOf))}\n`;
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
