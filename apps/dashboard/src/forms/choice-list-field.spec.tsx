import { renderToStaticMarkup } from 'react-dom/server';
import { formControl, FRACTURE_FIELDS } from '@vfr/domain';
import { ChoiceListField } from './choice-list-field';
import { humanize } from './choices';
import { listShown, toggledChoice } from './defined-values';
import type { RecordForm } from './use-record-form';

const ORDER = FRACTURE_FIELDS.additionalInjuryKinds.choices as readonly string[];
const form = (value: string, error?: string): RecordForm => ({
  raw: { additionalInjuryKinds: value },
  errors: error ? { additionalInjuryKinds: error } : {},
  problem: null,
  saving: false,
  required: new Set(),
  dirty: false,
  restored: false,
  onKeyDown: () => undefined,
  discardDraft: () => undefined,
  set: () => undefined,
  submit: () => Promise.resolve(true),
  onSubmit: () => undefined,
  reset: () => undefined,
});
// The control DefinedField draws for an enum list (forms.css keeps DefinedField itself out of a test without a browser).
const control = formControl('additionalInjuryKinds', FRACTURE_FIELDS.additionalInjuryKinds, humanize);
const render = (value: string, error?: string) =>
  renderToStaticMarkup(
    <ChoiceListField form={form(value, error)} name="additionalInjuryKinds" label={control.label} hint={control.hint} choices={control.choices!} />,
  );
/** The labels of the inputs that are checked. */
const checked = (html: string) =>
  [...html.matchAll(/<input id="([^"]+)" type="(?:radio|checkbox)"[^>]*checked=""[^>]*\/><label for="\1">([^<]+)<\/label>/g)].map((m) => m[2]);

describe('an enum list in a form: not recorded, none, or kinds', () => {
  it('draws "not recorded", "none" and one checkbox per kind, with the state the raw value holds', () => {
    const blank = render('');
    expect(blank).toContain('<legend>Additional injuries</legend>');
    expect(blank.match(/type="checkbox"/g)).toHaveLength(11);
    expect(checked(blank)).toEqual(['Not recorded']);
    expect(checked(render('NONE'))).toEqual(['None']);
    expect(checked(render('RIB;OTHER_SPINE'))).toEqual(['Rib', 'Other spinal fracture (not adjacent)']);
    expect(render('RIB;RIB', 'Additional injuries lists RIB more than once')).toContain('Additional injuries lists RIB more than once');
  });

  it("ticks kinds in the choices' order, and unticking the last goes back to not recorded, not to none", () => {
    expect(toggledChoice('', 'HIP', true, ORDER)).toBe('HIP');
    expect(toggledChoice('NONE', 'HIP', true, ORDER)).toBe('HIP');
    expect(toggledChoice('HIP', 'RIB', true, ORDER)).toBe('RIB;HIP');
    expect(toggledChoice('RIB;HIP', 'RIB', false, ORDER)).toBe('HIP');
    expect(toggledChoice('HIP', 'HIP', false, ORDER)).toBe('');
  });

  it('shows a stored list on the page by its labels, none, or a dash when not recorded', () => {
    const def = FRACTURE_FIELDS.additionalInjuryKinds;
    expect([listShown(def, null), listShown(def, []), listShown(def, ['RIB', 'UPPER_LIMB'])]).toEqual(['–', 'none', 'Rib, Upper limb']);
  });
});
