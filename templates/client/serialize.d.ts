// Types of serialize.js, for the tests that import it directly.
export declare function serializePath(name: string, value: unknown, style: string, explode: boolean): string;
export declare function serializeQuery(name: string, value: unknown, style: string, explode: boolean): string[];
export declare function serializeHeader(value: unknown, explode: boolean): string;
export declare function serializeCookie(name: string, value: unknown, explode: boolean): string[];
export declare function serializeBody(mediaType: string, body: unknown): { body: unknown; contentType: string | undefined };
