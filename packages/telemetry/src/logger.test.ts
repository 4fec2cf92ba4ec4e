import { describe, expect, it } from '@jest/globals';
import { Writable } from 'node:stream';
import { createLogger } from './logger.ts';
import { luhnValid, maskPersonalData } from './pii-mask.ts';

function capture(): { stream: Writable; lines: () => Array<Record<string, unknown>> } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  const lines = () =>
    chunks
      .join('')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  return { stream, lines };
}

describe('createLogger masks personal data', () => {
  it('masks emails, phone numbers, card numbers, keys and bearer tokens anywhere in a line', () => {
    const { stream, lines } = capture();
    const logger = createLogger('test', 'info', stream);
    logger.info(
      {
        user: { email: 'ada.lovelace@example.com', phone: '+44 20 7946 0958' },
        payment: 'card 4111 1111 1111 1111 expires soon',
        headers: { 'x-forwarded': 'Bearer abcdefghijklmnop.qrstuvwx' },
        note: 'key rf_Zm9vYmFyYmF6cXV4cXV1eHF1dXhxdXV4 and sk-ant-api03-AbCdEfGhIjKlMnOpQr',
      },
      'call me at (415) 555-0132 or mail grace@navy.mil',
    );
    const [line] = lines();
    const text = JSON.stringify(line);
    for (const secret of [
      'ada.lovelace@example.com',
      '7946 0958',
      '4111 1111 1111 1111',
      'abcdefghijklmnop',
      'rf_Zm9v',
      'sk-ant-api03',
      '555-0132',
      'grace@navy.mil',
    ]) {
      expect(text).not.toContain(secret);
    }
    expect(line).toMatchObject({
      user: { email: '[email]', phone: '[phone]' },
      payment: 'card [card] expires soon',
      headers: { 'x-forwarded': 'Bearer [redacted]' },
      note: 'key [api-key] and [api-key]',
      msg: 'call me at [phone] or mail [email]',
    });
  });

  it('leaves what logs normally carry alone', () => {
    const { stream, lines } = capture();
    const logger = createLogger('test', 'info', stream);
    const fields = {
      request_id: '3f2a1b4c-1234-5678-9abc-def012345678',
      trace_id: '4bf92f3577b34da6a3ce929d0e0e4736',
      started: '2026-11-23T03:14:33.123Z',
      epoch_ms: 1732330473123,
      order: '4111 1111 1111 1112',
      address: '127.0.0.1:50051',
      version: '10.4.0',
      duration_ms: 1234.5678,
    };
    logger.info(fields, 'served 1234 requests in 5678 ms');
    expect(lines()[0]).toMatchObject({ ...fields, msg: 'served 1234 requests in 5678 ms' });
  });
});

describe('maskPersonalData', () => {
  it('masks only card-like digit runs that pass Luhn', () => {
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(luhnValid('4111111111111112')).toBe(false);
    expect(maskPersonalData('5500-0000-0000-0004 / 5500-0000-0000-0005')).toBe(
      '[card] / 5500-0000-0000-0005',
    );
  });

  it('masks JWTs', () => {
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c2VyIn0.c2lnbmF0dXJlLXNpZ25hdHVyZQ';
    expect(maskPersonalData(`token=${jwt}`)).toBe('token=[jwt]');
  });
});
