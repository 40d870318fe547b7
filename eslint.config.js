// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/** Node built-in modules, for the rule that keeps them out of shared/ and renderer/. */
const nodeBuiltins =
  '^(node:.*|assert|buffer|child_process|cluster|crypto|dgram|dns|events|fs|fs/promises|http|http2|https|module|net|os|path|perf_hooks|process|readline|stream|timers|tls|url|util|v8|vm|worker_threads|zlib)$';

/** zod only through shared/zod.ts: its tree-shakable build, configured with English messages. */
const zodRule = {
  regex: '^zod($|/)',
  message: 'import { z } from shared/zod.ts (zod/mini): classic zod adds ~70 kB to every bundle.',
};

/** The layer rules (STYLE.md §1): each folder may only reach what it is allowed to. */
export const layerRules = {
  shared: [
    zodRule,
    { regex: '^electron($|/)', message: 'shared/ runs everywhere: it may not import electron.' },
    { regex: nodeBuiltins, message: 'shared/ runs everywhere: it may not import Node modules.' },
    { regex: '^react(-dom)?($|/)', message: 'shared/ holds no UI: it may not import React.' },
    {
      regex: '^\\.\\.?/(.*/)?(renderer|electron)(/|$)',
      message: 'shared/ may not import from renderer/ or electron/.',
    },
  ],
  renderer: [
    zodRule,
    { regex: '^electron($|/)', message: 'renderer/ reaches Electron only through window.fellows.' },
    { regex: nodeBuiltins, message: 'renderer/ runs in a sandboxed page: no Node modules.' },
    { regex: '(^|/)electron/', message: 'renderer/ may not import from electron/.' },
  ],
  electron: [
    zodRule,
    { regex: '(^|/)renderer/', message: 'electron/ may not import from renderer/.' },
    { regex: '^react(-dom)?($|/)', message: 'electron/ holds no UI: it may not import React.' },
  ],
  signal: [
    {
      regex: '(^|/)(renderer|electron)(/|$)',
      message: 'signal/ is a standalone server: it may not import from renderer/ or electron/.',
    },
    { regex: '^react(-dom)?($|/)', message: 'signal/ holds no UI: it may not import React.' },
  ],
};

/** Globals that only exist in a DOM or in Node: shared/ gets what it needs passed in. */
const nonPortableGlobals = [
  'window',
  'document',
  'navigator',
  'localStorage',
  'sessionStorage',
  'indexedDB',
  'location',
  'self',
  'process',
  'Buffer',
  'require',
  '__dirname',
  '__filename',
  'global',
].map((name) => ({
  name,
  message: `shared/ runs everywhere: ${name} is not available in every host.`,
}));

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'out/**',
      'dist/**',
      'release/**',
      'test-results/**',
      'playwright-report/**',
      'scripts/fixtures/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: {
          allowDefaultProject: ['*.js', '*.mjs'],
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error', 'info'] }],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { globals: globals.node },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: layerRules.shared }],
    },
  },
  {
    // The one module that imports zod (its mini build), for everyone else.
    files: ['shared/zod.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: layerRules.shared.filter((r) => r !== zodRule) },
      ],
    },
  },
  {
    // Tests run in Node and may read process.env (fuzz counts); the code itself may not.
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: {
      'no-restricted-globals': ['error', ...nonPortableGlobals],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: globals.browser },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { patterns: layerRules.renderer }],
    },
  },
  {
    files: ['electron/**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: {
      'no-restricted-imports': ['error', { patterns: layerRules.electron }],
    },
  },
  {
    files: ['signal/**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: {
      'no-restricted-imports': ['error', { patterns: layerRules.signal }],
    },
  },
  {
    files: ['**/*.test.ts', '**/*.test.tsx', 'e2e/**/*.ts'],
    rules: {
      // Tests poke at values they just checked; non-null assertions keep them readable.
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
