import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { loadQueryCatalog } from '../../src/queries/load-query-catalog.js';
import { runSavedQuery } from '../../src/queries/run-saved-query.js';
import { flattenRow } from '../../src/queries/flatten-row.js';
import type { GraphStore } from '../../src/store/graph-store.js';
import { openLocalStore } from '../../src/backends/local/open-local-store.js';

const config = loadConfig({}, { workers: 1 });
const base = config.baseIri;
const catalog = loadQueryCatalog(config.root, base);
let store: GraphStore;
beforeAll(async () => {
  store = await openLocalStore(config);
});
afterAll(async () => store?.close());

async function rows(name: string, input: Record<string, string> = {}) {
  const query = catalog.get(name);
  if (!query) throw new Error(`no query ${name}`);
  const { result } = await runSavedQuery(store, query, input);
  if (result.kind !== 'bindings') throw new Error(`${name} gave ${result.kind}`);
  return result.rows.map((row) => flattenRow(result.variables, row));
}

const pick = (list: Array<Record<string, unknown>>, ...keys: string[]) =>
  list.map((row) => Object.fromEntries(keys.map((k) => [k, row[k] ?? null])));
const id = (path: string) => `${base}id/${path}`;

// What each saved query must answer on the shipped data: the seed page's facts, nothing more.
const expected: Record<string, () => Promise<void>> = {
  'awards/list': async () => {
    expect(pick(await rows('awards/list'), 'name', 'awardLabel', 'giverName', 'date')).toEqual([
      { name: 'Gulmire Imin', awardLabel: 'Hellman/Hammett prize', giverName: 'Human Rights Watch', date: '2012-12' },
    ]);
  },
  'campaigns/members': async () => {
    expect(pick(await rows('campaigns/members'), 'name', 'organiserName', 'numberOfPrisoners')).toEqual([
      // The page names Nurmuhammet Yasin only as the next prisoner page: not as a member of this campaign.
      // Nor does it say who runs the campaign: no organiser.
      { name: 'Gulmire Imin', organiserName: null, numberOfPrisoners: 8 },
    ]);
  },
  'detentions/by-place': async () => {
    expect(pick(await rows('detentions/by-place'), 'placeName', 'withinName', 'name')).toEqual([
      { placeName: 'Xinjiang Women’s Prison', withinName: 'Urumchi', name: 'Gulmire Imin' },
    ]);
  },
  'events/by-type': async () => {
    const arrests = await rows('events/by-type', { type: `${base}ontology#Arrest` });
    // Nurmuhammet Yasin's arrest keeps the month both his sources agree on; they differ on the day.
    expect(pick(arrests, 'label', 'date', 'name')).toEqual([
      { label: 'Arrest of Nurmuhammet Yasin (November 2004; sources differ on the day)', date: '2004-11', name: 'Nurmuhammet Yasin' },
      { label: 'Arrest of Gulmire Imin', date: '2009-07-14', name: 'Gulmire Imin' },
    ]);
    expect((await rows('events/by-type')).length).toBe(23);
  },
  'events/per-year': async () => {
    const perYear = await rows('events/per-year');
    expect(pick(perYear, 'year', 'typeLabel', 'events')).toEqual([
      { year: 2004, typeLabel: 'arrest', events: 1 },
      { year: 2004, typeLabel: 'publication', events: 1 },
      // Nurmuhammet Yasin's, dated by the World Uyghur Congress's page.
      { year: 2005, typeLabel: 'sentencing', events: 1 },
      { year: 2009, typeLabel: 'arrest', events: 1 },
      { year: 2009, typeLabel: 'detention', events: 1 },
      // The unrest of 2009 in Urumchi; the page's "July 5 unrest" gives no year and so is not counted here.
      { year: 2009, typeLabel: 'unrest', events: 1 },
      // Gulmire Imin in April; Gheyret Niyaz, Dilshat Perhat, Nureli Obul and Nijat Azat in July.
      { year: 2010, typeLabel: 'sentencing', events: 5 },
      { year: 2010, typeLabel: 'trial', events: 2 },
      { year: 2012, typeLabel: 'Working Group opinion', events: 1 },
      { year: 2012, typeLabel: 'award', events: 1 },
    ]);
  },
  'persons/by-charge': async () => {
    expect(pick(await rows('persons/by-charge'), 'name', 'chargeLabel')).toEqual([
      { name: 'Dilshat Perhat', chargeLabel: 'Endangering state security' },
      { name: 'Gheyret Niyaz', chargeLabel: 'Endangering state security' },
      { name: 'Gulmire Imin', chargeLabel: 'Leaking state secrets' },
      { name: 'Gulmire Imin', chargeLabel: 'Organizing an illegal demonstration' },
      { name: 'Gulmire Imin', chargeLabel: 'Splittism' },
      { name: 'Nijat Azat', chargeLabel: 'Endangering state security' },
      { name: 'Nureli Obul', chargeLabel: 'Endangering state security' },
      { name: 'Nurmuhammet Yasin', chargeLabel: 'Inciting racial hatred or discrimination/inciting splittism' },
      { name: 'Nurmuhammet Yasin', chargeLabel: 'Inciting separatism' },
    ]);
    expect(pick(await rows('persons/by-charge', { charge: 'id/concept/charge/splittism' }), 'name', 'chargeLabel')).toEqual([
      { name: 'Gulmire Imin', chargeLabel: 'Splittism' },
    ]);
  },
  'persons/by-provision': async () => {
    const provisions = await rows('persons/by-provision');
    expect(pick(provisions, 'instrumentLabel', 'article', 'name')).toEqual(
      ['8', '9', '10', '19'].map((article) => ({ instrumentLabel: 'Universal Declaration of Human Rights', article, name: 'Gulmire Imin' })),
    );
    expect(pick(await rows('persons/by-provision', { provision: id('legal/udhr-article-19') }), 'article')).toEqual([{ article: '19' }]);
  },
  'persons/by-sentence-type': async () => {
    expect(pick(await rows('persons/by-sentence-type'), 'name', 'sentenceLabel', 'sentencingDate')).toEqual([
      { name: 'Gulmire Imin', sentenceLabel: 'Life imprisonment', sentencingDate: '2010-04-01' },
    ]);
  },
  'persons/found-arbitrarily-detained': async () => {
    expect(pick(await rows('persons/found-arbitrarily-detained'), 'name', 'bodyName', 'opinionDate', 'stateName', 'article')).toEqual(
      ['8', '9', '10', '19'].map((article) => ({
        name: 'Gulmire Imin',
        bodyName: 'Working Group on Arbitrary Detention',
        opinionDate: '2012-03',
        stateName: 'China',
        article,
      })),
    );
  },
  'persons/list': async () => {
    // The other five have no sentence type, prison or arrest date in their sources beyond what is shown: nothing filled in.
    expect(pick(await rows('persons/list'), 'name', 'sentenceLabel', 'heldAtName', 'arrestDate')).toEqual([
      { name: 'Dilshat Perhat', sentenceLabel: null, heldAtName: null, arrestDate: null },
      { name: 'Gheyret Niyaz', sentenceLabel: null, heldAtName: null, arrestDate: null },
      { name: 'Gulmire Imin', sentenceLabel: 'Life imprisonment', heldAtName: 'Xinjiang Women’s Prison', arrestDate: '2009-07-14' },
      { name: 'Nijat Azat', sentenceLabel: null, heldAtName: null, arrestDate: null },
      { name: 'Nureli Obul', sentenceLabel: null, heldAtName: null, arrestDate: null },
      { name: 'Nurmuhammet Yasin', sentenceLabel: null, heldAtName: null, arrestDate: '2004-11' },
    ]);
  },
  'persons/search-by-name': async () => {
    expect(pick(await rows('persons/search-by-name', { name: 'imin' }), 'name')).toEqual([{ name: 'Gulmire Imin' }]);
    expect(pick(await rows('persons/search-by-name'), 'name')).toEqual(
      ['Dilshat Perhat', 'Gheyret Niyaz', 'Gulmire Imin', 'Nijat Azat', 'Nureli Obul', 'Nurmuhammet Yasin'].map((name) => ({ name })),
    );
  },
  'persons/timeline': async () => {
    const timeline = await rows('persons/timeline', { person: id('person/gulmire-imin') });
    expect(pick(timeline.slice(0, 5), 'typeLabel', 'date')).toEqual([
      { typeLabel: 'arrest', date: '2009-07-14' },
      { typeLabel: 'trial', date: '2010-04-01' },
      { typeLabel: 'sentencing', date: '2010-04-01' },
      { typeLabel: 'Working Group opinion', date: '2012-03' },
      { typeLabel: 'award', date: '2012-12' },
    ]);
    // Undated events follow, never with an invented date.
    expect(timeline.slice(5).map((r) => r.date)).toEqual([null, null, null, null, null]);
    expect(timeline.slice(5).map((r) => r.typeLabel).sort()).toEqual(['campaign', 'detention', 'forced confession', 'invitation', 'publication']);
  },
  'quality/events-without-date': async () => {
    expect(pick(await rows('quality/events-without-date'), 'typeLabel')).toEqual(
      // The page's "July 5 unrest" has no year; Nurmuhammet Yasin's sources do not date his trial (the WUC's page dates his sentence).
      ['Internet shutdown', 'campaign', 'detention', 'forced confession', 'invitation', 'publication', 'trial', 'unrest'].map(
        (typeLabel) => ({ typeLabel }),
      ),
    );
  },
  'quality/single-source-claims': async () => {
    const single = await rows('quality/single-source-claims');
    // Every claim on Gulmire Imin comes from the seed page alone; the five added persons' single-source claims come
    // from the public pages cited for them; the Working Group's categories, from its methods of work.
    expect(single.length).toBeGreaterThan(50);
    expect(new Set(single.map((r) => r.source))).toEqual(
      new Set(
        [
          'uhrp-prisoner-profile-gulmire-imin',
          'amnesty-uk-current-writers-in-prison-12',
          'cpj-gheyrat-niyaz',
          'english-pen-campaign-nurmuhemmet-yasin',
          'rfa-uyghur-journalist-gets-15-years',
          'uhrp-political-prisoners-nurmuhammet-yasin',
          'unpo-2010-07-30-uaa-condemns-sentencing-of-three-webmasters',
          'wuc-2010-07-24-condemns-sentence-gheyret-niyaz',
          'wgad-methods-of-work-2016',
          // Since the import, every row is a claim: UHRP alone gives Gheyret Niyaz's detention as October 2009, the WUC's
          // list page alone spells him Hailaiti Niyazi, the WUC's page alone names Nureli Obul so.
          'uhrp-political-prisoners-gheyret-niyaz',
          'wuc-prisoner-list-page-8',
          'wuc-nijat-azat',
          // The WUC's page alone gives Nurmuhammet Yasin's sentence as 15 years (in its summary) and dates it.
          'world-uyghur-congress-nurmuhemmet-yasin',
          // Human Rights in China alone spells Gheyret Niyaz Hailaitie Niyazi.
          'hric-2010-07-23-heavy-prison-term-gheyret-niyaz',
        ].map((slug) => id(`source/${slug}`)),
      ),
    );
    const claims = single.map((r) => r.claim);
    expect(claims).toContain(id('event/gulmire-imin-arrest'));
    // The two disputed dates are each asserted by a claim node; the one resting on one source is listed.
    expect(claims).toContain(id('claim/gheyret-niyaz-detention-2009-10-04'));
    expect(claims).not.toContain(id('claim/nurmuhammet-yasin-arrest-2004-11-29'));
  },
  'sources/by-person': async () => {
    const sources = await rows('sources/by-person', { person: id('person/gulmire-imin') });
    expect(new Set(sources.map((r) => r.source))).toEqual(new Set([id('source/uhrp-prisoner-profile-gulmire-imin')]));
    const claims = sources.map((r) => r.claim);
    for (const claim of ['person/gulmire-imin', 'case/gulmire-imin', 'event/gulmire-imin-arrest', 'event/gulmire-imin-wgad-opinion']) {
      expect(claims).toContain(id(claim));
    }
    const arrest = sources.find((r) => r.claim === id('event/gulmire-imin-arrest'));
    expect(arrest?.excerpts).toBe('Imin was arrested on July 14, 2009');
  },
  // The queries behind /api/persons/{id}/claims and /citations: unordered (the caller sorts), so compared as sets.
  'citations/working-group-categories': async () => {
    const categories = await rows('citations/working-group-categories');
    expect(sorted(pick(categories, 'notation', 'source', 'title', 'date', 'url'))).toEqual(
      sorted(
        ['I', 'II', 'III', 'IV', 'V'].map((notation) => ({
          notation,
          source: id('source/wgad-methods-of-work-2016'),
          title: 'Methods of work of the Working Group on Arbitrary Detention',
          date: '2016-07',
          url: 'https://right-docs.org/doc/a-hrc-33-66',
        })),
      ),
    );
    expect(categories.find((c) => c.notation === 'II')?.definition).toContain('articles 7, 13, 14, 18, 19, 20 and 21 of the Universal Declaration');
  },
  'citations/case-facts': async () => {
    const facts = await rows('citations/case-facts', { person: id('person/gulmire-imin') });
    expect(sorted(pick(facts, 'kind', 'valueLabel', 'within'))).toEqual(sorted([
      { kind: 'charge', valueLabel: 'Splittism', within: null },
      { kind: 'charge', valueLabel: 'Leaking state secrets', within: null },
      { kind: 'charge', valueLabel: 'Organizing an illegal demonstration', within: null },
      { kind: 'sentence', valueLabel: 'Life imprisonment', within: null },
      { kind: 'placeOfDetention', valueLabel: 'Xinjiang Women’s Prison', within: 'Urumchi' },
      { kind: 'punishedBy', valueLabel: 'Chinese authorities', within: null },
      { kind: 'punishmentReason', valueLabel: null, within: null },
    ]));
  },
  'citations/claim-evidence': async () => {
    const evidence = await rows('citations/claim-evidence', { person: id('person/gulmire-imin') });
    const sources = new Set(evidence.map((r) => r.source).filter((s) => s !== null));
    expect(sources).toEqual(new Set([id('source/uhrp-prisoner-profile-gulmire-imin')]));
    const arrest = evidence.filter((r) => r.node === id('event/gulmire-imin-arrest') && r.excerpt !== null).map((r) => r.excerpt);
    expect(arrest).toEqual(['Imin was arrested on July 14, 2009']);
    const provisions = new Set(evidence.map((r) => r.node).filter((n) => String(n).startsWith(id('legal/'))));
    expect(provisions).toEqual(new Set(['8', '9', '10', '19'].map((a) => id(`legal/udhr-article-${a}`))));
  },
  'citations/event-facts': async () => {
    const facts = await rows('citations/event-facts', { person: id('person/gulmire-imin') });
    const of = (event: string, field: string) => facts.filter((r) => r.event === id(event) && r.field === field).map((r) => r.notation ?? r.valueLabel ?? r.value).sort();
    expect(of('event/gulmire-imin-wgad-opinion', 'provisionsViolated')).toEqual(['10', '19', '8', '9']);
    expect(of('event/gulmire-imin-wgad-opinion', 'findings')).toEqual(['Detention is arbitrary']);
    expect(of('event/gulmire-imin-trial', 'closedTrial')).toEqual([true]);
    expect(of('event/gulmire-imin-detention', 'familyReceivedOfficialDocuments')).toEqual([false]);
    expect(of('event/gulmire-imin-hrw-award', 'award')).toEqual(['Hellman/Hammett prize']);
  },
  'citations/person-events': async () => {
    const events = await rows('citations/person-events', { person: id('person/gulmire-imin') });
    expect(sorted(pick(events, 'type', 'date', 'role'))).toEqual(sorted([
      // The page names "the July 5 unrest" without a year: no date is made up for it.
      { type: 'Unrest', date: null, role: 'context' },
      { type: 'Arrest', date: '2009-07-14', role: 'case' },
      { type: 'Trial', date: '2010-04-01', role: 'case' },
      { type: 'Sentencing', date: '2010-04-01', role: 'case' },
      { type: 'WorkingGroupOpinion', date: '2012-03', role: 'case' },
      { type: 'AwardConferral', date: '2012-12', role: 'case' },
      { type: 'Detention', date: null, role: 'case' },
      { type: 'ForcedConfession', date: null, role: 'case' },
      { type: 'Publication', date: null, role: 'case' },
      { type: 'Invitation', date: null, role: 'case' },
      { type: 'Campaign', date: null, role: 'case' },
    ]));
  },
  'citations/person-identity': async () => {
    const identity = await rows('citations/person-identity', { person: id('person/gulmire-imin') });
    expect(sorted(pick(identity, 'field', 'value'))).toEqual(sorted([
      { field: 'person', value: null },
      { field: 'name', value: 'Gulmire Imin' },
      { field: 'gender', value: 'female' },
      { field: 'statedAge', value: 32 },
      { field: 'ethnicity', value: 'Uyghur' },
    ]));
    expect(await rows('citations/person-identity', { person: id('case/gulmire-imin') })).toEqual([]);
  },
  'quality/conflicting-claims': async () => {
    const conflicts = await rows('quality/conflicting-claims');
    // The four recorded disagreements, each way round, with the value each claim gives and the value it is at odds with.
    expect(pick(conflicts, 'subject', 'value', 'otherValue')).toEqual([
      { subject: id('event/nurmuhammet-yasin-arrest'), value: '2004-11-19', otherValue: '2004-11-29' },
      { subject: id('event/nurmuhammet-yasin-arrest'), value: '2004-11-29', otherValue: '2004-11-19' },
      // His charge as UHRP words it and as the other three do: two versions of one statement (cg:alternativeTo).
      {
        subject: id('case/nurmuhammet-yasin'),
        value: id('concept/charge/inciting-racial-hatred-or-discrimination-inciting-splittism'),
        otherValue: id('concept/charge/inciting-separatism'),
      },
      {
        subject: id('case/nurmuhammet-yasin'),
        value: id('concept/charge/inciting-separatism'),
        otherValue: id('concept/charge/inciting-racial-hatred-or-discrimination-inciting-splittism'),
      },
      { subject: id('event/gheyret-niyaz-detention'), value: '2009-10-01', otherValue: '2009-10-04' },
      { subject: id('event/gheyret-niyaz-detention'), value: '2009-10-04', otherValue: '2009-10-01' },
      // His sentence: 10 years (UHRP, English PEN, Uyghur PEN, Amnesty UK, the WUC's text) or 15 (the WUC's summary line).
      { subject: id('event/nurmuhammet-yasin-sentencing'), value: 'P10Y', otherValue: 'P15Y' },
      { subject: id('event/nurmuhammet-yasin-sentencing'), value: 'P15Y', otherValue: 'P10Y' },
    ]);
    expect(conflicts.find((r) => r.value === '2009-10-04')?.sources).toBe('Uyghur Journalist Gets 15 Years (Radio Free Asia)');
  },
  'citations/person-sources': async () => {
    const sources = await rows('citations/person-sources', { person: id('person/gulmire-imin') });
    expect(sources.filter((r) => r.supports === true).map((r) => r.source)).toEqual([id('source/uhrp-prisoner-profile-gulmire-imin')]);
    // The sources the seed page names are listed for reading, not as support: no claim cites them.
    expect(sources.filter((r) => r.supports === false)).toHaveLength(10);
    const ars = sources.find((r) => r.title === 'New study: Activists pose easy target for nation-state attackers');
    expect(pick([ars ?? {}], 'publisherName', 'date', 'url')).toEqual([{ publisherName: 'Ars Technica', date: '2014-08-12', url: null }]);
  },
  'citations/person-disagreements': async () => {
    const versions = await rows('citations/person-disagreements', { person: id('person/nurmuhammet-yasin') });
    // Two versions of the day of his arrest, two wordings of his charge and two lengths of his sentence, each with the
    // sources that give it (one row per claim and source).
    expect(new Set(versions.map((r) => r.subject))).toEqual(
      new Set([id('event/nurmuhammet-yasin-arrest'), id('case/nurmuhammet-yasin'), id('event/nurmuhammet-yasin-sentencing')]),
    );
    expect([...new Set(versions.filter((r) => r.subject === id('case/nurmuhammet-yasin')).map((r) => r.value))].sort()).toEqual(
      [id('concept/charge/inciting-racial-hatred-or-discrimination-inciting-splittism'), id('concept/charge/inciting-separatism')].sort(),
    );
    const byValue = (value: string) => [...new Set(versions.filter((r) => r.value === value).map((r) => r.source))].sort();
    expect(byValue('2004-11-29')).toEqual(
      ['english-pen-campaign-nurmuhemmet-yasin', 'uhrp-political-prisoners-nurmuhammet-yasin', 'uyghur-pen-author-biography'].map((s) => id(`source/${s}`)),
    );
    expect(byValue('2004-11-19')).toEqual(
      ['amnesty-uk-current-writers-in-prison-12', 'english-pen-campaign-nurmuhemmet-yasin', 'uyghur-pen-author-biography'].map((s) => id(`source/${s}`)),
    );
    expect(await rows('citations/person-disagreements', { person: id('person/gulmire-imin') })).toEqual([]);
  },
  'reconciliation/person-names': async () => {
    const names = await rows('reconciliation/person-names');
    // The husband has no stated name: one row, no name, so he can be shown but never matched by name.
    expect(sorted(pick(names, 'person', 'name', 'caseLabel'))).toEqual(
      sorted([
        { person: id('person/gulmire-imin'), name: 'Gulmire Imin', caseLabel: 'Case of Gulmire Imin' },
        { person: id('person/gulmire-imin-husband'), name: null, caseLabel: null },
        { person: id('person/dilshat-perhat'), name: 'Dilshat Perhat', caseLabel: 'Case of Dilshat Perhat' },
        { person: id('person/nijat-azat'), name: 'Nijat Azat', caseLabel: 'Case of Nijat Azat' },
        // A name and every other spelling a cited source gives (skos:altLabel), each a row of its own.
        ...['Gheyret Niyaz', 'Gheyrat Niyaz', 'Hailaite Niyazi', 'Hailaiti Niyazi', 'Hailaitie Niyazi'].map((name) => ({ person: id('person/gheyret-niyaz'), name, caseLabel: 'Case of Gheyret Niyaz' })),
        ...['Nureli Obul', 'Nureli'].map((name) => ({ person: id('person/nureli-obul'), name, caseLabel: 'Case of Nureli Obul' })),
        ...['Nurmuhammet Yasin', 'Nurmuhemmet Yasin'].map((name) => ({ person: id('person/nurmuhammet-yasin'), name, caseLabel: 'Case of Nurmuhammet Yasin' })),
      ]),
    );
  },
  'reconciliation/person-properties': async () => {
    const values = await rows('reconciliation/person-properties', { person: id('person/gulmire-imin') });
    const of = (property: string) => [...new Set(values.filter((r) => r.property === property).map((r) => r.valueLabel ?? r.value))].sort();
    expect(of('charge')).toEqual(['Leaking state secrets', 'Organizing an illegal demonstration', 'Splittism']);
    expect(of('sentence')).toEqual(['Life imprisonment']);
    expect(of('prison')).toEqual(['Xinjiang Women’s Prison']);
    expect(of('place')).toEqual(['East Turkestan', 'Urumchi', 'Xinjiang Women’s Prison']);
    expect(of('arrestDate')).toEqual(['2009-07-14']);
    expect(of('trialDate')).toEqual(['2010-04-01']);
    expect(of('sentencingDate')).toEqual(['2010-04-01']);
    expect(of('statedAge')).toEqual([32]);
    expect(of('source')).toEqual(['UHRP prisoner profile: Gulmire Imin']);
    // The seed page's own URL is not stated in the copy, so there is no source URL yet.
    expect(of('sourceUrl')).toEqual([]);
  },
};

const sorted = (list: Array<Record<string, unknown>>) => list.map((r) => JSON.stringify(r)).sort();

describe('the saved queries', () => {
  it('number at least 12, each with a known answer below', () => {
    expect(catalog.queries.length).toBeGreaterThanOrEqual(12);
    const untested = catalog.queries.map((q) => q.name).filter((name) => !(name in expected));
    expect(untested).toEqual([]);
  });

  it.each(Object.keys(expected))('%s answers as the seed page says', async (name) => {
    await expected[name]!();
  });
});

describe('an injection attempt in a text parameter', () => {
  it('is bound as a literal and finds nothing', async () => {
    expect(await rows('persons/search-by-name', { name: 'x" } UNION { ?s ?p ?o } #' })).toEqual([]);
    expect(await rows('persons/search-by-name', { name: "x') || true || ('" })).toEqual([]);
  });
});
