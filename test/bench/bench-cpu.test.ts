import { describe, expect, it } from '@jest/globals';
import {
  codeArea,
  owningArea,
  ownerGroup,
  summarizeProfile,
  type CpuProfile,
} from '../../scripts/bench/cpu-profile-summary.ts';
import { interleave, type LoadSide } from '../../scripts/bench/interleaved-load.ts';
import { processCpuSecondsOf, statCpuTicks } from '../../scripts/bench/process-cpu.ts';

describe('statCpuTicks', () => {
  it('adds utime and stime, counting fields after a command name holding spaces and parentheses', () => {
    const line = '4242 (node (x) y) S 1 4242 4242 0 -1 4194560 100 0 0 0 731 69 0 0 20 0 11 0 123 0 0';
    expect(statCpuTicks(line)).toBe(800);
  });

  it('reads this process from /proc', () => {
    expect(processCpuSecondsOf(process.pid)).toBeGreaterThan(0);
  });
});

describe('summarizeProfile', () => {
  const frame = (id: number, functionName: string, url: string, children: number[] = []) => ({
    id,
    callFrame: { functionName, url, lineNumber: 9 },
    children,
  });
  const pinoUrl = 'file:///r/node_modules/.pnpm/pino@10.0.0/node_modules/pino/lib/proto.js';
  const profile: CpuProfile = {
    nodes: [
      frame(1, '(root)', '', [2, 4, 5]),
      frame(2, 'handle', 'file:///r/services/gateway/src/routes/rag.ts', [3]),
      frame(3, 'write', pinoUrl),
      frame(4, '(idle)', ''),
      frame(5, '(garbage collector)', ''),
    ],
    startTime: 1_000,
    endTime: 2_000,
    // Samples at 1100 (pino), 1200 (handle), 1300 (idle), 1400 (GC), 1900 (pino, outside the window).
    samples: [3, 2, 4, 5, 3],
    timeDeltas: [100, 100, 100, 100, 500],
  };

  it('keeps only samples inside the windows, leaves idle out, and counts concerns on the whole stack', () => {
    const summary = summarizeProfile(profile, [[1_050, 1_450]]);
    // Each sample weighs the interval to the next: 0.1, 0.1, (idle), 0.5 ms.
    expect(summary.cpuMs).toBeCloseTo(0.7);
    expect(summary.topSelf[0]).toMatchObject({
      function: '(garbage collector)',
      where: '(garbage collector)',
    });
    const logging = summary.byConcern.find((row) => row.concern === 'logging (pino)');
    expect(logging?.ms).toBeCloseTo(0.1);
    expect(summary.byConcern.find((row) => row.concern === 'garbage collection')?.ms).toBeCloseTo(0.5);
  });

  it('names code by package or repository file', () => {
    expect(codeArea({ functionName: 'write', url: pinoUrl, lineNumber: 0 })).toBe('pino');
    expect(
      codeArea({
        functionName: 'x',
        url: 'file:///r/node_modules/.pnpm/@grpc+grpc-js@1.14.0/node_modules/@grpc/grpc-js/build/src/call.js',
        lineNumber: 0,
      }),
    ).toBe('@grpc/grpc-js');
    expect(
      codeArea({
        functionName: 'x',
        url: 'file:///r/packages/grpc/src/auth/service-tokens.ts',
        lineNumber: 0,
      }),
    ).toBe('packages/grpc/auth/service-tokens.ts');
  });
});

describe('interleave', () => {
  it('alternates the sides block by block and charges each block its own CPU counter', async () => {
    const order: string[] = [];
    const counters = { a: 0, b: 0 };
    const side = (name: 'a' | 'b', cost: number): LoadSide => ({
      name,
      request: async () => {
        order.push(name);
        counters[name] += cost;
        return 1;
      },
      cpuSeconds: () => ({ [name]: counters[name] }),
    });
    const figures = await interleave([side('a', 0.001), side('b', 0.003)], {
      rate: 1000,
      blocks: 2,
      blockRequests: 2,
      pauseMs: 0,
    });
    expect(order).toEqual(['a', 'a', 'b', 'b', 'b', 'b', 'a', 'a']);
    expect(figures.a!.cpuSecondsPer1000).toBeCloseTo(1);
    expect(figures.b!.cpuSecondsPer1000).toBeCloseTo(3);
    expect(figures.a!.requests).toBe(4);
    expect(figures.b!.windowsMicros).toHaveLength(2);
  });
});

describe('owningArea', () => {
  it("charges Node's own frames and natives to the nearest package or repository caller", () => {
    const stack = [
      { functionName: 'Hmac', url: 'node:internal/crypto/hash', lineNumber: 0 },
      { functionName: 'mac', url: 'file:///r/packages/grpc/src/auth/service-tokens.ts', lineNumber: 0 },
      { functionName: 'handle', url: 'file:///r/services/embed/src/grpc/embed-handlers.ts', lineNumber: 0 },
    ];
    expect(owningArea(stack)).toBe('packages/grpc/auth/service-tokens.ts');
    expect(ownerGroup(owningArea(stack))).toBe('service tokens (packages/grpc/auth)');
    expect(owningArea([{ functionName: 'runMicrotasks', url: '', lineNumber: 0 }])).toBe(
      'node core, no caller (event loop, microtasks)',
    );
    expect(owningArea([{ functionName: '(garbage collector)', url: '', lineNumber: 0 }])).toBe(
      '(garbage collector)',
    );
  });
});
