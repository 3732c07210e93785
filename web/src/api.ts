/** The API client: JSON over fetch, with the API token (if one is set) and readable errors. */

import type { EntityDossier, GroupGraph, ListingView } from '../../src/model/dossier.js';
import type { EntitySummary, Finding, PathStep } from '../../src/model/finding.js';
import type { StoredAlert, StoredProposal } from '../../src/model/news.js';
import type { FindingDisposition, ScanInfo, StoredFinding } from '../../src/model/scan.js';
import type { AssetIdentity } from '../../src/model/item.js';

/** The server's own types, not copies: a change to the report contract shows here at compile time. */
export type { Finding, ListingView, PathStep };
export type Entity = EntitySummary;
export type { StoredFinding };
export type Scan = ScanInfo;
export type Disposition = FindingDisposition;

const TOKEN_KEY = 'covered.token';

export function getToken(): string {
  return localStorage.getItem(TOKEN_KEY) ?? '';
}
export function setToken(token: string): void {
  if (token) localStorage.setItem(TOKEN_KEY, token);
  else localStorage.removeItem(TOKEN_KEY);
}

export function authHeaders(): Record<string, string> {
  const token = getToken();
  return token ? { authorization: `Bearer ${token}` } : {};
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export async function api<T>(path: string, init: RequestInit = {}): Promise<T> {
  const headers: Record<string, string> = { ...authHeaders(), ...(init.body && typeof init.body === 'string' ? { 'content-type': 'application/json' } : {}) };
  const res = await fetch(path, { ...init, headers: { ...headers, ...(init.headers as Record<string, string> | undefined) } });
  if (res.status === 401) window.dispatchEvent(new Event('covered:unauthorised'));
  if (!res.ok) {
    let message = `${res.status} ${res.statusText}`;
    try {
      const body = (await res.json()) as { error?: string };
      if (body.error) message = body.error;
    } catch {
      // Not JSON: keep the status line.
    }
    throw new ApiError(res.status, message);
  }
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

/** Uploads with progress (fetch has no upload progress; XMLHttpRequest does). */
export function upload(form: FormData, onProgress: (fraction: number) => void): Promise<Scan> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/scans');
    for (const [k, v] of Object.entries(authHeaders())) xhr.setRequestHeader(k, v);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onload = () => {
      let body: { error?: string } & Scan;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        return reject(new ApiError(xhr.status, xhr.statusText));
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body);
      else reject(new ApiError(xhr.status, body.error ?? xhr.statusText));
    };
    xhr.onerror = () => reject(new ApiError(0, 'the upload failed (network error)'));
    xhr.send(form);
  });
}

/** Downloads an API resource (with the token) as a file. */
export async function download(path: string, fileName: string): Promise<void> {
  const res = await fetch(path, { headers: authHeaders() });
  if (!res.ok) throw new ApiError(res.status, `download failed: ${res.status}`);
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The asset a row describes. */
export type Asset = AssetIdentity;
export const ASSET_LABELS: Record<keyof Asset, string> = { tag: 'Asset tag', hostname: 'Hostname', ip: 'IP', owner: 'Owner', site: 'Site', serial: 'Serial number', costCentre: 'Cost centre', country: 'Country' };

/** An input row with the findings that matched the filters (GET /api/scans/:id/items). */
export interface ItemWithFindings {
  idx: number;
  origin: { file: string; line: number; sheet?: string };
  label: string;
  asset?: Asset;
  findings: StoredFinding[];
}

export interface RejectedRow {
  idx: number;
  origin: { file: string; line: number; sheet?: string };
  label: string;
  error: string;
  asset?: Asset;
}

export interface DispositionEvent {
  state: Disposition['state'] | 'cleared';
  reason: string;
  decidedBy: string;
  decidedAt: string;
  findingId?: number;
  scanId?: string;
}

export function decideFindings(ids: number[], state: Disposition['state'], reason: string): Promise<{ decided: number; findings: StoredFinding[] }> {
  return api('/api/findings/dispositions', { method: 'POST', body: JSON.stringify({ ids, state, reason }) });
}

export type Facets = Record<'measure' | 'group' | 'state' | 'severity' | 'kind' | 'owner' | 'site' | 'disposition', Record<string, number>> & {
  /** Display names for the measure and group ids. */
  labels?: { measure: Record<string, string>; group: Record<string, string> };
};

export interface TimelineEvent {
  date: string;
  status: string;
  note?: string;
}

export interface MeasureInfo {
  id: string;
  short: string;
  title: string;
  jurisdiction: string;
  kind: string;
  state: string;
  timeline: TimelineEvent[];
  listings: number;
}

/** An organisation or product as of a date, with its group's graph (GET /api/organisations/{id}). */
export type Dossier = EntityDossier & { asOf: string; groupGraph: GroupGraph };

/** A proposal for the knowledge base from a news event, as listed by /api/news/proposals. */
export type NewsProposal = StoredProposal;
export type NewsAlert = StoredAlert;

export function acceptNewsProposal(id: string, reason: string): Promise<{ proposal: NewsProposal; draftFile: string; draftYaml: string }> {
  return api(`/api/news/proposals/${encodeURIComponent(id)}/accept`, { method: 'POST', body: JSON.stringify(reason.trim() ? { reason: reason.trim() } : {}) });
}

export function rejectNewsProposal(id: string, reason: string): Promise<{ proposal: NewsProposal }> {
  return api(`/api/news/proposals/${encodeURIComponent(id)}/reject`, { method: 'POST', body: JSON.stringify({ reason }) });
}

export function submitNewsArticle(article: { text: string; published?: string; title?: string; url?: string }): Promise<{ proposals: NewsProposal[]; alerts: NewsAlert[]; events: unknown[]; saved: { events: number; proposals: number; alerts: number }; warnings: string[] }> {
  return api('/api/news/articles', { method: 'POST', body: JSON.stringify(article) });
}
