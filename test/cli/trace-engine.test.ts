import { describe, expect, it } from 'vitest';
import { traceEngine } from '../../src/cli/trace-engine.ts';
import { kernelAvailability } from '../../src/engine/wasm-kernel.ts';

function traced(env: NodeJS.ProcessEnv): string {
  let text = '';
  traceEngine({ err: (chunk: string) => void (text += chunk) }, env);
  return text;
}

describe('traceEngine', () => {
  it('says nothing unless phases are traced', () => {
    expect(traced({})).toBe('');
  });

  it('names the JavaScript reference when EXPANSIM_ENGINE=js selects it', () => {
    expect(traced({ EXPANSIM_TRACE: 'phases', EXPANSIM_ENGINE: 'js' })).toBe('expansim: engine javascript (EXPANSIM_ENGINE=js)\n');
  });

  it('names the kernel, or why there is none', () => {
    const engine = kernelAvailability({}).module === undefined ? 'javascript' : 'webassembly';
    expect(traced({ EXPANSIM_TRACE: 'phases' })).toMatch(new RegExp(`^expansim: engine ${engine} \\(.+\\)\\n$`));
  });
});
