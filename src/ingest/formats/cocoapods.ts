/**
 * CocoaPods, read as package URLs (pkg:cocoapods/NAME[@VERSION][#SUBSPEC], the subspec as the purl's
 * subpath): the pods a Podfile.lock installed (its PODS list), and the pods a Podfile declares.
 */
import type { Origin } from '../../model/item.js';
import { rowsOfLines } from './line-rows.js';
import { packageRow } from './purl-rows.js';
import type { RawRow, TextFormat } from './format.js';

/** "Bugly", "AlipaySDK-iOS/Core", "GoogleUtilities/NSData+zlib": a pod name has no space or "+" and does not begin with ".". */
const POD = /^([^\s/+.][^\s/+]*)(?:\/(\S+))?$/;

function podRow(origin: Origin, pod: string, version: string | undefined): RawRow {
  const match = POD.exec(pod);
  if (!match) return { origin, error: `"${pod}" is not a pod name (NAME or NAME/SUBSPEC, without spaces or "+" in NAME)` };
  return packageRow(origin, { type: 'cocoapods', name: match[1] as string, ...(version && { version }), ...(match[2] && { subpath: match[2] }) });
}

// ---- Podfile.lock --------------------------------------------------------------------------------

/**
 * Each pod of the PODS list, with the version installed: "  - Bugly (2.5.93)", "  - UMCommon
 * (7.4.2):" (its own dependencies follow, deeper, and are listed again at the top level). The other
 * sections (DEPENDENCIES, SPEC REPOS, SPEC CHECKSUMS …) repeat the same pods without versions.
 */
export const podfileLockFormat: TextFormat = {
  async *tables(text, context) {
    let section = '';
    yield {
      fixedColumns: { pod: 'purl' },
      rows: rowsOfLines(text, context.file, (line, origin) => {
        const heading = /^([A-Z][A-Z ]*):/.exec(line);
        if (heading) {
          section = heading[1] as string;
          return undefined;
        }
        if (section !== 'PODS' || !/^ {2}-/.test(line)) return undefined;
        const entry = /^ {2}- (["']?)(\S+) \(([^()\s]+)\)\1:?\s*$/.exec(line);
        if (!entry) return { origin, error: 'not an installed pod ("- NAME (VERSION)")' };
        return podRow(origin, entry[2] as string, entry[3]);
      }),
    };
  },
};

// ---- Podfile -------------------------------------------------------------------------------------

/** A requirement that names one version: "2.0.4" or "= 2.0.4"; "~> 2.0" and ">= 2" name none. */
const EXACT_POD_VERSION = /^(?:=\s*)?(\d[\w.-]*)$/;

/**
 * `pod 'WechatOpenSDK', '~> 2.0'`, `pod "AlipaySDK-iOS/Core"`: the pod, with its version when the
 * requirement names one exactly. A pod from a local `:path` is skipped: no index holds it.
 */
export const podfileFormat: TextFormat = {
  async *tables(text, context) {
    yield {
      fixedColumns: { pod: 'purl' },
      rows: rowsOfLines(text, context.file, (line, origin) => {
        const code = line.replace(/^((?:[^'"#]|'[^']*'|"[^"]*")*)#.*$/, '$1').trim();
        if (!/^pod\b/.test(code)) return undefined;
        const declaration = /^pod\s*\(?\s*(['"])([^'"]*)\1\s*(?:,\s*(['"])([^'"]*)\3)?(.*)$/.exec(code);
        if (!declaration) return { origin, error: 'the pod is not named by a string (pod \'NAME\', \'VERSION\')' };
        if (/:path\s*=>|\bpath:/.test(declaration[5] as string)) return undefined;
        const version = EXACT_POD_VERSION.exec((declaration[4] ?? '').trim())?.[1];
        return podRow(origin, declaration[2] as string, version);
      }),
    };
  },
};
