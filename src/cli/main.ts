#!/usr/bin/env node
/**
 * `covered`: screen an organisation's technology against national-security restrictions on
 * technology companies, as of any date, with the evidence for every finding.
 */
import { Command, CommanderError } from 'commander';
import { KnowledgeBaseError, packageVersion } from '../kb/files.js';
import { EXIT, UsageError } from './io.js';

/** Each command's module is loaded only when it runs, so `covered lookup` does not load the XLSX reader. */
const COMMANDS: Record<string, () => Promise<Command[]>> = {
  scan: async () => [(await import('./commands/scan.js')).scanCommand()],
  match: async () => [(await import('./commands/match.js')).matchCommand()],
  lookup: async () => [(await import('./commands/lookup.js')).lookupCommand()],
  explain: async () => [(await import('./commands/lookup.js')).explainCommand()],
  kb: async () => [(await import('./commands/kb.js')).kbCommand()],
  profiles: async () => [(await import('./commands/kb.js')).profilesCommand()],
  serve: async () => [(await import('./commands/serve.js')).serveCommand()],
  audit: async () => [(await import('./commands/audit.js')).auditCommand()],
  token: async () => [(await import('./commands/token.js')).tokenCommand()],
  news: async () => [(await import('./commands/news.js')).newsCommand()],
  worker: async () => [(await import('./commands/worker.js')).workerCommand()],
  inventory: async () => [(await import('./commands/inventory.js')).inventoryCommand()],
  watch: async () => [(await import('./commands/watch.js')).watchCommand()],
  report: async () => [(await import('./commands/report.js')).reportCommand()],
};

// A reader that stops early (`covered scan … | head`) is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

const requested = process.argv[2];
const needed = requested && COMMANDS[requested] ? [COMMANDS[requested]] : Object.values(COMMANDS);
const commands = (await Promise.all(needed.map((load) => load()))).flat();

const program = new Command('covered')
  .description('Screen suppliers, devices, apps, software and holdings against technology restrictions, as of any date.')
  .version(packageVersion())
  .showHelpAfterError('(add --help for usage)')
  .exitOverride()
  .addHelpText('after', '\nExit codes: 0 ok; 1 findings at or above --fail-on (scan), or problems (kb validate); 2 usage or input error.');
for (const command of commands) program.addCommand(command);

for (const cmd of program.commands) {
  cmd.exitOverride();
  for (const sub of cmd.commands) sub.exitOverride();
}

try {
  await program.parseAsync(process.argv);
} catch (e) {
  if (e instanceof CommanderError) {
    // Help and version are not errors; commander has already printed its message.
    process.exitCode = e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.exitCode === 0 ? EXIT.ok : EXIT.usage;
  } else if (e instanceof UsageError || e instanceof KnowledgeBaseError || (e instanceof Error && e.name === 'NameIndexCacheError')) {
    // A damaged name-index cache is found as its pages are read, so in the middle of a command.
    process.stderr.write(`covered: ${e.message}\n`);
    process.exitCode = EXIT.usage;
  } else {
    // The stack helps a developer, not a user: shown with COVERED_DEBUG=1.
    const detail = process.env.COVERED_DEBUG ? ((e as Error).stack ?? String(e)) : `${(e as Error).message ?? String(e)} (COVERED_DEBUG=1 shows where)`;
    process.stderr.write(`covered: internal error: ${detail}\n`);
    process.exitCode = 70;
  }
}
