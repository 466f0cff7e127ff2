import type { ParamPlan } from '../../core/policy';
import { parseStyledPathParam } from './param-parser';

const param = (style: ParamPlan['style'], explode: boolean, coercion: ParamPlan['coercion']): ParamPlan => ({ name: 'id', in: 'path', required: true, style, explode, coercion });

describe('parseStyledPathParam', () => {
  it('reads label-style scalars and arrays', () => {
    expect(parseStyledPathParam(param('label', false, { type: 'integer' }), '.5')).toBe(5);
    expect(parseStyledPathParam(param('label', false, { type: 'array', items: 'integer' }), '.3,4,5')).toEqual([3, 4, 5]);
    expect(parseStyledPathParam(param('label', true, { type: 'array', items: 'string' }), '.a.b')).toEqual(['a', 'b']);
  });

  it('reads matrix-style scalars and arrays', () => {
    expect(parseStyledPathParam(param('matrix', false, { type: 'boolean' }), ';id=true')).toBe(true);
    expect(parseStyledPathParam(param('matrix', false, { type: 'array', items: 'number' }), ';id=1.5,2')).toEqual([1.5, 2]);
    expect(parseStyledPathParam(param('matrix', true, { type: 'array', items: 'integer' }), ';id=3;id=4')).toEqual([3, 4]);
  });

  it('passes a value without the style prefix on unchanged, for the schema to refuse', () => {
    expect(parseStyledPathParam(param('label', false, { type: 'integer' }), '5')).toBe('5');
    expect(parseStyledPathParam(param('matrix', false, { type: 'integer' }), ';other=5')).toBe(';other=5');
  });
});
