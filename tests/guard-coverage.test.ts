/**
 * Every way into the server goes through the one guard (lib/server/guard/execute-action.ts):
 * server actions through `runAction`, route handlers through `runRoute`. This test reads the source of app/
 * and fails when an entry point could skip it, and checks the action definitions the guard relies on.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { parseSync } from "vite";
import { describe, expect, it } from "vitest";
import type { AnyActionDefinition } from "@/lib/server/guard/define-action";

const ROOT = path.resolve(import.meta.dirname, "..");
const APP = path.join(ROOT, "app");
const LIB_SERVER = path.join(ROOT, "lib/server");

/** Route handlers that may skip `runRoute`, each with the reason. There is exactly one, and it must stay alone. */
const ROUTE_EXCEPTIONS: Record<string, string> = {
  "app/api/auth/[...nextauth]/route.ts": "next-auth's own endpoints; sign-in itself runs through lib/server/auth/sign-in",
};

const HTTP_METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);
/** Next.js route segment config a route.ts may export besides its handlers. */
const SEGMENT_CONFIG = new Set(["dynamic", "dynamicParams", "revalidate", "fetchCache", "runtime", "preferredRegion", "maxDuration"]);

const RUN_ACTION_MODULE = "@/lib/server/guard/run-action";
const RUN_ROUTE_MODULE = "@/lib/server/guard/run-route";

interface AstNode {
  type: string;
  start: number;
  end: number;
  [key: string]: unknown;
}

function isNode(value: unknown): value is AstNode {
  return typeof value === "object" && value !== null && typeof (value as { type?: unknown }).type === "string";
}

/** Every node below `node`, depth first. */
function* walk(node: unknown): Generator<AstNode> {
  if (Array.isArray(node)) {
    for (const child of node) yield* walk(child);
    return;
  }
  if (!isNode(node)) return;
  yield node;
  for (const [key, value] of Object.entries(node)) {
    if (key !== "parent" && typeof value === "object" && value !== null) yield* walk(value);
  }
}

function filesUnder(dir: string, keep: (file: string) => boolean): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) found.push(...filesUnder(full, keep));
    else if (keep(full)) found.push(full);
  }
  return found.sort();
}

const relative = (file: string) => path.relative(ROOT, file).split(path.sep).join("/");

function parse(file: string) {
  const source = readFileSync(file, "utf8");
  const lang = /\.[jt]sx$/.test(file) ? (file.endsWith(".tsx") ? "tsx" : "jsx") : file.endsWith(".ts") ? "ts" : "js";
  const result = parseSync(path.basename(file), source, { lang, sourceType: "module" });
  if (result.errors.length > 0) throw new Error(`${relative(file)} does not parse: ${result.errors.map((e) => e.message).join("; ")}`);
  return { source, body: (result.program as unknown as { body: AstNode[] }).body };
}

function directives(body: AstNode[]): string[] {
  const found: string[] = [];
  for (const statement of body) {
    if (statement.type !== "ExpressionStatement" || typeof statement.directive !== "string") break;
    found.push(statement.directive);
  }
  return found;
}

/** The local names a file imports from `module` (named or default). */
function importsFrom(body: AstNode[], module: string): Set<string> {
  const names = new Set<string>();
  for (const statement of body) {
    if (statement.type !== "ImportDeclaration" || (statement.source as AstNode & { value: string }).value !== module) continue;
    for (const specifier of statement.specifiers as AstNode[]) names.add((specifier.local as AstNode & { name: string }).name);
  }
  return names;
}

/** Calls of the identifier `callee` somewhere inside `node`. */
function callsOf(node: unknown, callee: string): AstNode[] {
  return [...walk(node)].filter(
    (n) => n.type === "CallExpression" && isNode(n.callee) && n.callee.type === "Identifier" && n.callee.name === callee,
  );
}

function isDbImport(file: string, specifier: string): boolean {
  if (/^@\/db(\/|$)/.test(specifier) || specifier === "drizzle-orm" || specifier.startsWith("drizzle-orm/") || specifier === "postgres") {
    return true;
  }
  if (!specifier.startsWith(".")) return false;
  const target = path.resolve(path.dirname(file), specifier);
  return target === path.join(ROOT, "db") || target.startsWith(path.join(ROOT, "db") + path.sep);
}

const SOURCE = /\.(ts|tsx|js|jsx|mjs)$/;
const appFiles = filesUnder(APP, (file) => SOURCE.test(file) && !/\.test\.[jt]sx?$/.test(file));
const serverActionFiles = appFiles.filter((file) => directives(parse(file).body).includes("use server"));
const routeFiles = appFiles.filter((file) => /^route\.(ts|js|mjs)$/.test(path.basename(file)));

/** Why `file`, a "use server" module, could let a call past the guard; empty when it cannot. */
function serverActionViolations(file: string): string[] {
  return serverActionRule(file, parse(file).body);
}

function serverActionRule(file: string, body: AstNode[]): string[] {
  const name = relative(file);
  const problems: string[] = [];
  const runActionNames = importsFrom(body, RUN_ACTION_MODULE);
  if (!runActionNames.has("runAction")) problems.push(`${name}: must import runAction from "${RUN_ACTION_MODULE}"`);

  for (const node of walk(body)) {
    if (node.type === "ImportExpression" && isNode(node.source) && typeof node.source.value === "string" && isDbImport(file, node.source.value)) {
      problems.push(`${name}: imports "${node.source.value}" at run time; server actions reach data only through the guard`);
    }
  }
  for (const statement of body) {
    if (statement.type === "ImportDeclaration") {
      const specifier = (statement.source as AstNode & { value: string }).value;
      const importsDb = (statement.specifiers as AstNode[]).some((s) => (s.local as AstNode & { name: string }).name === "db");
      if (isDbImport(file, specifier) || importsDb) problems.push(`${name}: imports "${specifier}"; server actions reach data only through the guard`);
      continue;
    }
    if (statement.type === "ExportDefaultDeclaration" || statement.type === "ExportAllDeclaration") {
      problems.push(`${name}: ${statement.type} is not allowed; export named async functions only`);
      continue;
    }
    if (statement.type !== "ExportNamedDeclaration") {
      // A local function or variable named runAction would shadow the guard.
      for (const n of walk(statement)) {
        if ((n.type === "FunctionDeclaration" || n.type === "VariableDeclarator") && isNode(n.id) && n.id.name === "runAction") {
          problems.push(`${name}: declares its own runAction`);
        }
      }
      continue;
    }
    if (statement.exportKind === "type") continue; // erased at build time
    const declaration = statement.declaration;
    if (!isNode(declaration)) {
      problems.push(`${name}: re-exports (export { … }) are not allowed; write "export async function NAME(input: unknown)"`);
      continue;
    }
    if (declaration.type === "TSTypeAliasDeclaration" || declaration.type === "TSInterfaceDeclaration") continue;
    const label = isNode(declaration.id) ? String(declaration.id.name) : declaration.type;
    if (declaration.type !== "FunctionDeclaration" || declaration.async !== true || declaration.generator === true) {
      problems.push(`${name}: export ${label} must be "export async function ${label}(input: unknown)"`);
      continue;
    }
    const params = declaration.params as AstNode[];
    const param = params[0];
    const annotation = param && isNode(param.typeAnnotation) ? (param.typeAnnotation.typeAnnotation as AstNode | undefined) : undefined;
    if (params.length !== 1 || param!.type !== "Identifier" || param!.name !== "input" || annotation?.type !== "TSUnknownKeyword") {
      problems.push(`${name}: ${label} must take exactly (input: unknown)`);
    }
    const calls = callsOf(declaration.body, "runAction");
    if (calls.length === 0) {
      problems.push(`${name}: ${label} does not call runAction(definition, input)`);
      continue;
    }
    for (const call of calls) {
      const args = call.arguments as AstNode[];
      if (args.length !== 2 || args[0]!.type !== "Identifier" || args[1]!.type !== "Identifier" || args[1]!.name !== "input") {
        problems.push(`${name}: ${label} must call runAction(definition, input) with its own input, unchanged`);
      }
    }
    const statements = (declaration.body as AstNode & { body: AstNode[] }).body;
    const first = statements[0];
    const firstCallsGuard =
      first !== undefined &&
      (first.type === "ReturnStatement" || first.type === "VariableDeclaration") &&
      callsOf(first, "runAction").length > 0;
    if (!firstCallsGuard) problems.push(`${name}: ${label} must call runAction first; work after the guard only (e.g. setting a cookie)`);
  }
  return problems;
}

/** Server actions declared inside a component or function, which the rule for action modules would never see. */
function inlineServerFunctions(file: string, body: AstNode[]): string[] {
  const problems: string[] = [];
  for (const node of walk(body)) {
    const isFunction = node.type === "FunctionDeclaration" || node.type === "FunctionExpression" || node.type === "ArrowFunctionExpression";
    if (!isFunction || !isNode(node.body) || !Array.isArray(node.body.body)) continue;
    if (directives(node.body.body as AstNode[]).includes("use server")) {
      problems.push(`${relative(file)}: inline "use server" function at offset ${node.start}; move it to a "use server" module`);
    }
  }
  return problems;
}

/** Why `file`, a route handler module, could answer without the guard; empty when it cannot. */
function routeViolations(file: string): string[] {
  return routeRule(file, parse(file).body);
}

function routeRule(file: string, body: AstNode[]): string[] {
  const name = relative(file);
  const problems: string[] = [];
  if (!importsFrom(body, RUN_ROUTE_MODULE).has("runRoute")) problems.push(`${name}: must import runRoute from "${RUN_ROUTE_MODULE}"`);
  for (const statement of body) {
    if (statement.type === "ExportDefaultDeclaration" || statement.type === "ExportAllDeclaration") {
      problems.push(`${name}: ${statement.type} is not allowed in a route`);
      continue;
    }
    if (statement.type !== "ExportNamedDeclaration" || statement.exportKind === "type") continue;
    const declaration = statement.declaration;
    if (!isNode(declaration)) {
      problems.push(`${name}: re-exports (export { … }) cannot be checked; declare each handler with export`);
      continue;
    }
    if (declaration.type === "TSTypeAliasDeclaration" || declaration.type === "TSInterfaceDeclaration") continue;
    if (declaration.type === "FunctionDeclaration") {
      const label = String((declaration.id as AstNode).name);
      if (!HTTP_METHODS.has(label)) problems.push(`${name}: exports ${label}, which is neither a handler nor segment config`);
      else if (callsOf(declaration.body, "runRoute").length === 0) problems.push(`${name}: ${label} does not call runRoute(`);
      continue;
    }
    if (declaration.type === "VariableDeclaration") {
      for (const declarator of declaration.declarations as AstNode[]) {
        const label = isNode(declarator.id) ? String(declarator.id.name) : "?";
        if (SEGMENT_CONFIG.has(label)) continue;
        if (!HTTP_METHODS.has(label)) problems.push(`${name}: exports ${label}, which is neither a handler nor segment config`);
        else if (callsOf(declarator.init, "runRoute").length === 0) problems.push(`${name}: ${label} does not call runRoute(`);
      }
      continue;
    }
    problems.push(`${name}: unexpected export ${declaration.type}`);
  }
  return problems;
}

describe("guard coverage", () => {
  it("finds the app's entry points", () => {
    expect(serverActionFiles.map(relative)).toContain("app/actions/auth.ts");
    expect(serverActionFiles.map(relative)).toContain("app/actions/preferences.ts");
    expect(routeFiles.map(relative)).toContain("app/api/auth/[...nextauth]/route.ts");
  });

  it("lets every server action through runAction only, with no database access of its own", () => {
    const problems = serverActionFiles.flatMap(serverActionViolations);
    expect(problems).toEqual([]);
  });

  it("has no inline \"use server\" functions outside the action modules", () => {
    const problems = appFiles.flatMap((file) => inlineServerFunctions(file, parse(file).body));
    expect(problems).toEqual([]);
  });

  it("sends every route handler through runRoute, next-auth's endpoints being the one listed exception", () => {
    const exceptions = Object.keys(ROUTE_EXCEPTIONS);
    expect(exceptions).toEqual(["app/api/auth/[...nextauth]/route.ts"]);
    for (const exception of exceptions) {
      expect(routeFiles.map(relative), `${exception} is listed as an exception but does not exist`).toContain(exception);
      expect(readFileSync(path.join(ROOT, exception), "utf8")).toMatch(/from "next-auth"/);
    }
    const problems = routeFiles.filter((file) => !exceptions.includes(relative(file))).flatMap(routeViolations);
    expect(problems).toEqual([]);
  });

  it("rejects the shapes it exists to reject", () => {
    const header = `"use server";\nimport { runAction } from "${RUN_ACTION_MODULE}";\nimport { x } from "@/lib/server/x";\n`;
    const check = (code: string) => checkSource(header + code);
    expect(check(`export async function f(input: unknown) { return runAction(x, input); }`)).toEqual([]);
    expect(check(`export async function f(input: unknown) { const r = await runAction(x, input); if (r.ok) await setCookie(); return r; }`)).toEqual([]);
    expect(check(`export type Result = { ok: boolean };`)).toEqual([]);

    const refused = [
      `import { db } from "@/db/client";\nexport async function f(input: unknown) { return runAction(x, input); }`,
      `import { users } from "../../db/schema";\nexport async function f(input: unknown) { return runAction(x, input); }`,
      `export async function f(input: unknown) { return doItMyself(input); }`,
      `export async function f(input: unknown) { await sideEffect(); return runAction(x, input); }`,
      `export async function f(input: { id: string }) { return runAction(x, input); }`,
      `export async function f(input: unknown, extra: unknown) { return runAction(x, input); }`,
      `export async function f(input: unknown) { return runAction(x, { ...(input as object), admin: true }); }`,
      `export function f(input: unknown) { return runAction(x, input); }`,
      `export const f = async (input: unknown) => runAction(x, input);`,
      `export const LIMIT = 5;`,
      `async function f(input: unknown) { return runAction(x, input); }\nexport { f };`,
      `export { f } from "./elsewhere";`,
      `export * from "./elsewhere";`,
      `export default async function f(input: unknown) { return runAction(x, input); }`,
      `async function runAction(a: unknown, b: unknown) { return b; }\nexport async function f(input: unknown) { return runAction(x, input); }`,
      `export async function f(input: unknown) { const r = await runAction(x, input); await import("@/db/client"); return r; }`,
    ];
    for (const code of refused) expect(check(code), code).not.toEqual([]);
    expect(checkSource(`"use server";\nexport async function f(input: unknown) { return runAction(x, input); }`)).not.toEqual([]);

    const page = `export default function Page() {\n  async function save(form: FormData) {\n    "use server";\n  }\n  return null;\n}`;
    expect(checkSource(page, inlineServerFunctions)).toHaveLength(1);
    expect(checkSource(`export default function Page() { "use client"; return null; }`, inlineServerFunctions)).toEqual([]);

    const route = `import { runRoute } from "${RUN_ROUTE_MODULE}";\nimport { x } from "@/lib/server/x";\n`;
    const checkRoute = (code: string) => checkSource(route + code, routeRule);
    expect(checkRoute(`export async function GET(request: Request) { return runRoute(x, {}, (data) => Response.json(data)); }`)).toEqual([]);
    expect(checkRoute(`export const dynamic = "force-dynamic";\nexport const POST = (r: Request) => runRoute(x, {}, () => new Response());`)).toEqual([]);
    for (const code of [
      `export async function GET() { return Response.json({ secret: 1 }); }`,
      `export const POST = async () => new Response("ok");`,
      `const handler = () => new Response();\nexport { handler as GET };`,
      `export async function helper() { return 1; }`,
    ]) {
      expect(checkRoute(code), code).not.toEqual([]);
    }
  });
});

/** A rule applied to source text held in memory. */
function checkSource(source: string, rule: (file: string, body: AstNode[]) => string[] = serverActionRule): string[] {
  const result = parseSync("probe.ts", source, { lang: "ts", sourceType: "module" });
  if (result.errors.length > 0) throw new Error(result.errors.map((e) => e.message).join("; "));
  return rule(path.join(APP, "probe", "route.ts"), (result.program as unknown as { body: AstNode[] }).body);
}

// ---------------------------------------------------------------------------------------------------------------
// Action definitions

let loading: ReturnType<typeof importDefinitions> | null = null;
function loadDefinitions() {
  loading ??= importDefinitions();
  return loading;
}

/** Each file under lib/server that defines actions, with what it exports that looks like a definition. */
async function importDefinitions() {
  const files = filesUnder(LIB_SERVER, (file) => file.endsWith(".ts") && !file.endsWith(".test.ts"))
    .filter((file) => !file.endsWith(path.join("guard", "define-action.ts")))
    .filter((file) => readFileSync(file, "utf8").includes("defineAction("));
  const loaded: Array<{ file: string; written: number; exported: Array<{ exportName: string; definition: AnyActionDefinition }> }> = [];
  for (const file of files) {
    const written = readFileSync(file, "utf8").match(/\bdefineAction\(/g)?.length ?? 0;
    const module = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
    const exported = Object.entries(module)
      .filter(([, value]) => isDefinition(value))
      .map(([exportName, value]) => ({ exportName, definition: value as AnyActionDefinition }));
    loaded.push({ file: relative(file), written, exported });
  }
  return loaded;
}

function isDefinition(value: unknown): boolean {
  if (typeof value !== "object" || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return (
    typeof candidate.name === "string" &&
    typeof candidate.access === "object" &&
    candidate.access !== null &&
    typeof (candidate.input as { safeParse?: unknown } | undefined)?.safeParse === "function" &&
    typeof candidate.handler === "function"
  );
}

interface ZodInternals {
  _zod?: { def?: { type?: string; shape?: Record<string, unknown>; in?: unknown; innerType?: unknown; left?: unknown; right?: unknown } };
}

/** The fields of an object schema, looking through pipes, defaults, optionals and intersections. */
function shapeOf(schema: unknown): Record<string, unknown> | null {
  const def = (schema as ZodInternals)?._zod?.def;
  if (!def) return null;
  switch (def.type) {
    case "object":
      return def.shape ?? null;
    case "pipe":
      return shapeOf(def.in);
    case "default":
    case "prefault":
    case "optional":
    case "nullable":
    case "readonly":
    case "catch":
      return shapeOf(def.innerType);
    case "intersection": {
      const left = shapeOf(def.left);
      const right = shapeOf(def.right);
      return left || right ? { ...left, ...right } : null;
    }
    default:
      return null;
  }
}

describe("action definitions", () => {
  it("exports every definition written in lib/server", async () => {
    const loaded = await loadDefinitions();
    expect(loaded.length).toBeGreaterThan(5);
    const problems = loaded
      .filter((entry) => entry.exported.length !== entry.written)
      .map((entry) => `${entry.file}: defineAction( appears ${entry.written} times but ${entry.exported.length} definitions are exported`);
    expect(problems).toEqual([]);
  });

  it("gives every action a unique `area.verb` name", async () => {
    const byName = new Map<string, string[]>();
    for (const { file, exported } of await loadDefinitions()) {
      for (const { exportName, definition } of exported) {
        byName.set(definition.name, [...(byName.get(definition.name) ?? []), `${file}#${exportName}`]);
      }
    }
    expect(byName.size).toBeGreaterThan(10);
    const duplicates = [...byName].filter(([, where]) => where.length > 1).map(([name, where]) => `${name}: ${where.join(", ")}`);
    expect(duplicates).toEqual([]);
    const malformed = [...byName.keys()].filter((name) => !/^[a-z][a-zA-Z]*\.[a-z][a-zA-Z]*$/.test(name));
    expect(malformed).toEqual([]);
  });

  it("gives every organization action an `org` slug in its input, and every role-restricted action some roles", async () => {
    const problems: string[] = [];
    let orgActions = 0;
    for (const { file, exported } of await loadDefinitions()) {
      for (const { exportName, definition } of exported) {
        const where = `${file}#${exportName} (${definition.name})`;
        const access = definition.access;
        if (!["public", "user", "org", "staff"].includes(access.kind)) problems.push(`${where}: unknown access kind ${access.kind}`);
        if ((access.kind === "org" || access.kind === "staff") && access.roles.length === 0) problems.push(`${where}: no roles allowed`);
        if (access.kind !== "org") continue;
        orgActions++;
        const shape = shapeOf(definition.input);
        const org = shape?.org as { safeParse(value: unknown): { success: boolean } } | undefined;
        if (!org) {
          problems.push(`${where}: access is "org" but the input has no \`org\` field`);
          continue;
        }
        if (!org.safeParse("f0123456789ab").success) problems.push(`${where}: \`org\` does not accept a slug`);
        if (org.safeParse(undefined).success) problems.push(`${where}: \`org\` is optional`);
      }
    }
    expect(orgActions).toBeGreaterThan(3);
    expect(problems).toEqual([]);
  });
});
