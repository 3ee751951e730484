import type { Finding, Rule } from './finding.js';

/**
 * SARIF 2.1.0 (OASIS), the format GitHub code scanning and other CI viewers import: one run, the tool with
 * its rules, and a result per failed finding or warning, located at its file and line (a region needs a
 * line of at least 1, §3.30.5, so a finding without one has its file alone).
 */
export function formatSarif(findings: Finding[], { tool, version, rules }: { tool: string; version: string; rules: Rule[] }): string {
  const reported = findings.filter((finding) => finding.failed || finding.level !== 'note');
  const used = new Set(reported.map((finding) => finding.ruleId));
  const listed = rules.filter((rule) => used.has(rule.id));
  const index = new Map(listed.map((rule, position) => [rule.id, position]));
  const log = {
    $schema: 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/os/schemas/sarif-schema-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: tool,
            version,
            informationUri: 'https://www.npmjs.com/package/specsmith',
            rules: listed.map((rule) => ({
              id: rule.id,
              shortDescription: { text: rule.description },
              defaultConfiguration: { level: rule.level },
            })),
          },
        },
        results: reported.map((finding) => ({
          ruleId: finding.ruleId,
          ...(index.has(finding.ruleId) ? { ruleIndex: index.get(finding.ruleId) } : {}),
          level: finding.failed ? 'error' : finding.level,
          message: { text: finding.message },
          ...(finding.file === undefined ? {} : { locations: [location(finding)] }),
          // §3.27.17: code scanning matches results across commits by these, not by line.
          ...(finding.fingerprint === undefined ? {} : { partialFingerprints: { 'specsmith/v1': finding.fingerprint } }),
        })),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function location(finding: Finding) {
  const region = finding.line ? { region: { startLine: finding.line, ...(finding.column ? { startColumn: finding.column } : {}) } } : {};
  // §3.33: a logical location names the place in the API (`POST /a (id) request body.b`) beside the file's.
  const logical = finding.subject === undefined ? {} : { logicalLocations: [{ fullyQualifiedName: finding.subject }] };
  return { physicalLocation: { artifactLocation: { uri: encodeURI(finding.file!) }, ...region }, ...logical };
}
