/**
 * Reading a version of the knowledge base for `covered kb diff`: a directory on disk, or the same
 * directory as committed at a git revision (`HEAD~3`, a tag, a commit).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { basename, relative, resolve } from 'node:path';
import type { DataFile } from './compile.js';
import { readDataFiles } from './files.js';

export class VersionError extends Error {
  override name = 'VersionError';
}

function git(cwd: string, args: string[]): { ok: boolean; out: string; err: string } {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (r.error) return { ok: false, out: '', err: r.error.message };
  return { ok: r.status === 0, out: r.stdout, err: r.stderr.trim() };
}

/** The files `readDataFiles` reads: YAML directly inside sources/, groups/, measures/, profiles/; JSON inside generated/. */
const DATA_FILE = /^(?:(?:sources|groups|measures|profiles)\/[^/]+\.ya?ml|generated\/[^/]+\.json)$/;

/**
 * The data files of `spec`: a directory, or a git revision of `dataDir` (the knowledge base the
 * revision is read from). Paths are given as `readDataFiles` gives them, relative to the parent of
 * the directory, so that two versions compare file by file.
 */
export function readVersion(spec: string, dataDir: string): { label: string; files: DataFile[] } {
  if (existsSync(spec) && statSync(spec).isDirectory()) return { label: spec, files: readDataFiles(resolve(spec)) };
  const dir = resolve(dataDir);
  const top = git(dir, ['rev-parse', '--show-toplevel']);
  if (!top.ok) throw new VersionError(`"${spec}" is neither a directory nor a git revision (${dir} is not in a git repository)`);
  const commit = git(dir, ['rev-parse', '--verify', '--quiet', `${spec}^{commit}`]);
  if (!commit.ok) throw new VersionError(`"${spec}" is neither a directory nor a git revision`);
  const root = top.out.trim();
  const prefix = relative(root, dir).split('\\').join('/');
  const list = git(root, ['ls-tree', '-r', '--name-only', '--full-tree', commit.out.trim(), '--', prefix]);
  if (!list.ok) throw new VersionError(`cannot list ${prefix} at ${spec}: ${list.err}`);
  const inside = (p: string) => (prefix ? p.slice(prefix.length + 1) : p);
  const paths = list.out.split('\n').filter((p) => p && DATA_FILE.test(inside(p)));
  // One `git cat-file --batch` for every file: output is `<oid> blob <size>\n<bytes>\n` per request.
  const batch = spawnSync('git', ['cat-file', '--batch'], { cwd: root, input: paths.map((p) => `${commit.out.trim()}:${p}\n`).join(''), maxBuffer: 1024 * 1024 * 1024 });
  if (batch.status !== 0) throw new VersionError(`cannot read the knowledge base at ${spec}: ${batch.stderr.toString().trim()}`);
  const out = batch.stdout;
  const files: DataFile[] = [];
  let at = 0;
  for (const path of paths) {
    const eol = out.indexOf(0x0a, at);
    const header = out.subarray(at, eol).toString();
    const m = /^\S+ blob (\d+)$/.exec(header);
    if (!m) throw new VersionError(`cannot read ${path} at ${spec}: ${header}`);
    const size = Number(m[1]);
    files.push({ path: `${basename(dir)}/${inside(path)}`, text: out.subarray(eol + 1, eol + 1 + size).toString('utf8') });
    at = eol + 1 + size + 1;
  }
  return { label: `${spec} (${commit.out.trim().slice(0, 12)})`, files };
}
