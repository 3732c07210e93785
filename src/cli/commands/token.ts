import { Command, InvalidArgumentError, Option } from 'commander';
import type { StoreFlags } from '../../server/config.js';
import { AuditLog } from '../../store/audit.js';
import type { Role } from '../../store/schema.js';
import { ROLES, TokenStore } from '../../store/tokens.js';
import { UsageError, write } from '../io.js';
import { storeFlags, withStore } from '../store.js';


export function tokenCommand(): Command {
  const token = new Command('token').summary('create, list and revoke API tokens for `covered serve`').description('API tokens for the server; stored hashed, shown once.');
  storeFlags(
    token
      .command('create')
      .description('create a token and print it (it is shown only this once)')
      .requiredOption('--name <name>', 'who or what uses it, e.g. "ci" or "alice"')
      .addOption(new Option('--role <role>', 'viewer reads; analyst also scans and decides dispositions; admin also reads the audit log and deletes scans').choices(ROLES).default('viewer'))
      .addOption(new Option('--format <format>').choices(['text', 'json']).default('text')),
  ).action(async (opts: StoreFlags & { name: string; role: Role; format: 'text' | 'json' }) => {
    if (!opts.name.trim()) throw new InvalidArgumentError('--name must not be empty');
    await withStore(opts, async (store) => {
      const { token: secret, info } = await new TokenStore(store).create(opts.name.trim(), opts.role);
      await new AuditLog(store).append('cli', 'token.create', info.id, { name: info.name, role: info.role });
      if (opts.format === 'json') write(`${JSON.stringify({ ...info, token: secret }, null, 2)}\n`);
      else write(`${secret}\n`);
      process.stderr.write(`covered: token ${info.id.slice(0, 8)} "${info.name}" (${info.role}) created; store it now, it cannot be shown again\n`);
    });
  });
  storeFlags(token.command('list').description('list tokens (never the secrets)').addOption(new Option('--format <format>').choices(['table', 'json']).default('table'))).action(
    async (opts: StoreFlags & { format: 'table' | 'json' }) => {
      await withStore(opts, async (store) => {
        const tokens = await new TokenStore(store).list();
        if (opts.format === 'json') return write(`${JSON.stringify(tokens, null, 2)}\n`);
        if (tokens.length === 0) return write('No tokens.\n');
        write(tokens.map((t) => `${t.id.slice(0, 8)}  ${t.role.padEnd(7)}  ${t.name}  created ${t.createdAt}${t.revokedAt ? `  REVOKED ${t.revokedAt}` : ''}${t.lastUsedAt ? `  last used ${t.lastUsedAt}` : ''}`).join('\n') + '\n');
      });
    },
  );
  storeFlags(token.command('revoke').description('revoke a token by its id (or the first characters shown by `token list`)').argument('<id>')).action(async (id: string, opts: StoreFlags) => {
    await withStore(opts, async (store) => {
      const revoked = await new TokenStore(store).revoke(id);
      if (!revoked) throw new UsageError(`no single token with id "${id}"`);
      await new AuditLog(store).append('cli', 'token.revoke', revoked.id, { name: revoked.name, role: revoked.role });
      write(`Revoked ${revoked.id.slice(0, 8)} "${revoked.name}".\n`);
    });
  });
  token.addHelpText('after', '\nExit codes: 0 ok; 2 usage error or database unreachable.\nExample: covered token create --name ci --role analyst');
  return token;
}
