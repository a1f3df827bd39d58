/**
 * Names for parts of a vega-lite spec (vega-lite exports only the top-level
 * type), so builders can declare shared encodings with contextual types.
 */
import type { TopLevelSpec } from 'vega-lite';

type LayerSpecOf<T> = T extends { layer: (infer L)[] } ? L : never;
type ConcatSpecOf<T> = T extends { concat: (infer C)[] } ? C : never;
type HConcatSpecOf<T> = T extends { hconcat: (infer C)[] } ? C : never;

/** One layer of a layered chart. */
export type LayerSpec = LayerSpecOf<Extract<TopLevelSpec, { layer: unknown }>>;
/** One view of a concatenated chart. */
export type ConcatSpec = ConcatSpecOf<Extract<TopLevelSpec, { concat: unknown }>>;
/** One view of a horizontally concatenated chart. */
export type HConcatView = HConcatSpecOf<Extract<TopLevelSpec, { hconcat: unknown }>>;
/** The encoding of a unit (single-mark) layer. */
export type Encoding = NonNullable<Extract<LayerSpec, { mark: unknown }>['encoding']>;
export type PositionDef = NonNullable<Encoding['x']>;
export type ColorDef = NonNullable<Encoding['color']>;
export type OffsetDef = NonNullable<Encoding['xOffset']>;
