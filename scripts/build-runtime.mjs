// Builds the runtime every generated package ships (templates/runtime, real modules checked by tsc) into
// generator/dist/runtime: runtime.js (ES module) and runtime.cjs (CommonJS), each one file bundled by
// esbuild from templates/runtime/index.js, and runtime.d.ts, bundled by dts-bundle-generator from the
// declarations tsc makes of templates/runtime/public.ts. The generator copies the three into each package.
// Run by `make build`; `--if-stale` (the test setup) skips the build when the output is newer than every source.
import { mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { generateDtsBundle } from 'dts-bundle-generator';
import ts from 'typescript';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const source = path.join(root, 'templates/runtime');
const out = path.join(root, 'generator/dist/runtime');
const outputs = ['runtime.js', 'runtime.cjs', 'runtime.d.ts'].map((file) => path.join(out, file));

export function isStale() {
  const newestSource = Math.max(
    ...readdirSync(source).map((file) => statSync(path.join(source, file)).mtimeMs),
    statSync(fileURLToPath(import.meta.url)).mtimeMs,
  );
  try {
    return outputs.some((file) => statSync(file).mtimeMs < newestSource);
  } catch {
    return true;
  }
}

export async function buildRuntime() {
  mkdirSync(out, { recursive: true });
  const common = {
    entryPoints: [path.join(source, 'index.js')],
    bundle: true,
    // Paths in the bundle's comments (`// templates/runtime/client.js`) are relative to the repository, wherever this runs from.
    absWorkingDir: root,
    target: 'es2022',
    charset: 'utf8',
    legalComments: 'none',
    write: false,
    logLevel: 'warning',
  };
  const [esm, commonJs] = await Promise.all([
    build({ ...common, format: 'esm', platform: 'neutral' }),
    // `platform: node` makes esbuild annotate the export names, so that Node's ES-module loader sees each.
    build({ ...common, format: 'cjs', platform: 'node' }),
  ]);
  const declarations = bundleDeclarations();
  // Each file is written beside its place and renamed into it, so that a reader (another test run's setup,
  // a generate) never sees half of one.
  const texts = [esm.outputFiles[0].text, commonJs.outputFiles[0].text, declarations];
  outputs.forEach((file, index) => {
    const partial = `${file}.${process.pid}.partial`;
    writeFileSync(partial, texts[index]);
    renameSync(partial, file);
  });
}

/** tsc's declarations of the runtime (from the JSDoc of its modules and types.ts), bundled from public.ts into one file. */
function bundleDeclarations() {
  const folder = mkdtempSync(path.join(tmpdir(), 'specsmith-runtime-'));
  try {
    const config = ts.getParsedCommandLineOfConfigFile(
      path.join(source, 'tsconfig.json'),
      {},
      { ...ts.sys, onUnRecoverableConfigFileDiagnostic() {} },
    );
    const options = { ...config.options, noEmit: false, declaration: true, emitDeclarationOnly: true, outDir: folder, rootDir: source };
    const program = ts.createProgram(config.fileNames, options);
    const emitted = program.emit();
    const problems = [...ts.getPreEmitDiagnostics(program), ...emitted.diagnostics];
    if (problems.length > 0)
      throw new Error(
        ts.formatDiagnostics(problems, { getCanonicalFileName: (name) => name, getCurrentDirectory: () => root, getNewLine: () => '\n' }),
      );
    writeFileSync(
      path.join(folder, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { strict: true, skipLibCheck: true, module: 'NodeNext', lib: ['ES2023', 'DOM', 'DOM.Iterable'], types: [] },
      }),
    );
    const [text] = generateDtsBundle(
      [{ filePath: path.join(folder, 'public.d.ts'), output: { noBanner: true, exportReferencedTypes: false } }],
      {
        preferredConfigPath: path.join(folder, 'tsconfig.json'),
      },
    );
    return text;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--if-stale') && !isStale()) process.exit(0);
  await buildRuntime();
}
