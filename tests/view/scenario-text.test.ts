// A scenario file carried in a page address: deflated, base64url, and read back byte for byte; a
// link cut short when copied is refused with a sentence, not a stack trace.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeScenarioText, encodeScenarioText } from '../../src/view/shared/scenario-text.ts';

describe('scenario text in an address', () => {
  it('reads back the same file name and text, written only in base64url characters, smaller than the file', async () => {
    const text = readFileSync('scenarios/jd-tencent-2014.json', 'utf8');
    const encoded = await encodeScenarioText({ file: 'scenarios/jd-tencent-2014.json', text });
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(encoded.length).toBeLessThan(text.length / 2);
    expect(await decodeScenarioText(encoded)).toEqual({ file: 'scenarios/jd-tencent-2014.json', text });
    // Chinese text (a lever's label) survives too.
    const chinese = '{ "name": "村", "title": "农村推广员" }';
    expect((await decodeScenarioText(await encodeScenarioText({ file: '村.json', text: chinese }))).text).toBe(chinese);
  });

  it('refuses a link cut short or with foreign characters, saying so', async () => {
    const encoded = await encodeScenarioText({ file: 'a.json', text: readFileSync('scenarios/no-rural-promoters.json', 'utf8') });
    await expect(decodeScenarioText(encoded.slice(0, encoded.length >> 1))).rejects.toThrow(/scenario-text cannot be read .*cut short/);
    await expect(decodeScenarioText(`${encoded}%20`)).rejects.toThrow(/characters that base64url does not use/);
  });
});
