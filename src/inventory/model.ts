/**
 * Inventories, their versions and what changed between versions, and notification rules and
 * deliveries, as the API serves them and the web UI reads them (one definition for both).
 */

export type ChangeKind = 'new' | 'changed' | 'resolved';
export const CHANGE_KINDS: readonly ChangeKind[] = ['new', 'changed', 'resolved'];

/** Why a version was made: an upload, the scheduled re-read of the inventory's source, or a new knowledge base. */
export type VersionReason = 'upload' | 'schedule' | 'kb-update';

export interface FindingChange {
  kind: ChangeKind;
  key: string;
  measure: string;
  subject: string;
  severity: string;
  state: string;
  label: string;
  /** For `changed`: what differs (state, severity, the facts the finding rests on). */
  before?: { state: string; severity: string; basis: string };
}

export interface ChangeCounts {
  new: number;
  changed: number;
  resolved: number;
}

export interface InventoryVersionInfo {
  id: string;
  inventory: string;
  seq: number;
  scanId: string;
  /** The scan's status: the version's findings and changes are there once it is complete. */
  status: 'queued' | 'running' | 'complete' | 'failed';
  reason: VersionReason;
  fileSha256: string;
  kb: string;
  createdBy: string;
  createdAt: string;
  /** The version it was compared with (none for the first). */
  comparedTo?: string;
  changes?: ChangeCounts;
}

export interface InventoryInfo {
  id: string;
  name: string;
  /** A path or http(s) URL the server re-reads every `refreshMinutes`. */
  source?: string;
  refreshMinutes?: number;
  profile: string;
  includeHistorical: boolean;
  createdBy: string;
  createdAt: string;
  refreshedAt?: string;
  latest?: InventoryVersionInfo;
  /** The newest complete version: its scan holds the inventory's current findings. */
  current?: InventoryVersionInfo;
}

export type ChannelKind = 'webhook' | 'slack' | 'email';
export const CHANNEL_KINDS: readonly ChannelKind[] = ['webhook', 'slack', 'email'];

export interface RuleFilter {
  /** Inventory names; none: every inventory. */
  inventories?: string[];
  measures?: string[];
  severities?: string[];
  kinds?: ChangeKind[];
}

export interface NotificationRuleInfo {
  id: string;
  name: string;
  channel: ChannelKind;
  /** The URL (webhook, slack) or the e-mail addresses, comma-separated. */
  target: string;
  /** Whether a signing secret is set (it is never shown again). */
  signed: boolean;
  filter: RuleFilter;
  enabled: boolean;
  createdBy: string;
  createdAt: string;
}

export type DeliveryState = 'pending' | 'retrying' | 'delivered' | 'failed';

export interface DeliveryInfo {
  id: string;
  rule: string;
  channel?: ChannelKind;
  idempotencyKey: string;
  event: string;
  subject: string;
  state: DeliveryState;
  attempts: number;
  nextAttemptAt?: string;
  lastError?: string;
  createdAt: string;
  deliveredAt?: string;
}

/** The body of a notification about an inventory version (webhook JSON; the other channels render it). */
export interface ChangeNotification {
  event: 'inventory.changes';
  /** The idempotency key: the same for every attempt of one delivery. */
  id: string;
  inventory: string;
  version: number;
  reason: VersionReason;
  kb: string;
  scanId: string;
  counts: ChangeCounts;
  /** The changes the rule selected, at most 200; `truncated` when there were more. */
  changes: FindingChange[];
  truncated: boolean;
  createdAt: string;
}
