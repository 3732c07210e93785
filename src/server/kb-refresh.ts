/**
 * The scheduled knowledge-base refresh: `covered kb update --fetch` on the server's own
 * knowledge-base directory, run as a child process (the same code path and safeguards as on the
 * command line — a shrunken or broken list is refused and the last good knowledge base kept — and
 * the import's heavy work off the server's event loop).
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface KbRefreshSettings {
  /** The knowledge-base directory the update writes (never the bundled one). */
  kbDir: string;
  /** Hours between refreshes. */
  everyHours: number;
  /** More `kb update` options, e.g. `--url csl=https://mirror.internal/consolidated.json`. */
  args?: string[];
}

export interface KbRefreshOutcome {
  exitCode: number | null;
  sources: { source: string; status: string; message?: string; summary?: Record<string, number> }[];
  /** Standard error of the update, its last lines, when it failed. */
  error?: string;
}

const CLI = fileURLToPath(new URL(`../cli/main${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url));

export function runKbUpdate(settings: KbRefreshSettings): Promise<KbRefreshOutcome> {
  const runtime = CLI.endsWith('.ts') ? ['--import', 'tsx'] : [];
  const child = spawn(process.execPath, [...runtime, CLI, 'kb', 'update', '--fetch', '--kb', settings.kbDir, '--format', 'json', ...(settings.args ?? [])], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
  return new Promise((resolve) => {
    child.on('error', (e) => resolve({ exitCode: null, sources: [], error: e.message }));
    child.on('close', (exitCode) => {
      let sources: KbRefreshOutcome['sources'] = [];
      try {
        sources = (JSON.parse(stdout) as KbRefreshOutcome['sources']).map(({ source, status, message, summary }) => ({ source, status, ...(message ? { message } : {}), ...(summary ? { summary } : {}) }));
      } catch {
        // no report: the update stopped before (usage error); its standard error says why
      }
      resolve({ exitCode, sources, ...(exitCode !== 0 ? { error: stderr.trim().split('\n').slice(-5).join('\n') } : {}) });
    });
  });
}
