import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { API_NODE_FLAGS } from './api-node-flags';

const root = join(__dirname, '../..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');
const command = ['node', ...API_NODE_FLAGS, 'apps/api/dist/apps/api/src/main.js'];

describe('the API runs with the same Node flags everywhere', () => {
  it('with flags this Node accepts (a V8 flag can disappear in a Node upgrade: node then refuses to start)', () => {
    const run = spawnSync(process.execPath, [...API_NODE_FLAGS, '-e', 'process.stdout.write("ok")'], { encoding: 'utf8' });
    expect({ status: run.status, stdout: run.stdout, stderr: run.stderr }).toEqual({ status: 0, stdout: 'ok', stderr: '' });
  });

  it('in the container image', () => {
    expect(read('docker/api.Dockerfile')).toContain(`CMD ${JSON.stringify(command).replace(/,/g, ', ')}`);
  });

  it('in docker compose', () => {
    expect(read('docker-compose.yml')).toContain(`command: ${JSON.stringify(command).replace(/,/g, ', ')}`);
  });

  it("in the API package's start script", () => {
    const pkg = JSON.parse(read('apps/api/package.json')) as { scripts: Record<string, string> };
    expect(pkg.scripts.start).toBe(['node', ...API_NODE_FLAGS, 'dist/apps/api/src/main.js'].join(' '));
  });
});
