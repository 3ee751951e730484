import type { Finding, Rule } from '../report/finding.js';
import type { ProxiedExchange } from './proxy-server.js';

export const proxyRules: Rule[] = [
  { id: 'proxy-request-invalid', description: 'a request sent through the proxy does not match its operation in the spec', level: 'error' },
  { id: 'proxy-response-invalid', description: "the target's answer does not match its operation in the spec", level: 'error' },
  { id: 'proxy-unmatched', description: 'a request that no operation of the spec has', level: 'warning' },
];

/** Each exchange as a CI finding: failed when either direction broke the spec, named by operation and place. */
export function proxyFindings(
  exchanges: readonly ProxiedExchange[],
  secretMessage: (exchange: ProxiedExchange, index: number) => string[],
): Finding[] {
  return exchanges.map((exchange, index) => {
    const invalid = exchange.issues.length > 0;
    const request = exchange.issues.some((issue) => issue.direction === 'request');
    const name = `#${index} ${exchange.method} ${exchange.url}`;
    return {
      suite: 'specsmith proxy',
      name: exchange.operation === undefined ? name : `${name} (${exchange.operation})`,
      ...(exchange.operation === undefined ? {} : { subject: `${exchange.operation} ${exchange.method} ${exchange.url}` }),
      ruleId:
        exchange.unmatched !== undefined
          ? 'proxy-unmatched'
          : !invalid
            ? 'proxy-valid'
            : request
              ? 'proxy-request-invalid'
              : 'proxy-response-invalid',
      level: invalid ? 'error' : exchange.unmatched !== undefined ? 'warning' : 'note',
      failed: invalid,
      message:
        exchange.unmatched ??
        (invalid ? secretMessage(exchange, index).join('\n') : `${exchange.operation}: ${exchange.status}, valid both ways`),
    };
  });
}
