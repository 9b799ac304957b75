// `casegraph export`: writes the dumps (RDF, JSON-LD, the tidy CSV tables and their CSVW metadata), their index, SHA256SUMS and the VoID description.
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { buildDumps, datasetDescription, dumpIndex, sha256Sums, resourceFormats, serializeTriples, ResourceGraph } from '../../linked-data/index.js';
import { openCommandStore } from '../open-command-store.js';
import { defineCommand } from '../command.js';
import { configWithData, dataOption } from '../data-option.js';

const defaultOut = 'dist/dumps';

export const exportCommand = defineCommand({
  name: 'export',
  summary: `Write the whole graph as Turtle, N-Triples, N-Quads, TriG, JSON-LD and the tidy CSV tables with their CSV on the Web metadata, with SHA-256 sums (default ${defaultOut}).`,
  details: [
    'Beside the dumps it writes index.json (the listing GET /dumps/ gives) and void.ttl (the dataset description). Each file is written beside its target and renamed into place, so a failed export leaves no half-written file.',
  ],
  options: [
    { name: 'out', short: 'o', type: 'string', valueName: 'DIR', description: `Folder to write into, created if missing (default ${defaultOut}).` },
    dataOption,
  ],
  environment: ['BASE_IRI', 'DATA_DIRS'],
  exitNotes: { 1: 'bad data or a write error' },
  examples: ['casegraph export --out /srv/casegraph/dumps'],
  async run({ values }, io) {
    const out = values.out ?? defaultOut;
    const config = configWithData(values.data);
    const store = await openCommandStore(config);
    try {
      const set = await buildDumps(store);
      const turtle = resourceFormats.find((f) => f.name === 'turtle');
      if (!turtle) throw new Error('the Turtle resource format is missing from resourceFormats');
      const files: Array<[string, Buffer | string]> = [
        ...set.dumps.map((d): [string, Buffer] => [d.name, d.content]),
        ['index.json', `${JSON.stringify(dumpIndex(set, ''), null, 2)}\n`],
        ['SHA256SUMS', sha256Sums(set)],
        ['void.ttl', await serializeTriples(await datasetDescription(new ResourceGraph(store), set), turtle, store.baseIri)],
      ];
      await writeAll(path.resolve(out), files);
      for (const d of set.dumps) io.out(`${d.sha256}  ${d.size.toString().padStart(9)}  ${path.join(out, d.name)}\n`);
      io.out(`exported dataset version ${set.version} (${set.triples} triples) to ${out}\n`);
      return 0;
    } finally {
      await store.close();
    }
  },
});

/** Each file is written beside its target and renamed into place, so a failure never leaves a half-written dump. */
async function writeAll(dir: string, files: ReadonlyArray<[string, Buffer | string]>): Promise<void> {
  await mkdir(dir, { recursive: true });
  const temporary = files.map(([name]) => path.join(dir, `.${name}.${process.pid}.tmp`));
  try {
    await Promise.all(files.map(([, content], i) => writeFile(temporary[i] as string, content)));
    for (const [i, [name]] of files.entries()) await rename(temporary[i] as string, path.join(dir, name));
  } catch (error) {
    await Promise.all(temporary.map((t) => rm(t, { force: true })));
    throw error;
  }
}
