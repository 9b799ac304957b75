// `casegraph export [--out DIR]`: writes the dumps (RDF, JSON-LD, CSV per class), their index, SHA256SUMS and the VoID description.
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { loadConfig } from '../../config/load-config.js';
import { BadRequestError } from '../../errors/casegraph-error.js';
import { buildDumps } from '../../linked-data/index.js';
import { datasetDescription } from '../../linked-data/index.js';
import { dumpIndex, sha256Sums } from '../../linked-data/index.js';
import { resourceFormats, serializeTriples } from '../../linked-data/index.js';
import { ResourceGraph } from '../../linked-data/index.js';
import { openStore } from '../../backends/open-store.js';
import type { Command } from '../command.js';

const defaultOut = 'dist/dumps';

export const exportCommand: Command = {
  name: 'export',
  usage: `export [--out DIR]`,
  summary: `Write the whole graph as Turtle, N-Triples, N-Quads, TriG, JSON-LD and CSV per class, with SHA-256 sums (default ${defaultOut}).`,
  async run(args, io) {
    let out = defaultOut;
    for (let i = 0; i < args.length; i += 1) {
      const arg = args[i] as string;
      if (arg === '--out' || arg === '-o') {
        const value = args[++i];
        if (value === undefined) throw new BadRequestError(`${arg} needs a folder`);
        out = value;
      } else if (arg.startsWith('--out=')) out = arg.slice('--out='.length);
      else throw new BadRequestError(`unexpected argument ${JSON.stringify(arg)} (usage: casegraph ${exportCommand.usage})`);
    }
    const config = loadConfig();
    const store = await openStore({ ...config, workers: 1 });
    try {
      const set = await buildDumps(store);
      const turtle = resourceFormats.find((f) => f.name === 'turtle')!;
      const files: Array<[string, Buffer | string]> = [
        ...set.dumps.map((d): [string, Buffer] => [d.name, d.content]),
        ['index.json', `${JSON.stringify(dumpIndex(set, ''), null, 2)}\n`],
        ['SHA256SUMS', sha256Sums(set)],
        ['void.ttl', await serializeTriples(datasetDescription(new ResourceGraph(store), set), turtle, store.baseIri)],
      ];
      await writeAll(path.resolve(out), files);
      for (const d of set.dumps) io.out(`${d.sha256}  ${d.size.toString().padStart(9)}  ${path.join(out, d.name)}\n`);
      io.out(`exported dataset version ${set.version} (${set.triples} triples) to ${out}\n`);
      return 0;
    } finally {
      await store.close();
    }
  },
};

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
