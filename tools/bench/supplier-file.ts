/**
 * A supplier inventory of any size for tests and benchmarks, the same every time: mostly ordinary
 * companies, one in ten a restricted maker or service under one of its names, a few rows with no
 * usable value (rejected), some with a web domain or a MAC address.
 */
import { writeFileSync } from 'node:fs';
import { prng } from './prng.js';

const LISTED = ['Hangzhou Hikvision Digital Technology Co., Ltd.', 'ZTE CORP', '华为技术有限公司', 'Huawei Technologies Co., Ltd.', 'Zhejiang Dahua Technology Co., Ltd.', 'Hytera Communications Corporation Limited', 'China Mobile International (USA) Inc.', 'Kaspersky Lab', 'DJI', 'Semiconductor Manufacturing International Corporation'];
const WORDS = ['Acme', 'Northwind', 'Bluefin', 'Silverline', 'Keystone', 'Redwood', 'Summit', 'Harbor', 'Orion', 'Pioneer', 'Vertex', 'Meridian'];
const INDUSTRY = ['Widgets', 'Logistics', 'Office Supplies', 'Cabling', 'Packaging', 'Software', 'Tooling'];
const FORMS = ['Inc.', 'LLC', 'GmbH', 'Ltd', 'S.A.'];

function csvCell(value: string): string {
  return /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function supplierCsv(rows: number, seed = 20261205): string {
  const rand = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const lines = ['name,website,mac,country'];
  for (let i = 0; i < rows; i++) {
    const r = rand();
    if (r < 0.1) lines.push([pick(LISTED), '', '', 'CN'].map(csvCell).join(','));
    else if (r < 0.11) lines.push(',,,US');
    else if (r < 0.8) lines.push([`${pick(WORDS)} ${pick(INDUSTRY)} ${pick(FORMS)}`, '', '', 'US'].map(csvCell).join(','));
    else if (r < 0.9) lines.push([`${pick(WORDS)} ${pick(INDUSTRY)}`, `${pick(WORDS).toLowerCase()}-${Math.floor(rand() * 1000)}.example.com`, '', 'DE'].join(','));
    else lines.push([`${pick(WORDS)} Devices`, '', Array.from({ length: 6 }, () => Math.floor(rand() * 256).toString(16).padStart(2, '0')).join(':'), 'GB'].join(','));
  }
  return `${lines.join('\n')}\n`;
}

export function writeSupplierFile(path: string, rows: number, seed?: number): void {
  writeFileSync(path, supplierCsv(rows, seed));
}
