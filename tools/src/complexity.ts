// A complexity report (`make complexity`): where the code asks to be split. It lists the
// longest and most branching functions, the deepest nesting per workspace and the files
// over 300 lines, measured on the TypeScript syntax tree. A report, so it always exits 0.
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

const ROOT = resolve(import.meta.dirname, '..', '..');
const TOP = 15;
const LONG_FILE = 300;

export interface FunctionStats {
  workspace: string;
  /** file:line */
  where: string;
  name: string;
  lines: number;
  /** 1 + every if, loop, case, catch, ?:, &&, || and ?? (nested functions count for themselves). */
  complexity: number;
  /** Deepest nesting of if/loop/switch/try inside it. */
  depth: number;
}

interface FileStats {
  workspace: string;
  path: string;
  lines: number;
  functions: FunctionStats[];
}

type FunctionNode = ts.SignatureDeclaration & { body?: ts.Node };

const isFunction = (node: ts.Node): node is FunctionNode =>
  ts.isFunctionLike(node) && (node as FunctionNode).body !== undefined;

const BRANCHING_OPERATORS = new Set([
  ts.SyntaxKind.AmpersandAmpersandToken,
  ts.SyntaxKind.BarBarToken,
  ts.SyntaxKind.QuestionQuestionToken,
  ts.SyntaxKind.AmpersandAmpersandEqualsToken,
  ts.SyntaxKind.BarBarEqualsToken,
  ts.SyntaxKind.QuestionQuestionEqualsToken,
]);

const BRANCHES = new Set([
  ts.SyntaxKind.IfStatement,
  ts.SyntaxKind.ForStatement,
  ts.SyntaxKind.ForInStatement,
  ts.SyntaxKind.ForOfStatement,
  ts.SyntaxKind.WhileStatement,
  ts.SyntaxKind.DoStatement,
  ts.SyntaxKind.CaseClause,
  ts.SyntaxKind.CatchClause,
  ts.SyntaxKind.ConditionalExpression,
]);

const isBranch = (node: ts.Node): boolean =>
  BRANCHES.has(node.kind) ||
  (ts.isBinaryExpression(node) && BRANCHING_OPERATORS.has(node.operatorToken.kind));

// Like ESLint's max-depth: blocks that nest; an `else if` stays at its `if`'s depth.
function nests(node: ts.Node): boolean {
  if (ts.isIfStatement(node)) return !(ts.isIfStatement(node.parent) && node.parent.elseStatement === node);
  return ts.isIterationStatement(node, false) || ts.isSwitchStatement(node) || ts.isTryStatement(node);
}

/** Complexity and depth of one function's own code: nested functions are measured on their own. */
function measure(fn: FunctionNode): { complexity: number; depth: number } {
  let complexity = 1;
  let deepest = 0;
  const visit = (node: ts.Node, depth: number): void => {
    if (isFunction(node)) return;
    if (isBranch(node)) complexity++;
    const inner = nests(node) ? depth + 1 : depth;
    deepest = Math.max(deepest, inner);
    ts.forEachChild(node, (child) => visit(child, inner));
  };
  if (fn.body) ts.forEachChild(fn.body, (child) => visit(child, 0));
  return { complexity, depth: deepest };
}

const short = (text: string, max = 40): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** Where a function expression ends up, looking through parentheses, casts and immediate calls. */
function destination(fn: ts.Node): ts.Node {
  let node = fn;
  while (
    ts.isParenthesizedExpression(node.parent) ||
    ts.isAsExpression(node.parent) ||
    ts.isSatisfiesExpression(node.parent) ||
    (ts.isCallExpression(node.parent) && node.parent.expression === node)
  ) {
    node = node.parent;
  }
  return node;
}

/** What a reader would call the function: its name, its variable or key, or the call it is passed to. */
function nameOf(fn: FunctionNode, source: ts.SourceFile): string {
  const owner = ts.isClassLike(fn.parent) ? `${fn.parent.name?.text ?? 'class'}.` : '';
  if (ts.isConstructorDeclaration(fn)) return `${owner}constructor`;
  if (fn.name) return owner + fn.name.getText(source);
  const at = destination(fn);
  const parent = at.parent;
  if (
    ts.isVariableDeclaration(parent) ||
    ts.isPropertyAssignment(parent) ||
    ts.isPropertyDeclaration(parent)
  ) {
    return parent.name.getText(source);
  }
  if (ts.isBinaryExpression(parent) && parent.right === at) return short(parent.left.getText(source));
  if (ts.isCallExpression(parent)) {
    const first = parent.arguments[0];
    const title = first && ts.isStringLiteralLike(first) && first !== at ? `'${short(first.text, 30)}'` : '…';
    return `${short(parent.expression.getText(source), 30)}(${title}) callback`;
  }
  return ts.isExportAssignment(parent) ? 'default export' : '(anonymous)';
}

export function fileStats(workspace: string, path: string, text: string): FileStats {
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
  const lineOf = (pos: number): number => source.getLineAndCharacterOfPosition(pos).line + 1;
  const functions: FunctionStats[] = [];
  const visit = (node: ts.Node): void => {
    if (isFunction(node)) {
      const start = lineOf(node.getStart(source));
      functions.push({
        workspace,
        where: `${path}:${start}`,
        name: nameOf(node, source),
        lines: lineOf(node.getEnd()) - start + 1,
        ...measure(node),
      });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { workspace, path, lines: text.split('\n').length - (text.endsWith('\n') ? 1 : 0), functions };
}

/** The workspaces from the root package.json, with `dir/*` expanded, so new modules are measured at once. */
async function workspaces(): Promise<string[]> {
  const { workspaces: globs = [] } = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as {
    workspaces?: string[];
  };
  const found: string[] = [];
  for (const glob of globs) {
    if (!glob.endsWith('/*')) found.push(glob);
    else {
      const parent = glob.slice(0, -2);
      const entries = await readdir(join(ROOT, parent), { withFileTypes: true }).catch(() => []);
      found.push(...entries.filter((e) => e.isDirectory()).map((e) => `${parent}/${e.name}`));
    }
  }
  return found.sort();
}

async function workspaceFiles(workspace: string): Promise<FileStats[]> {
  const dir = join(ROOT, workspace);
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  const files = entries
    .map((e) => join(e.parentPath, e.name))
    .filter((p) => p.endsWith('.ts') && !p.endsWith('.d.ts') && !p.includes(`${sep}node_modules${sep}`))
    .sort();
  return Promise.all(
    files.map(async (p) => fileStats(workspace, relative(ROOT, p), await readFile(p, 'utf8'))),
  );
}

function table(headers: string[], rows: Array<Array<string | number>>): string {
  const cells = [headers, ...rows.map((r) => r.map(String))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const numeric = headers.map((_, i) => rows.every((r) => typeof r[i] === 'number'));
  const line = (r: string[]): string =>
    r
      .map((c, i) => (numeric[i] ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return cells.map(line).join('\n');
}

/** Tests and use cases are lists of steps in test(…) and describe(…) bodies: long by nature, not logic to split. */
const isSpec = (path: string): boolean =>
  path.endsWith('.test.ts') || /(^|\/)use-cases[^/]*\.ts$/.test(path) || path.includes('/use-cases/');

export function report(files: readonly FileStats[]): string {
  const functions = files.filter((f) => !isSpec(f.path)).flatMap((f) => f.functions);
  const best = (
    list: readonly FunctionStats[],
    by: (f: FunctionStats) => number,
  ): FunctionStats | undefined => [...list].sort((a, b) => by(b) - by(a))[0];
  const perWorkspace = [...new Set(files.map((f) => f.workspace))].map((w) => {
    const own = files.filter((f) => f.workspace === w);
    const fns = own.flatMap((f) => f.functions);
    const deepest = best(fns, (f) => f.depth);
    return [
      w,
      own.length,
      own.reduce((n, f) => n + f.lines, 0),
      fns.length,
      best(fns, (f) => f.lines)?.lines ?? 0,
      best(fns, (f) => f.complexity)?.complexity ?? 0,
      deepest?.depth ?? 0,
      deepest && deepest.depth > 0 ? `${deepest.name} (${deepest.where})` : '',
    ];
  });
  const fnRow = (f: FunctionStats): Array<string | number> => [
    f.lines,
    f.complexity,
    f.depth,
    f.name,
    f.where,
  ];
  const fnHeaders = ['lines', 'complexity', 'depth', 'function', 'where'];
  const long = files.filter((f) => f.lines > LONG_FILE).sort((a, b) => b.lines - a.lines);
  return [
    `Workspaces (${files.length} files, ${functions.length} functions)`,
    table(
      ['workspace', 'files', 'lines', 'functions', 'longest', 'max complexity', 'depth', 'deepest at'],
      perWorkspace,
    ),
    '',
    `Top ${TOP} functions by length (outside tests and use cases)`,
    table(
      fnHeaders,
      [...functions]
        .sort((a, b) => b.lines - a.lines)
        .slice(0, TOP)
        .map(fnRow),
    ),
    '',
    `Top ${TOP} functions by complexity (outside tests and use cases)`,
    table(
      fnHeaders,
      [...functions]
        .sort((a, b) => b.complexity - a.complexity || b.lines - a.lines)
        .slice(0, TOP)
        .map(fnRow),
    ),
    '',
    `Files over ${LONG_FILE} lines`,
    long.length === 0
      ? '(none)'
      : table(
          ['lines', 'file'],
          long.map((f) => [f.lines, f.path]),
        ),
  ].join('\n');
}

if (import.meta.main) {
  const files = (await Promise.all((await workspaces()).map(workspaceFiles))).flat();
  console.log(report(files));
}
