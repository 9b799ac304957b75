import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { openLocalStore } from '../../src/backends/local/open-local-store.js';
import { blank, submissionFields } from '../../src/citations/index.js';
import { loadConfig } from '../../src/config/load-config.js';
import type { FastifyInstance } from 'fastify';
import { readDocx, readMarkdown } from '../helpers/footnoted-sentences.js';

// Values no dataset or default could hold, so finding one anywhere means it came from the request.
const submitter = {
  name: 'Submitter-Name-7f3a',
  organisation: 'Organisation-7f3a',
  address: 'Address-7f3a',
  contact: 'contact-7f3a@example.test',
  relationship: 'Relationship-7f3a',
  consent: 'Consent-7f3a',
  confidentiality: 'Confidentiality-7f3a',
  date: 'Date-7f3a',
};
const values = Object.values(submitter);

let app: FastifyInstance;
const logLines: string[] = [];

beforeAll(async () => {
  const config = loadConfig({}, { workers: 1 });
  // The most talkative log level, captured: whatever the app logs about a request lands here.
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logLines.push(chunk.toString('utf8'));
      done();
    },
  });
  app = buildApp({ store: await openLocalStore(config), config, logger: { level: 'trace', stream } });
  await app.ready();
});
afterAll(async () => app?.close());

const post = (url: string, body: unknown) => app.inject({ method: 'POST', url, payload: body as object });

describe('a draft posted with the submitter’s details', () => {
  it('holds every one of them in section VI, in Markdown and in the .docx, and is not to be cached', async () => {
    const markdown = await post('/api/persons/gulmire-imin/communication.md', { submitter });
    expect(markdown.statusCode).toBe(200);
    expect(markdown.headers['cache-control']).toBe('no-store');
    const { form } = readMarkdown(markdown.body);
    for (const [key, label] of submissionFields) expect(form).toContain(`${label}: ${submitter[key]}`);
    const docx = await readDocx((await post('/api/persons/gulmire-imin/communication.docx', { submitter })).rawPayload);
    for (const value of values) expect(docx.form.join('\n')).toContain(value);
  });

  it('is followed by a request without them that shows blanks: nothing was stored', async () => {
    await post('/api/persons/gulmire-imin/communication.md', { submitter });
    for (const response of [
      await app.inject({ url: '/api/persons/gulmire-imin/communication.md' }),
      await post('/api/persons/gulmire-imin/communication.md', {}),
    ]) {
      expect(response.statusCode).toBe(200);
      for (const value of values) expect(response.body).not.toContain(value);
      const { form } = readMarkdown(response.body);
      for (const [, label] of submissionFields) expect(form).toContain(`${label}: ${blank}`);
    }
  });

  it('leaves no submitted value in any log line', async () => {
    await post('/api/persons/gulmire-imin/communication', { submitter });
    await post('/api/persons/gulmire-imin/communication.html', { submitter, unexpected: 'Unexpected-7f3a' });
    expect(logLines.length).toBeGreaterThan(0);
    const log = logLines.join('');
    for (const value of [...values, 'Unexpected-7f3a']) expect(log).not.toContain(value);
  });
});

describe('the draft’s HTML page', () => {
  it('carries a form for section VI that posts each field by name, to every form of the draft', async () => {
    const html = (await app.inject({ url: '/api/persons/gulmire-imin/communication.html' })).body;
    expect(html).toContain('<form method="post" action="communication.html" enctype="application/x-www-form-urlencoded">');
    for (const [key] of submissionFields) expect(html).toContain(`<textarea name="${key}"`);
    expect(html).toContain('formaction="communication.docx"');
  });

  it('fills section VI from the posted form, and keeps the values in the form for the next download', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/persons/gulmire-imin/communication.html',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ ...submitter, address: '' }).toString(),
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.body).toContain(`Name of the submitter: ${submitter.name}`);
    // An item left empty in the form is a blank to fill, as if it had not been sent.
    expect(response.body).toContain(`Postal address: ${blank}`);
    expect(response.body).toContain(`<textarea name="contact" rows="2" maxlength="1000">${submitter.contact}</textarea>`);
  });
});

describe('a bad submission', () => {
  it('answers 400 for an unknown field, in the body or among the submitter’s items', async () => {
    expect((await post('/api/persons/gulmire-imin/communication.md', { submitter: { nickname: 'x' } })).statusCode).toBe(400);
    expect((await post('/api/persons/gulmire-imin/communication.md', { submitter, unexpected: 'x' })).statusCode).toBe(400);
  });

  it('answers 400 for an item that is not text (a number is read as its digits, as Fastify coerces it)', async () => {
    expect((await post('/api/persons/gulmire-imin/communication.md', { submitter: { name: { first: 'x' } } })).statusCode).toBe(400);
    expect((await post('/api/persons/gulmire-imin/communication.md', { submitter: 'x' })).statusCode).toBe(400);
  });
});

describe('the draft for a person the Working Group has given an opinion on', () => {
  it('says it is a follow-up and cites the opinion', async () => {
    const response = await app.inject({ url: '/api/persons/gulmire-imin/communication.md' });
    const { headings, prose, footnotes } = readMarkdown(response.body);
    expect(headings[0]).toMatch(/^Draft follow-up communication/);
    const line = prose.find((p) => p.includes('This is a follow-up submission'));
    expect(line).toContain('the Working Group on Arbitrary Detention rendered an opinion on the case of Gulmire Imin in March 2012.');
    const note = Number(/This is a follow-up submission[^[]*\[\^(\d+)\]/.exec(line ?? '')?.[1]);
    expect(footnotes.get(note)).toContain('rendered the opinion that Gulmire Imin’s detention is arbitrary');
  });
});
