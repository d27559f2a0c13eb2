import { request } from 'node:http';
import type { SyncServer } from '@/server/sync-server';
import { type Folders, makeFolders, start } from './server-support';

/** A raw GET that sends the path exactly as given (no client-side normalising of `..`). */
function get(server: SyncServer, path: string, method = 'GET'): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${server.httpUrl}/`, { method, path }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        body += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('npm run serve: the app files', () => {
  let folders: Folders;
  let server: SyncServer;
  beforeAll(async () => {
    folders = makeFolders();
    server = await start(folders);
  });
  afterAll(async () => {
    await server.stop();
    folders.remove();
  });

  it('serves index.html at / and for app routes, and the built assets', async () => {
    expect((await get(server, '/')).body).toContain('<title>app</title>');
    expect((await get(server, '/room/abc?x=1')).body).toContain('<title>app</title>');
    expect(await get(server, '/assets/index-abc.js')).toEqual({ status: 200, body: 'console.log(1)' });
  });

  it('answers 404 for a missing file, not index.html', async () => {
    expect((await get(server, '/assets/missing.js')).status).toBe(404);
  });

  it.each([
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/..%2fsecret.txt',
    '/assets/..%2F..%2Fsecret.txt',
    '/..\\secret.txt',
    '/%2e%2e%5csecret.txt',
    '/leak.txt',
    '/outside/secret.txt',
    '/index.html%00.txt',
  ])('never serves a file outside the app folder: %s', async (path) => {
    const { status, body } = await get(server, path);
    expect(body).not.toContain('SECRET');
    expect([403, 404]).toContain(status);
  });

  it('answers only GET and HEAD', async () => {
    expect((await get(server, '/', 'POST')).status).toBe(405);
    expect(await get(server, '/', 'HEAD')).toEqual({ status: 200, body: '' });
  });

  it('binds the loopback address unless told otherwise', () => {
    expect(server.httpUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.syncUrl).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/sync$/);
  });
});
