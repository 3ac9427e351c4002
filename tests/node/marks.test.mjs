// Which claims are marked in the text as the check-worthiest (www/render.js, no DOM needed).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { markedClaims, MARKED_SHARE } from '../../www/render.js';

const source = (scores, cw = scores.map((s) => s >= 0.5)) => ({ claims: scores.map((score, i) => ({ score, checkworthy: cw[i] })) });

test('only the check-worthiest share of a source’s claims is marked, at least one', () => {
  // 27 claims of which 20 are check-worthy (a real article): marking all 20 told a reader little.
  const scores = Array.from({ length: 27 }, (_, i) => (i < 20 ? 0.6 + i / 100 : 0.2));
  const marked = markedClaims(source(scores));
  assert.equal(marked.size, Math.max(1, Math.ceil(MARKED_SHARE * 27)));
  assert.ok(marked.size < 20 / 4, `${marked.size} of 27 marked`);
  // The highest scores: claim 19 scores 0.79, the top.
  assert.ok(marked.has(19));
  // A long source gets proportionally more: 300 claims → 10.
  assert.equal(markedClaims(source(Array.from({ length: 300 }, () => 0.9))).size, Math.ceil(MARKED_SHARE * 300));
});

test('a source with no check-worthy claim has none marked; ties go to the earlier claim', () => {
  // Reason: the mark says "check this first"; a claim below the check-worthiness threshold never earns it.
  assert.equal(markedClaims(source([0.1, 0.2, 0.3])).size, 0);
  assert.deepEqual([...markedClaims(source([0.7, 0.9, 0.9, 0.1]))], [1]);
  assert.equal(markedClaims({}).size, 0);
});
