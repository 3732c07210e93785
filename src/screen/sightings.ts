/**
 * Screening logs: millions of lines name a few thousand distinct hosts, and only hosts under a
 * domain of the knowledge base can lead to a finding. Each line costs a walk up the host's labels
 * in a set of listed domains; a host under one is screened once by the engine (and remembered,
 * within a bound), and its sightings are aggregated per file, client and host: count, first and
 * last line, first and last time seen. Memory grows with the distinct (client, host) pairs that
 * have findings, never with the number of lines.
 */
import type { KnowledgeBase } from '../kb/model.js';
import type { Finding, ItemResult, Occurrences } from '../model/finding.js';
import type { Sighting } from '../model/item.js';
import type { ScreenOptions, ScreeningEngine } from './engine.js';
import { TwoGenerationCache } from './two-generation-cache.js';

/** Hosts whose verdict is remembered (up to twice this); others are recomputed when seen again. */
const VERDICT_CACHE_ENTRIES = 100_000;

interface Aggregate {
  file: string;
  host: string;
  client?: string;
  firstLine: number;
  lastLine: number;
  count: number;
  firstTime?: string;
  lastTime?: string;
  findings: Finding[];
  isoTime?: (raw: string) => string;
}

/** The domains of every product of the knowledge base, as the resolver's domain index holds them. */
export function listedDomains(kb: KnowledgeBase): Set<string> {
  const domains = new Set<string>();
  for (const product of Object.values(kb.products)) {
    for (const domain of product.domains ?? []) domains.add(domain.toLowerCase().replace(/^\*?\./, '').replace(/\.$/, ''));
  }
  return domains;
}

export class SightingScreen {
  private readonly verdicts = new TwoGenerationCache<string, Finding[] | null>(VERDICT_CACHE_ENTRIES);
  private readonly aggregates = new Map<string, Aggregate>();
  /** Lines with a host, screened. */
  sightings = 0;

  constructor(
    private readonly engine: ScreeningEngine,
    private readonly options: ScreenOptions,
    private readonly domains: ReadonlySet<string>,
  ) {}

  /** Whether a host leads to findings; the reader keeps only these lines (the others are just counted). */
  readonly wants = (host: string): boolean => this.verdict(host) !== null;

  /** A chunk of a log: the sightings read, and `seen` lines whose host `wants` turned down. */
  add(file: string, sightings: readonly Sighting[], seen = 0, isoTime?: (raw: string) => string): void {
    this.sightings += sightings.length + seen;
    for (const sighting of sightings) {
      const findings = this.verdict(sighting.host);
      if (findings) this.aggregate(file, sighting, findings, isoTime);
    }
  }

  /** Aggregated results of one file, in the order of their first line; the file's aggregates are released. */
  take(file: string): ItemResult[] {
    const results: ItemResult[] = [];
    for (const [key, aggregate] of this.aggregates) {
      if (aggregate.file !== file) continue;
      this.aggregates.delete(key);
      results.push(toResult(aggregate));
    }
    return results.sort((a, b) => a.origin.line - b.origin.line);
  }

  /** The host's findings, or null when it has none. */
  private verdict(rawHost: string): Finding[] | null {
    const cached = this.verdicts.get(rawHost);
    if (cached !== undefined) return cached;
    let verdict: Finding[] | null = null;
    const host = normaliseHost(rawHost);
    // Hosts with characters outside ASCII go to the engine, which converts them to punycode.
    if (host.length > 0 && (underListedDomain(host, this.domains) || !isAscii(host))) {
      const result = this.engine.screen({ origin: { file: '', line: 0 }, fields: { host: [rawHost] }, label: rawHost }, this.options);
      if (result.status === 'screened' && result.findings.length > 0) verdict = result.findings;
    }
    this.verdicts.set(rawHost, verdict);
    return verdict;
  }

  private aggregate(file: string, sighting: Sighting, findings: Finding[], isoTime: ((raw: string) => string) | undefined): void {
    const host = normaliseHost(sighting.host);
    const key = `${file}\0${sighting.client ?? ''}\0${host}`;
    const aggregate = this.aggregates.get(key);
    if (aggregate) {
      // Parts of a file read in parallel arrive in any order: first and last go by line.
      aggregate.count++;
      if (sighting.line > aggregate.lastLine) {
        aggregate.lastLine = sighting.line;
        if (sighting.time !== undefined) aggregate.lastTime = sighting.time;
      } else if (sighting.line < aggregate.firstLine) {
        aggregate.firstLine = sighting.line;
        if (sighting.time !== undefined) aggregate.firstTime = sighting.time;
      }
      return;
    }
    const created: Aggregate = { file, host, firstLine: sighting.line, lastLine: sighting.line, count: 1, findings };
    if (sighting.client !== undefined) created.client = sighting.client;
    if (sighting.time !== undefined) created.firstTime = created.lastTime = sighting.time;
    if (isoTime) created.isoTime = isoTime;
    this.aggregates.set(key, created);
  }
}

function toResult(aggregate: Aggregate): ItemResult {
  const time = (raw: string | undefined) => (raw === undefined ? undefined : aggregate.isoTime ? aggregate.isoTime(raw) : raw);
  const occurrences: Occurrences = { count: aggregate.count, lastLine: aggregate.lastLine };
  if (aggregate.client !== undefined) occurrences.client = aggregate.client;
  const firstSeen = time(aggregate.firstTime);
  const lastSeen = time(aggregate.lastTime);
  if (firstSeen !== undefined) occurrences.firstSeen = firstSeen;
  if (lastSeen !== undefined) occurrences.lastSeen = lastSeen;
  return {
    origin: { file: aggregate.file, line: aggregate.firstLine },
    label: aggregate.host,
    status: 'screened',
    findings: aggregate.findings,
    occurrences,
  };
}

function normaliseHost(host: string): string {
  const lower = host.toLowerCase();
  return lower.endsWith('.') ? lower.slice(0, -1) : lower;
}

/** True when the host equals a listed domain or lies under one. */
export function underListedDomain(host: string, domains: ReadonlySet<string>): boolean {
  let candidate = host;
  for (;;) {
    if (domains.has(candidate)) return true;
    const dot = candidate.indexOf('.');
    if (dot < 0) return false;
    candidate = candidate.slice(dot + 1);
  }
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 127) return false;
  return true;
}
