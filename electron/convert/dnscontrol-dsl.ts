/**
 * The dnsconfig.js subset, as JavaScript source that runs INSIDE the sandbox's context. Each function
 * records its call and where it was made (from the stack), so the main side can report line and column.
 * Anything not defined here is a ReferenceError at its own position.
 */
export const DNSCONTROL_FUNCTIONS = ['D', 'A', 'AAAA', 'CNAME', 'ALIAS', 'R53_ALIAS', 'MX', 'TXT', 'CAA', 'SRV', 'NS'] as const

export const DSL_SOURCE = String.raw`
'use strict';
var __out = { domains: [] };
function __where() {
  var lines = String(new Error().stack).split('\n');
  for (var i = 0; i < lines.length; i++) {
    var m = /dnsconfig\.js:(\d+):(\d+)/.exec(lines[i]);
    if (m) return { line: Number(m[1]), column: Number(m[2]) };
  }
  return { line: 0, column: 0 };
}
function __plain(v, depth) {
  if (depth > 8) throw new TypeError('values nest too deeply');
  if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (Array.isArray(v)) return v.map(function (x) { return __plain(x, depth + 1); });
  if (typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
    var o = {};
    Object.keys(v).forEach(function (k) { o[k] = __plain(v[k], depth + 1); });
    return o;
  }
  throw new TypeError('a ' + typeof v + ' cannot be a record argument');
}
function __record(type) {
  return function () {
    var at = __where();
    var args = Array.prototype.slice.call(arguments).map(function (a) { return __plain(a, 0); });
    return { __kind: 'record', type: type, args: args, line: at.line, column: at.column };
  };
}
var A = __record('A'), AAAA = __record('AAAA'), CNAME = __record('CNAME'), ALIAS = __record('ALIAS');
var R53_ALIAS = __record('R53_ALIAS'), MX = __record('MX'), TXT = __record('TXT'), CAA = __record('CAA');
var SRV = __record('SRV'), NS = __record('NS');
function NewRegistrar(name) { return { __kind: 'registrar', name: String(name) }; }
function NewDnsProvider(name) { return { __kind: 'provider', name: String(name) }; }
function DnsProvider(p) { return { __kind: 'useProvider' }; }
function TTL(v) { return { __kind: 'ttl', value: __plain(v, 0) }; }
function DefaultTTL(v) { var at = __where(); return { __kind: 'defaultTtl', value: __plain(v, 0), line: at.line, column: at.column }; }
function R53_ZONE(id) { return { __kind: 'r53zone', id: String(id) }; }
var CAA_CRITICAL = { __kind: 'caaCritical' };
var CF_CNAME_FLATTEN_ON = { __kind: 'cfFlatten', on: true };
var CF_CNAME_FLATTEN_OFF = { __kind: 'cfFlatten', on: false };
// dnscontrol's END lets the last item keep a trailing comma
var END = { __kind: 'end' };
function __items(list, out) {
  list.forEach(function (x) { if (Array.isArray(x)) __items(x, out); else out.push(x); });
  return out;
}
function D(name) {
  var at = __where();
  var items = __items(Array.prototype.slice.call(arguments, 1), []);
  __out.domains.push({ name: String(name), line: at.line, column: at.column, items: items.map(function (x) { return __plain(x, 0); }) });
}
`
