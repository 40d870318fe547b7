import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

// The project's real config, with type-aware parsing off: the layer rules read only import
// strings and globals, and in-memory fixtures have no place in a tsconfig project.
const eslint = new ESLint({
  overrideConfig: [
    tseslint.configs.disableTypeChecked,
    { languageOptions: { parserOptions: { projectService: false, project: null } } },
  ],
});

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-globals')
    .map((m) => m.message.replace(/^.* restricted from being used by a pattern\. /, ''));
}

describe('layer rules', () => {
  it('shared/ may not import electron, Node modules, React or the other layers', async () => {
    expect(
      await problems('shared/x.ts', "import { app } from 'electron';\nexport { app };\n"),
    ).toEqual(['shared/ runs everywhere: it may not import electron.']);
    expect(
      await problems('shared/x.ts', "import { readFile } from 'node:fs';\nexport { readFile };\n"),
    ).toEqual(['shared/ runs everywhere: it may not import Node modules.']);
    expect(await problems('shared/x.ts', "import fs from 'fs';\nexport { fs };\n")).toHaveLength(1);
    expect(
      await problems('shared/x.ts', "import React from 'react';\nexport { React };\n"),
    ).toHaveLength(1);
    expect(
      await problems(
        'shared/x.ts',
        "import { App } from '../renderer/src/app/App.tsx';\nexport { App };\n",
      ),
    ).toEqual(['shared/ may not import from renderer/ or electron/.']);
  });

  it('shared/ may not use DOM or Node globals', async () => {
    const found = await problems(
      'shared/x.ts',
      'export const a = window.name;\nexport const b = process.env;\nexport const c = indexedDB;\n',
    );
    expect(found).toHaveLength(3);
    expect(found[0]).toMatch(/window is not available in every host/);
  });

  it('renderer/ may not import electron or anything in electron/', async () => {
    expect(
      await problems(
        'renderer/src/x.ts',
        "import { ipcRenderer } from 'electron';\nexport { ipcRenderer };\n",
      ),
    ).toEqual(['renderer/ reaches Electron only through window.fellows.']);
    expect(
      await problems(
        'renderer/src/x.ts',
        "import { isAppUrl } from '../../electron/main/security.ts';\nexport { isAppUrl };\n",
      ),
    ).toEqual(['renderer/ may not import from electron/.']);
  });

  it('zod is reached only through shared/zod.ts, in every layer', async () => {
    const message =
      'import { z } from shared/zod.ts (zod/mini): classic zod adds ~70 kB to every bundle.';
    for (const file of ['shared/x.ts', 'renderer/src/x.ts', 'electron/main/x.ts']) {
      expect(await problems(file, "import { z } from 'zod';\nexport { z };\n")).toEqual([message]);
      expect(await problems(file, "import { z } from 'zod/mini';\nexport { z };\n")).toEqual([
        message,
      ]);
    }
  });

  it('electron/ may not import from renderer/', async () => {
    expect(
      await problems(
        'electron/main/x.ts',
        "import { App } from '../../renderer/src/app/App.tsx';\nexport { App };\n",
      ),
    ).toEqual(['electron/ may not import from renderer/.']);
  });

  it('signal/ may not import from renderer/ or electron/', async () => {
    const message =
      'signal/ is a standalone server: it may not import from renderer/ or electron/.';
    expect(
      await problems(
        'signal/x.ts',
        "import { App } from '../renderer/src/app/App.tsx';\nexport { App };\n",
      ),
    ).toEqual([message]);
    expect(
      await problems(
        'signal/x.ts',
        "import { isAppUrl } from '../electron/main/security.ts';\nexport { isAppUrl };\n",
      ),
    ).toEqual([message]);
    expect(
      await problems(
        'signal/x.ts',
        "import { WebSocketServer } from 'ws';\nimport { createServer } from 'node:http';\nexport { WebSocketServer, createServer };\n",
      ),
    ).toEqual([]);
  });

  it('allowed imports pass: shared from every layer, zod through shared/zod.ts', async () => {
    const ok =
      "import { z } from '../shared/zod.ts';\nimport { ok } from '../shared/result.ts';\nexport { z, ok };\n";
    expect(await problems('shared/y.ts', "import { z } from './zod.ts';\nexport { z };\n")).toEqual(
      [],
    );
    expect(
      await problems('shared/zod.ts', "import { z } from 'zod/mini';\nexport { z };\n"),
    ).toEqual([]);
    expect(await problems('renderer/x.ts', ok)).toEqual([]);
    expect(await problems('electron/x.ts', ok)).toEqual([]);
  });

  it('floating promises are an error in the real, type-aware config', async () => {
    const typed = new ESLint();
    const [result] = await typed.lintText('async function f() { return 1; }\nf();\nexport {};\n', {
      filePath: 'shared/result.ts',
    });
    expect(result?.messages.map((m) => m.ruleId)).toContain(
      '@typescript-eslint/no-floating-promises',
    );
  });
});
