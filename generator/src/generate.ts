import path from 'node:path';
import {
  resolveConfig,
  type GenerateJob,
  type PackageMetadata,
  type UserConfig,
  type ValidatorsMode,
  type CommonJsMode,
} from './config/config.js';
import type { Diagnostic } from './diagnostics/diagnostic.js';
import type { ApiModel } from './ir/types.js';
import { discoverJobs, noSpecsDiagnostic } from './config/discover.js';
import { emitPackage } from './emit/package/emit-package.js';
import { ValidatorCompileError } from './emit/validators/schema-check.js';
import type { FormatPolicy } from './emit/package/format.js';
import { parseDocument } from './ir/parse-document.js';
import { loadDocument } from './load/load-document.js';
import { OpenApiSchemas } from './load/openapi-schema.js';
import { createProgress, type Progress } from './util/progress.js';
import { readRelease } from './release/read-release.js';
import { openPackage } from './write/write-package.js';

export interface PackageResult {
  job: GenerateJob;
  ok: boolean;
  diagnostics: Diagnostic[];
  /** Relative paths of the files written (empty when the spec was refused). */
  files: string[];
}

export interface GenerateResult {
  ok: boolean;
  packages: PackageResult[];
  diagnostics: Diagnostic[];
}

export interface GenerateOptions {
  /** Where to write a job's package instead of its `out` folder (`specsmith check` writes to a scratch folder). */
  outputFor?: (job: GenerateJob) => string;
}

/**
 * Generates one package per job. A spec with errors is refused whole and its package folder is
 * left untouched; the other jobs still run, and every problem of every spec is reported. No job at all
 * (no jobs set and no spec under specsDir) is a failure too (`specs-not-found`), not an empty success.
 */
export async function generate(userConfig: UserConfig = {}, options: GenerateOptions = {}): Promise<GenerateResult> {
  const config = resolveConfig(userConfig);
  const progress = createProgress(config.progress);
  const run: RunContext = {
    schemas: new OpenApiSchemas(),
    progress,
    validators: config.validators,
    commonjs: config.commonjs,
    schemaKeywordTypos: config.schemaKeywordTypos,
    packageMetadata: config.packageMetadata,
  };
  const packages: PackageResult[] = [];
  const jobs = discoverJobs(config);
  if (jobs.length === 0) return { ok: false, packages, diagnostics: [noSpecsDiagnostic(config)] };
  for (const job of jobs) {
    packages.push(
      await generateOne({
        job,
        root: config.root,
        format: { mode: config.format, limit: config.formatLimit },
        command: commandFor(config.command, job, userConfig.jobs !== undefined),
        run,
        outDir: options.outputFor?.(job) ?? path.resolve(config.root, job.out),
      }),
    );
  }
  const diagnostics = packages.flatMap((result) => result.diagnostics);
  return { ok: packages.every((result) => result.ok), packages, diagnostics };
}

interface RunContext {
  schemas: OpenApiSchemas;
  packageMetadata: PackageMetadata;
  schemaKeywordTypos: 'error' | 'warning';
  validators: ValidatorsMode;
  commonjs: CommonJsMode;
  progress: Progress;
}

async function generateOne({
  job,
  root,
  format,
  command,
  run,
  outDir,
}: {
  job: GenerateJob;
  root: string;
  format: FormatPolicy;
  command: string;
  run: RunContext;
  outDir: string;
}): Promise<PackageResult> {
  const { model, diagnostics } = await loadModel(job, root, run);
  if (model === undefined) return { job, ok: false, diagnostics, files: [] };
  const release = await readRelease(path.resolve(root, job.out));
  run.progress.step(`${job.spec}: emitting ${model.schemas.length} schemas and ${model.operations.length} operations`);
  // Each file is written as it is made, into a new folder that replaces the package only once all are out.
  const writer = await openPackage(outDir);
  let emitted;
  try {
    emitted = await emitPackage({
      model,
      packageName: job.name,
      format,
      command,
      validators: run.validators,
      commonjs: run.commonjs,
      metadata: run.packageMetadata,
      release,
      write: writer.write,
    });
  } catch (error) {
    await writer.discard();
    if (error instanceof ValidatorCompileError) return { job, ok: false, diagnostics: [...diagnostics, ...error.diagnostics], files: [] };
    throw error;
  }
  await writer.commit();
  run.progress.step(`${job.spec}: wrote ${job.out}`);
  return { job, ok: true, diagnostics: [...diagnostics, ...emitted.diagnostics], files: emitted.files };
}

/**
 * The job's spec loaded and read into the model, with the loader's diagnostics. The loaded document (each
 * file's parsed tree, the resolver, the sets of reference and source holders) stays in here: on GitHub's
 * REST description, kept through the emission it added 40 to 70 MB to the run's peak.
 */
async function loadModel(job: GenerateJob, root: string, run: RunContext): Promise<{ model?: ApiModel; diagnostics: Diagnostic[] }> {
  run.progress.step(`${job.spec}: loading`);
  const loaded = await loadDocument({ entry: job.spec, root, schemas: run.schemas, schemaKeywordTypos: run.schemaKeywordTypos });
  if (!loaded.ok) return { diagnostics: loaded.diagnostics };
  run.progress.step(`${job.spec}: building the model`);
  return { model: parseDocument(loaded.loaded), diagnostics: loaded.diagnostics };
}

function commandFor(base: string, job: GenerateJob, explicit: boolean): string {
  const posix = (value: string) => value.split(path.sep).join('/');
  return explicit ? `${base} --spec ${posix(job.spec)} --out ${posix(job.out)} --name ${job.name}` : base;
}
