import { GroupFileSchema, SourcesFileSchema } from './src/model/kb.ts';
import { parse } from 'yaml';
import { readFileSync, readdirSync } from 'node:fs';
const root = '/work/main/data';
const srcIds = new Map<string, string>();
let errors = 0;
const err = (m: string) => { errors++; console.log('ERROR', m); };
for (const f of readdirSync(`${root}/sources`)) {
  const r = SourcesFileSchema.safeParse(parse(readFileSync(`${root}/sources/${f}`, 'utf8')));
  if (!r.success) { err(`${f}: ${r.error.message}`); continue; }
  for (const s of r.data.sources) { if (srcIds.has(s.id)) err(`dup source ${s.id} in ${f} and ${srcIds.get(s.id)}`); srcIds.set(s.id, f); }
}
const ids = new Map<string, string>(); const groups: any[] = [];
for (const f of readdirSync(`${root}/groups`)) {
  const r = GroupFileSchema.safeParse((() => { try { return parse(readFileSync(`${root}/groups/${f}`, "utf8")); } catch (e) { return { __err: String(e) }; } })());
  if (!r.success) { err(`${f}: ${r.error.message}`); continue; }
  groups.push([f, r.data]);
  for (const x of [...r.data.organisations, ...r.data.products]) { if (ids.has(x.id)) err(`dup id ${x.id} in ${f} and ${ids.get(x.id)}`); ids.set(x.id, f); }
}
function isinOk(s: string) {
  if (!/^[A-Z]{2}[A-Z0-9]{9}\d$/.test(s)) return false;
  const digits = s.slice(0, 11).split('').map((c) => (/\d/.test(c) ? c : String(c.charCodeAt(0) - 55))).join('');
  let sum = 0; let dbl = true;
  for (let i = digits.length - 1; i >= 0; i--) { let d = +digits[i]; if (dbl) { d *= 2; if (d > 9) d -= 9; } sum += d; dbl = !dbl; }
  return (10 - (sum % 10)) % 10 === +s[11];
}
const counts = { orgs: 0, rels: 0, prods: 0, idents: 0, ieee: 0 };
const unver: string[] = [];
const oui = JSON.parse(readFileSync('/work/main/node_modules/oui-data/index.json', 'utf8'));
const regs = new Set(Object.values(oui).map((v: any) => v.split('\n')[0]));
for (const [f, g] of groups) {
  const chk = (refs: string[], where: string) => refs.forEach((s) => { if (!srcIds.has(s)) err(`${f}: ${where}: unknown source ${s}`); });
  for (const o of g.organisations) {
    counts.orgs++; chk(o.sources, o.id); if (o.unverified) unver.push(`${f} org ${o.id}`);
    for (const i of o.identifiers) { counts.idents++; if (i.source) chk([i.source], o.id); if (i.scheme === 'isin' && !isinOk(i.value)) err(`${f}: bad ISIN ${i.value}`); }
    for (const r of o.ieeeRegistrants) { counts.ieee++; if (!regs.has(r)) err(`${f}: ${o.id}: registrant not in IEEE: ${r}`); }
  }
  for (const r of g.relations) {
    counts.rels++; chk(r.sources, `${r.subject} ${r.predicate} ${r.object}`);
    if (r.unverified) unver.push(`${f} rel ${r.subject} ${r.predicate} ${r.object}`);
    for (const e of [r.subject, r.object]) if (!ids.has(e)) err(`${f}: relation refers to unknown ${e}`);
  }
  for (const p of g.products) {
    counts.prods++; chk(p.sources, p.id); if (p.unverified) unver.push(`${f} product ${p.id}`);
    if (!ids.has(p.owner)) err(`${f}: ${p.id}: unknown owner ${p.owner}`);
    for (const m of p.models) { try { new RegExp(m.pattern, 'i'); } catch (e) { err(`${f}: ${p.id}: bad regex ${m.pattern}`); } }
  }
}
console.log(counts, 'errors', errors);
if (process.argv[2] === 'unver') console.log(unver.join('\n'));
