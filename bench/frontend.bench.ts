/**
 * Front-end speed in headless Chromium (issue #8): time from navigation to a laid-out, interactive
 * graph at 100, 1k, 5k and 10k elements; frame times while panning and zooming at each size; the
 * initial JavaScript the page loads, gzipped, with lazily loaded files apart.
 *
 * Graphs of an exact size come from bench/frontend-graphs.ts and reach the page in place of the
 * `GET /api/overview` answer (the DevTools protocol's Fetch domain), so the numbers do not depend on what the
 * database holds; the server's own overview is measured too. "Ready" is the canvas reporting
 * `data-graph-state="ready"` with every node drawn (laid out and fitted); "interactive" is the
 * first moment after that at which the page has painted a frame and run a queued task (the main
 * thread answers). Both are read from `performance.now()` in the page, i.e. from navigation start.
 *
 * Standalone: `tsx bench/frontend.bench.ts <baseUrl> [--quick]` against an app serving web/dist.
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../tests/support/browser.ts';
import { WORKER_LAYOUT_MIN_NODES } from '../web/src/lib/graph/layout.ts';
import { syntheticOverview } from './frontend-graphs.ts';
import { percentile } from './latency-stats.ts';
import type { BenchSection, BenchTarget, SuiteResult } from './report.ts';

/** Graph sizes measured, in elements (nodes + relationships). */
export const FRONTEND_SIZES = [100, 1_000, 5_000, 10_000] as const;
/** Issue #8: 5,000 elements laid out and interactive within this many ms of navigation. */
export const INTERACTIVE_TARGET_MS = 2_000;
/** Issue #8: the JavaScript the page loads initially, gzipped, at most this many bytes. */
export const INITIAL_JS_TARGET_BYTES = 350 * 1024;

const VIEWPORT = { width: 1440, height: 900 } as const;

/** What one page load measured. */
export interface LoadSample {
  /** ms from navigation start to `data-graph-state="ready"` with every node on the canvas. */
  readyMs: number;
  /** ms from navigation start to the first painted frame and answered task after ready. */
  interactiveMs: number;
  /**
   * ms from navigation start to the first node Cytoscape may draw: on the canvas and no batch held
   * (a new big graph is added and styled unseen while its layout runs, so for it this is ready).
   */
  firstNodesMs: number | null;
  /** Longest main-thread task (Long Tasks API) between navigation and interactive. */
  longestTaskMs: number;
  /**
   * CPU time the page's processes (renderer with its worker, GPU process) used from just before
   * navigation to interactive: unlike wall time, it hardly depends on how busy the machine is.
   */
  cpuMs: number;
  nodes: number;
  edges: number;
  /** Frame-to-frame times (ms) while panning, then while zooming. */
  panFrames: number[];
  zoomFrames: number[];
  /** JavaScript files the page fetched (absolute URLs). */
  scripts: string[];
}

/** A JavaScript file and its size. */
export interface ScriptSize {
  file: string;
  bytes: number;
  gzipBytes: number;
}

// In-page probe (a string: this program has no DOM types). It records when the canvas first shows
// nodes, when it reports ready with `expected` nodes, and when a frame and a task have run after
// that; long tasks are collected from navigation on.
const PROBE = `(() => {
  const bench = (window.__bench = { expected: -1, firstNodesAt: null, readyAt: null, interactiveAt: null, tasks: [] });
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) bench.tasks.push([entry.startTime, entry.duration]);
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
  const check = () => {
    const canvas = document.querySelector('[data-graph-state]');
    const cy = window.__cy;
    if (!canvas || !cy) return;
    const state = canvas.getAttribute('data-graph-state');
    // Nodes count as shown once Cytoscape may draw them: not while it holds a batch open (the
    // canvas adds and styles a big graph unseen while its layout runs).
    if (bench.firstNodesAt === null && cy.nodes().length > 0 && !cy.batching()) bench.firstNodesAt = performance.now();
    if (bench.readyAt !== null || state !== 'ready') return;
    if (bench.expected >= 0 && cy.nodes().length !== bench.expected) return;
    bench.readyAt = performance.now();
    let frame = false;
    let task = false;
    const done = () => { if (frame && task && bench.interactiveAt === null) bench.interactiveAt = performance.now(); };
    requestAnimationFrame(() => { frame = true; done(); });
    setTimeout(() => { task = true; done(); }, 0);
  };
  new MutationObserver(check).observe(document, {
    subtree: true, childList: true, attributes: true, attributeFilter: ['data-graph-state'],
  });
})();`;

// Records the time between animation frames into `window.__frames[phase]` until stopped. Cytoscape
// redraws in its own frame callback, so a slow draw shows as a long gap between frames.
const FRAME_RECORDER = `(() => {
  const frames = (window.__frames = { phase: 'idle', pan: [], zoom: [], stop: false });
  let last = performance.now();
  const frame = (now) => {
    if (frames.stop) return;
    if (frames.phase !== 'idle') frames[frames.phase].push(now - last);
    last = now;
    requestAnimationFrame(frame);
  };
  requestAnimationFrame((now) => { last = now; requestAnimationFrame(frame); });
})()`;

// A point of the canvas to grab for panning: on the canvas itself (no panel over it) and as far
// from every node as a coarse grid allows, so the drag pans rather than moves a node.
const GRAB_POINT = `(() => {
  const cy = window.__cy;
  const box = cy.container().getBoundingClientRect();
  const nodes = cy.nodes().map((n) => n.renderedPosition());
  let best = { x: box.left + box.width / 2, y: box.top + box.height / 2, d: -1 };
  for (let gx = 0.1; gx < 0.95; gx += 0.05) for (let gy = 0.1; gy < 0.95; gy += 0.05) {
    const x = box.left + gx * box.width;
    const y = box.top + gy * box.height;
    const hit = document.elementFromPoint(x, y);
    if (!hit || !cy.container().contains(hit)) continue;
    let d = Infinity;
    for (const p of nodes) d = Math.min(d, Math.hypot(p.x + box.left - x, p.y + box.top - y));
    if (d > best.d) best = { x, y, d };
  }
  return best;
})()`;

/**
 * Frame times while the reader pans (drags the background) and zooms (mouse wheel) for `ms` each,
 * with real input events, so Cytoscape's own interaction path is measured.
 */
async function measureFrames(page: Page, ms: number): Promise<{ pan: number[]; zoom: number[] }> {
  await page.evaluate(FRAME_RECORDER);
  const grab = (await page.evaluate(GRAB_POINT)) as { x: number; y: number };
  await page.mouse.move(grab.x, grab.y);
  await page.mouse.down();
  await page.evaluate(`window.__frames.phase = 'pan'`);
  let step = 0;
  for (const end = Date.now() + ms; Date.now() < end; step++) {
    await page.mouse.move(grab.x + 140 * Math.sin(step / 12), grab.y + 90 * Math.sin(step / 17));
  }
  await page.mouse.up();
  await page.evaluate(`window.__frames.phase = 'zoom'`);
  step = 0;
  for (const end = Date.now() + ms; Date.now() < end; step++) {
    await page.mouse.wheel(0, step % 16 < 8 ? -80 : 80);
  }
  return (await page.evaluate(
    `(() => { window.__frames.stop = true; return { pan: window.__frames.pan, zoom: window.__frames.zoom }; })()`,
  )) as { pan: number[]; zoom: number[] };
}

/** Median, 95th percentile and maximum of `values`, rounded to 0.1 ms. */
function frameStats(values: readonly number[]): { median: number; p95: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const round = (v: number) => Math.round(v * 10) / 10;
  return {
    median: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    max: round(sorted.at(-1) ?? NaN),
  };
}

function median(values: readonly number[]): number {
  return percentile(
    [...values].sort((a, b) => a - b),
    50,
  );
}

/** The script files index.html loads at once: module entry and modulepreload links. */
export function initialScripts(html: string, baseUrl: string): string[] {
  const urls = new Set<string>();
  for (const tag of html.match(/<script\b[^>]*>/g) ?? []) {
    const src = /\bsrc="([^"]+)"/.exec(tag)?.[1];
    if (src) urls.add(new URL(src, baseUrl).href);
  }
  for (const tag of html.match(/<link\b[^>]*>/g) ?? []) {
    const href = /\bhref="([^"]+)"/.exec(tag)?.[1];
    if (href && /\brel="modulepreload"/.test(tag)) urls.add(new URL(href, baseUrl).href);
  }
  return [...urls];
}

async function scriptSize(url: string): Promise<ScriptSize> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`frontend bench: GET ${url} answered ${response.status}`);
  const body = Buffer.from(await response.arrayBuffer());
  return { file: new URL(url).pathname, bytes: body.length, gzipBytes: gzipSync(body).length };
}

/**
 * Waits for the probe's `interactiveAt`. Polled from the page's own timer in one evaluation: the
 * app's CSP forbids the string evaluation `page.waitForFunction` polls with.
 */
async function untilInteractive(page: Page, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`not interactive within ${timeoutMs / 1000} s`)),
      timeoutMs,
    );
  });
  try {
    await Promise.race([
      page.evaluate(`new Promise((resolve) => {
        const poll = () => window.__bench && window.__bench.interactiveAt !== null ? resolve(true) : setTimeout(poll, 25);
        poll();
      })`),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** CPU seconds used so far by each Chromium process but the browser's own, by pid. */
async function processCpu(browser: Browser): Promise<Map<number, number>> {
  const session = await browser.newBrowserCDPSession();
  try {
    const { processInfo } = (await session.send('SystemInfo.getProcessInfo')) as {
      processInfo: { type: string; id: number; cpuTime: number }[];
    };
    return new Map(
      processInfo.filter((p) => p.type !== 'browser').map((p) => [p.id, p.cpuTime] as const),
    );
  } finally {
    await session.detach();
  }
}

/**
 * Answers the page's `GET /api/overview` with `overview`. Through the DevTools protocol's Fetch
 * domain with a URL pattern, so only that request is paused: playwright's `page.route` pauses every
 * request of the page and lets the others go on from this process, which held back the page's
 * scripts and delayed the layout worker's script by ~0.3 s (its worker then started only after the
 * main thread's next long task) — a cost no reader has.
 */
async function serveOverview(
  context: BrowserContext,
  page: Page,
  overview: ReturnType<typeof syntheticOverview>,
): Promise<void> {
  const body = Buffer.from(JSON.stringify(overview)).toString('base64');
  const session = await context.newCDPSession(page);
  session.on('Fetch.requestPaused', ({ requestId }) => {
    void session
      .send('Fetch.fulfillRequest', {
        requestId,
        responseCode: 200,
        responseHeaders: [{ name: 'Content-Type', value: 'application/json' }],
        body,
      })
      .catch(() => {});
  });
  await session.send('Fetch.enable', {
    patterns: [{ urlPattern: '*/api/overview*', requestStage: 'Request' }],
  });
}

/** Loads the page once with `overview` (or the server's own when undefined) and measures it. */
async function measureLoad(
  browser: Browser,
  baseUrl: string,
  overview: ReturnType<typeof syntheticOverview> | undefined,
  frameMs: number,
  timeoutMs: number,
): Promise<LoadSample> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page: Page = await context.newPage();
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script' || /\.js(\?|$)/.test(request.url()))
        scripts.push(request.url());
    });
    if (overview) await serveOverview(context, page, overview);
    await page.addInitScript(PROBE);
    await page.addInitScript(`window.__bench.expected = ${overview ? overview.nodes.length : -1};`);
    const cpuBefore = await processCpu(browser);
    await page.goto(`${baseUrl}/`);
    await untilInteractive(page, timeoutMs);
    const cpuAfter = await processCpu(browser);
    let cpuSeconds = 0;
    for (const [pid, seconds] of cpuAfter) cpuSeconds += seconds - (cpuBefore.get(pid) ?? 0);
    const frames = await measureFrames(page, frameMs);
    // Long tasks are reported after they end: read them once the frames have been measured, and
    // keep those that started before the page was interactive.
    const probe = (await page.evaluate(
      `({ ...window.__bench, nodes: window.__cy.nodes().length, edges: window.__cy.edges().length })`,
    )) as {
      firstNodesAt: number | null;
      readyAt: number;
      interactiveAt: number;
      tasks: [number, number][];
      nodes: number;
      edges: number;
    };
    const longest = Math.max(
      0,
      ...probe.tasks
        .filter(([start]) => start < probe.interactiveAt)
        .map(([, duration]) => duration),
    );
    return {
      readyMs: probe.readyAt,
      interactiveMs: probe.interactiveAt,
      firstNodesMs: probe.firstNodesAt,
      longestTaskMs: longest,
      cpuMs: cpuSeconds * 1000,
      nodes: probe.nodes,
      edges: probe.edges,
      panFrames: frames.pan,
      zoomFrames: frames.zoom,
      scripts,
    };
  } finally {
    await context.close();
  }
}

const ms = (value: number) => Math.round(value);

/** Runs the front-end suite against an app serving the built web/dist at `baseUrl`. */
export async function benchFrontend(options: {
  quick: boolean;
  baseUrl: string;
}): Promise<SuiteResult> {
  const baseUrl = options.baseUrl.replace(/\/$/, '');
  const runs = options.quick ? 1 : 3;
  const frameMs = options.quick ? 1_000 : 2_500;
  const timeoutMs = options.quick ? 30_000 : 60_000;
  const started = performance.now();

  const html = await (await fetch(`${baseUrl}/`)).text();
  const initial = initialScripts(html, `${baseUrl}/`);
  if (initial.length === 0) throw new Error(`frontend bench: ${baseUrl}/ loads no script`);
  const initialSizes = await Promise.all(initial.map(scriptSize));

  const browser = await launchChromium();
  const loads: { label: string; elements: number; samples: LoadSample[]; error?: string }[] = [];
  const fetched = new Set<string>();
  try {
    // One throwaway load warms the server and the machine. Not the browser's caches: each load
    // has a context of its own, which shares no HTTP or code cache, so every load fetches and
    // compiles the scripts as a first visit does (a returning reader's would be ~0.3 s quicker).
    await measureLoad(browser, baseUrl, syntheticOverview(100), 200, timeoutMs).catch(() => {});
    const cases: { label: string; overview?: ReturnType<typeof syntheticOverview> }[] = [
      ...FRONTEND_SIZES.map((size) => ({
        label: size.toLocaleString('en'),
        overview: syntheticOverview(size),
      })),
      { label: 'server overview' },
    ];
    for (const { label, overview } of cases) {
      const samples: LoadSample[] = [];
      let error: string | undefined;
      for (let i = 0; i < runs && !error; i++) {
        try {
          const sample = await measureLoad(browser, baseUrl, overview, frameMs, timeoutMs);
          sample.scripts.forEach((url) => fetched.add(url));
          samples.push(sample);
        } catch (caught) {
          error = (caught as Error).message.split('\n')[0];
        }
      }
      const elements = overview
        ? overview.nodes.length + overview.edges.length
        : samples[0]
          ? samples[0].nodes + samples[0].edges
          : 0;
      loads.push({ label, elements, samples, ...(error ? { error } : {}) });
    }
  } finally {
    await browser.close();
  }

  const initialSet = new Set(initial);
  const lazy = [...fetched].filter((url) => !initialSet.has(url) && url.startsWith(baseUrl));
  const lazySizes = await Promise.all(lazy.map(scriptSize));
  const initialGzip = initialSizes.reduce((sum, s) => sum + s.gzipBytes, 0);

  const engine = (nodes: number) =>
    nodes > WORKER_LAYOUT_MIN_NODES ? 'd3-force (worker)' : 'fCoSE (main thread)';
  const loadRows = loads.map(({ label, elements, samples, error }) => {
    if (samples.length === 0)
      return [label, elements, '—', '—', '—', '—', '—', '—', error ?? 'no sample'];
    const nodes = samples[0]!.nodes;
    const firstNodes = samples.map((s) => s.firstNodesMs).filter((v): v is number => v !== null);
    return [
      label,
      elements,
      nodes,
      engine(nodes),
      firstNodes.length > 0 ? ms(median(firstNodes)) : '—',
      ms(median(samples.map((s) => s.readyMs))),
      ms(median(samples.map((s) => s.interactiveMs))),
      ms(Math.max(...samples.map((s) => s.longestTaskMs))),
      ms(median(samples.map((s) => s.cpuMs))),
    ];
  });
  const frameRows = loads
    .filter(({ samples }) => samples.length > 0)
    .map(({ label, elements, samples }) => {
      const pan = frameStats(samples.flatMap((s) => s.panFrames));
      const zoom = frameStats(samples.flatMap((s) => s.zoomFrames));
      return [label, elements, pan.median, pan.p95, pan.max, zoom.median, zoom.p95, zoom.max];
    });
  const load = `load average ${os
    .loadavg()
    .map((v) => v.toFixed(1))
    .join(' / ')} at the end of the suite`;

  const sections: BenchSection[] = [
    {
      title: 'Front end: navigation to a laid-out, interactive graph (headless Chromium)',
      columns: [
        'graph',
        'elements',
        'nodes',
        'layout',
        'first nodes (ms)',
        'ready (ms)',
        'interactive (ms)',
        'longest task (ms)',
        'page CPU (ms)',
      ],
      rows: loadRows,
      notes: [
        `Median of ${runs} load${runs > 1 ? 's' : ''} each at ${VIEWPORT.width}×${VIEWPORT.height}, after one warm-up load; each load in a browser context of its own, so nothing is cached (a first visit). Times from navigation start.`,
        'Generated graphs (bench/frontend-graphs.ts: 1 node : 4 relationships, hubs, ecosystem types) replace GET /api/overview; "server overview" is the served database\'s own.',
        '"ready": data-graph-state=ready with every node drawn; "interactive": a frame painted and a queued task run after that; "longest task": the longest main-thread task up to then; "page CPU": CPU time of the page\'s renderer (main thread and layout worker) and GPU processes from navigation to interactive, which a busy machine inflates far less than wall time.',
        `Chromium with --disable-gpu (software rasterising); ${load}; ${Math.round((performance.now() - started) / 1000)} s for the suite. Numbers from a shared, busy machine are indicative.`,
        ...loads.filter((l) => l.error).map((l) => `${l.label}: ${l.error}`),
      ],
      data: loads.map(({ label, elements, samples, error }) => ({
        label,
        elements,
        error,
        samples: samples.map(({ panFrames, zoomFrames, scripts, ...rest }) => ({
          ...rest,
          pan: frameStats(panFrames),
          zoom: frameStats(zoomFrames),
          frames: panFrames.length + zoomFrames.length,
          scripts: scripts.length,
        })),
      })),
    },
    {
      title: 'Front end: frame times while panning and zooming (ms between frames)',
      columns: [
        'graph',
        'elements',
        'pan median',
        'pan p95',
        'pan max',
        'zoom median',
        'zoom p95',
        'zoom max',
      ],
      rows: frameRows,
      notes: [
        `${frameMs / 1000} s of dragging the background (panning), then ${frameMs / 1000} s of mouse-wheel zooming in and out, as input events; the time between animation frames meanwhile. 16.7 ms is 60 frames a second.`,
      ],
    },
    {
      title: 'Front end: JavaScript size',
      columns: ['file', 'loaded', 'bytes', 'gzip bytes'],
      rows: [
        ...initialSizes.map((s) => [s.file, 'initially', s.bytes, s.gzipBytes]),
        ...lazySizes.map((s) => [s.file, 'later (lazily)', s.bytes, s.gzipBytes]),
        ['total initial', '', initialSizes.reduce((sum, s) => sum + s.bytes, 0), initialGzip],
      ],
      notes: [
        "Initial: the module entry and modulepreload links of index.html. Later: other scripts the page fetched during the runs (the layout worker, and fCoSE for the small graphs). gzip at node:zlib's default level.",
      ],
    },
  ];

  const fiveK = loads.find((l) => l.elements === 5_000 && l.samples.length > 0);
  const fiveKMs = fiveK ? median(fiveK.samples.map((s) => s.interactiveMs)) : NaN;
  const targets: BenchTarget[] = [
    {
      name: '5k elements interactive',
      target: `≤ ${INTERACTIVE_TARGET_MS / 1000} s`,
      measured: Number.isFinite(fiveKMs) ? `${(fiveKMs / 1000).toFixed(2)} s` : 'not measured',
      met: fiveKMs <= INTERACTIVE_TARGET_MS,
      note: `headless Chromium, no GPU; ${load}`,
    },
    {
      name: 'initial JS',
      target: `≤ ${INITIAL_JS_TARGET_BYTES / 1024} kB gzip`,
      measured: `${(initialGzip / 1024).toFixed(1)} kB gzip`,
      met: initialGzip <= INITIAL_JS_TARGET_BYTES,
      note: `${initialSizes.length} files; ${lazySizes.length} loaded later, ${(lazySizes.reduce((s, f) => s + f.gzipBytes, 0) / 1024).toFixed(1)} kB gzip`,
    },
  ];
  return { sections, targets };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const baseUrl = args.find((arg) => !arg.startsWith('--'));
  if (!baseUrl) {
    console.error('usage: tsx bench/frontend.bench.ts <baseUrl> [--quick]');
    process.exitCode = 2;
    return;
  }
  const { machineInfo, renderMarkdown } = await import('./results-writer.ts');
  const startedAt = new Date().toISOString();
  const machine = machineInfo();
  const result = await benchFrontend({ quick: args.includes('--quick'), baseUrl });
  console.log(
    renderMarkdown({
      startedAt,
      finishedAt: new Date().toISOString(),
      quick: args.includes('--quick'),
      args,
      machine,
      sections: result.sections,
      targets: result.targets,
      problems: [],
    }),
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error: unknown) => {
    console.error(`frontend bench failed: ${(error as Error).message}`);
    process.exitCode = 1;
  });
}
