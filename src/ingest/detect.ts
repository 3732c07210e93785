/**
 * Recognising an export from its first characters: the tool that wrote it leaves a signature (an
 * XML root, a JSON property, a header line, or a line shape that most lines share). What is none
 * of these is a table (CSV/TSV, JSON, JSON Lines) whose columns are recognised later.
 */

import { isKnownHeader, valueShapes } from './columns.js';

/** Every input format, with a line for `--help` and the documentation. */
export const INPUT_FORMATS = {
  csv: 'delimited text (comma, semicolon, tab or pipe), with or without a header; one value per line',
  tsv: 'tab-separated text',
  whitespace: 'text in columns separated by spaces, such as a DNS log written as "timestamp client qname"',
  json: 'a JSON array of objects, or an object holding one',
  jsonl: 'JSON Lines: one object per line',
  xlsx: 'Excel workbook (every sheet)',
  'cyclonedx-json': 'CycloneDX SBOM, JSON (1.2–1.6)',
  'cyclonedx-xml': 'CycloneDX SBOM, XML (1.2–1.6)',
  'spdx-json': 'SPDX 2.x SBOM, JSON',
  'spdx-tag-value': 'SPDX 2.x SBOM, tag-value',
  'nmap-xml': 'nmap XML output (-oX)',
  arp: 'arp -a output (Linux, BSD/macOS, Windows)',
  'ip-neigh': 'ip neigh output',
  'dhcpd-leases': 'ISC dhcpd leases file',
  'dnsmasq-leases': 'dnsmasq leases file',
  'zeek-tsv': 'Zeek dns.log, ssl.log or http.log (TSV with #fields header)',
  'zeek-json': 'Zeek dns.log, ssl.log or http.log (JSON, one object per line)',
  'bind-querylog': 'BIND query log',
  'dnsmasq-log': 'dnsmasq / Pi-hole query log',
  'unbound-log': 'Unbound query or reply log (log-queries, log-replies)',
  'coredns-log': 'CoreDNS log plugin output',
  'windows-dns-log': 'Windows DNS Server debug log (packets)',
  'squid-log': 'Squid access log (native format)',
  'adb-packages': 'adb shell pm list packages output',
  'pip-requirements': 'pip requirements file (NAME==VERSION per line)',
  'go-mod': 'Go go.mod or go.sum',
  'npm-lockfile': 'npm package-lock.json (lockfileVersion 1–3)',
  gradle: 'Gradle build script (build.gradle, build.gradle.kts): its dependencies blocks',
  'gradle-lockfile': 'Gradle dependency lock file (gradle.lockfile)',
  'gradle-version-catalog': 'Gradle version catalog (gradle/libs.versions.toml)',
  'maven-pom': 'Maven pom.xml',
  'podfile-lock': 'CocoaPods Podfile.lock',
  podfile: 'CocoaPods Podfile',
  'yarn-lock': 'Yarn yarn.lock (v1, and Berry from Yarn 2 on)',
  'pnpm-lock': 'pnpm pnpm-lock.yaml (lockfile 5–9)',
} as const;

export type InputFormat = keyof typeof INPUT_FORMATS;
export const INPUT_FORMAT_IDS = Object.keys(INPUT_FORMATS) as InputFormat[];

/** How many lines decide a line-shape format. */
const SAMPLE_LINES = 50;
/** The share of sampled lines that must have the shape. */
const MAJORITY = 0.6;

const LINE_SHAPES: [InputFormat, RegExp][] = [
  ['adb-packages', /^package:\S+/],
  ['dnsmasq-leases', /^\d{9,11} (?:[0-9a-f]{2}(?::[0-9a-f]{2}){5}|\d+) \S+ \S+ \S+$/i],
  ['arp', /^\S+ \([0-9a-f.:]+\) at (?:[0-9a-f]{1,2}(?::[0-9a-f]{1,2}){5}|<incomplete>|\(incomplete\))|^\s*\d{1,3}(?:\.\d{1,3}){3}\s+[0-9a-f]{2}(?:-[0-9a-f]{2}){5}\s+(?:dynamic|static)|^Interface: |^\s*Internet Address\s+Physical Address/i],
  ['ip-neigh', /^\S+ dev \S+ (?:lladdr \S+ )?(?:router |proxy )?[A-Z]+/],
  ['bind-querylog', /client (?:@\S+ )?\S+#\d+.*: query: \S+ \S+ \S+/],
  ['dnsmasq-log', /dnsmasq\[\d+\]: /],
  ['unbound-log', /unbound(?:\[[\d:]+\])?:? (?:\[[\d:]+\] )?info: /],
  ['coredns-log', /\[(?:INFO|DEBUG|WARNING|ERROR)\] (?:plugin\/log: )?\S+:\d+ - \d+ "\S+ \S+ \S+ /],
  ['windows-dns-log', / PACKET\s+[0-9A-Fa-f]+\s+(?:UDP|TCP)\s+(?:Rcv|Snd)\s/],
  ['squid-log', /^\d{9,10}\.\d{3}\s+-?\d+ \S+ [A-Z_]+\/\d{3} \d+ \S+ \S+/],
  ['go-mod', /^\S+ v\S+ h1:\S+=$/],

];

/** "requests==2.31.0", "Flask[async]~=3.0": a requirement pinned or bounded by a version. */
const REQUIREMENT_LINE = /^[A-Za-z0-9][A-Za-z0-9._-]*(?:\[[^\]]*\])?\s*(?:===?|~=|>=|<=)\s*[\w.*+!-]+\s*(?:[,;#].*)?$/;
/** What else a requirements file holds: options for pip (-r, --index-url) and URLs or paths of packages. */
const REQUIREMENT_EXTRA = /^(?:-|(?:git|hg|svn|bzr)\+|https?:\/\/|file:|\.{0,2}\/)/;

/** Most lines are versioned requirements, the rest pip's options and package URLs or paths. */
function isRequirementsFile(lines: string[]): boolean {
  const requirements = lines.filter((line) => REQUIREMENT_LINE.test(line.trim())).length;
  const extras = lines.filter((line) => REQUIREMENT_EXTRA.test(line.trim())).length;
  return requirements > 0 && requirements + extras >= lines.length * MAJORITY && requirements >= (lines.length - extras) * MAJORITY;
}

/** The share of sampled lines that must agree before text is taken as space-separated columns. */
const COLUMN_AGREEMENT = 0.8;

/**
 * Whether the lines are columns separated by runs of spaces: no other delimiter in most lines, the
 * same number (two or more) of space-separated fields in most lines, and a column whose values
 * have the shape of a host, MAC, app id or other identifier (or a first line naming a known
 * column). A plain list of company names ("ZTE Corporation", "Huawei Technologies Co Ltd") has
 * varying field counts and stays a one-column table.
 */
export function isWhitespaceTable(lines: string[], knownHeader: (cell: string) => boolean, shaped: (value: string) => boolean): boolean {
  if (lines.length < 2) return false;
  if (lines.filter((line) => /[,;\t|]/.test(line.trim())).length >= lines.length * (1 - COLUMN_AGREEMENT)) return false;
  const rows = lines.map((line) => line.trim().split(/\s+/));
  const widths = new Map<number, number>();
  for (const row of rows) widths.set(row.length, (widths.get(row.length) ?? 0) + 1);
  const [width, count] = [...widths].sort((a, b) => b[1] - a[1])[0] ?? [0, 0];
  if (width < 2 || count < rows.length * COLUMN_AGREEMENT) return false;
  const header = rows[0]?.length === width && rows[0].some(knownHeader);
  const body = rows.slice(header ? 1 : 0).filter((row) => row.length === width);
  const shapedColumn = Array.from({ length: width }, (_, i) => body.filter((row) => shaped(row[i] ?? '')).length).some((n) => n > 0 && n >= body.length * COLUMN_AGREEMENT);
  return shapedColumn || Boolean(header);
}

/** "[1701388800] unbound[…]", "[INFO] 192.0.2.5:53 …", "[2026-12-05 09:01:02] …": log lines, not a JSON array. */
export function opensWithBracketedStamp(text: string): boolean {
  return /^\[[^\]\[{"\n]*\]\s+\S/.test(text.trimStart());
}

/** A section of a version catalog: "[versions]", "[libraries]". */
const CATALOG_SECTION = /^\[(?:versions|libraries|bundles|plugins)\]\s*(?:#.*)?$/;
/** What opens a block of a Gradle build script, or a dependency declaration in one. */
const GRADLE_SCRIPT_LINE = /^\s*(?:(?:plugins|dependencies|buildscript|allprojects|subprojects|repositories|android)\s*\{|apply\s*\(?\s*plugin\s*[:=]|(?:implementation|api|classpath|compileOnly|testImplementation)\s*[('"])/;
/** What only a Podfile says: a pod, a platform, a target block, frameworks. */
const PODFILE_LINE = /^\s*(?:pod\s*\(?\s*['"]|platform\s+:(?:ios|osx|macos|tvos|watchos|visionos)\b|target\s+['"][^'"]+['"]\s+do\b|use_frameworks!)/;

/**
 * Dependency manifests that are neither JSON nor XML, from their first lines. A version catalog
 * opens with a bracketed section and so is told apart before JSON is considered.
 */
function manifestFormat(text: string): InputFormat | undefined {
  const lines = text.split(/\r?\n/, SAMPLE_LINES + 1).slice(0, SAMPLE_LINES);
  const code = lines.filter((line) => line.trim() !== '' && !/^\s*(?:#|\/\/|\/\*|\*)/.test(line));
  if (code.some((line) => CATALOG_SECTION.test(line.trim())) && code.every((line) => /^\s*(?:\[[\w.\-"]+\]|[\w.\-"]+\s*=|[\]}"'\w])/.test(line))) return 'gradle-version-catalog';
  if (lines.some((line) => /^# This is a Gradle generated file for dependency locking/.test(line))) return 'gradle-lockfile';
  if (code[0] === 'PODS:') return 'podfile-lock';
  if (lines.some((line) => /^# yarn lockfile v1\s*$/.test(line)) || code[0] === '__metadata:') return 'yarn-lock';
  if (/^lockfileVersion: *['"]?\d/.test(code[0] ?? '')) return 'pnpm-lock';
  if (code.some((line) => PODFILE_LINE.test(line))) return 'podfile';
  if (code.some((line) => GRADLE_SCRIPT_LINE.test(line))) return 'gradle';
  return undefined;
}

/**
 * The format of a text input from its first characters, or an explanation when it is a kind of
 * document (XML) of which only some are read. Tables fall back to `table(start)`.
 */
export function detectTextFormat(start: string, table: (start: string) => InputFormat): InputFormat | { unsupported: string } {
  const text = start.trimStart();
  if (text.startsWith('<')) {
    if (/<nmaprun[\s/>]/.test(text)) return 'nmap-xml';
    if (/<bom[\s/>]/.test(text)) return 'cyclonedx-xml';
    if (/<project[\s>]/.test(text) && /maven\.apache\.org\/POM\/|<modelVersion>/.test(text)) return 'maven-pom';
    const root = /<([A-Za-z][\w:.-]*)[\s>]/.exec(text.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<![A-Z][^>]*>/g, ''))?.[1];
    return { unsupported: `XML${root ? ` with root <${root}>` : ''}; the XML formats read are nmap output (<nmaprun>), CycloneDX (<bom>) and Maven POMs (<project>)` };
  }
  const manifest = manifestFormat(text);
  if (manifest) return manifest;
  if (text.startsWith('{') || (text.startsWith('[') && !opensWithBracketedStamp(text))) {
    if (/"bomFormat"\s*:\s*"CycloneDX"/.test(text)) return 'cyclonedx-json';
    if (/"spdxVersion"\s*:/.test(text)) return 'spdx-json';
    if (/^\{\s*"name"[^{]*"lockfileVersion"\s*:|"lockfileVersion"\s*:\s*\d/.test(text.slice(0, 4096))) return 'npm-lockfile';
    const firstLine = text.split('\n', 1)[0] ?? '';
    if (text.startsWith('{') && /"(id\.orig_h|uid)"\s*:/.test(firstLine) && /"(query|server_name|host)"\s*:/.test(firstLine)) return 'zeek-json';
    return table(start);
  }
  const lines = text.split(/\r?\n/, SAMPLE_LINES + 1).slice(0, SAMPLE_LINES);
  if (lines[0]?.startsWith('#separator') || lines.some((line) => line.startsWith('#fields'))) return 'zeek-tsv';
  if (lines.some((line) => /^SPDXVersion:\s*SPDX-/.test(line))) return 'spdx-tag-value';
  if (lines.some((line) => /^lease\s+\S+\s*\{/.test(line))) return 'dhcpd-leases';
  if (lines.some((line) => /^module\s+\S+\s*$/.test(line)) && lines.some((line) => /^(?:go\s+\d|require\b)/.test(line))) return 'go-mod';
  // Its preamble (the log's creation and a key to its fields) can fill the first fifty lines.
  if (lines.some((line) => /^DNS Server log file creation at /.test(line))) return 'windows-dns-log';
  const sample = lines.filter((line) => line.trim() !== '' && !line.startsWith('#'));
  if (sample.length > 0) {
    // The last line of the sample may be cut off mid-line.
    const counted = sample.length > 1 && !start.endsWith('\n') ? sample.slice(0, -1) : sample;
    for (const [format, shape] of LINE_SHAPES) {
      if (counted.filter((line) => shape.test(line)).length >= counted.length * MAJORITY) return format;
    }
    if (isRequirementsFile(counted)) return 'pip-requirements';
    if (isWhitespaceTable(counted, isKnownHeader, (value) => valueShapes(value).length > 0)) return 'whitespace';
  }
  return table(start);
}
