import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Replaces a package folder with new contents as one step: files go to a sibling temporary folder,
 * which takes the old folder's place only when every write succeeded. A failed run leaves the
 * previous output as it was.
 */
export async function writePackage(outDir: string, files: ReadonlyMap<string, string>): Promise<void> {
  const parent = path.dirname(outDir);
  const base = path.basename(outDir);
  const staging = path.join(parent, `.${base}.specsmith-new-${process.pid}`);
  const retired = path.join(parent, `.${base}.specsmith-old-${process.pid}`);
  await mkdir(parent, { recursive: true });
  await rm(staging, { recursive: true, force: true });
  try {
    for (const [relative, content] of files) {
      const target = path.join(staging, relative);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, content);
    }
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  let hadPrevious = true;
  try {
    await rename(outDir, retired);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    hadPrevious = false;
  }
  await rename(staging, outDir);
  if (hadPrevious) await rm(retired, { recursive: true, force: true });
}
