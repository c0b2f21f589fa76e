/**
 * The program of the sandbox's child process (`node -e`), as a string so it ships inside any bundle.
 * It reads dnsconfig.js from stdin, evaluates it in a fresh vm context that holds only the DSL (no
 * require, no process, no timers, no fetch, no code generation from strings) under a time limit, and
 * writes one JSON line: { ok: true, domains } or { ok: false, message, line, column }.
 */
import { DSL_SOURCE } from './dnscontrol-dsl'

export const CHILD_SOURCE = String.raw`
'use strict';
const vm = require('node:vm');
const LIMIT_MS = Number(process.argv[1]) || 2000;
// This process exists only to run the script: take away what an escape from the context could reach.
for (const k of ['fetch', 'WebSocket', 'EventSource', 'XMLHttpRequest']) { try { delete globalThis[k]; } catch {} }
for (const k of ['binding', '_linkedBinding', 'dlopen']) { try { process[k] = () => { throw new Error('refused'); }; } catch {} }
const chunks = [];
process.stdin.on('data', (d) => chunks.push(d));
process.stdin.on('end', () => {
  const src = Buffer.concat(chunks).toString('utf8');
  const reply = (o) => process.stdout.write(JSON.stringify(o) + '\n');
  const ctx = vm.createContext(Object.create(null), { codeGeneration: { strings: false, wasm: false }, microtaskMode: 'afterEvaluate' });
  vm.runInContext(DSL, ctx, { filename: 'dsl.js' });
  let script;
  try {
    script = new vm.Script(src, { filename: 'dnsconfig.js' });
  } catch (e) {
    const stack = String(e && e.stack);
    const m = /dnsconfig\.js:(\d+)\n([^\n]*)\n(\s*)\^/.exec(stack);
    return reply({ ok: false, error: { message: 'syntax error: ' + String(e && e.message), line: m ? Number(m[1]) : 1, column: m ? m[3].length + 1 : 1 } });
  }
  try {
    script.runInContext(ctx, { timeout: LIMIT_MS });
    const json = vm.runInContext('JSON.stringify(__out)', ctx, { timeout: LIMIT_MS });
    process.stdout.write('{"ok":true,"result":' + json + '}\n');
  } catch (e) {
    if (e && e.code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') return reply({ ok: false, error: { message: 'dnsconfig.js ran longer than ' + LIMIT_MS + ' ms (an endless loop?) and was stopped', line: 0, column: 0 } });
    // Whatever was thrown belongs to the script: describe it inside the context, under the time limit too.
    ctx.__thrown = e;
    let described;
    try {
      described = vm.runInContext('(function (e) { var s = String(e && e.stack || e); var m = /dnsconfig\\.js:(\\d+):(\\d+)/.exec(s); return JSON.stringify({ message: String(e && e.message || e), line: m ? Number(m[1]) : 0, column: m ? Number(m[2]) : 0 }); })(__thrown)', ctx, { timeout: LIMIT_MS });
    } catch {
      described = JSON.stringify({ message: 'the script threw something that cannot be described', line: 0, column: 0 });
    }
    process.stdout.write('{"ok":false,"error":' + described + '}\n');
  }
});
`.replace('DSL,', () => JSON.stringify(DSL_SOURCE) + ',')
