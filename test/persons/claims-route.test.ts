import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import Ajv2020 from 'ajv/dist/2020.js';
import type { Claim, EventClaim, PersonClaims, PunishmentClaim } from '../../src/citations/person-claims.js';
import { openCaseApp, seedSource, type CaseApp } from '../helpers/case-app.js';

let ctx: CaseApp;
let record: PersonClaims;
let seed: string;

beforeAll(async () => {
  ctx = await openCaseApp();
  seed = seedSource(ctx.config.baseIri);
  const response = await ctx.app.inject({ url: '/api/persons/gulmire-imin/claims' });
  expect(response.statusCode).toBe(200);
  expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
  record = response.json();
});
afterAll(async () => ctx?.app.close());

const events = (type: string): EventClaim[] => record.claims.filter((c): c is EventClaim => 'eventType' in c && c.eventType === type);

function expectSeedSupport(claim: Claim | undefined): void {
  expect(claim).toBeDefined();
  expect(claim!.sources.map((s) => s.iri)).toContain(seed);
  expect(claim!.excerpts.length).toBeGreaterThan(0);
}

describe('the claims of Gulmire Imin', () => {
  it('name the person and the dataset version they were read from', () => {
    expect(record.person).toEqual({ id: 'gulmire-imin', iri: `${ctx.config.baseIri}id/person/gulmire-imin`, name: 'Gulmire Imin' });
    expect(record.datasetVersion).toBe(ctx.store.version);
  });

  it('state her identity as the sources do: name, gender, stated age and ethnicity', () => {
    const identity = Object.fromEntries(record.claims.filter((c) => c.kind === 'identity').map((c) => [c.field, c.value]));
    expect(identity).toEqual({ name: 'Gulmire Imin', gender: 'female', statedAge: 32, ethnicity: 'Uyghur' });
    for (const claim of record.claims.filter((c) => c.kind === 'identity')) expectSeedSupport(claim);
  });

  it('list the arrest on 2009-07-14, to the day', () => {
    const [arrest] = events('Arrest');
    expect(arrest?.date).toEqual({ value: '2009-07-14', precision: 'day' });
    expect(arrest?.excerpts).toContain('Imin was arrested on July 14, 2009');
    expectSeedSupport(arrest);
  });

  it('list the closed trial and the life sentence, both on 2010-04-01', () => {
    const [trial] = events('Trial');
    const [sentencing] = events('Sentencing');
    expect(trial?.date?.value).toBe('2010-04-01');
    expect(trial?.closedTrial).toBe(true);
    expect(sentencing?.date?.value).toBe('2010-04-01');
    expect(sentencing?.sentenceType?.label).toBe('Life imprisonment');
    expectSeedSupport(trial);
    expectSeedSupport(sentencing);
    const sentence = record.claims.find((c) => c.kind === 'sentence');
    expect(sentence?.kind === 'sentence' && sentence.sentenceType.label).toBe('Life imprisonment');
    expectSeedSupport(sentence);
  });

  it('list the three charges, each quoting the line that names them', () => {
    const charges = record.claims.filter((c) => c.kind === 'charge');
    expect(charges.map((c) => c.kind === 'charge' && c.charge.label).sort()).toEqual([
      'Leaking state secrets',
      'Organizing an illegal demonstration',
      'Splittism',
    ]);
    for (const charge of charges) {
      expectSeedSupport(charge);
      expect(charge.excerpts).toEqual(['Charge: Splittism, leaking state secrets and organizing an illegal demonstration']);
    }
  });

  it('list the prison where she is held, in Urumchi', () => {
    const prison = record.claims.find((c) => c.kind === 'placeOfDetention');
    expect(prison?.kind === 'placeOfDetention' && [prison.place.label, prison.within]).toEqual(['Xinjiang Women’s Prison', 'Urumchi']);
    expectSeedSupport(prison);
  });

  it('list the Working Group finding of March 2012 with UDHR articles 8, 9, 10 and 19', () => {
    const opinion = record.claims.find((c): c is EventClaim => c.kind === 'unFinding');
    expect(opinion?.date).toEqual({ value: '2012-03', precision: 'month' });
    expect(opinion?.agents.map((a) => a.label)).toEqual(['Working Group on Arbitrary Detention']);
    expect(opinion?.findings?.map((f) => f.label)).toEqual(['Detention is arbitrary']);
    expect(opinion?.provisionsViolated?.map((p) => [p.instrument, p.notation])).toEqual([
      ['Universal Declaration of Human Rights', '8'],
      ['Universal Declaration of Human Rights', '9'],
      ['Universal Declaration of Human Rights', '10'],
      ['Universal Declaration of Human Rights', '19'],
    ]);
    expect(opinion?.state?.label).toBe('China');
    expectSeedSupport(opinion);
  });

  it('list the 2012 Hellman/Hammett award by Human Rights Watch, to the month', () => {
    const award = record.claims.find((c): c is EventClaim => c.kind === 'award');
    expect(award?.date).toEqual({ value: '2012-12', precision: 'month' });
    expect(award?.award?.label).toBe('Hellman/Hammett prize');
    expect(award?.agents.map((a) => a.label)).toEqual(['Human Rights Watch']);
    expectSeedSupport(award);
  });

  it('give the page’s account of the punishment (by whom, for what) as one claim on the case', () => {
    const punishment = record.claims.find((c): c is PunishmentClaim => c.kind === 'punishment');
    expect(punishment?.punishedBy.map((p) => p.label)).toEqual(['Chinese authorities']);
    expect(punishment?.reason).toBe('for voicing opinions online after the July 5 unrest');
    expect(punishment?.subject).toBe(`${ctx.config.baseIri}id/case/gulmire-imin`);
    expect(punishment?.excerpts).toEqual([
      // A short span of the page's sentence, word for word: just the part that says by whom and for what.
      'punished by Chinese authorities for voicing opinions online after the July 5 unrest',
    ]);
    expectSeedSupport(punishment);
  });

  it('list the campaign for the release of 8 prisoners', () => {
    const campaign = record.claims.find((c): c is EventClaim => c.kind === 'campaign');
    expect(campaign?.numberOfPrisoners).toBe(8);
    // The page does not say who runs the campaign, so it names no agent.
    expect(campaign?.agents).toEqual([]);
    expectSeedSupport(campaign);
  });

  it('give every claim at least one source and mark those with exactly one', () => {
    for (const claim of record.claims) {
      expect(claim.sources.length, claim.id).toBeGreaterThan(0);
      expect(claim.singleSource, claim.id).toBe(claim.sources.length === 1);
    }
    // Today every claim rests on the seed page alone; the flag must say so.
    expect(record.claims.every((c) => c.singleSource)).toBe(true);
  });

  it('quote only excerpts the graph holds word for word, and never an empty one', () => {
    for (const claim of record.claims) for (const excerpt of claim.excerpts) expect(excerpt.trim().length).toBeGreaterThan(0);
  });

  it('give dates only as precise as the sources: a month stays a month', () => {
    const dated = record.claims.filter((c): c is EventClaim => 'date' in c && c.date !== null);
    for (const event of dated) {
      const pattern = { day: /^\d{4}-\d{2}-\d{2}$/, month: /^\d{4}-\d{2}$/, year: /^\d{4}$/ }[event.date!.precision];
      expect(event.date!.value).toMatch(pattern);
    }
  });

  it('list dated events in date order, undated ones after', () => {
    const eventClaims = record.claims.filter((c): c is EventClaim => 'eventType' in c);
    const dates = eventClaims.map((e) => e.date?.value ?? null);
    const firstUndated = dates.indexOf(null);
    const dated = dates.slice(0, firstUndated === -1 ? undefined : firstUndated) as string[];
    expect(dated).toEqual([...dated].sort());
    if (firstUndated !== -1) expect(dates.slice(firstUndated).every((d) => d === null)).toBe(true);
  });

  it('list the sources with what they state and nothing more: no invented author, date or URL', () => {
    const bySlug = Object.fromEntries(record.sources.map((s) => [s.iri.split('/').pop(), s]));
    // The page's text names no publisher for itself: none is made up from its file name.
    expect(bySlug['uhrp-prisoner-profile-gulmire-imin']).toMatchObject({ title: null, publisher: null, date: null, url: null, supportsClaims: true });
    expect(bySlug['rfa-2010-uyghur-web-moderators-get-life']).toMatchObject({
      title: 'Uyghur Web Moderators Get Life',
      publisher: 'Radio Free Asia',
      date: { value: '2010', precision: 'year' },
      url: null,
      supportsClaims: false,
    });
    expect(bySlug['ars-technica-2014-08-12-activists-pose-easy-target']?.date).toEqual({ value: '2014-08-12', precision: 'day' });
    expect(record.sources).toHaveLength(11);
  });

  it('are the same bytes when asked twice', async () => {
    const again = await ctx.app.inject({ url: '/api/persons/gulmire-imin/claims' });
    expect(again.json()).toEqual(record);
  });
});

describe('an unknown person', () => {
  it.each(['claims', 'citations', 'communication', 'communication.docx'])('answers 404 with a one-line message on %s', async (route) => {
    const response = await ctx.app.inject({ url: `/api/persons/no-such-person/${route}` });
    expect(response.statusCode).toBe(404);
    expect(response.body).toBe('no person with id "no-such-person"\n');
  });

  it('answers 404 for an id that cannot name a person', async () => {
    const response = await ctx.app.inject({ url: '/api/persons/Gulmire%20Imin/claims' });
    expect(response.statusCode).toBe(404);
  });
});

describe('a person the sources do not name', () => {
  it('has claims (none about identity) rather than a 404', async () => {
    // Gulmire Imin's husband is a schema:Person in the data, with no name, age or ethnicity stated.
    const response = await ctx.app.inject({ url: '/api/persons/gulmire-imin-husband/claims' });
    expect(response.statusCode).toBe(200);
    const husband: PersonClaims = response.json();
    expect(husband.person.name).toBeNull();
    expect(husband.claims.filter((c) => c.kind === 'identity')).toEqual([]);
    expect(husband.sources.map((s) => s.iri)).toContain(seed);
  });
});

describe('the OpenAPI document', () => {
  it('describes the citation routes, and its PersonClaims schema accepts the claims answer', async () => {
    const openapi = JSON.parse((await ctx.app.inject({ url: '/openapi.json' })).body);
    for (const path of ['claims', 'citations', 'communication', 'communication.docx']) {
      expect(openapi.paths[`/api/persons/{id}/${path}`]?.get, path).toBeDefined();
    }
    const ajv = new (Ajv2020 as unknown as typeof Ajv2020.default)({ strict: false, allErrors: true });
    const validate = ajv.compile({ components: openapi.components, $ref: '#/components/schemas/PersonClaims' });
    expect(validate(record), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...record, claims: [{ id: 'x' }] })).toBe(false);
  });
});

describe('claims asked for again', () => {
  it('are read from the store once per app: the same answer, no query the second time', async () => {
    const query = vi.spyOn(ctx.store, 'query');
    try {
      const first = await ctx.app.inject({ url: '/api/persons/nurmuhammet-yasin/claims' });
      const queriesFirst = query.mock.calls.length;
      const citations = await ctx.app.inject({ url: '/api/persons/nurmuhammet-yasin/citations?format=ris' });
      const again = await ctx.app.inject({ url: '/api/persons/nurmuhammet-yasin/claims' });
      expect(first.statusCode).toBe(200);
      expect(citations.statusCode).toBe(200);
      expect(queriesFirst).toBeGreaterThan(1);
      expect(query.mock.calls.length).toBe(queriesFirst);
      expect(again.body).toBe(first.body);
    } finally {
      query.mockRestore();
    }
  });

  it('are not remembered when there are none: an unknown id is looked up in the store each time', async () => {
    const query = vi.spyOn(ctx.store, 'match');
    try {
      expect((await ctx.app.inject({ url: '/api/persons/nobody-at-all/claims' })).statusCode).toBe(404);
      const after = query.mock.calls.length;
      expect(after).toBeGreaterThan(0);
      expect((await ctx.app.inject({ url: '/api/persons/nobody-at-all/claims' })).statusCode).toBe(404);
      expect(query.mock.calls.length).toBeGreaterThan(after);
    } finally {
      query.mockRestore();
    }
  });
});
