/** A module's text as a `data:` URL, for `import()` of code that exists only in memory. */
export const dataUrl = (text: string): string => `data:text/javascript;base64,${Buffer.from(text).toString('base64')}`;
