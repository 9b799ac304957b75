import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatasetQueries, seedText, type DatasetQueries } from '../helpers/dataset-queries.js';

// Every fact the seed page states, asked of the loaded graph. Each ASK also demands that the node carrying
// the fact cites the seed page in one hop, so a fact without its source fails as surely as a missing fact.
const seed = 'source:uhrp-prisoner-profile-gulmire-imin';

let dataset: DatasetQueries;
beforeAll(async () => {
  dataset = await openDatasetQueries();
});
afterAll(async () => dataset?.close());

const ask = (body: string): Promise<boolean> => dataset.ask(body);
const select = (query: string): Promise<Array<Record<string, string>>> => dataset.select(query);

const facts: ReadonlyArray<readonly [string, string]> = [
  ['Gulmire Imin is a person, named so', `person:gulmire-imin a schema:Person ; schema:name "Gulmire Imin" ; prov:wasDerivedFrom ${seed} .`],
  ['she is a woman', `person:gulmire-imin schema:gender schema:Female ; prov:wasDerivedFrom ${seed} .`],
  ['her age is 32 as the page states it', `person:gulmire-imin cg:statedAge 32 ; prov:wasDerivedFrom ${seed} .`],
  ['she is Uyghur', `person:gulmire-imin cg:ethnicity "Uyghur"@en ; prov:wasDerivedFrom ${seed} .`],
  ['she was charged with splittism', `case:gulmire-imin cg:concernsPerson person:gulmire-imin ; cg:charge charge:splittism ; prov:wasDerivedFrom ${seed} . charge:splittism skos:prefLabel "Splittism"@en ; prov:wasDerivedFrom ${seed} .`],
  ['she was charged with leaking state secrets', `case:gulmire-imin cg:charge charge:leaking-state-secrets . charge:leaking-state-secrets skos:prefLabel "Leaking state secrets"@en ; skos:inScheme cg:Charges ; prov:wasDerivedFrom ${seed} .`],
  ['she was charged with organizing an illegal demonstration', `case:gulmire-imin cg:charge charge:organizing-an-illegal-demonstration . charge:organizing-an-illegal-demonstration skos:prefLabel "Organizing an illegal demonstration"@en ; prov:wasDerivedFrom ${seed} .`],
  ['her sentence is life imprisonment', `case:gulmire-imin cg:sentenceType sentence:life-imprisonment ; prov:wasDerivedFrom ${seed} . sentence:life-imprisonment skos:prefLabel "Life imprisonment"@en ; skos:inScheme cg:SentenceTypes .`],
  ['she is held in Xinjiang Women’s Prison in Urumchi', `case:gulmire-imin cg:heldAt ?prison ; prov:wasDerivedFrom ${seed} . ?prison schema:name "Xinjiang Women’s Prison" ; schema:containedInPlace ?city ; prov:wasDerivedFrom ${seed} . ?city schema:name "Urumchi" .`],
  ['she was arrested on 2009-07-14', `?arrest a cg:Arrest ; cg:concernsPerson person:gulmire-imin ; dct:date "2009-07-14"^^xsd:date ; prov:wasDerivedFrom ${seed} .`],
  ['her family received no official documents on her detention', `?detention a cg:Detention ; cg:concernsPerson person:gulmire-imin ; cg:familyReceivedOfficialDocuments false ; prov:wasDerivedFrom ${seed} .`],
  ['her trial was closed and held on 2010-04-01', `?trial a cg:Trial ; cg:concernsPerson person:gulmire-imin ; cg:closedTrial true ; dct:date "2010-04-01"^^xsd:date ; prov:wasDerivedFrom ${seed} .`],
  ['she was sentenced to life on 2010-04-01, the day of her trial', `?s a cg:Sentencing ; cg:concernsPerson person:gulmire-imin ; dct:date ?d ; cg:sentenceType sentence:life-imprisonment ; prov:wasDerivedFrom ${seed} . ?t a cg:Trial ; cg:concernsPerson person:gulmire-imin ; dct:date ?d . FILTER(?d = "2010-04-01"^^xsd:date)`],
  ['the page says Chinese authorities punished her for voicing opinions online after the July 5 unrest: its account of the case', `case:gulmire-imin cg:punishedBy ?a ; cg:reason "for voicing opinions online after the July 5 unrest"@en ; cg:excerpt ?x ; prov:wasDerivedFrom ${seed} . ?a schema:name "Chinese authorities" . FILTER(CONTAINS(?x, "punished by Chinese authorities for voicing opinions online"))`],
  ['she was forced to make statements, included in a CCTV 4 program, before her sentencing', `?c a cg:ForcedConfession ; cg:concernsPerson person:gulmire-imin ; cg:broadcastIn ?programme ; cg:occurredBefore ?s ; prov:wasDerivedFrom ${seed} . ?s a cg:Sentencing . ?programme schema:about ?unrest ; schema:publisher ?cctv . ?unrest a cg:Unrest . ?cctv schema:name "CCTV 4" . FILTER NOT EXISTS { ?programme schema:name ?title }`],
  ['the programme has parts 1, 2 and 3, each a source', `?programme schema:name "The July 5 Riot from Start" ; schema:hasPart ?p1, ?p2, ?p3 . ?p1 a cg:Source ; schema:position 1 ; prov:wasDerivedFrom ${seed} . ?p2 a cg:Source ; schema:position 2 . ?p3 a cg:Source ; schema:position 3 .`],
  ['the forced statements concerned her actions and her husband’s', `?c a cg:ForcedConfession ; cg:statementsConcerned person:gulmire-imin, ?husband ; prov:wasDerivedFrom ${seed} . person:gulmire-imin schema:spouse ?husband .`],
  ['her husband was living in Norway', `person:gulmire-imin schema:spouse ?husband . ?husband schema:homeLocation ?norway ; cg:excerpt "her husband, who was living in Norway" ; prov:wasDerivedFrom ${seed} . ?norway schema:name "Norway" ; prov:wasDerivedFrom ${seed} .`],
  ['she published poems on Uyghur websites', `?e a cg:Publication ; cg:agent person:gulmire-imin ; schema:description ?d ; prov:wasDerivedFrom ${seed} . FILTER(CONTAINS(?d, "poems"))`],
  ['after that she was invited to administer the website Salkin', `?i a cg:Invitation ; cg:concernsPerson person:gulmire-imin ; cg:role "administrator"@en ; cg:website ?site ; cg:occurredAfter ?p ; prov:wasDerivedFrom ${seed} . ?site schema:name "Salkin" . ?p a cg:Publication .`],
  ['the page names the July 5 unrest, by day and month only', `?u a cg:Unrest ; rdfs:label "The July 5 unrest"@en ; cg:excerpt "the July 5 unrest" ; prov:wasDerivedFrom ${seed} . FILTER NOT EXISTS { ?u dct:date ?d }`],
  ['and, separately, unrest in 2009 in Urumchi', `?u a cg:Unrest ; dct:date "2009"^^xsd:gYear ; cg:place place:urumchi ; prov:wasDerivedFrom ${seed} .`],
  ['her case is set in the context of the July 5 unrest', `case:gulmire-imin cg:context ?u . ?u a cg:Unrest ; rdfs:label "The July 5 unrest"@en .`],
  ['the Working Group on Arbitrary Detention found her detention arbitrary in March 2012', `?o a cg:WorkingGroupOpinion ; cg:concernsPerson person:gulmire-imin ; dct:date "2012-03"^^xsd:gYearMonth ; cg:agent ?wgad ; cg:finding finding:arbitrary-detention ; prov:wasDerivedFrom ${seed} . ?wgad schema:name "Working Group on Arbitrary Detention" .`],
  ['the opinion found China in contravention of UDHR articles 8, 9, 10 and 19', `?o a cg:WorkingGroupOpinion ; cg:concernsState ?china ; cg:provisionViolated legal:udhr-article-8, legal:udhr-article-9, legal:udhr-article-10, legal:udhr-article-19 . ?china schema:name "China" . legal:udhr-article-19 skos:broader legal:udhr ; skos:notation "19" ; prov:wasDerivedFrom ${seed} . legal:udhr skos:prefLabel "Universal Declaration of Human Rights"@en .`],
  ['Human Rights Watch gave her the Hellman/Hammett prize in December 2012', `?a a cg:AwardConferral ; cg:concernsPerson person:gulmire-imin ; dct:date "2012-12"^^xsd:gYearMonth ; cg:agent ?hrw ; cg:award award:hellman-hammett ; cg:reason ?why ; prov:wasDerivedFrom ${seed} . ?hrw schema:name "Human Rights Watch" . FILTER(CONTAINS(?why, "freedom of expression"))`],
  ['a campaign for the release of 8 prisoners has a petition that is UHRP’s', `?c a cg:Campaign ; cg:numberOfPrisoners 8 ; cg:campaignFor person:gulmire-imin ; schema:hasPart ?petition ; prov:wasDerivedFrom ${seed} . ?petition a cg:Petition ; schema:publisher ?uhrp . ?uhrp schema:name "UHRP" .`],
  ['Nurmuhammet Yasin is named as the next prisoner page, and not placed in the campaign', `?p schema:name "Nurmuhammet Yasin" ; cg:excerpt "the next prisoner page: NURMUHAMMET YASIN" ; prov:wasDerivedFrom ${seed} . FILTER NOT EXISTS { ?c a cg:Campaign ; cg:campaignFor|cg:concernsPerson ?p }`],
  ['the Internet in the Uyghur region was shut down for 10 months after the unrest', `?s a cg:InternetShutdown ; schema:duration "P10M"^^xsd:duration ; cg:occurredAfter ?u ; prov:wasDerivedFrom ${seed} . ?u a cg:Unrest .`],
  ['over 80% of Uyghur websites had been deleted when it returned', `?c a cg:ContextStatement ; schema:about ?s ; cg:excerpt ?x ; prov:wasDerivedFrom ${seed} . ?s a cg:InternetShutdown . FILTER(CONTAINS(?x, "over 80% of Uyghur websites had been deleted"))`],
  ['several Uyghur webmasters and bloggers have been imprisoned', `?c a cg:ContextStatement ; cg:excerpt ?x ; prov:wasDerivedFrom ${seed} . FILTER(CONTAINS(?x, "several Uyghur webmasters and bloggers have been imprisoned"))`],
];

const sources: ReadonlyArray<readonly [string, string, string]> = [
  ['Uyghur Web Moderators Get Life', 'Radio Free Asia', '"2010"^^xsd:gYear'],
  ['The plight of Uyghur writers imprisoned in China', 'Uyghur PEN', '"2012"^^xsd:gYear'],
  ['Throttling Dissent: China’s New Leaders Refine Internet Control', 'Freedom House', '"2013"^^xsd:gYear'],
  ['Welcome to the Uighur Web', 'Foreign Policy', '"2014"^^xsd:gYear'],
  ['How China Dismantled the Uyghur Internet', 'The Diplomat', '"2014"^^xsd:gYear'],
  ['New study: Activists pose easy target for nation-state attackers', 'Ars Technica', '"2014-08-12"^^xsd:date'],
];

describe('the case of Gulmire Imin, as the seed page states it', () => {
  it.each(facts)('%s', async (_fact, body) => {
    expect(await ask(body)).toBe(true);
  });

  it.each(sources)('names the source "%s" (%s) with its date', async (title, publisher, date) => {
    const body = `?s a cg:Source ; dct:title ${JSON.stringify(title)} ; dct:publisher ?p ; dct:date ${date} ; prov:wasDerivedFrom ${seed} . ${seed} dct:references ?s . ?p schema:name ${JSON.stringify(publisher)} .`;
    expect(await ask(body)).toBe(true);
  });

  it("names UHRP's report on Internet freedom, without inventing its title or date", async () => {
    const rows = await select(`SELECT ?title ?date WHERE { ?s a cg:Source ; rdfs:label "UHRP’s report on Internet freedom in East Turkestan"@en ; dct:publisher org:uhrp ; prov:wasDerivedFrom ${seed} . OPTIONAL { ?s dct:title ?title } OPTIONAL { ?s dct:date ?date } }`);
    expect(rows).toEqual([{}]);
  });

  it('holds the seed page itself as a source, with no publisher the page does not state', async () => {
    expect(await ask(`${seed} a cg:Source ; cg:heldCopy ?path .`)).toBe(true);
    expect(await ask(`${seed} dct:publisher ?who`)).toBe(false);
  });
});

describe('what the seed page does not say', () => {
  it('gives no birth date, no other date for the arrest, no name for her husband', async () => {
    expect(await ask(`?p schema:birthDate ?d`)).toBe(false);
    expect(await ask(`?a a cg:Arrest ; dct:date ?d . FILTER(?d != "2009-07-14"^^xsd:date)`)).toBe(false);
    expect(await ask(`person:gulmire-imin schema:spouse ?h . ?h schema:name ?n`)).toBe(false);
  });

  it('links to no Wikidata item that no source states', async () => {
    expect(await ask(`?x <http://www.w3.org/2002/07/owl#sameAs> ?y`)).toBe(false);
  });

  it('does not say that the CCTV 4 program is The July 5 Riot from Start, nor who published that', async () => {
    expect(await ask(`?c a cg:ForcedConfession ; cg:broadcastIn ?w . ?w schema:name "The July 5 Riot from Start"`)).toBe(false);
    expect(await ask(`?w schema:name "The July 5 Riot from Start" ; (schema:publisher|schema:hasPart/dct:publisher) ?p`)).toBe(false);
  });

  it('does not equate the Uyghur region with East Turkestan, nor call CCTV 4 state television', async () => {
    expect(await ask(`?place schema:name "East Turkestan" ; (skos:altLabel|rdfs:label|schema:name) ?n . FILTER(CONTAINS(STR(?n), "Uyghur region"))`)).toBe(false);
    expect(await ask(`?o schema:name "CCTV 4" ; schema:description ?d`)).toBe(false);
  });

  it('does not say who sentenced her, nor where she was held before the place she is held now', async () => {
    expect(await ask(`?s a cg:Sentencing ; cg:agent ?who`)).toBe(false);
    expect(await ask(`?d a cg:Detention ; cg:place ?where`)).toBe(false);
  });

  it('gives the detention no date and the Working Group opinion no number', async () => {
    expect(await ask(`?d a cg:Detention ; cg:concernsPerson person:gulmire-imin ; dct:date ?date`)).toBe(false);
    expect(await ask(`?o a cg:WorkingGroupOpinion ; (schema:identifier|dct:identifier|skos:notation) ?n`)).toBe(false);
  });
});

describe('provenance of every node in data/', () => {
  it('every event cites at least one source', async () => {
    const rows = await select(`SELECT ?event WHERE { ?event a ?type . ?type rdfs:subClassOf cg:Event . FILTER NOT EXISTS { ?event prov:wasDerivedFrom ?s . ?s a cg:Source } }`);
    const events = await select(`SELECT ?event WHERE { ?event a ?type . ?type rdfs:subClassOf cg:Event }`);
    expect(events.length).toBeGreaterThanOrEqual(12);
    expect(rows).toEqual([]);
  });

  it('every subject in data/cases/, data/imported/ and data/reference/ cites a source in one hop', async () => {
    const rows = await select(`SELECT DISTINCT ?s ?g WHERE { GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), STR(<graph/data/cases/>)) || STRSTARTS(STR(?g), STR(<graph/data/imported/>)) || STRSTARTS(STR(?g), STR(<graph/data/reference/>))) FILTER(isIRI(?s)) FILTER NOT EXISTS { ?s prov:wasDerivedFrom ?src . ?src a cg:Source } FILTER NOT EXISTS { ?s cg:heldCopy|schema:url ?copy } }`);
    const subjects = await select(`SELECT DISTINCT ?s WHERE { GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), STR(<graph/data/cases/>))) }`);
    expect(subjects.length).toBeGreaterThan(10);
    expect(rows).toEqual([]);
  });

  it('every excerpt is found word for word in the seed page', async () => {
    const rows = await select(`SELECT ?s ?x WHERE { ?s cg:excerpt ?x ; prov:wasDerivedFrom ${seed} }`);
    expect(rows.length).toBeGreaterThan(50);
    const normalise = (t: string) => t.replace(/\s+/g, ' ');
    const missing = rows.filter((r) => !normalise(seedText).includes(normalise(r.x ?? '')));
    expect(missing).toEqual([]);
  });

  it('every name in data/ taken from the seed page appears in it', async () => {
    const rows = await select(`SELECT ?s ?name WHERE { GRAPH ?g { ?s schema:name ?name ; prov:wasDerivedFrom ${seed} } FILTER(STRSTARTS(STR(?g), STR(<graph/data/>))) }`);
    expect(rows.length).toBeGreaterThan(15);
    const missing = rows.filter((r) => !seedText.toLowerCase().includes((r.name ?? '').toLowerCase()));
    expect(missing).toEqual([]);
  });
});
