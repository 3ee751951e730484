import type { LoadedDocument } from '../load/load-document.js';
import { locate, type NodeOrigin } from '../load/origins.js';
import { parsePointer } from '../util/json-pointer.js';

/** The position of a JSON pointer in a file of one loaded version (the nearest node that exists), by the file as shown. */
export type Locate = (file: string, pointer: string) => NodeOrigin | undefined;

/** A locator per version: both may show the same file name (`v1:api.yaml` and `api.yaml`). */
export type KeywordLocator = { old: Locate | undefined; new: Locate | undefined };

/**
 * The IR keeps each node's place, not each keyword's; the loaded document's origin index has both, so a
 * change can point at the `enum:` line that changed rather than the first line of its schema.
 */
export function locatorOf(loaded: LoadedDocument): Locate {
  const byFile = new Map([...loaded.resolver.files.values()].map((file) => [file.displayPath, file]));
  return (file, pointer) => {
    const source = byFile.get(file);
    const tokens = parsePointer(pointer);
    if (source === undefined || tokens === undefined) return undefined;
    return locate(loaded.resolver.origins, source.value, tokens);
  };
}
