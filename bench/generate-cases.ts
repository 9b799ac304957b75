// Deterministic synthetic cases in casegraph's own ontology (about 60 triples each), written as Turtle for the benchmarks.
// Run: npx tsx bench/generate-cases.ts --triples 100000 --out DIR [--seed N]
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { dct, prov, rdfs, relativeNamespaces, schema, skos, xsd } from '../src/vocabulary/namespaces.js';
import { seededRandom } from './seeded-random.js';

/**
 * The deployment base the benchmark serves synthetic files under. The files use relative IRIs like the real
 * data (`<id/person/…>`), so served with this BASE_IRI every term of the graph lies in a namespace of its own
 * (`.invalid` can never resolve), and every local name starts with `syn-` besides.
 */
export const syntheticBenchBase = 'https://synthetic.casegraph.invalid/';

export interface GenerateOptions {
  /** Stop after the case that reaches this many triples (the shared reference file counts too). */
  readonly triples: number;
  readonly outDir: string;
  readonly seed?: number;
  /** Cases per Turtle file. */
  readonly casesPerFile?: number;
}

export interface GeneratedDataset {
  readonly files: readonly string[];
  readonly triples: number;
  /** Triples of the shared reference file (lists, places, organisations), the rest being the cases'. */
  readonly referenceTriples: number;
  readonly cases: number;
  /** Ids and IRIs (relative to the base) the benchmark binds as saved-query parameters. */
  readonly samples: {
    readonly personIds: readonly string[];
    readonly charge: string;
    readonly sentenceType: string;
    readonly provision: string;
    readonly place: string;
    readonly eventType: string;
    readonly campaign: string;
  };
}

const id = relativeNamespaces.id;
const prefixes: Readonly<Record<string, string>> = {
  cg: relativeNamespaces.cg,
  person: `${id}person/`,
  case: `${id}case/`,
  event: `${id}event/`,
  source: `${id}source/`,
  org: `${id}organisation/`,
  place: `${id}place/`,
  legal: `${id}legal/`,
  charge: `${id}concept/charge/`,
  sentence: `${id}concept/sentence-type/`,
  finding: `${id}concept/finding/`,
  award: `${id}concept/award/`,
  campaign: `${id}campaign/`,
  rdfs: rdfs.iri,
  xsd: xsd.iri,
  skos: skos.iri,
  schema: schema.iri,
  prov: prov.iri,
  dct: dct.iri,
};
const header = Object.entries(prefixes)
  .map(([prefix, iri]) => `@prefix ${prefix}: <${iri}> .`)
  .join('\n');

const syllables = [
  'ab',
  'dul',
  'gul',
  'mi',
  're',
  'nur',
  'mu',
  'ham',
  'met',
  'ya',
  'sin',
  'il',
  'ham',
  'tur',
  'sun',
  'ay',
  'zi',
  'ka',
  'der',
  'ba',
  'hti',
  'yar',
  'pa',
  'ti',
];
const charges = [
  'splittism',
  'inciting-subversion',
  'leaking-state-secrets',
  'illegal-demonstration',
  'separatism',
  'extremism',
  'spreading-rumours',
  'disturbing-order',
];
const sentenceTypes = ['life-imprisonment', 'fixed-term', 'death-suspended', 'administrative-detention'];
const findings = ['arbitrary-detention', 'no-finding'];
const awards = ['writers-prize', 'courage-award'];
const instruments = ['udhr', 'iccpr'];
const articles = ['8', '9', '10', '14', '19', '20'];
const placeCount = 40;
const orgCount = 12;

const lit = (value: string): string => JSON.stringify(value);
const en = (value: string): string => `${JSON.stringify(value)}@en`;
const pad = (n: number): string => String(n).padStart(6, '0');
// A synthetic source is a root, as the seed page is: the project "holds" it (there is no text; the marker says so) and it
// derives from nothing, so its excerpts and those of the nodes taken from it pass the shapes' held-excerpt rule.
const sourced = (subject: string, excerpt: string, source: string): string =>
  subject === source
    ? `    cg:excerpt ${lit(excerpt)} ;\n    cg:heldCopy ${lit('synthetic: no text')} .\n`
    : `    cg:excerpt ${lit(excerpt)} ;\n    prov:wasDerivedFrom ${source} .\n`;

/** One node in Turtle; returns the text and how many triples it states. */
function node(subject: string, types: string, props: ReadonlyArray<readonly [string, readonly string[]]>, excerpt: string, source: string): [string, number] {
  let text = `${subject} a ${types} ;\n`;
  let triples = types.split(',').length + 2;
  for (const [predicate, objects] of props) {
    if (objects.length === 0) continue;
    text += `    ${predicate} ${objects.join(', ')} ;\n`;
    triples += objects.length;
  }
  return [`${text}${sourced(subject, excerpt, source)}\n`, triples];
}

/** Controlled lists, places, organisations and legal instruments shared by all cases, all sourced by one catalogue source. */
function referenceFile(): [string, number] {
  const parts: string[] = [];
  let triples = 0;
  const add = ([text, n]: [string, number]): void => {
    parts.push(text);
    triples += n;
  };
  const src = 'source:syn-catalogue';
  add(
    node(
      src,
      'cg:Source',
      [
        ['rdfs:label', [en('Synthetic catalogue')]],
        ['dct:title', [lit('Synthetic catalogue')]],
      ],
      'synthetic',
      src,
    ),
  );
  const concept = (prefix: string, local: string, scheme: string, extra: ReadonlyArray<readonly [string, readonly string[]]> = []): void => {
    const label = `${local.replace(/-/g, ' ')} (synthetic)`;
    add(
      node(
        `${prefix}:syn-${local}`,
        'skos:Concept',
        [['skos:inScheme', [scheme]], ['skos:prefLabel', [en(label)]], ['rdfs:label', [en(label)]], ...extra],
        label,
        src,
      ),
    );
  };
  for (const c of charges) concept('charge', c, 'cg:Charges');
  for (const s of sentenceTypes) concept('sentence', s, 'cg:SentenceTypes');
  for (const f of findings) concept('finding', f, 'cg:Findings');
  for (const a of awards) concept('award', a, 'cg:Awards');
  for (const instrument of instruments) {
    concept('legal', instrument, 'cg:LegalInstruments');
    for (const article of articles) {
      concept('legal', `${instrument}-article-${article}`, 'cg:LegalInstruments', [
        ['skos:broader', [`legal:syn-${instrument}`]],
        ['skos:notation', [lit(article)]],
      ]);
    }
  }
  for (let p = 0; p < placeCount; p++) {
    const name = `Synthetic place ${p}`;
    add(
      node(
        `place:syn-${p}`,
        'schema:Place',
        [
          ['rdfs:label', [en(name)]],
          ['schema:name', [lit(name)]],
        ],
        name,
        src,
      ),
    );
  }
  for (let o = 0; o < orgCount; o++) {
    const name = `Synthetic organisation ${o}`;
    add(
      node(
        `org:syn-${o}`,
        'schema:Organization',
        [
          ['rdfs:label', [en(name)]],
          ['schema:name', [lit(name)]],
        ],
        name,
        src,
      ),
    );
  }
  return [`# Synthetic reference lists for the benchmark (generated; not real data).\n${header}\n\n${parts.join('')}`, triples];
}

/** One case: its source, person, case node and events, shaped like data/cases/gulmire-imin.ttl. */
function caseText(n: number, rand: () => number): [string, number] {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const slug = `syn-${pad(n)}`;
  const name = Array.from({ length: 2 }, () => {
    const word = pick(syllables) + pick(syllables) + pick(syllables);
    return word.charAt(0).toUpperCase() + word.slice(1);
  }).join(' ');
  const year = 2000 + Math.floor(rand() * 24);
  const month = 1 + Math.floor(rand() * 12);
  const day = 1 + Math.floor(rand() * 28);
  const mm = String(month).padStart(2, '0');
  const dd = String(day).padStart(2, '0');
  const src = `source:${slug}`;
  const person = `person:${slug}`;
  const ev = (kind: string): string => `event:${slug}-${kind}`;
  const caseCharges = [...new Set([pick(charges), pick(charges)])].map((c) => `charge:syn-${c}`);
  const sentence = `sentence:syn-${pick(sentenceTypes)}`;
  const place = `place:syn-${Math.floor(rand() * placeCount)}`;
  const org = `org:syn-${Math.floor(rand() * orgCount)}`;
  const hasOpinion = n % 3 === 0;
  const hasAward = n % 5 === 0;
  const hasCampaign = n % 10 === 0;
  const events = [ev('arrest'), ev('detention'), ev('trial'), ev('sentencing'), ...(hasOpinion ? [ev('opinion')] : []), ...(hasAward ? [ev('award')] : [])];
  const date = (value: string, type: string): string => `${lit(value)}^^xsd:${type}`;
  const nodes: Array<[string, number]> = [
    node(
      src,
      'cg:Source',
      [
        ['rdfs:label', [en(`Synthetic profile of ${name}`)]],
        ['dct:title', [lit(`Profile: ${name}`)]],
        ['dct:publisher', [org]],
      ],
      `profile of ${name}`,
      src,
    ),
    node(
      person,
      'schema:Person',
      [
        ['rdfs:label', [en(name)]],
        ['schema:name', [lit(name)]],
        ['schema:gender', [rand() < 0.5 ? 'schema:Female' : 'schema:Male']],
        ['cg:statedAge', [String(18 + Math.floor(rand() * 60))]],
        ['cg:ethnicity', [en('Uyghur')]],
      ],
      `${name}, a synthetic person`,
      src,
    ),
    node(
      `case:${slug}`,
      'cg:Case',
      [
        ['rdfs:label', [en(`Case of ${name}`)]],
        ['cg:concernsPerson', [person]],
        ['cg:charge', caseCharges],
        ['cg:sentenceType', [sentence]],
        ['cg:heldAt', [place]],
        ['cg:punishedBy', [org]],
        ['cg:reason', [en('for what they wrote online')]],
        ['cg:hasEvent', events],
      ],
      `Case of ${name}`,
      src,
    ),
    node(
      ev('arrest'),
      'cg:Arrest',
      [
        ['rdfs:label', [en(`Arrest of ${name}`)]],
        ['dct:date', [date(`${year}-${mm}-${dd}`, 'date')]],
        ['cg:concernsPerson', [person]],
        ['cg:place', [place]],
      ],
      `${name} was arrested`,
      src,
    ),
    node(
      ev('detention'),
      'cg:Detention',
      [
        ['rdfs:label', [en(`Detention of ${name}`)]],
        ['cg:concernsPerson', [person]],
        ['cg:occurredAfter', [ev('arrest')]],
      ],
      `${name} was detained`,
      src,
    ),
    node(
      ev('trial'),
      'cg:Trial',
      [
        ['rdfs:label', [en(`Trial of ${name}`)]],
        ['dct:date', [date(`${year + 1}-${mm}`, 'gYearMonth')]],
        ['cg:concernsPerson', [person]],
        ['cg:closedTrial', [rand() < 0.7 ? 'true' : 'false']],
      ],
      `${name} was tried`,
      src,
    ),
    node(
      ev('sentencing'),
      'cg:Sentencing',
      [
        ['rdfs:label', [en(`Sentencing of ${name}`)]],
        ['dct:date', [date(`${year + 1}`, 'gYear')]],
        ['cg:concernsPerson', [person]],
        ['cg:sentenceType', [sentence]],
      ],
      `${name} was sentenced`,
      src,
    ),
  ];
  if (hasOpinion) {
    const instrument = pick(instruments);
    const provisions = [...new Set([pick(articles), pick(articles)])].map((a) => `legal:syn-${instrument}-article-${a}`);
    nodes.push(
      node(
        ev('opinion'),
        'cg:WorkingGroupOpinion',
        [
          ['rdfs:label', [en(`Opinion on ${name}`)]],
          ['dct:date', [date(`${year + 3}-${mm}`, 'gYearMonth')]],
          ['cg:concernsPerson', [person]],
          ['cg:agent', [`org:syn-0`]],
          ['cg:finding', [`finding:syn-${rand() < 0.8 ? 'arbitrary-detention' : 'no-finding'}`]],
          ['cg:concernsState', [`place:syn-0`]],
          ['cg:provisionViolated', provisions],
        ],
        `the detention of ${name} is arbitrary`,
        src,
      ),
    );
  }
  if (hasAward) {
    nodes.push(
      node(
        ev('award'),
        'cg:AwardConferral',
        [
          ['rdfs:label', [en(`Award for ${name}`)]],
          ['dct:date', [date(`${year + 2}`, 'gYear')]],
          ['cg:concernsPerson', [person]],
          ['cg:agent', [`org:syn-1`]],
          ['cg:award', [`award:syn-${pick(awards)}`]],
        ],
        `${name} received an award`,
        src,
      ),
    );
  }
  if (hasCampaign) {
    nodes.push(
      node(
        `campaign:${slug}`,
        'cg:Campaign',
        [
          ['rdfs:label', [en(`Campaign for ${name}`)]],
          ['cg:agent', [`org:syn-2`]],
          ['cg:campaignFor', [person]],
          ['cg:callToAction', [en(`Write for ${name}`)]],
        ],
        `Write for ${name}`,
        src,
      ),
    );
  }
  return [nodes.map(([text]) => text).join(''), nodes.reduce((sum, [, n]) => sum + n, 0)];
}

/** Writes the reference file and case files into outDir (emptied of earlier .ttl files first); same options, same bytes. */
export function generateCases(options: GenerateOptions): GeneratedDataset {
  const { triples: target, outDir, seed = 1, casesPerFile = 1000 } = options;
  if (!Number.isInteger(target) || target <= 0) throw new RangeError(`triples must be a positive integer, got ${target}`);
  mkdirSync(outDir, { recursive: true });
  for (const old of readdirSync(outDir)) if (old.endsWith('.ttl')) rmSync(path.join(outDir, old));
  const rand = seededRandom(seed);
  const files: string[] = [];
  const [reference, referenceTriples] = referenceFile();
  writeFileSync(path.join(outDir, 'syn-reference.ttl'), reference);
  files.push('syn-reference.ttl');
  let triples = referenceTriples;
  let cases = 0;
  while (triples < target) {
    const chunk: string[] = [];
    const first = cases + 1;
    while (chunk.length < casesPerFile && triples < target) {
      const [text, n] = caseText(++cases, rand);
      chunk.push(text);
      triples += n;
    }
    const file = `syn-cases-${pad(first)}.ttl`;
    writeFileSync(path.join(outDir, file), `# Synthetic cases ${first}–${cases} for the benchmark (generated; not real data).\n${header}\n\n${chunk.join('')}`);
    files.push(file);
  }
  return {
    files,
    triples,
    referenceTriples,
    cases,
    samples: {
      personIds: [1, Math.ceil(cases / 2), cases].map((n) => `syn-${pad(n)}`),
      charge: `${prefixes.charge}syn-${charges[0]}`,
      sentenceType: `${prefixes.sentence}syn-${sentenceTypes[0]}`,
      provision: `${prefixes.legal}syn-udhr-article-19`,
      place: `${prefixes.place}syn-1`,
      eventType: `${prefixes.cg}Arrest`,
      campaign: `${prefixes.campaign}syn-${pad(10)}`,
    },
  };
}

function argument(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at === -1 ? undefined : process.argv[at + 1];
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const triples = Number(argument('triples') ?? 10000);
  const outDir = argument('out');
  if (outDir === undefined) {
    console.error('usage: npx tsx bench/generate-cases.ts --triples N --out DIR [--seed N]');
    process.exit(2);
  }
  const result = generateCases({ triples, outDir: path.resolve(outDir), seed: Number(argument('seed') ?? 1) });
  console.log(`${result.triples} triples, ${result.cases} cases, ${result.files.length} files in ${path.resolve(outDir)}`);
}
