import { describe, expect, it } from '@jest/globals';
import {
  cleanValue,
  commandDoc,
  commandTypes,
  errorsByField,
  fieldId,
  fieldKind,
  fieldPaths,
  getAt,
  initialValue,
  openSelectionDocs,
  pathKey,
  resolveSchema,
  setAt,
  type OpenApiDocument,
  type Schema,
} from './schema.js';

const documentSchema: Schema = {
  type: 'object',
  properties: {
    issuer: { type: 'string' },
    number: { type: 'string' },
    date: { type: 'string', format: 'date' },
    subject: { type: 'string', maxLength: 1000 },
  },
  required: ['issuer', 'number', 'date', 'subject'],
};

/** A document shaped like the API's /docs-json (see apps/api/src/selections/selections.openapi.ts). */
const doc: OpenApiDocument = {
  paths: {
    '/selections': {
      post: {
        requestBody: {
          content: {
            'application/json': {
              schema: {
                oneOf: [
                  {
                    allOf: [
                      { type: 'object', required: ['kind'], properties: { kind: { type: 'string', enum: ['jptp-open-selection'] } } },
                      { $ref: '#/components/schemas/JptpOpenSelectionDto' },
                    ],
                  },
                  {
                    allOf: [
                      { type: 'object', required: ['kind'], properties: { kind: { type: 'string', enum: ['pergub-113-filling'] } } },
                      { $ref: '#/components/schemas/PergubOpenSelectionDto' },
                    ],
                  },
                ],
              },
            },
          },
        },
      },
    },
    '/selections/{id}/commands/FormPansel': {
      post: {
        requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/JptpFormPanselDto' } } } },
        'x-jejak-roles': { 'jptp-open-selection': ['PPK'] },
        'x-jejak-states': { 'jptp-open-selection': ['preparing'] },
        'x-jejak-rules': { 'jptp-open-selection': [{ id: 'A-PANSEL', citation: 'Lampiran PermenPAN-RB 15/2019' }] },
      },
    },
    '/selections/{id}/commands/ChooseCandidate': {
      post: {
        requestBody: {
          content: {
            'application/json': {
              schema: {
                oneOf: [
                  { $ref: '#/components/schemas/JptpChooseCandidateDto' },
                  { $ref: '#/components/schemas/PergubChooseCandidateDto' },
                ],
              },
            },
          },
        },
        'x-jejak-roles': { 'jptp-open-selection': ['PPK'], 'pergub-113-filling': ['PPK'] },
      },
    },
  },
  components: {
    schemas: {
      RecordedDocumentDto: documentSchema,
      JptpOpenSelectionDto: { type: 'object', properties: { title: { type: 'string' } }, required: ['title'] },
      PergubOpenSelectionDto: {
        type: 'object',
        properties: { title: { type: 'string' }, pilkada: { type: 'array', items: { type: 'object', properties: { candidateDetermination: { type: 'string', format: 'date' } } } } },
        required: ['title'],
      },
      JptpPanselMemberDto: {
        type: 'object',
        properties: { nip: { type: 'string' }, name: { type: 'string' }, internal: { type: 'boolean' } },
        required: ['name', 'internal'],
      },
      JptpFormPanselDto: {
        type: 'object',
        properties: {
          decree: { $ref: '#/components/schemas/RecordedDocumentDto' },
          members: { type: 'array', items: { $ref: '#/components/schemas/JptpPanselMemberDto' } },
        },
        required: ['decree', 'members'],
      },
      JptpChooseCandidateDto: { type: 'object', properties: { applicationId: { type: 'string' } }, required: ['applicationId'] },
      PergubChooseCandidateDto: { type: 'object', properties: { nip: { type: 'string' } }, required: ['nip'] },
    },
  },
};

describe('schema resolution from /docs-json', () => {
  it('follows $ref and merges allOf', () => {
    const resolved = resolveSchema({ $ref: '#/components/schemas/JptpFormPanselDto' }, doc);
    expect(resolved.properties?.['decree']?.properties?.['issuer']).toEqual({ type: 'string' });
    expect(resolved.properties?.['members']?.items?.required).toEqual(['name', 'internal']);
    const merged = resolveSchema(
      { allOf: [{ properties: { a: { type: 'string' } }, required: ['a'] }, { properties: { b: { type: 'number' } }, required: ['b'] }] },
      doc,
    );
    expect(Object.keys(merged.properties ?? {})).toEqual(['a', 'b']);
    expect(merged.required).toEqual(['a', 'b']);
  });

  it('throws on an unknown $ref', () => {
    expect(() => resolveSchema({ $ref: '#/components/schemas/Nope' }, doc)).toThrow('unknown schema');
  });

  it('lists the commands and gives a command its roles, states, rules and schema', () => {
    expect(commandTypes(doc).sort()).toEqual(['ChooseCandidate', 'FormPansel']);
    const command = commandDoc(doc, 'FormPansel', 'jptp-open-selection');
    expect(command?.roles).toEqual(['PPK']);
    expect(command?.states).toEqual(['preparing']);
    expect(command?.rules).toEqual([{ id: 'A-PANSEL', citation: 'Lampiran PermenPAN-RB 15/2019' }]);
    expect(command?.schema.required).toEqual(['decree', 'members']);
    expect(commandDoc(doc, 'Unknown', 'jptp-open-selection')).toBeUndefined();
  });

  it('picks the variant of a oneOf by the selection kind', () => {
    expect(commandDoc(doc, 'ChooseCandidate', 'jptp-open-selection')?.schema.required).toEqual(['applicationId']);
    expect(commandDoc(doc, 'ChooseCandidate', 'pergub-113-filling')?.schema.required).toEqual(['nip']);
  });

  it('gives one open-selection form per kind, without the kind field', () => {
    const variants = openSelectionDocs(doc);
    expect(variants.map((v) => v.kind)).toEqual(['jptp-open-selection', 'pergub-113-filling']);
    expect(variants[0]?.schema.required).toEqual(['title']);
    expect(Object.keys(variants[1]?.schema.properties ?? {})).toEqual(['title', 'pilkada']);
  });
});

describe('form values', () => {
  const pansel = resolveSchema({ $ref: '#/components/schemas/JptpFormPanselDto' }, doc);

  it('chooses an input per schema', () => {
    expect(fieldKind({ type: 'string', format: 'date' })).toBe('date');
    expect(fieldKind({ type: 'string', format: 'date-time' })).toBe('datetime');
    expect(fieldKind({ type: 'string', enum: ['A', 'B'] })).toBe('select');
    expect(fieldKind({ type: 'string' }, 'reason')).toBe('textarea');
    expect(fieldKind({ type: 'string', maxLength: 1000 })).toBe('textarea');
    expect(fieldKind({ type: 'integer' })).toBe('integer');
    expect(fieldKind({ type: 'boolean' })).toBe('boolean');
    expect(fieldKind(pansel)).toBe('object');
    expect(fieldKind({ type: 'array', items: { type: 'string' } })).toBe('array');
    expect(fieldKind({ type: 'object' })).toBe('json');
  });

  it('starts empty, with booleans false and lists at their minimum length', () => {
    expect(initialValue(pansel)).toEqual({ decree: { issuer: '', number: '', date: '', subject: '' }, members: [] });
    expect(initialValue({ type: 'array', minItems: 2, items: { type: 'string' } })).toEqual(['', '']);
  });

  it('cleans into the body: empty optional fields left out, numbers and WITA date-times converted', () => {
    const value = {
      decree: { issuer: 'GUBERNUR', number: '', date: '2024-05-13', subject: 'Pansel' },
      members: [{ nip: '', name: 'A', internal: true }],
    };
    expect(cleanValue(pansel, value)).toEqual({
      decree: { issuer: 'GUBERNUR', date: '2024-05-13', subject: 'Pansel' },
      members: [{ name: 'A', internal: true }],
    });
    expect(cleanValue({ type: 'integer' }, '7')).toBe(7);
    expect(cleanValue({ type: 'integer' }, 'x7')).toBe('x7');
    expect(cleanValue({ type: 'integer' }, '')).toBeUndefined();
    expect(cleanValue({ type: 'string', format: 'date-time' }, '2024-05-20T10:00')).toBe('2024-05-20T10:00:00+08:00');
    expect(cleanValue({ type: 'string', format: 'date-time' }, '2024-05-20T02:00:00Z')).toBe('2024-05-20T02:00:00Z');
    expect(cleanValue({ type: 'number', enum: [1, 2] }, '2')).toBe(2);
    expect(cleanValue({ type: 'object' }, '{"planning":"2024-05-01"}')).toEqual({ planning: '2024-05-01' });
    // A required nested object with nothing filled still goes out, so the API names its fields.
    expect(cleanValue(pansel, initialValue(pansel))).toEqual({ decree: {}, members: [] });
  });

  it('names paths the way the API names fields, and reads and writes them immutably', () => {
    expect(pathKey(['members', 0, 'name'])).toBe('members[0].name');
    expect(pathKey(['decree', 'number'])).toBe('decree.number');
    expect(fieldId(['members', 0, 'name'])).toBe('f-members-0-name');
    const start = { members: [{ name: 'A' }] };
    const next = setAt(start, ['members', 1, 'name'], 'B');
    expect(getAt(next, ['members', 1, 'name'])).toBe('B');
    expect(start.members).toHaveLength(1);
    expect(fieldPaths(pansel, next).map(pathKey)).toEqual([
      'decree',
      'decree.issuer',
      'decree.number',
      'decree.date',
      'decree.subject',
      'members',
      'members[0]',
      'members[0].nip',
      'members[0].name',
      'members[0].internal',
      'members[1]',
      'members[1].nip',
      'members[1].name',
      'members[1].internal',
    ]);
    expect(errorsByField([{ field: 'a', messages: ['x'] }, { field: 'a', messages: ['y'] }]).get('a')).toEqual(['x', 'y']);
  });
});
