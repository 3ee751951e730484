import type { Finding } from './finding.js';

const commands = { error: 'error', warning: 'warning', note: 'notice' } as const;

/**
 * GitHub Actions workflow commands (`::error file=F,line=L,col=C,title=T::message`), which the runner
 * shows as annotations on the file and line. Values are escaped as the runner unescapes them: `%`, CR and
 * LF everywhere, and `:` and `,` in properties too. Only failed findings and warnings are printed. The title
 * is the rule and the subject (the name when there is none, which for fixtures is the file).
 */
export function formatGitHub(findings: Finding[]): string {
  return findings
    .filter((finding) => finding.failed || finding.level !== 'note')
    .map((finding) => {
      const properties = [
        ...(finding.file === undefined ? [] : [`file=${property(finding.file)}`]),
        ...(finding.line ? [`line=${finding.line}`] : []),
        ...(finding.line && finding.column ? [`col=${finding.column}`] : []),
        `title=${property(`${finding.ruleId}: ${finding.subject ?? finding.name}`)}`,
      ];
      return `::${finding.failed ? 'error' : commands[finding.level]} ${properties.join(',')}::${data(finding.message)}\n`;
    })
    .join('');
}

const data = (text: string) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const property = (text: string) => data(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
