import { existsSync } from 'node:fs';
import { chromium as playwrightChromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Admission } from '../src/admission/admission.ts';
import { hashApiKey } from '../src/auth/api-keys.ts';
import { Authenticator } from '../src/auth/authenticator.ts';
import { KeyDirectory } from '../src/auth/key-directory.ts';
import { MemoryKeyStore } from '../src/auth/memory-key-store.ts';
import { startWsTestGateway, type WsTestGateway } from './support/ws-gateway.ts';

/*
 * A real browser (Debian's chromium through playwright-core) opening /v1/ws the two ways a page
 * can: subprotocols and a ticket. Chromium fails a handshake whose answer does not echo one of
 * the offered subprotocols, so this also proves the echo. Skipped, saying so, where the browser
 * is not installed (CI installs it).
 */

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const KEY = 'rf_key_for_the_browser_websocket_test';

const chromium = existsSync(CHROMIUM) ? playwrightChromium : undefined;
if (!chromium) console.warn(`ws-browser.test.ts skipped: needs ${CHROMIUM} (Debian: apt install chromium)`);

/** In the page: open a socket, ask once, and report the protocol and the events until `done`. */
function askInPage({ url, protocols }: { url: string; protocols: string[] }) {
  return new Promise<{ protocol: string; events: Array<{ type: string }> }>((resolve, reject) => {
    const socket = new WebSocket(url, protocols);
    const events: Array<{ type: string }> = [];
    socket.onopen = () => socket.send(JSON.stringify({ type: 'rag', id: 'b1', query: 'What streams?' }));
    socket.onmessage = (message) => {
      const event = JSON.parse(String(message.data)) as { type: string };
      events.push(event);
      if (event.type === 'done' || event.type === 'error') {
        socket.close();
        resolve({ protocol: socket.protocol, events });
      }
    };
    socket.onerror = () => reject(new Error('the WebSocket failed'));
  });
}

(chromium ? describe : describe.skip)('a browser on /v1/ws', () => {
  let gateway: WsTestGateway;
  let browser: Browser;

  beforeAll(async () => {
    const keys = new KeyDirectory({
      fileKeys: [
        {
          id: 'page',
          hash: hashApiKey(KEY),
          tenant: 'tenant-page',
          user: 'pat',
          tier: 'free',
          scopes: ['*'],
        },
      ],
      store: new MemoryKeyStore(),
      cacheMs: 0,
    });
    gateway = await startWsTestGateway({
      admission: new Admission({ auth: new Authenticator({ keys, anonymousTier: 'free' }) }),
    });
    browser = await (chromium as typeof playwrightChromium).launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await gateway?.stop();
  });

  it('asks with the key as a bearer subprotocol; the socket speaks ragfleet.v1', async () => {
    const page = await browser.newPage();
    const result = await page.evaluate(askInPage, {
      url: gateway.wsUrl,
      protocols: ['ragfleet.v1', `bearer.${KEY}`],
    });
    expect(result.protocol).toBe('ragfleet.v1');
    expect(result.events.at(-1)?.type).toBe('done');
    expect(gateway.upstreams.lastCall('Answer')).toMatchObject({ tenant: 'tenant-page', user: 'pat' });
    await page.close();
  });

  it('asks with a ticket its server got from POST /v1/ws/tickets', async () => {
    const issued = (await (
      await fetch(`${gateway.url}/v1/ws/tickets`, {
        method: 'POST',
        headers: { authorization: `Bearer ${KEY}` },
      })
    ).json()) as { ticket: string };
    const page = await browser.newPage();
    const result = await page.evaluate(askInPage, {
      url: `${gateway.wsUrl}?ticket=${issued.ticket}`,
      protocols: [],
    });
    expect(result.events.at(-1)?.type).toBe('done');
    await page.close();
  });
});
