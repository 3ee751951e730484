export const generateUsage = `Usage:
  specsmith generate                      every spec under specs/ into generated/
  specsmith generate --spec FILE --out DIR [--name PKG]

Options:
  --config FILE      settings file (default: specsmith.config.json when present); flags win over it
  --spec FILE        OpenAPI document (YAML or JSON); its relative $refs are followed
  --out DIR          package folder to write (replaced as a whole, only on success)
  --name PKG         npm package name (default: <scope>/<name of DIR>, the scope as in the settings,
                     else that of the package.json in the root folder; none without either)
  --root DIR         folder paths are taken from and shown relative to (default: .)
  --format MODE      auto | prettier | none (default: auto: prettier below 1 MB a file)
  --progress MODE    auto | always | never (default: auto: only when stderr is a terminal)
  --validators MODE  all | none (default: all: is*/assert*/*Schema for every schema and operation part)
  --commonjs MODE    copy | require-esm (default: copy: every module also written as CommonJS;
                     require-esm: the CommonJS entries load the ES modules, Node 20.19+, ~1/3 smaller)
  --json             print the result (files, diagnostics) as JSON on stdout

The settings file is JSON: { "specsDir", "outDir", "scope", "format", "formatLimit", "progress",
"validators", "commonjs", "command", "jobs": [{ "spec", "out", "name" }] }, every field optional; its paths are taken from its folder.

Exit codes: 0 success, 1 internal error, 2 bad usage, no spec found, or a spec with errors (nothing
written for it).
`;

export const checkUsage = `Usage:
  specsmith check                         every spec under specs/ against its package in generated/
  specsmith check --spec FILE --out DIR [--name PKG]
  specsmith check --config FILE

Regenerates each package into a scratch folder and compares it with the one on disk: every stale,
missing or extra file is listed, a stale one with the first lines that differ. For CI: a package that
no longer matches its spec fails the build.

Options:
  --config FILE      settings file, as for generate (default: specsmith.config.json when present)
  --spec FILE --out DIR [--name PKG]   one package, as for generate
  --root DIR         folder paths are taken from (default: .)
  --format MODE, --validators MODE, --commonjs MODE
                     as the packages were generated with (see generate)
  --json             print the result (each package, each file that differs) as JSON on stdout

Exit codes: 0 every package matches, 1 a file differs, 2 bad usage, no spec found, or a spec with errors.
`;

export const validateUsage = `Usage:
  specsmith validate --spec FILE --schema NAME [--json | --ndjson] [--no-cache] INPUT
  specsmith validate --spec FILE --operation ID --part PART [--json | --ndjson] [--no-cache] INPUT
  specsmith validate --spec FILE --fixtures DIR [--format FORMAT]
  specsmith validate --spec FILE --har FILE [--format FORMAT]
  specsmith validate --spec FILE --examples [--format FORMAT]

Checks JSON values against a schema of the spec, or against one part of an operation, with the same
rules and messages as the generated validators. INPUT is a file, or - for standard input.

Options:
  --spec FILE        the OpenAPI document
  --schema NAME      a component schema (as the spec names it), or a view such as UserRequest
  --operation ID     an operationId, with --part body | path | query | headers | response.<status>
  --json             print { valid, issues } as JSON
  --ndjson           INPUT holds one JSON value a line; print one result line each, in constant memory
  --no-cache         compile the validator even if an unchanged spec was compiled before
  --fixtures DIR     check every DIR/<operationId>/<part>/*.json and DIR/schemas/<Name>/*.json; files
                     named *.invalid.json must be refused, the others accepted (exit 1 on any surprise,
                     2 when the folder holds no fixture)
  --har FILE         check every entry of a HAR capture (browser devtools, Playwright, mitmproxy):
                     each is matched to its operation by method and path, and its request and
                     response are checked (exit 1 on an invalid one; entries no operation has are
                     listed, not failed)
  --examples         check every example the spec documents for a JSON request body, response or
                     component schema against its schema (exit 1 when one fails, at its line)
  --format FORMAT    with --fixtures, --har or --examples: text (default) | json | junit | github | sarif, each failure at the
                     fixture file and the line of its first issue

The compiled validator is kept in node_modules/.cache/specsmith (or $SPECSMITH_CACHE_DIR) and reused
while the spec's files and specsmith are unchanged.

Exit codes: 0 valid, 1 invalid (every issue printed), 2 bad usage, unreadable input or a spec with errors.
`;

export const diffUsage = `Usage:
  specsmith diff OLD NEW [--format FORMAT] [--fail-on LEVEL] [--config FILE]
  specsmith diff --since REV [--format FORMAT] [--fail-on LEVEL] [--config FILE]
  specsmith diff --explain CHECK-ID

Compares two versions of a spec from a client's side. OLD and NEW are files, or REV:PATH for a file at a
git revision (origin/main:specs/x.yaml; PATH as seen from the working directory), read with git along with
every file it references. Each change has a check id, a severity (error: a client of the old version can
fail against the new one) and the release the generated package needs (major, minor or patch). It names
the operation, the direction and the place in the payload (request body.address.city, request
query.limit, response 200 body.items[].id), the old and new value, and the file:line:column of the keyword
that changed; json and sarif add a fingerprint that stays the same across commits.

Options:
  --format FORMAT    text (default) | json | markdown (a pull-request comment) | junit | github
                     (workflow annotations at the spec line) | sarif (2.1.0)
  --fail-on LEVEL    error (default) | warning | never: the lowest severity that exits 1
  --since REV        compare every spec the settings name (their "jobs", else each
                     specs/<provider>/openapi.*) with itself at the git revision REV: one report
                     and one exit code for the repository (a spec new since REV is listed;
                     one removed since REV, with the default layout, is an error)
  --config FILE      settings file (default: specsmith.config.json when present); its
                     "diff": { "severity": { "CHECK-ID": "error" | "warning" | "info" | "off" } }
                     changes a check's severity or turns it off
                     "diff": { "policy": { "responseBounds": "warning" } }
                     a response bound lowered or removed is a warning (default: error)
  --explain CHECK-ID what a check means, an example, its default severity and release

Exit codes: 0 nothing at the --fail-on level, 1 a change at that level, 2 bad usage or a version with errors.
`;

export const versionUsage = `Usage:
  specsmith version --since REV [--config FILE | --spec FILE --out DIR]

Gives each generated package the version its spec's changes since the git revision REV need: the spec is
compared with itself at REV (as specsmith diff does), the package's version at REV is raised by the
verdict (major, minor or patch; below 1.0.0 a breaking change raises the minor), and the new version is
written into the package's package.json with an entry at the top of its CHANGELOG.md. specsmith generate
keeps both. Running it again for the same REV gives the same version and replaces the entry.

Options:
  --since REV        the git revision of the last release (a tag, origin/main, a commit)
  --config FILE      settings file, as for generate (default: specsmith.config.json when present)
  --spec FILE --out DIR [--name PKG]   one package, as for generate
  --root DIR         folder paths are taken from (default: .)
  --json             print each package's old and new version and its changes as JSON

Exit codes: 0 done, 2 bad usage, an unknown revision, a package not generated yet or a spec with errors.
`;

export const docsCheckUsage = `Usage:
  specsmith docs-check [DOCS_DIR]         check specs/*/openapi.yaml against captured doc pages

Reads specs/<provider>/docs-map.yaml (which page documents which operation or schema), reads each
page and checks that every enum list, length limit, required mark, type and format it states is in
the spec at the matching property. Prints a table of facts found on the pages and matched in the specs.

Options:
  DOCS_DIR           folder of the captured pages (default: $SPECSMITH_DOCS_DIR)
  --specs DIR        folder of the provider specs (default: specs)
  --root DIR         folder paths are taken from and shown relative to (default: .)
  --json             print the full result (every fact and how it matched) as JSON on stdout

Exit codes: 0 every fact matched, 1 a mismatch, 2 bad usage or a broken docs map or spec.
`;

export const mockUsage = `Usage:
  specsmith mock --spec FILE [--port N] [--host ADDRESS] [--no-auth] [--cors on|off] [--stateful [--seed FILE]]
  specsmith mock --spec FILE --send-webhook NAME --to URL [--example NAME] [--signing-key BASE64] [--token TOKEN]
                 [--basic USER:PASSWORD] [--api-key [SCHEME=]KEY]

Serves the spec's operations over HTTP until SIGINT or SIGTERM: routes by path, then method (405 lists the
path's own methods in Allow; HEAD is answered wherever GET is); checks each operation's security (401 with
WWW-Authenticate, and the spec's documented 401 body where there is one: Basic or Bearer credentials, API
keys in a header, query parameter or cookie); checks the path, query, headers and body of each request
against the spec (400 application/problem+json listing every issue; 415 for an undocumented media type;
413 above 10 MB); and answers with the documented example as written (an example that fails its schema is
served with an x-specsmith-warning header and a log line), or a value built from the schema that the
response's own validator accepts, in a media type Accept allows (406 when none). A request header
Prefer: code=404, example=NAME (400 listing the names when there is none of that name) or dynamic=true
(a generated value) picks another answer. CORS is on: any origin may call it, preflights are answered from
the spec. One line is logged a request.

Options:
  --spec FILE        the OpenAPI document (a package's openapi.json works too)
  --port N           port to listen on; 0 picks a free one (default: 4010)
  --host ADDRESS     address to listen on (default: 127.0.0.1)
  --no-auth          do not check credentials
  --cors on|off      answer browsers on other origins (default: on)
  --stateful         keep what POST, PUT and PATCH write, for GET on the item's path to read back
                     (the response's links say which, else the paths); DELETE removes; an item
                     nobody wrote is 404. Idempotency keys (x-idempotency) replay a success.
  --seed FILE        with --stateful: items to start from, {"/v3/151077912": {...}} by the path
                     that reads each

Sending a webhook (to test a receiver): --send-webhook NAME sends the spec's webhook (or callback) NAME
to --to URL once, as the provider would: its documented example (--example NAME picks one), else a value
built from its schema; signed with base64(HMAC-SHA256(key, the body as sent)) when the spec marks it
x-signed, with the credentials its security names (a bearer token, Basic, an API key). The answer must
be documented, a success, valid against its schema and, where the spec sets x-answer-within, in time;
each shortfall is listed.
  --to URL           the receiver's endpoint
  --example NAME     which documented example to send
  --signing-key KEY  the shared secret, base64 (default: $SPECSMITH_SIGNING_KEY; a flag shows in process lists)
  --token TOKEN      the bearer token (default: $SPECSMITH_WEBHOOK_TOKEN)
  --basic USER:PASS  HTTP Basic credentials (default: $SPECSMITH_WEBHOOK_BASIC)
  --api-key [SCHEME=]KEY  an API key, in the header or cookie its scheme names; SCHEME= where the
                     security names several (default: $SPECSMITH_WEBHOOK_API_KEY)

Exit codes: 0 stopped by a signal (a webhook: answered as the spec says), 1 a webhook's answer falls short
or none came, 2 bad usage, a spec with errors or a port that cannot be used.
`;

export const proxyUsage = `Usage:
  specsmith proxy --spec FILE --target URL [--port N] [--host ADDRESS] [--errors MODE] [--report FILE [--format FORMAT]]

Forwards every request to the real server at URL (a provider's sandbox) and checks the request and the
target's answer against the spec: the operation by method and path, the request's path, query, headers
and body, the answer's status, media type, required headers and body. Each violation is logged with the
operation, the direction and the place (credentials never shown). On SIGINT or SIGTERM it writes the report
and exits.

Options:
  --spec FILE        the OpenAPI document
  --target URL       the server to forward to; its path is a base the request's path is appended to
  --port N           port to listen on; 0 picks a free one (default: 4011)
  --host ADDRESS     address to listen on (default: 127.0.0.1)
  --errors MODE      report (default): only log and report; warn: mark a violating answer with an
                     x-specsmith-violation header; refuse: answer an invalid request 400 without
                     forwarding it, and an invalid answer 502
  --report FILE      where to write the report on exit
  --format FORMAT    junit (default) | json | github | sarif

Exit codes: 0 stopped with no violation seen, 1 stopped after a violation, 2 bad usage, a spec with errors
or a port that cannot be used.
`;

/** `specsmith --help`: what each command is for and the options most runs need; each command has the rest. */
export const overview = `specsmith: OpenAPI 3.0/3.1 documents to TypeScript packages (types, validators, a typed client)

Usage: specsmith COMMAND [options]

Commands:
  generate     write a package for each spec (every specs/<name>/openapi.yaml into generated/<name>)
  check        fail when a generated package no longer matches its spec (for CI)
  diff         what changed between two versions of a spec, and the release the package needs
  version      set package versions and changelogs from the changes since a git revision
  validate     check JSON values, or a folder of example payloads, against a spec
  proxy        forward to a real server, checking every request and answer against the spec
  mock         serve a spec's operations over HTTP, answering with its examples
  docs-check   check specs against captured pages of the provider's docs

Most used:
  specsmith generate --spec FILE --out DIR [--name PKG]   one spec into one package folder
  specsmith generate                       every spec of the settings (or under specs/)
  specsmith check                          the same packages, compared with what is on disk
  --config FILE    settings file (default: specsmith.config.json in the working directory)
  --json           the result as JSON on stdout (generate, check, docs-check)

More:
  specsmith COMMAND --help    every option and exit code of a command
  specsmith --version         the version of specsmith
  README.md of the specsmith repository: the settings file, library use, recipes for CI.
`;
