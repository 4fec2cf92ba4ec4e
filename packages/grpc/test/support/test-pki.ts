import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Issued {
  cert: Buffer;
  key: Buffer;
  certFile: string;
  keyFile: string;
}

export interface TestPki {
  dir: string;
  ca: Buffer;
  caFile: string;
  /** A certificate for 127.0.0.1 and localhost, usable by a server and a client, signed by this CA. */
  issue(name: string): Issued;
  remove(): void;
}

const NEW_EC_KEY = ['req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];

function openssl(args: string[], cwd: string): void {
  execFileSync('openssl', args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
}

/** A throwaway certificate authority made with openssl, as cert-manager would make one. */
export function createTestPki(label: string): TestPki {
  const dir = mkdtempSync(join(tmpdir(), `ragfleet-pki-${label}-`));
  openssl(
    [
      ...NEW_EC_KEY,
      '-x509',
      '-days',
      '1',
      '-subj',
      `/CN=${label} test CA`,
      '-keyout',
      'ca.key',
      '-out',
      'ca.pem',
    ],
    dir,
  );
  const caFile = join(dir, 'ca.pem');
  return {
    dir,
    ca: readFileSync(caFile),
    caFile,
    issue(name) {
      writeFileSync(
        join(dir, `${name}.ext`),
        'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth,clientAuth\n',
      );
      openssl([...NEW_EC_KEY, '-subj', `/CN=${name}`, '-keyout', `${name}.key`, '-out', `${name}.csr`], dir);
      openssl(
        [
          'x509',
          '-req',
          '-in',
          `${name}.csr`,
          '-CA',
          'ca.pem',
          '-CAkey',
          'ca.key',
          '-CAcreateserial',
          '-days',
          '1',
          '-extfile',
          `${name}.ext`,
          '-out',
          `${name}.pem`,
        ],
        dir,
      );
      const certFile = join(dir, `${name}.pem`);
      const keyFile = join(dir, `${name}.key`);
      return { cert: readFileSync(certFile), key: readFileSync(keyFile), certFile, keyFile };
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
