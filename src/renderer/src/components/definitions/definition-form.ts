// The indicator definition form's values and their mapping to and from the contract's IndicatorDefinition.
// Pure, so what reaches indicator/save is easy to test. Base value text is sent exactly as typed.
import type { IndicatorDefinition } from '../../../../shared/api';
import type { Indicator, IndicatorDirection, IndicatorNature, TargetKind } from '../../../../shared/model';

/** Radio groups need a real value for "not set"; it becomes null in the definition. */
export const UNSET = 'unset';
export type Unset = typeof UNSET;

export interface DefinitionFormValues {
  name: string;
  unit: string;
  categoryId: number | undefined;
  nature: IndicatorNature | Unset;
  direction: IndicatorDirection | Unset;
  baseText: string;
  baseYear: number | null;
  baseSource: string;
  targetKind: TargetKind;
  /** undefined after the Select is cleared */
  departmentId: number | null | undefined;
  dataSource: string;
  remark: string;
}

export type DefinitionField = keyof DefinitionFormValues;

export const NATURES: readonly IndicatorNature[] = ['expected', 'binding'];
export const DIRECTIONS: readonly IndicatorDirection[] = ['increase', 'decrease', 'maintain'];
export const TARGET_KINDS: readonly TargetKind[] = ['level', 'yearly_average', 'cumulative'];

export function toFormValues(indicator: Indicator | null, categoryId: number | undefined): DefinitionFormValues {
  return {
    name: indicator?.name ?? '',
    unit: indicator?.unit ?? '',
    categoryId: indicator?.categoryId ?? categoryId,
    nature: indicator?.nature ?? UNSET,
    direction: indicator?.direction ?? UNSET,
    baseText: indicator?.base?.text ?? '',
    baseYear: indicator?.base?.year ?? null,
    baseSource: indicator?.base?.source ?? '',
    targetKind: indicator?.targetKind ?? 'level',
    departmentId: indicator?.departmentId ?? undefined,
    dataSource: indicator?.dataSource ?? '',
    remark: indicator?.remark ?? '',
  };
}

const blank = (s: string | null | undefined): boolean => (s ?? '').trim() === '';

/** Free text: surrounding blanks dropped, nothing left → null. */
const textOrNull = (s: string | null | undefined): string | null => (blank(s) ? null : (s ?? '').trim());

/** The definition to save; without `id` the core creates a new indicator. */
export function toDefinition(values: DefinitionFormValues, id?: number): IndicatorDefinition {
  if (values.categoryId === undefined) throw new Error('categoryId is required');
  const definition: IndicatorDefinition = {
    categoryId: values.categoryId,
    name: values.name.trim(),
    unit: textOrNull(values.unit),
    nature: values.nature === UNSET ? null : values.nature,
    direction: values.direction === UNSET ? null : values.direction,
    targetKind: values.targetKind,
    // The base value is the plan's own text: kept verbatim, only an empty one means "no base value".
    base: blank(values.baseText)
      ? null
      : { text: values.baseText, year: values.baseYear ?? null, source: textOrNull(values.baseSource) },
    departmentId: values.departmentId ?? null,
    dataSource: textOrNull(values.dataSource),
    remark: textOrNull(values.remark),
  };
  return id === undefined ? definition : { id, ...definition };
}

/** A base year or source without a base value would be dropped on save, so the form asks for the value. */
export function baseIsIncomplete(values: Pick<DefinitionFormValues, 'baseText' | 'baseYear' | 'baseSource'>): boolean {
  return blank(values.baseText) && (values.baseYear !== null || !blank(values.baseSource));
}

// Where the contract's paths (indicator.base.text …) land in the form.
const FIELD_OF_PATH: Record<string, DefinitionField> = {
  name: 'name',
  unit: 'unit',
  categoryId: 'categoryId',
  nature: 'nature',
  direction: 'direction',
  targetKind: 'targetKind',
  base: 'baseText',
  'base.text': 'baseText',
  'base.year': 'baseYear',
  'base.source': 'baseSource',
  departmentId: 'departmentId',
  dataSource: 'dataSource',
  remark: 'remark',
};

export interface FieldError {
  name: DefinitionField;
  errors: string[];
}

/**
 * The per-field messages of a VALIDATION error (details: [{ path: ['indicator', 'name'], message }], as the
 * dispatcher sends them). Anything unrecognised is ignored here; the envelope's message is shown anyway.
 */
export function serverFieldErrors(details: unknown): FieldError[] {
  if (!Array.isArray(details)) return [];
  const byField = new Map<DefinitionField, string[]>();
  for (const d of details as unknown[]) {
    if (typeof d !== 'object' || d === null) continue;
    const { path, message } = d as { path?: unknown; message?: unknown };
    if (!Array.isArray(path) || typeof message !== 'string') continue;
    const parts = path.map(String);
    const key = (parts[0] === 'indicator' ? parts.slice(1) : parts).join('.');
    const field = FIELD_OF_PATH[key];
    if (field) byField.set(field, [...(byField.get(field) ?? []), message]);
  }
  return [...byField].map(([name, errors]) => ({ name, errors }));
}
