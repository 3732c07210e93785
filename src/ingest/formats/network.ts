/**
 * Network discovery output: nmap XML (`-oX`), `arp -a` (Linux, BSD/macOS and Windows layouts),
 * `ip neigh`, ISC dhcpd leases and dnsmasq leases. Each device becomes one item with its MAC address
 * and what else the tool knew: nmap's vendor (the IEEE registrant it printed), device type and best
 * OS match, and hostnames.
 */
import { InputError, type FieldKind } from '../../model/item.js';
import { splitLines, type TextLine } from '../lines.js';
import { attributeOf, childrenOf, parseXml, parseXmlInput, XmlError, type XmlNode } from '../xml.js';
import type { FormatContext, RawRow, TextFormat } from './format.js';

type Fields = Partial<Record<FieldKind, string[]>>;

const DEVICE_COLUMNS: Record<string, FieldKind | 'unused'> = { mac: 'mac', ip: 'unused', hostname: 'unused' };

/** nmap's device types that name no category worth screening. */
const GENERIC_DEVICE_TYPES = new Set(['general purpose', 'specialized', 'unknown']);
/** OS guesses below this accuracy (percent) are not used as a model. */
const OS_ACCURACY = 90;
/** A <host> element larger than this is not a real one: the file is damaged. */
const MAX_HOST_CHARS = 16 * 1024 * 1024;

// ---- nmap XML ------------------------------------------------------------------------------------

export const nmapXmlFormat: TextFormat = {
  async *tables(text, context) {
    yield {
      fixedColumns: { 'address[@addrtype=mac]': 'mac', 'address/@vendor': 'name', 'osclass/@type': 'category', 'osmatch/@name': 'model', hostname: 'host', 'address[@addrtype=ipv4]': 'unused' },
      rows: nmapRows(text, context),
    };
  },
};

/** Reads one <host> element at a time, so a scan of a large network is read in constant memory. */
async function* nmapRows(text: AsyncIterable<string>, context: FormatContext): AsyncGenerator<RawRow> {
  const hostStart = /<host[\s>]/g;
  let pending = '';
  let line = 1; // line at the start of `pending`
  let prologChecked = false;
  let sawEnd = false;
  let downHosts = 0;
  for await (const chunk of text) {
    pending += chunk;
    if (!prologChecked) {
      const firstHost = pending.search(/<host[\s>]/);
      if (firstHost < 0 && pending.length < 64 * 1024 && !pending.includes('</nmaprun>')) continue;
      prologChecked = true;
      const prolog = firstHost < 0 ? pending : pending.slice(0, firstHost);
      checkProlog(prolog, context.file);
    }
    for (;;) {
      hostStart.lastIndex = 0;
      const start = hostStart.exec(pending);
      if (!start) {
        if (pending.includes('</nmaprun>')) sawEnd = true;
        // Keep a short tail: "<host" may be cut by the chunk boundary.
        const keep = Math.max(0, pending.length - 16);
        line += countLines(pending, 0, keep);
        pending = pending.slice(keep);
        break;
      }
      const end = pending.indexOf('</host>', start.index);
      if (end < 0) {
        line += countLines(pending, 0, start.index);
        pending = pending.slice(start.index);
        if (pending.length > MAX_HOST_CHARS) {
          yield { origin: { file: context.file, line }, error: 'a <host> element longer than 16 MiB; the file is damaged' };
          pending = '';
        }
        break;
      }
      line += countLines(pending, 0, start.index);
      const element = pending.slice(start.index, end + '</host>'.length);
      const row = nmapHostRow(element, { file: context.file, line });
      if (row === 'down') downHosts++;
      else yield row;
      line += countLines(element, 0, element.length);
      pending = pending.slice(end + '</host>'.length);
    }
  }
  if (!prologChecked) checkProlog(pending, context.file);
  if (/<host[\s>]/.test(pending)) {
    yield { origin: { file: context.file, line: line + countLines(pending, 0, pending.search(/<host[\s>]/)) }, error: 'the file ends inside this <host> element: the scan output is truncated' };
  } else if (!sawEnd && !pending.includes('</nmaprun>')) {
    context.notice?.('the file ends before </nmaprun>: the scan was interrupted or the file is truncated');
  }
  if (downHosts > 0) context.notice?.(`${downHosts} host${downHosts === 1 ? '' : 's'} reported down by nmap; not screened`);
}

function checkProlog(prolog: string, file: string): void {
  if (!/<nmaprun[\s>]/.test(prolog) && !/<host[\s>]/.test(prolog)) throw new InputError(file, 'not nmap XML output (no <nmaprun> element)');
  parseXmlInput(`${prolog.replace(/<nmaprun[\s\S]*$/, '')}<nmaprun/>`, file);
}

function nmapHostRow(element: string, origin: { file: string; line: number }): RawRow | 'down' {
  let host: XmlNode | undefined;
  try {
    host = childrenOf(parseXml(element), 'host')[0];
  } catch (error) {
    if (!(error instanceof XmlError)) throw error;
    return { origin: error.line ? { ...origin, line: origin.line + error.line - 1 } : origin, error: error.message };
  }
  if (!host) return { origin, error: 'empty <host> element' };
  if (attributeOf(childrenOf(host, 'status')[0], 'state') === 'down') return 'down';
  const fields: Fields = {};
  const add = (field: FieldKind, value: string | undefined) => {
    if (value && value.trim()) (fields[field] ??= []).push(value.trim());
  };
  let ip: string | undefined;
  for (const address of childrenOf(host, 'address')) {
    const type = attributeOf(address, 'addrtype');
    if (type === 'mac') {
      add('mac', attributeOf(address, 'addr'));
      add('name', attributeOf(address, 'vendor'));
    } else {
      ip ??= attributeOf(address, 'addr');
    }
  }
  const hostnames = childrenOf(childrenOf(host, 'hostnames')[0], 'hostname').map((node) => attributeOf(node, 'name'));
  for (const name of hostnames) if (name?.includes('.')) add('host', name);
  const best = childrenOf(childrenOf(host, 'os')[0], 'osmatch').find((match) => Number(attributeOf(match, 'accuracy') ?? 0) >= OS_ACCURACY);
  if (best) {
    add('model', attributeOf(best, 'name'));
    for (const osclass of childrenOf(best, 'osclass')) {
      const type = attributeOf(osclass, 'type');
      if (type && !GENERIC_DEVICE_TYPES.has(type.toLowerCase()) && !fields.category?.includes(type)) add('category', type);
      const vendor = attributeOf(osclass, 'vendor');
      if (vendor && !fields.name?.includes(vendor)) add('name', vendor);
    }
  }
  for (const port of childrenOf(childrenOf(host, 'ports')[0], 'port')) {
    const deviceType = attributeOf(childrenOf(port, 'service')[0], 'devicetype');
    if (deviceType && !GENERIC_DEVICE_TYPES.has(deviceType.toLowerCase()) && !fields.category?.includes(deviceType)) add('category', deviceType);
  }
  const label = hostnames.find((name) => name) ?? ip ?? fields.mac?.[0] ?? '(host)';
  if (Object.keys(fields).length === 0) return { origin, error: `host ${label}: no MAC address, vendor, hostname or OS match (scanned from another network segment?)` };
  return { origin, fields, label };
}

function countLines(text: string, from: number, to: number): number {
  let count = 0;
  for (let index = text.indexOf('\n', from); index >= 0 && index < to; index = text.indexOf('\n', index + 1)) count++;
  return count;
}

// ---- line-based neighbour tables and leases ---------------------------------------------------------

/** A line-oriented format where each line is a device, a line to skip, or one without a MAC. */
type LineVerdict = { fields: Fields; label: string } | 'skip' | 'no-mac' | { error: string };

function lineFormat(parse: (text: string) => LineVerdict, noMacMessage: string): TextFormat {
  return {
    async *tables(text, context) {
      yield { fixedColumns: DEVICE_COLUMNS, rows: lineRows(text, context, parse, noMacMessage) };
    },
  };
}

async function* lineRows(text: AsyncIterable<string>, context: FormatContext, parse: (text: string) => LineVerdict, noMacMessage: string): AsyncGenerator<RawRow> {
  let withoutMac = 0;
  for await (const line of splitLines(text)) {
    const row = lineRow(line, context.file, parse);
    if (row === 'no-mac') withoutMac++;
    else if (row) yield row;
  }
  if (withoutMac > 0) context.notice?.(`${withoutMac} ${noMacMessage}; not screened`);
}

function lineRow(line: TextLine, file: string, parse: (text: string) => LineVerdict): RawRow | 'no-mac' | undefined {
  const origin = { file, line: line.line };
  if ('tooLong' in line) return { origin, error: 'line is longer than 1 MiB' };
  if (line.text.trim() === '') return undefined;
  const verdict = parse(line.text);
  if (verdict === 'skip') return undefined;
  if (verdict === 'no-mac') return 'no-mac';
  if ('error' in verdict) return { origin, error: verdict.error };
  return { origin, fields: verdict.fields, label: verdict.label };
}

const MAC = '[0-9a-f]{1,2}(?::[0-9a-f]{1,2}){5}|[0-9a-f]{2}(?:-[0-9a-f]{2}){5}';
const IPV4 = '\\d{1,3}(?:\\.\\d{1,3}){3}';

/** Linux and BSD: "name (ip) at mac …"; Windows: "  ip   mac   dynamic". */
const ARP_UNIX = new RegExp(`^(\\S+) \\((${IPV4}|[0-9a-f:]+)\\) at (${MAC}|<incomplete>|\\(incomplete\\))`, 'i');
const ARP_WINDOWS = new RegExp(`^\\s*(${IPV4})\\s+(${MAC})\\s+(dynamic|static)\\s*$`, 'i');

export function parseArpLine(text: string): LineVerdict {
  const unix = ARP_UNIX.exec(text);
  if (unix) {
    const [, name = '', ip = '', mac = ''] = unix;
    if (/incomplete/i.test(mac)) return 'no-mac';
    const fields: Fields = { mac: [mac] };
    if (name !== '?' && name.includes('.')) fields.host = [name];
    return { fields, label: name !== '?' ? name : ip };
  }
  const windows = ARP_WINDOWS.exec(text);
  if (windows) return { fields: { mac: [windows[2] ?? ''] }, label: windows[1] ?? '' };
  // Windows headers: "Interface: 192.168.1.10 --- 0xb" and "  Internet Address  Physical Address  Type".
  if (/^Interface:|^\s*Internet Address\s+Physical Address/i.test(text)) return 'skip';
  return { error: 'not an arp -a entry ("name (address) at MAC …" or "address  MAC  dynamic")' };
}

const IP_NEIGH = /^(\S+) (?:dev \S+ )?(?:lladdr (\S+) )?(?:router |proxy |extern_learn )*([A-Z_]+(?:\s+[A-Z_]+)*|PERMANENT|NOARP)?\s*$/;

export function parseIpNeighLine(text: string): LineVerdict {
  const match = IP_NEIGH.exec(text.trim());
  if (!match || !/\sdev\s|\slladdr\s/.test(text)) return { error: 'not an ip neigh entry ("address dev IFACE lladdr MAC STATE")' };
  const [, ip = '', mac] = match;
  if (!mac) return 'no-mac';
  return { fields: { mac: [mac] }, label: ip };
}

/** dnsmasq.leases: "expiry MAC IP hostname client-id"; IPv6 leases carry an IAID instead of a MAC. */
export function parseDnsmasqLeaseLine(text: string): LineVerdict {
  const parts = text.trim().split(/\s+/);
  if (parts[0] === 'duid') return 'skip';
  const [expiry = '', hardware = '', ip = '', hostname = ''] = parts;
  if (parts.length < 4 || !/^\d+$/.test(expiry)) return { error: 'not a dnsmasq lease ("expiry MAC address hostname client-id")' };
  if (!new RegExp(`^(${MAC})$`, 'i').test(hardware)) return 'no-mac';
  return { fields: { mac: [hardware] }, label: hostname !== '*' ? hostname : ip };
}

export const arpFormat = lineFormat(parseArpLine, 'incomplete entries without a MAC address');
export const ipNeighFormat = lineFormat(parseIpNeighLine, 'entries without a link-layer address (FAILED or INCOMPLETE)');
export const dnsmasqLeasesFormat = lineFormat(parseDnsmasqLeaseLine, 'leases without a MAC address (DHCPv6)');

// ---- ISC dhcpd leases ---------------------------------------------------------------------------

/**
 * dhcpd.leases is a journal: a lease is written again each time it changes. Each address and MAC
 * pair is screened once, at its first lease.
 */
export const dhcpdLeasesFormat: TextFormat = {
  async *tables(text, context) {
    yield { fixedColumns: { 'hardware ethernet': 'mac', 'vendor-class-identifier': 'unused', 'client-hostname': 'unused' }, rows: dhcpdRows(text, context) };
  },
};

async function* dhcpdRows(text: AsyncIterable<string>, context: FormatContext): AsyncGenerator<RawRow> {
  let lease: { ip: string; line: number; mac?: string; hostname?: string } | undefined;
  const seen = new Set<string>();
  let withoutMac = 0;
  let repeated = 0;
  for await (const line of splitLines(text)) {
    if ('tooLong' in line) {
      yield { origin: { file: context.file, line: line.line }, error: 'line is longer than 1 MiB' };
      continue;
    }
    const statement = line.text.trim();
    const open = /^lease\s+(\S+)\s*\{/.exec(statement);
    if (open) {
      if (lease) yield { origin: { file: context.file, line: lease.line }, error: `lease ${lease.ip} is not closed with "}"` };
      lease = { ip: open[1] ?? '', line: line.line };
      continue;
    }
    if (!lease) continue;
    const hardware = /^hardware\s+\S+\s+([0-9a-f:]+);/i.exec(statement);
    if (hardware) lease.mac = hardware[1];
    const hostname = /^client-hostname\s+"([^"]*)";/.exec(statement);
    if (hostname) lease.hostname = hostname[1];
    if (statement.startsWith('}')) {
      if (!lease.mac) withoutMac++;
      else if (seen.has(`${lease.ip} ${lease.mac}`)) repeated++;
      else {
        seen.add(`${lease.ip} ${lease.mac}`);
        yield { origin: { file: context.file, line: lease.line }, fields: { mac: [lease.mac] }, label: lease.hostname || lease.ip };
      }
      lease = undefined;
    }
  }
  if (lease) yield { origin: { file: context.file, line: lease.line }, error: `the file ends inside lease ${lease.ip}: truncated` };
  if (withoutMac > 0) context.notice?.(`${withoutMac} leases without a hardware address; not screened`);
  if (repeated > 0) context.notice?.(`${repeated} later journal entries of the same lease (address and MAC) screened once`);
}
