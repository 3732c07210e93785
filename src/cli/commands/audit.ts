import { Command, Option } from 'commander';
import type { StoreFlags } from '../../server/config.js';
import { AuditLog } from '../../store/audit.js';
import { EXIT, write } from '../io.js';
import { storeFlags, withStore } from '../store.js';


export function auditCommand(): Command {
  const audit = new Command('audit').summary('read and verify the server’s hash-chained audit log').description('The append-only audit log of scans, dispositions, knowledge-base updates and token changes.');
  storeFlags(
    audit
      .command('verify')
      .description('check every entry against the hash chain; names each edited, deleted or missing entry')
      .option('--head <hash>', 'a head hash noted earlier (printed by a previous verify): it must still be in the log, or the log was rewritten')
      .addOption(new Option('--format <format>').choices(['text', 'json']).default('text')),
  ).action(
    async (opts: StoreFlags & { format: 'text' | 'json'; head?: string }) => {
      await withStore(opts, async (store) => {
        const log = new AuditLog(store);
        const result = await log.verify();
        if (opts.head && !(await log.contains(opts.head.trim()))) {
          result.ok = false;
          result.problems.push({ seq: 0, problem: `the head noted earlier (${opts.head.trim()}) is not in the log: the log was rewritten` });
        }
        if (opts.format === 'json') write(`${JSON.stringify(result, null, 2)}\n`);
        else if (result.ok) write(`Audit log intact: ${result.entries} entries; head ${result.head.seq} ${result.head.hash}\n`);
        else write(`Audit log BROKEN (${result.entries} entries):\n${result.problems.map((p) => (p.seq > 0 ? `  entry ${p.seq}: ${p.problem}` : `  ${p.problem}`)).join('\n')}\n`);
        process.exitCode = result.ok ? EXIT.ok : EXIT.findings;
      });
    },
  );
  storeFlags(
    audit
      .command('list')
      .description('the newest entries')
      .option('--limit <n>', 'how many', (v) => Number.parseInt(v, 10), 50)
      .option('--action <action>', 'only this action, e.g. disposition.set')
      .addOption(new Option('--format <format>').choices(['text', 'json']).default('text')),
  ).action(async (opts: StoreFlags & { limit: number; action?: string; format: 'text' | 'json' }) => {
    await withStore(opts, async (store) => {
      const { entries } = await new AuditLog(store).list({ limit: opts.limit, offset: 0, ...(opts.action ? { action: opts.action } : {}) });
      if (opts.format === 'json') return write(`${JSON.stringify(entries, null, 2)}\n`);
      write(entries.map((e) => `${String(e.seq).padStart(6)}  ${e.at}  ${e.actor.padEnd(12)}  ${e.action.padEnd(18)}  ${e.subject.slice(0, 16)}  ${JSON.stringify(e.details)}`).join('\n') + (entries.length ? '\n' : 'No entries.\n'));
    });
  });
  audit.addHelpText('after', '\nExit codes: 0 intact; 1 the chain is broken (verify); 2 usage error or database unreachable.\nExample: covered audit verify --data-dir .covered');
  return audit;
}
