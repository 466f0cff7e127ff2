/**
 * Contract `pattern`s are regexes written by API teams and run against client
 * input on every request: one with nested quantifiers (`^(a+)+$`) backtracks
 * exponentially on a crafted value and would stall the event loop (ReDoS).
 * V8 can re-run a regex on its linear-time engine once it has backtracked too
 * much (after 50,000 backtracks by default). The flag is process-wide and takes
 * effect for regexes compiled after it is set, so it is set when the gateway
 * loads, before any route table compiles. The linear engine has no unicode mode:
 * the schema compiler builds contract patterns without the `u` flag.
 */
import { setFlagsFromString } from 'node:v8';

setFlagsFromString('--enable-experimental-regexp-engine-on-excessive-backtracks');
