import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataFactory } from 'n3';
import { realApp, syntheticLinkedDataApp, type LinkedDataApp } from '../helpers/linked-data-app.js';
import { hostileName, ontologyFile, syntheticCase } from '../helpers/synthetic-case.js';

const html = { accept: 'text/html' };

describe('the person page', () => {
  let s: LinkedDataApp;
  let page: string;
  beforeAll(async () => {
    s = await realApp();
    page = (await s.app.inject({ url: '/id/person/gulmire-imin', headers: html })).body;
  });
  afterAll(async () => s?.close());

  const section = (id: string): string => {
    const start = page.indexOf(`id="${id}"`);
    expect(start, id).toBeGreaterThan(0);
    return page.slice(start, page.indexOf('</section>', start));
  };

  it('says who she is, each fact footnoted to its source', () => {
    const who = section('who');
    expect(who).toContain('Gulmire Imin');
    expect(who).toContain('32');
    expect(who).toContain('Uyghur');
    expect(who).toMatch(/<sup class="cite"><a href="#source-1"/);
  });

  it('lists the dated events in date order and shows only dates the graph states', async () => {
    const timeline = section('timeline');
    const positions = ['2009-07-14', '2010-04-01', '2012-03', '2012-12'].map((d) => timeline.indexOf(`datetime="${d}"`));
    expect(positions.every((p) => p > 0)).toBe(true);
    // The page says "the July 5 unrest" without a year: it is shown, but with no date made up for it.
    expect(timeline).not.toContain('datetime="2009-07-05"');
    expect(timeline).toContain('The July 5 unrest</a>');
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    const stated = new Set((await s.store.match({ predicate: DataFactory.namedNode('http://purl.org/dc/terms/date') })).map((q) => q.object.value));
    for (const [, value] of timeline.matchAll(/datetime="([^"]+)"/g)) expect(stated.has(value as string), value).toBe(true);
  });

  it('places undated events by their stated order, marked as undated, never with a date', () => {
    const timeline = section('timeline');
    const item = (label: string): string => {
      const at = timeline.indexOf(label);
      const start = timeline.lastIndexOf('<li', at);
      return timeline.slice(start, timeline.indexOf('</li>', at));
    };
    const confession = item('Gulmire Imin forced to make false statements on state television</a>');
    expect(confession).toContain('class="ordered"');
    expect(confession).toContain('Date not stated in the sources');
    expect(confession).not.toContain('<time');
    expect(timeline.indexOf('forced to make false statements on state television</a>')).toBeLessThan(
      timeline.indexOf('sentenced to life imprisonment</a></span> <sup'),
    );
    // The page states no order for the detention (only that her family had no papers for it): undated, placed after nothing.
    const detention = item('Detention of Gulmire Imin</a>');
    expect(detention).toContain('class="undated"');
    expect(detention).toContain('Date not stated in the sources');
    expect(detention).not.toContain('after <a');
    expect(detention).not.toContain('<time');
    expect(item('Gulmire Imin publishes poems on Uyghur websites</a>')).toContain('class="undated"');
  });

  it('says that trial and sentencing fell on the same day without ordering them within it', () => {
    const timeline = section('timeline');
    expect(timeline.match(/datetime="2010-04-01"/g)).toHaveLength(2);
    expect(timeline).toContain('the same day as the entry above; the sources do not say which came first');
  });

  it('shows the three charges, the life sentence and where she is held', () => {
    const charges = section('charges');
    for (const charge of ['Splittism', 'Leaking state secrets', 'Organizing an illegal demonstration', 'Life imprisonment']) expect(charges).toContain(charge);
    expect(section('held')).toContain('Xinjiang Women’s Prison, Urumchi');
  });

  it('shows the campaign for her (cg:campaignFor) with its calls to action, footnoted', () => {
    const campaigns = section('campaigns');
    expect(campaigns).toContain(`href="/id/campaign/uhrp-release-eight-prisoners" title="${s.config.baseIri}id/campaign/uhrp-release-eight-prisoners"`);
    expect(campaigns).toContain('Send a Tweet for Gulmire Imin');
    expect(campaigns).toMatch(/<sup class="cite"><a href="#source-\d+"/);
  });

  it('shows the UN finding with UDHR articles 8, 9, 10 and 19 in order', () => {
    const findings = section('un-findings');
    expect(findings).toContain('Detention is arbitrary');
    const articles = [8, 9, 10, 19].map((n) => findings.indexOf(`UDHR article ${n}<`));
    expect(articles.every((p) => p > 0)).toBe(true);
    expect([...articles].sort((a, b) => a - b)).toEqual(articles);
  });

  it('numbers its sources and every footnote points into the list', () => {
    const numbers = new Set([...page.matchAll(/href="#source-(\d+)"/g)].map((m) => m[1]));
    expect(numbers.size).toBeGreaterThan(0);
    for (const n of numbers) expect(page).toContain(`<li id="source-${n}" value="${n}">`);
  });

  it('links every IRI it names, and its local links answer', async () => {
    const hrefs = new Set([...page.matchAll(/href="(\/[^"#]*)"/g)].map((m) => m[1] as string));
    expect(hrefs.size).toBeGreaterThan(20);
    const issue6 = /^\/api\/persons\/gulmire-imin\/(claims|citations|communication)$/;
    for (const href of hrefs) {
      if (issue6.test(href)) continue;
      const res = await s.app.inject({ url: href, headers: html });
      expect(res.statusCode, href).toBe(200);
    }
    for (const route of ['claims', 'citations', 'communication']) expect(hrefs.has(`/api/persons/gulmire-imin/${route}`)).toBe(true);
    // Every IRI written in a title attribute is the target of that link.
    for (const [, href, title] of page.matchAll(/<a href="([^"#][^"]*)" title="([^"]+)">/g)) {
      expect((title as string).endsWith((href as string).replace(/^\//, '')), `${href} ${title}`).toBe(true);
    }
  });

  it('works without JavaScript: no script element, and a policy that forbids them', async () => {
    const res = await s.app.inject({ url: '/id/person/gulmire-imin', headers: html });
    expect(res.body).not.toMatch(/<script/i);
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
  });
});

describe('a page whose literals hold markup', () => {
  let s: LinkedDataApp;
  beforeAll(async () => {
    s = await syntheticLinkedDataApp({ 'data/ontology.ttl': ontologyFile, 'data/case.ttl': syntheticCase });
  });
  afterAll(async () => s?.close());

  it('shows a <script> literal as text on the person page', async () => {
    const res = await s.app.inject({ url: '/id/person/p1', headers: html });
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toMatch(/<script/i);
    expect(res.body).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Sons');
    expect(res.body).toContain('quote with &quot;quotes&quot; and &lt;i&gt;markup&lt;/i&gt;');
    expect(res.body).not.toContain(hostileName);
  });

  it('escapes it on generic pages and in links to it', async () => {
    for (const url of ['/id/case/p1', '/id/source/s1', '/id/event/e1']) {
      const res = await s.app.inject({ url, headers: html });
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).not.toMatch(/<script|<b>tags|<i>markup/i);
    }
    const source = await s.app.inject({ url: '/id/source/s1', headers: html });
    expect(source.body).toContain('A title with &lt;b&gt;tags&lt;/b&gt;');
  });

  it('places a month-precise event by its month and an event after it without inventing a date', async () => {
    const res = await s.app.inject({ url: '/id/person/p1', headers: html });
    const timeline = res.body.slice(res.body.indexOf('id="timeline"'));
    expect(timeline).toContain('<time datetime="2001-02">February 2001</time>');
    expect(timeline.indexOf('Detention e2')).toBeGreaterThan(timeline.indexOf('Arrest e1'));
    expect(timeline.match(/<time /g)).toHaveLength(1);
    const undated = timeline.slice(timeline.lastIndexOf('<li', timeline.indexOf('Publication e3')));
    expect(undated.startsWith('<li class="undated"')).toBe(true);
  });

  it('dereferences an IRI with non-ASCII characters from its percent-encoded path', async () => {
    const res = await s.app.inject({ url: `/id/place/${encodeURIComponent('ürümqi')}`, headers: { accept: 'text/turtle' } });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Ürümqi (synthetic)');
  });

  it('shows a value the graph lacks as not stated', async () => {
    const res = await s.app.inject({ url: '/id/person/p1', headers: html });
    const who = res.body.slice(res.body.indexOf('id="who"'), res.body.indexOf('id="timeline"'));
    expect(who).toMatch(/<dt>Age<\/dt><dd><span class="unstated">not stated in the sources<\/span>/);
  });
});

describe('the home page', () => {
  let s: LinkedDataApp;
  beforeAll(async () => {
    s = await realApp();
  });
  afterAll(async () => s?.close());

  it('lists the persons and the ways into the data, without script', async () => {
    const res = await s.app.inject({ url: '/', headers: html });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
    expect(res.headers.link).toBe('</.well-known/void>; rel="describedby"');
    expect(res.body).toContain('<h1>casegraph: people imprisoned for what they said or wrote</h1>');
    expect(res.body).toContain(`href="/id/person/gulmire-imin" title="${s.config.baseIri}id/person/gulmire-imin">Gulmire Imin</a>`);
    for (const href of ['/sparql', '/api/queries', '/api/persons', '/dumps/', '/.well-known/void', '/ontology', '/docs']) {
      expect(res.body, href).toContain(`href="${href}"`);
      expect((await s.app.inject({ url: href })).statusCode, href).toBe(200);
    }
    expect(res.body).not.toMatch(/<script/i);
  });

  it('answers 406 pointing at the dataset description when HTML is not acceptable', async () => {
    const res = await s.app.inject({ url: '/', headers: { accept: 'application/json' } });
    expect(res.statusCode).toBe(406);
    expect(res.body).toMatch(/\/\.well-known\/void/);
  });
});
