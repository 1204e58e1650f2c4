// Electronegativity (Doyensec's Electron security linter) over src/. Prints every finding and exits 1 on:
// - any HIGH severity finding;
// - any finding about Node in the page, isolation, the sandbox, web security or insecure content, whatever its
//   severity (the tool rates an explicit `nodeIntegration: true` only INFORMATIONAL);
// - a file it could not parse (a file it cannot read is a file it did not check);
// - a deliberately insecure canary window it does not report (a scanner that finds nothing there is broken).
//
// Run offline: the package fetches translations and Electron's release list over the network at every start; its
// HTTP client is replaced by one that fails at once, so it uses its bundled English texts. The release check
// (AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK) needs that list and is left out: the Electron version is pinned in
// package.json and upgraded deliberately. The Electron version is taken from the installed package, since src/ has
// no package.json for the tool to read it from.
//
// Findings reviewed and judged acceptable carry an `eng-disable` comment with the reason next to the code; the
// CSP's LOW "'self' can be problematic" note stays visible and is explained in src/renderer/index.html.
import fs from 'node:fs';
import Module, { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

process.env.LANG = 'en-US';
const load = Module._load;
Module._load = function (request, ...rest) {
  if (request === 'got') {
    const offline = () => Promise.reject(new Error('offline: PlanDesk CI runs Electronegativity without network'));
    return Object.assign(offline, { get: offline, head: offline, post: offline });
  }
  return load.call(this, request, ...rest);
};

// CommonJS `module.exports = run` (the README's `.default` is the ES-module interop view).
const runElectronegativity = require('@doyensec/electronegativity');
const electronVersion = require('electron/package.json').version;

/** Runs the scanner quietly (it chats on console.log) and returns its result. */
async function scan(input) {
  const log = console.log;
  console.log = () => undefined;
  try {
    return await runElectronegativity({
      input,
      isRelative: true,
      electronVersionOverride: electronVersion,
      excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
    });
  } finally {
    console.log = log;
  }
}

/** Findings that fail the check whatever severity the tool gives them. */
const ALWAYS_FATAL = new Set([
  'NODE_INTEGRATION_JS_CHECK',
  'NODE_INTEGRATION_HTML_CHECK',
  'NODE_INTEGRATION_ATTACH_EVENT_JS_CHECK',
  'CONTEXT_ISOLATION_JS_CHECK',
  'SANDBOX_JS_CHECK',
  'WEB_SECURITY_JS_CHECK',
  'WEB_SECURITY_HTML_CHECK',
  'INSECURE_CONTENT_JS_CHECK',
  'INSECURE_CONTENT_HTML_CHECK',
]);
const isFatal = (i) => i.severity.name === 'HIGH' || ALWAYS_FATAL.has(i.id);

const describe = (i) =>
  `${i.severity.name.padEnd(13)} ${i.confidence.name.padEnd(9)} ${i.id} ${i.file}:${i.location.line}` +
  `${i.manualReview ? ' (manual review)' : ''} — ${i.description}`;

// 1. The canary: a window with Node in the page and no isolation must be reported.
const canaryDir = fs.mkdtempSync(path.join(os.tmpdir(), 'plandesk-eng-canary-'));
fs.writeFileSync(
  path.join(canaryDir, 'main.ts'),
  [
    "import { BrowserWindow } from 'electron';",
    'const win: BrowserWindow = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false } });',
    "void win.loadURL('https://example.invalid/');",
    '',
  ].join('\n'),
);
let failed = false;
try {
  const canary = await scan(canaryDir);
  const found = canary.issues.filter(isFatal).map((i) => i.id);
  if (!found.includes('NODE_INTEGRATION_JS_CHECK') || !found.includes('CONTEXT_ISOLATION_JS_CHECK')) {
    console.log(`electronegativity: the insecure canary window was not reported (found: ${found.join(', ')})`);
    failed = true;
  }
} finally {
  fs.rmSync(canaryDir, { recursive: true, force: true });
}

// 2. The app's source (or the folder given, for the tests of this script).
const input = path.resolve(process.argv[2] ?? path.join(root, 'src'));
const result = await scan(input);
const bySeverity = {};
for (const issue of result.issues) {
  bySeverity[issue.severity.name] = (bySeverity[issue.severity.name] ?? 0) + 1;
  console.log(describe(issue));
}
for (const error of result.errors) {
  console.log(`${error.tolerable ? 'parse warning' : 'PARSE ERROR'} ${error.file}: ${error.message}`);
}
const fatal = result.issues.filter(isFatal).length;
const unparsed = result.errors.filter((e) => !e.tolerable).length;
const counts = ['HIGH', 'MEDIUM', 'LOW', 'INFORMATIONAL'].map((s) => `${bySeverity[s] ?? 0} ${s.toLowerCase()}`);
console.log(
  `electronegativity ${require('@doyensec/electronegativity/package.json').version} on ${path.relative(root, input) || '.'} (Electron ${electronVersion}, ` +
    `${result.globalChecks} global + ${result.atomicChecks} atomic checks): ${counts.join(', ')}; ${unparsed} unparsed files`,
);
if (result.atomicChecks === 0) {
  console.log('electronegativity: no checks were loaded');
  failed = true;
}
if (fatal > 0) console.log(`electronegativity: ${fatal} findings must be fixed (HIGH, or about isolation; see above)`);
if (unparsed > 0) console.log('electronegativity: files it could not parse were not checked');
process.exit(failed || fatal > 0 || unparsed > 0 ? 1 : 0);
