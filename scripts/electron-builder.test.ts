import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

type Validate = (schema: unknown, data: unknown, config?: { name?: string }) => void;
const require = createRequire(import.meta.url);
// electron-builder's own validator and schema: exactly what `npm run dist` would check first.
const { validateSchema } = require('app-builder-lib/out/util/config/schemaValidator.js') as {
  validateSchema: Validate;
};
const schema: unknown = JSON.parse(
  readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8'),
);

type BuilderConfig = {
  appId: string;
  productName: string;
  protocols: { schemes: string[] }[];
  electronFuses: Record<string, boolean>;
  linux: {
    target: string[];
    mimeTypes: string[];
    icon: string;
    desktop: { entry: Record<string, string> };
  };
  mac: { target: string[]; icon: string };
  win: { target: string[]; icon: string };
  nsis: { perMachine: boolean; oneClick: boolean };
  files: string[];
};

function load(): BuilderConfig {
  return parse(readFileSync('electron-builder.yml', 'utf8')) as BuilderConfig;
}

describe('electron-builder.yml', () => {
  it('matches electron-builder’s schema', () => {
    expect(() => {
      validateSchema(schema, load(), { name: 'electron-builder.yml' });
    }).not.toThrow();
  });

  it('the schema check does catch a broken config', () => {
    const broken = { ...load(), linux: { ...load().linux, target: 42, notAnOption: true } };
    expect(() => {
      validateSchema(schema, broken, { name: 'electron-builder.yml' });
    }).toThrow(/Invalid configuration object/);
  });

  it('names the app and registers the fellows:// protocol on every platform', () => {
    const config = load();
    expect(config.appId).toBe('org.fellows.desktop');
    expect(config.productName).toBe('Fellows');
    expect(config.protocols.flatMap((p) => p.schemes)).toEqual(['fellows']);
    expect(config.linux.mimeTypes).toContain('x-scheme-handler/fellows');
  });

  it('builds AppImage and deb, dmg, and a per-user nsis installer', () => {
    const config = load();
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.nsis.perMachine).toBe(false);
  });

  it('sets the fuses that close Node and debugging back doors', () => {
    expect(load().electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('points at icons that exist, generated from one source', () => {
    const config = load();
    expect(existsSync('build/icon.svg')).toBe(true);
    for (const size of [16, 32, 48, 64, 128, 256, 512, 1024]) {
      expect(existsSync(`${config.linux.icon}/${size}x${size}.png`), `${size}px icon`).toBe(true);
    }
    expect(existsSync(config.mac.icon)).toBe(true);
    expect(existsSync(config.win.icon)).toBe(true);
  });

  it('ships only the built bundles, without source maps', () => {
    expect(load().files).toEqual(['out/**', 'package.json', '!**/*.map']);
    expect(load().linux.desktop.entry.Name).toBe('Fellows');
  });
});
