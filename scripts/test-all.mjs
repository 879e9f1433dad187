#!/usr/bin/env node
// The whole test suite, as CI runs it: typecheck, lint, build, unit + contract tests (vitest), and the
// end-to-end suites (Playwright). Ends with one "N passed, N failed" line totalling every suite.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const results = { passed: 0, failed: 0, skipped: 0 };
const failures = [];

function step(name, command, args, env = {}) {
  process.stdout.write(`\n=== ${name}: ${command} ${args.join(' ')}\n`);
  const started = Date.now();
  const run = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  process.stdout.write(`=== ${name}: exit ${run.status} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  return run.status === 0;
}

/** Counts a runner that passes or fails as a whole (typecheck, lint, build). */
function record(name, passed) {
  if (passed) results.passed++;
  else {
    results.failed++;
    failures.push(name);
  }
}

function check(name, command, args) {
  record(name, step(name, command, args));
}

/** As check, without waiting: its output is printed in one piece when it ends, so runs side by side stay readable. */
function checkAsync(name, command, args) {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (status) => {
      process.stdout.write(`\n=== ${name}: ${command} ${args.join(' ')}\n${output}=== ${name}: exit ${status} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
      record(name, status === 0);
      resolve();
    });
  });
}

rmSync('test-results', { recursive: true, force: true });
mkdirSync('test-results', { recursive: true });

// The two typechecks and the lint each keep one core busy: run side by side, on two cores.
await Promise.all([
  checkAsync('typecheck', 'npx', ['tsc', '-p', 'tsconfig.node.json', '--noEmit']),
  checkAsync('typecheck (renderer)', 'npx', ['tsc', '-p', 'tsconfig.web.json', '--noEmit']),
  checkAsync('lint', 'npx', ['eslint', '.']),
]);
check('electron-vite build', 'npx', ['electron-vite', 'build']);

step('unit and contract tests', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile=test-results/vitest.json']);
if (existsSync('test-results/vitest.json')) {
  const report = JSON.parse(readFileSync('test-results/vitest.json', 'utf8'));
  results.passed += report.numPassedTests;
  results.failed += report.numFailedTests + (report.numFailedTestSuites ?? 0);
  results.skipped += report.numPendingTests + report.numTodoTests;
  if (!report.success) failures.push('vitest');
} else {
  results.failed++;
  failures.push('vitest (no report)');
}

step('end-to-end tests', 'npx', ['playwright', 'test']);
/** Every skipped end-to-end test with the reason it gives (e.g. no Electron binary on this machine). */
function skipReasons(suite, found = []) {
  for (const spec of suite.specs ?? []) {
    for (const test of spec.tests) {
      const reason = test.annotations?.find((a) => a.type === 'skip')?.description;
      if (test.status === 'skipped') found.push(`${spec.title}: ${reason ?? 'no reason given'}`);
    }
  }
  for (const child of suite.suites ?? []) skipReasons(child, found);
  return found;
}

if (existsSync('test-results/e2e.json')) {
  const report = JSON.parse(readFileSync('test-results/e2e.json', 'utf8'));
  const { stats } = report;
  for (const line of report.suites.flatMap((suite) => skipReasons(suite))) process.stdout.write(`skipped: ${line}\n`);
  results.passed += stats.expected + stats.flaky;
  results.failed += stats.unexpected;
  results.skipped += stats.skipped;
  if (stats.unexpected) failures.push('playwright');
} else {
  results.failed++;
  failures.push('playwright (no report)');
}

if (failures.length) process.stdout.write(`\nFailed: ${failures.join(', ')}\n`);
process.stdout.write(`\n${results.passed} passed, ${results.failed} failed, ${results.skipped} skipped\n`);
process.exit(results.failed ? 1 : 0);
