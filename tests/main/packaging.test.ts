// electron-builder cannot run here (it downloads Electron), so its configuration is checked against the schema
// electron-builder itself ships, and for the targets the bureau's machines need.
import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
const config = yaml.load(fs.readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8')) as Record<string, unknown>;

interface Target {
  target: string;
  arch: string[];
}

describe('electron-builder configuration', () => {
  it('is valid against app-builder-lib/scheme.json', () => {
    const schema = JSON.parse(fs.readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8')) as object;
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(schema);
    expect(validate(config), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it('builds Windows NSIS x64 and Linux deb + AppImage for x64 and arm64', () => {
    const win = (config.win as { target: Target[] }).target;
    expect(win).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    const linux = (config.linux as { target: Target[] }).target;
    for (const t of ['deb', 'AppImage']) expect(linux.find((x) => x.target === t)?.arch).toEqual(['x64', 'arm64']);
  });

  it('ships the resources folder and unpacks the native module', () => {
    expect(config.extraResources).toEqual([expect.objectContaining({ from: 'resources', to: 'resources' })]);
    expect(config.asarUnpack).toContain('**/*.node');
    expect(config.files).toContain('out/**');
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { main: string };
    expect(pkg.main).toBe('./out/main/index.js');
  });
});
