/**
 * First sightings of listed hosts in a stream of look-ups. A host is screened once (its verdict
 * remembered in a bounded cache); a host with findings is reported the first time it is seen and
 * then remembered, also in a bounded cache, so memory stays constant however long the watch runs
 * (past that bound, a host not seen for a long time may be reported again).
 */
import type { Finding } from '../model/finding.js';
import type { Sighting } from '../model/item.js';
import type { ScreenOptions, ScreeningEngine } from '../screen/engine.js';
import { underListedDomain } from '../screen/sightings.js';
import { TwoGenerationCache } from '../screen/two-generation-cache.js';

export interface FirstSighting {
  host: string;
  client?: string;
  /** The log's timestamp as written there. */
  time?: string;
  /** Line in the stream (counted across rotations). */
  line: number;
  findings: Finding[];
}

export class FirstSightings {
  private readonly verdicts: TwoGenerationCache<string, Finding[] | null>;
  private readonly reported: TwoGenerationCache<string, true>;

  constructor(
    private readonly engine: ScreeningEngine,
    private readonly options: ScreenOptions,
    private readonly domains: ReadonlySet<string>,
    maxHosts = 100_000,
  ) {
    this.verdicts = new TwoGenerationCache(maxHosts);
    this.reported = new TwoGenerationCache(maxHosts);
  }

  /** For the log reader: keep only lines whose host is listed and not reported yet. */
  readonly wants = (host: string): boolean => this.reported.get(normalise(host)) === undefined && this.verdict(host) !== null;

  /** The first sightings among a chunk's kept sightings (a host twice in one chunk is reported once). */
  take(sightings: readonly Sighting[]): FirstSighting[] {
    const out: FirstSighting[] = [];
    for (const s of sightings) {
      const host = normalise(s.host);
      if (this.reported.get(host) !== undefined) continue;
      const findings = this.verdict(s.host);
      if (!findings) continue;
      this.reported.set(host, true);
      out.push({ host, ...(s.client !== undefined ? { client: s.client } : {}), ...(s.time !== undefined ? { time: s.time } : {}), line: s.line, findings });
    }
    return out;
  }

  private verdict(rawHost: string): Finding[] | null {
    const cached = this.verdicts.get(rawHost);
    if (cached !== undefined) return cached;
    const host = normalise(rawHost);
    let verdict: Finding[] | null = null;
    // Only hosts under a domain of the knowledge base (or outside ASCII, which the engine converts) can have findings.
    if (host.length > 0 && (underListedDomain(host, this.domains) || /[^\x00-\x7f]/.test(host))) {
      const result = this.engine.screen({ origin: { file: '', line: 0 }, fields: { host: [rawHost] }, label: rawHost }, this.options);
      if (result.status === 'screened' && result.findings.length > 0) verdict = result.findings;
    }
    this.verdicts.set(rawHost, verdict);
    return verdict;
  }
}

function normalise(host: string): string {
  const lower = host.toLowerCase();
  return lower.endsWith('.') ? lower.slice(0, -1) : lower;
}
