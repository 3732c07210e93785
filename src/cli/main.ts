#!/usr/bin/env node
/**
 * `covered`: screen an organisation's technology against national-security restrictions on
 * technology companies, as of any date, with the evidence for every finding.
 */
import { Command, CommanderError } from 'commander';
import { KnowledgeBaseError } from '../kb/files.js';
import { scanCommand } from './commands/scan.js';
import { matchCommand } from './commands/match.js';
import { explainCommand, lookupCommand } from './commands/lookup.js';
import { kbCommand, profilesCommand } from './commands/kb.js';
import { EXIT, UsageError } from './io.js';
import { packageVersion } from '../kb/files.js';

const program = new Command('covered')
  .description('Screen suppliers, devices, apps, software and holdings against technology restrictions, as of any date.')
  .version(packageVersion())
  .showHelpAfterError('(add --help for usage)')
  .exitOverride()
  .addHelpText('after', '\nExit codes: 0 ok; 1 findings at or above --fail-on (scan), or problems (kb validate); 2 usage or input error.')
  .addCommand(scanCommand())
  .addCommand(matchCommand())
  .addCommand(lookupCommand())
  .addCommand(explainCommand())
  .addCommand(kbCommand())
  .addCommand(profilesCommand());

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
  } else if (e instanceof UsageError || e instanceof KnowledgeBaseError) {
    process.stderr.write(`covered: ${e.message}\n`);
    process.exitCode = EXIT.usage;
  } else {
    process.stderr.write(`covered: internal error: ${(e as Error).stack ?? String(e)}\n`);
    process.exitCode = 70;
  }
}
