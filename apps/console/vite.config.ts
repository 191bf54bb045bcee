import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const fromHere = (path: string): string => fileURLToPath(new URL(path, import.meta.url));
const api = 'http://localhost:3000';

/**
 * libs/contracts builds the API's zod schemas at load time (`export const loginSchema = z.strictObject(…)`). The
 * console validates nothing with them, but a bundler keeps every call it cannot prove free of side effects, so zod
 * (about 80 kB) and all the schemas rode in the main chunk of every role, a team phone's too. This marks each
 * top-level `const` of those modules whose initialiser calls something as pure (wrapped in an annotated arrow call, the
 * value unchanged), so the ones nothing uses drop out of the console and zod with them. The API's build is not
 * touched (it does not go through Vite).
 */
function pureContractConstants(dir: string): Plugin {
  // Whether evaluating the expression calls anything (calls inside function bodies run later, not at load).
  const callsAtLoad = (node: ts.Node): boolean =>
    ts.isCallExpression(node) ||
    (!ts.isArrowFunction(node) && !ts.isFunctionExpression(node) && (ts.forEachChild(node, callsAtLoad) ?? false));
  return {
    name: 'pure-contract-constants',
    enforce: 'pre',
    transform(code, id) {
      if (!id.startsWith(dir) || !id.endsWith('.ts')) return null;
      const source = ts.createSourceFile(id, code, ts.ScriptTarget.Latest, true);
      const edits: { at: number; text: string }[] = [];
      for (const statement of source.statements) {
        if (!ts.isVariableStatement(statement) || !(statement.declarationList.flags & ts.NodeFlags.Const)) continue;
        for (const { initializer } of statement.declarationList.declarations) {
          if (!initializer || !callsAtLoad(initializer)) continue;
          edits.push({ at: initializer.getStart(source), text: '/* @__PURE__ */ (() => (' });
          edits.push({ at: initializer.getEnd(), text: '))()' });
        }
      }
      if (!edits.length) return null;
      let out = code;
      for (const e of edits.sort((a, b) => b.at - a.at)) out = out.slice(0, e.at) + e.text + out.slice(e.at);
      // Insertions within lines only: the line mappings of the previous source map still hold.
      return { code: out, map: null };
    },
  };
}

export default defineConfig({
  root: fromHere('.'),
  plugins: [pureContractConstants(fromHere('../../libs/contracts/src/')), react()],
  resolve: {
    alias: {
      '#contracts': fromHere('../../libs/contracts/src/index.ts'),
      '#triage': fromHere('../../libs/triage/src/index.ts'),
      '#geo': fromHere('../../libs/geo/src/index.ts'),
      '#dispatch': fromHere('../../libs/dispatch/src/index.ts'),
    },
  },
  build: {
    outDir: fromHere('../../dist/console'),
    emptyOutDir: true,
    sourcemap: true,
  },
  server: {
    proxy: {
      '/api': { target: api, changeOrigin: true },
      '/socket.io': { target: api, ws: true, changeOrigin: true },
    },
  },
  preview: {
    proxy: {
      '/api': { target: api, changeOrigin: true },
      '/socket.io': { target: api, ws: true, changeOrigin: true },
    },
  },
});
