// docs/report-schema.md and the package's declarations (npm/crosscheck.d.ts) describe the same
// report: every field table of the schema against its interface, field by field (names, null,
// optional), and the `{…}` shapes the schema spells out against the interfaces they name.
// (package.test.mjs checks the declarations against a real report.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SCHEMA = readFileSync(join(REPO, 'docs/report-schema.md'), 'utf8');
const DTS = readFileSync(join(REPO, 'npm/crosscheck.d.ts'), 'utf8');

// Each field table of the schema (by its heading, and its place under that heading) → interface.
const TABLES = {
  'Top level': ['Report'],
  'Source report': ['SourceReport'],
  Entity: ['Entity'],
  Claim: ['Claim'],
  Attribution: ['Attribution'],
  Summary: ['Summary'],
  Comparison: ['Comparison'],
  'Entity cluster': ['EntityCluster'],
  'Claim group': ['ClaimGroup', 'ClaimGroupMember'],
};

/** The schema's field tables: [{ heading, index, rows: [{ names, type, meaning }] }]. */
export function schemaTables(md) {
  const tables = [];
  let heading = '';
  let current = null;
  let perHeading = 0;
  for (const line of md.split('\n')) {
    const h = /^#{1,4} (.+)$/.exec(line);
    if (h) {
      heading = h[1].trim();
      perHeading = 0;
      current = null;
      continue;
    }
    if (!line.startsWith('|')) {
      current = null;
      continue;
    }
    const cells = line.split('|').slice(1, -1).map((c) => c.trim());
    if (!current) {
      if (cells[0] !== 'field') continue; // not a field table (e.g. the offsets table)
      current = { heading, index: perHeading++, rows: [] };
      tables.push(current);
      continue;
    }
    if (/^-+$/.test(cells[0])) continue;
    const names = [...cells[0].matchAll(/`([^`]+)`/g)].map((m) => m[1]);
    current.rows.push({ names, type: cells[1], meaning: cells[2] });
  }
  return tables;
}

/** The interfaces of a .d.ts: name → Map(field → { optional, type }), `extends` included. */
export function interfaces(dts) {
  const out = new Map();
  const re = /^export interface (\w+)(?: extends (\w+))? \{\n([\s\S]*?)^\}/gm;
  const raw = [];
  for (const m of dts.matchAll(re)) raw.push({ name: m[1], base: m[2], body: m[3] });
  const own = (body) => {
    const fields = new Map();
    for (const line of body.split('\n')) {
      const f = /^\s+(?:readonly )?(\w+)(\??): (.+);$/.exec(line);
      if (f) fields.set(f[1], { optional: f[2] === '?', type: f[3] });
    }
    return fields;
  };
  for (const { name, body } of raw) out.set(name, own(body));
  for (const { name, base } of raw) {
    if (base) out.set(name, new Map([...out.get(base), ...out.get(name)]));
  }
  return out;
}

const types = interfaces(DTS);
const tables = schemaTables(SCHEMA);

test('the schema and the declarations are read (the parsers find what they should)', () => {
  assert.ok(tables.length >= 10, `only ${tables.length} field tables in docs/report-schema.md`);
  for (const name of ['Report', 'SourceReport', 'Entity', 'Claim', 'ClaimGroup', 'ClaimGroupMember', 'TextSpan']) {
    assert.ok(types.get(name)?.size >= 2, `interface ${name} not found in npm/crosscheck.d.ts`);
  }
  assert.deepEqual([...types.get('Entity').keys()].slice(0, 3), ['start', 'end', 'text']);
});

test('every field table of the schema has the fields of its interface, no more, no fewer', () => {
  const seen = new Set();
  for (const t of tables) {
    const iface = TABLES[t.heading]?.[t.index];
    assert.ok(iface, `docs/report-schema.md: a field table under "${t.heading}" (#${t.index + 1}) that no interface declares: add it to npm/crosscheck.d.ts and to TABLES here`);
    seen.add(iface);
    const declared = types.get(iface);
    const documented = t.rows.flatMap((r) => r.names);
    assert.deepEqual(
      [...new Set(documented)].sort(),
      [...declared.keys()].sort(),
      `docs/report-schema.md "${t.heading}" against interface ${iface} in npm/crosscheck.d.ts`,
    );
  }
  assert.deepEqual([...seen].sort(), Object.values(TABLES).flat().sort(), 'a mapped table is missing from the schema');
});

test('null and optional fields agree between the schema and the declarations', () => {
  for (const t of tables) {
    const iface = TABLES[t.heading][t.index];
    const declared = types.get(iface);
    for (const row of t.rows) {
      for (const name of row.names) {
        const d = declared.get(name);
        const docNull = /\bor null\b/.test(row.type);
        const dtsNull = /(^|\| )null\b/.test(d.type);
        assert.equal(dtsNull, docNull, `${iface}.${name}: the schema says "${row.type}", the declaration "${d.type}"`);
        const docOptional = /\boptional\b/.test(row.type);
        if (docOptional) assert.ok(d.optional, `${iface}.${name} is optional in the schema, required in the declaration`);
        // Declared optional: the schema says when it is there ("optional", "… only").
        if (d.optional) assert.ok(docOptional || /\bonly\b/.test(row.meaning), `${iface}.${name} is optional in the declaration; the schema does not say when it is absent`);
      }
    }
  }
});

test('the {…} shapes the schema spells out match the interfaces they stand for', () => {
  let n = 0;
  for (const t of tables) {
    const declared = types.get(TABLES[t.heading][t.index]);
    for (const row of t.rows) {
      const shape = /`\{([^}`]+)\}`/.exec(`${row.type} ${row.meaning}`);
      if (!shape || row.names.length !== 1) continue;
      const target = declared.get(row.names[0]).type.replace(/\[\]| \| null/g, '');
      const iface = types.get(target);
      assert.ok(iface, `${row.names[0]}: the schema spells out {${shape[1]}}, the declaration's type ${target} is no interface`);
      const keys = shape[1].split(',').map((k) => k.trim());
      const required = [...iface].filter(([, f]) => !f.optional).map(([k]) => k);
      for (const k of keys) assert.ok(iface.has(k.replace(/\?$/, '')), `${row.names[0]}: {${shape[1]}} has ${k}, ${target} has not`);
      for (const k of required) assert.ok(keys.includes(k), `${row.names[0]}: ${target} has ${k}, the schema's {${shape[1]}} has not`);
      n++;
    }
  }
  assert.ok(n >= 4, `only ${n} shapes checked`);
});
