import { writeFile } from 'node:fs/promises';
import { formatDiagnostic } from '../diagnostics/diagnostic.js';
import { proxyFindings, proxyRules } from '../proxy/format-proxy.js';
import { credentialNames } from '../traffic/redact.js';
import { describe, startProxyServer, type ErrorMode, type ProxiedExchange } from '../proxy/proxy-server.js';
import { formatGitHub } from '../report/github.js';
import { formatJUnit } from '../report/junit.js';
import { formatSarif } from '../report/sarif.js';
import type { Finding } from '../report/finding.js';
import { loadTrafficSpec } from '../traffic/load-spec.js';
import { print, toolVersion, usageError } from './output.js';
import { untilStopped } from './until-stopped.js';
import type { Values } from './parse-options.js';

const formats: Record<string, (exchanges: ProxiedExchange[], findings: Finding[]) => string> = {
  json: (exchanges) => `${JSON.stringify({ exchanges }, null, 2)}\n`,
  junit: (_exchanges, findings) => formatJUnit(findings, { name: 'specsmith proxy' }),
  github: (_exchanges, findings) => formatGitHub(findings),
  sarif: (_exchanges, findings) => formatSarif(findings, { tool: 'specsmith', version: toolVersion(), rules: proxyRules }),
};

/**
 * Forwards to `--target` until SIGINT or SIGTERM, checking each exchange; then writes the report (when
 * asked) and exits 1 if it saw a violation, else 0.
 */
export async function runProxy(values: Values, positionals: string[]): Promise<number> {
  if (typeof values.spec !== 'string') return usageError('proxy', 'needs --spec FILE');
  if (typeof values.target !== 'string') return usageError('proxy', 'needs --target URL (the real server)');
  if (positionals.length > 0) return usageError('proxy', `unexpected argument ${positionals.join(' ')}`);
  try {
    if (!/^https?:$/.test(new URL(values.target).protocol)) throw new Error('not http');
  } catch {
    return usageError('proxy', '--target must be an http:// or https:// URL');
  }
  const port = values.port === undefined ? 4011 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) return usageError('proxy', '--port must be a whole number from 0 to 65535');
  const errors = (values.errors ?? 'report') as ErrorMode;
  if (!['report', 'warn', 'refuse'].includes(errors)) return usageError('proxy', '--errors must be report, warn or refuse');
  const format = typeof values.format === 'string' ? values.format : 'junit';
  if (formats[format] === undefined) return usageError('proxy', `--format must be one of ${Object.keys(formats).join(', ')}`);
  if (values.format !== undefined && typeof values.report !== 'string') return usageError('proxy', '--format goes with --report FILE');
  const host = typeof values.host === 'string' ? values.host : '127.0.0.1';
  const stop = untilStopped();
  // Each operation's validators are compiled on its first request: a large spec starts in the time it takes to read it.
  const loaded = await loadTrafficSpec({ spec: values.spec, root: process.cwd(), compile: 'on-demand' });
  for (const diagnostic of loaded.diagnostics) process.stderr.write(`${formatDiagnostic(diagnostic)}\n`);
  if (loaded.spec === undefined) return 2;
  if (stop.isStopped()) return 0;
  let proxy;
  try {
    proxy = await startProxyServer({
      spec: loaded.spec,
      target: values.target,
      port,
      host,
      errors,
      log: (line) => process.stdout.write(`${line}\n`),
    });
  } catch (error) {
    return print(process.stderr, `cannot listen on ${host}:${port}: ${(error as Error).message}\n`, 2);
  }
  process.stdout.write(`specsmith proxy: ${loaded.spec.model.info.title} -> ${values.target} at ${proxy.url}\n`);
  await stop.stopped;
  // The report first, with the exchanges finished by now: a slow upstream must not hold it back.
  const exchanges = [...proxy.exchanges];
  const secrets = credentialNames(loaded.spec.model.securitySchemes).headers;
  const findings = proxyFindings(exchanges, (exchange) => exchange.issues.map((issue) => describe(exchange, issue, secrets)));
  if (typeof values.report === 'string') await writeFile(values.report, formats[format]!(exchanges, findings));
  const violations = exchanges.filter((exchange) => exchange.issues.length > 0).length;
  process.stdout.write(`specsmith proxy: stopped; ${exchanges.length} exchange(s), ${violations} with violations\n`);
  // Then the server, giving exchanges in flight a moment before their connections are cut.
  const grace = setTimeout(() => proxy.server.closeAllConnections(), 2000);
  await proxy.close();
  clearTimeout(grace);
  return violations > 0 ? 1 : 0;
}
