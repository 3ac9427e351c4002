// Wasm memory in the built package (www/pkg): peak ≤ 64 MB for 1 MB of news text, and repeated
// analyses do not grow it without bound (issue 7). The figures come from scripts/bench-memory.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { measure, BUDGET_BYTES } from '../../scripts/bench-memory.mjs';

const MiB = 1024 * 1024;
const r = await measure({ bytes: MiB, repeats: 20 });

test('peak wasm memory for 1 MB of input is within the 64 MB budget', () => {
  assert.ok(r.input >= MiB - 8, `input was only ${r.input} bytes`);
  assert.ok(r.first <= BUDGET_BYTES, `peak ${(r.first / MiB).toFixed(1)} MiB > 64 MiB`);
});

test('20 repeated analyses do not grow wasm memory', () => {
  const fifth = r.after[4];
  const last = r.after[19];
  // One 64 KiB page per repeat would be unbounded growth; allow 1 MiB of allocator slack.
  assert.ok(last <= fifth + MiB, `memory grew from ${fifth} after the 5th to ${last} after the 20th`);
});
