import type { Finding } from './finding.js';

/**
 * JUnit XML as CI systems read it (Jenkins, GitLab, Azure, the GitHub test-report actions): a
 * `testsuites` root, one `testsuite` per group, a `testcase` per finding, with a `failure` when it failed.
 * Suites and cases keep the order given.
 */
export function formatJUnit(findings: Finding[], { name }: { name: string }): string {
  const suites = new Map<string, Finding[]>();
  for (const finding of findings) suites.set(finding.suite, [...(suites.get(finding.suite) ?? []), finding]);
  const failures = findings.filter((finding) => finding.failed).length;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name=${attribute(name)} tests="${findings.length}" failures="${failures}" errors="0">`,
  ];
  let id = 0;
  for (const [suite, cases] of suites) {
    const failed = cases.filter((finding) => finding.failed).length;
    lines.push(`  <testsuite name=${attribute(suite)} id="${id}" tests="${cases.length}" failures="${failed}" errors="0" skipped="0">`);
    id += 1;
    for (const finding of cases) lines.push(...testCase(finding, suite));
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>');
  return `${lines.join('\n')}\n`;
}

function testCase(finding: Finding, suite: string): string[] {
  const where =
    finding.file === undefined
      ? ''
      : `${finding.file}${finding.line ? `:${finding.line}${finding.column ? `:${finding.column}` : ''}` : ''}`;
  // The file goes in the text: `file` is not an attribute the JUnit schema (Jenkins' junit-4.xsd) allows.
  const open = `    <testcase name=${attribute(finding.name)} classname=${attribute(suite)}`;
  const text = `${where === '' ? '' : `${where}: `}${finding.message}`;
  if (!finding.failed)
    return [`${open}>`, `      <system-out>${content(`${finding.level} ${finding.ruleId}: ${text}`)}</system-out>`, '    </testcase>'];
  return [
    `${open}>`,
    `      <failure message=${attribute(finding.message)} type=${attribute(finding.ruleId)}>${content(text)}</failure>`,
    '    </testcase>',
  ];
}

/** XML 1.0 allows neither most control characters nor lone surrogates, even escaped: they become U+FFFD. */
const notXml =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function content(text: string): string {
  return text.replace(notXml, '\uFFFD').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function attribute(text: string): string {
  return `"${content(text).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;')}"`;
}
