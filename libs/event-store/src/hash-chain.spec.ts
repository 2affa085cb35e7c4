import {
  GENESIS_HASH,
  canonicalEnvelope,
  canonicalJson,
  chainHash,
  verifyChain,
  type ChainRow,
} from './hash-chain.js';

const streamId = 'selection-7a1c4a52-3f0c-4d55-9a43-5c7f1bd3a001';

function chainOf(count: number): ChainRow[] {
  const rows: ChainRow[] = [];
  let prevHash = GENESIS_HASH;
  for (let revision = 0; revision < count; revision += 1) {
    const canonical = canonicalEnvelope({
      streamId,
      revision,
      type: 'NoteTaken',
      dataJson: canonicalJson({ n: revision, text: `note ${revision}` }),
      metadataJson: canonicalJson({ actor: 'tester' }),
    });
    const hash = chainHash(prevHash, canonical);
    rows.push({ streamId, revision, type: 'NoteTaken', canonical, prevHash, hash });
    prevHash = hash;
  }
  return rows;
}

describe('canonicalEnvelope', () => {
  it('equals the RFC 8785 canonical JSON of the whole envelope', () => {
    const data = { z: [1, 2.5, 'é'], a: { y: true, b: null }, n: 1e21 };
    const metadata = { role: 'PPK', actor: '{"sub":"u1"}' };
    const assembled = canonicalEnvelope({
      streamId,
      revision: 3,
      type: 'CandidateChosen',
      dataJson: canonicalJson(data),
      metadataJson: canonicalJson(metadata),
    });
    expect(assembled).toBe(
      canonicalJson({ type: 'CandidateChosen', streamId, revision: 3, metadata, data }),
    );
  });

  it('sorts keys and normalises numbers as RFC 8785 requires', () => {
    expect(canonicalJson({ b: 1.0, a: [1e-7, 'x'] })).toBe('{"a":[1e-7,"x"],"b":1}');
  });
});

describe('chainHash', () => {
  it('is SHA-256 of the previous hash followed by the canonical bytes', () => {
    // Independent vector: printf '%064d{}' 0 | sha256sum
    expect(chainHash(GENESIS_HASH, '{}')).toBe(
      '5508d2b710e64bc470079e1b211d9c58e21011e59d0559e422345dc19d659a75',
    );
    expect(chainHash('f'.repeat(64), '{}')).not.toBe(chainHash(GENESIS_HASH, '{}'));
  });
});

describe('verifyChain', () => {
  it('accepts an intact chain and returns its head hash', () => {
    const rows = chainOf(5);
    expect(verifyChain(rows)).toEqual({ ok: true, eventsChecked: 5, headHash: rows[4]!.hash });
  });

  it('accepts an empty stream with the genesis hash as head', () => {
    expect(verifyChain([])).toEqual({ ok: true, eventsChecked: 0, headHash: GENESIS_HASH });
  });

  it('reports altered content at the altered revision', () => {
    const rows = chainOf(5);
    rows[2] = { ...rows[2]!, canonical: rows[2]!.canonical.replace('note 2', 'note X') };
    expect(verifyChain(rows)).toMatchObject({
      ok: false,
      brokenAt: 2,
      reason: 'altered',
      eventsChecked: 2,
      headHash: rows[1]!.hash,
    });
  });

  it('reports a rehashed event by the broken link to its predecessor', () => {
    const rows = chainOf(4);
    const forged = rows[1]!.canonical.replace('note 1', 'forged');
    rows[1] = { ...rows[1]!, canonical: forged, hash: chainHash(rows[1]!.prevHash, forged) };
    expect(verifyChain(rows)).toMatchObject({ ok: false, brokenAt: 2, reason: 'altered' });
  });

  it('reports a missing revision', () => {
    const rows = chainOf(5);
    rows.splice(2, 1);
    expect(verifyChain(rows)).toMatchObject({ ok: false, brokenAt: 2, reason: 'missing' });
  });

  it('reports two swapped events as reordered at the first of them', () => {
    const rows = chainOf(5);
    const [second, third] = [rows[2]!, rows[3]!];
    rows[2] = { ...third, revision: 2 };
    rows[3] = { ...second, revision: 3 };
    expect(verifyChain(rows)).toMatchObject({ ok: false, brokenAt: 2, reason: 'reordered' });
  });

  it('reports stored bytes that are no longer JSON as altered', () => {
    const rows = chainOf(2);
    rows[0] = { ...rows[0]!, canonical: '{not json' };
    expect(verifyChain(rows)).toMatchObject({ ok: false, brokenAt: 0, reason: 'altered' });
  });

  it('reports a changed type column (not hashed itself) as altered', () => {
    const rows = chainOf(3);
    rows[1] = { ...rows[1]!, type: 'CandidateChosen' };
    expect(verifyChain(rows)).toMatchObject({ ok: false, brokenAt: 1, reason: 'altered' });
  });

  it('accepts a link whose bytes are valid JSON in another layout, as a parse would', () => {
    const rows = chainOf(2);
    const spaced = rows[1]!.canonical.replace('{"data":', '{ "data":');
    rows[1] = { ...rows[1]!, canonical: spaced, hash: chainHash(rows[1]!.prevHash, spaced) };
    expect(verifyChain(rows)).toEqual({ ok: true, eventsChecked: 2, headHash: rows[1].hash });
  });

  it('reports a row moved to another stream as altered', () => {
    const rows = chainOf(2);
    rows[1] = { ...rows[1]!, streamId: 'selection-00000000-0000-4000-8000-000000000000' };
    expect(verifyChain(rows)).toMatchObject({ ok: false, brokenAt: 1, reason: 'altered' });
  });
});
