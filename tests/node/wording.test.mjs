// The page's words for a fact-checker (www/render.js, the parts that need no DOM): entity labels
// as plain words with the code kept for tooltips, a claim's reasons as a sentence, and why group
// members count as one origin or drift in certainty.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LABEL_INFO, LABELS, labelWord, labelWithCode, reasonsSentence, originWords, driftWords, attributionWords } from '../../www/render.js';

const WORDS = {
  PERSON: 'Person', NORP: 'Nationality or group', ORG: 'Organisation', GPE: 'Country or city', LOC: 'Place',
  FAC: 'Facility', PRODUCT: 'Product', EVENT: 'Event', WORK_OF_ART: 'Work of art', LAW: 'Law', LANGUAGE: 'Language',
  DATE: 'Date', TIME: 'Time', PERCENT: 'Percent', MONEY: 'Money', QUANTITY: 'Quantity', ORDINAL: 'Ordinal', CARDINAL: 'Number',
};

test('every OntoNotes label has its plain word, and the code is kept beside it for tooltips', () => {
  // A reader does not know what GPE or NORP means; the code stays for whoever reads the JSON.
  assert.deepEqual(Object.fromEntries(LABEL_INFO.map(([code, word]) => [code, word])), WORDS);
  for (const [code, word] of Object.entries(WORDS)) {
    assert.equal(labelWord(code), word);
    assert.equal(labelWithCode(code), `${word} (${code})`);
  }
  // The older [code, description] list keeps its shape and order.
  assert.deepEqual(LABELS.map(([code]) => code), Object.keys(WORDS).sort((a, b) => LABEL_INFO.findIndex(([c]) => c === a) - LABEL_INFO.findIndex(([c]) => c === b)));
  // A label this page does not know (a newer core) is shown as it is, not as a wrong word.
  assert.equal(labelWord('SHIP'), 'SHIP');
  assert.equal(labelWithCode('SHIP'), 'SHIP');
});

test('a claim’s reasons read as a sentence that names the kinds of names in it, never as codes', () => {
  // "named_entity, factual_verb" means nothing to a reader; the entities say what is named.
  const entities = [{ label: 'PERSON' }, { label: 'CARDINAL' }, { label: 'ORG' }, { label: 'GPE' }];
  const s = reasonsSentence({ reasons: ['number', 'named_entity'], entities: [0, 1] }, entities);
  assert.equal(s, 'Names a person and a number.');
  const all = ['number', 'date', 'named_entity', 'factual_verb', 'comparison', 'attributed', 'hedged', 'opinion', 'cause', 'statistic'];
  const long = reasonsSentence({ reasons: all, entities: [2, 3] }, entities);
  assert.match(long, /^Names an organisation, a country or city, a number and a date; /);
  for (const code of all) assert.ok(!long.includes(code) || !code.includes('_'), `${code} left as a code`);
  assert.doesNotMatch(long, /_/, 'a code with an underscore is left in the sentence');
  assert.match(long, /makes a comparison/);
  assert.match(long, /is said to come from someone/);
  assert.match(long, /lowers the score/);
  assert.match(long, /\.$/);
  // Without the source's entities a name is still said in words.
  assert.equal(reasonsSentence({ reasons: ['named_entity'], entities: [0] }), 'Names a person, organisation or place.');
  // A code this page does not know yet is said in words, not dropped.
  assert.match(reasonsSentence({ reasons: ['loaded_word'] }), /loaded word/);
  assert.match(reasonsSentence({ reasons: [] }), /^Nothing/);
});

const claims = {
  a: { attribution: { kind: 'named', source: { text: 'The ministry' } } },
  b: { attribution: { kind: 'named', source: { text: 'the ministry' } } },
  c: { attribution: { kind: 'none', via: { text: 'Reuters' } } },
  d: { attribution: { kind: 'none', via: { text: 'Reuters' } } },
  e: { attribution: { kind: 'none' } },
};
const look = { nameOf: (id) => `Outlet ${id.toUpperCase()}`, claimOf: (m) => claims[m.source] };
const letter = (o) => String.fromCharCode(65 + o);

test('the board says in words why members share an origin: the source they cite, the outlet, or copied text', () => {
  // A letter alone ("origin A") tells nobody that two outlets are one voice.
  const g = {
    members: [
      { source: 'a', claim: 0, origin: 0 }, { source: 'b', claim: 0, origin: 0 },
      { source: 'c', claim: 0, origin: 1 }, { source: 'd', claim: 0, origin: 1 },
      { source: 'e', claim: 0, origin: 2 },
    ],
  };
  const words = originWords(g, look, letter);
  assert.match(words, /Outlet A and Outlet B \(origin A\) both cite “The ministry”/);
  assert.match(words, /Outlet C and Outlet D \(origin B\) both carry it via Reuters/);
  assert.doesNotMatch(words, /Outlet E/, 'an origin of one member shares nothing');
  const copied = originWords({ members: [{ source: 'a', claim: 0, origin: 0 }, { source: 'e', claim: 0, origin: 0 }] }, look, letter);
  assert.match(copied, /same source or outlet, or share copied text/);
  assert.equal(originWords({ members: [{ source: 'a', claim: 0, origin: 0 }, { source: 'b', claim: 0, origin: 1 }] }, look, letter), null);
});

test('members citing one speaker by a pronoun or a description are said to cite who it stands for', () => {
  // Reason: two outlets quoting the governor as "She" read "both cite “She”", which names no one;
  // "the bureau" in one and "The FBI" in another were no shared source in words at all.
  const said = {
    f: { attribution: { kind: 'named', source: { text: 'She' }, resolved: { key: 'lena ortiz', name: 'Lena Ortiz' } } },
    g: { attribution: { kind: 'named', source: { text: 'she' }, resolved: { key: 'lena ortiz', name: 'Gov. Lena Ortiz' } } },
    h: { attribution: { kind: 'named', source: { text: 'the bureau' }, resolved: { key: 'fbi', name: 'FBI' } } },
    i: { attribution: { kind: 'named', source: { text: 'The FBI' }, resolved: { key: 'fbi', name: 'FBI' } } },
    j: { attribution: { kind: 'anonymous', source: { text: 'He' }, stands_for: { text: 'A senior official' } } },
    k: { attribution: { kind: 'anonymous', source: { text: 'A senior official' } } },
  };
  const by = { nameOf: look.nameOf, claimOf: (m) => said[m.source] };
  const two = (a, b) => originWords({ members: [{ source: a, claim: 0, origin: 0 }, { source: b, claim: 0, origin: 0 }] }, by, letter);
  assert.match(two('f', 'g'), /both cite “Lena Ortiz”/);
  assert.match(two('h', 'i'), /both cite “FBI”/);
  assert.match(two('j', 'k'), /both cite “A senior official”/);
});

test('headlines in the outlet\'s own voice do not hide the source the outlets cite', () => {
  // Reason: three outlets relaying a company's announcement, each with its headline in the group,
  // read "cite the same source or outlet, or share copied text": the headlines cite no one and
  // join the origin through their articles, so the cited company went unsaid.
  const said = {
    w: { attribution: { kind: 'named', source: { text: 'Halvorsen Motors' }, resolved: { key: 'halvorsen', name: 'Halvorsen Motors' } } },
    p: { attribution: { kind: 'named', source: { text: 'the automaker' }, resolved: { key: 'halvorsen', name: 'Halvorsen Motors' } } },
    h: { attribution: { kind: 'none' } },
  };
  const by = { nameOf: (id) => ({ w: 'wire', p: 'paper', h: 'paper', x: 'tv' })[id], claimOf: (m) => said[m.source] };
  const g = { members: [{ source: 'w', claim: 0, origin: 0 }, { source: 'h', claim: 0, origin: 0 }, { source: 'p', claim: 0, origin: 0 }] };
  assert.match(originWords(g, by, letter), /wire and paper \(origin A\) both cite “Halvorsen Motors”/);
  // An outlet whose members cite no one still shares the origin some other way.
  const lone = { members: [{ source: 'w', claim: 0, origin: 0 }, { source: 'x', claim: 0, origin: 0 }] };
  const byLone = { nameOf: by.nameOf, claimOf: (m) => (m.source === 'x' ? said.h : said.w) };
  assert.match(originWords(lone, byLone, letter), /same source or outlet, or share copied text/);
});

test('the board says what a drift is for this group, not only who said what', () => {
  const g = { members: [{ source: 'a', certainty: 'asserted' }, { source: 'b', certainty: 'hedged' }, { source: 'c', certainty: 'attributed' }] };
  const [who, why] = driftWords(g, look.nameOf);
  assert.equal(who, 'Stated as fact by Outlet A; attributed by Outlet C; hedged by Outlet B.');
  assert.match(why, /^What one source states as fact, another only reports as someone’s word or hedges/);
  const [, noFact] = driftWords({ members: [{ source: 'a', certainty: 'attributed' }, { source: 'b', certainty: 'denied' }] }, look.nameOf);
  assert.match(noFact, /different certainty/);
  // A headline in the group by its lede is no voice of its own: "stated as fact by Outlet A"
  // would name the headline, not the article.
  const headed = { members: [{ source: 'a', certainty: 'asserted', headline_of: 1 }, { source: 'a', certainty: 'attributed', headline_of: null }, { source: 'b', certainty: 'hedged' }] };
  assert.equal(driftWords(headed, look.nameOf)[0], 'Attributed by Outlet A; hedged by Outlet B.');
});

test('a source is named once: no echo of a name it already says, no outlet that is the source', () => {
  // "named: the Denver Fire Department (Denver Fire Department), via the Denver Fire Department"
  // says one thing three times; "he" still needs who he is, and an outlet apart stays.
  const dept = { start: 40, end: 66, text: 'the Denver Fire Department' };
  assert.equal(
    attributionWords({ kind: 'named', source: dept, resolved: { name: 'Denver Fire Department' }, via: dept }),
    'named: the Denver Fire Department',
  );
  assert.equal(
    attributionWords({ kind: 'named', source: { start: 0, end: 2, text: 'He' }, resolved: { name: 'Mark Ellison' }, via: { start: 20, end: 23, text: 'CNN' } }),
    'named: He (Mark Ellison), via CNN',
  );
  assert.equal(
    attributionWords({ kind: 'named', source: { start: 0, end: 35, text: "The airline's CEO, Mark Ellison" }, resolved: { name: 'Mark Ellison' }, quote: true }),
    "named: The airline's CEO, Mark Ellison (quoted)",
  );
  assert.equal(attributionWords({ kind: 'none', via: { start: 0, end: 3, text: 'CNN' } }), 'outlet’s own voice, via CNN');
});
