/**
 * Inventories that keep themselves screened. Each upload, each scheduled re-read of an
 * inventory's source, and each new knowledge base makes a new version, screened as a scan. When
 * the scan completes, the findings that changed since the previous version are recorded together
 * with the notifications the rules ask for (one transaction), and the notifications are queued.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { copyFile, mkdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Dispatcher } from '../notify/dispatcher.js';
import type { JobQueue, QueuedJob } from '../queue/queue.js';
import type { AuditLog } from '../store/audit.js';
import type { InventoriesTable, InventoryStore } from '../store/inventories.js';
import type { NotificationStore, OutboxTable } from '../store/notifications.js';
import { countChanges, diffFindings, selectChanges } from './changes.js';
import type { ChangeNotification, InventoryInfo, InventoryVersionInfo, RuleFilter, VersionReason } from './model.js';

/** The scan side, as the server provides it. */
export interface ScanPort {
  /** Where a new scan's file must be put before `submit`. */
  uploadPath(scanId: string): string;
  /** Copies a scan's kept file (from this machine or the database) to `to`. */
  copyFile(scanId: string, to: string): Promise<void>;
  submit(request: { id: string; path: string; fileName: string; asOf: string; profile: string; includeHistorical: boolean; actor: string }): Promise<unknown>;
  kbHash(): string;
  profiles(): string[];
}

export class InventoryError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
    readonly path?: string,
  ) {
    super(message);
  }
}

export interface NewInventory {
  name: string;
  source?: string;
  refreshMinutes?: number;
  profile?: string;
  includeHistorical?: boolean;
}

const NOTIFY_CHANGES = 200;
const NAME = /^[A-Za-z0-9][A-Za-z0-9._ -]{0,79}$/;

export class InventoryMonitor {
  constructor(
    private readonly inventories: InventoryStore,
    private readonly notifications: NotificationStore,
    private readonly audit: AuditLog,
    private readonly queue: JobQueue,
    private readonly dispatcher: Dispatcher,
    private readonly scans: ScanPort,
  ) {}

  async create(spec: NewInventory, actor: string): Promise<InventoryInfo> {
    if (!NAME.test(spec.name)) throw new InventoryError(400, 'an inventory name is 1 to 80 letters, digits, spaces, dots, dashes or underscores, starting with a letter or digit', 'body.name');
    if (await this.inventories.byName(spec.name)) throw new InventoryError(409, `an inventory named "${spec.name}" exists`, 'body.name');
    const profile = spec.profile ?? 'all';
    if (!this.scans.profiles().includes(profile)) throw new InventoryError(400, `unknown profile "${profile}"; profiles: ${this.scans.profiles().join(', ')}`, 'body.profile');
    if (spec.source && !/^https?:\/\//.test(spec.source) && !spec.source.startsWith('/')) throw new InventoryError(400, 'a source is an absolute path on the server or an http(s) URL', 'body.source');
    if (spec.refreshMinutes !== undefined && !spec.source) throw new InventoryError(400, 'a refresh interval needs a source to re-read', 'body.refreshMinutes');
    const row: InventoriesTable = {
      id: randomUUID(),
      name: spec.name,
      source: spec.source ?? null,
      refresh_minutes: spec.source ? (spec.refreshMinutes ?? 1440) : null,
      profile,
      include_historical: spec.includeHistorical ? 1 : 0,
      created_by: actor,
      created_at: new Date().toISOString(),
      refreshed_at: null,
    };
    await this.inventories.create(row);
    await this.audit.append(actor, 'inventory.create', spec.name, { source: spec.source, refreshMinutes: row.refresh_minutes, profile });
    return this.inventories.info(row);
  }

  async get(name: string): Promise<InventoriesTable> {
    const row = await this.inventories.byName(name);
    if (!row) throw new InventoryError(404, `no inventory named "${name}"`);
    return row;
  }

  async list(): Promise<InventoryInfo[]> {
    return Promise.all((await this.inventories.all()).map((row) => this.inventories.info(row)));
  }

  async delete(name: string, actor: string): Promise<void> {
    const row = await this.get(name);
    await this.inventories.delete(row.id);
    await this.audit.append(actor, 'inventory.delete', name, {});
  }

  /**
   * A new version from a file already on disk (moved into the uploads; the caller's file is gone
   * afterwards). Unknown inventories are created with the defaults.
   */
  async push(name: string, file: string, fileName: string, actor: string, reason: VersionReason = 'upload'): Promise<InventoryVersionInfo> {
    const inventory = (await this.inventories.byName(name)) ?? (await this.get((await this.create({ name }, actor)).name));
    const scanId = randomUUID();
    const path = this.scans.uploadPath(scanId);
    await mkdir(dirname(path), { recursive: true });
    await rename(file, path).catch(async () => {
      await copyFile(file, path);
      await rm(file, { force: true });
    });
    return this.addVersion(inventory, scanId, path, fileName, actor, reason);
  }

  private async addVersion(inventory: InventoriesTable, scanId: string, path: string, fileName: string, actor: string, reason: VersionReason): Promise<InventoryVersionInfo> {
    const sha = await sha256(path);
    const versionId = randomUUID();
    // The version is recorded before its scan, so that a scan completing at once finds it.
    const seq = await this.inventories.addVersion({ id: versionId, inventory_id: inventory.id, scan_id: scanId, reason, file_sha256: sha, kb_hash: this.scans.kbHash(), created_by: actor, created_at: new Date().toISOString() });
    await this.scans.submit({ id: scanId, path, fileName, asOf: today(), profile: inventory.profile, includeHistorical: Boolean(Number(inventory.include_historical)), actor });
    await this.audit.append(actor, 'inventory.version', inventory.name, { version: seq, scan: scanId, reason, sha256: sha });
    const [latest] = await this.inventories.versions(inventory.id, 1);
    return latest as InventoryVersionInfo;
  }

  /** After a scan completed: if it is an inventory's version, record what changed and queue the notifications. */
  async onScanComplete(scanId: string): Promise<void> {
    const version = await this.inventories.versionOfScan(scanId);
    if (!version) return;
    const inventory = await this.inventories.byId(version.inventory_id);
    if (!inventory) return;
    const previous = await this.inventories.previousComplete(inventory.id, Number(version.seq));
    const before = [];
    if (previous) for await (const d of this.inventories.digests(previous.scan_id)) before.push(d);
    const after = [];
    for await (const d of this.inventories.digests(scanId)) after.push(d);
    const changes = diffFindings(before, after);
    const counts = countChanges(changes);
    const outbox: OutboxTable[] = [];
    const now = new Date().toISOString();
    for (const rule of await this.notifications.enabledRules()) {
      const selected = selectChanges(changes, inventory.name, JSON.parse(rule.filter_json) as RuleFilter);
      if (selected.length === 0) continue;
      const key = createHash('sha256').update(`${rule.id}\n${version.id}`).digest('hex').slice(0, 32);
      const payload: ChangeNotification = {
        event: 'inventory.changes',
        id: key,
        inventory: inventory.name,
        version: Number(version.seq),
        reason: version.reason,
        kb: version.kb_hash,
        scanId,
        counts: countChanges(selected),
        changes: selected.slice(0, NOTIFY_CHANGES),
        truncated: selected.length > NOTIFY_CHANGES,
        createdAt: now,
      };
      outbox.push({ id: randomUUID(), rule_id: rule.id, idempotency_key: key, event: payload.event, subject: `${inventory.name} v${version.seq}`, payload_json: JSON.stringify(payload), state: 'pending', attempts: 0, next_attempt_at: now, last_error: null, created_at: now, delivered_at: null });
    }
    if (!(await this.inventories.recordChanges(version.id, previous?.id, changes, counts, outbox))) return;
    await this.audit.append('system', 'inventory.changes', inventory.name, { version: Number(version.seq), ...counts, notifications: outbox.length });
    await this.dispatcher.enqueue(outbox);
  }

  /** A new knowledge base: every inventory's latest version is screened again (one job each). */
  async rescreenAll(kbHash: string): Promise<void> {
    for (const inventory of await this.inventories.all()) {
      await this.queue.add('rescreen', { inventory: inventory.id, kb: kbHash }, { jobId: `rescreen-${inventory.id}-${kbHash.slice(0, 16)}`, attempts: 3, backoffMs: 5000 });
    }
  }

  async handleRescreen(job: QueuedJob): Promise<void> {
    const { inventory: id, kb } = job.data as { inventory: string; kb: string };
    // A worker still on another knowledge base leaves the job to one that has the new one.
    if (kb !== this.scans.kbHash()) throw new Error(`this worker runs knowledge base ${this.scans.kbHash().slice(0, 12)}, the job is for ${kb.slice(0, 12)}`);
    const inventory = await this.inventories.byId(id);
    if (!inventory) return;
    const [latest] = await this.inventories.versions(id, 1);
    if (!latest || latest.kb === kb) return;
    const scanId = randomUUID();
    const path = this.scans.uploadPath(scanId);
    await mkdir(dirname(path), { recursive: true });
    await this.scans.copyFile(latest.scanId, path);
    await this.addVersion(inventory, scanId, path, `${inventory.name} v${latest.seq}`, 'system', 'kb-update');
  }

  /** Queues a re-read of every inventory whose source is due; the job id makes this safe from several processes. */
  async scheduleRefreshes(now = Date.now()): Promise<void> {
    for (const inventory of await this.inventories.all()) {
      if (!inventory.source || !inventory.refresh_minutes) continue;
      const every = Number(inventory.refresh_minutes) * 60_000;
      const last = inventory.refreshed_at ? Date.parse(inventory.refreshed_at) : 0;
      if (now - last < every) continue;
      await this.queue.add('refresh', { inventory: inventory.id }, { jobId: `refresh-${inventory.id}-${Math.floor(now / every)}`, attempts: 3, backoffMs: 30_000 });
    }
  }

  /** Re-reads an inventory's source; a new version only when the content changed. */
  async handleRefresh(job: QueuedJob, tempDir: string): Promise<void> {
    const inventory = await this.inventories.byId((job.data as { inventory: string }).inventory);
    if (!inventory?.source) return;
    await mkdir(tempDir, { recursive: true });
    const file = join(tempDir, `refresh-${randomUUID()}`);
    try {
      if (/^https?:\/\//.test(inventory.source)) {
        const res = await fetch(inventory.source, { signal: AbortSignal.timeout(120_000) });
        if (!res.ok || !res.body) throw new Error(`HTTP ${res.status} from ${inventory.source}`);
        await pipeline(Readable.fromWeb(res.body as import('node:stream/web').ReadableStream), createWriteStream(file));
      } else {
        await stat(inventory.source);
        await copyFile(inventory.source, file);
      }
      const [latest] = await this.inventories.versions(inventory.id, 1);
      if (latest && latest.fileSha256 === (await sha256(file))) {
        await this.inventories.update(inventory.id, { refreshed_at: new Date().toISOString() });
        return;
      }
      await this.push(inventory.name, file, inventory.source.split('/').pop() || inventory.name, 'system', 'schedule');
      await this.inventories.update(inventory.id, { refreshed_at: new Date().toISOString() });
    } finally {
      await rm(file, { force: true });
    }
  }
}

async function sha256(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}
