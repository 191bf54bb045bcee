import { renderToStaticMarkup } from 'react-dom/server';
import { choicesOf, SelectField, TextField, useFieldValues } from './fields';

/** A form as the console writes one: text, a union kept by a select's options, and a number read from its text. */
function TeamFields() {
  const { bind } = useFieldValues({ callsign: '119-A', kind: 'fire' as 'fire' | 'police', size: 3 });
  return (
    <>
      <TextField label="Callsign" {...bind('callsign')} required />
      <SelectField
        label="Kind"
        {...bind('kind')}
        options={choicesOf(['fire', 'police'], { fire: 'Fire', police: 'Police' })}
      />
      <TextField label="Size" {...bind('size', Number)} type="number" />
    </>
  );
}

describe('form fields', () => {
  it('gives each control the form name of its entry and that entry as its value, inside the label that names it', () => {
    const html = renderToStaticMarkup(<TeamFields />);
    expect(html).toBe(
      [
        '<label class="field"><span>Callsign</span><input required="" name="callsign" value="119-A"/></label>',
        '<label class="field"><span>Kind</span><select name="kind">',
        '<option value="fire" selected="">Fire</option><option value="police">Police</option></select></label>',
        '<label class="field"><span>Size</span><input type="number" name="size" value="3"/></label>',
      ].join(''),
    );
  });

  it('labels the choices over a vocabulary in its own order', () => {
    expect(choicesOf(['phone', 'text'], { phone: 'Phone', text: 'Text' })).toEqual([
      { value: 'phone', label: 'Phone' },
      { value: 'text', label: 'Text' },
    ]);
  });
});
