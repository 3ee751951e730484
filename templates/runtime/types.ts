// The runtime's public types: the options, views and results of the client, the validators' issue and the
// webhooks' results. The runtime's modules (JS checked by tsc) take their types from here, and the
// package's runtime.d.ts is generated from both (scripts/build-runtime.mjs).
import type { ResponseValidationError, TimeoutError } from './errors.js';

/** One problem a validator found in a value. */
export interface ValidationIssue {
  /** JSON pointer (RFC 6901) to the offending part of the value; `""` for the value itself. */
  readonly path: string;
  /** The path, what is wrong and what the spec allows, for a person to read. */
  readonly message: string;
  /** The JSON Schema keyword of the rule (`maxLength`, `enum`, `required`…). */
  readonly keyword: string;
  /** The rule's parameters (`limit`, `allowedValues`…). */
  readonly params: Readonly<Record<string, unknown>>;
  /** Where the spec writes the rule (`file:line`, and its source when the spec names one). */
  readonly spec?: string;
}

/** A credential provider for bearer tokens: asked once, and again (with `refresh: true`) after a 401. */
export type TokenProvider = (context: { refresh: boolean }) => string | Promise<string>;

/**
 * Retries of failed calls: only on 408, 429, 502, 503, 504 and network errors, and only for idempotent
 * methods and operations that take an idempotency key (each retry sends the same key) unless a call passes
 * `retry` itself.
 */
export interface RetryOptions {
  /** Attempts in all, the first included. @default 3 */
  attempts?: number;
  /** The first backoff; each next one doubles, with jitter. @default 100 */
  baseDelayMs?: number;
  /** The longest wait between attempts; a `Retry-After` asking for longer ends the retries. @default 30000 */
  maxDelayMs?: number;
}

/** A request as hooks and errors see it: credentials (the `Authorization` header, an API key) redacted. */
export interface RequestView {
  readonly operationId: string;
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
}

/** A response as the `onResponse` hook sees it (its body is left for the client to read). */
export interface ResponseView {
  readonly status: number;
  readonly statusText: string;
  readonly headers: Headers;
  readonly url: string;
  readonly durationMs: number;
}

/** What `onValidationWarning` receives when `validateResponses` is `'warn'` and a response does not match the spec. */
export interface ValidationWarning {
  readonly operationId: string;
  readonly status: number;
  readonly issues: readonly ValidationIssue[];
  readonly data: unknown;
  /** The body as received. */
  readonly body: string;
}

/** Options of a client that do not depend on the spec. */
export interface ClientBaseOptions {
  /** The `fetch` to call, e.g. one with a proxy agent or a test double. @default globalThis.fetch */
  fetch?: (url: string, init: RequestInit) => Promise<Response>;
  /** Headers sent with every request. */
  headers?: Readonly<Record<string, string>>;
  /** The longest a call may take, retries and reading the body included; then it throws a {@link TimeoutError}. */
  timeoutMs?: number;
  /** Retries of failed calls; off unless given. */
  retry?: RetryOptions;
  /**
   * The shared secret for operations the spec asks to be signed (`x-request-signing`): base64 text, or a
   * function that returns it. Each such request carries base64(HMAC-SHA256(key, the body as sent)).
   */
  signing?: { key: string | (() => string | Promise<string>) };
  /** Called before each request is sent (each retry too), for logging and tracing. */
  onRequest?: (request: RequestView) => void;
  /** Called when the response headers arrive. */
  onResponse?: (response: ResponseView, request: RequestView) => void;
  /** Check path, query, header and body values against the spec before sending; a problem throws a `ValidationError`. @default true */
  validateRequests?: boolean;
  /** Check documented response bodies against the spec: `true` throws a {@link ResponseValidationError}, `'warn'` calls `onValidationWarning` and returns the data as it came. @default true */
  validateResponses?: boolean | 'warn';
  onValidationWarning?: (warning: ValidationWarning) => void;
}

/** Options of one call. */
export interface CallOptions {
  signal?: AbortSignal;
  /** Extra headers for this call. */
  headers?: Readonly<Record<string, string>>;
  timeoutMs?: number;
  /** Retries for this call, whatever its method. */
  retry?: RetryOptions;
  /**
   * For an operation that takes an idempotency key (`x-idempotency` in the spec): the key to send, the same
   * on every retry. @default a new `crypto.randomUUID()` per call (or the key given in the call's headers)
   */
  idempotencyKey?: string;
}

/** One documented response: `status` tells which, so checking it narrows `data` to that response's type. */
export interface ApiResult<Status extends number, Data> {
  readonly status: Status;
  readonly data: Data;
  readonly headers: Headers;
  readonly response: Response;
}

/** A client without methods (for bundles that import single operations); `createClient` returns one with a method per operation. */
export interface ClientCore {
  readonly [Symbol.toStringTag]: 'SpecsmithClient';
}

/** Every status code a server may send, by class (RFC 9110 §15): what `2XX`-style ranges and `default` responses stand for. */
export type HttpStatus1XX =
  | 100
  | 101
  | 102
  | 103
  | 104
  | 105
  | 106
  | 107
  | 108
  | 109
  | 110
  | 111
  | 112
  | 113
  | 114
  | 115
  | 116
  | 117
  | 118
  | 119
  | 120
  | 121
  | 122
  | 123
  | 124
  | 125
  | 126
  | 127
  | 128
  | 129
  | 130
  | 131
  | 132
  | 133
  | 134
  | 135
  | 136
  | 137
  | 138
  | 139
  | 140
  | 141
  | 142
  | 143
  | 144
  | 145
  | 146
  | 147
  | 148
  | 149
  | 150
  | 151
  | 152
  | 153
  | 154
  | 155
  | 156
  | 157
  | 158
  | 159
  | 160
  | 161
  | 162
  | 163
  | 164
  | 165
  | 166
  | 167
  | 168
  | 169
  | 170
  | 171
  | 172
  | 173
  | 174
  | 175
  | 176
  | 177
  | 178
  | 179
  | 180
  | 181
  | 182
  | 183
  | 184
  | 185
  | 186
  | 187
  | 188
  | 189
  | 190
  | 191
  | 192
  | 193
  | 194
  | 195
  | 196
  | 197
  | 198
  | 199;
export type HttpStatus2XX =
  | 200
  | 201
  | 202
  | 203
  | 204
  | 205
  | 206
  | 207
  | 208
  | 209
  | 210
  | 211
  | 212
  | 213
  | 214
  | 215
  | 216
  | 217
  | 218
  | 219
  | 220
  | 221
  | 222
  | 223
  | 224
  | 225
  | 226
  | 227
  | 228
  | 229
  | 230
  | 231
  | 232
  | 233
  | 234
  | 235
  | 236
  | 237
  | 238
  | 239
  | 240
  | 241
  | 242
  | 243
  | 244
  | 245
  | 246
  | 247
  | 248
  | 249
  | 250
  | 251
  | 252
  | 253
  | 254
  | 255
  | 256
  | 257
  | 258
  | 259
  | 260
  | 261
  | 262
  | 263
  | 264
  | 265
  | 266
  | 267
  | 268
  | 269
  | 270
  | 271
  | 272
  | 273
  | 274
  | 275
  | 276
  | 277
  | 278
  | 279
  | 280
  | 281
  | 282
  | 283
  | 284
  | 285
  | 286
  | 287
  | 288
  | 289
  | 290
  | 291
  | 292
  | 293
  | 294
  | 295
  | 296
  | 297
  | 298
  | 299;
export type HttpStatus3XX =
  | 300
  | 301
  | 302
  | 303
  | 304
  | 305
  | 306
  | 307
  | 308
  | 309
  | 310
  | 311
  | 312
  | 313
  | 314
  | 315
  | 316
  | 317
  | 318
  | 319
  | 320
  | 321
  | 322
  | 323
  | 324
  | 325
  | 326
  | 327
  | 328
  | 329
  | 330
  | 331
  | 332
  | 333
  | 334
  | 335
  | 336
  | 337
  | 338
  | 339
  | 340
  | 341
  | 342
  | 343
  | 344
  | 345
  | 346
  | 347
  | 348
  | 349
  | 350
  | 351
  | 352
  | 353
  | 354
  | 355
  | 356
  | 357
  | 358
  | 359
  | 360
  | 361
  | 362
  | 363
  | 364
  | 365
  | 366
  | 367
  | 368
  | 369
  | 370
  | 371
  | 372
  | 373
  | 374
  | 375
  | 376
  | 377
  | 378
  | 379
  | 380
  | 381
  | 382
  | 383
  | 384
  | 385
  | 386
  | 387
  | 388
  | 389
  | 390
  | 391
  | 392
  | 393
  | 394
  | 395
  | 396
  | 397
  | 398
  | 399;
export type HttpStatus4XX =
  | 400
  | 401
  | 402
  | 403
  | 404
  | 405
  | 406
  | 407
  | 408
  | 409
  | 410
  | 411
  | 412
  | 413
  | 414
  | 415
  | 416
  | 417
  | 418
  | 419
  | 420
  | 421
  | 422
  | 423
  | 424
  | 425
  | 426
  | 427
  | 428
  | 429
  | 430
  | 431
  | 432
  | 433
  | 434
  | 435
  | 436
  | 437
  | 438
  | 439
  | 440
  | 441
  | 442
  | 443
  | 444
  | 445
  | 446
  | 447
  | 448
  | 449
  | 450
  | 451
  | 452
  | 453
  | 454
  | 455
  | 456
  | 457
  | 458
  | 459
  | 460
  | 461
  | 462
  | 463
  | 464
  | 465
  | 466
  | 467
  | 468
  | 469
  | 470
  | 471
  | 472
  | 473
  | 474
  | 475
  | 476
  | 477
  | 478
  | 479
  | 480
  | 481
  | 482
  | 483
  | 484
  | 485
  | 486
  | 487
  | 488
  | 489
  | 490
  | 491
  | 492
  | 493
  | 494
  | 495
  | 496
  | 497
  | 498
  | 499;
export type HttpStatus5XX =
  | 500
  | 501
  | 502
  | 503
  | 504
  | 505
  | 506
  | 507
  | 508
  | 509
  | 510
  | 511
  | 512
  | 513
  | 514
  | 515
  | 516
  | 517
  | 518
  | 519
  | 520
  | 521
  | 522
  | 523
  | 524
  | 525
  | 526
  | 527
  | 528
  | 529
  | 530
  | 531
  | 532
  | 533
  | 534
  | 535
  | 536
  | 537
  | 538
  | 539
  | 540
  | 541
  | 542
  | 543
  | 544
  | 545
  | 546
  | 547
  | 548
  | 549
  | 550
  | 551
  | 552
  | 553
  | 554
  | 555
  | 556
  | 557
  | 558
  | 559
  | 560
  | 561
  | 562
  | 563
  | 564
  | 565
  | 566
  | 567
  | 568
  | 569
  | 570
  | 571
  | 572
  | 573
  | 574
  | 575
  | 576
  | 577
  | 578
  | 579
  | 580
  | 581
  | 582
  | 583
  | 584
  | 585
  | 586
  | 587
  | 588
  | 589
  | 590
  | 591
  | 592
  | 593
  | 594
  | 595
  | 596
  | 597
  | 598
  | 599;
export type HttpStatusCode = HttpStatus1XX | HttpStatus2XX | HttpStatus3XX | HttpStatus4XX | HttpStatus5XX;

/** A webhook request as received: its headers (Fetch `Headers` or Node's header object) and its body's exact bytes. */
export interface WebhookRequest {
  /** The request's method, when the receiver passes it: a webhook sent with another is refused (405). */
  readonly method?: string;
  readonly headers: Headers | Readonly<Record<string, string | readonly string[] | undefined>>;
  /** The body as received, before any parsing (a signature covers these bytes). */
  readonly rawBody: string | Uint8Array;
}

/**
 * The secrets a receiver checks webhooks with, as each webhook's spec asks: the HMAC shared secret (base64
 * text), the bearer token (also for OAuth 2 and OpenID Connect senders), HTTP Basic credentials, API keys;
 * each may be a function that returns it. An empty one throws: it would let in a sender that shows nothing.
 */
export interface WebhookSecrets {
  signing?: { key: string | (() => string | Promise<string>) };
  token?: string | (() => string | Promise<string>);
  basic?:
    | { username: string; password: string }
    | (() => { username: string; password: string } | Promise<{ username: string; password: string }>);
  /** API keys by the name of their security scheme (`components.securitySchemes`). */
  apiKeys?: Readonly<Record<string, string | (() => string | Promise<string>)>>;
}

/** What `verifySignature` checks: an HMAC-SHA256 signature header (`Signature` unless named), or a bearer token. */
export type SignatureCheck = { key: string; header?: string } | { token: string };

/** Why a webhook request was refused, and the status to answer it with. */
export interface WebhookFailure {
  readonly ok: false;
  readonly reason:
    'unknown-webhook' | 'method-not-allowed' | 'unauthorized' | 'bad-signature' | 'unsupported-media-type' | 'malformed' | 'invalid';
  readonly status: 400 | 401 | 404 | 405 | 415;
  readonly message: string;
  /** The payload's problems, for `invalid`. */
  readonly issues: readonly ValidationIssue[];
}

/** A webhook request that passed: its name and its payload, typed by the spec. */
export interface WebhookEvent<Name extends string, Event> {
  readonly ok: true;
  readonly name: Name;
  readonly event: Event;
}

/** What `parseWebhook` gives: the event, or why it was refused. */
export type WebhookResult<Name extends string, Event> = WebhookEvent<Name, Event> | WebhookFailure;
