/**
 * Every document of the compatibility corpus is a valid contract for the loader:
 * the cases test the engine on what users can actually publish.
 */
import { loadContractText } from '../document';
import { CASES, loadCase } from '../../../test/fixtures/compat/load-corpus';

describe('compatibility corpus documents', () => {
  it.each(CASES)('%s: base and head load', async (name) => {
    const c = loadCase(name);
    for (const [file, text] of [['base.yaml', c.baseText], ['head.yaml', c.headText]] as const) {
      const loaded = await loadContractText(text, `${name}/${file}`);
      expect(loaded.ok ? [] : loaded.errors.map((e) => `${e.source.pointer}: ${e.message}`)).toEqual([]);
    }
  });
});
