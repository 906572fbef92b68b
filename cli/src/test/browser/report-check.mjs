// Opens a cadenza HTML report in a real browser (Debian's chromium, driven by playwright-core)
// and fails unless it loads offline and shows what a report must show.
//
//   node report-check.mjs REPORT.html [--properties N] [--violated] [--waits] [--out DIR]
//
// Fails (exit 1) when: a console error or page error occurs; any request other than file: or
// data: is made (all are intercepted and refused); the verdict rows (tr.verdict) are missing or
// their count differs from the report's body[data-properties] (and from --properties N when
// given, e.g. the count `cadenza check --json` printed); there is no Gantt bar (rect ids
// "*-bar-*" inside figure.gantt, and figure.gantt[data-bars] > 0); there is no assembly SVG;
// no sensitivity section, or a subject in it without its tornado chart and rows (or a note saying why);
// with --violated, no counterexample, or a counterexample without its drawing (article.counterexample
// holding figure.assembly.state svg and figure.gantt.run with bars); a Gantt chart whose drawn waits
// (rect ids "*-wait-I-K-port|lock|join|other"), critical-path marks ("*-critical-I") or windows
// ("*-window-I") differ from its data-waits, data-critical, data-windows; a bounds chart
// (figure.gantt:not(.run)) with bars but no critical path marked, or whose windows are missing
// while the report lists them (details.windows), or whose assembly picture does not mark the
// critical path (figure.assembly.critical); with --waits, no wait drawn in any chart and no
// list of waits (ul.waits li[data-kind]); a screenshot (1366x768 and full page, to DIR, default
// target/) is under 10 KB (blank).
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
const report = args.find((a, i) => !a.startsWith('--') && (i === 0 || !['--properties', '--out'].includes(args[i - 1])));
const opt = (name) => { const i = args.indexOf(name); return i < 0 ? undefined : args[i + 1]; };
const expectedProperties = opt('--properties') === undefined ? undefined : Number(opt('--properties'));
const expectViolated = args.includes('--violated');
const expectWaits = args.includes('--waits');
const outDir = opt('--out') ?? 'target';
if (!report || !fs.existsSync(report)) {
  console.error(`usage: node report-check.mjs REPORT.html [--properties N] [--violated] [--out DIR] (no such file: ${report})`);
  process.exit(2);
}
const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';
const name = path.basename(report, '.html');
const failures = [];
const fail = (what) => failures.push(what);

const watchdog = setTimeout(() => { console.error(`${name}: FAIL: took over 90 s`); process.exit(1); }, 90_000);
const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cadenza-report-check-'));
let context;
try {
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    viewport: { width: 1366, height: 768 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  // Every request of the page goes through here: file: and data: pass, anything else is refused.
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:') || url.startsWith('data:')) {
      return route.continue();
    }
    fail(`network request: ${url}`);
    return route.abort('blockedbyclient');
  });
  const page = context.pages()[0] ?? await context.newPage();
  page.on('console', (m) => { if (m.type() === 'error') fail(`console error: ${m.text()}`); });
  page.on('pageerror', (e) => fail(`page error: ${e.message}`));
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith('file:') && !url.startsWith('data:')) fail(`request: ${url}`);
  });
  page.on('requestfailed', (r) => {
    const url = r.url();
    if (url.startsWith('file:') || url.startsWith('data:')) fail(`failed to load ${url}: ${r.failure()?.errorText}`);
  });

  const response = await page.goto(pathToFileURL(path.resolve(report)).href, { waitUntil: 'load', timeout: 30_000 });
  if (!response || !response.ok()) fail(`the page did not load (${response?.status()})`);

  const facts = await page.evaluate(() => ({
    title: document.title,
    properties: Number(document.body.dataset.properties),
    rows: document.querySelectorAll('table.verdicts tr.verdict').length,
    rowsWithVerdict: document.querySelectorAll('tr.verdict.holds, tr.verdict.violated, tr.verdict.inconclusive').length,
    ganttFigures: document.querySelectorAll('figure.gantt').length,
    ganttDeclared: [...document.querySelectorAll('figure.gantt')].reduce((n, f) => n + Number(f.dataset.bars), 0),
    ganttBars: document.querySelectorAll('figure.gantt svg rect[id*="-bar-"]').length,
    assemblySvgs: document.querySelectorAll('figure.assembly svg').length,
    assemblyShapes: document.querySelectorAll('figure.assembly svg g').length,
    counterexamples: document.querySelectorAll('article.counterexample').length,
    violatedRows: document.querySelectorAll('tr.verdict.violated').length,
    // each counterexample drawn: the assembly in its last state (with a highlighted place) and its run as a Gantt chart
    undrawn: [...document.querySelectorAll('article.counterexample')].filter((a) => {
      const state = a.querySelector('figure.assembly.state svg');
      const bars = a.querySelectorAll('figure.gantt.run svg rect[id*="-bar-"]').length;
      return !state || state.querySelectorAll('g').length === 0 || bars === 0;
    }).map((a) => a.dataset.property),
    // a figure wider than the page would be cut off; an SVG wider than its figure must scroll in it
    overflowing: [...document.querySelectorAll('figure')].filter((f) => {
      const page = document.documentElement.clientWidth + 1;
      const svg = f.querySelector('svg');
      const scrolls = ['auto', 'scroll'].includes(getComputedStyle(f).overflowX);
      return f.getBoundingClientRect().right > page || f.getBoundingClientRect().left < -1
        || (svg && svg.getBoundingClientRect().right > f.getBoundingClientRect().right + 1 && !scrolls);
    }).length,
    scripts: document.querySelectorAll('script').length,
    // each chart draws what it declares: waits (kind in the id), critical-path marks, windows
    chartMismatches: [...document.querySelectorAll('figure.gantt')].flatMap((f) => {
      const drawn = (what) => f.querySelectorAll(`svg rect[id*="-${what}-"]`).length;
      const out = [];
      for (const [what, attr] of [['wait', 'waits'], ['critical', 'critical'], ['window', 'windows']]) {
        if (drawn(what) !== Number(f.dataset[attr])) out.push(`${f.id}: ${drawn(what)} ${what} marks drawn, data-${attr}=${f.dataset[attr]}`);
      }
      const badKind = [...f.querySelectorAll('svg rect[id*="-wait-"]')].filter((r) => !/-(port|lock|join|other)$/.test(r.id));
      if (badKind.length > 0) out.push(`${f.id}: waits without a kind: ${badKind.map((r) => r.id).join(', ')}`);
      return out;
    }),
    // the bounds charts: the slowest run's critical path marked, windows drawn where the report has them
    boundsCharts: [...document.querySelectorAll('div.bounds')].map((d) => ({
      subject: d.dataset.subject,
      bars: Number(d.querySelector('figure.gantt')?.dataset.bars ?? 0),
      critical: Number(d.querySelector('figure.gantt')?.dataset.critical ?? 0),
      windows: Number(d.querySelector('figure.gantt')?.dataset.windows ?? 0),
      listedWindows: d.querySelectorAll('details.windows').length,
    })),
    criticalAssemblies: document.querySelectorAll('figure.assembly.critical svg').length,
    waitsDrawn: document.querySelectorAll('figure.gantt svg rect[id*="-wait-"]').length,
    waitsListed: document.querySelectorAll('ul.waits li[data-kind]').length,
    // the sensitivity section: each subject analysed has its tornado chart and one table row per transition
    sensitivity: document.querySelectorAll('section#sensitivity').length,
    sensitivityBroken: [...document.querySelectorAll('div.sensitivity')].filter((d) => {
      const rows = Number(d.dataset.rows);
      if (rows === 0) return !d.querySelector('p.note');
      return d.querySelectorAll('table.sensitivity tr.transition').length !== rows
        || !d.querySelector('figure.tornado svg rect');
    }).map((d) => d.dataset.subject),
  }));

  if (!(facts.rows > 0)) fail('no verdict rows (table.verdicts tr.verdict)');
  if (facts.rows !== facts.properties) fail(`${facts.rows} verdict rows, but the report counts ${facts.properties} properties`);
  if (facts.rowsWithVerdict !== facts.rows) fail(`${facts.rows - facts.rowsWithVerdict} verdict rows without a known verdict`);
  if (expectedProperties !== undefined && facts.rows !== expectedProperties) {
    fail(`${facts.rows} verdict rows, but check --json counts ${expectedProperties} properties`);
  }
  if (!(facts.ganttBars > 0)) fail('no Gantt bars (figure.gantt svg rect[id*=-bar-])');
  if (facts.ganttBars !== facts.ganttDeclared) fail(`${facts.ganttBars} Gantt bars drawn, ${facts.ganttDeclared} declared by data-bars`);
  if (!(facts.assemblySvgs > 0) || !(facts.assemblyShapes > 0)) fail('no assembly picture (figure.assembly svg)');
  if (facts.sensitivity !== 1) fail(`${facts.sensitivity} sensitivity sections (section#sensitivity), expected 1`);
  if (facts.sensitivityBroken.length > 0) {
    fail(`sensitivity without its tornado chart, rows or note: ${facts.sensitivityBroken.join('; ')}`);
  }
  if (facts.scripts > 0) fail(`${facts.scripts} script elements in a report that should have none`);
  if (facts.overflowing > 0) fail(`${facts.overflowing} pictures wider than the 1366 px page`);
  if (expectViolated && (facts.counterexamples === 0 || facts.violatedRows === 0)) {
    fail(`expected a violation: ${facts.violatedRows} violated rows, ${facts.counterexamples} counterexamples`);
  }
  if (expectViolated && facts.undrawn.length > 0) {
    fail(`counterexamples without a state picture or a run Gantt chart: ${facts.undrawn.join('; ')}`);
  }
  if (facts.counterexamples < facts.violatedRows) fail(`${facts.violatedRows} violated, only ${facts.counterexamples} counterexamples`);
  for (const m of facts.chartMismatches) fail(m);
  for (const b of facts.boundsCharts) {
    if (b.bars > 0 && b.critical === 0) fail(`${b.subject}: the bounds chart marks no critical path`);
    if (b.listedWindows > 0 && b.windows === 0) fail(`${b.subject}: windows listed but none drawn behind the bars`);
  }
  if (facts.boundsCharts.some((b) => b.critical > 0) && facts.criticalAssemblies === 0) {
    fail('no assembly picture marks the critical path (figure.assembly.critical)');
  }
  if (expectWaits && (facts.waitsDrawn === 0 || facts.waitsListed === 0)) {
    fail(`expected waits: ${facts.waitsDrawn} drawn, ${facts.waitsListed} listed`);
  }

  fs.mkdirSync(outDir, { recursive: true });
  for (const [suffix, fullPage] of [['screen', false], ['full', true]]) {
    const file = path.join(outDir, `${name}-${suffix}.png`);
    await page.screenshot({ path: file, fullPage });
    const size = fs.statSync(file).size;
    if (size < 10_000) fail(`screenshot ${file} is ${size} bytes: blank?`);
  }
  const sum = (k) => facts.boundsCharts.reduce((n, b) => n + b[k], 0);
  console.log(`${name}: ${facts.rows} verdict rows (${facts.violatedRows} violated), ${facts.ganttBars} Gantt bars, `
    + `${facts.waitsDrawn} waits, ${sum('critical')} critical and ${sum('windows')} windows in bounds charts, `
    + `${facts.assemblySvgs} assembly pictures, ${facts.counterexamples} counterexamples; screenshots in ${outDir}`);
} catch (e) {
  fail(`browser: ${e.message}`);
} finally {
  if (context) await context.close().catch(() => {});
  fs.rmSync(userDataDir, { recursive: true, force: true });
  clearTimeout(watchdog);
}
if (failures.length > 0) {
  for (const f of failures) console.error(`${name}: FAIL: ${f}`);
  process.exit(1);
}
