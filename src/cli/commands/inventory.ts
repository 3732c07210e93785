/**
 * `covered inventory`: named inventories on a Covered server, through its API — push a new
 * version of a file, create one that the server re-reads from a path or URL, list them, and show
 * what changed in a version.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { Command, Option } from 'commander';
import type { FindingChange, InventoryInfo, InventoryVersionInfo } from '../../inventory/model.js';
import { EXIT, UsageError } from '../io.js';

interface ClientOptions {
  server: string;
  token?: string;
  format: 'text' | 'json';
}

class Client {
  constructor(private readonly opts: ClientOptions) {}

  async call<T>(path: string, init: RequestInit = {}): Promise<T> {
    const headers: Record<string, string> = { ...(this.opts.token ? { authorization: `Bearer ${this.opts.token}` } : {}), ...(typeof init.body === 'string' ? { 'content-type': 'application/json' } : {}) };
    let res: Response;
    try {
      res = await fetch(new URL(path, this.opts.server), { ...init, headers });
    } catch (e) {
      throw new UsageError(`cannot reach the Covered server at ${this.opts.server}: ${(e as Error).cause ? String((e as Error & { cause: Error }).cause.message) : (e as Error).message}`);
    }
    const body = (await res.json().catch(() => ({}))) as T & { error?: string };
    if (!res.ok) throw new UsageError(`${res.status}: ${body.error ?? res.statusText}`);
    return body;
  }
}

function clientOptions(cmd: Command): ClientOptions {
  return cmd.optsWithGlobals() as ClientOptions;
}

function withServer(cmd: Command): Command {
  return cmd
    .option('--server <url>', 'the Covered server (default COVERED_URL or http://127.0.0.1:8080)', process.env.COVERED_URL ?? 'http://127.0.0.1:8080')
    .option('--token <token>', 'API token (default COVERED_TOKEN)', process.env.COVERED_TOKEN)
    .addOption(new Option('--format <format>', 'output').choices(['text', 'json']).default('text'));
}

function print(format: 'text' | 'json', value: unknown, text: () => string): void {
  process.stdout.write(format === 'json' ? `${JSON.stringify(value, null, 2)}\n` : `${text()}\n`);
}

function versionLine(v: InventoryVersionInfo): string {
  const changes = v.changes ? `${v.changes.new} new, ${v.changes.changed} changed, ${v.changes.resolved} resolved` : v.status === 'failed' ? 'failed' : `${v.status}…`;
  return `${v.inventory} v${v.seq}  ${v.createdAt.slice(0, 19).replace('T', ' ')}  ${v.reason.padEnd(9)}  scan ${v.scanId}  ${changes}`;
}

function changeLine(c: FindingChange): string {
  return `${c.kind.toUpperCase().padEnd(8)} ${c.label} — ${c.measure} → ${c.subject} (${c.state}, ${c.severity})`;
}

export function inventoryCommand(): Command {
  const inventory = new Command('inventory').summary('named inventories on a Covered server: push versions, see what changed').description(
    'Named inventories kept on a Covered server (`covered serve`). Each push is a new version, screened as a\n' +
      'scan and compared with the version before: new, changed and resolved findings. The server screens every\n' +
      'inventory again when its knowledge base changes, and notifies the rules set under /api/notifications.',
  );

  inventory.addCommand(
    withServer(new Command('push'))
      .summary('upload a file as the next version of an inventory (created if new)')
      .argument('<name>', 'inventory name')
      .argument('<file>', 'inventory file (any format `covered scan` reads)')
      .option('--wait', 'wait until the version is screened; exit 1 when it has new or changed findings', false)
      .addHelpText('after', '\nExit codes: 0 pushed (with --wait: no new or changed findings); 1 with --wait: new or changed findings, or the scan failed; 2 usage error, server unreachable or refused.\nExample: covered inventory push suppliers suppliers.csv --wait')
      .action(async (name: string, file: string, opts: { wait: boolean }, cmd: Command) => {
        const o = clientOptions(cmd);
        const client = new Client(o);
        let bytes: Buffer;
        try {
          bytes = await readFile(file);
        } catch (e) {
          throw new UsageError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
        }
        const form = new FormData();
        form.set('file', new Blob([bytes]), basename(file));
        let version = await client.call<InventoryVersionInfo>(`/api/inventories/${encodeURIComponent(name)}/versions`, { method: 'POST', body: form });
        if (opts.wait) {
          process.stderr.write(`covered: ${name} v${version.seq} screening…\n`);
          for (;;) {
            const { versions } = await client.call<{ versions: InventoryVersionInfo[] }>(`/api/inventories/${encodeURIComponent(name)}/versions?limit=50`);
            version = versions.find((v) => v.id === version.id) ?? version;
            if (version.changes || version.status === 'failed') break;
            await new Promise((resolve) => setTimeout(resolve, 500));
          }
        }
        print(o.format, version, () => versionLine(version));
        if (opts.wait && (version.status === 'failed' || (version.changes && version.changes.new + version.changes.changed > 0))) process.exitCode = EXIT.findings;
      }),
  );

  inventory.addCommand(
    withServer(new Command('create'))
      .summary('create an inventory, optionally re-read by the server from a path or URL on a schedule')
      .argument('<name>', 'inventory name')
      .option('--source <path-or-url>', 'an absolute path on the server, or an http(s) URL, re-read on a schedule')
      .option('--refresh-minutes <n>', 'how often the source is re-read (default 1440: daily)', (v) => Number(v))
      .option('--profile <id>', 'screening profile', 'all')
      .addHelpText('after', '\nExit codes: 0 created; 2 usage error, server unreachable or refused (409: the name exists).')
      .action(async (name: string, opts: { source?: string; refreshMinutes?: number; profile: string }, cmd: Command) => {
        const o = clientOptions(cmd);
        const body = { name, profile: opts.profile, ...(opts.source ? { source: opts.source } : {}), ...(opts.refreshMinutes !== undefined ? { refreshMinutes: opts.refreshMinutes } : {}) };
        const created = await new Client(o).call<InventoryInfo>('/api/inventories', { method: 'POST', body: JSON.stringify(body) });
        print(o.format, created, () => `created ${created.name}${created.source ? `, re-read from ${created.source} every ${created.refreshMinutes} minutes` : ''}`);
      }),
  );

  inventory.addCommand(
    withServer(new Command('list'))
      .summary('inventories with their current version')
      .addHelpText('after', '\nExit codes: 0 ok; 2 server unreachable or refused.')
      .action(async (_opts: unknown, cmd: Command) => {
        const o = clientOptions(cmd);
        const { inventories } = await new Client(o).call<{ inventories: InventoryInfo[] }>('/api/inventories');
        print(o.format, inventories, () => (inventories.length ? inventories.map((i) => (i.latest ? versionLine(i.latest) : `${i.name}  (no version yet)`)).join('\n') : 'no inventories'));
      }),
  );

  inventory.addCommand(
    withServer(new Command('changes'))
      .summary('the new, changed and resolved findings of a version (default: the current one)')
      .argument('<name>', 'inventory name')
      .option('--number <n>', 'version number', (v) => Number(v))
      .option('--limit <n>', 'at most this many changes', (v) => Number(v), 1000)
      .addHelpText('after', '\nExit codes: 0 ok; 2 usage error, server unreachable, unknown inventory or version.')
      .action(async (name: string, opts: { number?: number; limit: number }, cmd: Command) => {
        const o = clientOptions(cmd);
        const q = new URLSearchParams({ limit: String(opts.limit), ...(opts.number ? { version: String(opts.number) } : {}) });
        const r = await new Client(o).call<{ version: InventoryVersionInfo; total: number; changes: FindingChange[] }>(`/api/inventories/${encodeURIComponent(name)}/changes?${q}`);
        print(o.format, r, () => [versionLine(r.version), ...r.changes.map(changeLine), ...(r.total > r.changes.length ? [`… ${r.total - r.changes.length} more (--limit)`] : [])].join('\n'));
      }),
  );
  return inventory;
}
