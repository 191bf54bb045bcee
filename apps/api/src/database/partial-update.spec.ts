import { updateGivenColumns } from './partial-update.js';

const COLUMNS = ['name', 'contact', 'lat'] as const;

describe('updateGivenColumns', () => {
  it('sets only the given columns, in the order of the list, with null as a value and the id as $1', () => {
    expect(updateGivenColumns('agency', COLUMNS, 'id-1', { name: undefined, lat: 37.5, contact: null })).toEqual({
      text: 'UPDATE agency SET contact = $2, lat = $3 WHERE id = $1',
      params: ['id-1', null, 37.5],
    });
  });

  it('never sets a column missing from the list, whatever the values hold', () => {
    const values = { name: 'A', contact: undefined, lat: undefined, webhook_secret: 'x' };
    expect(updateGivenColumns('agency', COLUMNS, 'id-1', values)).toEqual({
      text: 'UPDATE agency SET name = $2 WHERE id = $1',
      params: ['id-1', 'A'],
    });
  });

  it('refuses an update that gives no column, and names that are not plain identifiers', () => {
    expect(() =>
      updateGivenColumns('agency', COLUMNS, 'id-1', { name: undefined, contact: undefined, lat: undefined }),
    ).toThrow('gives no column');
    const onlyName = { name: 'A', contact: undefined, lat: undefined };
    expect(() => updateGivenColumns('agency; DROP TABLE agency', COLUMNS, 'id-1', onlyName)).toThrow(
      'not a table or column name',
    );
    expect(() => updateGivenColumns('agency', ['name = name --'], 'id-1', { 'name = name --': 'A' })).toThrow(
      'not a table or column name',
    );
  });
});
