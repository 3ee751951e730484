/** A file's content: text, or bytes in pieces written one after the other (a large module is never one string). */
export type FileContent = string | readonly Uint8Array[];
