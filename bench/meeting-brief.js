#!/usr/bin/env node
// Renders a synthetic meeting brief (200 agenda items, 300 attendees) in every export format and
// reports the time and peak memory each one takes. Runs the built code in dist/:
//   npm run bench:brief            (builds if stale, then runs this)
//   node bench/meeting-brief.js [--runs N] [--agenda N] [--attendees N]
// Each format runs in its own child process, so its peak RSS (getrusage maxRSS) is its own: the
// renderers are synchronous for most of their work, so sampling RSS on a timer would miss the peak.
// Results are printed and written to bench/results/meeting-brief.md.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { parseArgs } = require('node:util');

const root = path.resolve(__dirname, '..');
const dist = (p) => path.join(root, 'dist', p);
const FORMATS = ['PDF', 'DOCX', 'MARKDOWN', 'ICS', 'CSV', 'XLSX'];
const TARGET_MS = 1000;

const { values } = parseArgs({
  options: {
    child: { type: 'string' },
    runs: { type: 'string', default: '5' },
    agenda: { type: 'string', default: '200' },
    attendees: { type: 'string', default: '300' },
  },
});
const runs = Number(values.runs);
const agendaItems = Number(values.agenda);
const attendees = Number(values.attendees);
const mib = (bytes) => bytes / 1024 / 1024;

/** In a child: load, build the brief, render once cold and `runs` times warm; print one JSON line. */
async function child(format) {
  const { sampleBrief } = require(dist('libs/meeting-prep/src/testing/sample-brief'));
  const { BRIEF_RENDERERS } = require(dist('libs/meeting-prep/src/renderers/brief-renderers'));
  const started = performance.now();
  const brief = sampleBrief({ agendaItems, attendees });
  const buildMs = performance.now() - started;
  const baselineRss = process.memoryUsage().rss;
  const render = BRIEF_RENDERERS[format];
  const times = [];
  let size = 0;
  for (let i = 0; i <= runs; i++) {
    const t0 = performance.now();
    const bytes = await render(brief);
    times.push(performance.now() - t0);
    size = bytes.length;
  }
  const [cold, ...warm] = times;
  warm.sort((a, b) => a - b);
  process.stdout.write(
    `${JSON.stringify({
      format,
      buildMs,
      coldMs: cold,
      medianMs: warm[Math.floor(warm.length / 2)],
      maxMs: warm[warm.length - 1],
      size,
      baselineRssMiB: mib(baselineRss),
      // maxRSS is in KiB (Linux getrusage).
      peakRssMiB: process.resourceUsage().maxRSS / 1024,
    })}\n`,
  );
}

function main() {
  if (!fs.existsSync(dist('libs/meeting-prep/src/renderers/index.js'))) {
    console.error('dist/ is missing: run `node scripts/build.js` (or `npm run bench:brief`) first');
    process.exit(1);
  }
  const results = FORMATS.map((format) => {
    const out = execFileSync(process.execPath, [__filename, '--child', format, '--runs', String(runs), '--agenda', String(agendaItems), '--attendees', String(attendees)], {
      encoding: 'utf8',
    });
    const result = JSON.parse(out.trim().split('\n').pop());
    console.error(`${format.padEnd(8)} cold ${result.coldMs.toFixed(0).padStart(5)} ms, warm median ${result.medianMs.toFixed(0).padStart(5)} ms, peak RSS ${result.peakRssMiB.toFixed(0)} MiB`);
    return result;
  });

  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const lines = [
    '# Meeting brief rendering benchmark',
    '',
    `Synthetic brief: ${agendaItems} agenda items (a quarter with a proposal, a quarter with a restricted one, a quarter with a priority), ` +
      `${attendees} attendees in ${Math.ceil(attendees / 4)} organisations, 3 open action items, a previous meeting with minutes. ` +
      `Built by \`sampleBrief\` (libs/meeting-prep/src/testing/sample-brief.ts) through \`assembleBrief\`; no database.`,
    '',
    `Machine: ${os.cpus().length} × ${cpu}, ${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB RAM, Node ${process.version}, ${os.platform()} ${os.release()}. ` +
      `Run: ${new Date().toISOString()}, \`node bench/meeting-brief.js --runs ${runs}\`.`,
    '',
    `Each format runs in its own process: one cold render (first use of the library in the process), then ${runs} warm renders. ` +
      'Peak RSS is the process maximum (getrusage maxRSS), including Node and the loaded libraries; baseline is the RSS after loading and building the brief, before rendering.',
    '',
    '| Format | Cold render | Warm median | Warm max | Output | Baseline RSS | Peak RSS | Under 1 s |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | :---: |',
    ...results.map(
      (r) =>
        `| ${r.format} | ${r.coldMs.toFixed(0)} ms | ${r.medianMs.toFixed(0)} ms | ${r.maxMs.toFixed(0)} ms | ${(r.size / 1024).toFixed(0)} KiB | ` +
        `${r.baselineRssMiB.toFixed(0)} MiB | ${r.peakRssMiB.toFixed(0)} MiB | ${Math.max(r.coldMs, r.maxMs) < TARGET_MS ? 'yes' : '**no**'} |`,
    ),
    '',
    `Target: under ${TARGET_MS} ms per format (cold and warm). Building the brief from its rows took ${results[0].buildMs.toFixed(0)} ms.`,
    '',
  ];
  const report = lines.join('\n');
  fs.mkdirSync(path.join(__dirname, 'results'), { recursive: true });
  fs.writeFileSync(path.join(__dirname, 'results', 'meeting-brief.md'), report);
  process.stdout.write(report);
  if (results.some((r) => Math.max(r.coldMs, r.maxMs) >= TARGET_MS)) process.exitCode = 1;
}

if (values.child) {
  child(values.child).catch((error) => {
    console.error(error);
    process.exit(1);
  });
} else {
  main();
}
