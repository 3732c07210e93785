/**
 * Downloading the official list files for `covered kb update --fetch`: where each is published, and
 * a download with a time limit, a size limit and a SHA-256 that can be checked against an expected
 * value. The only network access of the knowledge base, used only when asked for.
 */
import { createHash } from 'node:crypto';

export interface FetchSource {
  name: string;
  /** The `covered kb import` format the files are read with. */
  format: string;
  /** The main file and its companions, by role (OFAC's cons_alt.csv …). */
  urls: { main: string } & Record<string, string>;
  description: string;
}

export const FETCH_SOURCES: FetchSource[] = [
  {
    name: 'ofac-non-sdn',
    format: 'ofac-non-sdn',
    urls: {
      main: 'https://www.treasury.gov/ofac/downloads/consolidated/cons_prim.csv',
      alt: 'https://www.treasury.gov/ofac/downloads/consolidated/cons_alt.csv',
      add: 'https://www.treasury.gov/ofac/downloads/consolidated/cons_add.csv',
      comments: 'https://www.treasury.gov/ofac/downloads/consolidated/cons_comments.csv',
    },
    description: 'OFAC consolidated non-SDN list (NS-CMIC)',
  },
  {
    name: 'csl',
    format: 'csl-json',
    urls: { main: 'https://data.trade.gov/downloadable_consolidated_screening_list/v1/consolidated.json' },
    description: 'trade.gov Consolidated Screening List (every source list: Entity List, MEU, UVL, DPL, SDN, SSI, NS-CMIC …)',
  },
  {
    name: 'fcc-covered-list',
    format: 'fcc-covered-list',
    urls: { main: 'https://www.fcc.gov/supplychain/coveredlist' },
    description: 'FCC Covered List page',
  },
];

export class FetchError extends Error {
  override name = 'FetchError';
}

export interface DownloadOptions {
  timeoutMs: number;
  maxBytes: number;
  /** Refuse the file unless its SHA-256 (hex) is this. */
  sha256?: string;
}

export interface Downloaded {
  url: string;
  bytes: Buffer;
  sha256: string;
}

export async function download(url: string, options: DownloadOptions): Promise<Downloaded> {
  let response: Response;
  const signal = AbortSignal.timeout(options.timeoutMs);
  try {
    response = await fetch(url, { signal, redirect: 'follow', headers: { 'user-agent': 'covered (knowledge-base update)' } });
  } catch (e) {
    throw new FetchError(`${url}: ${describeFailure(e, options.timeoutMs)}`);
  }
  if (!response.ok) throw new FetchError(`${url}: HTTP ${response.status} ${response.statusText}`.trim());
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (declared > options.maxBytes) throw new FetchError(`${url}: ${declared} bytes is more than the limit of ${options.maxBytes}`);
  const chunks: Buffer[] = [];
  let size = 0;
  const hash = createHash('sha256');
  try {
    for await (const chunk of response.body ?? []) {
      const b = Buffer.from(chunk as Uint8Array);
      size += b.length;
      if (size > options.maxBytes) throw new FetchError(`${url}: more than the limit of ${options.maxBytes} bytes`);
      hash.update(b);
      chunks.push(b);
    }
  } catch (e) {
    if (e instanceof FetchError) throw e;
    throw new FetchError(`${url}: ${describeFailure(e, options.timeoutMs)}`);
  }
  const sha256 = hash.digest('hex');
  if (options.sha256 && options.sha256.toLowerCase() !== sha256) {
    throw new FetchError(`${url}: SHA-256 ${sha256} is not the expected ${options.sha256.toLowerCase()}`);
  }
  return { url, bytes: Buffer.concat(chunks), sha256 };
}

function describeFailure(e: unknown, timeoutMs: number): string {
  const err = e as Error & { cause?: { code?: string; message?: string } };
  if (err.name === 'TimeoutError' || err.name === 'AbortError') return `no complete answer within ${timeoutMs / 1000} s`;
  return err.cause?.code ?? err.cause?.message ?? err.message;
}
