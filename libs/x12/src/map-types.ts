/** Usage of a loop, segment or element in an implementation guide: Required, Situational, Not used. */
export type Usage = 'R' | 'S' | 'N' | string;

/** [seq, usage, data element number, code list or external code-set id] */
export type SimpleElementData = readonly [string, Usage, string, (readonly string[] | string)?];
/** [seq, usage, composite id, components] */
export type CompositeData = readonly [string, Usage, string, readonly SimpleElementData[]];
export type ElementData = SimpleElementData | CompositeData;

/** [segment id, name, usage, max use (0 = unbounded), elements, syntax rules such as P0809] */
export type SegmentData = readonly [
  string,
  string,
  Usage,
  number,
  readonly ElementData[],
  (readonly string[])?,
];

/** [loop id, name, usage, max repeat (0 = unbounded), children: loops or indexes into TxMapData.segs] */
export interface LoopData extends ReadonlyArray<unknown> {
  readonly 0: string;
  readonly 1: string;
  readonly 2: Usage;
  readonly 3: number;
  readonly 4: ReadonlyArray<LoopData | number>;
}

export interface TxMapData {
  readonly id: string;
  readonly version: string;
  readonly name: string;
  readonly segs: readonly SegmentData[];
  readonly root: LoopData;
}

/** [data type, min length, max length] */
export type DataElementData = readonly [string, number, number];
